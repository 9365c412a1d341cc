#include "model/frozen_graph.h"

#include <algorithm>

namespace msout::model {

namespace {

// The deterministic run's decisions, read from the model itself.
struct PointDecisions {
  bool include_disputed;
  static bool disputed(const Evidence& evidence) {
    return evidence.confidence == Confidence::kDisputed;
  }
  bool requirement_present(std::uint32_t, const Requirement& req) const {
    return include_disputed || req.gate == Gate::kSingle || !disputed(req.evidence);
  }
  bool member_present(std::uint32_t, const Dependency& dep) const {
    return include_disputed || !disputed(dep.evidence);
  }
  static std::uint32_t chosen(std::uint32_t, const Requirement& req) {
    std::uint32_t heaviest = 0;
    for (std::uint32_t m = 1; m < req.members.size(); ++m) {
      if (req.members[m].weight > req.members[heaviest].weight) heaviest = m;
    }
    return heaviest;
  }
  static bool common_cause(std::uint32_t) { return false; }
  static std::int64_t tolerance(std::uint32_t, const Dependency& dep) {
    return dep.tolerance.seconds;
  }
  static std::int64_t recovery(std::uint32_t, const Dependency& dep) {
    return dep.recovery.seconds;
  }
  static std::int64_t switchover(std::uint32_t, const Requirement& req) {
    return req.switchover.seconds;
  }
};

// One replication's decisions (uncertainty.h).
struct DrawnDecisions {
  const UncertaintyPlan& plan;
  const Realization& draw;
  bool holds(std::uint32_t claim) const { return claim == kNoClaim || draw.claim_holds[claim]; }
  bool requirement_present(std::uint32_t ri, const Requirement&) const {
    return holds(plan.requirement_claim(ri));
  }
  bool member_present(std::uint32_t mi, const Dependency&) const {
    return holds(plan.member_claim(mi));
  }
  std::uint32_t chosen(std::uint32_t ri, const Requirement&) const { return draw.chosen[ri]; }
  bool common_cause(std::uint32_t ri) const { return draw.common_cause[ri] != 0; }
  std::int64_t tolerance(std::uint32_t mi, const Dependency&) const { return draw.tolerance[mi]; }
  std::int64_t recovery(std::uint32_t mi, const Dependency&) const { return draw.recovery[mi]; }
  std::int64_t switchover(std::uint32_t ri, const Requirement&) const {
    return draw.switchover[ri];
  }
};

}  // namespace

// The one compiler from model to graph, for any source of decisions (docs/semantics.md,
// docs/uncertainty.md): an absent requirement imposes nothing; an absent member leaves its
// group (k is clamped to the members kept; an emptied group imposes nothing); a choice
// keeps its chosen member as a single dependency; a common cause makes a group need all
// its members (one failing takes the group down, as the shared cause would take them all).
template <class Decisions>
void FrozenGraph::fill(const Model& model, const Decisions& decide) {
  req_offsets_.clear();
  requirements_.clear();
  edges_.clear();
  edge_requirement_.clear();
  source_requirement_.clear();
  source_member_.clear();
  const auto n = static_cast<std::uint32_t>(model.entities.size());
  req_offsets_.reserve(n + 1);
  req_offsets_.push_back(0);
  std::uint32_t ri = 0;  // flat requirement index in the model
  std::uint32_t mi = 0;  // flat member index in the model
  for (std::uint32_t node = 0; node < n; ++node) {
    const Entity& entity = model.entities[node];
    for (std::uint32_t r = 0; r < entity.requirements.size(); ++r, ++ri) {
      const Requirement& req = entity.requirements[r];
      const std::uint32_t first_member = mi;
      mi += static_cast<std::uint32_t>(req.members.size());
      if (!decide.requirement_present(ri, req)) continue;
      FrozenRequirement frozen{};
      frozen.first_edge = static_cast<std::uint32_t>(edges_.size());
      frozen.gate = req.gate;
      frozen.k = req.k;
      frozen.effect = req.effect;
      frozen.switchover = saturate_seconds(decide.switchover(ri, req));
      auto keep = [&](std::uint32_t m) {
        const Dependency& dep = req.members[m];
        const std::uint32_t member = first_member + m;
        if (!decide.member_present(member, dep)) return;
        edge_requirement_.push_back(static_cast<std::uint32_t>(requirements_.size()));
        edges_.push_back({dep.target, node, saturate_seconds(decide.tolerance(member, dep)),
                          saturate_seconds(decide.recovery(member, dep)), dep.degraded_propagates});
        source_member_.push_back(m);
      };
      if (req.gate == Gate::kChoice) {
        keep(decide.chosen(ri, req));
        frozen.gate = Gate::kSingle;
        frozen.k = 1;
      } else {
        for (std::uint32_t m = 0; m < req.members.size(); ++m) keep(m);
      }
      frozen.end_edge = static_cast<std::uint32_t>(edges_.size());
      const std::uint32_t kept = frozen.end_edge - frozen.first_edge;
      if (kept == 0) continue;  // every member absent: the requirement imposes nothing
      frozen.k = std::min(frozen.k, kept);
      if (frozen.gate != Gate::kSingle && decide.common_cause(ri)) {
        frozen.gate = Gate::kKOfN;
        frozen.k = kept;
      }
      requirements_.push_back(frozen);
      source_requirement_.push_back(r);
    }
    req_offsets_.push_back(static_cast<std::uint32_t>(requirements_.size()));
  }
  build_reverse_index();
}

FrozenGraph FrozenGraph::freeze(const Model& model, const FreezeOptions& options) {
  FrozenGraph g;
  g.fill(model, PointDecisions{options.include_disputed});
  return g;
}

void FrozenGraph::refreeze(const Model& model, const UncertaintyPlan& plan,
                           const Realization& draw) {
  fill(model, DrawnDecisions{plan, draw});
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
  // The offsets double as cursors, then are shifted back: no scratch allocation.
  for (std::uint32_t e = 0; e < edges_.size(); ++e) {
    dependent_edges_[dependent_offsets_[edges_[e].dependency]++] = e;
  }
  for (std::uint32_t i = n; i > 0; --i) dependent_offsets_[i] = dependent_offsets_[i - 1];
  dependent_offsets_[0] = 0;
}

}  // namespace msout::model
