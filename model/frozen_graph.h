// FrozenGraph: the model compiled into flat, integer-indexed arrays (CSR) for the engine.
//
// Node i is Model::entities[i]. Node i's requirements are requirements[req_offsets[i] ..
// req_offsets[i+1]); requirement r's member edges are edges[r.first_edge .. r.end_edge).
// The reverse index lists, for each node, the edges that depend on it — who to notify when
// it changes. No per-edge heap objects: a 10-million-edge graph is a few flat arrays.
// Immutable after freeze(); safe to share between threads.
#pragma once

#include <algorithm>
#include <climits>
#include <cstdint>
#include <span>
#include <vector>

#include "model/huge_page_allocator.h"
#include "model/model.h"
#include "model/model_shape.h"
#include "model/uncertainty.h"

namespace msout::model {

// Seconds held in 32 bits: 68 years; 20 bytes per edge instead of 32 matters at 10^7 edges.
// Longer durations (inputs allow 100 years) saturate to kNeverSeconds, which the engine
// reads as "never": a tolerance that never runs out, a recovery or switchover that never
// completes. Never as a finite 68 years, which a 100-year horizon would reach.
inline constexpr std::int32_t kNeverSeconds = INT32_MAX;
inline std::int32_t saturate_seconds(std::int64_t seconds) {
  return seconds >= kNeverSeconds ? kNeverSeconds : static_cast<std::int32_t>(seconds);
}

// Twenty bytes: the graph's largest array.
struct FrozenEdge {
  // Requirement indices stay below this (checked where graphs are built), leaving the top
  // bit of `flags_and_requirement` for degraded_propagates.
  static constexpr std::uint32_t kMaxRequirements = 0x7fffffffu;

  std::uint32_t dependency = 0;  // node this edge needs
  std::uint32_t owner = 0;       // node that needs it (the dependent)
  std::int32_t tolerance = 0;    // seconds, saturated
  std::int32_t recovery = 0;     // seconds, saturated
  // Bit 31: degraded_propagates. Bits 0-30: the requirement (gate) the edge belongs to, set
  // by the graph beside the fields the engine reads with it, so that a delivery reads one
  // record.
  std::uint32_t flags_and_requirement = 0;

  bool degraded_propagates() const { return (flags_and_requirement >> 31) != 0; }
  void set_degraded_propagates(bool propagates) {
    flags_and_requirement =
        (flags_and_requirement & kMaxRequirements) | (propagates ? ~kMaxRequirements : 0u);
  }
  std::uint32_t requirement() const { return flags_and_requirement & kMaxRequirements; }
  void set_requirement(std::uint32_t requirement) {
    flags_and_requirement = (flags_and_requirement & ~kMaxRequirements) | requirement;
  }
};
static_assert(sizeof(FrozenEdge) == 20);

struct FrozenRequirement {
  std::uint32_t first_edge;
  std::uint32_t end_edge;
  std::uint32_t k;  // members needed (1 for single and any)
  Gate gate;
  Effect effect;
  std::int32_t switchover;  // seconds, saturated; any groups only
};

struct FreezeOptions {
  // Dependencies whose evidence is "disputed" stay in the model but are left out of the
  // graph unless this is set (a disputed claim must not fail anything by default).
  bool include_disputed = false;
};

// The graph's arrays: on huge pages once large (huge_page_allocator.h), as the cascade reads
// them at random.
using IndexArray = HugePageVector<std::uint32_t>;
using RequirementArray = HugePageVector<FrozenRequirement>;
using EdgeArray = HugePageVector<FrozenEdge>;

class FrozenGraph {
 public:
  static FrozenGraph freeze(const Model& model, const FreezeOptions& options = {});

  // Recompiles this graph for one Monte Carlo replication `draw` of `plan` (whose model
  // must be alive), from the plan's flat shape of the model, reusing this graph's buffers:
  // no allocation once they have grown.
  void refreeze(const UncertaintyPlan& plan, const Realization& draw);

  // Builds the graph from its primary arrays (as stored in a compact file); derives the
  // reverse index. Preconditions (checked by the compact loader): offsets ascending and
  // within `requirements`, every requirement's edges within `edges` and owned by its node,
  // 1 <= k <= members, every dependency < node count. Such a graph has no source model:
  // source_dependency() and source_gate() must not be called on it.
  static FrozenGraph from_parts(IndexArray req_offsets, RequirementArray requirements,
                                EdgeArray edges);

  std::span<const std::uint32_t> requirement_offsets() const { return req_offsets_; }
  std::span<const FrozenRequirement> all_requirements() const { return requirements_; }
  std::span<const FrozenEdge> all_edges() const { return edges_; }

  std::uint32_t node_count() const { return static_cast<std::uint32_t>(req_offsets_.size() - 1); }
  std::span<const FrozenRequirement> requirements_of(std::uint32_t node) const {
    return {requirements_.data() + req_offsets_[node],
            requirements_.data() + req_offsets_[node + 1]};
  }
  std::span<const FrozenEdge> members(const FrozenRequirement& r) const {
    return {edges_.data() + r.first_edge, edges_.data() + r.end_edge};
  }
  // Index of requirement `r` within the global requirement array.
  std::uint32_t requirement_index(std::uint32_t node, std::size_t local) const {
    return req_offsets_[node] + static_cast<std::uint32_t>(local);
  }
  const FrozenRequirement& requirement(std::uint32_t index) const { return requirements_[index]; }
  const FrozenEdge& edge(std::uint32_t index) const { return edges_[index]; }
  std::uint32_t requirement_count() const {
    return static_cast<std::uint32_t>(requirements_.size());
  }
  std::uint32_t edge_count() const { return static_cast<std::uint32_t>(edges_.size()); }
  // First global requirement index of `node`.
  std::uint32_t first_requirement(std::uint32_t node) const { return req_offsets_[node]; }
  // Requirement that edge `e` belongs to.
  std::uint32_t requirement_of_edge(std::uint32_t e) const { return edges_[e].requirement(); }
  // Edges whose dependency is `node`.
  std::span<const std::uint32_t> dependents_of(std::uint32_t node) const {
    return {dependent_edges_.data() + dependent_offsets_[node],
            dependent_edges_.data() + dependent_offsets_[node + 1]};
  }
  // Position of requirement `index` in its entity's Model::Entity::requirements, and of each
  // edge in its requirement's members, for mapping results back to the model.
  std::uint32_t source_requirement(std::uint32_t index) const { return source_requirement_[index]; }
  std::uint32_t source_member(std::uint32_t edge) const { return source_member_[edge]; }
  // The model's dependency behind edge `e`, and the requirement (gate) it belongs to.
  // `model` must be the one this graph was frozen from.
  const Dependency& source_dependency(const Model& model, std::uint32_t e) const {
    return source_gate(model, e).members[source_member_[e]];
  }
  const Requirement& source_gate(const Model& model, std::uint32_t e) const {
    return model.entities[edges_[e].owner]
        .requirements[source_requirement_[edges_[e].requirement()]];
  }

 private:
  template <class Decisions>
  void fill(const ModelShape& shape, const Decisions& decide);
  void build_reverse_index();

  IndexArray req_offsets_;
  RequirementArray requirements_;
  EdgeArray edges_;
  IndexArray dependent_offsets_;
  IndexArray dependent_edges_;
  std::vector<std::uint32_t> source_requirement_;
  std::vector<std::uint32_t> source_member_;
};

}  // namespace msout::model
