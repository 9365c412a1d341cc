// The comparison of a baseline and a what-if run (sim/report/comparison.h): every change
// class, by how much, the people-hours deltas, functions only in one run, degraded-only
// changes, the order, the guard against comparing different runs, and both renderings.
// Expectations computed by hand from docs/semantics.md.
#include "sim/report/comparison.h"

#include <limits>
#include <map>
#include <stdexcept>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "sim/report/comparison_json.h"
#include "sim/report/comparison_table.h"
#include "sim/report/report.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

using report::Change;
using report::Direction;
using report::FunctionComparison;

std::string function(const std::string& id, const std::string& requirements, int people) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function","people_served":)" +
         std::to_string(people) + R"(,"requires":)" + requirements + "}";
}

// `cloud` is down from 0h to 10h (horizon 1d); `local` never fails. Each function's
// requirements in the baseline and in the what-if, and its outage in each (hand-computed):
//
//  id             people  baseline                        what-if
//  f-later        1000    tol 1h: down 1h-10h             tol 3h: down 3h-10h
//  f-earlier       200    tol 2h: down 2h-10h             tol 30m: down 30m-10h
//  f-gone           50    tol 1h: down 1h-10h             local: never
//  f-soft           10    down 0h-10h                     effect degraded: degraded 0h-10h
//  f-shorter       100    recovery 4h: down 0h-14h        recovery 1h: down 0h-11h
//  f-deg          1000    degraded, tol 1h: 1h-10h        degraded, tol 2h: 2h-10h
//  f-new            20    local: never                    tol 4h: down 4h-10h
//  f-deg-new         1    local: never                    degraded: 0h-10h
//  f-mixed          10    tol 1h: down 1h-10h             tol 2h, recovery 6h: down 2h-16h
//  f-trade          10    tol 2h, recovery 6h: 2h-16h     tol 1h: down 1h-10h
//  f-same            7    tol 1h: down 1h-10h             the same
//  f-works           3    local: never                    the same
//  f-removed         5    down 0h-10h                     (not in the model)
//  f-added           3    (not in the model)              tol 1h: down 1h-10h
std::string baseline_entities() {
  return "[" + provider("cloud") + "," + provider("local") + "," +
         function("f-later", R"([{"on":"cloud","tolerance":"1h"}])", 1000) + "," +
         function("f-earlier", R"([{"on":"cloud","tolerance":"2h"}])", 200) + "," +
         function("f-gone", R"([{"on":"cloud","tolerance":"1h"}])", 50) + "," +
         function("f-soft", R"([{"on":"cloud"}])", 10) + "," +
         function("f-shorter", R"([{"on":"cloud","recovery":"4h"}])", 100) + "," +
         function("f-deg", R"([{"on":"cloud","tolerance":"1h","effect":"degraded"}])", 1000) + "," +
         function("f-new", R"([{"on":"local"}])", 20) + "," +
         function("f-deg-new", R"([{"on":"local"}])", 1) + "," +
         function("f-mixed", R"([{"on":"cloud","tolerance":"1h"}])", 10) + "," +
         function("f-trade", R"([{"on":"cloud","tolerance":"2h","recovery":"6h"}])", 10) + "," +
         function("f-same", R"([{"on":"cloud","tolerance":"1h"}])", 7) + "," +
         function("f-works", R"([{"on":"local"}])", 3) + "," +
         function("f-removed", R"([{"on":"cloud"}])", 5) + "]";
}

std::string whatif_entities() {
  return "[" + provider("cloud") + "," + provider("local") + "," +
         function("f-later", R"([{"on":"cloud","tolerance":"3h"}])", 1000) + "," +
         function("f-earlier", R"([{"on":"cloud","tolerance":"30m"}])", 200) + "," +
         function("f-gone", R"([{"on":"local"}])", 50) + "," +
         function("f-soft", R"([{"on":"cloud","effect":"degraded"}])", 10) + "," +
         function("f-shorter", R"([{"on":"cloud","recovery":"1h"}])", 100) + "," +
         function("f-deg", R"([{"on":"cloud","tolerance":"2h","effect":"degraded"}])", 1000) + "," +
         function("f-new", R"([{"on":"cloud","tolerance":"4h"}])", 20) + "," +
         function("f-deg-new", R"([{"on":"cloud","effect":"degraded"}])", 1) + "," +
         function("f-mixed", R"([{"on":"cloud","tolerance":"2h","recovery":"6h"}])", 10) + "," +
         function("f-trade", R"([{"on":"cloud","tolerance":"1h"}])", 10) + "," +
         function("f-same", R"([{"on":"cloud","tolerance":"1h"}])", 7) + "," +
         function("f-works", R"([{"on":"local"}])", 3) + "," +
         function("f-added", R"([{"on":"cloud","tolerance":"1h"}])", 3) + "]";
}

std::string levers() {
  return "[" + lever("out", "0h", "down", R"(["cloud"])") + "," +
         lever("back", "10h", "restore", R"(["cloud"])") + "]";
}

// Both runs and their comparison, built once (the reports point into the runs).
struct Example {
  Sim baseline{baseline_entities(), levers(), "1d"};
  Sim whatif{whatif_entities(), levers(), "1d"};
  report::Report baseline_report =
      report::build_report(baseline.model, baseline.graph, baseline.scenario, baseline.run);
  report::Report whatif_report =
      report::build_report(whatif.model, whatif.graph, whatif.scenario, whatif.run);
  report::Comparison comparison = report::compare_reports(baseline_report, whatif_report);

  const FunctionComparison& operator[](const std::string& id) const {
    for (const FunctionComparison& f : comparison.functions) {
      if (f.id == id) return f;
    }
    FAIL("no function " << id);
    throw std::logic_error("unreachable");
  }
};

const Example& example() {
  static const Example instance;
  return instance;
}

}  // namespace

TEST_CASE("Report.Compare.FailsLater") {
  const FunctionComparison& f = example()["f-later"];
  CHECK(f.change == Change::kFailsLater);
  CHECK(f.direction == Direction::kImproved);
  CHECK(f.level == State::kDown);
  CHECK(f.by == 2 * kHour);
  CHECK(f.baseline->first_down == 1 * kHour);
  CHECK(f.whatif->first_down == 3 * kHour);
  CHECK(f.change_in_disruption().time_down == -2 * kHour);
  CHECK(f.change_in_disruption().people_hours_down() == -2000.0);  // 1000 people x -2h
  CHECK(f.change_in_disruption().people_hours_degraded() == 0.0);
  CHECK(report::change_text(f) == "down 2h later");
}

TEST_CASE("Report.Compare.FailsEarlier") {
  const FunctionComparison& f = example()["f-earlier"];
  CHECK(f.change == Change::kFailsEarlier);
  CHECK(f.direction == Direction::kWorsened);
  CHECK(f.by == 1 * kHour + 30 * kMinute);
  CHECK(f.change_in_disruption().time_down == 1 * kHour + 30 * kMinute);
  CHECK(f.change_in_disruption().people_hours_down() == 300.0);  // 200 people x 1.5h
  CHECK(report::change_text(f) == "down 1h30m earlier");
}

TEST_CASE("Report.Compare.NoLongerFails") {
  const FunctionComparison& f = example()["f-gone"];
  CHECK(f.change == Change::kNoLongerFails);
  CHECK(f.direction == Direction::kImproved);
  CHECK(f.level == State::kDown);
  CHECK(f.by == 0);
  CHECK_FALSE(f.whatif->first_degraded.has_value());
  CHECK(f.whatif->cause.empty());
  CHECK(f.baseline->cause.find("lever \"out\" at 0s") != std::string::npos);
  CHECK(f.change_in_disruption().people_hours_down() == -450.0);  // 50 people x -9h
  CHECK(report::change_text(f) == "no longer down");
}

TEST_CASE("Report.Compare.NoLongerDownButStillDegraded") {
  // Not "fixed": the level is down, and the degraded columns show what is left.
  const FunctionComparison& f = example()["f-soft"];
  CHECK(f.change == Change::kNoLongerFails);
  CHECK(f.level == State::kDown);
  CHECK(f.direction == Direction::kImproved);
  CHECK(f.whatif->first_degraded == 0);
  CHECK_FALSE(f.whatif->first_down.has_value());
  CHECK(f.change_in_disruption().time_down == -10 * kHour);
  CHECK(f.change_in_disruption().time_degraded == 10 * kHour);
  CHECK(f.change_in_disruption().people_hours_down() == -100.0);     // 10 people x -10h
  CHECK(f.change_in_disruption().people_hours_degraded() == 100.0);  // 10 people x +10h
}

TEST_CASE("Report.Compare.ShorterOutageAtTheSameOnset") {
  const FunctionComparison& f = example()["f-shorter"];
  CHECK(f.change == Change::kShorterOutage);
  CHECK(f.direction == Direction::kImproved);
  CHECK(f.baseline->first_down == 0);
  CHECK(f.whatif->first_down == 0);
  CHECK(f.by == 3 * kHour);                                       // 14h down -> 11h down
  CHECK(f.change_in_disruption().people_hours_down() == -300.0);  // 100 people x -3h
  CHECK(report::change_text(f) == "3h less down");
}

TEST_CASE("Report.Compare.DegradedOnly.FailsLater") {
  // Never down in either run: judged at level degraded, on first_degraded.
  const FunctionComparison& f = example()["f-deg"];
  CHECK(f.level == State::kDegraded);
  CHECK(f.change == Change::kFailsLater);
  CHECK(f.direction == Direction::kImproved);
  CHECK(f.by == 1 * kHour);
  CHECK(f.change_in_disruption().time_down == 0);
  CHECK(f.change_in_disruption().time_degraded == -1 * kHour);
  CHECK(f.change_in_disruption().people_hours_degraded() == -1000.0);  // 1000 people x -1h
  CHECK(report::change_text(f) == "degraded 1h later");
}

TEST_CASE("Report.Compare.NewlyFails") {
  const FunctionComparison& f = example()["f-new"];
  CHECK(f.change == Change::kNewlyFails);
  CHECK(f.direction == Direction::kWorsened);
  CHECK(f.level == State::kDown);
  CHECK(f.whatif->first_down == 4 * kHour);
  CHECK(f.change_in_disruption().people_hours_down() == 120.0);  // 20 people x 6h
  CHECK(report::change_text(f) == "newly down");
}

TEST_CASE("Report.Compare.DegradedOnly.NewlyFails") {
  const FunctionComparison& f = example()["f-deg-new"];
  CHECK(f.change == Change::kNewlyFails);
  CHECK(f.level == State::kDegraded);
  CHECK(f.direction == Direction::kWorsened);
  CHECK(f.change_in_disruption().people_hours_degraded() == 10.0);  // 1 person x 10h
  CHECK(report::change_text(f) == "newly degraded");
}

TEST_CASE("Report.Compare.LaterButLongerIsMixed") {
  const FunctionComparison& f = example()["f-mixed"];
  CHECK(f.change == Change::kFailsLater);
  CHECK(f.by == 1 * kHour);
  CHECK(f.direction == Direction::kMixed);
  CHECK(f.change_in_disruption().time_down == 5 * kHour);       // 9h -> 14h
  CHECK(f.change_in_disruption().people_hours_down() == 50.0);  // 10 people x 5h
  CHECK(report::change_text(f) == "down 1h later, but 5h more down");
}

TEST_CASE("Report.Compare.EarlierButShorterIsMixed") {
  const FunctionComparison& f = example()["f-trade"];
  CHECK(f.change == Change::kFailsEarlier);
  CHECK(f.by == 1 * kHour);
  CHECK(f.direction == Direction::kMixed);
  CHECK(f.change_in_disruption().people_hours_down() == -50.0);  // 10 people x -5h
  CHECK(report::change_text(f) == "down 1h earlier, but 5h less down");
}

TEST_CASE("Report.Compare.Unchanged") {
  const FunctionComparison& same = example()["f-same"];
  CHECK(same.change == Change::kUnchanged);
  CHECK(same.direction == Direction::kUnchanged);
  CHECK(same.level == State::kDown);
  CHECK(same.by == 0);
  CHECK(same.change_in_disruption().time_down == 0);
  CHECK(report::change_text(same) == "unchanged");

  const FunctionComparison& works = example()["f-works"];
  CHECK(works.change == Change::kUnchanged);
  CHECK(works.level == State::kUp);
  CHECK(report::change_text(works) == "works in both");
}

TEST_CASE("Report.Compare.FunctionsInOneRunOnly") {
  const FunctionComparison& removed = example()["f-removed"];
  CHECK(removed.change == Change::kOnlyInBaseline);
  CHECK(removed.direction == Direction::kOnlyInBaseline);
  CHECK(removed.baseline.has_value());
  CHECK_FALSE(removed.whatif.has_value());
  CHECK(removed.level == State::kDown);
  CHECK(removed.change_in_disruption().people_seconds_down == 0);  // not compared

  const FunctionComparison& added = example()["f-added"];
  CHECK(added.change == Change::kOnlyInWhatif);
  CHECK_FALSE(added.baseline.has_value());
  CHECK(added.whatif->first_down == 1 * kHour);

  const report::Comparison& c = example().comparison;
  CHECK(c.only_in_baseline_total.time_down == 10 * kHour);
  CHECK(c.only_in_baseline_total.people_hours_down() == 50.0);  // 5 people x 10h
  CHECK(c.only_in_whatif_total.time_down == 9 * kHour);
  CHECK(c.only_in_whatif_total.people_hours_down() == 27.0);  // 3 people x 9h
}

TEST_CASE("Report.Compare.Totals") {
  // Over the 12 functions in both runs; removed and added functions are not counted.
  const report::Comparison& c = example().comparison;
  // Baseline down: later 9h, earlier 8h, gone 9h, soft 10h, shorter 14h, mixed 9h, trade 14h,
  // same 9h.
  CHECK(c.baseline_total.time_down == 82 * kHour);
  // What-if down: later 7h, earlier 9h30m, shorter 11h, new 6h, mixed 14h, trade 9h, same 9h.
  CHECK(c.whatif_total.time_down == 65 * kHour + 30 * kMinute);
  // 1000x9 + 200x8 + 50x9 + 10x10 + 100x14 + 10x9 + 10x14 + 7x9
  CHECK(c.baseline_total.people_hours_down() == 12843.0);
  // 1000x7 + 200x9.5 + 100x11 + 20x6 + 10x14 + 10x9 + 7x9
  CHECK(c.whatif_total.people_hours_down() == 10413.0);
  // Degraded: f-deg 9h (1000 people) -> f-soft 10h (10), f-deg 8h (1000), f-deg-new 10h (1).
  CHECK(c.baseline_total.time_degraded == 9 * kHour);
  CHECK(c.whatif_total.time_degraded == 28 * kHour);
  CHECK(c.baseline_total.people_hours_degraded() == 9000.0);
  CHECK(c.whatif_total.people_hours_degraded() == 8110.0);
  const report::Disruption change = c.whatif_total - c.baseline_total;
  CHECK(change.people_hours_down() == -2430.0);
  CHECK(change.people_hours_degraded() == -890.0);
  // Those are function-people-hours. People-hours that count a person once take the widest
  // function down at each instant. Baseline: 0-1h shorter 100, 1h-10h later 1000, 10h-14h
  // shorter 100, 14h-16h trade 10: 100 + 9000 + 400 + 20.
  CHECK(c.baseline_people.people_hours_down() == 9520.0);
  // What-if: 0-30m shorter 100, 30m-3h earlier 200, 3h-10h later 1000, 10h-11h shorter 100,
  // 11h-16h mixed 10: 50 + 500 + 7000 + 100 + 50.
  CHECK(c.whatif_people.people_hours_down() == 7700.0);
  // Degraded: baseline f-deg 1000 x 9h; what-if 0-2h soft 10, 2h-10h f-deg 1000.
  CHECK(c.baseline_people.people_hours_degraded() == 9000.0);
  CHECK(c.whatif_people.people_hours_degraded() == 8020.0);
  CHECK(c.only_in_whatif_people.people_hours_down() == 27.0);    // f-added, 3 x 9h
  CHECK(c.only_in_baseline_people.people_hours_down() == 50.0);  // f-removed, 5 x 10h

  CHECK(c.count(Direction::kImproved) == 5);
  CHECK(c.count(Direction::kWorsened) == 3);
  CHECK(c.count(Direction::kMixed) == 2);
  CHECK(c.count(Direction::kUnchanged) == 2);
  CHECK(c.count(Direction::kOnlyInBaseline) == 1);
  CHECK(c.count(Direction::kOnlyInWhatif) == 1);
}

// Regression (issue 10, item 5): on an extreme horizon the sums of time down over the
// functions overflowed int64 (UBSan: signed overflow in Disruption::operator+=) and the
// totals came out negative. They saturate at INT64_MAX seconds instead.
TEST_CASE("Report.Compare.TotalsSaturateInsteadOfWrapping") {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  report::Disruption total{kMax - 10, kMax - 10, 0, 0};
  total += report::Disruption{100, 5, 0, 0};
  CHECK(total.time_down == kMax);
  CHECK(total.time_degraded == kMax - 5);
  CHECK((total - report::Disruption{kMax, 0, 0, 0}).time_down == 0);
  CHECK((report::Disruption{} - total).time_down == -kMax);

  // Three functions down for (almost) the whole of a horizon of half the int64 range: the
  // engine and the report take such a horizon; only the comparison's sums would overflow.
  const std::string entities = "[" + provider("cloud") + "," +
                               function("f1", R"([{"on":"cloud"}])", 1) + "," +
                               function("f2", R"([{"on":"cloud"}])", 1) + "," +
                               function("f3", R"([{"on":"cloud"}])", 1) + "]";
  Sim sim(entities, "[" + lever("out", "1h", "down", R"(["cloud"])") + "]", "1d");
  const std::int64_t horizon = kMax / 2;
  model::Diagnostics diags;
  sim.run = cascade::run_cascade(sim.graph, sim.scenario,
                                 model::resolve_levers(sim.scenario, sim.model, diags), horizon);
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::Comparison c = report::compare_reports(r, r);
  CHECK(c.baseline_total.time_down == kMax);
  CHECK(c.whatif_total.time_down == kMax);
  for (const FunctionComparison& f : c.functions) {
    CHECK(f.baseline->disruption.time_down == horizon - kHour);
    CHECK(f.direction == Direction::kUnchanged);
  }
}

// The 100-year horizon (kMaxDuration, the longest any file may give) leaves the sums exact.
TEST_CASE("Report.Compare.HundredYearHorizonIsExact") {
  const std::string entities = "[" + provider("cloud") + "," +
                               function("f1", R"([{"on":"cloud","tolerance":"36500d"}])", 10) +
                               "," + function("f2", R"([{"on":"cloud"}])", 20) + "]";
  Sim sim(entities, "[" + lever("out", "1h", "down", R"(["cloud"])") + "]", "36500d");
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::Comparison c = report::compare_reports(r, r);
  constexpr std::int64_t kHundredYears = 36500LL * 24 * kHour;
  // f1's tolerance ends after the horizon: never down; f2 is down from 1h.
  CHECK(c.baseline_total.time_down == kHundredYears - kHour);
  CHECK(c.baseline_total.people_hours_down() == 20.0 * (kHundredYears - kHour) / 3600.0);
}

TEST_CASE("Report.Compare.Order") {
  // Improved: level down before degraded; no_longer_fails (by time down removed: f-soft 10h,
  // f-gone 9h), then fails_later, then shorter. Worsened likewise. Mixed by `by`, then id.
  // Unchanged in report order. Then only in the baseline, only in the what-if.
  std::vector<std::string> ids;
  for (const FunctionComparison& f : example().comparison.functions) ids.push_back(f.id);
  CHECK(ids == std::vector<std::string>{"f-soft", "f-gone", "f-later", "f-shorter", "f-deg",
                                        "f-new", "f-earlier", "f-deg-new", "f-mixed", "f-trade",
                                        "f-same", "f-works", "f-removed", "f-added"});
}

TEST_CASE("Report.Compare.IdenticalRunsAreUnchanged") {
  const Sim& sim = example().baseline;
  const report::Report a = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::Report b = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::Comparison c = report::compare_reports(a, b);
  CHECK(c.count(Direction::kUnchanged) == c.functions.size());
  CHECK(c.whatif_total.people_seconds_down == c.baseline_total.people_seconds_down);
}

TEST_CASE("Report.Compare.RefusesDifferentRuns") {
  const Sim& sim = example().baseline;
  const report::Report a = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  SUBCASE("horizon") {
    report::Report b = a;
    b.horizon = a.horizon + 1;
    CHECK_THROWS_AS(report::compare_reports(a, b), std::invalid_argument);
  }
  SUBCASE("scenario") {
    report::Report b = a;
    b.scenario_file = "other.json";
    CHECK_THROWS_AS(report::compare_reports(a, b), std::invalid_argument);
  }
  SUBCASE("include disputed") {
    report::Report b = a;
    b.include_disputed = !a.include_disputed;
    CHECK_THROWS_AS(report::compare_reports(a, b), std::invalid_argument);
  }
}

TEST_CASE("Report.Compare.Json") {
  report::Comparison c = example().comparison;
  c.whatif_sources.push_back({"Fallback", "adds a fallback", "overlay.json"});
  const nlohmann::json j = nlohmann::json::parse(report::comparison_json(c));
  CHECK(j["format"] == "msout-compare/1");
  CHECK(j["horizon_s"] == 24 * kHour);
  CHECK(j["whatif"]["overlays"][0]["file"] == "overlay.json");
  REQUIRE(j["functions"].size() == 14);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& f : j["functions"]) by_id[f["id"]] = f;
  CHECK(j["functions"][0]["id"] == "f-soft");
  const nlohmann::json& later = by_id["f-later"];
  CHECK(later["change"] == "fails_later");
  CHECK(later["direction"] == "improved");
  CHECK(later["level"] == "down");
  CHECK(later["by_s"] == 2 * kHour);
  CHECK(later["baseline"]["first_down_s"] == 1 * kHour);
  CHECK(later["whatif"]["first_down_s"] == 3 * kHour);
  CHECK(later["delta"]["time_down_s"] == -2 * kHour);
  CHECK(later["delta"]["people_hours_down"] == -2000.0);
  CHECK(by_id["f-works"]["level"].is_null());
  CHECK(by_id["f-works"]["by_s"].is_null());
  CHECK(by_id["f-removed"]["whatif"].is_null());
  CHECK(by_id["f-removed"]["delta"].is_null());
  CHECK(by_id["f-added"]["baseline"].is_null());
  CHECK(j["summary"]["mixed"] == 2);
  CHECK(j["totals"]["delta"]["people_hours_down"] == -1820.0);  // 7,700 - 9,520, at least
  CHECK(j["totals"]["delta"]["function_people_hours_down"] == -2430.0);
  CHECK(j["totals"]["baseline"]["people_hours_degraded"] == 9000.0);
  CHECK(j["totals"]["baseline"]["function_people_hours_degraded"] == 9000.0);
  CHECK(j["totals"]["only_in_whatif"]["people_hours_down"] == 27.0);
}

TEST_CASE("Report.Compare.Table") {
  report::Comparison c = example().comparison;
  c.whatif_sources.push_back({"Fallback", "adds a fallback", "overlay.json"});
  const std::string text = report::comparison_table(c);
  for (const char* needle :
       {"what-if:  model \"\" with \"Fallback\" (overlay.json)",
        "14 functions: 5 improved, 3 worsened, 2 mixed, 2 unchanged, 1 only in the baseline, "
        "1 only in the what-if",
        "IMPROVED (5)", "WORSENED (3)", "MIXED", "UNCHANGED (2)", "ONLY IN THE BASELINE",
        "ONLY IN THE WHAT-IF", "down 1h later, but 5h more down", "1h \u2192 3h", "9h \u2192 7h",
        "-2,000", "+300", "WHY"}) {
    INFO(needle);
    CHECK(text.find(needle) != std::string::npos);
  }
  // Improved functions come before worsened ones.
  CHECK(text.find("f-soft") < text.find("f-new"));
  // The totals: baseline, what-if, change; people counted once, then function-weighted.
  auto row_of = [&](const std::string& label) {
    const std::size_t at = text.find("\n  " + label + " ");
    REQUIRE(at != std::string::npos);
    return text.substr(at + 1, text.find('\n', at + 1) - at - 1);
  };
  const std::string people = row_of("people-hours down (at least)");
  CHECK(people.find("9,520") < people.find("7,700"));
  CHECK(people.find("7,700") < people.find("-1,820"));
  const std::string weighted = row_of("function-people-hours down");
  CHECK(weighted.find("12,843") < weighted.find("10,413"));
  CHECK(weighted.find("10,413") < weighted.find("-2,430"));
  CHECK(text.find("function-weighted measure") != std::string::npos);
}

}  // namespace msout::testing
