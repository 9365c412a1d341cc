// CascadeBehaviour: the semantics of docs/semantics.md as a logical-process behaviour.
//
// One LP per entity. An LP's state: its own state and change log, the lever impositions
// acting on it, and the runtime state of its own requirements and edges (tolerance and
// recovery timers, any-group switchover). It learns of its dependencies only through
// kDependencyChanged events, so it satisfies the kernel's Behaviour contract and any
// scheduler can drive it; the frontier engine (frontier_engine.h) drives the same semantics
// step by step without kernel events. Stale timers are cancelled by generation counters
// rather than by removing events from the queue. Within one node's batch the inputs commute:
// each changes its own edge, group or lever slot, and evaluate() settles what they touched.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/state.h"
#include "sim/cascade/state_record.h"
#include "sim/kernel/behaviour.h"

namespace msout::cascade {

// Event kinds, in the order they are applied within a batch.
enum EventKind : std::uint16_t {
  kLeverEvent = 0,         // payload: lever index
  kDependencyChanged = 1,  // payload: edge | new dependency state << 32
  kEdgeTimer = 2,          // payload: edge | level << 32 | generation << 33
  kSwitchoverDone = 3,     // payload: requirement | generation << 32
};

// Where the behaviour's effects go. A timer is an event to the node itself after `delay` > 0
// seconds; a change of a node's state is what its dependents must learn in the next round.
// The kernel adaptor (handle_batch) turns both into kernel events; the frontier engine
// (frontier_engine.h) keeps them in structures of its own.
class CascadeSink {
 public:
  virtual void timer(std::uint32_t node, std::int64_t delay, EventKind kind,
                     std::uint64_t payload) = 0;
  virtual void changed(std::uint32_t node, State before, State after) = 0;

 protected:
  ~CascadeSink() = default;
};

// A lever as the engine sees it.
struct EngineLever {
  State imposes = State::kDown;  // kUp for a restore
  bool restore = false;
  std::vector<std::uint32_t> ends;  // restore only: lever indices, ascending; empty = all
};

class CascadeBehaviour {
 public:
  // `selected[l]` lists the entities lever l acts on. `graph` must outlive this object.
  CascadeBehaviour(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                   const std::vector<std::vector<std::uint32_t>>& selected);

  // Back to the start of a run on the graph as it is now (it may have been refrozen since:
  // model/frozen_graph.h), keeping this object's memory. `selected` as for the constructor.
  void reset(const std::vector<std::vector<std::uint32_t>>& selected);

  // The kernel's interface: one batch (one node, one instant, one round) of events.
  void handle_batch(kernel::LpId node, std::span<const kernel::Event> batch, kernel::Outbox& out);

  // The same, step by step, for an engine that keeps its own events (frontier_engine.h). A
  // node's inputs of one instant and round may come in any order; then evaluate() it once.
  // `down`: the node was down before this round. Each input marks what it touches.
  void lever(std::uint32_t node, std::uint32_t lever) { apply_lever(node, lever); }
  void dependency_changed(std::uint32_t edge, State dependency_state, bool down, CascadeSink& sink);
  void timer_expired(std::uint64_t payload);  // a kEdgeTimer's payload
  // False for a timer cancelled since it was set: its expiry would change nothing.
  bool timer_is_live(std::uint64_t payload) const;
  void switchover_done(std::uint32_t node, std::uint64_t payload);  // a kSwitchoverDone's
  // Re-settles what the inputs touched; records and announces (sink.changed) a new state.
  void evaluate(std::uint32_t node, std::int64_t now, std::uint32_t delta, CascadeSink& sink);
  // Marks the node for evaluation in the current round: true the first time until its
  // evaluate() (kept beside the node's state, which the same step reads).
  bool mark_for_evaluation(std::uint32_t node) {
    if (nodes_[node].marked != 0) return false;
    nodes_[node].marked = 1;
    return true;
  }
  // Whether any dependent edge sees the change from `before` to `after` of its dependency.
  std::uint8_t raw_for(std::uint32_t edge, State dependency_state) const;

  State state(std::uint32_t node) const { return nodes_[node].state; }
  State imposed(std::uint32_t node) const;
  const std::vector<StateRecord>& history(std::uint32_t node) const { return history_[node]; }
  std::vector<std::vector<StateRecord>> take_history() { return std::move(history_); }
  // The edge's effective condition: 0 fine, 1 impaired, 2 failed.
  int effective(std::uint32_t edge) const;

 private:
  struct EdgeState {
    std::uint8_t raw = 0;                  // what the edge sees now: 0 fine, 1 impaired, 2 failed
    std::uint8_t on = 0;                   // bit L-1 set: condition "at least level L" is in effect
    std::uint32_t generation[2] = {0, 0};  // per level; bumping one cancels its timer
  };
  struct GroupState {               // any groups
    std::uint32_t active = 0;       // member index (local)
    std::uint32_t target = 0;       // member being switched to
    std::uint32_t failed_from = 0;  // member whose failure started the switchover
    std::uint32_t generation = 0;
    bool switching = false;
  };
  struct Contribution {
    State state = State::kUp;
    std::uint32_t cause_edge = kNoIndex;
    std::uint32_t switching_to = kNoIndex;
  };

  void apply_lever(std::uint32_t node, std::uint32_t lever);
  State slot_state(std::uint32_t node, std::uint32_t slot) const;
  void set_slot(std::uint32_t node, std::uint32_t slot, State s);
  void see_dependency(std::uint32_t edge, State dependency_state, bool node_down,
                      CascadeSink& sink);
  void expire_timer(std::uint32_t edge, int level, std::uint32_t generation);
  void lose_tolerance(std::uint32_t node);
  // Marks a requirement to re-settle at its node's next evaluate() (once, however often).
  void touch(std::uint32_t node, std::uint32_t requirement);
  // Re-settles the requirements touched since the last call, and empties the list.
  void refresh_touched(std::uint32_t node, CascadeSink& sink);
  Contribution settle(std::uint32_t requirement, CascadeSink& sink);
  // Re-settles one requirement and keeps the node's counts of unmet requirements current.
  void refresh(std::uint32_t node, std::uint32_t requirement, CascadeSink& sink);
  // The node's state from its requirements alone.
  State derived(std::uint32_t node) const;
  // Fills in why the node worsened to why.state: a lever, or the first requirement (in
  // listed order) whose contribution reaches it.
  void explain(std::uint32_t node, State lever_state, StateRecord& why, CascadeSink& sink);

  const model::FrozenGraph& graph_;
  std::vector<EngineLever> levers_;
  // Lever slots: for node n, slots [slot_offsets_[n], slot_offsets_[n+1]) name the imposing
  // levers that select n (ascending) and hold what each imposes right now (slot_state()).
  // A restore of every imposition bumps the node's epoch instead of visiting its slots: a
  // slot written in an older epoch reads as up. The node's counts of slots imposing down
  // and degraded (NodeState) make imposed() O(1).
  std::vector<std::uint32_t> slot_offsets_;
  std::vector<std::uint32_t> slot_lever_;
  std::vector<State> slot_state_;
  std::vector<std::uint32_t> slot_epoch_;
  std::vector<std::uint32_t> node_epoch_;

  // What one node's evaluation reads and writes, together: one cache line's worth, read at
  // random as the cascade moves. first_touched heads the node's list of requirements
  // touched since its last evaluate() (linked through RequirementState::next_touched).
  struct NodeState {
    std::uint32_t first_touched = kNoIndex;
    std::uint32_t down_count = 0;      // requirements contributing down
    std::uint32_t degraded_count = 0;  // requirements contributing degraded
    std::uint32_t imposing_down = 0;   // lever slots imposing down
    std::uint32_t imposing_degraded = 0;
    State state = State::kUp;
    std::uint8_t marked = 0;  // mark_for_evaluation()
  };
  // The same for one requirement.
  struct RequirementState {
    std::uint32_t next_touched = kNoIndex;
    std::uint32_t group = kNoIndex;   // any groups: index into groups_
    State contribution = State::kUp;  // its last settled contribution
    std::uint8_t touched = 0;
  };

  std::vector<NodeState> nodes_;
  std::vector<RequirementState> requirements_;
  std::vector<std::vector<StateRecord>> history_;
  std::vector<EdgeState> edges_;
  std::vector<GroupState> groups_;
};

static_assert(kernel::Behaviour<CascadeBehaviour>);

}  // namespace msout::cascade
