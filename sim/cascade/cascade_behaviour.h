// CascadeBehaviour: the semantics of docs/semantics.md as a logical-process behaviour.
//
// One LP per entity. An LP's state: its own state and change log, the lever impositions
// acting on it, and the runtime state of its own requirements and edges (tolerance and
// recovery timers, any-group switchover). It learns of its dependencies only through
// kDependencyChanged events, so it satisfies the kernel's Behaviour contract and any
// scheduler can drive it. Stale timers are cancelled by generation counters rather than by
// removing events from the queue.
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

  void handle_batch(kernel::LpId node, std::span<const kernel::Event> batch, kernel::Outbox& out);

  State state(std::uint32_t node) const { return state_[node]; }
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
                      kernel::Outbox& out);
  void expire_timer(std::uint32_t edge, int level, std::uint32_t generation);
  void lose_tolerance(std::uint32_t node);
  Contribution settle(std::uint32_t requirement, kernel::Outbox& out);
  // Re-settles one requirement and keeps the node's counts of unmet requirements current.
  void refresh(std::uint32_t node, std::uint32_t requirement, kernel::Outbox& out);
  // The node's state from its requirements alone.
  State derived(std::uint32_t node) const;
  // Fills in why the node worsened to why.state: a lever, or the first requirement (in
  // listed order) whose contribution reaches it.
  void explain(std::uint32_t node, State lever_state, StateRecord& why, kernel::Outbox& out);
  void evaluate(std::uint32_t node, std::uint32_t delta, std::span<const std::uint32_t> touched,
                kernel::Outbox& out);
  std::uint8_t raw_for(std::uint32_t edge, State dependency_state) const;

  const model::FrozenGraph& graph_;
  std::vector<EngineLever> levers_;
  // Lever slots: for node n, slots [slot_offsets_[n], slot_offsets_[n+1]) name the imposing
  // levers that select n (ascending) and hold what each imposes right now (slot_state()).
  // A restore of every imposition bumps the node's epoch instead of visiting its slots: a
  // slot written in an older epoch reads as up. The node's counts of slots imposing down
  // and degraded make imposed() O(1).
  std::vector<std::uint32_t> slot_offsets_;
  std::vector<std::uint32_t> slot_lever_;
  std::vector<State> slot_state_;
  std::vector<std::uint32_t> slot_epoch_;
  std::vector<std::uint32_t> node_epoch_;
  std::vector<std::uint32_t> imposing_down_;
  std::vector<std::uint32_t> imposing_degraded_;

  std::vector<State> state_;
  std::vector<std::vector<StateRecord>> history_;
  std::vector<EdgeState> edges_;
  // Any groups only: group_of_[requirement] indexes groups_ (kNoIndex for other gates).
  std::vector<std::uint32_t> group_of_;
  std::vector<GroupState> groups_;
  // Incremental evaluation: each requirement's last contribution, and per node how many of
  // its requirements contribute down and degraded.
  std::vector<State> contribution_;
  std::vector<std::uint32_t> down_count_;
  std::vector<std::uint32_t> degraded_count_;
};

static_assert(kernel::Behaviour<CascadeBehaviour>);

}  // namespace msout::cascade
