#include "sim/analysis/cut_sets.h"

#include <algorithm>
#include <cassert>

#include "sim/analysis/permanent_outage.h"

namespace msout::analysis {
namespace {

// Marks every entity from which one of `roots` can be reached through requirements with
// effect down. A root is marked only if it is reached from a root (a cycle, or one root
// needing another).
std::vector<bool> mark_down_ancestors(const model::FrozenGraph& graph,
                                      std::span<const std::uint32_t> roots) {
  std::vector<bool> marked(graph.node_count(), false);
  std::vector<std::uint32_t> stack(roots.begin(), roots.end());
  while (!stack.empty()) {
    const std::uint32_t node = stack.back();
    stack.pop_back();
    for (const model::FrozenRequirement& r : graph.requirements_of(node)) {
      if (r.effect != model::Effect::kDown) continue;
      for (const model::FrozenEdge& edge : graph.members(r)) {
        if (marked[edge.dependency]) continue;
        marked[edge.dependency] = true;
        stack.push_back(edge.dependency);
      }
    }
  }
  return marked;
}

}  // namespace

std::vector<std::uint32_t> down_ancestors(const model::FrozenGraph& graph, std::uint32_t node) {
  const std::vector<bool> marked = mark_down_ancestors(graph, std::span(&node, 1));
  std::vector<std::uint32_t> out;
  for (std::uint32_t n = 0; n < graph.node_count(); ++n) {
    if (marked[n] && n != node) out.push_back(n);
  }
  return out;
}

std::vector<CutSets> find_cut_sets(const model::FrozenGraph& graph,
                                   std::span<const std::uint32_t> functions,
                                   std::span<const std::uint32_t> candidates) {
  constexpr std::int32_t kNotRequested = -1;
  std::vector<std::int32_t> slot(graph.node_count(), kNotRequested);
  std::vector<CutSets> result(functions.size());
  for (std::size_t i = 0; i < functions.size(); ++i) {
    assert(slot[functions[i]] == kNotRequested && "each function once");
    slot[functions[i]] = static_cast<std::int32_t>(i);
    result[i].function = functions[i];
  }
  std::vector<std::uint32_t> pool(candidates.begin(), candidates.end());
  std::sort(pool.begin(), pool.end());
  pool.erase(std::unique(pool.begin(), pool.end()), pool.end());

  // Only entities that can reach a requested function can be members of a pair.
  const std::vector<bool> ancestor = mark_down_ancestors(graph, functions);
  std::vector<std::uint32_t> pair_pool;
  for (std::uint32_t n : pool) {
    if (ancestor[n]) pair_pool.push_back(n);
  }
  // Per pair-pool position, the requirements its outage weakens (weak[offsets[i] ..
  // offsets[i+1])), and the same as (requirement, position), sorted, to find who else
  // weakens one of them.
  std::vector<std::uint32_t> weak_offsets{0};
  std::vector<std::uint32_t> weak;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> weakened_by;

  // Order 1, and the single outages that only degrade.
  PermanentOutage outage(graph);
  std::size_t position = 0;
  for (std::uint32_t candidate : pool) {
    outage.fail(candidate);
    for (std::uint32_t node : outage.down_nodes()) {
      if (slot[node] != kNotRequested) {
        result[static_cast<std::size_t>(slot[node])].single_points.push_back(candidate);
      }
    }
    for (std::uint32_t node : outage.degraded_nodes()) {
      if (slot[node] != kNotRequested) {
        result[static_cast<std::size_t>(slot[node])].degrading.push_back(candidate);
      }
    }
    if (position < pair_pool.size() && pair_pool[position] == candidate) {
      for (std::uint32_t r : outage.weakened_requirements()) {
        weak.push_back(r);
        weakened_by.emplace_back(r, static_cast<std::uint32_t>(position));
      }
      weak_offsets.push_back(static_cast<std::uint32_t>(weak.size()));
      ++position;
    }
    outage.rollback(0);
  }
  std::sort(weakened_by.begin(), weakened_by.end());

  // Order 2. A pair takes down more than its members alone only through a requirement
  // that each of them weakens (the first entity to fall because of both has one), so each
  // entity is paired only with the later ones that weaken a requirement it weakens.
  auto single_point_of = [&](const CutSets& sets, std::uint32_t entity) {
    return std::binary_search(sets.single_points.begin(), sets.single_points.end(), entity);
  };
  std::vector<std::uint32_t> partners;
  for (std::size_t i = 0; i < pair_pool.size(); ++i) {
    partners.clear();
    for (std::uint32_t w = weak_offsets[i]; w < weak_offsets[i + 1]; ++w) {
      auto it = std::lower_bound(weakened_by.begin(), weakened_by.end(),
                                 std::pair<std::uint32_t, std::uint32_t>(weak[w], 0));
      for (; it != weakened_by.end() && it->first == weak[w]; ++it) {
        if (it->second > i) partners.push_back(it->second);
      }
    }
    if (partners.empty()) continue;
    std::sort(partners.begin(), partners.end());
    partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
    const std::uint32_t first = pair_pool[i];
    outage.fail(first);
    const std::size_t alone = outage.checkpoint();
    for (std::uint32_t j : partners) {
      const std::uint32_t second = pair_pool[j];
      if (outage.down(second)) continue;  // adds nothing to `first` alone
      outage.fail(second);
      // What goes down beyond `first` alone; minimal if `second` alone does not do it.
      for (std::uint32_t node : outage.down_nodes().subspan(alone)) {
        if (slot[node] == kNotRequested) continue;
        CutSets& sets = result[static_cast<std::size_t>(slot[node])];
        if (!single_point_of(sets, second)) sets.pairs.emplace_back(first, second);
      }
      outage.rollback(alone);
    }
    outage.rollback(0);
  }
  return result;
}

}  // namespace msout::analysis
