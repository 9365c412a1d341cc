// Tests of sim/report/people_figures.h and of the people figures of every result built on
// it: over several functions people are never summed — at least the most widely used
// function's people, capped at the model's population — checked by hand on small models.
#include "sim/report/people_figures.h"

#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "sim/analysis/blast_radius.h"
#include "sim/analysis/concentration.h"
#include "sim/render/text_renderer.h"
#include "sim/report/comparison.h"
#include "sim/report/comparison_json.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

using report::FunctionOutcome;
using report::PeopleAtLeast;

std::optional<model::Population> population_of(std::uint64_t people) {
  model::Population p;
  p.people = people;
  p.source = "test";
  return p;
}

std::string function(const std::string& id, const std::string& requirements, std::uint64_t people) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function","people_served":)" +
         std::to_string(people) + R"(,"requires":)" + requirements + "}";
}

// An outcome with a hand-written timeline covering [0, horizon].
FunctionOutcome outcome(std::uint64_t people, std::vector<report::Interval> timeline) {
  FunctionOutcome f;
  f.people = people;
  f.timeline = std::move(timeline);
  return f;
}

}  // namespace

TEST_CASE("PeopleFigures.AtLeast.OverlappingFunctionsGiveTheWidestNotTheSum") {
  // Three functions that each serve (nearly) everyone: the same people, not 51 million.
  PeopleAtLeast people(std::nullopt);
  CHECK(people.value() == 0);
  people.add(18'000'000);
  people.add(15'000'000);
  people.add(18'000'000);
  CHECK(people.value() == 18'000'000);
}

TEST_CASE("PeopleFigures.AtLeast.CappedAtThePopulation") {
  PeopleAtLeast people(population_of(17'900'000));
  people.add(18'000'000);  // only a model built in code can hold this: the loader refuses it
  people.add(1'000);
  CHECK(people.value() == 17'900'000);
  PeopleAtLeast below(population_of(17'900'000));
  below.add(2'000);
  below.add(3'000);
  CHECK(below.value() == 3'000);  // not the 5,000 of a sum
  CHECK(report::capped_to_population(20, population_of(10)) == 10);
  CHECK(report::capped_to_population(20, std::nullopt) == 20);
}

TEST_CASE("PeopleFigures.PeopleSeconds.ByHandWithOverlapAndCap") {
  // horizon 10h. a (1000 people): down 0-2h, up after. b (600): up 0-1h, down 1h-5h,
  // degraded 5h-10h.
  const FunctionOutcome a =
      outcome(1000, {{0, 2 * kHour, State::kDown}, {2 * kHour, 10 * kHour, State::kUp}});
  const FunctionOutcome b = outcome(600, {{0, 1 * kHour, State::kUp},
                                          {1 * kHour, 5 * kHour, State::kDown},
                                          {5 * kHour, 10 * kHour, State::kDegraded}});
  const std::vector<const FunctionOutcome*> both{&a, &b};
  // Down: 0-2h at least 1000 (a; b overlaps 1h-2h and adds nobody), 2h-5h 600 (b):
  // 2000 + 1800 = 3800 people-hours, not the 2000 + 2400 = 4400 of a sum.
  CHECK(report::people_seconds_at_least(both, State::kDown, 10 * kHour, std::nullopt) ==
        3800.0 * 3600);
  CHECK(report::people_seconds_at_least(both, State::kDegraded, 10 * kHour, std::nullopt) ==
        3000.0 * 3600);
  // Population 800: 0-2h capped at 800 -> 1600 + 1800.
  CHECK(report::people_seconds_at_least(both, State::kDown, 10 * kHour, population_of(800)) ==
        3400.0 * 3600);
  CHECK(report::people_seconds_at_least({}, State::kDown, 10 * kHour, std::nullopt) == 0.0);
}

TEST_CASE("PeopleFigures.Report.TwoFunctionsDownAtOnceCountTheWider") {
  // a down at 0s takes f (1000) and g (600) down; b down at 2h degrades h (400).
  Sim sim("[" + provider("a") + "," + provider("b") + "," + function("f", R"([{"on":"a"}])", 1000) +
              "," + function("g", R"([{"on":"a"}])", 600) + "," +
              function("h", R"([{"on":"b","effect":"degraded"}])", 400) + "]",
          "[" + lever("la", "0s", "down", R"(["a"])") + "," +
              lever("lb", "2h", "down", R"(["b"])") + "]",
          "1d");
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.over_time.size() == 2);
  CHECK(r.over_time[0].down == 2);
  CHECK(r.over_time[0].people_down == 1000);  // not 1,600
  CHECK(r.over_time[1].degraded == 1);
  CHECK(r.over_time[1].people_degraded == 400);
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["model"]["population"].is_null());
  CHECK(j["summary"]["over_time"][0]["people_down"] == 1000);
  const std::string table = render::render_text(report::report_document(r));
  CHECK(table.find("PEOPLE WHO LOSE A CRITICAL FUNCTION, AT LEAST") != std::string::npos);
  CHECK(table.find("population not declared by the model") != std::string::npos);
  CHECK(table.find("1,600") == std::string::npos);
}

TEST_CASE("PeopleFigures.Report.ThePopulationIsEchoedAndBounds") {
  Sim sim("[" + provider("a") + "," + function("f", R"([{"on":"a"}])", 1000) + "," +
              function("g", R"([{"on":"a"}])", 1000) + "]",
          "[" + lever("la", "0s", "down", R"(["a"])") + "]", "1d");
  sim.model.population = population_of(1000);
  sim.model.population->as_of = "2025-01-01";
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  CHECK(r.over_time.at(0).people_down == 1000);  // two functions serving everyone: 1,000
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["model"]["population"]["people"] == 1000);
  CHECK(j["model"]["population"]["source"] == "test");
  CHECK(j["model"]["population"]["as_of"] == "2025-01-01");
  CHECK(render::render_text(report::report_document(r))
            .find("population 1,000 (test, as of 2025-01-01)") != std::string::npos);
}

TEST_CASE("PeopleFigures.BlastRadius.WidestFunctionAndFunctionWeightedHoursApart") {
  const model::Model model =
      inline_model("[" + provider("a") + "," + function("f", R"([{"on":"a"}])", 1000) + "," +
                   function("g", R"([{"on":"a","tolerance":"12h"}])", 600) + "]");
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  const std::vector<std::uint32_t> outage{*model.find("a")};
  const auto results = analysis::blast_radius(model, graph, outage, 24 * kHour, 1);
  REQUIRE(results.size() == 1);
  CHECK(results[0].functions_down == 2);
  CHECK(results[0].people_down == 1000);
  // f down all day; g down the last 12h, its people possibly the same: 24,000 at least.
  CHECK(results[0].people_hours_down == doctest::Approx(24000.0));
  CHECK(results[0].function_people_hours_down == doctest::Approx(24000.0 + 7200.0));
}

TEST_CASE("PeopleFigures.Concentration.PeopleServedIsTheWidestDependentFunction") {
  const model::Model model =
      inline_model("[" + provider("a") + "," + function("f", R"([{"on":"a"}])", 1000) + "," +
                   function("g", R"([{"on":"a"}])", 600) + "]");
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  const analysis::Concentration c = analysis::compute_concentration(model, graph, {});
  CHECK(c.national.people_served == 1000);
  REQUIRE(c.national.providers.size() == 1);
  CHECK(c.national.providers[0].people_served == 1000);  // not 1,600
}

TEST_CASE("PeopleFigures.Comparison.TotalsCountAPersonOnceAndKeepTheWeightedSumApart") {
  // Baseline: f (1000) and g (600) down all day on a. What-if: g moves to b, which works.
  const std::string base = "[" + provider("a") + "," + provider("b") + "," +
                           function("f", R"([{"on":"a"}])", 1000) + "," +
                           function("g", R"([{"on":"a"}])", 600) + "]";
  const std::string moved = "[" + provider("a") + "," + provider("b") + "," +
                            function("f", R"([{"on":"a"}])", 1000) + "," +
                            function("g", R"([{"on":"b"}])", 600) + "]";
  const std::string levers = "[" + lever("la", "0s", "down", R"(["a"])") + "]";
  Sim baseline(base, levers, "1d");
  Sim whatif(moved, levers, "1d");
  const report::Report b =
      report::build_report(baseline.model, baseline.graph, baseline.scenario, baseline.run);
  const report::Report w =
      report::build_report(whatif.model, whatif.graph, whatif.scenario, whatif.run);
  const report::Comparison c = report::compare_reports(b, w);
  CHECK(c.baseline_people.people_hours_down() == 24000.0);  // not 38,400
  CHECK(c.whatif_people.people_hours_down() == 24000.0);
  CHECK(c.baseline_total.people_hours_down() == 38400.0);  // function-people-hours
  CHECK(c.whatif_total.people_hours_down() == 24000.0);
  const nlohmann::json j = nlohmann::json::parse(report::comparison_json(c));
  CHECK(j["totals"]["baseline"]["people_hours_down"] == 24000.0);
  CHECK(j["totals"]["baseline"]["function_people_hours_down"] == 38400.0);
  CHECK(j["totals"]["delta"]["people_hours_down"] == 0.0);
  CHECK(j["totals"]["delta"]["function_people_hours_down"] == -14400.0);
  CHECK(j["baseline"]["model"]["population"].is_null());
}

}  // namespace msout::testing
