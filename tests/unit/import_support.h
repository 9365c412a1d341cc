// Helpers shared by the import tests: an entity of an imported overlay, and a run of the
// model with the overlay applied, read as `msout run --whatif` reads it.
#pragma once

#include <string>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/import/overlay_builder.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {

// The entity `id` of the overlay's add_entities; fails the test if there is none.
inline const model::OrderedJson& imported_entity(const model::OrderedJson& overlay,
                                                 const std::string& id) {
  for (const model::OrderedJson& e : overlay["add_entities"]) {
    if (e["id"] == id) return e;
  }
  FAIL("no entity " << id);
  static const model::OrderedJson none;
  return none;
}

// `model` with `overlay` applied, under a scenario that takes `down_id` down for good at
// `at` (a duration) within one day: the state changes of entity `id`.
inline Changes run_imported(const model::Model& model, const model::OrderedJson& overlay,
                            const std::string& down_id, const std::string& at,
                            const std::string& id) {
  model::Diagnostics diags;
  const model::Model patched = model::apply_imported_overlay(model, overlay, "import.json", diags);
  REQUIRE_MESSAGE(!diags.has_errors(), diags.errors().front().to_string());
  const model::Scenario scenario =
      inline_scenario(R"([{"id":"l","name":"l","at":")" + at +
                          R"(","action":"down","select":{"ids":[")" + down_id + R"("]}}])",
                      "1d");
  const auto selected = model::resolve_levers(scenario, patched, diags);
  const auto graph = model::FrozenGraph::freeze(patched);
  const auto run = cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds);
  Changes changes;
  for (const auto& r : run.history[*patched.find(id)]) changes.emplace_back(r.time, r.state);
  return changes;
}

}  // namespace msout::testing
