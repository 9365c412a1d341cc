// The neutral form of a comparison (sim/report/comparison_document.h) on a small model with
// hand-computed outcomes: its tables, both timelines and the headline against the
// comparison it describes.
#include "sim/report/comparison_document.h"

#include <string>

#include <doctest/doctest.h>

#include "sim/report/comparison.h"
#include "sim/report/report.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

std::string function(const std::string& id, const std::string& requirements, int people) {
  return R"({"id":")" + id + R"(","name":"Function )" + id +
         R"(","kind":"function","people_served":)" + std::to_string(people) + R"(,"requires":)" +
         requirements + "}";
}

// `cloud` is down from 0h to 10h, horizon 1d. Baseline → what-if:
//   later    1000 people  tolerance 1h: down 1h-10h → tolerance 3h: down 3h-10h
//   works       3 people  on local: never fails in either
//   removed     5 people  down 0h-10h → not in the what-if
//   added       2 people  not in the baseline → tolerance 1h: down 1h-10h
struct Example {
  Sim baseline{"[" + provider("cloud") + "," + provider("local") + "," +
                   function("later", R"([{"on":"cloud","tolerance":"1h"}])", 1000) + "," +
                   function("works", R"([{"on":"local"}])", 3) + "," +
                   function("removed", R"([{"on":"cloud"}])", 5) + "]",
               levers(), "1d"};
  Sim whatif{"[" + provider("cloud") + "," + provider("local") + "," +
                 function("later", R"([{"on":"cloud","tolerance":"3h"}])", 1000) + "," +
                 function("works", R"([{"on":"local"}])", 3) + "," +
                 function("added", R"([{"on":"cloud","tolerance":"1h"}])", 2) + "]",
             levers(), "1d"};
  report::Report baseline_report =
      report::build_report(baseline.model, baseline.graph, baseline.scenario, baseline.run);
  report::Report whatif_report =
      report::build_report(whatif.model, whatif.graph, whatif.scenario, whatif.run);
  report::Comparison comparison = report::compare_reports(baseline_report, whatif_report);
  render::Document doc = report::comparison_document(comparison);

  static std::string levers() {
    return "[" + lever("out", "0h", "down", R"(["cloud"])") + "," +
           lever("back", "10h", "restore", R"(["cloud"])") + "]";
  }
};

const Example& example() {
  static const Example instance;
  return instance;
}

}  // namespace

TEST_CASE("Document.Compare.KindAndBlocksInReadingOrder") {
  const render::Document& doc = example().doc;
  CHECK(doc.kind == "compare");
  CHECK(doc.json_format == "msout-compare/1");
  CHECK(block_names(doc) ==
        std::vector<std::string>{"functions", "baseline", "whatif", "why", "totals"});
  CHECK(!doc.graph);
  CHECK(doc.headline.front() ==
        "Baseline: 2 of 3 functions fail (2 go down); what-if: 2 of 3 (2 go down).");
  CHECK(contains(doc.headline,
                 "1 improved, 0 worsened, 0 mixed, 1 unchanged, 1 only in the "
                 "baseline, 1 only in the what-if."));
  CHECK(contains(doc.headline, "Better: Function later (down 2h later)."));
  CHECK(contains(doc.headline, "People-hours down (at least): 9,000 \u2192 7,000 (-2,000)."));
}

TEST_CASE("Document.Compare.FunctionsTableHasEveryFunctionInTheComparisonsOrder") {
  const Example& e = example();
  const render::Table& t = table(e.doc, "functions");
  REQUIRE(t.rows.size() == e.comparison.functions.size());
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    CHECK(value(t, i, "id") == e.comparison.functions[i].id);
  }
  const std::size_t later = row_of(t, "id", "later");
  CHECK(value(t, later, "name") == "Function later");
  CHECK(value(t, later, "direction") == "improved");
  CHECK(value(t, later, "change") == "fails_later");
  CHECK(text(t, later, "change") == "down 2h later");
  CHECK(value(t, later, "level") == "down");
  CHECK(value(t, later, "by_s") == "7200");
  CHECK(text(t, later, "by_s") == "2h");
  CHECK(value(t, later, "people_served") == "1000");
  CHECK(value(t, later, "baseline_first_down_s") == "3600");
  CHECK(value(t, later, "whatif_first_down_s") == "10800");
  CHECK(value(t, later, "baseline_time_down_s") == "32400");
  CHECK(value(t, later, "whatif_time_down_s") == "25200");
  CHECK(value(t, later, "baseline_people_hours_down") == "9000.0");
  CHECK(value(t, later, "delta_people_hours_down") == "-2000.0");
  CHECK(text(t, later, "delta_people_hours_down") == "-2,000");
  const std::size_t works = row_of(t, "id", "works");
  CHECK(value(t, works, "level") == "");
  CHECK(text(t, works, "change") == "works in both");
  CHECK(value(t, works, "baseline_first_down_s") == "");
  CHECK(text(t, works, "baseline_first_down_s") == "never");
  const std::size_t removed = row_of(t, "id", "removed");
  CHECK(value(t, removed, "baseline_first_down_s") == "0");
  CHECK(value(t, removed, "whatif_first_down_s") == "");
  CHECK(value(t, removed, "delta_people_hours_down") == "");
}

TEST_CASE("Document.Compare.TimelinesHaveTheSameRowsWithEachRunsStates") {
  const Example& e = example();
  const auto& b = block<render::Timeline>(e.doc, "baseline");
  const auto& w = block<render::Timeline>(e.doc, "whatif");
  CHECK(b.horizon == 24 * kHour);
  REQUIRE(b.rows.size() == e.comparison.functions.size());
  REQUIRE(w.rows.size() == b.rows.size());
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    CHECK(b.rows[i].id == e.comparison.functions[i].id);
    CHECK(w.rows[i].id == b.rows[i].id);
  }
  REQUIRE(b.marks.size() == 2);
  CHECK(b.marks[1].at == 10 * kHour);
  CHECK(b.marks[1].label == "\"back\" (restore)");
  for (std::size_t i = 0; i < b.rows.size(); ++i) {
    if (b.rows[i].id == "later") {
      REQUIRE(b.rows[i].spans.size() == 3);
      CHECK(b.rows[i].spans[1].from == 1 * kHour);
      CHECK(b.rows[i].spans[1].to == 10 * kHour);
      CHECK(b.rows[i].spans[1].state == render::State::kDown);
      CHECK(w.rows[i].spans[1].from == 3 * kHour);
      CHECK(b.rows[i].spans.back().to == 24 * kHour);
    }
    if (b.rows[i].id == "added") {
      CHECK(b.rows[i].spans.empty());
      CHECK(b.rows[i].note == "not in the baseline model");
      CHECK(!w.rows[i].spans.empty());
    }
  }
}

TEST_CASE("Document.Compare.WhyAndTotals") {
  const Example& e = example();
  const render::Table& why = table(e.doc, "why");
  // The changed functions with a cause: later, removed, added (not works: unchanged).
  CHECK(why.rows.size() == 3);
  const std::size_t removed = row_of(why, "id", "removed");
  CHECK(text(why, removed, "whatif_cause") == "not in this model");
  CHECK(text(why, removed, "baseline_cause").find("cloud") != std::string::npos);

  const render::Table& totals = table(e.doc, "totals");
  REQUIRE(totals.rows.size() == 5);
  CHECK(value(totals, 0, "totals") == "baseline");
  CHECK(value(totals, 0, "functions") == "2");
  CHECK(value(totals, 0, "time_down_s") == "32400");
  CHECK(value(totals, 1, "time_down_s") == "25200");
  CHECK(value(totals, 2, "totals") == "delta");
  CHECK(value(totals, 2, "time_down_s") == "-7200");
  CHECK(text(totals, 2, "time_down_s") == "-2h");
  CHECK(value(totals, 2, "people_hours_down") == "-2000.0");
  CHECK(value(totals, 3, "totals") == "only_in_baseline");
  CHECK(value(totals, 3, "functions") == "1");
  CHECK(value(totals, 3, "people_hours_down") == "50.0");
  CHECK(value(totals, 4, "people_hours_down") == "18.0");
}

}  // namespace msout::testing
