#include "sim/cascade/black_start.h"

#include <utility>

#include "model/model_graph.h"

namespace msout::cascade {
namespace {

using model::FrozenRequirement;

// Would `node` run if every entity had state `assumed`? Only requirements whose unmet
// effect is "down" matter, and only whether dependencies are down.
bool would_run(const model::FrozenGraph& graph, std::uint32_t node,
               const std::vector<State>& assumed, std::uint64_t& examined) {
  for (const FrozenRequirement& r : graph.requirements_of(node)) {
    if (r.effect != model::Effect::kDown) continue;
    std::uint32_t available = 0;
    for (const model::FrozenEdge& e : graph.members(r)) {
      ++examined;
      if (assumed[e.dependency] != State::kDown) ++available;
    }
    if (available < r.k) return false;
  }
  return true;
}

}  // namespace

BlackStart find_black_start(const model::FrozenGraph& graph, const std::vector<State>& state,
                            const std::vector<State>& imposed) {
  const std::uint32_t n = graph.node_count();
  std::uint64_t examined = 0;
  // Candidates: down, not held down by a lever, and down because a requirement is unmet now
  // (not merely recovering).
  std::vector<bool> candidate(n, false);
  std::vector<State> assumed = state;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (state[v] == State::kDown && imposed[v] != State::kDown &&
        !would_run(graph, v, state, examined)) {
      candidate[v] = true;
      assumed[v] = State::kUp;
    }
  }
  // Greatest fixed point: drop the candidates that fail even with all candidates up. A
  // worklist over the reverse index: dropping one lowers the available-member counts of
  // the requirements that need it, and only their owners are looked at again, so every
  // edge is looked at a bounded number of times whatever the order of the entities.
  std::vector<std::uint32_t> available(graph.requirement_count(), 0);
  for (std::uint32_t r = 0; r < graph.requirement_count(); ++r) {
    for (const model::FrozenEdge& e : graph.members(graph.requirement(r))) {
      ++examined;
      if (assumed[e.dependency] != State::kDown) ++available[r];
    }
  }
  std::vector<std::uint32_t> dropped;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (candidate[v] && !would_run(graph, v, assumed, examined)) dropped.push_back(v);
  }
  for (std::uint32_t v : dropped) {
    candidate[v] = false;
    assumed[v] = State::kDown;
  }
  for (std::size_t next = 0; next < dropped.size(); ++next) {
    for (std::uint32_t e : graph.dependents_of(dropped[next])) {
      ++examined;
      const std::uint32_t r = graph.requirement_of_edge(e);
      const FrozenRequirement& requirement = graph.requirement(r);
      if (requirement.effect != model::Effect::kDown) continue;
      // Only the member that takes the count below k drops the owner.
      if (available[r]-- != requirement.k) continue;
      const std::uint32_t owner = graph.edge(e).owner;
      if (!candidate[owner]) continue;
      candidate[owner] = false;
      assumed[owner] = State::kDown;
      dropped.push_back(owner);
    }
  }
  BlackStart result;
  std::vector<std::uint32_t> local(n, 0);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (candidate[v]) {
      local[v] = static_cast<std::uint32_t>(result.blocked.size());
      result.blocked.push_back(v);
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t v : result.blocked) {
    for (const FrozenRequirement& r : graph.requirements_of(v)) {
      if (r.effect != model::Effect::kDown) continue;
      for (const model::FrozenEdge& e : graph.members(r)) {
        if (candidate[e.dependency]) edges.emplace_back(local[v], local[e.dependency]);
      }
    }
  }
  for (auto& cycle : model::find_cycles(static_cast<std::uint32_t>(result.blocked.size()), edges)) {
    for (std::uint32_t& v : cycle) v = result.blocked[v];
    result.cycles.push_back(std::move(cycle));
  }
  result.members_examined = examined;
  return result;
}

}  // namespace msout::cascade
