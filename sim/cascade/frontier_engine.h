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
//   - timers, switchovers and levers wait in calendars of per-instant buckets (one per
//     worker thread, so that no step shares one); a stale timer (cancelled by its
//     generation) is counted as the kernel counts it and then dropped without waking its
//     node.
//
// Rounds follow the kernel's numbering: round 0 of an instant handles what was due then (in
// the order it was scheduled, so levers on one node apply in scenario order), round d + 1
// what round d changed.
//
// With threads > 1 a large step runs on several threads: the frontier's evaluations (each
// node's own state), the delivery of a round's changes (each edge written by its one
// dependency's change; the owners' touched lists and marks updated atomically) and round 0's
// edge timers (each its own level of its edge). Levers and switchovers of round 0 stay in
// order on one thread. Every step's inputs commute, so the results (change logs, states,
// event counts) are the same for every thread count.
//
//   FrontierEngine engine(graph, engine_levers(scenario), selected, threads);
//   kernel::RunStats stats = engine.run(lever_times, selected, horizon);
//   engine.behaviour().history(node) ...
//
// One run at a time; Monte Carlo keeps one single-threaded engine per worker.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/cascade_behaviour.h"
#include "sim/kernel/behaviour.h"
#include "sim/kernel/chunked_loop.h"
#include "sim/kernel/instant_calendar.h"

namespace msout::cascade {

// Told the simulated time (seconds) of each instant as the run reaches it.
using CascadeProgress = std::function<void(std::int64_t now)>;

class FrontierEngine {
 public:
  // `graph` must outlive the engine; `selected[l]` lists the entities lever l acts on.
  FrontierEngine(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                 const std::vector<std::vector<std::uint32_t>>& selected, int threads = 1);

  // Back to the start (the graph may have been refrozen), keeping the memory.
  void reset(const std::vector<std::vector<std::uint32_t>>& selected);

  // One run from the start: each lever l at lever_times[l] on selected[l] (injected in time
  // order, simultaneous ones in lever order), every instant up to `end` inclusive.
  kernel::RunStats run(std::span<const std::int64_t> lever_times,
                       const std::vector<std::vector<std::uint32_t>>& selected, std::int64_t end,
                       const CascadeProgress& progress = {});

  const CascadeBehaviour& behaviour() const { return behaviour_; }
  CascadeBehaviour& behaviour() { return behaviour_; }
  // Steps of the last run that ran on several threads, by kind (none with threads = 1).
  struct ConcurrentSteps {
    std::uint64_t timers = 0;       // round 0's edge timers
    std::uint64_t evaluations = 0;  // a round's frontier
    std::uint64_t deliveries = 0;   // a round's changes to the dependents
  };
  const ConcurrentSteps& concurrent_steps() const { return concurrent_steps_; }

 private:
  // Something scheduled for an instant, in eight bytes: the event's payload with its kind in
  // the top two bits. The node follows from the payload (a lever's node is its low half; a
  // timer's or switchover's the owner of its edge or requirement).
  using Due = kernel::InstantCalendar::Entry;
  struct Change {
    std::uint32_t node;
    State before;
    State after;
  };
  // What one worker keeps: its own calendar of what it scheduled (the run takes each
  // instant from all of them), and what it collects during a step (merged after it).
  struct Worker {
    kernel::InstantCalendar calendar;
    std::vector<Due> due;  // the current instant's entries from this worker's calendar
    std::vector<Change> changes;
    std::vector<std::uint32_t> frontier;
    std::uint64_t notified = 0;
  };
  class Sink;

  // Marks `node` for evaluation in the current round, in `worker`'s list.
  void activate(std::uint32_t node, Worker& worker);
  // Runs fn(begin, end, worker) over [0, count) in chunks of `grain`: on several threads when
  // there is enough work (counted in `steps`), else on this one.
  template <class Fn>
  void for_chunks(std::size_t count, std::size_t grain, std::uint64_t& steps, Fn fn);
  // Moves the workers' frontiers and changes to the engine's.
  void merge_workers();
  // Round 0: what was due now (the workers' `due`).
  void handle_due();
  // Evaluates the current round's frontier, then empties it.
  void evaluate_frontier(std::int64_t now, std::uint32_t round);
  // Hands the last round's changes to the dependents; returns the edges notified.
  std::uint64_t deliver_changes(std::int64_t now);

  const model::FrozenGraph& graph_;
  CascadeBehaviour behaviour_;
  kernel::ChunkedLoop loop_;
  std::vector<Worker> workers_;
  ConcurrentSteps concurrent_steps_;

  std::vector<std::uint32_t> frontier_;   // the nodes to evaluate this round (each once)
  std::vector<Change> changes_;           // made in the current round
  std::vector<Change> delivering_;        // made in the previous round, being delivered
  std::vector<std::uint64_t> reach_;      // delivering_'s dependents, cumulative
  std::vector<std::uint64_t> due_reach_;  // the workers' due entries, cumulative
  std::vector<std::uint32_t> order_;
};

}  // namespace msout::cascade
