// run_cascade: one deterministic run of a scenario on a frozen model graph.
//
//   FrozenGraph graph = FrozenGraph::freeze(model);
//   Diagnostics diags;
//   auto selected = resolve_levers(scenario, model, diags);
//   CascadeRun run = run_cascade(graph, scenario, selected, scenario.horizon.seconds);
//
// The result holds every entity's change log and its state at the horizon; it is identical
// for any `threads` (the frontier engine, frontier_engine.h, runs large steps on up to that
// many threads).
// Thread-safe for distinct runs (all state is local to the call).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "model/frozen_graph.h"
#include "model/scenario.h"
#include "sim/cascade/cascade_behaviour.h"
#include "sim/cascade/frontier_engine.h"
#include "sim/cascade/state_record.h"
#include "sim/kernel/behaviour.h"

namespace msout::cascade {

struct CascadeRun {
  std::int64_t horizon = 0;                       // seconds
  std::vector<std::vector<StateRecord>> history;  // per entity, in time order
  std::vector<State> final_state;                 // per entity, at the horizon
  std::vector<State> final_imposed;               // per entity: what levers impose at the end
  kernel::RunStats stats;
};

// The engine's view of the scenario's levers (ends resolved to lever indices).
std::vector<EngineLever> engine_levers(const model::Scenario& scenario);

// `lever_times`, when given, replaces each lever's `at` (seconds, one per lever): a Monte
// Carlo replication's drawn times (model/uncertainty.h). `progress`, when given, is told the
// simulated time of each instant reached, on the calling thread. `threads` > 1 runs large
// steps of the cascade concurrently, with the same results (frontier_engine.h).
CascadeRun run_cascade(const model::FrozenGraph& graph, const model::Scenario& scenario,
                       const std::vector<std::vector<std::uint32_t>>& selected,
                       std::int64_t horizon, int threads = 1, const CascadeProgress& progress = {},
                       std::span<const std::int64_t> lever_times = {});

// The reusable form of run_cascade for many runs of one scenario on one FrozenGraph object
// whose contents may change between runs (Monte Carlo: FrozenGraph::refreeze). Keeps the
// frontier engine and its memory, so that a run allocates little once the workspace is
// warm. One workspace per thread.
//
//   CascadeWorkspace ws(graph, scenario, selected);
//   for (...) { graph.refreeze(...); ws.run(horizon, draw.lever_at); read ws.behaviour(); }
class CascadeWorkspace {
 public:
  // `graph`, `scenario` and `selected` must outlive the workspace.
  CascadeWorkspace(const model::FrozenGraph& graph, const model::Scenario& scenario,
                   const std::vector<std::vector<std::uint32_t>>& selected);
  CascadeWorkspace(const CascadeWorkspace&) = delete;
  CascadeWorkspace& operator=(const CascadeWorkspace&) = delete;

  // One run to `horizon` with the levers at `lever_times` (empty: as in the scenario). The
  // results (behaviour().history(node), state(node)) hold until the next run.
  kernel::RunStats run(std::int64_t horizon, std::span<const std::int64_t> lever_times = {});
  const CascadeBehaviour& behaviour() const { return engine_.behaviour(); }

 private:
  const model::Scenario& scenario_;
  const std::vector<std::vector<std::uint32_t>>& selected_;
  FrontierEngine engine_;
  std::vector<std::int64_t> times_;
};

}  // namespace msout::cascade
