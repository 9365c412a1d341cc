// The uncertainty model (model/uncertainty.h, model/duration_distribution.h): claims,
// their probabilities, draws, distributions, and the loader's checks of each.
#include "model/uncertainty.h"

#include <cmath>

#include <doctest/doctest.h>

#include "model/counter_random.h"
#include "model/duration_distribution.h"
#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "tests/unit/test_support.h"

namespace msout::model {
namespace {

Model load(const std::string& entities, const std::string& extra = "") {
  return load_model(
      {{"m.json", R"({"format":"msout-model/1",)" + extra + R"("entities":)" + entities + "}"}});
}

std::vector<Diagnostic> errors_of(const std::string& entities, const std::string& extra = "") {
  try {
    load(entities, extra);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

const char* kTwoProviders =
    R"({"id":"a","name":"a","kind":"provider"},{"id":"b","name":"b","kind":"provider"})";

TEST_CASE("Distribution.Quantiles.Exact") {
  CHECK(normal_quantile(0.975) == doctest::Approx(1.959963984540054).epsilon(1e-12));
  CHECK(normal_quantile(0.5) == doctest::Approx(0).epsilon(1e-12));
  CHECK(normal_quantile(0.001) == doctest::Approx(-3.090232306167813).epsilon(1e-10));
  DurationDistribution uniform{DistributionKind::kUniform, 3600, 0, 3 * 3600, 0, 0};
  CHECK(uniform.point().seconds == 2 * 3600);
  CHECK(uniform.at_quantile(0.25).seconds == 5400);
  DurationDistribution triangle{DistributionKind::kTriangular, 0, 1000, 4000, 0, 0};
  CHECK(triangle.point().seconds == 1000);
  CHECK(triangle.at_quantile(0.25).seconds == 1000);  // F(mode) = (mode - min) / (max - min)
  DurationDistribution lognormal{DistributionKind::kLogNormal, 0, 0, 0, 7200, 28800};
  CHECK(lognormal.point().seconds == 7200);
  CHECK(lognormal.at_quantile(0.5).seconds == 7200);
  CHECK(lognormal.at_quantile(0.9).seconds == 28800);
}

TEST_CASE("Uncertainty.Claims.OneClaimPerQuoteAndConfidence") {
  const Model m = load(std::string("[") + kTwoProviders + R"(,
    {"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","evidence":{"source":"s","confidence":"presumed","quote":"q"}},
      {"on":"b","evidence":{"source":"s","confidence":"presumed","quote":"q"}}]},
    {"id":"g","name":"g","kind":"function","requires":[
      {"on":"a","evidence":{"source":"s","confidence":"confirmed","quote":"q"}},
      {"on":"b","evidence":{"source":"s","confidence":"planned"}},
      {"on":"b","evidence":{"source":"s","confidence":"planned"}},
      {"on":"a"}]}])");
  Diagnostics diags;
  const UncertaintyPlan plan = UncertaintyPlan::build(m, nullptr, {}, diags);
  REQUIRE(!diags.has_errors());
  // (s, q, presumed) twice = one; (s, q, confirmed); two quote-less claims; none for the
  // dependency without evidence.
  REQUIRE(plan.claims().size() == 4);
  CHECK(plan.claims()[0].uses.size() == 2);
  CHECK(plan.claims()[0].probability == default_claim_probability(Confidence::kPresumed));
  CHECK(plan.claims()[0].basis == "default");
  CHECK(plan.member_claim(plan.member_index(plan.requirement_index(3, 3), 0)) == kNoClaim);
}

TEST_CASE("Uncertainty.Claims.ProbabilityPrecedence") {
  const std::string entities = std::string("[") + kTwoProviders + R"(,
    {"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","evidence":{"source":"s","confidence":"presumed","quote":"q1"}},
      {"on":"b","evidence":{"source":"s","confidence":"presumed","quote":"q2","probability":0.25}}]}])";
  const Model m = load(entities, R"("evidence_weights":{"presumed":0.4},)");
  Diagnostics diags;
  EvidenceWeights file{};
  CHECK(UncertaintyPlan::build(m, nullptr, file, diags).claims()[0].probability == 0.4);
  file[static_cast<std::size_t>(Confidence::kPresumed)] = 0.55;
  const UncertaintyPlan plan = UncertaintyPlan::build(m, nullptr, file, diags);
  CHECK(plan.claims()[0].probability == 0.55);
  CHECK(plan.claims()[0].basis == "--evidence-weights");
  CHECK(plan.claims()[1].probability == 0.25);
  CHECK(plan.claims()[1].basis == "stated");
}

TEST_CASE("Uncertainty.Draws.CounterBasedAndReproducible") {
  CHECK(uniform01(1, 2, 3, 4) != uniform01(1, 3, 3, 4));
  CHECK(uniform01(1, 2, 3, 4) != uniform01(2, 2, 3, 4));
  CHECK(stream_id("claim:x") != stream_id("claim:y"));
  // Roughly uniform: the mean of 10^5 draws is 1/2 within 4 standard errors.
  double sum = 0;
  for (std::uint64_t r = 0; r < 100000; ++r) sum += uniform01(9, r, 1, 0);
  CHECK(std::abs(sum / 100000 - 0.5) < 4 * std::sqrt(1.0 / 12 / 100000));
}

TEST_CASE("Uncertainty.PointRealization.IsTheDeterministicGraph") {
  // A disputed member left out, the heaviest choice kept: refreeze with the point
  // realization gives the graph freeze() gives.
  const Model m = load(std::string("[") + kTwoProviders + R"(,
    {"id":"f","name":"f","kind":"function","requires":[
      {"one_of":[{"on":"a","weight":1},{"on":"b","weight":3}]},
      {"any":[{"on":"a","evidence":{"source":"s","confidence":"disputed"}},{"on":"b"}]}]}])");
  Diagnostics diags;
  const UncertaintyPlan plan = UncertaintyPlan::build(m, nullptr, {}, diags);
  Realization draw;
  point_realization(plan, false, draw);
  FrozenGraph drawn;
  drawn.refreeze(plan, draw);
  const FrozenGraph frozen = FrozenGraph::freeze(m);
  REQUIRE(drawn.edge_count() == frozen.edge_count());
  // The chosen member b; the any group loses its disputed a, which counts as working, so
  // the group imposes nothing (docs/semantics.md).
  CHECK(drawn.edge_count() == 1);
  for (std::uint32_t e = 0; e < frozen.edge_count(); ++e) {
    CHECK(drawn.edge(e).dependency == frozen.edge(e).dependency);
  }
  CHECK(frozen.edge(0).dependency == 1);  // b, the heavier choice
  CHECK(point_choice_assumptions(m).front().find("b, the likeliest of a 25%, b 75%") == 0);
}

TEST_CASE("Uncertainty.BadInput.NamedWithFileAndPointer") {
  const std::string p = std::string("[") + kTwoProviders + ",";
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","evidence":{"source":"s","confidence":"presumed","probability":1.5}}]}])"),
                   "m.json", "/entities/2/requires/0/evidence/probability", "between 0 and 1");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"one_of":[{"on":"a","weight":0},{"on":"b","weight":0}]}]}])"),
                   "m.json", "/entities/2/requires/0/one_of", "positive number");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"one_of":[{"on":"a","weight":-1},{"on":"b","weight":2}]}]}])"),
                   "m.json", "/entities/2/requires/0/one_of/0/weight", "a number from 0 to");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","tolerance":{"distribution":"gamma","min":"1h"}}]}])"),
                   "m.json", "/entities/2/requires/0/tolerance/distribution",
                   "unknown distribution");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","recovery":{"distribution":"lognormal","median":"4h","p90":"1h"}}]}])"),
                   "m.json", "/entities/2/requires/0/recovery/p90", "below the median");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","tolerance":{"distribution":"uniform","min":"4h","max":"1h"}}]}])"),
                   "m.json", "/entities/2/requires/0/tolerance/max", "below min");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"any":[{"on":"a"},{"on":"b"}],"common_cause":-0.1}]}])"),
                   "m.json", "/entities/2/requires/0/common_cause", "between 0 and 1");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a"}]}])",
                             R"("evidence_weights":{"likely":0.5},)"),
                   "m.json", "/evidence_weights/likely", "unknown key");
  CHECK_DIAGNOSTIC(errors_of(p + R"({"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","weight":2}]}])"),
                   "m.json", "/entities/2/requires/0/weight", "unknown key");
}

TEST_CASE("Uncertainty.BadInput.OneClaimTwoProbabilities") {
  const Model m = load(std::string("[") + kTwoProviders + R"(,
    {"id":"f","name":"f","kind":"function","requires":[
      {"on":"a","evidence":{"source":"s","confidence":"presumed","quote":"q","probability":0.2}},
      {"on":"b","evidence":{"source":"s","confidence":"presumed","quote":"q","probability":0.3}}]}])");
  Diagnostics diags;
  UncertaintyPlan::build(m, nullptr, {}, diags);
  CHECK_DIAGNOSTIC(diags.errors(), "m.json", "/entities/2/requires/1/evidence/probability",
                   "one claim has one probability");
}

}  // namespace
}  // namespace msout::model
