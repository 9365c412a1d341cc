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

// When `entity` (the organisation, one of its functions or systems) was first degraded or
// worse, or first down. Precondition: it was.
std::int64_t first_time(const FocusReport& focus, std::uint32_t entity, bool down) {
  auto time_of = [&](const FunctionOutcome& o) { return down ? *o.first_down : *o.first_degraded; };
  if (entity == focus.organisation) return time_of(focus.own);
  for (const FunctionOutcome& f : focus.functions) {
    if (f.entity == entity) return time_of(f);
  }
  for (const FunctionOutcome& s : focus.systems) {
    if (s.entity == entity) return time_of(s);
  }
  return 0;
}

// Outcomes (the organisation, its functions or its systems) as rows: id, name, times, state.
render::Table outcomes_table(const Report& report, std::string name, std::string title,
                             const std::vector<const FunctionOutcome*>& outcomes,
                             const std::vector<std::string>& how,
                             const std::vector<std::string>& shared = {}) {
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
  if (!how.empty()) {
    table.columns.push_back({"people_served", "people", ColumnType::kCount});
    table.columns.push_back({"fails_through", "how it fails", ColumnType::kText, 40});
  }
  if (!shared.empty()) {
    table.columns.push_back({"shared_with", "shared with (ids)", ColumnType::kText, 0, false});
  }
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    const FunctionOutcome& f = *outcomes[i];
    const model::Entity& e = model.entities[f.entity];
    std::vector<Cell> row{
        Cell::plain(e.id),           Cell::plain(e.name),
        time_cell(f.first_degraded), time_cell(f.first_down),
        time_cell(f.time_down),      Cell::plain(std::string(cascade::to_string(f.final_state)))};
    if (!how.empty()) {
      row.push_back(count_cell(f.people));
      row.push_back(Cell::plain(how[i]));
    }
    if (!shared.empty()) row.push_back(Cell::plain(shared[i]));
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
  table.note =
      "The organisation, its functions and its systems right after each change; the "
      "terminal counts them and names those down (the other formats name all).";
  // The terminal counts each state and names what is down; the lists of ids are too long
  // for its columns.
  table.columns = {{"at_s", "from", ColumnType::kDuration},
                   {"up_count", "up", ColumnType::kCount, 0, true},
                   {"degraded_count", "degraded", ColumnType::kCount, 0, true},
                   {"down_count", "down", ColumnType::kCount, 0, true},
                   {"up", "up (ids)", ColumnType::kText, 0, false},
                   {"degraded", "degraded (ids)", ColumnType::kText, 0, false},
                   {"down", "down (ids)", ColumnType::kText, 80}};
  for (const FocusMoment& m : focus.moments) {
    table.rows.push_back({time_cell(m.time), count_cell(m.up.size()), count_cell(m.degraded.size()),
                          count_cell(m.down.size()), Cell::plain(ids_text(model, m.up)),
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
  doc.context = whatif_context(report.whatif);
  doc.context.push_back("model " + report.model_name + ", horizon " + time_text(report.horizon));
  doc.headline.push_back(focus_headline(focus));
  std::size_t failing = 0;
  for (const FunctionOutcome& f : focus.functions) failing += f.first_degraded ? 1 : 0;
  const std::size_t provided = focus.functions.size();
  doc.headline.push_back(std::to_string(failing) + " of " + std::to_string(provided) +
                         (provided == 1 ? " critical function" : " critical functions") +
                         " it provides " + (failing == 1 ? "fails" : "fail") + " within " +
                         time_text(report.horizon) + ".");
  if (focus.first_to_fail) {
    const model::Entity& first = model.entities[*focus.first_to_fail];
    doc.headline.push_back("First to fail: " + first.name + " [" + first.id + "] at " +
                           time_text(first_time(focus, *focus.first_to_fail, false)) + ".");
  } else {
    doc.headline.push_back("Nothing fails within " + time_text(report.horizon) +
                           ": the organisation, its functions and its systems stay up.");
  }
  if (focus.first_to_go_down) {
    const model::Entity& first = model.entities[*focus.first_to_go_down];
    doc.headline.push_back("First to go down: " + first.name + " [" + first.id + "] at " +
                           time_text(first_time(focus, *focus.first_to_go_down, true)) + ".");
  }
  doc.warnings = report.warnings;

  std::vector<const FunctionOutcome*> functions;
  std::vector<std::string> how;
  std::vector<std::string> shared;
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    functions.push_back(&focus.functions[i]);
    const std::string route = route_text(focus, focus.roles[i]);
    how.push_back(route.empty() ? "does not fail" : route);
    shared.push_back(ids_text(model, focus.roles[i].peers));
  }
  doc.blocks.push_back({outcomes_table(
      report, "functions", "The critical functions it provides (" + std::to_string(provided) + ")",
      functions, how, shared)});

  render::Timeline timeline;
  timeline.name = "functions";
  timeline.title = "Its critical functions over " + time_text(report.horizon);
  timeline.horizon = report.horizon;
  for (const FunctionOutcome& f : focus.functions) timeline.rows.push_back(timeline_row(report, f));
  timeline.marks = lever_marks(*report.scenario, report.horizon);
  doc.blocks.push_back({std::move(timeline)});

  render::Chains why{
      "why", "What fails first, and why: the organisation itself, then its functions", {}};
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
      report, "systems",
      "Systems and suppliers it uses directly (and the organisation itself, first)", systems, {})});
  doc.blocks.push_back({moments_table(focus)});
  doc.blocks.push_back(
      {cuts_table(model, "single-points-of-failure", "Its single points of failure",
                  focus.single_points_of_failure)});
  doc.blocks.push_back(
      {cuts_table(model, "pairs", "Pairs of outages that fail it only together", focus.pairs)});

  if (!report.assumptions.empty()) doc.blocks.push_back(assumptions_block(report));

  doc.graph = chains_graph(report, chained, org.name + ": what failed and why");
  return doc;
}

}  // namespace msout::report
