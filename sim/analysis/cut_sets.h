// Cut sets: which outages of one or two entities take a critical function down for good.
//
// A cut set of a function is a set of entities whose permanent outage takes the function
// down in the limit of the cascade semantics (permanent_outage.h: outages from t=0 that
// never end, every tolerance and switchover run out). It is minimal when no smaller subset
// is one. Order 1 = single points of failure; order 2 = pairs of which neither member alone
// is a cut set (a redundant pair, an any group {a, b}, is one cut set of order 2, not two
// single points of failure). Requirements with effect `degraded` never make cut sets; single
// outages that leave the function degraded are listed apart as `degrading`.
//
//   std::vector<CutSets> found = find_cut_sets(graph, functions, candidates);
//
// Order-2 search considers only candidates that are ancestors of some requested function
// through `down` requirements (no other entity can take it down), and pairs an entity only
// with those that weaken a requirement it weakens (PermanentOutage::weakened_requirements):
// whatever falls because of both and of neither alone first falls through such a
// requirement. Deterministic; the result depends only on the graph and the two lists.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "model/frozen_graph.h"

namespace msout::analysis {

struct CutSets {
  std::uint32_t function = 0;
  // Order 1: single points of failure, by ascending entity index.
  std::vector<std::uint32_t> single_points;
  // Order 2: (first, second) with first < second, ascending.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
  // Single outages that leave the function degraded, not down; ascending.
  std::vector<std::uint32_t> degrading;
};

// For each of `functions` (distinct entity indices, any order; one result each, in that
// order), its minimal cut sets of order 1 and 2 drawn from `candidates` (entity indices;
// a function among them is allowed). Cost: per candidate, one propagation and one pass
// over the graph (for `degrading`); per pair of candidates that are ancestors of a
// requested function, one propagation of the second outage, as far as it reaches.
std::vector<CutSets> find_cut_sets(const model::FrozenGraph& graph,
                                   std::span<const std::uint32_t> functions,
                                   std::span<const std::uint32_t> candidates);

// The entities from which `node` can be reached through requirements with effect `down`
// (the only ones whose outage can take it down), `node` excluded; ascending.
std::vector<std::uint32_t> down_ancestors(const model::FrozenGraph& graph, std::uint32_t node);

}  // namespace msout::analysis
