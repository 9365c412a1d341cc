// Test fixture: a model and scenario written inline as JSON, run through the cascade.
//
//   Sim sim(R"([{"id":"a",...}])", R"([{"id":"l","at":"1h",...}])", "1d");
//   CHECK(sim.changes("f") == Changes{{3600, State::kDown}});
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/black_start.h"
#include "sim/cascade/cascade_run.h"

namespace msout::testing {

using cascade::State;
using Changes = std::vector<std::pair<std::int64_t, State>>;

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;

// A model whose entities are the JSON array `entities`, and a scenario named "test" with the
// JSON array `levers` and `horizon` (a duration), as files "model.json" and "scenario.json".
inline model::Model inline_model(const std::string& entities) {
  return model::load_model(
      {{"model.json", R"({"format":"msout-model/1","entities":)" + entities + "}"}});
}
inline model::Scenario inline_scenario(const std::string& levers, const std::string& horizon) {
  return model::load_scenario(
      {"scenario.json", R"({"format":"msout-scenario/1","name":"test","horizon":")" + horizon +
                            R"(","levers":)" + levers + "}"});
}

struct Sim {
  model::Model model;
  model::Scenario scenario;
  model::FrozenGraph graph;
  cascade::CascadeRun run;

  // `entities` and `levers` are JSON arrays; `horizon` a duration.
  Sim(const std::string& entities, const std::string& levers, const std::string& horizon,
      bool include_disputed = false) {
    model = inline_model(entities);
    scenario = inline_scenario(levers, horizon);
    model::Diagnostics diags;
    auto selected = model::resolve_levers(scenario, model, diags);
    graph = model::FrozenGraph::freeze(model, model::FreezeOptions{include_disputed});
    run = cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds);
  }

  std::uint32_t index(const std::string& id) const { return *model.find(id); }

  // The entity's state changes as (time, new state).
  Changes changes(const std::string& id) const {
    Changes out;
    for (const cascade::StateRecord& r : run.history[index(id)]) out.emplace_back(r.time, r.state);
    return out;
  }

  State final_state(const std::string& id) const { return run.final_state[index(id)]; }

  cascade::BlackStart black_start() const {
    return cascade::find_black_start(graph, run.final_state, run.final_imposed);
  }

  std::vector<std::string> ids(const std::vector<std::uint32_t>& nodes) const {
    std::vector<std::string> out;
    for (std::uint32_t n : nodes) out.push_back(model.entities[n].id);
    return out;
  }
};

// A provider entity with no requirements.
inline std::string provider(const std::string& id) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"provider"})";
}

// A critical function serving `people`, named by its id.
inline std::string function_serving(const std::string& id, const std::string& requirements,
                                    std::uint64_t people) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function","people_served":)" +
         std::to_string(people) + R"(,"requires":)" + requirements + "}";
}

// An entity of `kind` with the given requirements (a JSON array).
inline std::string entity(const std::string& id, const std::string& requirements,
                          const std::string& kind = "service") {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":")" + kind + R"(","requires":)" +
         requirements + "}";
}

// A lever; `action` down / degraded / restore; `extra` adds keys (e.g. ,"ends":["x"]).
inline std::string lever(const std::string& id, const std::string& at, const std::string& action,
                         const std::string& ids, const std::string& extra = "") {
  return R"({"id":")" + id + R"(","at":")" + at + R"(","action":")" + action +
         R"(","select":{"ids":)" + ids + "}" + extra + "}";
}

// The reports' example: a down 1h-3h. f needs a (recovery 30m): down 1h-3h30m. g needs a
// (tolerance 1h, only degrades): degraded 2h-3h. h needs nothing.
inline Sim report_example() {
  return Sim(
      "[" + provider("a") + "," + function_serving("f", R"([{"on":"a","recovery":"30m"}])", 1000) +
          "," + function_serving("g", R"([{"on":"a","tolerance":"1h","effect":"degraded"}])", 500) +
          "," + function_serving("h", "[]", 10) + "]",
      "[" + lever("la", "1h", "down", R"(["a"])") + "," + lever("ra", "3h", "restore", R"(["a"])") +
          "]",
      "6h");
}

}  // namespace msout::testing
