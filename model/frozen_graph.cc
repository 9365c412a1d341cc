#include "model/frozen_graph.h"

#include <algorithm>

namespace msout::model {

FrozenGraph FrozenGraph::freeze(const Model& model, const FreezeOptions& options) {
  FrozenGraph g;
  const auto n = static_cast<std::uint32_t>(model.entities.size());
  g.req_offsets_.reserve(n + 1);
  g.req_offsets_.push_back(0);
  for (std::uint32_t node = 0; node < n; ++node) {
    const Entity& entity = model.entities[node];
    for (std::uint32_t r = 0; r < entity.requirements.size(); ++r) {
      const Requirement& req = entity.requirements[r];
      const bool group_disputed = req.evidence.confidence == Confidence::kDisputed;
      FrozenRequirement frozen{};
      frozen.first_edge = static_cast<std::uint32_t>(g.edges_.size());
      frozen.gate = req.gate;
      frozen.effect = req.effect;
      frozen.switchover = saturate_seconds(req.switchover.seconds);
      for (std::uint32_t m = 0; m < req.members.size(); ++m) {
        const Dependency& dep = req.members[m];
        const bool disputed = group_disputed || dep.evidence.confidence == Confidence::kDisputed;
        if (disputed && !options.include_disputed) continue;
        g.edge_requirement_.push_back(static_cast<std::uint32_t>(g.requirements_.size()));
        g.edges_.push_back({dep.target, node, saturate_seconds(dep.tolerance.seconds),
                            saturate_seconds(dep.recovery.seconds), dep.degraded_propagates});
        g.source_member_.push_back(m);
      }
      frozen.end_edge = static_cast<std::uint32_t>(g.edges_.size());
      const std::uint32_t kept = frozen.end_edge - frozen.first_edge;
      if (kept == 0) continue;  // every member disputed: the requirement is left out
      // Leaving out a disputed member must not make a k-of-n group impossible to meet.
      frozen.k = std::min(req.k, kept);
      g.requirements_.push_back(frozen);
      g.source_requirement_.push_back(r);
    }
    g.req_offsets_.push_back(static_cast<std::uint32_t>(g.requirements_.size()));
  }
  g.build_reverse_index();
  return g;
}

FrozenGraph FrozenGraph::from_parts(std::vector<std::uint32_t> req_offsets,
                                    std::vector<FrozenRequirement> requirements,
                                    std::vector<FrozenEdge> edges) {
  FrozenGraph g;
  g.req_offsets_ = std::move(req_offsets);
  g.requirements_ = std::move(requirements);
  g.edges_ = std::move(edges);
  g.edge_requirement_.resize(g.edges_.size());
  for (std::uint32_t r = 0; r < g.requirements_.size(); ++r) {
    for (std::uint32_t e = g.requirements_[r].first_edge; e < g.requirements_[r].end_edge; ++e) {
      g.edge_requirement_[e] = r;
    }
  }
  g.build_reverse_index();
  return g;
}

void FrozenGraph::build_reverse_index() {
  // Counting sort: stable, so dependents appear in edge order.
  const std::uint32_t n = node_count();
  dependent_offsets_.assign(n + 1, 0);
  for (const FrozenEdge& e : edges_) ++dependent_offsets_[e.dependency + 1];
  for (std::uint32_t i = 0; i < n; ++i) dependent_offsets_[i + 1] += dependent_offsets_[i];
  dependent_edges_.resize(edges_.size());
  std::vector<std::uint32_t> cursor(dependent_offsets_.begin(), dependent_offsets_.end() - 1);
  for (std::uint32_t e = 0; e < edges_.size(); ++e) {
    dependent_edges_[cursor[edges_[e].dependency]++] = e;
  }
}

}  // namespace msout::model
