// Tests of sim/report/hindcast.h and the scenario's "reported" outcomes: loading them
// (model/scenario_loader.h), their entities against a model (resolve_reported), each
// expectation against a run with both bounds of both windows, and the run's document and JSON.
// Expectations computed by hand from docs/semantics.md.
#include "sim/report/hindcast.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/scenario_loader.h"
#include "sim/render/text_renderer.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"
#include "tests/unit/test_support.h"

namespace msout::testing {
namespace {

using model::Expectation;
using report::ReportedResult;
using report::Verdict;

// cloud <- app (tolerance 1h, recovery 30m) <- care (a function);
// cloud <- mail (a function; only degraded, at once); post (a function) needs nothing.
// With cloud down at 0s and restored at 6h: care is down from 1h and back up at 6h30m; mail
// is degraded 0s-6h; post stays up.
const char* kEntities = R"([
  {"id":"cloud","name":"Cloud","kind":"provider"},
  {"id":"app","name":"App","kind":"service",
   "requires":[{"on":"cloud","tolerance":"1h","recovery":"30m"}]},
  {"id":"care","name":"Care","kind":"function","people_served":1000,"requires":[{"on":"app"}]},
  {"id":"mail","name":"Mail","kind":"function","people_served":50,
   "requires":[{"on":"cloud","effect":"degraded"}]},
  {"id":"post","name":"Post","kind":"function","people_served":10}
])";

const char* kOutAndBack =
    R"([{"id":"out","at":"0s","action":"down","select":{"ids":"cloud"}},
        {"id":"back","at":"6h","action":"restore","select":{"ids":"cloud"}}])";

std::string scenario_json(const std::string& levers, const std::string& reported,
                          const std::string& horizon = "1d") {
  return R"({"format":"msout-scenario/1","name":"test","horizon":")" + horizon + R"(","levers":)" +
         levers + R"(,"reported":)" + reported + "}";
}

// One reported outcome; `extra` adds keys (e.g. ,"first_between":["0s","1h"]).
std::string claim(const std::string& entity, const std::string& expect,
                  const std::string& extra = "") {
  return R"({"claim":"c","entity":")" + entity + R"(","expect":")" + expect + R"(")" + extra +
         R"(,"evidence":{"source":"https://example.org/c","confidence":"reported"}})";
}

struct Hindcast {
  model::Model model;
  model::Scenario scenario;
  model::FrozenGraph graph;
  cascade::CascadeRun run;
  std::vector<ReportedResult> results;

  Hindcast(const std::string& levers, const std::string& reported,
           const std::string& horizon = "1d") {
    model = inline_model(kEntities);
    scenario = model::load_scenario({"scenario.json", scenario_json(levers, reported, horizon)});
    model::Diagnostics diags;
    auto selected = model::resolve_levers(scenario, model, diags);
    model::resolve_reported(scenario, model, diags);
    REQUIRE_FALSE(diags.has_errors());
    graph = model::FrozenGraph::freeze(model, {});
    run = cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds);
    results = report::evaluate_reported(scenario, model, run);
  }
};

// The result of one claim on the out-and-back scenario.
ReportedResult one(const std::string& reported_claim, const std::string& levers = kOutAndBack) {
  Hindcast h(levers, "[" + reported_claim + "]");
  REQUIRE(h.results.size() == 1);
  ReportedResult r = h.results.front();
  r.claim = nullptr;  // points into h, which is gone
  return r;
}

std::vector<model::Diagnostic> errors_of(const std::string& reported) {
  try {
    model::load_scenario({"s.json", scenario_json("[]", reported)});
  } catch (const model::InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

}  // namespace

TEST_CASE("Hindcast.Load.EveryKey") {
  const model::Scenario s = model::load_scenario(
      {"s.json", scenario_json("[]", R"([{"claim":"Flights were disrupted","entity":"care",
          "expect":"degraded","first_between":["0s","2h"],"recovered_between":["1h","2d"],
          "evidence":{"source":"https://example.org","quote":"q","confidence":"confirmed"},
          "known_gap":"why"}, )" + claim("post", "up") +
                                         "]")});
  REQUIRE(s.reported.size() == 2);
  const model::ReportedOutcome& r = s.reported[0];
  CHECK(r.claim == "Flights were disrupted");
  CHECK(r.entity == "care");
  CHECK(r.expectation == Expectation::kDegraded);
  REQUIRE(r.first_between.has_value());
  CHECK(r.first_between->from.seconds == 0);
  CHECK(r.first_between->to.seconds == 7200);
  REQUIRE(r.recovered_between.has_value());
  CHECK(r.recovered_between->from.seconds == 3600);
  CHECK(r.recovered_between->to.seconds == 172800);
  CHECK(r.evidence.source == "https://example.org");
  CHECK(r.evidence.confidence == model::Confidence::kConfirmed);
  CHECK(r.known_gap == "why");
  CHECK(r.place.pointer == "/reported/0");
  CHECK(s.reported[1].expectation == Expectation::kUp);
  CHECK_FALSE(s.reported[1].known_gap.has_value());
  CHECK_FALSE(s.reported[1].first_between.has_value());
  // Optional: a scenario without the key has none.
  CHECK(inline_scenario("[]", "1d").reported.empty());
}

TEST_CASE("Hindcast.Load.BadInputNamesThePlace") {
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"first_between":["2h","1h"])") + "]"),
            "s.json", "/reported/0/first_between", "from 2h is later than to 1h"));
  CHECK(has(errors_of("[" + claim("care", "up", R"(,"first_between":["0s","1h"])") + "]"), "s.json",
            "/reported/0/first_between",
            "only meaningful with expect \"down\" or \"degraded\", not \"up\""));
  CHECK(has(errors_of("[" + claim("care", "not_down", R"(,"recovered_between":["0s","1h"])") + "]"),
            "s.json", "/reported/0/recovered_between", "not \"not_down\""));
  CHECK(has(errors_of("[" + claim("care", "gone") + "]"), "s.json", "/reported/0/expect",
            "unknown expectation \"gone\" (known: down, degraded, up, not_down)"));
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"first_between":["0s","2 hours"])") + "]"),
            "s.json", "/reported/0/first_between/1", ""));
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"first_between":["0s"])") + "]"), "s.json",
            "/reported/0/first_between", "an array of two durations"));
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"first_between":["0s", 3600])") + "]"),
            "s.json", "/reported/0/first_between/1", "expected a duration string"));
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"firstbetween":["0s","1h"])") + "]"),
            "s.json", "/reported/0/firstbetween", "unknown key"));
  CHECK(has(errors_of("[" + claim("Care Unit", "down") + "]"), "s.json", "/reported/0/entity",
            "invalid id \"Care Unit\""));
  CHECK(has(errors_of("[" + claim("care", "down", R"(,"known_gap":"")") + "]"), "s.json",
            "/reported/0/known_gap", "empty known_gap"));
  CHECK(has(errors_of(R"([{"claim":"c","entity":"care","expect":"down"}])"), "s.json",
            "/reported/0", "evidence"));
  CHECK(has(errors_of(R"([{"claim":"","entity":"care","expect":"down",
                           "evidence":{"source":"x","confidence":"reported"}}])"),
            "s.json", "/reported/0/claim", "empty claim"));
  CHECK(has(errors_of(R"({"claim":"c"})"), "s.json", "/reported", ""));
}

TEST_CASE("Hindcast.Resolve.UnknownEntitySuggestsTheClosest") {
  const model::Model m = inline_model(kEntities);
  const model::Scenario s =
      model::load_scenario({"s.json", scenario_json("[]", "[" + claim("carre", "down") + "," +
                                                              claim("post", "up") + "]")});
  model::Diagnostics diags;
  const auto entities = model::resolve_reported(s, m, diags);
  REQUIRE(entities.size() == 2);
  CHECK_FALSE(entities[0].has_value());
  CHECK(entities[1] == m.find("post"));
  REQUIRE(diags.errors().size() == 1);
  CHECK(has(diags.errors(), "s.json", "/reported/0/entity",
            "reported outcome names unknown entity \"carre\" (did you mean \"care\"?)"));
}

TEST_CASE("Hindcast.Down.FirstBetweenBothBoundsIncluded") {
  // care is first down at 1h.
  CHECK(one(claim("care", "down")).reproduced);
  CHECK(one(claim("care", "down", R"(,"first_between":["0s","1h"])")).reproduced);
  CHECK(one(claim("care", "down", R"(,"first_between":["1h","2h"])")).reproduced);
  CHECK(one(claim("care", "down", R"(,"first_between":["1h","1h"])")).reproduced);
  const ReportedResult late = one(claim("care", "down", R"(,"first_between":["0s","59m59s"])"));
  CHECK_FALSE(late.reproduced);
  CHECK(late.why_not == "first down at 1h, later than 59m59s");
  CHECK(late.verdict == Verdict::kNotReproduced);
  const ReportedResult early = one(claim("care", "down", R"(,"first_between":["1h1s","2h"])"));
  CHECK_FALSE(early.reproduced);
  CHECK(early.why_not == "first down at 1h, earlier than 1h1s");
  // mail is only degraded: never down.
  const ReportedResult mail = one(claim("mail", "down"));
  CHECK_FALSE(mail.reproduced);
  CHECK(mail.why_not == "degraded at 0s, never down within 1d");
  const ReportedResult post = one(claim("post", "down"));
  CHECK_FALSE(post.reproduced);
  CHECK(post.why_not == "stayed up throughout 1d");
}

TEST_CASE("Hindcast.Degraded.DownCountsAsDegradedOrWorse") {
  const ReportedResult mail = one(claim("mail", "degraded", R"(,"first_between":["0s","0s"])"));
  CHECK(mail.reproduced);
  CHECK(mail.first_degraded == 0);
  CHECK_FALSE(mail.first_down.has_value());
  CHECK(mail.recovered == 6 * kHour);
  // care is never only degraded; it reaches down at 1h, which is degraded or worse.
  CHECK(one(claim("care", "degraded", R"(,"first_between":["1h","1h"])")).reproduced);
  CHECK(one(claim("care", "degraded", R"(,"first_between":["0s","30m"])")).why_not ==
        "first degraded at 1h, later than 30m");
  CHECK(one(claim("post", "degraded")).why_not == "stayed up throughout 1d");
}

TEST_CASE("Hindcast.Recovered.BothBoundsAndNeverRecovering") {
  // care is back up at 6h30m (cloud back at 6h, the app's recovery 30m).
  CHECK(one(claim("care", "down", R"(,"recovered_between":["6h30m","7h"])")).reproduced);
  CHECK(one(claim("care", "down", R"(,"recovered_between":["6h","6h30m"])")).reproduced);
  CHECK(one(claim("care", "down", R"(,"recovered_between":["6h","6h29m"])")).why_not ==
        "back up at 6h30m, later than 6h29m");
  CHECK(one(claim("care", "down", R"(,"recovered_between":["6h31m","7h"])")).why_not ==
        "back up at 6h30m, earlier than 6h31m");
  // Never restored: not back up within the horizon fails the window, whatever it is.
  const std::string never = R"([{"id":"out","at":"0s","action":"down","select":{"ids":"cloud"}}])";
  const ReportedResult stays =
      one(claim("care", "down", R"(,"recovered_between":["0s","100w"])"), never);
  CHECK_FALSE(stays.reproduced);
  CHECK_FALSE(stays.recovered.has_value());
  CHECK(stays.why_not == "not back up within 1d (down at the horizon)");
  // Without a window, never recovering is fine.
  CHECK(one(claim("care", "down"), never).reproduced);
}

TEST_CASE("Hindcast.Recovered.RecoveredThenFailedAgain") {
  // cloud down 0s-6h and again from 12h; care down 1h-6h30m, then again from 13h.
  const std::string again =
      R"([{"id":"out","at":"0s","action":"down","select":{"ids":"cloud"}},
          {"id":"back","at":"6h","action":"restore","select":{"ids":"cloud"}},
          {"id":"again","at":"12h","action":"down","select":{"ids":"cloud"}}])";
  const ReportedResult failed_again =
      one(claim("care", "down", R"(,"recovered_between":["6h","7h"])"), again);
  CHECK_FALSE(failed_again.reproduced);
  CHECK_FALSE(failed_again.recovered.has_value());
  CHECK(failed_again.first_down == kHour);
  CHECK(failed_again.why_not == "not back up within 1d (down at the horizon)");
  // Restored again at 18h: the recovery that counts is the last one, at 18h30m.
  const std::string twice = again.substr(0, again.size() - 1) +
                            R"(,{"id":"back2","at":"18h","action":"restore",
                                 "select":{"ids":"cloud"}}])";
  const ReportedResult last =
      one(claim("care", "down", R"(,"recovered_between":["6h","7h"])"), twice);
  CHECK(last.recovered == 18 * kHour + 30 * kMinute);
  CHECK(last.why_not == "back up at 18h30m, later than 7h");
  CHECK(
      one(claim("care", "down", R"(,"recovered_between":["18h30m","18h30m"])"), twice).reproduced);
}

TEST_CASE("Hindcast.UpAndNotDown") {
  CHECK(one(claim("post", "up")).reproduced);
  CHECK(one(claim("mail", "up")).why_not == "degraded at 0s");
  CHECK(one(claim("care", "up")).why_not == "down at 1h");
  CHECK(one(claim("mail", "not_down")).reproduced);
  CHECK(one(claim("post", "not_down")).reproduced);
  CHECK(one(claim("care", "not_down")).why_not == "down at 1h");
}

TEST_CASE("Hindcast.Horizon.OnlyTheRunsHorizonCounts") {
  // With a horizon of 30m care never goes down (it would at 1h).
  Hindcast h(kOutAndBack, "[" + claim("care", "down") + "," + claim("care", "not_down") + "]",
             "30m");
  REQUIRE(h.results.size() == 2);
  CHECK(h.results[0].why_not == "stayed up throughout 30m");
  CHECK(h.results[1].reproduced);
}

TEST_CASE("Hindcast.Verdict.KnownGaps") {
  const std::string gap = R"(,"known_gap":"the model has no cache")";
  CHECK(one(claim("care", "down")).verdict == Verdict::kReproduced);
  CHECK(one(claim("care", "up")).verdict == Verdict::kNotReproduced);
  CHECK(one(claim("care", "up", gap)).verdict == Verdict::kKnownGap);
  CHECK(one(claim("care", "down", gap)).verdict == Verdict::kKnownGapReproduced);
  CHECK(report::to_string(Verdict::kKnownGapReproduced) == "known_gap_reproduced");
}

TEST_CASE("Hindcast.Texts.ExpectedAndRun") {
  Hindcast h(kOutAndBack, "[" + claim("care", "down", R"(,"first_between":["0s","2h"],
                                      "recovered_between":["1h","2d"])") +
                              "," + claim("mail", "degraded") + "," + claim("post", "up") + "," +
                              claim("post", "not_down") + "]");
  REQUIRE(h.results.size() == 4);
  CHECK(report::expected_text(*h.results[0].claim) ==
        "down, first within [0s, 2h], back up within [1h, 2d]");
  CHECK(report::expected_text(*h.results[1].claim) == "degraded or worse");
  CHECK(report::expected_text(*h.results[2].claim) == "up throughout");
  CHECK(report::expected_text(*h.results[3].claim) == "never down");
  CHECK(report::run_text(h.results[0], h.run.horizon) == "down at 1h, back up at 6h30m");
  CHECK(report::run_text(h.results[1], h.run.horizon) == "degraded at 0s, back up at 6h");
  CHECK(report::run_text(h.results[2], h.run.horizon) == "stayed up");
  // care still down at the horizon, after being only degraded first: an entity that
  // degrades before it goes down.
  Hindcast never(R"([{"id":"d","at":"0s","action":"degraded","select":{"ids":"care"}},
                     {"id":"x","at":"2h","action":"down","select":{"ids":"care"}}])",
                 "[" + claim("care", "down") + "]");
  CHECK(report::run_text(never.results[0], never.run.horizon) ==
        "degraded at 0s, down at 2h, still down at 1d");
}

TEST_CASE("Hindcast.Report.TableHeadlineAndJson") {
  Hindcast h(kOutAndBack, "[" + claim("care", "down", R"(,"first_between":["0s","2h"])") + "," +
                              claim("post", "up") + "," +
                              claim("care", "up", R"(,"known_gap":"no cache modelled")") + "," +
                              claim("mail", "not_down") + "," + claim("mail", "down") + "]");
  const report::Report r = report::build_report(h.model, h.graph, h.scenario, h.run);
  REQUIRE(r.reported.size() == 5);
  const report::ReportedTotals totals = report::reported_totals(r.reported);
  CHECK(totals.claims == 5);
  CHECK(totals.reproduced == 3);
  CHECK(totals.not_reproduced == 1);
  CHECK(totals.known_gaps == 1);
  CHECK(totals.known_gaps_reproduced == 0);

  const render::Document doc = report::report_document(r);
  CHECK(doc.headline.back() ==
        "History: 3 of 5 reported outcomes reproduced; 1 known gap; 1 not reproduced without a "
        "known gap.");
  const render::Table& t = table(doc, "reported");
  CHECK(t.title == "Reported in history vs this run");
  REQUIRE(t.rows.size() == 5);
  CHECK(cell(t, 0, "entity").text == "care");
  CHECK(cell(t, 0, "expected").text == "down, first within [0s, 2h]");
  CHECK(cell(t, 0, "run").text == "down at 1h, back up at 6h30m");
  CHECK(cell(t, 0, "verdict").text == "reproduced");
  CHECK(cell(t, 0, "source").link == "https://example.org/c");
  CHECK(cell(t, 2, "verdict").text == "known gap: still not reproduced");
  CHECK(cell(t, 2, "verdict").value == "known_gap");
  CHECK(cell(t, 4, "verdict").text == "not reproduced");
  CHECK(cell(t, 4, "why_not").text == "degraded at 0s, never down within 1d");
  CHECK(render::render_text(doc).find("REPORTED IN HISTORY VS THIS RUN") != std::string::npos);

  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  REQUIRE(j["reported"].size() == 5);
  const nlohmann::json& first = j["reported"][0];
  CHECK(first["claim"] == "c");
  CHECK(first["entity"] == "care");
  CHECK(first["expect"] == "down");
  CHECK(first["first_between_s"] == nlohmann::json::array({0, 7200}));
  CHECK(first["recovered_between_s"].is_null());
  CHECK(first["run"]["first_down_s"] == 3600);
  CHECK(first["run"]["recovered_s"] == 23400);
  CHECK(first["run"]["state_at_horizon"] == "up");
  CHECK(first["reproduced"] == true);
  CHECK(first["why_not"].is_null());
  CHECK(first["known_gap"].is_null());
  CHECK(first["verdict"] == "reproduced");
  CHECK(first["evidence"]["source"] == "https://example.org/c");
  CHECK(j["reported"][2]["verdict"] == "known_gap");
  CHECK(j["reported"][2]["known_gap"] == "no cache modelled");
  CHECK(j["reported"][4]["why_not"] == "degraded at 0s, never down within 1d");
  CHECK(j["summary"]["reported"] == nlohmann::json({{"claims", 5},
                                                    {"reproduced", 3},
                                                    {"not_reproduced", 1},
                                                    {"known_gaps", 1},
                                                    {"known_gaps_reproduced", 0}}));
}

TEST_CASE("Hindcast.Report.NoneWithoutReportedOutcomes") {
  Hindcast h(kOutAndBack, "[]");
  const report::Report r = report::build_report(h.model, h.graph, h.scenario, h.run);
  const render::Document doc = report::report_document(r);
  for (const std::string& name : block_names(doc)) CHECK(name != "reported");
  CHECK(doc.headline.back().find("History") == std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["reported"] == nlohmann::json::array());
  CHECK(j["summary"]["reported"]["claims"] == 0);
}

}  // namespace msout::testing
