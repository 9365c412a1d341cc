// The neutral form of a jurisdiction-exposure analysis (sim/analysis/exposure_document.h):
// the rows and routes of a small model, derived by hand from docs/analyses.md.
#include "sim/analysis/exposure_document.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "sim/analysis/exposure.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/document_support.h"

namespace msout::testing {
namespace {

// o (NL) uses app (a Dutch SaaS) which runs on cloud (US, infra): cloud holds o's data at
// level reduced, via app. o2 uses nothing.
struct Example {
  model::Model model = inline_model(
      R"([{"id":"cloud","name":"US Cloud","kind":"provider","jurisdiction":"US"},
          {"id":"app","name":"App","kind":"service","jurisdiction":"NL",
           "requires":[{"on":"cloud","layer":"infra"}]},
          {"id":"o","name":"Org","kind":"organisation","jurisdiction":"NL",
           "requires":[{"on":"app","layer":"saas"}]},
          {"id":"o2","name":"Other","kind":"organisation"}])");
  model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  analysis::ExposureInput input;
  analysis::Exposure result;
  render::Document doc;

  Example() {
    input.model = &model;
    input.graph = &graph;
    result = analysis::compute_exposure(model, graph, input.options);
    doc = analysis::exposure_document(input, result);
  }
};

}  // namespace

TEST_CASE("Document.Exposure.RowsAndOrganisationsByHand") {
  const Example e;
  CHECK(e.doc.kind == "exposure");
  CHECK(e.doc.json_format == "msout-exposure/1");
  CHECK(block_names(e.doc) == std::vector<std::string>{"exposures", "organisations"});
  CHECK(e.doc.headline.front() ==
        "1 of 2 organisations have data that foreign law can reach; 0 of them in the clear (a "
        "foreign SaaS).");

  const render::Table& rows = table(e.doc, "exposures");
  REQUIRE(rows.rows.size() == 1);
  CHECK(value(rows, 0, "organisation_id") == "o");
  CHECK(value(rows, 0, "holds") == "data");
  CHECK(value(rows, 0, "level") == "reduced");
  CHECK(value(rows, 0, "jurisdiction") == "US");
  CHECK(value(rows, 0, "entity_id") == "cloud");
  CHECK(value(rows, 0, "entity_name") == "US Cloud");
  CHECK(value(rows, 0, "entity_kind") == "provider");
  CHECK(value(rows, 0, "via_id") == "app");
  CHECK(value(rows, 0, "path") == "o \u2192 app (saas) \u2192 cloud (infra)");

  const render::Table& organisations = table(e.doc, "organisations");
  REQUIRE(organisations.rows.size() == 2);
  CHECK(value(organisations, 0, "foreign_entities") == "1");
  CHECK(value(organisations, 0, "routes") == "1");
  CHECK(value(organisations, 1, "id") == "o2");
  CHECK(value(organisations, 1, "foreign_entities") == "0");
  CHECK(value(organisations, 1, "jurisdiction") == "");
}

}  // namespace msout::testing
