#include "sim/analysis/permanent_outage.h"

#include <algorithm>
#include <cassert>

namespace msout::analysis {

using cascade::State;
using model::Effect;
using model::Gate;

PermanentOutage::PermanentOutage(const model::FrozenGraph& graph)
    : graph_(graph),
      alive_(graph.requirement_count()),
      down_(graph.node_count(), false),
      degraded_(graph.node_count(), false) {
  for (std::uint32_t r = 0; r < graph.requirement_count(); ++r) {
    const model::FrozenRequirement& requirement = graph.requirement(r);
    alive_[r] = requirement.end_edge - requirement.first_edge;
  }
}

void PermanentOutage::fail(std::uint32_t node) {
  if (down_[node]) return;
  down_[node] = true;
  std::size_t next = trail_.size();
  trail_.push_back(node);
  while (next < trail_.size()) {
    const std::uint32_t failed = trail_[next++];
    for (std::uint32_t e : graph_.dependents_of(failed)) {
      const std::uint32_t r = graph_.requirement_of_edge(e);
      const model::FrozenRequirement& requirement = graph_.requirement(r);
      if (requirement.effect != Effect::kDown) continue;
      // Only the member that takes the count below k fails the owner; later ones find it
      // down already.
      if (--alive_[r] + 1 != requirement.k) continue;
      const std::uint32_t owner = graph_.edge(e).owner;
      if (down_[owner]) continue;
      down_[owner] = true;
      trail_.push_back(owner);
    }
  }
}

void PermanentOutage::rollback(std::size_t mark) {
  assert(mark <= trail_.size());
  while (trail_.size() > mark) {
    const std::uint32_t node = trail_.back();
    trail_.pop_back();
    for (std::uint32_t e : graph_.dependents_of(node)) {
      const std::uint32_t r = graph_.requirement_of_edge(e);
      if (graph_.requirement(r).effect == Effect::kDown) ++alive_[r];
    }
    down_[node] = false;
  }
}

std::vector<std::uint32_t> PermanentOutage::weakened_requirements() const {
  std::vector<std::uint32_t> weakened;
  for (std::uint32_t node : trail_) {
    for (std::uint32_t e : graph_.dependents_of(node)) {
      const std::uint32_t r = graph_.requirement_of_edge(e);
      const model::FrozenRequirement& requirement = graph_.requirement(r);
      if (requirement.effect == Effect::kDown && alive_[r] >= requirement.k &&
          !down_[graph_.edge(e).owner]) {
        weakened.push_back(r);
      }
    }
  }
  std::sort(weakened.begin(), weakened.end());
  weakened.erase(std::unique(weakened.begin(), weakened.end()), weakened.end());
  return weakened;
}

std::vector<std::uint32_t> PermanentOutage::degraded_nodes() const {
  auto state = [&](std::uint32_t node) {
    return down_[node] ? State::kDown : degraded_[node] ? State::kDegraded : State::kUp;
  };
  // An edge is impaired when its dependency is degraded and it lets degradation through.
  auto impaired = [&](const model::FrozenEdge& edge) {
    return edge.degraded_propagates() && state(edge.dependency) == State::kDegraded;
  };
  auto degraded = [&](std::uint32_t node) {
    for (const model::FrozenRequirement& r : graph_.requirements_of(node)) {
      std::uint32_t not_down = 0;
      std::uint32_t fine = 0;
      const model::FrozenEdge* first_not_down = nullptr;
      for (const model::FrozenEdge& edge : graph_.members(r)) {
        if (down_[edge.dependency]) continue;
        ++not_down;
        if (!impaired(edge)) ++fine;
        if (first_not_down == nullptr) first_not_down = &edge;
      }
      if (not_down < r.k) {
        assert(r.effect == Effect::kDegraded && "an unmet down requirement means down");
        return true;
      }
      // With no switchover left, an any group rests on its first member that is not down
      // (failures are permanent, so every earlier member failed before it was picked).
      if (r.gate == Gate::kAny ? impaired(*first_not_down) : fine < r.k) return true;
    }
    return false;
  };
  // Only an entity that needs a down or degraded one can be degraded: start from the
  // dependents of the down ones, then follow the edges that let degradation through.
  std::vector<std::uint32_t> found;
  auto visit = [&](std::uint32_t node) {
    if (state(node) != State::kUp || !degraded(node)) return;
    degraded_[node] = true;
    found.push_back(node);
  };
  for (std::uint32_t node : trail_) {
    for (std::uint32_t e : graph_.dependents_of(node)) visit(graph_.edge(e).owner);
  }
  for (std::size_t next = 0; next < found.size(); ++next) {
    for (std::uint32_t e : graph_.dependents_of(found[next])) {
      if (graph_.edge(e).degraded_propagates()) visit(graph_.edge(e).owner);
    }
  }
  for (std::uint32_t node : found) degraded_[node] = false;
  std::sort(found.begin(), found.end());
  return found;
}

std::vector<State> PermanentOutage::states() const {
  std::vector<State> state(graph_.node_count(), State::kUp);
  for (std::uint32_t node : trail_) state[node] = State::kDown;
  for (std::uint32_t node : degraded_nodes()) state[node] = State::kDegraded;
  return state;
}

}  // namespace msout::analysis
