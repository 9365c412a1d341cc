// The run summary (sim/report/run_summary.h): tallies by kind, figures over time, the
// rankings and their cause chains, computed by hand from docs/semantics.md; and on every
// national scenario, the same figures over time as the full report.
#include "sim/report/run_summary.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/entity_table.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/render/text_renderer.h"
#include "sim/report/run_summary_document.h"
#include "sim/report/run_summary_json.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

namespace fs = std::filesystem;

model::EntityTable table_of(const model::Model& m) {
  model::EntityTable table;
  for (const model::Entity& e : m.entities)
    table.add(e.id, e.kind, e.jurisdiction, {}, e.people_served);
  return table;
}

report::RunSummary summarise(const Sim& sim, const model::EntityTable& table,
                             std::size_t top = 10) {
  report::RunSummaryOptions options;
  options.top = top;
  options.population = sim.model.population;
  return report::build_run_summary(table, sim.graph, sim.scenario, sim.run, options);
}

std::string id(const model::EntityTable& table, const report::FunctionOutcome& f) {
  return std::string(table.id(f.entity));
}

}  // namespace

TEST_CASE("RunSummary.KindsCountEveryEntityOnce") {
  const Sim sim = report_example();
  const model::EntityTable table = table_of(sim.model);
  const report::RunSummary s = summarise(sim, table);
  const report::KindTally& providers = s.kinds[0];
  CHECK(providers.kind == model::EntityKind::kProvider);
  CHECK(providers.entities == 1);
  CHECK(providers.failed == 1);
  CHECK(providers.down == 1);
  CHECK(providers.down_at_horizon == 0);  // restored at 3h
  const report::KindTally& functions = s.functions();
  CHECK(functions.entities == 3);
  CHECK(functions.failed == 2);  // f down, g degraded
  CHECK(functions.down == 1);
  CHECK(functions.down_at_horizon == 0);
  CHECK(functions.degraded_at_horizon == 0);
  CHECK(s.kinds[1].entities == 0);
  CHECK(s.kinds[2].entities == 0);
}

TEST_CASE("RunSummary.OverTimeByHand") {
  const Sim sim = report_example();
  const model::EntityTable table = table_of(sim.model);
  const report::RunSummary s = summarise(sim, table);
  // (time, down, degraded, people down at least, people degraded at least)
  const std::vector<
      std::tuple<std::int64_t, std::uint32_t, std::uint32_t, std::uint64_t, std::uint64_t>>
      expected = {{0, 0, 0, 0, 0},
                  {1 * kHour, 1, 0, 1000, 0},
                  {2 * kHour, 1, 1, 1000, 500},
                  {3 * kHour, 1, 0, 1000, 0},
                  {3 * kHour + 30 * kMinute, 0, 0, 0, 0}};
  REQUIRE(s.over_time.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CAPTURE(i);
    const report::SummaryPoint& p = s.over_time[i];
    CHECK(std::make_tuple(p.time, p.down, p.degraded, p.people_down, p.people_degraded) ==
          expected[i]);
  }
  CHECK(s.peak == 1);  // the first moment with the most down
  CHECK(s.people_down_at_least == 1000);
  REQUIRE(s.widest_down.has_value());
  CHECK(table.id(*s.widest_down) == "f");
}

TEST_CASE("RunSummary.RankingsAndCauseChains") {
  const Sim sim = report_example();
  const model::EntityTable table = table_of(sim.model);
  const report::RunSummary s = summarise(sim, table);
  REQUIRE(s.first_to_fail.size() == 2);  // h never fails: not listed
  CHECK(id(table, s.first_to_fail[0]) == "f");
  CHECK(id(table, s.first_to_fail[1]) == "g");
  CHECK(s.failing_with_first == 1);
  CHECK(s.first_to_fail[0].first_down == 1 * kHour);
  CHECK(s.first_to_fail[0].time_down == 2 * kHour + 30 * kMinute);
  CHECK(s.first_to_fail[1].first_degraded == 2 * kHour);
  REQUIRE(s.widest_reach.size() == 2);
  CHECK(id(table, s.widest_reach[0]) == "f");  // 1000 people before 500
  // f <- a <- lever la.
  REQUIRE(s.first_to_fail[0].cause.has_value());
  const cascade::CauseChain& chain = *s.first_to_fail[0].cause;
  REQUIRE(chain.steps.size() == 2);
  CHECK(table.id(chain.steps[1].node) == "a");
  CHECK(sim.scenario.levers[chain.lever].id == "la");
  const render::Chain shown = report::summary_chain(s, s.first_to_fail[0]);
  CHECK(shown.summary == "f \u2190 a \u2190 lever \"la\" at 1h");
  CHECK(shown.steps[0].via == "needs a");

  const report::RunSummary top1 = summarise(sim, table, 1);
  REQUIRE(top1.first_to_fail.size() == 1);
  REQUIRE(top1.widest_reach.size() == 1);
  CHECK(top1.functions().failed == 2);  // --top limits the lists, not the counts
}

TEST_CASE("RunSummary.TiesWithTheFirstAreCounted") {
  const Sim sim("[" + provider("a") + "," + function_serving("f1", R"([{"on":"a"}])", 1) + "," +
                    function_serving("f2", R"([{"on":"a"}])", 2) + "," +
                    function_serving("f3", R"([{"on":"a","tolerance":"1h"}])", 3) + "]",
                "[" + lever("la", "0s", "down", R"(["a"])") + "]", "1d");
  const model::EntityTable table = table_of(sim.model);
  const report::RunSummary s = summarise(sim, table);
  CHECK(id(table, s.first_to_fail[0]) == "f1");
  CHECK(s.failing_with_first == 2);  // f1 and f2 at 0s; f3 an hour later
  const std::string text = render::render_text(report::run_summary_document(s));
  CHECK(text.find("First: f1, down at 0s (with 1 other at the same time; the first by id).") !=
        std::string::npos);
}

TEST_CASE("RunSummary.ShownMomentsKeepFirstLastAndPeak") {
  const Sim sim = report_example();
  const model::EntityTable table = table_of(sim.model);
  const report::RunSummary s = summarise(sim, table);
  CHECK(report::shown_moments(s, 10) == std::vector<std::size_t>{0, 1, 2, 3, 4});
  CHECK(report::shown_moments(s, 2) == std::vector<std::size_t>{0, 1, 4});
}

TEST_CASE("RunSummary.JsonHoldsEveryMoment") {
  const Sim sim = report_example();
  const model::EntityTable table = table_of(sim.model);
  report::RunSummary s = summarise(sim, table);
  s.model_format = "msout-model/1";
  const nlohmann::json j = nlohmann::json::parse(report::run_summary_json(s));
  CHECK(j["format"] == "msout-summary/1");
  CHECK(j["summary"]["functions"] == 3);
  CHECK(j["summary"]["failed"] == 2);
  CHECK(j["summary"]["over_time"].size() == 5);
  CHECK(j["summary"]["peak"]["at_s"] == 1 * kHour);
  CHECK(j["first_to_fail"][0]["id"] == "f");
  CHECK(j["first_to_fail"][0]["cause"]["steps"][1]["id"] == "a");
  CHECK(j["first_to_fail"][0]["cause"]["lever"] == "la");
  CHECK(j["widest_reach"][1]["id"] == "g");
}

// The summary's figures over time are the full report's, on every national scenario.
TEST_CASE("RunSummary.SameFiguresAsTheFullReportOnTheNationalScenarios") {
  const fs::path root = MSOUT_SOURCE_DIR;
  const model::Model nl = model::load_model_path(root / "model/nl");
  const model::FrozenGraph graph = model::FrozenGraph::freeze(nl);
  const model::EntityTable table = table_of(nl);
  auto files = model::json_files_in(root / "scenarios/nl");
  for (const auto& file : model::json_files_in(root / "scenarios/nl/history")) {
    files.push_back(file);
  }
  REQUIRE(files.size() > 5);
  for (const auto& file : files) {
    CAPTURE(file);
    const model::Scenario scenario = model::load_scenario_path(file);
    model::Diagnostics diags;
    const auto selected = model::resolve_levers(scenario, nl, diags);
    const cascade::CascadeRun run =
        cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds);
    const report::Report full = report::build_report(nl, graph, scenario, run);
    report::RunSummaryOptions options;
    options.population = nl.population;
    const report::RunSummary s = report::build_run_summary(table, graph, scenario, run, options);
    REQUIRE(s.over_time.size() == full.over_time.size());
    for (std::size_t i = 0; i < s.over_time.size(); ++i) {
      CAPTURE(i);
      const report::SummaryPoint& a = s.over_time[i];
      const report::SummaryPoint& b = full.over_time[i];
      CHECK(std::tie(a.time, a.down, a.degraded, a.people_down, a.people_degraded) ==
            std::tie(b.time, b.down, b.degraded, b.people_down, b.people_degraded));
    }
    std::size_t failed = 0;
    for (const report::FunctionOutcome& f : full.functions) failed += f.first_degraded ? 1 : 0;
    CHECK(s.functions().failed == failed);
    CHECK(s.functions().entities == full.functions.size());
    // The full report's order of failing functions starts as the summary's ranking does.
    for (std::size_t i = 0; i < s.first_to_fail.size(); ++i) {
      CHECK(s.first_to_fail[i].entity == full.functions[i].entity);
    }
  }
}

}  // namespace msout::testing
