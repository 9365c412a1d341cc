#include "sim/analysis/cut_sets_writer.h"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/report/text_table.h"

namespace msout::analysis {
namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& ids) {
  return ids.empty() ? "none" : render::joined(ids, ", ");
}

}  // namespace

NamedCutSets named_cut_sets(const model::Model& model, const CutSets& sets) {
  auto ids = [&](const std::vector<std::uint32_t>& nodes) {
    std::vector<std::string> out;
    for (std::uint32_t n : nodes) out.push_back(model.entities[n].id);
    std::sort(out.begin(), out.end());
    return out;
  };
  NamedCutSets out{ids(sets.single_points), {}, ids(sets.degrading)};
  for (const auto& [a, b] : sets.pairs) {
    const std::string& first = model.entities[a].id;
    const std::string& second = model.entities[b].id;
    out.pairs.emplace_back(std::min(first, second), std::max(first, second));
  }
  std::sort(out.pairs.begin(), out.pairs.end());
  return out;
}

std::string candidates_text(const CutSetsReport& result) {
  return std::to_string(result.candidate_count) + " " +
         (result.candidates == "all" ? std::string("entities other than functions")
                                     : result.candidates + "s");
}

std::string cut_sets_table(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  std::ostringstream out;
  out << "msout analyze cut-sets: model \"" << model.name << "\" (" << result.entities
      << " entities, " << result.dependencies << " dependencies)\n";
  out << report::whatif_lines(result.whatif, "  ");
  out << "  outages that never end (every tolerance and switchover run out); candidates: "
      << candidates_text(result) << "; disputed dependencies "
      << (result.include_disputed ? "included" : "left out") << "\n\n";

  out << "CUT SETS PER CRITICAL FUNCTION (single: one outage takes it down; pairs: two "
         "outages together, neither alone)\n";
  report::TextTable summary({"function", "people", "single", "pairs", "degrading", "name"});
  std::vector<NamedCutSets> all;
  for (const CutSets& sets : result.functions) {
    all.push_back(named_cut_sets(model, sets));
    const model::Entity& f = model.entities[sets.function];
    summary.add({f.id, report::grouped(f.people_served), std::to_string(sets.single_points.size()),
                 std::to_string(sets.pairs.size()), std::to_string(sets.degrading.size()), f.name});
  }
  out << summary.render("  ");

  for (std::size_t i = 0; i < result.functions.size(); ++i) {
    const model::Entity& f = model.entities[result.functions[i].function];
    const NamedCutSets& sets = all[i];
    out << "\n" << f.id << " (" << f.name << ")\n";
    out << "  single points of failure: " << joined(sets.single_points) << "\n";
    out << "  pairs:";
    if (sets.pairs.empty()) out << " none";
    out << "\n";
    for (const auto& [a, b] : sets.pairs) out << "    " << a << " + " << b << "\n";
    out << "  degrading alone: " << joined(sets.degrading) << "\n";
  }
  return out.str();
}

std::string cut_sets_json(const CutSetsReport& result) {
  const model::Model& model = *result.model;
  Json root;
  root["format"] = kCutSetsFormat;
  root["model"] = {{"name", model.name},
                   {"files", model.files},
                   {"entities", result.entities},
                   {"dependencies", result.dependencies}};
  root["whatif"] = report::whatif_json(result.whatif);
  root["candidates"] = {{"kind", result.candidates}, {"count", result.candidate_count}};
  root["include_disputed"] = result.include_disputed;
  Json functions = Json::array();
  for (const CutSets& sets : result.functions) {
    const model::Entity& f = model.entities[sets.function];
    const NamedCutSets ids = named_cut_sets(model, sets);
    Json pairs = Json::array();
    for (const auto& [a, b] : ids.pairs) pairs.push_back({a, b});
    functions.push_back({{"id", f.id},
                         {"name", f.name},
                         {"people_served", f.people_served},
                         {"single_points_of_failure", ids.single_points},
                         {"pairs", std::move(pairs)},
                         {"degrading", ids.degrading}});
  }
  root["functions"] = std::move(functions);
  return root.dump(2) + "\n";
}

}  // namespace msout::analysis
