#include "sim/cascade/black_start.h"

#include <utility>

#include "model/model_graph.h"

namespace msout::cascade {
namespace {

using model::FrozenRequirement;

// Would `node` run if every entity had state `assumed`? Only requirements whose unmet
// effect is "down" matter, and only whether dependencies are down.
bool would_run(const model::FrozenGraph& graph, std::uint32_t node,
               const std::vector<State>& assumed) {
  for (const FrozenRequirement& r : graph.requirements_of(node)) {
    if (r.effect != model::Effect::kDown) continue;
    std::uint32_t available = 0;
    for (const model::FrozenEdge& e : graph.members(r)) {
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
  // Candidates: down, not held down by a lever, and down because a requirement is unmet now
  // (not merely recovering).
  std::vector<bool> candidate(n, false);
  std::vector<State> assumed = state;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (state[v] == State::kDown && imposed[v] != State::kDown && !would_run(graph, v, state)) {
      candidate[v] = true;
      assumed[v] = State::kUp;
    }
  }
  // Greatest fixed point: drop candidates that fail even with all candidates up.
  for (bool changed = true; changed;) {
    changed = false;
    for (std::uint32_t v = 0; v < n; ++v) {
      if (candidate[v] && !would_run(graph, v, assumed)) {
        candidate[v] = false;
        assumed[v] = State::kDown;
        changed = true;
      }
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
  return result;
}

}  // namespace msout::cascade
