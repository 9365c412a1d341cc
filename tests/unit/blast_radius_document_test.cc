// The neutral form of a blast-radius analysis (sim/analysis/blast_radius_document.h) on the
// small model of blast_radius_test.cc, whose times and people are derived there by hand.
#include "sim/analysis/blast_radius_document.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "sim/analysis/blast_radius.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

std::string function(const std::string& id, const std::string& requirements, int people) {
  return R"({"id":")" + id + R"(","name":"F )" + id + R"(","kind":"function","people_served":)" +
         std::to_string(people) + R"(,"requires":)" + requirements + "}";
}

// p, q providers; s needs p (tolerance 2h). f1 (1000) needs s: down at 2h after p; f2 (500)
// is only degraded by p, after 30m; f3 (200) needs any{s, q} (switchover 1h): down from 2h
// for the switchover. So p takes f1 and f3 down (at least 1,000 people: the wider of the
// two, never their sum) and degrades f2; q hits nothing.
struct Example {
  model::Model model = inline_model(
      "[" + provider("p") + "," + provider("q") + "," +
      entity("s", R"([{"on":"p","tolerance":"2h"}])") + "," +
      function("f1", R"([{"on":"s"}])", 1000) + "," +
      function("f2", R"([{"on":"p","effect":"degraded","tolerance":"30m"}])", 500) + "," +
      function("f3", R"([{"any":[{"on":"s"},{"on":"q"}],"switchover":"1h"}])", 200) + "]");
  model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  analysis::BlastRadiusReport report;
  render::Document doc;

  Example() {
    report.names = model;
    report.kind = "provider";
    report.horizon = 24 * kHour;
    report.entities = graph.node_count();
    report.dependencies = graph.edge_count();
    const std::vector<std::uint32_t> entities{*model.find("p"), *model.find("q")};
    report.analysed = entities.size();
    report.ranked = analysis::blast_radius(model, graph, entities, report.horizon, 1);
    analysis::rank(report.ranked, model);
    doc = analysis::blast_radius_document(report);
  }
};

}  // namespace

TEST_CASE("Document.BlastRadius.RankingAndHitsByHand") {
  const Example e;
  CHECK(e.doc.kind == "blast-radius");
  CHECK(e.doc.json_format == "msout-blast-radius/1");
  CHECK(block_names(e.doc) == std::vector<std::string>{"ranking", "hits"});
  CHECK(e.doc.headline.front() ==
        "Worst single outage: p (p) takes 2 critical functions down (at least 1,000 people) and "
        "degrades 1 more.");
  CHECK(contains(e.doc.context, "2 providers, each down alone from 0s to 1d"));

  const render::Table& ranking = table(e.doc, "ranking");
  REQUIRE(ranking.rows.size() == 2);
  CHECK(value(ranking, 0, "rank") == "1");
  CHECK(value(ranking, 0, "id") == "p");
  CHECK(value(ranking, 0, "kind") == "provider");
  CHECK(value(ranking, 0, "functions_down") == "2");
  CHECK(value(ranking, 0, "functions_degraded") == "1");
  CHECK(value(ranking, 0, "people_down") == "1000");
  CHECK(text(ranking, 0, "people_down") == "1,000");
  CHECK(value(ranking, 0, "people_degraded") == "500");
  CHECK(value(ranking, 1, "id") == "q");
  CHECK(value(ranking, 1, "functions_down") == "0");

  const render::Table& hits = table(e.doc, "hits");
  REQUIRE(hits.rows.size() == 3);  // q hits nothing
  CHECK(value(hits, 0, "outage_id") == "p");
  CHECK(value(hits, 0, "function_id") == "f1");
  CHECK(value(hits, 0, "function_name") == "F f1");
  CHECK(value(hits, 0, "first_down_s") == "7200");
  CHECK(value(hits, 0, "time_down_s") == std::to_string(22 * kHour));
  CHECK(value(hits, 0, "people_hours_down") == "22000.0");
  CHECK(value(hits, 0, "state_at_horizon") == "down");
  const std::size_t f2 = row_of(hits, "function_id", "f2");
  CHECK(value(hits, f2, "first_degraded_s") == "1800");
  CHECK(value(hits, f2, "first_down_s") == "");
  CHECK(text(hits, f2, "first_down_s") == "-");
}

}  // namespace msout::testing
