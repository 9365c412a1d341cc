#include "sim/analysis/blast_radius_document.h"

#include <string>
#include <utility>
#include <vector>

#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/text_table.h"

namespace msout::analysis {
namespace {

using render::Cell;
using report::count_cell;
using report::count_column;
using report::counted;
using report::detail_column;
using report::number_column;
using report::people_hours_cell;
using report::state_cell;
using report::text_column;
using report::time_cell;
using report::time_column;
using report::time_text;
using report::total_text;

render::Table ranking_table(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  render::Table table;
  table.name = "ranking";
  table.title = "Ranking, worst first";
  table.note =
      "down: critical functions down at some time; degraded: only degraded. People (at "
      "least): served by the most widely used of those functions, capped at the population; "
      "never a sum over functions. Function-people-hours: people x hours summed over the "
      "functions, a function-weighted measure (a person counts once per function), not "
      "people (docs/report-format.md, \"People figures\").";
  if (result.ranked.size() < result.analysed) {
    table.note += " The top " + std::to_string(result.ranked.size()) + " of " +
                  std::to_string(result.analysed) + ".";
  }
  table.columns = {
      count_column("rank", "rank"),
      text_column("id", "entity", 28),
      text_column("kind", "kind"),
      count_column("functions_down", "down"),
      count_column("functions_degraded", "degraded"),
      count_column("people_down", "people down (at least)"),
      count_column("people_degraded", "people degraded (at least)"),
      number_column("people_hours_down", "people-hours down (at least)"),
      detail_column(number_column("function_people_hours_down", "function-people-hours down")),
      text_column("name", "name", 40)};
  for (std::size_t i = 0; i < result.ranked.size(); ++i) {
    const BlastRadius& r = result.ranked[i];
    table.rows.push_back({count_cell(i + 1), Cell::plain(std::string(names.id(r.entity))),
                          Cell::plain(std::string(model::to_string(names.kind(r.entity)))),
                          count_cell(r.functions_down), count_cell(r.functions_degraded),
                          count_cell(r.people_down), count_cell(r.people_degraded),
                          people_hours_cell(r.people_hours_down),
                          people_hours_cell(r.function_people_hours_down),
                          Cell::plain(std::string(names.name(r.entity)))});
  }
  return table;
}

render::Table hits_table(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  const std::string horizon = time_text(result.horizon);
  render::Table table;
  table.name = "hits";
  table.title = "Critical functions hit, per outage (down or degraded within " + horizon + ")";
  table.note = "In the ranking's order; per outage, by first down, first degraded, id.";
  table.columns = {text_column("outage_id", "outage", 28),
                   detail_column(text_column("outage_name", "outage name")),
                   text_column("function_id", "function", 28),
                   detail_column(text_column("function_name", "function name")),
                   time_column("first_degraded_s", "first degraded"),
                   time_column("first_down_s", "first down"),
                   time_column("time_down_s", "time down"),
                   count_column("people_served", "people"),
                   detail_column(number_column("people_hours_down", "people-hours down")),
                   text_column("state_at_horizon", "at " + horizon)};
  for (const BlastRadius& r : result.ranked) {
    for (const FunctionHit& f : r.functions) {
      table.rows.push_back(
          {Cell::plain(std::string(names.id(r.entity))),
           Cell::plain(std::string(names.name(r.entity))),
           Cell::plain(std::string(names.id(f.function))),
           Cell::plain(std::string(names.name(f.function))), time_cell(f.first_degraded),
           time_cell(f.first_down), time_cell(f.time_down), count_cell(f.people),
           people_hours_cell(f.people_hours_down), state_cell(f.state_at_horizon)});
    }
  }
  return table;
}

std::vector<std::string> headline(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  std::vector<std::string> lines;
  std::size_t hitting = 0;
  for (const BlastRadius& r : result.ranked) hitting += r.functions.empty() ? 0 : 1;
  if (hitting == 0) {
    lines.push_back("No single outage of the " + blast_radius_scope(result) +
                    " hits a critical function within " + time_text(result.horizon) + ".");
    return lines;
  }
  const BlastRadius& worst = result.ranked.front();
  lines.push_back("Worst single outage: " + std::string(names.name(worst.entity)) + " (" +
                  std::string(names.id(worst.entity)) + ") takes " +
                  counted(worst.functions_down, "critical function", "critical functions") +
                  " down (at least " + total_text(worst.people_down) + " people) and degrades " +
                  std::to_string(worst.functions_degraded) + " more.");
  if (result.ranked.size() > 1) {
    std::string next = "Next:";
    for (std::size_t i = 1; i < result.ranked.size() && i < 3; ++i) {
      const BlastRadius& r = result.ranked[i];
      next += std::string(i == 1 ? " " : ", ") + std::string(names.name(r.entity)) + " (" +
              std::to_string(r.functions_down) + " down)";
    }
    lines.push_back(next + ".");
  }
  lines.push_back(std::to_string(hitting) + " of the " + std::to_string(result.ranked.size()) +
                  " outages listed hit a critical function.");
  return lines;
}

}  // namespace

render::Document blast_radius_document(const BlastRadiusReport& result) {
  const model::Catalogue& names = result.names;
  render::Document doc;
  doc.kind = "blast-radius";
  doc.json_format = kBlastRadiusFormat;
  doc.title = "msout analyze blast-radius: model \"" + names.model_name() + "\"";
  doc.context.push_back(std::to_string(result.entities) + " entities, " +
                        std::to_string(result.dependencies) + " dependencies");
  for (std::string& line : report::whatif_context(result.whatif))
    doc.context.push_back(std::move(line));
  doc.context.push_back(blast_radius_scope(result) + ", each down alone from 0s to " +
                        time_text(result.horizon) + "; disputed dependencies " +
                        (result.include_disputed ? "included" : "left out"));
  doc.headline = headline(result);
  doc.blocks.push_back({ranking_table(result)});
  doc.blocks.push_back({hits_table(result)});
  return doc;
}

}  // namespace msout::analysis
