// Monte Carlo over the evidence (docs/uncertainty.md): every estimate against its exact
// value, within 4 standard errors, with fixed seeds; determinism across thread counts.
#include <cmath>
#include <memory>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "model/uncertainty.h"
#include "sim/montecarlo/estimates.h"
#include "sim/montecarlo/montecarlo_writer.h"
#include "sim/montecarlo/process_group.h"
#include "sim/montecarlo/replications.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::montecarlo {
namespace {

using testing::entity;
using testing::lever;
using testing::provider;

// A dependency on `on` resting on a claim of its own quote, with probability `p`.
std::string on(const std::string& id, double p, const std::string& quote = "") {
  return R"({"on":")" + id + R"(","evidence":{"source":"s","confidence":"reported","quote":")" +
         (quote.empty() ? "claim " + id : quote) + R"(","probability":)" + std::to_string(p) + "}}";
}

struct McSim {
  model::Model model;
  model::Scenario scenario;
  std::vector<std::vector<std::uint32_t>> selected;
  model::UncertaintyPlan plan;
  std::unique_ptr<ReplicationInput> input;

  McSim(const std::string& entities, const std::string& levers, const std::string& horizon) {
    model = testing::inline_model(entities);
    scenario = testing::inline_scenario(levers, horizon);
    model::Diagnostics diags;
    selected = model::resolve_levers(scenario, model, diags);
    plan = model::UncertaintyPlan::build(model, &scenario, {}, diags);
    REQUIRE(!diags.has_errors());
    std::vector<std::uint32_t> reported;
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      if (model.entities[e].kind == model::EntityKind::kFunction) reported.push_back(e);
    }
    input = std::make_unique<ReplicationInput>(
        ReplicationInput{model, scenario, selected, plan, reported, scenario.horizon.seconds, 7});
  }

  ReplicationTable table(std::uint64_t n, int threads = 2, std::uint64_t seed = 7) {
    input->seed = seed;
    return run_replications(*input, 0, n, threads);
  }

  Summary summary(std::uint64_t n, std::vector<std::int64_t> at = {}) {
    SummaryOptions options;
    options.at = std::move(at);
    return summarise(table(n), *input, options);
  }

  const EntityEstimate& of(const Summary& s, const std::string& id) const {
    for (const EntityEstimate& e : s.entities) {
      if (model.entities[e.entity].id == id) return e;
    }
    FAIL("no estimate for " << id);
    return s.entities.front();
  }

  std::uint32_t claim(const std::string& quote) const {
    for (std::uint32_t c = 0; c < plan.claims().size(); ++c) {
      if (plan.claims()[c].evidence.quote == quote) return c;
    }
    FAIL("no claim " << quote);
    return 0;
  }
};

std::string function(const std::string& id, const std::string& requirements) {
  return entity(id, requirements, "function");
}

// |estimate - exact| within 4 standard errors of a proportion estimated from n draws.
void check_near(double estimate, double exact, std::uint64_t n) {
  const double se = std::sqrt(std::max(exact * (1 - exact), 1e-12) / static_cast<double>(n));
  INFO("estimate " << estimate << ", exact " << exact << ", 4 SE " << 4 * se);
  CHECK(std::abs(estimate - exact) <= 4 * se);
}

constexpr std::uint64_t kN = 20000;

TEST_CASE("MonteCarlo.Analytic.TwoClaimsInSeries") {
  // f needs s (claim p1), s needs a (claim p2); a is down: f is down iff both claims hold.
  McSim sim("[" + provider("a") + "," + entity("s", "[" + on("a", 0.4) + "]") + "," +
                function("f", "[" + on("s", 0.7) + "]") + "]",
            "[" + lever("l", "0s", "down", R"("a")") + "]", "1d");
  const Summary s = sim.summary(kN);
  check_near(sim.of(s, "f").down_by_end.p, 0.7 * 0.4, kN);
  // Decisive-ness on a chain: P(down | c holds) - P(down | not) = the other claim's p.
  const EntityEstimate& f = sim.of(s, "f");
  REQUIRE(f.decisive.size() == 2);
  for (const ClaimEffect& effect : f.decisive) {
    const double other = effect.claim == sim.claim("claim s") ? 0.4 : 0.7;
    INFO("claim " << sim.plan.claims()[effect.claim].evidence.quote);
    CHECK(std::abs(effect.delta - other) <= 4 * effect.se + 1e-12);
    CHECK(effect.p_if_not == 0);
  }
  // Value of checking: p (1 - p) times the squared difference in functions down.
  for (const ClaimValue& v : s.verify_first) {
    const double other = v.claim == sim.claim("claim s") ? 0.4 : 0.7;
    const double exact = v.probability * (1 - v.probability) * other * other;
    CHECK(std::abs(v.value - exact) < 0.02);
  }
}

TEST_CASE("MonteCarlo.Analytic.AnyGroupOfTwoUncertainAlternatives") {
  // Both alternatives are down; f fails iff both are really there: an absent alternative
  // counts as working and satisfies the group (docs/uncertainty.md).
  McSim sim("[" + provider("a") + "," + provider("b") + "," +
                function("f", R"([{"any":[)" + on("a", 0.3) + "," + on("b", 0.6) + "]}]") + "]",
            "[" + lever("l", "0s", "down", R"(["a","b"])") + "]", "1d");
  check_near(sim.of(sim.summary(kN), "f").down_by_end.p, 0.3 * 0.6, kN);
}

TEST_CASE("MonteCarlo.Analytic.TwoOfThreeGroup") {
  // a and b are down, c is up. A member whose claim does not hold counts as working: the
  // group needs k minus the absent members of the others (docs/uncertainty.md); enumerate
  // the 8 cases exactly.
  const double p[3] = {0.5, 0.7, 0.4};
  McSim sim("[" + provider("a") + "," + provider("b") + "," + provider("c") + "," +
                function("f", R"([{"k":2,"of":[)" + on("a", p[0]) + "," + on("b", p[1]) + "," +
                                  on("c", p[2]) + "]}]") +
                "]",
            "[" + lever("l", "0s", "down", R"(["a","b"])") + "]", "1d");
  double exact = 0;
  for (int mask = 0; mask < 8; ++mask) {
    double weight = 1;
    int kept = 0;
    for (int m = 0; m < 3; ++m) {
      const bool present = (mask >> m) & 1;
      weight *= present ? p[m] : 1 - p[m];
      kept += present;
    }
    const int working = (mask >> 2) & 1;  // only c is up (and present)
    const int k = 2 - (3 - kept);
    if (k > 0 && working < k) exact += weight;
  }
  check_near(sim.of(sim.summary(kN), "f").down_by_end.p, exact, kN);
}

TEST_CASE("MonteCarlo.Analytic.WeightedChoice") {
  const std::string choice =
      R"([{"one_of":[{"on":"a","weight":67},{"on":"b","weight":25},{"on":"c","weight":8}]}])";
  McSim sim("[" + provider("a") + "," + provider("b") + "," + provider("c") + "," +
                function("f", choice) + "," + function("g", choice) + "]",
            "[" + lever("l", "0s", "down", R"(["a","c"])") + "]", "1d");
  const Summary s = sim.summary(kN);
  check_near(sim.of(s, "f").down_by_end.p, 0.67 + 0.08, kN);
  // Each requirement draws its own choice: f and g are independent.
  const ReplicationTable t = sim.table(kN);
  std::uint64_t both = 0;
  for (std::uint64_t r = 0; r < t.count; ++r) {
    both += t.first_down[r * 2] != kNever && t.first_down[r * 2 + 1] != kNever;
  }
  check_near(static_cast<double>(both) / kN, 0.75 * 0.75, kN);
}

TEST_CASE("MonteCarlo.Analytic.SharedClaimIsOneDraw") {
  // One quote behind two edges: they stand or fall together (P both = p, not p^2).
  McSim sim("[" + provider("x") + "," + provider("y") + "," +
                function("f", "[" + on("x", 0.5, "one fact") + "]") + "," +
                function("g", "[" + on("y", 0.5, "one fact") + "]") + "]",
            "[" + lever("l", "0s", "down", R"(["x","y"])") + "]", "1d");
  REQUIRE(sim.plan.claims().size() == 1);
  const ReplicationTable t = sim.table(kN);
  std::uint64_t both = 0, either = 0;
  for (std::uint64_t r = 0; r < t.count; ++r) {
    const bool f = t.first_down[r * 2] != kNever;
    const bool g = t.first_down[r * 2 + 1] != kNever;
    both += f && g;
    either += f || g;
  }
  CHECK(both == either);
  check_near(static_cast<double>(both) / kN, 0.5, kN);
}

TEST_CASE("MonteCarlo.Analytic.CommonCause") {
  // a is down, b is up: the redundancy holds unless the shared cause strikes (p 0.3).
  McSim sim("[" + provider("a") + "," + provider("b") + "," +
                function("f", R"([{"any":[{"on":"a"},{"on":"b"}],"common_cause":0.3}])") + "]",
            "[" + lever("l", "0s", "down", R"("a")") + "]", "1d");
  check_near(sim.of(sim.summary(kN), "f").down_by_end.p, 0.3, kN);
}

TEST_CASE("MonteCarlo.Analytic.UncertainDurations") {
  // Tolerance uniform 1h-3h: P(down by 2h) = 1/2. Lever time log-normal, median 2h, P90
  // 8h: P(by 2h) = 0.5, P(by 8h) = 0.9 for the entity it hits directly.
  McSim sim(
      "[" + provider("a") + "," + provider("b") + "," +
          function("f",
                   R"([{"on":"a","tolerance":{"distribution":"uniform","min":"1h","max":"3h"}}])") +
          "," + function("g", R"([{"on":"b"}])") + "]",
      "[" + lever("l", "0s", "down", R"("a")") +
          R"(,{"id":"m","at":{"distribution":"lognormal","median":"2h","p90":"8h"},"action":"down","select":{"ids":"b"}}])",
      "1d");
  const Summary s = sim.summary(kN, {2 * 3600, 8 * 3600});
  check_near(sim.of(s, "f").down_by[0].p, 0.5, kN);
  check_near(sim.of(s, "g").down_by[0].p, 0.5, kN);
  check_near(sim.of(s, "g").down_by[1].p, 0.9, kN);
  const EntityEstimate& f = sim.of(s, "f");
  CHECK(*f.first_down_p10 >= 3600);
  CHECK(*f.first_down_p90 <= 3 * 3600);
}

TEST_CASE("MonteCarlo.Determinism.SameTableFor1To16Threads") {
  McSim sim(
      "[" + provider("a") + "," + provider("b") + "," + entity("s", "[" + on("a", 0.6) + "]") +
          "," +
          function(
              "f",
              R"([{"any":[)" + on("s", 0.8) + "," + on("b", 0.5) +
                  R"(],"switchover":{"distribution":"triangular","min":"1m","mode":"5m","max":"1h"}}])") +
          "," + function("g", R"([{"one_of":[{"on":"a","weight":2},{"on":"b","weight":1}]}])") +
          "]",
      "[" + lever("l", "0s", "down", R"("a")") + "," + lever("m", "2h", "down", R"("b")") + "]",
      "1d");
  const ReplicationTable one = sim.table(3000, 1);
  for (int threads : {2, 4, 16}) {
    const ReplicationTable many = sim.table(3000, threads);
    CHECK(many.first_down == one.first_down);
    CHECK(many.first_degraded == one.first_degraded);
    CHECK(many.time_down == one.time_down);
    CHECK(many.claim_holds == one.claim_holds);
  }
  // Any split into blocks (as across processes) gives the same rows.
  ReplicationTable split = run_replications(*sim.input, 0, 1234, 2);
  split.append(run_replications(*sim.input, 1234, 3000 - 1234, 3));
  CHECK(split.first_down == one.first_down);
  CHECK(split.claim_holds == one.claim_holds);
  // The written result is the same bytes; another seed changes it.
  MonteCarloReport report;
  report.model = &sim.model;
  report.scenario = &sim.scenario;
  report.plan = &sim.plan;
  report.seed = 7;
  SummaryOptions options;
  options.at = {3600};
  report.summary = summarise(one, *sim.input, options);
  const std::string json = montecarlo_json(report);
  report.summary = summarise(split, *sim.input, options);
  CHECK(montecarlo_json(report) == json);
  CHECK(sim.table(3000, 2, 8).first_down != one.first_down);
}

TEST_CASE("MonteCarlo.ProcessSplit.BlocksCoverEveryReplicationOnce") {
  for (int ranks : {1, 2, 3, 7}) {
    std::uint64_t next = 10;
    for (int r = 0; r < ranks; ++r) {
      const auto [first, count] = block_of(10, 100, r, ranks);
      CHECK(first == next);
      next += count;
    }
    CHECK(next == 110);
  }
}

TEST_CASE("MonteCarlo.Estimates.WilsonInterval") {
  const Proportion none = proportion(0, 100);
  CHECK(none.p == 0);
  CHECK(none.low == 0);
  CHECK(none.high == doctest::Approx(0.0370).epsilon(0.01));  // z^2 / (n + z^2)
  const Proportion half = proportion(50, 100);
  CHECK(half.se == doctest::Approx(0.05));
  CHECK(half.low == doctest::Approx(0.4038).epsilon(0.001));
  CHECK(half.high == doctest::Approx(0.5962).epsilon(0.001));
}

}  // namespace
}  // namespace msout::montecarlo
