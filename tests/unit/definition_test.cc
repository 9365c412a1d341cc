// Confidence "definition": the model's definition of a function as the work of what it
// requires, not a claim of a source. Where it may stand (model/model_loader.h
// check_definitions, overlays, scenarios), that it is certain in Monte Carlo and never a claim
// to verify (model/uncertainty.h), never left out like a disputed one (frozen_graph.h), and how
// every report shows it: "definition", never hedged, the chain saying it is a definition link.
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/overlay.h"
#include "model/scenario_loader.h"
#include "model/uncertainty.h"
#include "sim/montecarlo/estimates.h"
#include "sim/montecarlo/replications.h"
#include "sim/render/dot_renderer.h"
#include "sim/render/html_renderer.h"
#include "sim/render/text_renderer.h"
#include "sim/report/document_parts.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/test_support.h"

namespace msout::testing {
namespace {

// rdw (an organisation) <- registration (a function) by definition; rdw needs the cloud on a
// reported claim; news (a function) needs the cloud on a presumed one.
const char* kEntities = R"([
  {"id":"cloud","name":"Cloud","kind":"provider"},
  {"id":"rdw","name":"RDW","kind":"organisation","requires":[{"on":"cloud",
    "evidence":{"source":"https://example.org/rdw-cloud","confidence":"reported","quote":"q"}}]},
  {"id":"registration","name":"Vehicle registration","kind":"function","requires":[{"on":"rdw",
    "evidence":{"source":"https://www.rdw.nl","confidence":"definition"}}]},
  {"id":"news","name":"News","kind":"function","requires":[{"on":"cloud",
    "evidence":{"source":"https://example.org/news","confidence":"presumed","quote":"n"}}]}
])";

const char* kCloudOut = R"([{"id":"out","at":"0s","action":"down","select":{"ids":"cloud"}}])";

std::vector<model::Diagnostic> model_errors(const std::string& entities) {
  try {
    inline_model(entities);
  } catch (const model::InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

}  // namespace

TEST_CASE("Definition.Load.OnAFunctionsRequirements") {
  const model::Model m = inline_model(kEntities);
  const model::Dependency& d = m.entities[*m.find("registration")].requirements[0].members[0];
  CHECK(d.evidence.confidence == model::Confidence::kDefinition);
  CHECK(model::to_string(model::Confidence::kDefinition) == "definition");
  CHECK(model::confidence_from("definition") == model::Confidence::kDefinition);
  // On a group of a function, and on a member of one.
  CHECK_NOTHROW(inline_model(R"([{"id":"a","name":"A","kind":"organisation"},
    {"id":"b","name":"B","kind":"organisation"},
    {"id":"f","name":"F","kind":"function","requires":[
      {"any":[{"on":"a"},{"on":"b","evidence":{"source":"s","confidence":"definition"}}],
       "evidence":{"source":"s","confidence":"definition"}}]}])"));
}

TEST_CASE("Definition.Load.NowhereElse") {
  // A service's requirement: a source's claim, never a definition.
  CHECK(has(model_errors(R"([{"id":"a","name":"A","kind":"provider"},
    {"id":"s","name":"S","kind":"service","requires":[{"on":"a",
      "evidence":{"source":"x","confidence":"definition"}}]}])"),
            "model.json", "/entities/1/requires/0/evidence/confidence",
            "is only for a function's requirements, and \"s\" is a service"));
  // An organisation's group.
  CHECK(has(model_errors(R"([{"id":"a","name":"A","kind":"provider"},
    {"id":"o","name":"O","kind":"organisation","requires":[{"k":1,"of":[{"on":"a"}],
      "evidence":{"source":"x","confidence":"definition"}}]}])"),
            "model.json", "/entities/1/requires/0/evidence/confidence",
            "\"o\" is an organisation"));
  // An entity's own evidence, even a function's.
  CHECK(has(model_errors(R"([{"id":"f","name":"F","kind":"function",
      "evidence":{"source":"x","confidence":"definition"}}])"),
            "model.json", "/entities/0/evidence/confidence", "not an entity's own evidence"));
  // No probability: a definition always holds.
  CHECK(has(model_errors(R"([{"id":"a","name":"A","kind":"organisation"},
    {"id":"f","name":"F","kind":"function","requires":[{"on":"a",
      "evidence":{"source":"x","confidence":"definition","probability":0.9}}]}])"),
            "model.json", "/entities/1/requires/0/evidence/probability", "takes no probability"));
  // No weight.
  model::Diagnostics diags;
  model::build_model({{"m.json", nlohmann::json::parse(
                                     R"({"format":"msout-model/1","evidence_weights":
                                          {"definition":0.5},"entities":[]})")}},
                     diags);
  CHECK(has(diags.errors(), "m.json", "/evidence_weights/definition", "takes no weight"));
  // Nor in a scenario: a lever's or a reported outcome's evidence is a source's.
  try {
    model::load_scenario({"s.json", R"({"format":"msout-scenario/1","name":"s","horizon":"1d",
      "levers":[{"id":"l","at":"0s","action":"down","select":{"ids":"a"},
                 "evidence":{"source":"x","confidence":"definition"}}],
      "reported":[{"claim":"c","entity":"a","expect":"down",
                   "evidence":{"source":"x","confidence":"definition"}}]})"});
    FAIL("expected an InputError");
  } catch (const model::InputError& e) {
    CHECK(has(e.diagnostics(), "s.json", "/levers/0/evidence/confidence", "not for a lever"));
    CHECK(has(e.diagnostics(), "s.json", "/reported/0/evidence/confidence",
              "not for a reported outcome"));
  }
}

TEST_CASE("Definition.Overlay.OnlyOnAFunctionsRequirements") {
  const model::Model m = inline_model(kEntities);
  auto errors_of = [&](const std::string& text) {
    model::Diagnostics diags;
    model::Model patched = m;
    const model::Overlay overlay =
        model::build_overlay("o.json", nlohmann::json::parse(text), diags);
    if (!diags.has_errors()) model::apply_overlay(patched, overlay, diags);
    return diags.errors();
  };
  // rdw's dependency on the cloud is an organisation's: not a definition.
  CHECK(has(errors_of(R"({"format":"msout-overlay/1","name":"o","change_dependencies":[
              {"from":"rdw","on":"cloud","evidence":{"source":"x","confidence":"definition"}}]})"),
            "o.json", "/change_dependencies/0/evidence/confidence", "\"rdw\" is an organisation"));
  // news is a function: its requirement may become a definition.
  CHECK(errors_of(R"({"format":"msout-overlay/1","name":"o","change_dependencies":[
              {"from":"news","on":"cloud","evidence":{"source":"x","confidence":"definition"}}]})")
            .empty());
  // An added entity is checked like one in a model file, at the overlay's place.
  CHECK(has(errors_of(R"({"format":"msout-overlay/1","name":"o","add_entities":[
              {"id":"svc","name":"Svc","kind":"service","requires":[{"on":"cloud",
               "evidence":{"source":"x","confidence":"definition"}}]}]})"),
            "o.json", "/add_entities/0/requires/0/evidence/confidence", "is a service"));
  CHECK(has(errors_of(R"({"format":"msout-overlay/1","name":"o",
              "evidence":{"source":"x","confidence":"definition"}})"),
            "o.json", "/evidence/confidence", "not an overlay's own evidence"));
}

TEST_CASE("Definition.Uncertainty.CertainAndNeverAClaim") {
  CHECK(model::default_claim_probability(model::Confidence::kDefinition) == 1.0);
  const model::Model m = inline_model(kEntities);
  model::Diagnostics diags;
  const model::UncertaintyPlan plan = model::UncertaintyPlan::build(m, nullptr, {}, diags);
  REQUIRE_FALSE(diags.has_errors());
  // Two claims (the reported one of rdw, the presumed one of news); the definition is none.
  REQUIRE(plan.claims().size() == 2);
  for (const model::Claim& c : plan.claims()) {
    CHECK(c.evidence.confidence != model::Confidence::kDefinition);
  }
  // Monte Carlo: the registration fails exactly when rdw's reported claim holds (0.8 by
  // default), and only that claim decides it; the definition is never a claim to verify.
  const model::Scenario s = inline_scenario(kCloudOut, "1d");
  const auto selected = model::resolve_levers(s, m, diags);
  const model::UncertaintyPlan with_scenario = model::UncertaintyPlan::build(m, &s, {}, diags);
  const std::vector<std::uint32_t> reported{*m.find("registration"), *m.find("news")};
  const montecarlo::ReplicationInput input{m, s, selected, with_scenario, reported, 86400, 7};
  const montecarlo::ReplicationTable table = montecarlo::run_replications(input, 0, 4000, 2);
  const montecarlo::Summary summary = montecarlo::summarise(table, input, {});
  for (const montecarlo::EntityEstimate& e : summary.entities) {
    if (m.entities[e.entity].id != "registration") continue;
    CHECK(e.down_by_end.p > 0.75);
    CHECK(e.down_by_end.p < 0.85);
    for (const montecarlo::ClaimEffect& effect : e.decisive) {
      CHECK(with_scenario.claims()[effect.claim].evidence.quote == "q");
    }
  }
  for (const montecarlo::ClaimValue& v : summary.verify_first) {
    CHECK(with_scenario.claims()[v.claim].evidence.confidence != model::Confidence::kDefinition);
  }
}

TEST_CASE("Definition.Run.NeverLeftOutLikeADisputedOne") {
  Sim sim(kEntities, kCloudOut, "1d");
  const model::FrozenGraph all = model::FrozenGraph::freeze(sim.model, {true});
  CHECK(sim.graph.edge_count() == all.edge_count());  // nothing is disputed
  CHECK(sim.changes("registration") == Changes{{0, State::kDown}});
}

TEST_CASE("Definition.Report.ShownAsADefinitionNeverHedged") {
  Sim sim(kEntities, kCloudOut, "1d");
  const report::Report r = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const model::Evidence& e =
      sim.model.entities[sim.index("registration")].requirements[0].members[0].evidence;
  CHECK_FALSE(report::is_hedged(e));
  CHECK(
      report::is_hedged(sim.model.entities[sim.index("news")].requirements[0].members[0].evidence));

  const report::FunctionOutcome* registration = nullptr;
  for (const report::FunctionOutcome& f : r.functions) {
    if (sim.model.entities[f.entity].id == "registration") registration = &f;
  }
  REQUIRE(registration != nullptr);
  const render::Chain chain = report::chain_of(r, *registration);
  REQUIRE(chain.steps.size() == 3);  // registration <- rdw <- cloud
  REQUIRE(chain.steps[0].evidence.has_value());
  CHECK(chain.steps[0].evidence->confidence == "definition");
  CHECK(chain.steps[0].evidence->definition);
  CHECK_FALSE(chain.steps[0].evidence->hedged);
  CHECK(chain.steps[0].via ==
        "needs RDW, a definition link: the model defines Vehicle registration as RDW's work, "
        "no source claims it");
  // The next link is a source's reported claim: hedged, no definition.
  REQUIRE(chain.steps[1].evidence.has_value());
  CHECK(chain.steps[1].evidence->hedged);
  CHECK_FALSE(chain.steps[1].evidence->definition);

  const render::Document doc = report::report_document(r);
  const std::string text = render::render_text(doc);
  CHECK(text.find("registration \u2192 rdw: definition (the model's, not the source's claim), "
                  "https://www.rdw.nl") != std::string::npos);
  const std::string html = render::render_html(doc);
  CHECK(html.find("<span class=\"confidence definition\">definition</span> (the model's "
                  "definition, not a claim of the source)") != std::string::npos);
  CHECK(html.find("confidence hedged\">definition") == std::string::npos);
  // The DOT graph draws the definition solid, the reported claim dashed.
  REQUIRE(doc.graph.has_value());
  for (const render::GraphEdge& edge : doc.graph->edges) {
    CAPTURE(edge.from);
    CHECK(edge.hedged == (edge.from != "registration"));
  }

  const nlohmann::json j = nlohmann::json::parse(report::json_report(r));
  for (const nlohmann::json& f : j["functions"]) {
    if (f["id"] != "registration") continue;
    CHECK(f["cause"]["chain"][0]["via"]["evidence"]["confidence"] == "definition");
  }
}

}  // namespace msout::testing
