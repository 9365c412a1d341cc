// Blast radius: what the outage of one entity alone does to the critical functions — the
// concentration ("systemic") risk of the white paper.
//
// For each entity, the single-outage scenario (that entity down at t=0 until the horizon,
// nothing else) is run through the real engine, and every function that is down or degraded
// at some time within the horizon is collected with its first times. The runs are
// independent and run concurrently (one sequential run per task); results are collected by
// index, so they are identical for any thread count.
//
//   std::vector<BlastRadius> results = blast_radius(model, graph, providers, 30 * 86400, 4);
//   rank(results, model);
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "model/catalogue.h"
#include "model/frozen_graph.h"
#include "model/model.h"
#include "model/scenario.h"
#include "sim/cascade/state.h"

namespace msout::analysis {

// One critical function hit by an outage.
struct FunctionHit {
  std::uint32_t function = 0;
  std::optional<std::int64_t> first_degraded;  // first time degraded or worse (seconds)
  std::optional<std::int64_t> first_down;
  std::int64_t time_down = 0;  // seconds down within [0, horizon]
  cascade::State state_at_horizon = cascade::State::kUp;
  std::uint64_t people = 0;  // people served by the function
  double people_hours_down = 0;
};

// The people figures are never sums over functions (sim/report/people_figures.h): "at
// least" figures, capped at the model's population; the one sum kept is labelled
// function-weighted (docs/analyses.md).
struct BlastRadius {
  std::uint32_t entity = 0;              // the entity that is out
  std::vector<FunctionHit> functions;    // hit ones: by first down, first degraded, then id
  std::uint32_t functions_down = 0;      // down at some time within the horizon
  std::uint32_t functions_degraded = 0;  // degraded at some time, never down
  // At least this many people: served by the most widely used function down (at some time),
  // resp. only degraded; capped at the population.
  std::uint64_t people_down = 0;
  std::uint64_t people_degraded = 0;
  // People-hours down, at least: the integral over the horizon of the people served by the
  // most widely used function down at each instant, capped; at most population x horizon.
  double people_hours_down = 0;
  // Function-people-hours down: people x hours down summed over the functions, a
  // function-weighted measure (a person counts once per function), not people.
  double function_people_hours_down = 0;
};

// The scenario "`entity` down from 0s to the horizon": one lever, id "outage".
model::Scenario single_outage_scenario(const model::Catalogue& names, std::uint32_t entity,
                                       std::int64_t horizon);

// Told the number of outages run so far, from the worker threads, after each one.
using BlastRadiusProgress = std::function<void(std::size_t done)>;

// The blast radius of each of `entities` (entity indices), in that order. `graph` must be
// the catalogue's model's (frozen from it, or read with it from a compact file). Runs up to
// `threads` outages at a time (each run on one thread). Thread-safe with respect to other
// calls; throws only std::bad_alloc. `progress` (optional) must be callable from several
// threads at once.
std::vector<BlastRadius> blast_radius(const model::Catalogue& names,
                                      const model::FrozenGraph& graph,
                                      std::span<const std::uint32_t> entities, std::int64_t horizon,
                                      int threads, const BlastRadiusProgress& progress = {});

// Sorts worst first: most people down (the at-least figure), then most functions down, then
// most functions degraded, then entity id.
void rank(std::vector<BlastRadius>& results, const model::Catalogue& names);

}  // namespace msout::analysis
