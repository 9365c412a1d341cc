// The neutral form of a cut-set analysis (sim/analysis/cut_sets_document.h): its tables, and
// the dependency tree drawn for --format dot, finite on a cyclic model, with its gates and
// hedged links.
#include "sim/analysis/cut_sets_document.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "sim/analysis/cut_sets.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

// f needs x, and any of {a, b} (a's link presumed), and 2 of {a, b, c}. x and y need each
// other (a cycle, as Azure and Entra ID); c needs x after 4h. By hand, under permanent
// outages: x takes y down and y takes x down, and x takes c down: x and y are single points
// of failure; {a, b} is a pair (the any group and the 2 of 3); {a, c} and {b, c} are pairs
// of the 2 of 3.
struct Example {
  model::Model model =
      inline_model("[" + provider("a") + "," + provider("b") + "," +
                   entity("c", R"([{"on":"x","tolerance":"4h","layer":"saas"}])") + "," +
                   entity("x", R"([{"on":"y"}])") + "," + entity("y", R"([{"on":"x"}])") + "," +
                   entity("f",
                          R"([{"on":"x"},
                 {"any":[{"on":"a","evidence":{"source":"s","confidence":"presumed"}},
                         {"on":"b","evidence":{"source":"s","confidence":"confirmed"}}]},
                 {"k":2,"of":[{"on":"a"},{"on":"b"},{"on":"c"}]}])",
                          "function") +
                   "]");
  model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  analysis::CutSetsReport report;

  explicit Example(bool draw) {
    report.model = &model;
    report.candidates = "all";
    std::vector<std::uint32_t> candidates;
    for (const char* id : {"a", "b", "c", "x", "y"}) candidates.push_back(*model.find(id));
    report.candidate_count = candidates.size();
    const std::uint32_t f = *model.find("f");
    report.functions = analysis::find_cut_sets(graph, std::span(&f, 1), candidates);
    if (draw) report.graph = &graph;
  }
};

const render::GraphNode* node(const render::Graph& g, const std::string& id) {
  for (const render::GraphNode& n : g.nodes) {
    if (n.id == id) return &n;
  }
  return nullptr;
}

const render::GraphEdge* edge(const render::Graph& g, const std::string& from,
                              const std::string& to) {
  for (const render::GraphEdge& e : g.edges) {
    if (e.from == from && e.to == to) return &e;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("Document.CutSets.TablesByHand") {
  const Example e(false);
  const render::Document doc = analysis::cut_sets_document(e.report);
  CHECK(doc.kind == "cut-sets");
  CHECK(doc.json_format == "msout-cut-sets/1");
  CHECK(block_names(doc) == std::vector<std::string>{"functions", "cut-sets"});
  CHECK(!doc.graph);  // only with --function
  CHECK(doc.headline.front() == "f: 2 single points of failure (x, y) and 3 pairs of outages.");

  const render::Table& functions = table(doc, "functions");
  REQUIRE(functions.rows.size() == 1);
  CHECK(value(functions, 0, "single_points") == "2");
  CHECK(value(functions, 0, "pairs") == "3");
  CHECK(value(functions, 0, "degrading") == "0");

  const render::Table& sets = table(doc, "cut-sets");
  REQUIRE(sets.rows.size() == 5);
  CHECK(value(sets, 0, "type") == "single");
  CHECK(value(sets, 0, "first_id") == "x");
  CHECK(value(sets, 0, "second_id") == "");
  CHECK(value(sets, 1, "first_id") == "y");
  CHECK(value(sets, 2, "type") == "pair");
  CHECK(value(sets, 2, "first_id") == "a");
  CHECK(value(sets, 2, "second_id") == "b");
  CHECK(value(sets, 4, "first_id") == "b");
  CHECK(value(sets, 4, "second_id") == "c");
}

TEST_CASE("Document.CutSets.GraphIsTheDependencyTreeWithGatesFiniteOnCycles") {
  const Example e(true);
  const render::Document doc = analysis::cut_sets_document(e.report);
  REQUIRE(doc.graph);
  const render::Graph& g = *doc.graph;
  // Each entity once, plus one gate per group of several members.
  std::set<std::string> ids;
  for (const render::GraphNode& n : g.nodes) CHECK(ids.insert(n.id).second);
  CHECK(ids == std::set<std::string>{"f", "x", "y", "a", "b", "c", "f#2", "f#3"});
  REQUIRE(node(g, "f#2") != nullptr);
  CHECK(node(g, "f#2")->gate);
  CHECK(node(g, "f#2")->label == "any of 2");
  CHECK(!node(g, "f#2")->state);
  CHECK(node(g, "f#3")->label == "2 of 3");
  CHECK(!node(g, "x")->gate);
  CHECK(node(g, "x")->detail == "single point of failure");
  CHECK(node(g, "c")->detail == "in pairs with a, b");
  CHECK(node(g, "a")->detail == "in pairs with b, c");
  CHECK(node(g, "f")->detail == "critical function");
  // Edges from the dependent to what it needs, through the gates; the cycle closes on x.
  CHECK(edge(g, "f", "x") != nullptr);
  CHECK(edge(g, "f", "f#2") != nullptr);
  CHECK(edge(g, "f#3", "c") != nullptr);
  CHECK(edge(g, "x", "y") != nullptr);
  CHECK(edge(g, "y", "x") != nullptr);
  CHECK(g.edges.size() == 11);
  // Hedged: the presumed link to a and the link without evidence, not the confirmed one.
  CHECK(edge(g, "f#2", "a")->hedged);
  CHECK(!edge(g, "f#2", "b")->hedged);
  CHECK(edge(g, "f", "x")->hedged);
  CHECK(edge(g, "c", "x")->label == "saas, after 4h");
}

}  // namespace msout::testing
