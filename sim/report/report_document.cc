#include "sim/report/report_document.h"

#include <algorithm>
#include <string>
#include <vector>

#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/json_report.h"
#include "sim/report/people_figures.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

using render::Cell;
using render::Column;
using render::ColumnType;

std::string name_and_id(const model::Entity& e) { return e.name + " [" + e.id + "]"; }

std::vector<std::string> context_lines(const Report& report) {
  std::vector<std::string> lines = whatif_context(report.whatif);
  std::string line = "horizon " + time_text(report.horizon) + ", " +
                     std::to_string(report.entities) + " entities, " +
                     std::to_string(report.edges) + " dependencies simulated, " +
                     std::to_string(report.events) + " events";
  if (report.include_disputed) line += ", disputed dependencies included";
  lines.push_back(line);
  if (report.model_dependencies > report.edges) {
    lines.push_back("the model has " + std::to_string(report.model_dependencies) +
                    " dependencies: disputed ones and one_of alternatives not assumed are left "
                    "out");
  }
  lines.push_back(population_text(report.model->population));
  return lines;
}

std::vector<std::string> headline(const Report& report,
                                  const std::vector<const FunctionOutcome*>& failed,
                                  const std::vector<const FunctionOutcome*>& working) {
  const model::Model& model = *report.model;
  std::size_t down = 0;
  for (const FunctionOutcome* f : failed) down += f->first_down ? 1 : 0;
  std::vector<std::string> lines;
  const std::string functions =
      counted(report.functions.size(), "critical function", "critical functions");
  if (failed.empty()) {
    lines.push_back("None of the " + functions + " fails within " + time_text(report.horizon) +
                    ".");
  } else {
    lines.push_back(std::to_string(failed.size()) + " of " + functions + " fail within " +
                    time_text(report.horizon) + ": " + std::to_string(down) +
                    (down == 1 ? " goes" : " go") + " down, " +
                    std::to_string(failed.size() - down) +
                    (failed.size() - down == 1 ? " is" : " are") + " only degraded.");
    const FunctionOutcome& first = *failed.front();
    const bool is_down = first.first_down.has_value();
    lines.push_back("First: " + name_and_id(model.entities[first.entity]) + ", " +
                    (is_down ? "down at " + time_text(*first.first_down)
                             : "degraded at " + time_text(*first.first_degraded)) +
                    ".");
    // People are not added up over functions: at least those served by the most widely used
    // function that goes down lose one (report/people_figures.h).
    const FunctionOutcome* widest = nullptr;
    for (const FunctionOutcome* f : failed) {
      if (f->first_down && (widest == nullptr || f->people > widest->people)) widest = f;
    }
    const std::uint64_t at_least =
        widest == nullptr ? 0 : capped_to_population(widest->people, model.population);
    if (at_least > 0) {
      lines.push_back("At least " + total_text(at_least) +
                      " people lose a critical function: those served by " +
                      model.entities[widest->entity].name +
                      " (people are not added up over functions; docs/report-format.md).");
    }
  }
  if (working.empty()) {
    lines.push_back("No critical function keeps working throughout.");
  } else {
    std::string names;
    for (std::size_t i = 0; i < working.size() && i < 3; ++i) {
      names += (i == 0 ? "" : ", ") + model.entities[working[i]->entity].name;
    }
    if (working.size() > 3) names += ", …";
    lines.push_back("Still working throughout: " +
                    counted(working.size(), "function", "functions") + " (" + names + ").");
  }
  if (!report.black_start.blocked.empty()) {
    lines.push_back(counted(report.black_start.blocked.size(), "entity", "entities") +
                    " cannot restart by themselves (black start).");
  }
  return lines;
}

// What the terminal says of the functions it leaves out of the table and the timeline.
std::string left_out_text(std::size_t functions, std::size_t failed, std::size_t top) {
  if (failed > top) {
    return "… and " + std::to_string(failed - top) +
           " more failing functions (--top 0 shows them all; every function is in --format csv, "
           "html and json)";
  }
  const std::size_t working = functions - failed;
  if (working == 0) return "";
  return "(the " + counted(working, "function", "functions") + " still working " +
         (working == 1 ? "is" : "are") + " listed below)";
}

render::Table functions_table(const Report& report, std::size_t failed, std::size_t top) {
  const model::Model& model = *report.model;
  const std::string horizon = time_text(report.horizon);
  render::Table table;
  table.name = "functions";
  table.title = "Critical functions that fail (" + std::to_string(failed) + " of " +
                std::to_string(report.functions.size()) + ")";
  table.note =
      "Worst first: by first down, then first degraded. People: the people the "
      "function serves (not added up). The ids are what --focus, --function and "
      "compare take.";
  table.columns = {
      {"id", "id", ColumnType::kText, 28},
      {"name", "function", ColumnType::kText, 36},
      {"sector", "sector", ColumnType::kText, 0, false},
      {"first_degraded_s", "degraded at", ColumnType::kDuration},
      {"first_down_s", "down at", ColumnType::kDuration},
      {"time_down_s", "down for", ColumnType::kDuration},
      {"time_degraded_s", "degraded for", ColumnType::kDuration, 0, false},
      {"people_served", "people", ColumnType::kCount},
      {"people_hours_down", "people-hours down", ColumnType::kNumber, 0, false},
      {"state_at_horizon", "at " + horizon, ColumnType::kText},
      {"black_start_blocked", "black start", ColumnType::kText, 0, false},
  };
  for (const FunctionOutcome& f : report.functions) {
    const model::Entity& e = model.entities[f.entity];
    std::string state(cascade::to_string(f.final_state));
    if (f.black_start_blocked) state += " (black start)";
    table.rows.push_back({Cell::plain(e.id), Cell::plain(e.name), Cell::plain(e.sector),
                          time_cell(f.first_degraded), time_cell(f.first_down),
                          time_cell(f.time_down), time_cell(f.time_degraded), count_cell(f.people),
                          people_hours_cell(f.people_hours_down),
                          Cell::number(state, std::string(cascade::to_string(f.final_state))),
                          Cell::plain(f.black_start_blocked ? "true" : "false")});
  }
  table.terminal_rows = std::min(failed, top);
  table.terminal_more = left_out_text(report.functions.size(), failed, top);
  table.empty_text = "no critical functions in the model";
  return table;
}

render::Chart functions_over_time(const Report& report) {
  return functions_over_time_chart(report.over_time, report.functions.size(), report.horizon,
                                   lever_marks(*report.scenario, report.horizon));
}

render::Chart people_over_time(const Report& report) {
  render::Chart chart;
  chart.name = "people-over-time";
  chart.title = "People who lose a critical function, at least";
  chart.note =
      "At each moment, the people served by the most widely used function in that state "
      "(capped at the population the model declares): every one of them has lost that "
      "function, so the figure is true. More people may be affected through other functions; "
      "a sum over functions would count a person once per function (docs/report-format.md).";
  chart.y_label = "people (at least)";
  chart.value_key = "people_at_least";
  chart.horizon = report.horizon;
  chart.marks = lever_marks(*report.scenario, report.horizon);
  render::Series down{"down", "people down (at least)", {}};
  render::Series degraded{"degraded", "people degraded, not down (at least)", {}};
  for (const SummaryPoint& p : report.over_time) {
    down.points.push_back({p.time, static_cast<double>(p.people_down), std::nullopt});
    degraded.points.push_back({p.time, static_cast<double>(p.people_degraded), std::nullopt});
  }
  chart.series = {std::move(down), std::move(degraded)};
  return chart;
}

// "3 entries, 345 organisations", or with entries that give no count "5 entries: 345
// organisations in the 3 with a count, 2 without a count in the model".
std::string organisations_text(const std::vector<OrganisationOutcome>& organisations) {
  const OrganisationTotals totals = organisation_totals(organisations);
  std::string text = counted(totals.entries, "entry", "entries");
  if (totals.without_count == 0) return text + ", " + total_text(totals.counted) + " organisations";
  const std::size_t with_count = totals.entries - totals.without_count;
  if (with_count == 0) return text + ", none with a count in the model";
  return text + ": " + total_text(totals.counted) + " organisations in the " +
         std::to_string(with_count) + " with a count, " + std::to_string(totals.without_count) +
         " without a count in the model";
}

render::Table organisations_table(const Report& report) {
  const model::Model& model = *report.model;
  render::Table table;
  table.name = "organisations";
  table.title = "Organisations affected (" + organisations_text(report.organisations) + ")";
  table.note =
      "An entry without a count in the model stands for an unknown number of "
      "organisations and is not counted as one.";
  table.columns = {
      {"id", "id", ColumnType::kText, 28},
      {"name", "organisation", ColumnType::kText, 36},
      {"count", "count", ColumnType::kCount},
      {"first_degraded_s", "degraded at", ColumnType::kDuration},
      {"first_down_s", "down at", ColumnType::kDuration},
      {"state_at_horizon", "at " + time_text(report.horizon), ColumnType::kText},
  };
  for (const OrganisationOutcome& o : report.organisations) {
    const model::Entity& e = model.entities[o.entity];
    table.rows.push_back({Cell::plain(e.id), Cell::plain(e.name),
                          o.count ? count_cell(*o.count) : Cell::number("not given", ""),
                          time_cell(o.first_degraded), time_cell(o.first_down),
                          Cell::plain(std::string(cascade::to_string(o.final_state)))});
  }
  table.terminal_rows = 10;
  return table;
}

render::Table levers_table(const Report& report) {
  render::Table table;
  table.name = "levers";
  table.title = "The scenario's levers";
  table.columns = {{"id", "id", ColumnType::kText},
                   {"name", "lever", ColumnType::kText},
                   {"at_s", "at", ColumnType::kDuration},
                   {"action", "action", ColumnType::kText}};
  for (const model::Lever& lever : report.scenario->levers) {
    table.rows.push_back({Cell::plain(lever.id), Cell::plain(lever.name),
                          time_cell(lever.at.seconds),
                          Cell::plain(std::string(model::to_string(lever.action)))});
  }
  return table;
}

// The verdict on a reported outcome, for people.
std::string verdict_text(const ReportedResult& r) {
  switch (r.verdict) {
    case Verdict::kReproduced:
      return "reproduced";
    case Verdict::kNotReproduced:
      return "not reproduced";
    case Verdict::kKnownGap:
      return "known gap: still not reproduced";
    case Verdict::kKnownGapReproduced:
      return "known gap now reproduced";
  }
  return "?";
}

constexpr const char* kReportedTitle = "Reported in history vs this run";

// "Reported in history vs this run": one row per reported outcome of the scenario (HTML and
// CSV; the terminal reads reported_lines).
render::Table reported_table(const Report& report) {
  const model::Model& model = *report.model;
  render::Table table;
  table.name = "reported";
  table.title = kReportedTitle;
  table.note =
      "What the sources report of the real outage, checked against this run. A known gap is "
      "a claim the model is known not to reproduce; one that is reproduced now may be fixed.";
  table.columns = {
      text_column("claim", "reported"),        text_column("entity", "entity"),
      text_column("expected", "expected"),     text_column("run", "this run"),
      text_column("verdict", "verdict"),       text_column("why_not", "why not"),
      text_column("known_gap", "known gap"),   text_column("source", "source"),
      text_column("confidence", "confidence"), text_column("quote", "quote"),
  };
  for (const ReportedResult& r : report.reported) {
    const model::ReportedOutcome& claim = *r.claim;
    render::Cell source = render::Cell::plain(claim.evidence.source);
    if (claim.evidence.source.starts_with("https://") ||
        claim.evidence.source.starts_with("http://")) {
      source.link = claim.evidence.source;
    }
    table.rows.push_back(
        {Cell::plain(claim.claim), Cell::plain(model.entities[r.entity].id),
         Cell::number(expected_text(claim), std::string(model::to_string(claim.expectation))),
         Cell::plain(run_text(r, report.horizon)),
         Cell::number(verdict_text(r), std::string(to_string(r.verdict))), Cell::plain(r.why_not),
         Cell::plain(claim.known_gap.value_or("")), std::move(source),
         Cell::plain(std::string(model::to_string(claim.evidence.confidence))),
         Cell::plain(claim.evidence.quote)});
  }
  return table;
}

// The same for the terminal, where a table of long claims would be cut to pieces: one
// paragraph per claim, the verdict first.
render::Paragraphs reported_lines(const Report& report) {
  const model::Model& model = *report.model;
  render::Paragraphs p{"reported-claims", kReportedTitle, {}};
  for (const ReportedResult& r : report.reported) {
    const model::ReportedOutcome& claim = *r.claim;
    std::string line = verdict_text(r) + " \u2014 " + claim.claim + " [" +
                       model.entities[r.entity].id + "]; expected " + expected_text(claim) +
                       "; this run: " + run_text(r, report.horizon);
    if (r.verdict == Verdict::kNotReproduced) line += " (" + r.why_not + ")";
    if (claim.known_gap) line += "; the gap: " + *claim.known_gap;
    line += "; source: " + claim.evidence.source + " (" +
            std::string(model::to_string(claim.evidence.confidence)) + ")";
    p.lines.push_back(std::move(line));
  }
  return p;
}

render::Paragraphs black_start(const Report& report) {
  const model::Model& model = *report.model;
  render::Paragraphs p{"black-start",
                       "Black start: cannot restart by themselves at " + time_text(report.horizon),
                       {}};
  for (const auto& cycle : report.black_start.cycles) {
    p.lines.push_back("cycle: " + names_text(model, cycle, " \u2194 "));
  }
  std::string waiting;
  for (std::uint32_t v : report.black_start.blocked) {
    const bool in_cycle =
        std::any_of(report.black_start.cycles.begin(), report.black_start.cycles.end(),
                    [&](const auto& c) { return std::find(c.begin(), c.end(), v) != c.end(); });
    if (!in_cycle) waiting += (waiting.empty() ? "" : ", ") + model.entities[v].name;
  }
  if (!waiting.empty()) p.lines.push_back("waiting on them: " + waiting);
  return p;
}

}  // namespace

render::Document report_document(const Report& report, const ReportDocumentOptions& options) {
  const model::Model& model = *report.model;
  std::vector<const FunctionOutcome*> failed;
  std::vector<const FunctionOutcome*> working;
  for (const FunctionOutcome& f : report.functions) {
    (f.first_degraded ? failed : working).push_back(&f);
  }

  render::Document doc;
  doc.kind = "run";
  doc.json_format = kReportFormat;
  doc.title = "msout: " + report.scenario_name + " on " + report.model_name;
  doc.context = context_lines(report);
  doc.headline = headline(report, failed, working);
  if (!report.reported.empty()) doc.headline.push_back(reported_headline(report.reported));
  doc.warnings = report.warnings;

  render::Timeline timeline;
  timeline.name = "functions";
  timeline.title = "Every critical function over " + time_text(report.horizon);
  timeline.horizon = report.horizon;
  for (const FunctionOutcome& f : report.functions)
    timeline.rows.push_back(timeline_row(report, f));
  timeline.marks = lever_marks(*report.scenario, report.horizon);
  timeline.terminal_rows = std::min(failed.size(), options.top);
  timeline.terminal_more = left_out_text(report.functions.size(), failed.size(), options.top);
  doc.blocks.push_back({std::move(timeline)});
  doc.blocks.push_back({functions_table(report, failed.size(), options.top)});
  if (!report.reported.empty()) {
    doc.blocks.push_back({reported_lines(report), render::kShowTerminal});
    doc.blocks.push_back({reported_table(report), render::kShowHtml | render::kShowCsv});
  }

  if (!working.empty()) {
    render::Paragraphs still{
        "still-working", "Still working throughout (" + std::to_string(working.size()) + ")", {}};
    std::vector<std::uint32_t> entities;
    for (const FunctionOutcome* f : working) entities.push_back(f->entity);
    still.lines.push_back(ids_text(model, entities, ", "));
    doc.blocks.push_back({std::move(still), render::kShowTerminal});
  }

  render::Chains why{
      "why", "Why and when: the cause chains, with the evidence of every link", {}, options.top};
  for (const FunctionOutcome* f : failed) why.chains.push_back(chain_of(report, *f));
  doc.blocks.push_back({std::move(why), render::kShowTerminal | render::kShowHtml});

  doc.blocks.push_back({functions_over_time(report)});
  doc.blocks.push_back({people_over_time(report)});
  if (!report.organisations.empty()) doc.blocks.push_back({organisations_table(report)});
  if (!report.black_start.blocked.empty()) {
    doc.blocks.push_back({black_start(report), render::kShowTerminal | render::kShowHtml});
  }
  if (!report.assumptions.empty()) doc.blocks.push_back(assumptions_block(report));
  doc.blocks.push_back({levers_table(report), render::kShowHtml | render::kShowCsv});

  doc.graph =
      chains_graph(report, failed, report.scenario_name + ": what failed and why (cause chains)");
  return doc;
}

}  // namespace msout::report
