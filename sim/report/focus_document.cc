#include "sim/report/focus_document.h"

#include <string>
#include <vector>

#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/focus_json.h"

namespace msout::report {
namespace {

using render::Cell;
using render::ColumnType;

std::string ids_text(const model::Model& model, const std::vector<std::uint32_t>& entities) {
  std::string text;
  for (std::uint32_t e : entities) text += (text.empty() ? "" : " ") + model.entities[e].id;
  return text;
}

std::string names_text(const model::Model& model, const std::vector<std::uint32_t>& entities,
                       const char* separator) {
  std::string text;
  for (std::uint32_t e : entities) text += (text.empty() ? "" : separator) + model.entities[e].name;
  return text;
}

// Outcomes (the organisation, its functions or its systems) as rows: id, name, times, state.
render::Table outcomes_table(const Report& report, std::string name, std::string title,
                             const std::vector<const FunctionOutcome*>& outcomes,
                             const std::vector<std::string>& how) {
  const model::Model& model = *report.model;
  render::Table table;
  table.name = std::move(name);
  table.title = std::move(title);
  table.columns = {{"id", "id", ColumnType::kText, 28},
                   {"name", "name", ColumnType::kText, 36},
                   {"first_degraded_s", "degraded at", ColumnType::kDuration},
                   {"first_down_s", "down at", ColumnType::kDuration},
                   {"time_down_s", "down for", ColumnType::kDuration},
                   {"state_at_horizon", "at " + time_text(report.horizon), ColumnType::kText}};
  if (!how.empty())
    table.columns.push_back({"fails_through", "how it fails", ColumnType::kText, 40});
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const FunctionOutcome& f = *outcomes[i];
    const model::Entity& e = model.entities[f.entity];
    std::vector<Cell> row{
        Cell::plain(e.id),           Cell::plain(e.name),
        time_cell(f.first_degraded), time_cell(f.first_down),
        time_cell(f.time_down),      Cell::plain(std::string(cascade::to_string(f.final_state)))};
    if (!how.empty()) row.push_back(Cell::plain(how[i]));
    table.rows.push_back(std::move(row));
  }
  return table;
}

render::Table cuts_table(const model::Model& model, std::string name, std::string title,
                         const std::vector<FocusCut>& cuts) {
  render::Table table;
  table.name = std::move(name);
  table.title = std::move(title);
  table.note =
      "Outages that, on their own or only together, take the organisation or a function only "
      "it provides down for good (every tolerance and switchover run out); computed on the "
      "model, not the scenario.";
  table.columns = {{"outage", "outage (ids)", ColumnType::kText, 40},
                   {"outage_names", "outage", ColumnType::kText, 0, false},
                   {"takes_down", "takes down (ids)", ColumnType::kText, 60}};
  for (const FocusCut& cut : cuts) {
    table.rows.push_back({Cell::plain(ids_text(model, cut.outage)),
                          Cell::plain(names_text(model, cut.outage, " + ")),
                          Cell::plain(ids_text(model, cut.takes_down))});
  }
  table.terminal_rows = 10;
  return table;
}

render::Table moments_table(const FocusReport& focus) {
  const model::Model& model = *focus.report->model;
  render::Table table;
  table.name = "moments";
  table.title = "What still works, moment by moment";
  table.columns = {{"at_s", "from", ColumnType::kDuration},
                   {"up", "up", ColumnType::kText},
                   {"degraded", "degraded", ColumnType::kText},
                   {"down", "down", ColumnType::kText}};
  for (const FocusMoment& m : focus.moments) {
    table.rows.push_back({time_cell(m.time), Cell::plain(ids_text(model, m.up)),
                          Cell::plain(ids_text(model, m.degraded)),
                          Cell::plain(ids_text(model, m.down))});
  }
  return table;
}

}  // namespace

render::Document focus_document(const FocusReport& focus) {
  const Report& report = *focus.report;
  const model::Model& model = *report.model;
  const model::Entity& org = model.entities[focus.organisation];

  render::Document doc;
  doc.kind = "focus";
  doc.json_format = kFocusFormat;
  doc.title = "msout: " + org.name + " [" + org.id + "] under " + report.scenario_name;
  for (const AppliedOverlay& overlay : report.whatif) {
    doc.context.push_back("what-if \"" + overlay.name + "\" (" + overlay.file + ")");
  }
  doc.context.push_back("model " + report.model_name + ", horizon " + time_text(report.horizon));
  doc.headline.push_back(focus_headline(focus));
  std::size_t failing = 0;
  for (const FunctionOutcome& f : focus.functions) failing += f.first_degraded ? 1 : 0;
  doc.headline.push_back(
      std::to_string(failing) + " of the " + std::to_string(focus.functions.size()) +
      " critical functions it provides fail within " + time_text(report.horizon) + ".");
  if (focus.first_to_fail) {
    doc.headline.push_back("First to fail: " + model.entities[*focus.first_to_fail].name + " [" +
                           model.entities[*focus.first_to_fail].id + "].");
  } else {
    doc.headline.push_back(
        "Nothing fails: the organisation, its functions and its systems "
        "stay up throughout.");
  }
  doc.warnings = report.warnings;

  std::vector<const FunctionOutcome*> functions;
  std::vector<std::string> how;
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    functions.push_back(&focus.functions[i]);
    const std::string route = route_text(focus, focus.roles[i]);
    how.push_back(route.empty() ? "does not fail" : route);
  }
  doc.blocks.push_back(
      {outcomes_table(report, "functions", "The critical functions it provides", functions, how)});

  render::Timeline timeline;
  timeline.name = "functions";
  timeline.title = "Its critical functions over " + time_text(report.horizon);
  timeline.horizon = report.horizon;
  for (const FunctionOutcome& f : focus.functions) timeline.rows.push_back(timeline_row(report, f));
  timeline.marks = lever_marks(*report.scenario, report.horizon);
  doc.blocks.push_back({std::move(timeline)});

  render::Chains why{"why", "Why: the organisation's own cause chain, then its functions'", {}};
  std::vector<const FunctionOutcome*> chained;
  if (focus.own.cause) {
    why.chains.push_back(chain_of(report, focus.own));
    chained.push_back(&focus.own);
  }
  for (const FunctionOutcome& f : focus.functions) {
    if (!f.cause) continue;
    why.chains.push_back(chain_of(report, f));
    chained.push_back(&f);
  }
  doc.blocks.push_back({std::move(why), render::kShowTerminal | render::kShowHtml});

  std::vector<const FunctionOutcome*> systems{&focus.own};
  for (const FunctionOutcome& s : focus.systems) systems.push_back(&s);
  doc.blocks.push_back({outcomes_table(
      report, "systems", "The organisation itself and the systems it uses", systems, {})});
  doc.blocks.push_back({moments_table(focus), render::kShowHtml | render::kShowCsv});
  doc.blocks.push_back({cuts_table(model, "single-points-of-failure", "Single points of failure",
                                   focus.single_points_of_failure)});
  doc.blocks.push_back(
      {cuts_table(model, "pairs", "Pairs that fail it only together", focus.pairs)});

  doc.graph = chains_graph(report, chained, org.name + ": what failed and why");
  return doc;
}

}  // namespace msout::report
