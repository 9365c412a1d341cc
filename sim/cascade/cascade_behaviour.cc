#include "sim/cascade/cascade_behaviour.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>

namespace msout::cascade {
namespace {

using kernel::Event;
using kernel::Outbox;
using kernel::SimTime;
using model::FrozenEdge;
using model::FrozenRequirement;
using model::Gate;

State state_of(model::Effect effect) {
  return effect == model::Effect::kDown ? State::kDown : State::kDegraded;
}

constexpr std::uint64_t kLow32 = 0xffffffffu;

}  // namespace

CascadeBehaviour::CascadeBehaviour(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                                   const std::vector<std::vector<std::uint32_t>>& selected)
    : graph_(graph), levers_(std::move(levers)) {
  reset(selected);
}

void CascadeBehaviour::reset(const std::vector<std::vector<std::uint32_t>>& selected) {
  const model::FrozenGraph& graph = graph_;
  assert(selected.size() == levers_.size());
  const std::uint32_t n = graph.node_count();
  nodes_.assign(n, NodeState{});
  // Keep each change log's memory: a reused behaviour allocates nothing once warm.
  if (history_.size() > n) history_.resize(n);
  for (auto& log : history_) log.clear();
  history_.resize(n);
  edges_.assign(graph.edge_count(), EdgeState{});
  requirements_.assign(graph.requirement_count(), RequirementState{});
  groups_.clear();
  for (std::uint32_t r = 0; r < graph.requirement_count(); ++r) {
    if (graph.requirement(r).gate == Gate::kAny) {
      if (groups_.size() >= RequirementState::kNoGroup) {
        throw std::length_error("more than 2^30 - 1 any-groups in one graph");
      }
      requirements_[r].group = static_cast<std::uint32_t>(groups_.size());
      groups_.emplace_back();
    }
  }
  slot_offsets_.assign(n + 1, 0);
  for (std::uint32_t l = 0; l < levers_.size(); ++l) {
    if (levers_[l].restore) continue;
    for (std::uint32_t node : selected[l]) ++slot_offsets_[node + 1];
  }
  for (std::uint32_t i = 0; i < n; ++i) slot_offsets_[i + 1] += slot_offsets_[i];
  slot_lever_.resize(slot_offsets_[n]);
  slot_state_.assign(slot_offsets_[n], State::kUp);
  slot_epoch_.assign(slot_offsets_[n], 0);
  node_epoch_.assign(n, 0);
  // Fill by cursor: the offsets advance as slots are written, then shift back.
  for (std::uint32_t l = 0; l < levers_.size(); ++l) {  // ascending l: slots sorted by lever
    if (levers_[l].restore) continue;
    for (std::uint32_t node : selected[l]) slot_lever_[slot_offsets_[node]++] = l;
  }
  for (std::uint32_t i = n; i > 0; --i) slot_offsets_[i] = slot_offsets_[i - 1];
  slot_offsets_[0] = 0;
}

State CascadeBehaviour::imposed(std::uint32_t node) const {
  const NodeState& ns = nodes_[node];
  return ns.imposing_down != 0       ? State::kDown
         : ns.imposing_degraded != 0 ? State::kDegraded
                                     : State::kUp;
}

State CascadeBehaviour::slot_state(std::uint32_t node, std::uint32_t slot) const {
  return slot_epoch_[slot] == node_epoch_[node] ? slot_state_[slot] : State::kUp;
}

void CascadeBehaviour::set_slot(std::uint32_t node, std::uint32_t slot, State s) {
  const State old = slot_state(node, slot);
  NodeState& ns = nodes_[node];
  if (old == State::kDown) --ns.imposing_down;
  if (old == State::kDegraded) --ns.imposing_degraded;
  if (s == State::kDown) ++ns.imposing_down;
  if (s == State::kDegraded) ++ns.imposing_degraded;
  slot_state_[slot] = s;
  slot_epoch_[slot] = node_epoch_[node];
}

int CascadeBehaviour::effective(std::uint32_t edge) const {
  const std::uint32_t on = edges_[edge].on();
  return (on & 2) != 0 ? 2 : (on & 1) != 0 ? 1 : 0;
}

std::uint8_t CascadeBehaviour::raw_for(std::uint32_t edge, State dependency_state) const {
  if (dependency_state == State::kDown) return 2;
  if (dependency_state == State::kDegraded && graph_.edge(edge).degraded_propagates()) return 1;
  return 0;
}

// Each lever event costs O(log) in the node's slots (or the restore's `ends`, whichever is
// fewer), so 10^5 levers on one entity stay n log n.
void CascadeBehaviour::apply_lever(std::uint32_t node, std::uint32_t lever) {
  const EngineLever& l = levers_[lever];
  const auto first = slot_lever_.begin() + slot_offsets_[node];
  const auto last = slot_lever_.begin() + slot_offsets_[node + 1];
  auto slot_of = [&](std::uint32_t owner) -> std::uint32_t {
    const auto it = std::lower_bound(first, last, owner);
    return it != last && *it == owner ? static_cast<std::uint32_t>(it - slot_lever_.begin())
                                      : kNoIndex;
  };
  if (!l.restore) {
    if (const std::uint32_t slot = slot_of(lever); slot != kNoIndex)
      set_slot(node, slot, l.imposes);
  } else if (l.ends.empty()) {
    ++node_epoch_[node];  // every slot reads as up from now on
    nodes_[node].imposing_down = 0;
    nodes_[node].imposing_degraded = 0;
  } else if (l.ends.size() < static_cast<std::size_t>(last - first)) {
    for (std::uint32_t owner : l.ends) {
      if (const std::uint32_t slot = slot_of(owner); slot != kNoIndex) {
        set_slot(node, slot, State::kUp);
      }
    }
  } else {
    for (std::uint32_t slot = slot_offsets_[node]; slot < slot_offsets_[node + 1]; ++slot) {
      if (std::binary_search(l.ends.begin(), l.ends.end(), slot_lever_[slot])) {
        set_slot(node, slot, State::kUp);
      }
    }
  }
}

// Tolerance is an on-delay and recovery an off-delay, separately for "at least impaired"
// (level 1) and "failed" (level 2). A node that is down has no tolerance left.
void CascadeBehaviour::see_dependency(std::uint32_t edge, State dependency_state, bool node_down,
                                      CascadeSink& sink) {
  EdgeState& es = edges_[edge];
  const std::uint32_t old_raw = es.raw();
  const std::uint32_t raw = raw_for(edge, dependency_state);
  es.set_raw(raw);
  const FrozenEdge& fe = graph_.edge(edge);
  for (int level = 1; level <= 2; ++level) {
    const bool was = old_raw >= static_cast<std::uint32_t>(level);
    const bool now = raw >= static_cast<std::uint32_t>(level);
    if (was == now) continue;
    const std::uint32_t bit = 1u << (level - 1);
    es.bump(level);  // cancels any pending timer of this level
    if (((es.on() & bit) != 0) == now) continue;
    const std::int64_t delay = now ? (node_down ? 0 : fe.tolerance) : fe.recovery;
    if (delay == model::kNeverSeconds) continue;  // the level never turns (frozen_graph.h)
    if (delay == 0) {
      es.set_on(bit, now);
    } else {
      sink.timer(fe.owner, delay, kEdgeTimer,
                 edge | static_cast<std::uint64_t>(level - 1) << 32 |
                     static_cast<std::uint64_t>(es.generation(level)) << 33);
    }
  }
}

void CascadeBehaviour::expire_timer(std::uint32_t edge, int level, std::uint32_t generation) {
  EdgeState& es = edges_[edge];
  const std::uint32_t bit = 1u << (level - 1);
  if (concurrent_) {
    // The other level's timer of this edge may flip its own bit at the same time; nothing
    // else of the edge changes while timers expire.
    std::atomic_ref<std::uint32_t> word(es.word);
    const EdgeState seen{word.load(std::memory_order_relaxed), es.generation2};
    if (seen.generation(level) != generation) return;  // cancelled
    if (seen.raw() >= static_cast<std::uint32_t>(level)) {
      word.fetch_or(bit << 2, std::memory_order_relaxed);
    } else {
      word.fetch_and(~(bit << 2), std::memory_order_relaxed);
    }
    return;
  }
  if (es.generation(level) != generation) return;  // cancelled
  es.set_on(bit, es.raw() >= static_cast<std::uint32_t>(level));
}

void CascadeBehaviour::lose_tolerance(std::uint32_t node) {
  const std::uint32_t first = graph_.first_requirement(node);
  const std::span<const FrozenRequirement> requirements = graph_.requirements_of(node);
  for (std::uint32_t i = 0; i < requirements.size(); ++i) {
    const FrozenRequirement& r = requirements[i];
    bool changed = false;
    for (std::uint32_t e = r.first_edge; e < r.end_edge; ++e) {
      EdgeState& es = edges_[e];
      for (int level = 1; level <= 2; ++level) {
        const std::uint32_t bit = 1u << (level - 1);
        if (es.raw() >= static_cast<std::uint32_t>(level) && (es.on() & bit) == 0) {
          es.set_on(bit, true);
          es.bump(level);
          changed = true;
        }
      }
    }
    // Only a requirement with an edge turned on can settle differently (the others were
    // settled after their last change).
    if (changed) touch(node, first + i);
  }
}

CascadeBehaviour::Contribution CascadeBehaviour::settle(std::uint32_t index, CascadeSink& sink) {
  const FrozenRequirement& r = graph_.requirement(index);
  const State unmet = state_of(r.effect);
  Contribution c;
  switch (r.gate) {
    case Gate::kChoice:  // never in a frozen graph (it holds the chosen member as a single)
    case Gate::kSingle: {
      const int level = effective(r.first_edge);
      if (level > 0) c = {level == 2 ? unmet : State::kDegraded, r.first_edge, kNoIndex};
      return c;
    }
    case Gate::kKOfN: {
      std::uint32_t not_failed = 0;
      std::uint32_t fine = 0;
      std::uint32_t first_failed = kNoIndex;
      std::uint32_t first_impaired = kNoIndex;
      for (std::uint32_t e = r.first_edge; e < r.end_edge; ++e) {
        const int level = effective(e);
        if (level < 2) ++not_failed;
        if (level == 0) ++fine;
        if (level == 2 && first_failed == kNoIndex) first_failed = e;
        if (level >= 1 && first_impaired == kNoIndex) first_impaired = e;
      }
      if (not_failed < r.k) return {unmet, first_failed, kNoIndex};
      if (fine < r.k) return {State::kDegraded, first_impaired, kNoIndex};
      return c;
    }
    case Gate::kAny: {
      GroupState& g = groups_[requirements_[index].group];
      const std::uint32_t size = r.end_edge - r.first_edge;
      if (g.switching) return {unmet, r.first_edge + g.failed_from, r.first_edge + g.target};
      int level = effective(r.first_edge + g.active);
      if (level == 2) {
        std::uint32_t candidate = kNoIndex;
        for (std::uint32_t m = 0; m < size && candidate == kNoIndex; ++m) {
          if (m != g.active && effective(r.first_edge + m) < 2) candidate = m;
        }
        if (candidate == kNoIndex) return {unmet, r.first_edge + g.active, kNoIndex};
        if (r.switchover > 0) {
          g.switching = true;
          g.target = candidate;
          g.failed_from = g.active;
          ++g.generation;
          if (r.switchover != model::kNeverSeconds) {  // else the switch never completes
            sink.timer(graph_.edge(r.first_edge).owner, r.switchover, kSwitchoverDone,
                       index | static_cast<std::uint64_t>(g.generation & kGenerationMask) << 32);
          }
          return {unmet, r.first_edge + g.failed_from, r.first_edge + g.target};
        }
        g.active = candidate;
        level = effective(r.first_edge + g.active);
      }
      if (level == 1) c = {State::kDegraded, r.first_edge + g.active, kNoIndex};
      return c;
    }
  }
  return c;
}

void CascadeBehaviour::touch(std::uint32_t node, std::uint32_t requirement) {
  RequirementState& rs = requirements_[requirement];
  if (!concurrent_) {
    if (rs.next_touched != RequirementState::kNotTouched) return;
    rs.next_touched = nodes_[node].first_touched;
    nodes_[node].first_touched = requirement;
    return;
  }
  // Claim the requirement (once), then push it onto its node's list. Relaxed: the list is
  // read only after the concurrent step has joined.
  std::atomic_ref<std::uint32_t> next(rs.next_touched);
  std::uint32_t expected = RequirementState::kNotTouched;
  if (!next.compare_exchange_strong(expected, kNoIndex, std::memory_order_relaxed)) return;
  std::atomic_ref<std::uint32_t> head(nodes_[node].first_touched);
  std::uint32_t first = head.load(std::memory_order_relaxed);
  do {
    next.store(first, std::memory_order_relaxed);
  } while (!head.compare_exchange_weak(first, requirement, std::memory_order_relaxed));
}

void CascadeBehaviour::refresh_touched(std::uint32_t node, CascadeSink& sink) {
  for (std::uint32_t r = nodes_[node].first_touched; r != kNoIndex;) {
    RequirementState& rs = requirements_[r];
    const std::uint32_t next = rs.next_touched;
    rs.next_touched = RequirementState::kNotTouched;
    refresh(node, r, sink);
    r = next;
  }
  nodes_[node].first_touched = kNoIndex;
}

void CascadeBehaviour::refresh(std::uint32_t node, std::uint32_t requirement, CascadeSink& sink) {
  const State now = settle(requirement, sink).state;
  RequirementState& rs = requirements_[requirement];
  const auto cached = static_cast<State>(rs.contribution);
  if (now == cached) return;
  NodeState& ns = nodes_[node];
  if (cached == State::kDown) --ns.down_count;
  if (cached == State::kDegraded) --ns.degraded_count;
  if (now == State::kDown) ++ns.down_count;
  if (now == State::kDegraded) ++ns.degraded_count;
  rs.contribution = static_cast<std::uint32_t>(now);
}

State CascadeBehaviour::derived(std::uint32_t node) const {
  const NodeState& ns = nodes_[node];
  return ns.down_count != 0 ? State::kDown : ns.degraded_count != 0 ? State::kDegraded : State::kUp;
}

void CascadeBehaviour::explain(std::uint32_t node, State lever_state, StateRecord& why,
                               CascadeSink& sink) {
  if (lever_state >= why.state) {
    why.cause = CauseKind::kLever;
    for (std::uint32_t i = slot_offsets_[node]; i < slot_offsets_[node + 1]; ++i) {
      if (slot_state(node, i) >= why.state) {
        why.ref = slot_lever_[i];
        return;
      }
    }
  }
  const std::uint32_t first = graph_.first_requirement(node);
  const std::uint32_t end = graph_.first_requirement(node + 1);
  for (std::uint32_t r = first; r < end; ++r) {
    if (static_cast<State>(requirements_[r].contribution) < why.state) continue;
    const Contribution c = settle(r, sink);  // idempotent: gives the edges behind it
    why.cause = CauseKind::kDependency;
    why.ref = c.cause_edge;
    why.switching_to = c.switching_to;
    return;
  }
}

void CascadeBehaviour::evaluate(std::uint32_t node, std::int64_t now, std::uint32_t delta,
                                CascadeSink& sink) {
  const State before = nodes_[node].state;
  nodes_[node].marked = 0;
  refresh_touched(node, sink);
  const State lever_state = imposed(node);
  State after = worst(lever_state, derived(node));
  if (after == before) return;
  StateRecord record{now, delta, after, CauseKind::kNone, kNoIndex, kNoIndex};
  if (after > before) explain(node, lever_state, record, sink);
  if (after == State::kDown && before != State::kDown) {
    // Every requirement may now see a failure at once (and groups may switch); still down.
    lose_tolerance(node);
    refresh_touched(node, sink);
  }
  nodes_[node].state = after;
  history_[node].push_back(record);
  sink.changed(node, before, after);
}

std::uint32_t CascadeBehaviour::dependency_changed(std::uint32_t edge, State dependency_state,
                                                   bool down, CascadeSink& sink) {
  see_dependency(edge, dependency_state, down, sink);
  const FrozenEdge& fe = graph_.edge(edge);
  touch(fe.owner, fe.requirement());
  return fe.owner;
}

std::uint32_t CascadeBehaviour::timer_expired(std::uint64_t payload) {
  const auto edge = static_cast<std::uint32_t>(payload & kLow32);
  expire_timer(edge, static_cast<int>((payload >> 32) & 1) + 1,
               static_cast<std::uint32_t>(payload >> 33));
  const FrozenEdge& fe = graph_.edge(edge);
  touch(fe.owner, fe.requirement());
  return fe.owner;
}

bool CascadeBehaviour::timer_is_live(std::uint64_t payload) const {
  const auto edge = static_cast<std::uint32_t>(payload & kLow32);
  const int level = static_cast<int>((payload >> 32) & 1) + 1;
  const EdgeState& es = edges_[edge];
  const std::uint32_t word =
      concurrent_ ? std::atomic_ref<std::uint32_t>(const_cast<std::uint32_t&>(es.word))
                        .load(std::memory_order_relaxed)
                  : es.word;
  return EdgeState{word, es.generation2}.generation(level) ==
         static_cast<std::uint32_t>(payload >> 33);
}

std::uint32_t CascadeBehaviour::switchover_done(std::uint64_t payload) {
  const auto requirement = static_cast<std::uint32_t>(payload & kLow32);
  GroupState& g = groups_[requirements_[requirement].group];
  if (g.switching &&
      (g.generation & kGenerationMask) == static_cast<std::uint32_t>(payload >> 32)) {
    g.switching = false;
    g.active = g.target;
  }
  // A switching group has at least two members: its first edge names the owner.
  const std::uint32_t node = graph_.edge(graph_.requirement(requirement).first_edge).owner;
  touch(node, requirement);
  return node;
}

namespace {

// The kernel's side of a batch: timers become events to the node itself, a change one
// kDependencyChanged event per dependent edge that sees it.
class OutboxSink final : public CascadeSink {
 public:
  OutboxSink(const model::FrozenGraph& graph, const CascadeBehaviour& behaviour, Outbox& out)
      : graph_(graph), behaviour_(behaviour), out_(out) {}
  void timer(std::uint32_t, std::int64_t delay, EventKind kind, std::uint64_t payload) override {
    out_.send(out_.self(), SimTime{delay}, kind, payload);
  }
  void changed(std::uint32_t node, State before, State after) override {
    for (std::uint32_t edge : graph_.dependents_of(node)) {
      if (behaviour_.raw_for(edge, before) == behaviour_.raw_for(edge, after)) continue;
      out_.send(graph_.edge(edge).owner, SimTime{0}, kDependencyChanged,
                edge | static_cast<std::uint64_t>(after) << 32);
    }
  }

 private:
  const model::FrozenGraph& graph_;
  const CascadeBehaviour& behaviour_;
  Outbox& out_;
};

}  // namespace

void CascadeBehaviour::handle_batch(kernel::LpId node, std::span<const Event> batch, Outbox& out) {
  const bool down = nodes_[node].state == State::kDown;
  OutboxSink sink(graph_, *this, out);
  for (const Event& e : batch) {
    switch (e.kind) {
      case kLeverEvent:
        apply_lever(node, static_cast<std::uint32_t>(e.payload));
        break;
      case kDependencyChanged:
        dependency_changed(static_cast<std::uint32_t>(e.payload & kLow32),
                           static_cast<State>(e.payload >> 32), down, sink);
        break;
      case kEdgeTimer:
        timer_expired(e.payload);
        break;
      case kSwitchoverDone:
        switchover_done(e.payload);
        break;
      default:
        assert(false && "unknown cascade event kind");
    }
  }
  evaluate(node, out.now().ticks, batch.front().delta, sink);
}

}  // namespace msout::cascade
