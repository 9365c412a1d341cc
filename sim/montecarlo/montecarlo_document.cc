#include "sim/montecarlo/montecarlo_document.h"

#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "sim/montecarlo/montecarlo_text.h"
#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/text_table.h"

namespace msout::montecarlo {
namespace {

using render::Cell;
using render::Column;
using report::count_column;
using report::decimal_value;
using report::detail_column;
using report::number_column;
using report::text_column;
using report::time_column;
using report::time_text;

// The CSV of the curves, as `msout montecarlo --format csv` wrote it before the other
// formats came: the first table, so that its file keeps its columns and rows.
render::Table curves_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Table table;
  table.name = "curves";
  table.title = "P(degraded by t) and P(down by t), per function and time";
  table.columns = {text_column("function_id", "id"), text_column("function_name", "function"),
                   time_column("t_s", "t"), count_column("replications", "replications")};
  for (const char* what : {"degraded", "down"}) {
    const std::string key = what;
    table.columns.push_back(count_column(key, key));
    for (const char* suffix : {"", "_se", "_low", "_high"}) {
      table.columns.push_back(number_column("p_" + key + suffix, "P(" + key + ")" + suffix));
    }
  }
  for (const CurveRow& row : curve_rows(s)) {
    const model::Entity& entity = r.model->entities[row.entity];
    std::vector<Cell> cells{Cell::plain(entity.id), Cell::plain(entity.name),
                            Cell::number(time_text(row.t), std::to_string(row.t)),
                            Cell::plain(std::to_string(s.replications))};
    for (const Proportion* p : {&row.degraded, &row.down}) {
      cells.push_back(Cell::plain(std::to_string(p->hits)));
      for (double v : {p->p, p->se, p->low, p->high})
        cells.push_back(Cell::plain(decimal_value(v)));
    }
    table.rows.push_back(std::move(cells));
  }
  return table;
}

render::Chart down_chart(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Chart chart;
  chart.name = "p-down";
  chart.title = "P(down by t)";
  chart.note =
      "The share of replications in which the function was down at some time up to t, "
      "with its 95% Wilson interval.";
  chart.y_label = "P(down by t) %";
  chart.value_key = "p_down";
  chart.y_max = 100;
  chart.horizon = s.until;
  chart.decimals = 1;
  chart.marks = report::lever_marks(*r.scenario, s.until);
  for (const EntityEstimate& e : s.entities) {
    const model::Entity& entity = r.model->entities[e.entity];
    render::Series series{entity.id, entity.name, {}};
    auto add = [&](std::int64_t t, std::uint64_t hits) {
      const Proportion p = proportion(hits, s.replications);
      series.points.push_back({t, 100 * p.p, std::pair{100 * p.low, 100 * p.high}});
    };
    const auto points = curve_points(e.down_curve, s.until, s.at);
    // A step function needs its value from 0s on; the curve starts at its first step.
    if (points.empty() || points.front().first > 0) add(0, 0);
    for (const auto& [t, hits] : points) add(t, hits);
    chart.series.push_back(std::move(series));
  }
  return chart;
}

// A probability's three columns: the value (text with ± half-width) and its interval.
void add_probability_columns(std::vector<Column>& columns, const std::string& key,
                             const std::string& label) {
  columns.push_back(number_column(key, label));
  columns.push_back(detail_column(number_column(key + "_low", label + " low")));
  columns.push_back(detail_column(number_column(key + "_high", label + " high")));
}

void add_probability(std::vector<Cell>& row, const Proportion& p) {
  row.push_back(Cell::number(percent(p), decimal_value(p.p)));
  row.push_back(Cell::number(fixed(100 * p.low, 1), decimal_value(p.low)));
  row.push_back(Cell::number(fixed(100 * p.high, 1), decimal_value(p.high)));
}

// A mean with its interval: text "2h (1h-3h)" or "1,200 (1,000-1,400)".
void add_mean(std::vector<Cell>& row, const MeanEstimate& m, bool seconds) {
  auto text = [seconds](double v) {
    const long long rounded = std::llround(v);
    return seconds ? time_text(rounded)
                   : report::grouped(static_cast<std::uint64_t>(rounded < 0 ? 0 : rounded));
  };
  row.push_back(Cell::number(text(m.mean) + " (" + text(m.low) + "-" + text(m.high) + ")",
                             decimal_value(m.mean)));
  row.push_back(Cell::number(text(m.low), decimal_value(m.low)));
  row.push_back(Cell::number(text(m.high), decimal_value(m.high)));
}

const char* kProbabilityNote =
    "Percent of replications \u00b195% half-width (Wilson); 0 and 100: in none or all of "
    "them. CSV: the probability as a fraction, with its interval in _low and _high.";

render::Table functions_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Table table;
  table.name = "functions";
  table.title = "P(down by t), first down and expected time down";
  table.note = kProbabilityNote;
  table.columns = {text_column("id", "id", 28), text_column("name", "function", 34),
                   detail_column(count_column("people_served", "people served"))};
  for (std::int64_t t : s.at) {
    add_probability_columns(table.columns, "p_down_at_" + std::to_string(t), time_text(t));
  }
  for (const char* q : {"10", "50", "90"}) {
    table.columns.push_back(
        time_column(std::string("first_down_p") + q + "_s", std::string("first down P") + q));
  }
  const std::string within = " within " + time_text(s.until);
  table.columns.push_back(time_column("expected_time_down_s", "time down" + within));
  table.columns.push_back(detail_column(time_column("expected_time_down_low_s", "low")));
  table.columns.push_back(detail_column(time_column("expected_time_down_high_s", "high")));
  table.columns.push_back(number_column("people_hours_down", "people-hours down"));
  table.columns.push_back(detail_column(number_column("people_hours_down_low", "low")));
  table.columns.push_back(detail_column(number_column("people_hours_down_high", "high")));
  std::vector<Column> by_end;
  add_probability_columns(by_end, "p_down_by_end", "by " + time_text(s.until));
  for (Column& c : by_end) table.columns.push_back(detail_column(std::move(c)));
  for (const EntityEstimate& e : s.entities) {
    const model::Entity& entity = r.model->entities[e.entity];
    std::vector<Cell> row{Cell::plain(entity.id), Cell::plain(entity.name),
                          report::count_cell(e.people)};
    for (const Proportion& p : e.down_by) add_probability(row, p);
    for (const auto* q : {&e.first_down_p10, &e.first_down_p50, &e.first_down_p90}) {
      row.push_back(*q ? Cell::number(rough_time(**q), std::to_string(**q))
                       : Cell::number("-", ""));
    }
    add_mean(row, e.time_down_s, true);
    add_mean(row, e.people_hours_down, false);
    add_probability(row, e.down_by_end);
    table.rows.push_back(std::move(row));
  }
  return table;
}

render::Table degraded_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Table table;
  table.name = "degraded";
  table.title = "P(degraded or down by t)";
  table.note = kProbabilityNote;
  table.columns = {text_column("id", "id", 28), text_column("name", "function", 34)};
  for (std::int64_t t : s.at) {
    add_probability_columns(table.columns, "p_degraded_at_" + std::to_string(t), time_text(t));
  }
  std::vector<Column> by_end;
  add_probability_columns(by_end, "p_degraded_by_end", "by " + time_text(s.until));
  for (Column& c : by_end) table.columns.push_back(detail_column(std::move(c)));
  for (const EntityEstimate& e : s.entities) {
    const model::Entity& entity = r.model->entities[e.entity];
    std::vector<Cell> row{Cell::plain(entity.id), Cell::plain(entity.name)};
    for (const Proportion& p : e.degraded_by) add_probability(row, p);
    add_probability(row, e.degraded_by_end);
    table.rows.push_back(std::move(row));
  }
  return table;
}

// A difference with its 95 % interval: text "+89.8±0.9" (in points where `scale` is 100),
// then the low and high bounds.
void add_difference(std::vector<Cell>& row, double delta, double se, double scale, int decimals) {
  const double half = 1.96 * se;
  row.push_back(Cell::number((delta > 0 ? "+" : "") + fixed(scale * delta, decimals) + "\u00b1" +
                                 fixed(scale * half, decimals),
                             decimal_value(delta)));
  row.push_back(Cell::number(fixed(scale * se, decimals), decimal_value(se)));
  row.push_back(Cell::number(fixed(scale * (delta - half), decimals), decimal_value(delta - half)));
  row.push_back(Cell::number(fixed(scale * (delta + half), decimals), decimal_value(delta + half)));
}

void add_difference_columns(std::vector<Column>& columns, const std::string& label) {
  columns.push_back(number_column("delta", label));
  columns.push_back(detail_column(number_column("delta_se", "standard error")));
  columns.push_back(detail_column(number_column("delta_low", "low")));
  columns.push_back(detail_column(number_column("delta_high", "high")));
}

Cell claim_cell(std::uint32_t claim) {
  return Cell::number("#" + std::to_string(claim + 1), std::to_string(claim + 1));
}

Cell confidence_cell(const model::Claim& claim) {
  return Cell::plain(std::string(model::to_string(claim.evidence.confidence)));
}

render::Table deciding_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Table table;
  table.name = "claims-deciding";
  table.title = "Claims that decide it: P(down by " + time_text(s.until) +
                ") if the claim holds minus if it does not";
  table.note =
      "In points \u00b195%; only claims upstream of the function, and differences that stand out "
      "from chance over all of them (family-wise 5%). CSV: fractions.";
  table.empty_text = "no claim changes any function's outcome beyond chance";
  table.columns = {text_column("function_id", "id", 28),
                   text_column("function_name", "function", 34),
                   number_column("p_down_by_end", "P(down)"), count_column("claim", "claim")};
  add_difference_columns(table.columns, "\u0394 P(down)");
  table.columns.push_back(detail_column(number_column("p_down_if_holds", "if it holds")));
  table.columns.push_back(detail_column(number_column("p_down_if_not", "if not")));
  table.columns.push_back(text_column("confidence", "confidence"));
  table.columns.push_back(text_column("quote", "claim", 60));
  for (const EntityEstimate& e : s.entities) {
    const model::Entity& entity = r.model->entities[e.entity];
    for (const ClaimEffect& c : e.decisive) {
      const model::Claim& claim = claim_of(r, c.claim);
      std::vector<Cell> row{Cell::plain(entity.id), Cell::plain(entity.name),
                            Cell::number(percent(e.down_by_end), decimal_value(e.down_by_end.p)),
                            claim_cell(c.claim)};
      add_difference(row, c.delta, c.se, 100, 1);
      row.push_back(Cell::number(fixed(100 * c.p_if_holds, 1), decimal_value(c.p_if_holds)));
      row.push_back(Cell::number(fixed(100 * c.p_if_not, 1), decimal_value(c.p_if_not)));
      row.push_back(confidence_cell(claim));
      row.push_back(Cell::plain(claim_label(claim)));
      table.rows.push_back(std::move(row));
    }
  }
  return table;
}

render::Table verify_table(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  render::Table table;
  table.name = "verify-first";
  table.title = "Verify these claims first";
  table.note =
      "Value of checking: the share of the variance of the number of functions down that "
      "knowing the claim removes (docs/uncertainty.md); \u0394 functions: expected functions "
      "down if it holds minus if not, \u00b195%.";
  table.empty_text = "none: no uncertain claim changes the outcome";
  table.terminal_rows = 10;
  table.columns = {count_column("claim", "claim"), number_column("share", "share"),
                   detail_column(number_column("value", "value")),
                   number_column("probability", "p")};
  add_difference_columns(table.columns, "\u0394 functions");
  table.columns.push_back(detail_column(number_column("functions_down_if_holds", "if it holds")));
  table.columns.push_back(detail_column(number_column("functions_down_if_not", "if not")));
  table.columns.push_back(text_column("confidence", "confidence"));
  table.columns.push_back(text_column("quote", "claim", 60));
  for (const ClaimValue& v : s.verify_first) {
    const model::Claim& claim = claim_of(r, v.claim);
    std::vector<Cell> row{claim_cell(v.claim),
                          Cell::number(fixed(100 * v.share, 1) + "%", decimal_value(v.share)),
                          Cell::number(fixed(v.value, 3), decimal_value(v.value)),
                          Cell::number(fixed(v.probability, 2), decimal_value(v.probability))};
    add_difference(row, v.delta, v.delta_se, 1, 2);
    row.push_back(Cell::number(fixed(v.mean_if_holds, 2), decimal_value(v.mean_if_holds)));
    row.push_back(Cell::number(fixed(v.mean_if_not, 2), decimal_value(v.mean_if_not)));
    row.push_back(confidence_cell(claim));
    row.push_back(Cell::plain(claim_label(claim)));
    table.rows.push_back(std::move(row));
  }
  return table;
}

bool is_url(const std::string& text) {
  return text.starts_with("https://") || text.starts_with("http://");
}

render::Table claims_table(const MonteCarloReport& r) {
  render::Table table;
  table.name = "claims";
  table.title = "The claims and their sources";
  table.note =
      "Every claim the model's evidence makes, with the probability that it holds and where "
      "that probability came from (stated, --evidence-weights, model, default).";
  table.columns = {count_column("claim", "claim"),     text_column("confidence", "confidence"),
                   number_column("probability", "p"),  text_column("probability_from", "from"),
                   count_column("uses", "uses"),       text_column("quote", "quote", 60),
                   text_column("source", "source", 40)};
  const std::vector<model::Claim>& claims = r.plan->claims();
  for (std::uint32_t c = 0; c < claims.size(); ++c) {
    const model::Claim& claim = claims[c];
    Cell source = Cell::plain(claim.evidence.source);
    if (is_url(claim.evidence.source)) source.link = claim.evidence.source;
    table.rows.push_back(
        {claim_cell(c), confidence_cell(claim),
         Cell::number(fixed(claim.probability, 2), decimal_value(claim.probability)),
         Cell::plain(claim.basis), report::count_cell(claim.uses.size()),
         Cell::plain(claim.evidence.quote), std::move(source)});
  }
  return table;
}

std::vector<std::string> headline(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  const std::string by = time_text(s.until);
  std::vector<std::string> lines;
  lines.push_back(
      std::string(r.focus.empty() ? "Critical functions" : "The organisation and its functions") +
      " down by " + by + ": " + fixed(s.functions_down.mean, 1) + " expected of " +
      std::to_string(s.entities.size()) + " (95% interval " + fixed(s.functions_down.low, 1) + "-" +
      fixed(s.functions_down.high, 1) + ").");
  if (!s.entities.empty() && s.entities.front().down_by_end.hits > 0) {
    const EntityEstimate& e = s.entities.front();
    lines.push_back("Most likely down: " + r.model->entities[e.entity].name + ", P(down by " + by +
                    ") " + percent(e.down_by_end) + "%.");
  } else {
    lines.push_back("None goes down in any of the " + report::grouped(s.replications) +
                    " replications (95% bound " +
                    fixed(100 * proportion(0, s.replications).high, 2) + "%).");
  }
  if (!s.verify_first.empty()) {
    const ClaimValue& v = s.verify_first.front();
    const model::Claim& claim = claim_of(r, v.claim);
    lines.push_back("Verify first: claim #" + std::to_string(v.claim + 1) + " (" +
                    std::string(model::to_string(claim.evidence.confidence)) + ") " +
                    report::clipped(claim_label(claim), 80) + ", " + fixed(100 * v.share, 1) +
                    "% of the uncertainty in the number of functions down.");
  }
  return lines;
}

std::vector<std::string> context(const MonteCarloReport& r) {
  const Summary& s = r.summary;
  const OpenQuestions q = open_questions(r);
  std::vector<std::string> lines = report::whatif_context(r.whatif);
  if (!r.focus.empty()) lines.push_back("focus: " + r.focus + " and the functions it provides");
  lines.push_back(report::grouped(s.replications) + " replications (seed " +
                  std::to_string(r.seed) + "), simulated to " + time_text(s.until) + "; " +
                  std::to_string(q.uncertain) + " of " + std::to_string(q.claims) +
                  " source claims uncertain");
  if (r.automatic) {
    lines.push_back("replications auto: " + r.stop_reason + " (target 95% half-width " +
                    fixed(100 * r.target_half_width, 1) + " points, cap " + report::grouped(r.cap) +
                    ")");
  }
  lines.push_back("widest 95% half-width of any probability: " + fixed(100 * s.max_half_width, 1) +
                  " points");
  if (!r.evidence_weights_file.empty()) {
    lines.push_back("evidence weights: " + r.evidence_weights_file);
  }
  return lines;
}

}  // namespace

render::Document montecarlo_document(const MonteCarloReport& r) {
  render::Document doc;
  doc.kind = "montecarlo";
  doc.json_format = kMonteCarloFormat;
  doc.title = "msout montecarlo: " + r.scenario->name + " on " + r.model->name;
  doc.context = context(r);
  doc.headline = headline(r);
  doc.blocks.push_back({curves_table(r), render::kShowCsv});
  doc.blocks.push_back({down_chart(r), render::kShowHtml});
  doc.blocks.push_back({functions_table(r)});
  doc.blocks.push_back({degraded_table(r)});
  doc.blocks.push_back({deciding_table(r)});
  doc.blocks.push_back({verify_table(r)});
  doc.blocks.push_back({claims_table(r)});
  return doc;
}

}  // namespace msout::montecarlo
