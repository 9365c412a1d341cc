#include "sim/report/comparison_document.h"

#include <string>
#include <utility>
#include <vector>

#include "sim/report/cause_text.h"
#include "sim/report/comparison_json.h"
#include "sim/report/comparison_table.h"
#include "sim/report/document_parts.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

using render::Cell;

std::string functions_text(std::size_t n) { return counted(n, "function", "functions"); }

// `with "A" (a.json), then "B" (b.json)`: the overlays of one side, as the table names them.
std::string model_line(const std::string& side, const std::string& model,
                       const std::vector<WhatifSource>& overlays) {
  std::string line = side + ": model \"" + model + "\"";
  for (std::size_t i = 0; i < overlays.size(); ++i) {
    line += (i == 0 ? " with " : ", then ") +
            ("\"" + overlays[i].name + "\" (" + overlays[i].file + ")");
  }
  return line;
}

// How many of the functions in one run fail there, and how many of those go down.
struct Failing {
  std::size_t in_run = 0;
  std::size_t fail = 0;
  std::size_t down = 0;
};

Failing failing(const Comparison& c, bool whatif) {
  Failing out;
  for (const FunctionComparison& f : c.functions) {
    const std::optional<FunctionRun>& run = whatif ? f.whatif : f.baseline;
    if (!run) continue;
    ++out.in_run;
    if (run->first_degraded) ++out.fail;
    if (run->first_down) ++out.down;
  }
  return out;
}

// "Better: A (down 2h later), B (no longer down) and 3 more."
std::string changed_line(const Comparison& c, Direction direction, const char* lead) {
  std::vector<std::string> named;
  std::size_t total = 0;
  for (const FunctionComparison& f : c.functions) {
    if (f.direction != direction) continue;
    if (++total <= 3) named.push_back(f.name + " (" + change_text(f) + ")");
  }
  if (total == 0) return "";
  std::string line = lead;
  for (std::size_t i = 0; i < named.size(); ++i) line += (i == 0 ? " " : ", ") + named[i];
  if (total > named.size()) line += " and " + std::to_string(total - named.size()) + " more";
  return line + ".";
}

std::vector<std::string> headline(const Comparison& c) {
  const Failing b = failing(c, false);
  const Failing w = failing(c, true);
  std::vector<std::string> lines;
  lines.push_back("Baseline: " + std::to_string(b.fail) + " of " + functions_text(b.in_run) +
                  " fail (" + std::to_string(b.down) +
                  " go down); what-if: " + std::to_string(w.fail) + " of " +
                  std::to_string(w.in_run) + " (" + std::to_string(w.down) + " go down).");
  std::string counts = std::to_string(c.count(Direction::kImproved)) + " improved, " +
                       std::to_string(c.count(Direction::kWorsened)) + " worsened, " +
                       std::to_string(c.count(Direction::kMixed)) + " mixed, " +
                       std::to_string(c.count(Direction::kUnchanged)) + " unchanged";
  if (const std::size_t n = c.count(Direction::kOnlyInBaseline); n != 0) {
    counts += ", " + std::to_string(n) + " only in the baseline";
  }
  if (const std::size_t n = c.count(Direction::kOnlyInWhatif); n != 0) {
    counts += ", " + std::to_string(n) + " only in the what-if";
  }
  lines.push_back(counts + ".");
  for (const auto& [direction, lead] :
       {std::pair{Direction::kImproved, "Better:"}, std::pair{Direction::kWorsened, "Worse:"},
        std::pair{Direction::kMixed, "Better in one respect, worse in the other:"}}) {
    if (std::string line = changed_line(c, direction, lead); !line.empty()) {
      lines.push_back(std::move(line));
    }
  }
  const double before = c.baseline_people.people_hours_down();
  const double after = c.whatif_people.people_hours_down();
  lines.push_back("People-hours down (at least): " + people_hours_text(before) + " \u2192 " +
                  people_hours_text(after) + " (" + signed_people_hours_cell(after - before).text +
                  ").");
  return lines;
}

// A run's columns of a function, or blanks where the function is not in that run.
void add_run_cells(std::vector<Cell>& row, const std::optional<FunctionRun>& run) {
  if (!run) {
    for (int i = 0; i < 7; ++i) row.push_back(Cell::number("-", ""));
    return;
  }
  row.push_back(time_cell(run->first_down, "never"));
  row.push_back(time_cell(run->first_degraded, "never"));
  row.push_back(time_cell(run->disruption.time_down));
  row.push_back(time_cell(run->disruption.time_degraded));
  row.push_back(people_hours_cell(run->disruption.people_hours_down()));
  row.push_back(people_hours_cell(run->disruption.people_hours_degraded()));
  row.push_back(state_cell(run->final_state));
}

void add_run_columns(std::vector<render::Column>& columns, const std::string& key,
                     const std::string& label) {
  columns.push_back(time_column(key + "_first_down_s", label + " first down"));
  columns.push_back(time_column(key + "_first_degraded_s", label + " first degraded"));
  columns.push_back(time_column(key + "_time_down_s", label + " time down"));
  columns.push_back(time_column(key + "_time_degraded_s", label + " time degraded"));
  columns.push_back(
      detail_column(number_column(key + "_people_hours_down", label + " people-hours down")));
  columns.push_back(detail_column(
      number_column(key + "_people_hours_degraded", label + " people-hours degraded")));
  columns.push_back(detail_column(text_column(key + "_state_at_horizon", label + " at horizon")));
}

render::Table functions_table(const Comparison& c) {
  render::Table table;
  table.name = "functions";
  table.title = "What changed, per function";
  table.note =
      "A change is judged at the worst level either run reaches (down if either run is ever "
      "down, else degraded): on when that level is first reached, then on the time spent "
      "down, then degraded. \u0394 is what-if minus baseline.";
  table.columns = {text_column("id", "id", 28),
                   text_column("name", "function", 34),
                   text_column("direction", "direction"),
                   text_column("change", "change", 36),
                   text_column("level", "level"),
                   time_column("by_s", "by"),
                   detail_column(count_column("people_served", "people served"))};
  add_run_columns(table.columns, "baseline", "baseline");
  add_run_columns(table.columns, "whatif", "what-if");
  table.columns.push_back(number_column("delta_people_hours_down", "\u0394 people-hours down"));
  table.columns.push_back(
      number_column("delta_people_hours_degraded", "\u0394 people-hours degraded"));
  for (const FunctionComparison& f : c.functions) {
    std::vector<Cell> row{Cell::plain(f.id),
                          Cell::plain(f.name),
                          Cell::plain(std::string(to_string(f.direction))),
                          Cell::number(change_text(f), std::string(to_string(f.change))),
                          f.level == State::kUp ? Cell::number("-", "") : state_cell(f.level),
                          f.by != 0 ? time_cell(f.by) : Cell::number("-", "")};
    const FunctionRun& listed = f.baseline ? *f.baseline : *f.whatif;
    row.push_back(count_cell(listed.people));
    add_run_cells(row, f.baseline);
    add_run_cells(row, f.whatif);
    if (f.baseline && f.whatif) {
      const Disruption change = f.change_in_disruption();
      row.push_back(signed_people_hours_cell(change.people_hours_down()));
      row.push_back(signed_people_hours_cell(change.people_hours_degraded()));
    } else {
      row.push_back(Cell::number("-", ""));
      row.push_back(Cell::number("-", ""));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

render::Timeline timeline(const Comparison& c, bool whatif) {
  render::Timeline t;
  t.name = whatif ? "whatif" : "baseline";
  t.title = std::string(whatif ? "What-if" : "Baseline") + ": critical functions over " +
            time_text(c.horizon);
  // The page draws the two side by side, row by row: the what-if's bar under the baseline's.
  t.short_label = whatif ? "what-if" : "baseline";
  t.pairs_with_previous = whatif;
  if (!whatif) {
    t.title = "Critical functions over " + time_text(c.horizon) +
              ", side by side: the baseline's bar above the what-if's";
  }
  t.horizon = c.horizon;
  for (const LeverTime& lever : c.levers) {
    if (lever.at <= c.horizon) t.marks.push_back(lever_mark(lever.name, lever.action, lever.at));
  }
  for (const FunctionComparison& f : c.functions) {
    render::TimelineRow row{f.id, f.name, {}, {}};
    const std::optional<FunctionRun>& run = whatif ? f.whatif : f.baseline;
    if (!run) {
      row.note = whatif ? "not in the what-if model" : "not in the baseline model";
    } else {
      for (const Interval& i : run->timeline) {
        row.spans.push_back({i.from, i.to, render_state(i.state)});
      }
      if (run->black_start_blocked) row.note = "black start";
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

Cell cause_cell(const std::optional<FunctionRun>& run) {
  if (!run) return Cell::number("not in this model", "");
  return run->cause.empty() ? Cell::number("works", "") : Cell::plain(run->cause);
}

// Why each changed function fails in each run: the what-if's cause shows the fallback or
// the new dependency that made the difference.
render::Table why_table(const Comparison& c) {
  render::Table table;
  table.name = "why";
  table.title = "Why each changed function fails, in each run";
  table.columns = {text_column("id", "id", 28), text_column("name", "function", 34),
                   text_column("baseline_cause", "baseline", 60),
                   text_column("whatif_cause", "what-if", 60)};
  for (const FunctionComparison& f : c.functions) {
    if (f.direction == Direction::kUnchanged) continue;
    const bool has_cause =
        (f.baseline && !f.baseline->cause.empty()) || (f.whatif && !f.whatif->cause.empty());
    if (!has_cause) continue;
    table.rows.push_back(
        {Cell::plain(f.id), Cell::plain(f.name), cause_cell(f.baseline), cause_cell(f.whatif)});
  }
  return table;
}

// One row of the totals: time summed over the functions, people-hours at least (people never
// summed over functions) and function-people-hours (the function-weighted sum), labelled so.
void add_total(render::Table& table, const std::string& key, const std::string& label,
               std::size_t functions, const Disruption& d, double people_down,
               double people_degraded, bool is_change) {
  auto hours = [&](double h) {
    return is_change ? signed_people_hours_cell(h) : people_hours_cell(h);
  };
  table.rows.push_back({Cell::number(label, key), count_cell(functions),
                        is_change ? signed_time_cell(d.time_down) : time_cell(d.time_down),
                        is_change ? signed_time_cell(d.time_degraded) : time_cell(d.time_degraded),
                        hours(people_down), hours(people_degraded), hours(d.people_hours_down()),
                        hours(d.people_hours_degraded())});
}

render::Table totals_table(const Comparison& c) {
  const std::size_t only_baseline = c.count(Direction::kOnlyInBaseline);
  const std::size_t only_whatif = c.count(Direction::kOnlyInWhatif);
  const std::size_t matched = c.functions.size() - only_baseline - only_whatif;
  render::Table table;
  table.name = "totals";
  table.title = "Disruption over " + time_text(c.horizon) + " of the " + functions_text(matched) +
                " in both runs";
  table.note =
      "Time: summed over the functions. People-hours (at least): at each instant the people "
      "served by the most widely used function in that state, capped at the population, over "
      "time — people are never added up over functions. Function-people-hours: people served "
      "\u00d7 hours summed over the functions, a function-weighted measure in which a person "
      "counts once per function, not people. The functions in one run only are summed apart "
      "and not compared.";
  table.columns = {
      text_column("totals", ""),
      count_column("functions", "functions"),
      time_column("time_down_s", "time down"),
      time_column("time_degraded_s", "time degraded"),
      number_column("people_hours_down", "people-hours down (at least)"),
      number_column("people_hours_degraded", "people-hours degraded (at least)"),
      detail_column(number_column("function_people_hours_down", "function-people-hours down")),
      detail_column(
          number_column("function_people_hours_degraded", "function-people-hours degraded"))};
  add_total(table, "baseline", "baseline", matched, c.baseline_total,
            c.baseline_people.people_hours_down(), c.baseline_people.people_hours_degraded(),
            false);
  add_total(table, "whatif", "what-if", matched, c.whatif_total,
            c.whatif_people.people_hours_down(), c.whatif_people.people_hours_degraded(), false);
  add_total(table, "delta", "change", matched, c.whatif_total - c.baseline_total,
            c.whatif_people.people_hours_down() - c.baseline_people.people_hours_down(),
            c.whatif_people.people_hours_degraded() - c.baseline_people.people_hours_degraded(),
            true);
  add_total(table, "only_in_baseline", "only in the baseline", only_baseline,
            c.only_in_baseline_total, c.only_in_baseline_people.people_hours_down(),
            c.only_in_baseline_people.people_hours_degraded(), false);
  add_total(table, "only_in_whatif", "only in the what-if", only_whatif, c.only_in_whatif_total,
            c.only_in_whatif_people.people_hours_down(),
            c.only_in_whatif_people.people_hours_degraded(), false);
  return table;
}

}  // namespace

render::Document comparison_document(const Comparison& c) {
  render::Document doc;
  doc.kind = "compare";
  doc.json_format = kCompareFormat;
  doc.title =
      "msout compare: scenario \"" + c.scenario_name + "\", horizon " + time_text(c.horizon);
  doc.context.push_back("scenario \"" + c.scenario_name + "\" (" + c.scenario_file + ")" +
                        (c.include_disputed ? ", disputed dependencies included" : ""));
  doc.context.push_back(model_line("baseline", c.baseline_model_name, c.baseline_sources));
  doc.context.push_back(model_line("what-if", c.whatif_model_name, c.whatif_sources));
  if (!c.focus.empty()) {
    doc.context.push_back("focus: " + c.focus +
                          " (rows: the organisation itself, then the critical functions it "
                          "provides)");
  }
  doc.headline = headline(c);
  doc.blocks.push_back({functions_table(c)});
  doc.blocks.push_back({timeline(c, false)});
  doc.blocks.push_back({timeline(c, true)});
  doc.blocks.push_back({why_table(c)});
  doc.blocks.push_back({totals_table(c)});
  return doc;
}

}  // namespace msout::report
