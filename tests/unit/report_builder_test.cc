// The report built from a run: times, timelines, people, ordering, summary, cause text,
// and the JSON, the document (sim/report/report_document.h) and the table renderings. Expectations
// computed by hand from docs/semantics.md.
#include <stdexcept>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/saturating_sum.h"
#include "sim/render/text_renderer.h"
#include "sim/report/cause_text.h"
#include "sim/report/document_parts.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"
#include "sim/report/text_table.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

template <typename T>
const T& block(const render::Document& doc, const std::string& name) {
  for (const render::Block& b : doc.blocks) {
    if (const T* t = std::get_if<T>(&b.content); t != nullptr && t->name == name) return *t;
  }
  FAIL("no block " << name);
  throw std::logic_error("unreachable");
}

// The terminal table of a run, as `msout run` prints it.
std::string table_text(const report::Report& r) {
  return render::render_text(report::report_document(r));
}

}  // namespace

TEST_CASE("Report.Functions.TimesTimelinesAndPeople") {
  Sim sim = report_example();
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.functions.size() == 3);
  // Ordered by first down, then first degraded, then id.
  const report::FunctionOutcome& f = r.functions[0];
  const report::FunctionOutcome& g = r.functions[1];
  const report::FunctionOutcome& h = r.functions[2];
  CHECK(sim.model.entities[f.entity].id == "f");
  CHECK(sim.model.entities[g.entity].id == "g");
  CHECK(sim.model.entities[h.entity].id == "h");

  CHECK(f.first_degraded == 1 * kHour);
  CHECK(f.first_down == 1 * kHour);
  CHECK(f.time_down == 2 * kHour + 30 * kMinute);
  CHECK(f.people_hours_down == doctest::Approx(2500.0));
  REQUIRE(f.timeline.size() == 3);
  CHECK(f.timeline[1].from == 1 * kHour);
  CHECK(f.timeline[1].to == 3 * kHour + 30 * kMinute);
  CHECK(f.timeline[1].state == State::kDown);
  CHECK(f.timeline[2].to == 6 * kHour);
  CHECK(f.final_state == State::kUp);

  CHECK(g.first_degraded == 2 * kHour);
  CHECK_FALSE(g.first_down.has_value());
  CHECK(g.time_degraded == 1 * kHour);
  CHECK(g.time_down == 0);

  CHECK_FALSE(h.first_degraded.has_value());
  CHECK_FALSE(h.cause.has_value());
  REQUIRE(h.timeline.size() == 1);
  CHECK(h.timeline[0].to == 6 * kHour);
}

TEST_CASE("Report.Summary.FunctionsDownOverTime") {
  Sim sim = report_example();
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.over_time.size() == 5);
  auto point = [&](std::size_t i) {
    const report::SummaryPoint& p = r.over_time[i];
    return std::make_tuple(p.time, p.down, p.degraded, p.people_down, p.people_degraded);
  };
  CHECK(point(0) == std::make_tuple(std::int64_t{0}, 0u, 0u, std::uint64_t{0}, std::uint64_t{0}));
  CHECK(point(1) == std::make_tuple(1 * kHour, 1u, 0u, std::uint64_t{1000}, std::uint64_t{0}));
  CHECK(point(2) == std::make_tuple(2 * kHour, 1u, 1u, std::uint64_t{1000}, std::uint64_t{500}));
  CHECK(point(3) == std::make_tuple(3 * kHour, 1u, 0u, std::uint64_t{1000}, std::uint64_t{0}));
  CHECK(point(4) ==
        std::make_tuple(3 * kHour + 30 * kMinute, 0u, 0u, std::uint64_t{0}, std::uint64_t{0}));
}

TEST_CASE("Report.Timeline.ChangesWithinOneInstantCollapse") {
  // Back exactly at the tolerance deadline: down and up again within 3h.
  Sim sim("[" + provider("a") + "," + function_serving("f", R"([{"on":"a","tolerance":"2h"}])", 1) +
              "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "3h", "restore", R"(["a"])") + "]",
          "4h");
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::FunctionOutcome& f = r.functions.at(0);
  CHECK(f.first_down == 3 * kHour);
  CHECK(f.time_down == 0);
  REQUIRE(f.timeline.size() == 1);
  CHECK(f.timeline[0].state == State::kUp);
}

TEST_CASE("Report.CauseText.ReadsBackToTheLever") {
  Sim sim = report_example();
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.functions[0].cause.has_value());
  CHECK(report::cause_text(r, *r.functions[0].cause) == "f \u2190 a \u2190 lever \"la\" at 1h");
}

TEST_CASE("Report.Json.VersionedCompleteAndStable") {
  Sim sim = report_example();
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const std::string text = report::json_report(r);
  CHECK(text == report::json_report(r));
  const nlohmann::json j = nlohmann::json::parse(text);
  CHECK(j["format"] == "msout-report/1");
  CHECK(j["horizon_s"] == 6 * kHour);
  REQUIRE(j["functions"].size() == 3);
  const nlohmann::json& f = j["functions"][0];
  CHECK(f["id"] == "f");
  CHECK(f["first_down_s"] == kHour);
  CHECK(f["time_down_s"] == 2 * kHour + 30 * kMinute);
  CHECK(f["state_at_horizon"] == "up");
  CHECK(f["cause"]["lever"]["id"] == "la");
  CHECK(f["cause"]["chain"].size() == 2);
  CHECK(f["cause"]["chain"][0]["via"]["on"] == "a");  // the link f -> a, with its evidence
  CHECK(f["cause"]["chain"][0]["via"]["evidence"]["confidence"] == "unstated");
  CHECK_FALSE(f["cause"]["chain"][1].contains("via"));  // a: imposed by the lever
  CHECK(j["functions"][2]["first_degraded_s"].is_null());
  CHECK(j["summary"]["failed"] == 2);
  CHECK(j["summary"]["still_working"] == nlohmann::json::array({"h"}));
  CHECK(j["summary"]["over_time"].size() == 5);
  CHECK(j["black_start"]["cycles"].empty());
}

TEST_CASE("Report.Evidence.EachLinkOfTheChainNamesItsSource") {
  Sim sim("[" + provider("a") + "," +
              R"({"id":"f","name":"f","kind":"function","requires":[{"on":"a",
                 "evidence":{"source":"https://example.org/a","confidence":"reported"}}]}])",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.functions.at(0).cause.has_value());
  // The document's chain carries the link's evidence; the terminal names it by ids.
  const render::Chain chain = report::chain_of(r, r.functions[0]);
  REQUIRE(chain.steps.at(0).evidence.has_value());
  CHECK(chain.steps[0].evidence->source == "https://example.org/a");
  CHECK(chain.steps[0].evidence->confidence == "reported");
  CHECK(chain.steps[0].evidence->hedged);
  CHECK(table_text(r).find("evidence: f \u2192 a: reported, https://example.org/a\n") !=
        std::string::npos);
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["functions"][0]["cause"]["chain"][0]["via"]["evidence"]["source"] ==
        "https://example.org/a");
}

TEST_CASE("Report.Table.Sections") {
  Sim sim = report_example();
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const std::string text = table_text(r);
  CHECK(text.find("CRITICAL FUNCTIONS THAT FAIL (2 of 3)") != std::string::npos);
  CHECK(text.find("why:      f \u2190 a \u2190 lever \"la\" at 1h") != std::string::npos);
  CHECK(text.find("STILL WORKING THROUGHOUT (1)") != std::string::npos);
  CHECK(text.find("CRITICAL FUNCTIONS DOWN OVER TIME, AND DEGRADED") != std::string::npos);
  CHECK(text.find("BLACK START") == std::string::npos);
}

TEST_CASE("Report.BlackStart.FlaggedOnFunctions") {
  Sim sim("[" + entity("a", R"([{"on":"b"}])") + "," + entity("b", R"([{"on":"a"}])") + "," +
              function_serving("f", R"([{"on":"a"}])", 7) + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "]",
          "1d");
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  CHECK(r.functions.at(0).black_start_blocked);
  const std::string text = table_text(r);
  CHECK(text.find("cycle: a \u2194 b") != std::string::npos);
  CHECK(text.find("waiting on them: f") != std::string::npos);
}

}  // namespace msout::testing

namespace msout::testing {

TEST_CASE("Report.Organisations.AffectedWithTheirCount") {
  Sim sim("[" + provider("a") +
              R"(,{"id":"towns","name":"towns","kind":"organisation","count":342,
                 "requires":[{"on":"a","tolerance":"4h"}]},
                 {"id":"spared","name":"spared","kind":"organisation"}])",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.organisations.size() == 1);  // only the affected one
  CHECK(r.organisations[0].count == 342);
  CHECK(r.organisations[0].first_degraded == 5 * kHour);
  CHECK(r.organisations[0].first_down == 5 * kHour);
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["organisations_affected"][0]["id"] == "towns");
  CHECK(j["organisations_affected"][0]["count"] == 342);
  CHECK(table_text(r).find("ORGANISATIONS AFFECTED (1 entry, 342 organisations)") !=
        std::string::npos);
}

}  // namespace msout::testing

namespace msout::testing {

TEST_CASE("Report.Organisations.EntryWithoutCountIsNotCountedAsOne") {
  Sim sim("[" + provider("a") +
              R"(,{"id":"towns","name":"towns","kind":"organisation","count":342,
                 "requires":[{"on":"a"}]},
                 {"id":"practices","name":"GP practices","kind":"organisation",
                 "requires":[{"on":"a"}]}])",
          "[" + lever("la", "0s", "down", R"(["a"])") + "]", "1d");
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(r.organisations.size() == 2);
  const report::OrganisationTotals totals = report::organisation_totals(r.organisations);
  CHECK(totals.entries == 2);
  CHECK(totals.counted == 342);
  CHECK(totals.without_count == 1);
  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  CHECK(j["organisations_affected"][0]["count"].is_null());  // practices (by id)
  CHECK(j["organisations_affected"][1]["count"] == 342);
  CHECK(j["summary"]["organisations_affected"]["counted"] == 342);
  CHECK(j["summary"]["organisations_affected"]["entries_without_count"] == 1);
  const std::string table = table_text(r);
  CHECK(table.find("(2 entries: 342 organisations in the 1 with a count, 1 without a count in "
                   "the model)") != std::string::npos);
  CHECK(table.find("not given") != std::string::npos);
}

TEST_CASE("Report.People.NeverSummedEvenNearTheLimit") {
  Sim sim("[" + provider("a") + "," + entity("f1", R"([{"on":"a"}])", "function") + "," +
              entity("f2", R"([{"on":"a"}])", "function") + "]",
          "[" + lever("la", "0s", "down", R"(["a"])") + "]", "1d");
  // Set after loading (the loader bounds people_served): people are never added up over
  // functions, so no sum can saturate or wrap; the widest function's figure stands.
  sim.model.entities[sim.index("f1")].people_served = model::kSaturatedSum - 1;
  sim.model.entities[sim.index("f2")].people_served = 2;
  report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  REQUIRE(!r.over_time.empty());
  CHECK(r.over_time.back().people_down == model::kSaturatedSum - 1);
  const std::string table = table_text(r);
  CHECK(table.find("18,446,744,073,709,551,614") != std::string::npos);
  CHECK(table.find("18,446,744,073,709,551,615") == std::string::npos);
}

TEST_CASE("TextTable.Totals.SaturatedSumAndHugePeopleHours") {
  CHECK(model::saturating_add(model::kSaturatedSum - 1, 1) == model::kSaturatedSum);
  CHECK(model::saturating_add(model::kSaturatedSum, model::kSaturatedSum) == model::kSaturatedSum);
  CHECK(model::saturating_add(40, 2) == 42);
  CHECK(report::total_text(1234) == "1,234");
  CHECK(report::total_text(model::kSaturatedSum) == "at least 18,446,744,073,709,551,615");
  CHECK(report::people_hours_text(1e30) == "at least 18,446,744,073,709,551,615");
  CHECK(report::people_hours_text(1e19) == "10,000,000,000,000,000,000");
  CHECK(report::people_hours_text(2.5) == "3");
}

}  // namespace msout::testing

namespace msout::testing {

TEST_CASE("ReportDocument.Run.HeadlineTablesTimelineAndGraph") {
  Sim sim = report_example();
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const render::Document doc = report::report_document(r);
  CHECK(doc.kind == "run");
  CHECK(doc.json_format == "msout-report/1");
  REQUIRE(doc.headline.size() >= 3);
  CHECK(doc.headline[0] ==
        "2 of 3 critical functions fail within 6h: 1 goes down, 1 is only degraded.");
  CHECK(doc.headline[1] == "First: f [f], down at 1h.");

  const auto& functions = block<render::Table>(doc, "functions");
  REQUIRE(functions.rows.size() == 3);  // every function, failing first
  CHECK(functions.rows[0][0].value == "f");
  CHECK(functions.rows[0][3].value == "3600");  // first degraded
  CHECK(functions.rows[0][4].value == "3600");  // first down
  CHECK(functions.rows[0][5].value == "9000");  // down 2h30
  CHECK(functions.rows[1][4].value == "");      // g never down
  CHECK(functions.rows[1][6].value == "3600");  // g degraded 2h-3h
  CHECK(functions.rows[2][0].value == "h");
  CHECK(functions.terminal_rows == 2);  // the failing ones (top 10)

  const auto& timeline = block<render::Timeline>(doc, "functions");
  REQUIRE(timeline.rows.size() == 3);
  CHECK(timeline.rows[0].id == "f");
  REQUIRE(timeline.rows[0].spans.size() == 3);
  CHECK(timeline.rows[0].spans[1].from == 3600);
  CHECK(timeline.rows[0].spans[1].to == 12600);
  CHECK(timeline.rows[0].spans[1].state == render::State::kDown);
  REQUIRE(timeline.marks.size() == 2);
  CHECK(timeline.marks[0].at == 3600);
  CHECK(timeline.marks[1].at == 10800);

  // The graph: f and g and what their chains pass through (a), each once; f→a and g→a.
  REQUIRE(doc.graph.has_value());
  REQUIRE(doc.graph->nodes.size() == 3);
  CHECK(doc.graph->nodes[0].id == "f");
  CHECK(doc.graph->nodes[0].state == render::State::kDown);
  CHECK(doc.graph->nodes[0].detail == "from 1h");
  REQUIRE(doc.graph->edges.size() == 2);
  CHECK(doc.graph->edges[0].from == "f");
  CHECK(doc.graph->edges[0].to == "a");
}

TEST_CASE("ReportDocument.People.AtLeastTheWidestFunctionNeverTheSum") {
  // Both functions down from 1h: 1000 and 700 people. A person may use both, so the people
  // who lose a function are at least 1000 — not 1700.
  Sim sim("[" + provider("a") + "," + function_serving("f1", R"([{"on":"a"}])", 1000) + "," +
              function_serving("f2", R"([{"on":"a"}])", 700) + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const render::Document doc = report::report_document(r);
  const auto& people = block<render::Chart>(doc, "people-over-time");
  REQUIRE(people.series.size() == 2);
  const render::Series& down = people.series[0];
  REQUIRE(down.points.size() == 2);
  CHECK(down.points[0].at == 0);
  CHECK(down.points[0].value == 0);
  CHECK(down.points[1].at == 3600);
  CHECK(down.points[1].value == 1000);
  CHECK(doc.headline[2].rfind("At least 1,000 people lose a critical function", 0) == 0);
}

TEST_CASE("ReportDocument.Top.LimitsTheTerminalOnly") {
  Sim sim = report_example();
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  report::ReportDocumentOptions options;
  options.top = 1;
  const render::Document doc = report::report_document(r, options);
  const auto& functions = block<render::Table>(doc, "functions");
  CHECK(functions.rows.size() == 3);
  CHECK(functions.terminal_rows == 1);
  CHECK(functions.terminal_more.find("1 more failing functions") != std::string::npos);
  CHECK(block<render::Chains>(doc, "why").chains.size() == 2);
  CHECK(block<render::Chains>(doc, "why").terminal_chains == 1);
}

}  // namespace msout::testing
