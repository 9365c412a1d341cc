// The Boost.Graph view of a model, for building and analysis (the engine reads the
// FrozenGraph instead). Edges point from dependent to dependency.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "model/model.h"

namespace msout::model {

using DependencyGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// The cycles of a directed graph on vertices 0..n-1 given as edges: each strongly connected
// component with more than one vertex, or with a self-loop. Vertices ascending within a
// cycle; cycles ordered by their smallest vertex.
std::vector<std::vector<std::uint32_t>> find_cycles(
    std::uint32_t vertex_count, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges);

// The dependency cycles of a model (legal; reported for information).
std::vector<std::vector<std::uint32_t>> dependency_cycles(const Model& model);

}  // namespace msout::model
