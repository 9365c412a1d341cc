// The neutral form of a Monte Carlo result (sim/montecarlo/montecarlo_document.h): the
// curves table carries exactly what `--format csv` has always written, every probability
// carries its interval, and the claims tables match the summary.
#include "sim/montecarlo/montecarlo_document.h"

#include <memory>
#include <string>

#include <doctest/doctest.h>

#include "model/uncertainty.h"
#include "sim/montecarlo/estimates.h"
#include "sim/montecarlo/replications.h"
#include "sim/report/document_parts.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

// A dependency on `on` resting on its own claim with probability `p`, from `source`.
std::string on(const std::string& id, double p, const std::string& source) {
  return R"({"on":")" + id + R"(","evidence":{"source":")" + source +
         R"(","confidence":"reported","quote":"claim )" + id + R"(","probability":)" +
         std::to_string(p) + "}}";
}

// f (100 people) needs s (claim 0.7), s needs a (claim 0.4); a is down from 0s: f is down
// in about 28% of the replications. 2,000 replications, report time 1h, horizon 1d.
struct Example {
  model::Model model = inline_model(
      "[" + provider("a") + "," + entity("s", "[" + on("a", 0.4, "https://example.org/a") + "]") +
      "," +
      R"({"id":"f","name":"Function, \"f\"","kind":"function","people_served":100,"requires":[)" +
      on("s", 0.7, "report.pdf") + "]}]");
  model::Scenario scenario =
      inline_scenario("[" + lever("l", "0s", "down", R"(["a"])") + "]", "1d");
  model::UncertaintyPlan plan;
  montecarlo::MonteCarloReport result;
  render::Document doc;

  Example() {
    model::Diagnostics diags;
    const auto selected = model::resolve_levers(scenario, model, diags);
    plan = model::UncertaintyPlan::build(model, &scenario, {}, diags);
    REQUIRE(!diags.has_errors());
    const std::vector<std::uint32_t> reported{*model.find("f")};
    const montecarlo::ReplicationInput input{model, scenario, selected, plan, reported, 86400, 7};
    montecarlo::SummaryOptions options;
    options.at = {3600};
    result.model = &model;
    result.scenario = &scenario;
    result.plan = &plan;
    result.seed = 7;
    result.summary =
        montecarlo::summarise(montecarlo::run_replications(input, 0, 2000, 2), input, options);
    doc = montecarlo::montecarlo_document(result);
  }
};

const Example& example() {
  static const Example instance;
  return instance;
}

// The table as the CSV writer has always written it: every id and name quoted.
std::string old_style_csv(const render::Table& t) {
  std::string out;
  for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + t.columns[i].key;
  out += "\r\n";
  for (const std::vector<render::Cell>& row : t.rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      std::string v = row[i].value;
      if (i < 2) {
        std::string q = "\"";
        for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        v = q + "\"";
      }
      out += (i ? "," : "") + v;
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace

TEST_CASE("Document.MonteCarlo.KindAndBlocks") {
  const render::Document& doc = example().doc;
  CHECK(doc.kind == "montecarlo");
  CHECK(doc.json_format == "msout-montecarlo/1");
  CHECK(block_names(doc) == std::vector<std::string>{"curves", "p-down", "functions", "degraded",
                                                     "claims-deciding", "verify-first", "claims"});
  CHECK(doc.blocks[0].show == render::kShowCsv);
  CHECK(doc.blocks[1].show == render::kShowHtml);
  CHECK(contains(doc.headline, "Critical functions down by 1d: "));
  CHECK(contains(doc.headline, "Most likely down: Function, \"f\", P(down by 1d) "));
  CHECK(contains(doc.context,
                 "2,000 replications (seed 7), simulated to 1d; 2 of 2 source "
                 "claims uncertain"));
}

TEST_CASE("Document.MonteCarlo.CurvesTableIsTheCsvOfOld") {
  const Example& e = example();
  const render::Table& curves = table(e.doc, "curves");
  CHECK(keys(curves) ==
        std::vector<std::string>{"function_id", "function_name", "t_s", "replications", "degraded",
                                 "p_degraded", "p_degraded_se", "p_degraded_low", "p_degraded_high",
                                 "down", "p_down", "p_down_se", "p_down_low", "p_down_high"});
  CHECK(old_style_csv(curves) == montecarlo::montecarlo_csv(e.result));
}

TEST_CASE("Document.MonteCarlo.ChartHasEveryPointWithItsInterval") {
  const Example& e = example();
  const auto& chart = block<render::Chart>(e.doc, "p-down");
  CHECK(chart.y_max == 100);
  CHECK(chart.horizon == 86400);
  REQUIRE(chart.series.size() == 1);
  const render::Series& f = chart.series.front();
  CHECK(f.id == "f");
  REQUIRE(!f.points.empty());
  CHECK(f.points.front().at == 0);
  const montecarlo::Proportion& end = e.result.summary.entities.front().down_by_end;
  CHECK(f.points.back().value == doctest::Approx(100 * end.p));
  for (const render::Point& p : f.points) {
    REQUIRE(p.interval);
    CHECK(p.interval->first <= p.value);
    CHECK(p.value <= p.interval->second);
  }
  CHECK(f.points.back().interval->first == doctest::Approx(100 * end.low));
}

TEST_CASE("Document.MonteCarlo.FunctionsTableHasEachProbabilityWithItsInterval") {
  const Example& e = example();
  const montecarlo::EntityEstimate& f = e.result.summary.entities.front();
  const render::Table& t = table(e.doc, "functions");
  REQUIRE(t.rows.size() == 1);
  CHECK(value(t, 0, "id") == "f");
  CHECK(value(t, 0, "people_served") == "100");
  CHECK(value(t, 0, "p_down_at_3600") == report::decimal_value(f.down_by[0].p));
  CHECK(value(t, 0, "p_down_at_3600_low") == report::decimal_value(f.down_by[0].low));
  CHECK(value(t, 0, "p_down_at_3600_high") == report::decimal_value(f.down_by[0].high));
  CHECK(text(t, 0, "p_down_at_3600").find("\u00b1") != std::string::npos);
  CHECK(value(t, 0, "first_down_p50_s") == "0");
  CHECK(value(t, 0, "expected_time_down_s") == report::decimal_value(f.time_down_s.mean));
  CHECK(value(t, 0, "people_hours_down_high") == report::decimal_value(f.people_hours_down.high));
  CHECK(value(t, 0, "p_down_by_end_low") == report::decimal_value(f.down_by_end.low));
  const render::Table& d = table(e.doc, "degraded");
  CHECK(value(d, 0, "p_degraded_at_3600") == report::decimal_value(f.degraded_by[0].p));
}

TEST_CASE("Document.MonteCarlo.ClaimsTables") {
  const Example& e = example();
  const montecarlo::Summary& s = e.result.summary;
  const render::Table& deciding = table(e.doc, "claims-deciding");
  REQUIRE(deciding.rows.size() == s.entities.front().decisive.size());
  REQUIRE(deciding.rows.size() == 2);
  const montecarlo::ClaimEffect& first = s.entities.front().decisive.front();
  CHECK(value(deciding, 0, "claim") == std::to_string(first.claim + 1));
  CHECK(value(deciding, 0, "delta") == report::decimal_value(first.delta));
  CHECK(value(deciding, 0, "delta_se") == report::decimal_value(first.se));
  CHECK(value(deciding, 0, "delta_low") == report::decimal_value(first.delta - 1.96 * first.se));

  const render::Table& verify = table(e.doc, "verify-first");
  CHECK(verify.rows.size() == s.verify_first.size());
  CHECK(verify.terminal_rows == 10);

  const render::Table& claims = table(e.doc, "claims");
  REQUIRE(claims.rows.size() == 2);
  const std::size_t url = row_of(claims, "source", "https://example.org/a");
  CHECK(cell(claims, url, "source").link == "https://example.org/a");
  CHECK(value(claims, url, "probability") == "0.4");
  CHECK(value(claims, url, "confidence") == "reported");
  CHECK(value(claims, url, "quote") == "claim a");
  const std::size_t pdf = row_of(claims, "source", "report.pdf");
  CHECK(cell(claims, pdf, "source").link.empty());
}

}  // namespace msout::testing
