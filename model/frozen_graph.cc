#include "model/frozen_graph.h"

#include <algorithm>
#include <stdexcept>

namespace msout::model {
namespace {

// An edge keeps its requirement's index in 31 bits (FrozenEdge).
void check_requirement_count(std::size_t count) {
  if (count > FrozenEdge::kMaxRequirements) {
    throw std::length_error("more than 2^31 - 1 requirements in one graph");
  }
}

// The deterministic run's decisions, read from the model itself.
struct PointDecisions {
  const ModelShape& shape;
  bool include_disputed;
  static bool disputed(const Evidence& evidence) {
    return evidence.confidence == Confidence::kDisputed;
  }
  bool requirement_present(std::uint32_t ri) const {
    const Requirement& req = *shape.requirements[ri];
    return include_disputed || req.gate == Gate::kSingle || !disputed(req.evidence);
  }
  bool member_present(std::uint32_t mi) const {
    return include_disputed || !disputed(shape.members[mi]->evidence);
  }
  std::uint32_t chosen(std::uint32_t ri) const { return heaviest_member(*shape.requirements[ri]); }
  static bool common_cause(std::uint32_t) { return false; }
  std::int64_t tolerance(std::uint32_t mi) const { return shape.members[mi]->tolerance.seconds; }
  std::int64_t recovery(std::uint32_t mi) const { return shape.members[mi]->recovery.seconds; }
  std::int64_t switchover(std::uint32_t ri) const {
    return shape.requirements[ri]->switchover.seconds;
  }
};

// One replication's decisions (uncertainty.h), from flat arrays only.
struct DrawnDecisions {
  const UncertaintyPlan& plan;
  const Realization& draw;
  bool holds(std::uint32_t claim) const { return claim == kNoClaim || draw.claim_holds[claim]; }
  bool requirement_present(std::uint32_t ri) const { return holds(plan.requirement_claim(ri)); }
  bool member_present(std::uint32_t mi) const { return holds(plan.member_claim(mi)); }
  std::uint32_t chosen(std::uint32_t ri) const { return draw.chosen[ri]; }
  bool common_cause(std::uint32_t ri) const { return draw.common_cause[ri] != 0; }
  std::int64_t tolerance(std::uint32_t mi) const { return draw.tolerance[mi]; }
  std::int64_t recovery(std::uint32_t mi) const { return draw.recovery[mi]; }
  std::int64_t switchover(std::uint32_t ri) const { return draw.switchover[ri]; }
};

}  // namespace

// The one compiler from model to graph, for any source of decisions (docs/semantics.md,
// docs/uncertainty.md). A left-out dependency counts as working for the whole run, so
// leaving a claim out never makes anything fail more or earlier: an absent requirement
// imposes nothing; a group keeps its other members and needs k - (members left out) of
// them, imposing nothing once that reaches 0 (one absent alternative satisfies an any
// group; an absent single dependency imposes nothing); a choice keeps its chosen member as
// a single dependency; a common cause makes a group need all the members it keeps (one
// failing takes the group down, as the shared cause would take them all).
template <class Decisions>
void FrozenGraph::fill(const ModelShape& shape, const Decisions& decide) {
  req_offsets_.clear();
  requirements_.clear();
  edges_.clear();
  source_requirement_.clear();
  source_member_.clear();
  const std::uint32_t n = shape.entity_count();
  req_offsets_.reserve(n + 1);
  req_offsets_.push_back(0);
  for (std::uint32_t node = 0; node < n; ++node) {
    const std::uint32_t first_requirement = shape.req_offsets[node];
    for (std::uint32_t ri = first_requirement; ri < shape.req_offsets[node + 1]; ++ri) {
      if (!decide.requirement_present(ri)) continue;
      const std::uint32_t first_member = shape.member_offsets[ri];
      const std::uint32_t end_member = shape.member_offsets[ri + 1];
      FrozenRequirement frozen{};
      frozen.first_edge = static_cast<std::uint32_t>(edges_.size());
      frozen.gate = shape.gate[ri];
      frozen.k = shape.k[ri];
      frozen.effect = shape.effect[ri];
      frozen.switchover = saturate_seconds(decide.switchover(ri));
      std::uint32_t left_out = 0;
      auto keep = [&](std::uint32_t mi) {
        if (!decide.member_present(mi)) {
          ++left_out;
          return;
        }
        FrozenEdge& e = edges_.emplace_back();
        e.dependency = shape.target[mi];
        e.owner = node;
        e.tolerance = saturate_seconds(decide.tolerance(mi));
        e.recovery = saturate_seconds(decide.recovery(mi));
        e.set_degraded_propagates(shape.degraded_propagates[mi] != 0);
        e.set_requirement(static_cast<std::uint32_t>(requirements_.size()));
        source_member_.push_back(mi - first_member);
      };
      if (frozen.gate == Gate::kChoice) {
        keep(first_member + decide.chosen(ri));
        frozen.gate = Gate::kSingle;
        frozen.k = 1;
      } else {
        for (std::uint32_t mi = first_member; mi < end_member; ++mi) keep(mi);
      }
      if (left_out >= frozen.k) {  // the left-out members alone meet it: it imposes nothing
        edges_.resize(frozen.first_edge);
        source_member_.resize(frozen.first_edge);
        continue;
      }
      frozen.k -= left_out;
      frozen.end_edge = static_cast<std::uint32_t>(edges_.size());
      if (frozen.gate != Gate::kSingle && decide.common_cause(ri)) {
        frozen.gate = Gate::kKOfN;
        frozen.k = frozen.end_edge - frozen.first_edge;
      }
      requirements_.push_back(frozen);
      source_requirement_.push_back(ri - first_requirement);
    }
    req_offsets_.push_back(static_cast<std::uint32_t>(requirements_.size()));
  }
  check_requirement_count(requirements_.size());
  build_reverse_index();
}

FrozenGraph FrozenGraph::freeze(const Model& model, const FreezeOptions& options) {
  FrozenGraph g;
  const ModelShape shape = ModelShape::of(model);
  g.fill(shape, PointDecisions{shape, options.include_disputed});
  return g;
}

void FrozenGraph::refreeze(const UncertaintyPlan& plan, const Realization& draw) {
  fill(plan.shape(), DrawnDecisions{plan, draw});
}

FrozenGraph FrozenGraph::from_parts(IndexArray req_offsets, RequirementArray requirements,
                                    EdgeArray edges) {
  check_requirement_count(requirements.size());
  FrozenGraph g;
  g.req_offsets_ = std::move(req_offsets);
  g.requirements_ = std::move(requirements);
  g.edges_ = std::move(edges);
  for (std::uint32_t r = 0; r < g.requirements_.size(); ++r) {
    for (std::uint32_t e = g.requirements_[r].first_edge; e < g.requirements_[r].end_edge; ++e) {
      g.edges_[e].set_requirement(r);
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
