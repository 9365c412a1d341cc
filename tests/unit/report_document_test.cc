// The document of a run (sim/report/report_document.h): what every format but JSON shows,
// checked against the report it is built from, on hand-checked examples.
#include "sim/report/report_document.h"

#include <string>

#include <doctest/doctest.h>

#include "sim/render/document.h"
#include "sim/report/report.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

std::string function(const std::string& id, const std::string& requirements, int people) {
  return R"({"id":")" + id + R"(","name":"Function )" + id +
         R"(","kind":"function","people_served":)" + std::to_string(people) + R"(,"requires":)" +
         requirements + "}";
}

template <typename T>
const T& block(const render::Document& doc, const std::string& name) {
  for (const render::Block& b : doc.blocks) {
    if (const T* t = std::get_if<T>(&b.content); t != nullptr && t->name == name) return *t;
  }
  FAIL("no block " << name);
  throw std::logic_error("unreachable");
}

// a down 1h-3h. f needs a (recovery 30m): down 1h-3h30; g needs a (tolerance 1h, only
// degrades): degraded 2h-3h; h needs nothing.
Sim example() {
  return Sim("[" + provider("a") + "," + function("f", R"([{"on":"a","recovery":"30m"}])", 1000) +
                 "," + function("g", R"([{"on":"a","tolerance":"1h","effect":"degraded"}])", 500) +
                 "," + function("h", "[]", 10) + "]",
             "[" + lever("la", "1h", "down", R"(["a"])") + "," +
                 lever("ra", "3h", "restore", R"(["a"])") + "]",
             "6h");
}

}  // namespace

TEST_CASE("ReportDocument.Run.HeadlineTablesTimelineAndGraph") {
  Sim sim = example();
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const render::Document doc = report::report_document(r);
  CHECK(doc.kind == "run");
  CHECK(doc.json_format == "msout-report/1");
  REQUIRE(doc.headline.size() >= 3);
  CHECK(doc.headline[0] ==
        "2 of 3 critical functions fail within 6h: 1 goes down, 1 is only degraded.");
  CHECK(doc.headline[1] == "First: Function f [f], down at 1h.");

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
  Sim sim("[" + provider("a") + "," + function("f1", R"([{"on":"a"}])", 1000) + "," +
              function("f2", R"([{"on":"a"}])", 700) + "]",
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
  Sim sim = example();
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
