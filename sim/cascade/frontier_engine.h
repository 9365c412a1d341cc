// FrontierEngine: the cascade of docs/semantics.md run round by round, without kernel
// events. It drives CascadeBehaviour step by step and gives exactly what the kernel's
// schedulers give (the same change logs, states and event count), at a fraction of the cost:
//
//   - a node's change is kept once per round (node, before, after) and delivered at the start
//     of the next round by walking the node's dependents in the reverse index, each edge
//     handed straight to its owner (no 32-byte event per edge, no sort, no batch assembly);
//   - the nodes a round touches form its frontier: each is evaluated once, in any order (a
//     node's inputs within one round commute, cascade_behaviour.h), so a zero-delay round
//     needs no sort;
//   - timers, switchovers and levers wait in a calendar of per-instant buckets; a stale
//     timer (cancelled by its generation) is counted as the kernel counts it and then
//     dropped without waking its node.
//
// Rounds follow the kernel's numbering: round 0 of an instant handles what was due then (in
// the order it was scheduled, so levers on one node apply in scenario order), round d + 1
// what round d changed.
//
//   FrontierEngine engine(graph, engine_levers(scenario), selected);
//   kernel::RunStats stats = engine.run(lever_times, horizon);
//   engine.behaviour().history(node) ...
//
// Not thread-safe; one engine per thread (Monte Carlo keeps one per worker).
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <unordered_map>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/cascade_behaviour.h"
#include "sim/kernel/behaviour.h"

namespace msout::cascade {

// Told the simulated time (seconds) of each instant as the run reaches it.
using CascadeProgress = std::function<void(std::int64_t now)>;

class FrontierEngine {
 public:
  // `graph` must outlive the engine; `selected[l]` lists the entities lever l acts on.
  FrontierEngine(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                 const std::vector<std::vector<std::uint32_t>>& selected);

  // Back to the start (the graph may have been refrozen), keeping the memory.
  void reset(const std::vector<std::vector<std::uint32_t>>& selected);

  // One run from the start: each lever l at lever_times[l] on selected[l] (injected in time
  // order, simultaneous ones in lever order), every instant up to `end` inclusive.
  kernel::RunStats run(std::span<const std::int64_t> lever_times,
                       const std::vector<std::vector<std::uint32_t>>& selected, std::int64_t end,
                       const CascadeProgress& progress = {});

  const CascadeBehaviour& behaviour() const { return behaviour_; }
  CascadeBehaviour& behaviour() { return behaviour_; }

 private:
  struct Due {  // something scheduled for an instant
    std::uint32_t node;
    std::uint32_t kind;  // EventKind
    std::uint64_t payload;
  };
  struct Change {
    std::uint32_t node;
    State before;
    State after;
  };
  class Sink;

  void schedule(std::int64_t time, Due due);
  // Marks `node` for evaluation in the current round.
  void activate(std::uint32_t node);
  // Evaluates the current round's frontier, then empties it.
  void evaluate_frontier(std::int64_t now, std::uint32_t round, Sink& sink);
  // Hands the last round's changes to the dependents; returns the edges notified.
  std::uint64_t deliver_changes(Sink& sink);

  const model::FrozenGraph& graph_;
  CascadeBehaviour behaviour_;

  // The calendar: a min-heap of the pending instants and a bucket per instant.
  std::vector<std::int64_t> instants_;
  std::unordered_map<std::int64_t, std::uint32_t> bucket_of_;
  std::vector<std::vector<Due>> buckets_;
  std::vector<std::uint32_t> spare_buckets_;

  std::vector<std::uint32_t> frontier_;  // the nodes to evaluate this round (each once)
  std::vector<Change> changes_;          // made in the current round
  std::vector<Change> delivering_;       // made in the previous round, being delivered
  std::vector<std::uint32_t> order_;
};

}  // namespace msout::cascade
