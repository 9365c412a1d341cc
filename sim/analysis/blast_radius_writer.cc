#include "sim/analysis/blast_radius_writer.h"

#include <sstream>

#include <nlohmann/json.hpp>

#include "sim/report/cause_text.h"
#include "sim/report/json_parts.h"
#include "sim/report/people_figures.h"
#include "sim/report/text_table.h"

namespace msout::analysis {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

std::string blast_radius_scope(const BlastRadiusReport& result) {
  if (!result.ids.empty()) {
    return std::to_string(result.analysed) + " entit" + (result.analysed == 1 ? "y" : "ies") +
           " named by --ids";
  }
  const std::string plural =
      result.kind == "all" ? "entities other than functions" : result.kind + "s";
  return std::to_string(result.analysed) + " " + plural;
}

std::string blast_radius_table(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  const std::string horizon = report::time_text(result.horizon);
  std::ostringstream out;
  out << "msout analyze blast-radius: model \"" << names.model_name() << "\" (" << result.entities
      << " entities, " << result.dependencies << " dependencies)\n";
  out << report::whatif_lines(result.whatif, "  ");
  out << "  " << blast_radius_scope(result) << ", each down alone from 0s to " << horizon
      << "; disputed dependencies " << (result.include_disputed ? "included" : "left out") << "\n"
      << report::wrapped(report::population_text(names.population()), "  ", "  ", 96) << "\n";

  out << "RANKING (worst first; down: critical functions down at some time, degraded: only "
         "degraded";
  if (result.ranked.size() < result.analysed) {
    out << "; top " << result.ranked.size() << " of " << result.analysed;
  }
  out << ")\n"
      << report::wrapped(
             "people: at least the people served by the most widely used function hit, never a "
             "sum over functions; people-hours down: at least, the same figure over time; "
             "function-people-hours: people x hours summed over the functions, a "
             "function-weighted measure, not people (docs/analyses.md)",
             "  ", "  ", 96);
  report::TextTable ranking({"rank", "entity", "kind", "down", "degraded", "people down (at least)",
                             "people degraded (at least)", "people-hours down (at least)",
                             "function-people-hours down", "name"});
  for (std::size_t i = 0; i < result.ranked.size(); ++i) {
    const BlastRadius& r = result.ranked[i];
    ranking.add({std::to_string(i + 1), std::string(names.id(r.entity)),
                 std::string(model::to_string(names.kind(r.entity))),
                 std::to_string(r.functions_down), std::to_string(r.functions_degraded),
                 report::grouped(r.people_down), report::grouped(r.people_degraded),
                 report::people_hours_text(r.people_hours_down),
                 report::people_hours_text(r.function_people_hours_down),
                 std::string(names.name(r.entity))});
  }
  out << ranking.render("  ");

  out << "\nCRITICAL FUNCTIONS HIT, PER OUTAGE (down or degraded within " << horizon << ")\n";
  std::size_t without_hits = 0;
  for (const BlastRadius& r : result.ranked) {
    if (r.functions.empty()) {
      ++without_hits;
      continue;
    }
    out << "  " << std::string(names.id(r.entity)) << " (" << std::string(names.name(r.entity))
        << ")\n";
    report::TextTable hits(
        {"function", "first degraded", "first down", "time down", "people", "at " + horizon});
    for (const FunctionHit& f : r.functions) {
      hits.add({std::string(names.id(f.function)), report::optional_time_text(f.first_degraded),
                report::optional_time_text(f.first_down), report::time_text(f.time_down),
                report::grouped(f.people), std::string(cascade::to_string(f.state_at_horizon))});
    }
    out << hits.render("    ");
  }
  if (without_hits == result.ranked.size()) {
    out << "  none\n";
  } else if (without_hits > 0) {
    out << "  (" << without_hits << " of these outages hit no critical function)\n";
  }
  return out.str();
}

std::string blast_radius_json(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  Json root;
  root["format"] = kBlastRadiusFormat;
  root["model"] = {{"name", names.model_name()},
                   {"files", names.files()},
                   {"entities", result.entities},
                   {"dependencies", result.dependencies},
                   {"population", report::population_json(names.population())}};
  root["whatif"] = report::whatif_json(result.whatif);
  root["kind"] = result.ids.empty() ? Json(result.kind) : Json(nullptr);
  root["ids"] = result.ids;
  root["horizon_s"] = result.horizon;
  root["include_disputed"] = result.include_disputed;
  root["analysed"] = result.analysed;
  Json ranked = Json::array();
  for (std::size_t i = 0; i < result.ranked.size(); ++i) {
    const BlastRadius& r = result.ranked[i];
    Json functions = Json::array();
    for (const FunctionHit& f : r.functions) {
      functions.push_back({{"id", std::string(names.id(f.function))},
                           {"name", std::string(names.name(f.function))},
                           {"people_served", f.people},
                           {"first_degraded_s", report::optional_seconds(f.first_degraded)},
                           {"first_down_s", report::optional_seconds(f.first_down)},
                           {"time_down_s", f.time_down},
                           {"people_hours_down", f.people_hours_down},
                           {"state_at_horizon", cascade::to_string(f.state_at_horizon)}});
    }
    ranked.push_back({{"rank", i + 1},
                      {"id", std::string(names.id(r.entity))},
                      {"name", std::string(names.name(r.entity))},
                      {"kind", model::to_string(names.kind(r.entity))},
                      {"functions_down", r.functions_down},
                      {"functions_degraded", r.functions_degraded},
                      {"people_down", r.people_down},
                      {"people_degraded", r.people_degraded},
                      {"people_hours_down", r.people_hours_down},
                      {"function_people_hours_down", r.function_people_hours_down},
                      {"functions", std::move(functions)}});
  }
  root["ranking"] = std::move(ranked);
  return root.dump(2) + "\n";
}

}  // namespace msout::analysis
