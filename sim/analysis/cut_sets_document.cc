#include "sim/analysis/cut_sets_document.h"

#include <algorithm>
#include <deque>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "sim/render/text_table.h"
#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"

namespace msout::analysis {
namespace {

using render::Cell;
using report::count_cell;
using report::count_column;
using report::counted;
using report::detail_column;
using report::text_column;

render::Table functions_table(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  render::Table table;
  table.name = "functions";
  table.title = "Cut sets per critical function";
  table.note =
      "single: one outage takes it down; pairs: two outages together, neither alone; "
      "degrading: one outage leaves it degraded. Outages never end (every tolerance and "
      "switchover run out).";
  table.columns = {text_column("id", "function", 28),       text_column("name", "name", 40),
                   count_column("people_served", "people"), count_column("single_points", "single"),
                   count_column("pairs", "pairs"),          count_column("degrading", "degrading")};
  for (const CutSets& sets : result.functions) {
    const model::Entity& f = model.entities[sets.function];
    table.rows.push_back({Cell::plain(f.id), Cell::plain(f.name), count_cell(f.people_served),
                          count_cell(sets.single_points.size()), count_cell(sets.pairs.size()),
                          count_cell(sets.degrading.size())});
  }
  return table;
}

render::Table sets_table(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  render::Table table;
  table.name = "cut-sets";
  table.title = "Single points of failure, pairs and degrading outages";
  table.note =
      "type single or pair: the outage takes the function down for good; degrading: "
      "it leaves the function degraded.";
  table.columns = {text_column("function_id", "function", 28),
                   text_column("type", "type"),
                   text_column("first_id", "outage", 28),
                   text_column("second_id", "and", 28),
                   detail_column(text_column("first_name", "outage name")),
                   detail_column(text_column("second_name", "and name"))};
  auto name_of = [&](const std::string& id) { return model.entities[*model.find(id)].name; };
  for (const CutSets& sets : result.functions) {
    const std::string& function = model.entities[sets.function].id;
    const NamedCutSets named = named_cut_sets(model, sets);
    auto add = [&](const char* type, const std::string& first, const std::string& second) {
      table.rows.push_back({Cell::plain(function), Cell::plain(type), Cell::plain(first),
                            Cell::plain(second), Cell::plain(name_of(first)),
                            Cell::plain(second.empty() ? "" : name_of(second))});
    };
    for (const std::string& id : named.single_points) add("single", id, "");
    for (const auto& [a, b] : named.pairs) add("pair", a, b);
    for (const std::string& id : named.degrading) add("degrading", id, "");
  }
  return table;
}

// "any of 2", "2 of 3", "all of 3": what a gate of `members` members needs.
std::string gate_label(std::uint32_t k, std::size_t members) {
  if (k == 1) return "any of " + std::to_string(members);
  if (k == members) return "all of " + std::to_string(members);
  return std::to_string(k) + " of " + std::to_string(members);
}

// "saas, after 8h, degrades": the link's layer, tolerance and effect, where they say
// something.
std::string edge_label(const model::Dependency& dependency, model::Effect effect) {
  std::vector<std::string> parts;
  if (dependency.layer != model::Layer::kNone) {
    parts.emplace_back(model::to_string(dependency.layer));
  }
  if (dependency.tolerance.seconds > 0) {
    parts.push_back("after " + report::time_text(dependency.tolerance.seconds));
  }
  if (effect == model::Effect::kDegraded) parts.emplace_back("degrades");
  return render::joined(parts, ", ");
}

// What each entity is to the functions drawn: "single point of failure", "in pairs with x,
// y", "degrades it alone" (with the function's id where several are drawn).
std::map<std::uint32_t, std::vector<std::string>> roles(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  const bool several = result.functions.size() > 1;
  std::map<std::uint32_t, std::vector<std::string>> out;
  for (const CutSets& sets : result.functions) {
    const std::string of = several ? " of " + model.entities[sets.function].id : "";
    for (std::uint32_t e : sets.single_points) out[e].push_back("single point of failure" + of);
    std::map<std::uint32_t, std::vector<std::string>> partners;
    for (const auto& [a, b] : sets.pairs) {
      partners[a].push_back(model.entities[b].id);
      partners[b].push_back(model.entities[a].id);
    }
    for (auto& [e, ids] : partners) {
      std::sort(ids.begin(), ids.end());
      std::string text = ids.size() == 1 ? "in a pair with " : "in pairs with ";
      for (std::size_t i = 0; i < ids.size(); ++i) text += (i == 0 ? "" : ", ") + ids[i];
      out[e].push_back(text + of);
    }
    for (std::uint32_t e : sets.degrading) {
      out[e].push_back("degrades" + (of.empty() ? " it" : of) + " alone");
    }
  }
  return out;
}

render::Graph dependency_graph(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  const model::FrozenGraph& graph = *result.graph;
  const std::map<std::uint32_t, std::vector<std::string>> role = roles(result);
  render::Graph out;
  out.title =
      result.functions.size() == 1
          ? "Dependency tree of " + model.entities[result.functions.front().function].name
          : "Dependency trees of " + counted(result.functions.size(), "function", "functions");
  // Breadth-first from the functions, each entity drawn once: a cycle closes on the node
  // already drawn, so the walk ends after at most every entity.
  std::vector<bool> seen(graph.node_count(), false);
  std::deque<std::uint32_t> queue;
  auto visit = [&](std::uint32_t node) {
    if (seen[node]) return;
    seen[node] = true;
    queue.push_back(node);
    const model::Entity& entity = model.entities[node];
    render::GraphNode n{entity.id, entity.name, {}, std::nullopt, false};
    if (entity.kind == model::EntityKind::kFunction) n.detail = "critical function";
    if (const auto it = role.find(node); it != role.end()) {
      for (const std::string& r : it->second) n.detail += (n.detail.empty() ? "" : "; ") + r;
    }
    out.nodes.push_back(std::move(n));
  };
  for (const CutSets& sets : result.functions) visit(sets.function);
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    const std::string& id = model.entities[node].id;
    const std::uint32_t first = graph.first_requirement(node);
    const auto requirements = graph.requirements_of(node);
    for (std::size_t local = 0; local < requirements.size(); ++local) {
      const model::FrozenRequirement& r = requirements[local];
      const auto members = graph.members(r);
      const std::uint32_t first_edge = r.first_edge;
      auto edge_to = [&](const std::string& from, std::uint32_t e) {
        const model::Dependency& dependency = graph.source_dependency(model, e);
        out.edges.push_back({from, model.entities[graph.edge(e).dependency].id,
                             edge_label(dependency, r.effect),
                             report::is_hedged(report::link_evidence(model, graph, e))});
      };
      if (members.size() == 1) {
        edge_to(id, first_edge);
      } else {
        const model::Requirement& group = graph.source_gate(model, first_edge);
        const std::string gate =
            id + "#" + std::to_string(graph.source_requirement(first + local) + 1);
        out.nodes.push_back({gate, gate_label(r.k, members.size()), {}, std::nullopt, true});
        out.edges.push_back({id, gate, r.effect == model::Effect::kDegraded ? "degrades" : "",
                             report::is_hedged(group.evidence)});
        for (std::uint32_t e = first_edge; e < r.end_edge; ++e) edge_to(gate, e);
      }
      for (std::uint32_t e = first_edge; e < r.end_edge; ++e) visit(graph.edge(e).dependency);
    }
  }
  return out;
}

std::vector<std::string> headline(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  std::vector<std::string> lines;
  if (result.functions.size() == 1) {
    const CutSets& sets = result.functions.front();
    const NamedCutSets named = named_cut_sets(model, sets);
    std::string line =
        model.entities[sets.function].name + ": " +
        counted(sets.single_points.size(), "single point of failure", "single points of failure");
    if (!named.single_points.empty() && named.single_points.size() <= 5) {
      line += " (" + render::joined(named.single_points, ", ") + ")";
    }
    line += " and " + counted(sets.pairs.size(), "pair", "pairs") + " of outages.";
    lines.push_back(line);
    if (!sets.degrading.empty()) {
      lines.push_back(
          counted(sets.degrading.size(), "single outage degrades", "single outages degrade") +
          " it without taking it down.");
    }
    return lines;
  }
  std::size_t with_single = 0;
  std::size_t only_pairs = 0;
  const CutSets* most = nullptr;
  for (const CutSets& sets : result.functions) {
    if (!sets.single_points.empty()) ++with_single;
    if (sets.single_points.empty() && !sets.pairs.empty()) ++only_pairs;
    if (most == nullptr || sets.single_points.size() > most->single_points.size()) most = &sets;
  }
  lines.push_back(std::to_string(with_single) + " of " +
                  counted(result.functions.size(), "critical function", "critical functions") +
                  " have a single point of failure; " + std::to_string(only_pairs) +
                  " more can be taken down only by a pair of outages.");
  if (most != nullptr && !most->single_points.empty()) {
    lines.push_back("Most single points of failure: " + model.entities[most->function].name + " (" +
                    std::to_string(most->single_points.size()) + ").");
  }
  return lines;
}

}  // namespace

render::Document cut_sets_document(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  render::Document doc;
  doc.kind = "cut-sets";
  doc.json_format = kCutSetsFormat;
  doc.title = "msout analyze cut-sets: model \"" + model.name + "\"";
  doc.context.push_back(std::to_string(result.entities) + " entities, " +
                        std::to_string(result.dependencies) + " dependencies");
  for (std::string& line : report::whatif_context(result.whatif)) {
    doc.context.push_back(std::move(line));
  }
  doc.context.push_back(
      "outages that never end (every tolerance and switchover run out); candidates: " +
      candidates_text(result) + "; disputed dependencies " +
      (result.include_disputed ? "included" : "left out"));
  doc.headline = headline(result);
  doc.blocks.push_back({functions_table(result)});
  doc.blocks.push_back({sets_table(result)});
  if (result.graph != nullptr) doc.graph = dependency_graph(result);
  return doc;
}

}  // namespace msout::analysis
