// PermanentOutage: the limit of the cascade semantics (docs/semantics.md) when a set of
// entities is down from t=0 and never comes back, and the horizon is unbounded.
//
// In that limit every finite tolerance and switchover has run out, so an entity is down iff
// it is in the outage set, or one of its requirements with effect `down` has fewer than k
// members that are not down (k = 1 for single dependencies and any groups). Degraded states
// never make anything down. With cycles this has several fixed points; the engine starts
// with everything up and only fails what something forces, so the meaning is the least
// fixed point from the outage set: a cycle goes down only if the outage set forces it.
//
// Computed by a worklist with one counter per requirement (members not down), so adding
// an outage costs only the part of the graph it takes down; rollback() undoes outages in
// the reverse order, which makes "this set plus one more" cheap for cut-set searches.
//
// One instance is single-threaded; the graph is only read, so instances on the same graph
// may run on different threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/state.h"

namespace msout::analysis {

class PermanentOutage {
 public:
  // Everything up. `graph` must outlive this object.
  explicit PermanentOutage(const model::FrozenGraph& graph);

  // Puts `node` down for good and propagates what that forces. No-op if already down.
  void fail(std::uint32_t node);

  bool down(std::uint32_t node) const { return down_[node]; }
  // Every entity that is down, in the order it went down.
  std::span<const std::uint32_t> down_nodes() const { return trail_; }

  // A mark to roll back to: the number of entities down now.
  std::size_t checkpoint() const { return trail_.size(); }
  // Undoes every fail() since `mark` was taken (marks taken later become invalid).
  void rollback(std::size_t mark);

  // The requirements with effect `down`, of entities that are up, that have lost members
  // but still have k: the only places where another outage can combine with this set to
  // take more down. Ascending.
  std::vector<std::uint32_t> weakened_requirements() const;

  // The entities that are degraded in the limit: not down, and some requirement contributes
  // `degraded` once every switchover is over (an unmet requirement with effect `degraded`;
  // a degraded dependency on an edge with degraded_propagates; for an any group, its first
  // member that is not down; for k-of-n, fewer than k members fine). Again the least fixed
  // point. Costs what the down entities reach, not the whole graph. Ascending.
  std::vector<std::uint32_t> degraded_nodes() const;

  // Every entity's state in the limit (down, degraded_nodes(), else up). O(graph).
  std::vector<cascade::State> states() const;

 private:
  const model::FrozenGraph& graph_;
  std::vector<std::uint32_t> alive_;  // per requirement with effect down: members not down
  std::vector<bool> down_;
  std::vector<std::uint32_t> trail_;
  mutable std::vector<bool> degraded_;  // scratch for degraded_nodes(), all false between calls
};

}  // namespace msout::analysis
