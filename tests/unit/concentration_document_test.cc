// The neutral form of a concentration analysis (sim/analysis/concentration_document.h):
// shares, HHI and ties of a small model, computed by hand.
#include "sim/analysis/concentration_document.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "sim/analysis/concentration.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

std::string function(const std::string& id, const std::string& sector,
                     const std::string& requirements) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function",)" +
         (sector.empty() ? "" : R"("sector":")" + sector + R"(",)") +
         R"("people_served":10,"requires":)" + requirements + "}";
}

// a (US) and b providers. health: h1 needs a, h2 needs a and b; (none): n needs b.
// National: a 2 of 3, b 2 of 3: a tie. health: a 2 of 2 (100%), b 1 of 2;
// HHI = 10000 ((2/3)^2 + (1/3)^2) = 5555.6.
struct Example {
  model::Model model =
      inline_model(R"([{"id":"a","name":"Provider A","kind":"provider","jurisdiction":"US"},)" +
                   provider("b") + "," + function("h1", "health", R"([{"on":"a"}])") + "," +
                   function("h2", "health", R"([{"on":"a"},{"on":"b"}])") + "," +
                   function("n", "", R"([{"on":"b"}])") + "]");
  analysis::ConcentrationInput input;
  analysis::Concentration result;
  render::Document doc;

  Example() {
    input.model = &model;
    const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
    result = analysis::compute_concentration(model, graph, input.options);
    doc = analysis::concentration_document(input, result);
  }
};

}  // namespace

TEST_CASE("Document.Concentration.SectorsAndProvidersByHand") {
  const Example e;
  CHECK(e.doc.kind == "concentration");
  CHECK(e.doc.json_format == "msout-concentration/1");
  CHECK(block_names(e.doc) == std::vector<std::string>{"sectors", "providers"});
  CHECK(e.doc.headline.front() ==
        "Nationally, 2 of the 3 critical functions (67%) depend on each of Provider A and b; HHI "
        "5000.");
  CHECK(contains(e.doc.headline,
                 "Most concentrated sector: health, 100% of its 2 functions "
                 "on Provider A."));

  const render::Table& sectors = table(e.doc, "sectors");
  REQUIRE(sectors.rows.size() == 3);
  CHECK(value(sectors, 0, "sector") == "(all)");
  CHECK(value(sectors, 0, "tie") == "true");
  CHECK(value(sectors, 0, "most_depended_on") == "a b");
  CHECK(value(sectors, 0, "largest_share") == "0.6667");
  CHECK(value(sectors, 1, "sector") == "health");
  CHECK(value(sectors, 1, "functions") == "2");
  CHECK(value(sectors, 1, "people_served") == "10");  // at least: h1 or h2, not both
  CHECK(value(sectors, 1, "largest_share") == "1.0");
  CHECK(text(sectors, 1, "largest_share") == "100%");
  CHECK(value(sectors, 1, "hhi") == "5555.6");
  CHECK(text(sectors, 1, "hhi") == "5556");
  CHECK(text(sectors, 1, "most_depended_on") == "Provider A");
  CHECK(value(sectors, 2, "sector") == "(none)");

  const render::Table& providers = table(e.doc, "providers");
  REQUIRE(providers.rows.size() == 5);  // national 2, health 2, (none) 1
  CHECK(value(providers, 0, "rank") == "1");
  CHECK(value(providers, 1, "rank") == "1");  // tied
  CHECK(value(providers, 2, "sector") == "health");
  CHECK(value(providers, 2, "id") == "a");
  CHECK(value(providers, 2, "jurisdiction") == "US");
  CHECK(value(providers, 2, "functions") == "2");
  CHECK(value(providers, 2, "of") == "2");
  CHECK(value(providers, 2, "share") == "1.0");
  CHECK(value(providers, 3, "rank") == "2");
  CHECK(value(providers, 3, "share") == "0.5");
  CHECK(value(providers, 3, "jurisdiction") == "");
}

}  // namespace msout::testing
