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

#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "model/frozen_graph.h"
#include "model/huge_page_allocator.h"
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
  // Inputs return the node they concern.
  void lever(std::uint32_t node, std::uint32_t lever) { apply_lever(node, lever); }
  std::uint32_t dependency_changed(std::uint32_t edge, State dependency_state, bool down,
                                   CascadeSink& sink);
  std::uint32_t timer_expired(std::uint64_t payload);  // a kEdgeTimer's payload
  // False for a timer cancelled since it was set: its expiry would change nothing.
  bool timer_is_live(std::uint64_t payload) const;
  std::uint32_t switchover_done(std::uint64_t payload);  // a kSwitchoverDone's
  // While set, dependency_changed, timer_expired, switchover_done and mark_for_evaluation may
  // run on several threads at once, for different edges and requirements (a node's touched
  // list and mark are then updated atomically). Everything else runs on one node per thread.
  void set_concurrent_inputs(bool concurrent) { concurrent_ = concurrent; }
  // Re-settles what the inputs touched; records and announces (sink.changed) a new state.
  void evaluate(std::uint32_t node, std::int64_t now, std::uint32_t delta, CascadeSink& sink);
  // Marks the node for evaluation in the current round: true the first time until its
  // evaluate() (kept beside the node's state, which the same step reads).
  bool mark_for_evaluation(std::uint32_t node) {
    std::uint8_t& marked = nodes_[node].marked;
    if (concurrent_) return std::atomic_ref<std::uint8_t>(marked).exchange(1) == 0;
    if (marked != 0) return false;
    marked = 1;
    return true;
  }
  // Hints that an input will soon reach `edge` (its record must be in cache already), or an
  // evaluation `node`: the records that step will read are fetched meanwhile. Each cascade
  // step reads a few records at random; fetching a block's records together overlaps their
  // memory latencies.
  void prefetch_input(std::uint32_t edge) const {
    const model::FrozenEdge& fe = graph_.edge(edge);
    __builtin_prefetch(&edges_[edge], 1);
    __builtin_prefetch(&requirements_[fe.requirement()], 1);
    __builtin_prefetch(&nodes_[fe.owner], 1);
  }
  void prefetch_evaluation(std::uint32_t node) const {
    const std::uint32_t first = nodes_[node].first_touched;
    if (first != kNoIndex) {
      __builtin_prefetch(&requirements_[first], 1);
      __builtin_prefetch(&graph_.requirement(first));
    }
    __builtin_prefetch(&history_[node], 1);
  }
  void prefetch_node(std::uint32_t node) const { __builtin_prefetch(&nodes_[node], 1); }
  // Whether any dependent edge sees the change from `before` to `after` of its dependency.
  std::uint8_t raw_for(std::uint32_t edge, State dependency_state) const;

  State state(std::uint32_t node) const { return nodes_[node].state; }
  State imposed(std::uint32_t node) const;
  const std::vector<StateRecord>& history(std::uint32_t node) const { return history_[node]; }
  std::vector<std::vector<StateRecord>> take_history() { return std::move(history_); }
  // The edge's effective condition: 0 fine, 1 impaired, 2 failed.
  int effective(std::uint32_t edge) const;

 private:
  // Eight bytes an edge: the engine's largest array. A timer carries its level's generation
  // (28 bits, wrapping): bumping it cancels the timer, and a stale timer could only come back
  // to life after 2^28 changes of one dependency within one tolerance. The first word is a
  // plain integer so that concurrent timer expiries (set_concurrent_inputs) can flip their
  // own level's bit of one edge atomically.
  struct EdgeState {
    // Bits 0-1: raw, what the edge sees now (0 fine, 1 impaired, 2 failed); bits 2-3: on,
    // bit L-1 set while condition "at least level L" is in effect; bits 4-31: generation of
    // level 1 ("at least impaired").
    std::uint32_t word = 0;
    std::uint32_t generation2 = 0;  // level 2 ("failed"), used modulo 2^28

    std::uint32_t raw() const { return word & 3u; }
    std::uint32_t on() const { return (word >> 2) & 3u; }
    void set_raw(std::uint32_t raw) { word = (word & ~3u) | raw; }
    void set_on(std::uint32_t bit, bool in_effect) {
      word = in_effect ? word | bit << 2 : word & ~(bit << 2);
    }
    std::uint32_t generation(int level) const {
      return (level == 1 ? word >> 4 : generation2) & kGenerationMask;
    }
    void bump(int level) {
      if (level == 1) {
        word += 1u << 4;  // wraps within the top 28 bits
      } else {
        ++generation2;
      }
    }
  };
  static constexpr std::uint32_t kGenerationMask = (1u << 28) - 1;
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
  bool concurrent_ = false;  // set_concurrent_inputs()
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
  // The same for one requirement, in eight bytes. next_touched is kNotTouched while the
  // requirement is in no node's touched list, kNoIndex at the end of one.
  struct RequirementState {
    static constexpr std::uint32_t kNotTouched = kNoIndex - 1;
    static constexpr std::uint32_t kNoGroup = (1u << 30) - 1;
    std::uint32_t next_touched = kNotTouched;
    std::uint32_t group : 30 = kNoGroup;  // any groups: index into groups_
    std::uint32_t contribution : 2 = 0;   // its last settled contribution (a State)
  };

  model::HugePageVector<NodeState> nodes_;
  model::HugePageVector<RequirementState> requirements_;
  std::vector<std::vector<StateRecord>> history_;
  model::HugePageVector<EdgeState> edges_;
  std::vector<GroupState> groups_;
};

static_assert(kernel::Behaviour<CascadeBehaviour>);

}  // namespace msout::cascade
