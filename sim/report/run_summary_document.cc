#include "sim/report/run_summary_document.h"

#include <string>
#include <vector>

#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/people_figures.h"
#include "sim/report/run_summary_json.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

using render::Cell;
using render::ColumnType;

std::string id_of(const RunSummary& s, std::uint32_t entity) {
  return std::string(s.table->id(entity));
}

std::string gate_text(const model::FrozenRequirement& r) {
  const std::uint32_t members = r.end_edge - r.first_edge;
  if (r.gate == model::Gate::kAny) return " (any of " + std::to_string(members) + ")";
  if (r.gate == model::Gate::kKOfN) {
    return " (" + std::to_string(r.k) + " of " + std::to_string(members) + " needed)";
  }
  return "";
}

std::string lever_text(const RunSummary& s, std::uint32_t lever) {
  const model::Lever& l = s.scenario->levers[lever];
  return "lever \"" + l.name + "\" at " + time_text(l.at.seconds);
}

std::string chain_summary(const RunSummary& s, const cascade::CauseChain& chain) {
  std::string text;
  for (const cascade::ChainStep& step : chain.steps) {
    if (!text.empty()) text += " \u2190 ";
    text += id_of(s, step.node);
  }
  if (chain.lever != cascade::kNoIndex) text += " \u2190 " + lever_text(s, chain.lever);
  return text;
}

std::vector<std::string> context_lines(const RunSummary& s) {
  std::vector<std::string> lines = whatif_context(s.whatif);
  lines.push_back("horizon " + time_text(s.horizon) + ", " + total_text(s.entities) +
                  " entities, " + total_text(s.edges) + " dependencies simulated, " +
                  total_text(s.events) + " events");
  if (s.model_format == "compact") {
    lines.push_back(
        "compact model: entities are named by their ids; it holds no evidence (every "
        "dependency is simulated as given) and no population");
  } else {
    lines.push_back(
        "summary: entities are named by their ids, links without their evidence "
        "(msout run without --summary shows names and evidence)");
  }
  lines.push_back(population_text(s.population));
  return lines;
}

std::vector<std::string> headline(const RunSummary& s) {
  const KindTally& f = s.functions();
  const std::string horizon = time_text(s.horizon);
  std::vector<std::string> lines;
  const std::string functions = counted(f.entities, "critical function", "critical functions");
  if (f.failed == 0) {
    lines.push_back("None of the " + functions + " fails within " + horizon + ".");
    return lines;
  }
  const std::uint32_t only_degraded = f.failed - f.down;
  lines.push_back(total_text(f.failed) + " of " + total_text(f.entities) +
                  (f.entities == 1 ? " critical function" : " critical functions") +
                  " fail within " + horizon + ": " + total_text(f.down) +
                  (f.down == 1 ? " goes" : " go") + " down, " + total_text(only_degraded) +
                  (only_degraded == 1 ? " is" : " are") + " only degraded.");
  const FunctionOutcome& first = s.first_to_fail.front();
  lines.push_back("First: " + id_of(s, first.entity) + ", " +
                  (first.first_down ? "down at " + time_text(*first.first_down)
                                    : "degraded at " + time_text(*first.first_degraded)) +
                  (s.failing_with_first > 1
                       ? " (with " + total_text(s.failing_with_first - 1) +
                             (s.failing_with_first == 2 ? " other" : " others") +
                             " at the same time; the first by id)"
                       : "") +
                  ".");
  const SummaryPoint& peak = s.over_time[s.peak];
  if (peak.down > 0) {
    lines.push_back("Most at once: " + total_text(peak.down) + " down from " +
                    time_text(peak.time) + " (" + total_text(peak.degraded) + " degraded then).");
  }
  if (s.widest_down && s.people_down_at_least > 0) {
    lines.push_back("At least " + total_text(s.people_down_at_least) +
                    " people lose a critical function: those served by " +
                    id_of(s, *s.widest_down) +
                    " (people are not added up over functions; docs/report-format.md).");
  }
  const std::uint32_t working = f.entities - f.failed;
  lines.push_back(working == 0 ? "No critical function keeps working throughout."
                               : "Still working throughout: " +
                                     counted(working, "function", "functions") + ".");
  return lines;
}

render::Table kinds_table(const RunSummary& s) {
  render::Table table;
  table.name = "kinds";
  table.title = "Entities by kind";
  table.note = "Failed: degraded or down at some time within the horizon.";
  const std::string horizon = time_text(s.horizon);
  table.columns = {text_column("kind", "kind"),
                   count_column("entities", "entities"),
                   count_column("failed", "failed"),
                   count_column("down", "down at some time"),
                   count_column("down_at_horizon", "down at " + horizon),
                   count_column("degraded_at_horizon", "degraded at " + horizon)};
  for (const KindTally& k : s.kinds) {
    table.rows.push_back({Cell::plain(std::string(model::to_string(k.kind))),
                          count_cell(k.entities), count_cell(k.failed), count_cell(k.down),
                          count_cell(k.down_at_horizon), count_cell(k.degraded_at_horizon)});
  }
  return table;
}

render::Table outcomes_table(const RunSummary& s, const std::vector<FunctionOutcome>& outcomes,
                             std::string name, std::string title, std::string note) {
  render::Table table;
  table.name = std::move(name);
  table.title = std::move(title);
  table.note = std::move(note);
  table.columns = {text_column("id", "id", 28),
                   time_column("first_degraded_s", "degraded at"),
                   time_column("first_down_s", "down at"),
                   time_column("time_down_s", "down for"),
                   count_column("people_served", "people"),
                   text_column("state_at_horizon", "at " + time_text(s.horizon)),
                   text_column("why", "why", 48)};
  for (const FunctionOutcome& f : outcomes) {
    table.rows.push_back({Cell::plain(id_of(s, f.entity)), time_cell(f.first_degraded),
                          time_cell(f.first_down), time_cell(f.time_down), count_cell(f.people),
                          state_cell(f.final_state),
                          Cell::plain(f.cause ? chain_summary(s, *f.cause) : "")});
  }
  table.empty_text = "no critical function fails";
  return table;
}

render::Table over_time_table(const RunSummary& s) {
  const std::vector<std::size_t> shown = shown_moments(s, kSummaryMoments);
  render::Table table;
  table.name = "over-time";
  table.title = "Critical functions and people over time";
  table.note = "From each moment on. ";
  if (shown.size() < s.over_time.size()) {
    table.note += "Shown at " + std::to_string(shown.size()) + " of the " +
                  total_text(s.over_time.size()) +
                  " moments at which the figures change, spread evenly over them, the peak "
                  "included; each figure is exact at its moment (--format json has every "
                  "moment). ";
  }
  table.note +=
      "People: at least those served by the most widely used function in that state (people "
      "are not added up over functions).";
  table.columns = {time_column("at_s", "from"), count_column("down", "functions down"),
                   count_column("degraded", "degraded"),
                   count_column("people_down_at_least", "people down, at least"),
                   count_column("people_degraded_at_least", "people degraded, at least")};
  for (std::size_t i : shown) {
    const SummaryPoint& p = s.over_time[i];
    table.rows.push_back({time_cell(p.time), count_cell(p.down), count_cell(p.degraded),
                          count_cell(p.people_down), count_cell(p.people_degraded)});
  }
  return table;
}

// The page draws steps: every moment, up to a few thousand (more would only weigh it down).
render::Chart over_time_chart(const RunSummary& s) {
  std::vector<SummaryPoint> points;
  for (std::size_t i : shown_moments(s, 2000)) points.push_back(s.over_time[i]);
  return functions_over_time_chart(points, s.functions().entities, s.horizon,
                                   lever_marks(*s.scenario, s.horizon));
}

}  // namespace

render::Chain summary_chain(const RunSummary& s, const FunctionOutcome& outcome) {
  render::Chain chain{id_of(s, outcome.entity), id_of(s, outcome.entity), "", {}, ""};
  if (!outcome.cause) return chain;
  const cascade::CauseChain& cause = *outcome.cause;
  chain.summary = chain_summary(s, cause);
  for (const cascade::ChainStep& step : cause.steps) {
    render::ChainStep out{id_of(s, step.node),
                          id_of(s, step.node),
                          std::string(cascade::to_string(step.record.state)),
                          time_text(step.record.time),
                          "",
                          std::nullopt};
    if (step.record.switching_to != cascade::kNoIndex) {
      out.via = "switching over to " + id_of(s, s.graph->edge(step.record.switching_to).dependency);
    }
    if (step.record.cause == cascade::CauseKind::kDependency) {
      const model::FrozenEdge& edge = s.graph->edge(step.record.ref);
      const std::string via =
          "needs " + id_of(s, edge.dependency) +
          gate_text(s.graph->requirement(s.graph->requirement_of_edge(step.record.ref)));
      out.via = out.via.empty() ? via : out.via + "; " + via;
    }
    chain.steps.push_back(std::move(out));
  }
  if (cause.lever != cascade::kNoIndex) chain.lever = lever_text(s, cause.lever);
  return chain;
}

render::Document run_summary_document(const RunSummary& s) {
  render::Document doc;
  doc.kind = "run-summary";
  doc.json_format = kSummaryFormat;
  doc.title = "msout: " + s.scenario_name + " on " + s.model_name + " (summary)";
  doc.context = context_lines(s);
  doc.headline = headline(s);
  doc.warnings = s.warnings;

  doc.blocks.push_back({kinds_table(s)});
  const std::size_t top = s.first_to_fail.size();
  doc.blocks.push_back({outcomes_table(
      s, s.first_to_fail, "first-to-fail",
      "The " + counted(top, "function", "functions") + " that fail first",
      "By first down, then first degraded, then id (--top sets how many). Why: the cause "
      "chain back to the scenario's lever.")});
  doc.blocks.push_back({outcomes_table(
      s, s.widest_reach, "widest-reach",
      "The " + counted(s.widest_reach.size(), "failing function", "failing functions") +
          " that serve the most people",
      "By people served, then first down. People: those the function serves (not added "
      "up).")});
  doc.blocks.push_back({over_time_table(s), render::kShowTerminal | render::kShowCsv});
  doc.blocks.push_back({over_time_chart(s), render::kShowHtml});

  render::Chains why{"why", "Why the first ones fail: the cause chains", {}, top};
  for (const FunctionOutcome& f : s.first_to_fail) why.chains.push_back(summary_chain(s, f));
  doc.blocks.push_back({std::move(why), render::kShowTerminal | render::kShowHtml});

  if (!s.notes.empty()) {
    doc.blocks.push_back(
        {render::Paragraphs{"notes", "Notes", s.notes}, render::kShowTerminal | render::kShowHtml});
  }
  return doc;
}

}  // namespace msout::report
