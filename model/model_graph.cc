#include "model/model_graph.h"

#include <algorithm>
#include <map>

#include <boost/graph/strong_components.hpp>

namespace msout::model {

std::vector<std::vector<std::uint32_t>> find_cycles(
    std::uint32_t vertex_count, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges) {
  DependencyGraph graph(vertex_count);
  std::vector<bool> self_loop(vertex_count, false);
  for (auto [from, to] : edges) {
    boost::add_edge(from, to, graph);
    if (from == to) self_loop[from] = true;
  }
  std::vector<int> component(vertex_count);
  boost::strong_components(graph, boost::make_iterator_property_map(
                                      component.begin(), boost::get(boost::vertex_index, graph)));
  std::map<int, std::vector<std::uint32_t>> members;
  for (std::uint32_t v = 0; v < vertex_count; ++v) members[component[v]].push_back(v);
  std::vector<std::vector<std::uint32_t>> cycles;
  for (auto& [id, vertices] : members) {
    if (vertices.size() > 1 || self_loop[vertices.front()]) cycles.push_back(std::move(vertices));
  }
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

std::vector<std::vector<std::uint32_t>> dependency_cycles(const Model& model) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    for (const Requirement& req : model.entities[e].requirements) {
      for (const Dependency& dep : req.members) edges.emplace_back(e, dep.target);
    }
  }
  return find_cycles(static_cast<std::uint32_t>(model.entities.size()), edges);
}

}  // namespace msout::model
