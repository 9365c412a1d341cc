// Tests of sim/analysis/concentration.h: shares, largest share and HHI on small models whose
// answers are worked out by hand in the comments; any and k-of-n members, cycles, disputed
// dependencies, provider kinds; and the JSON writer's format and numbers.
#include "sim/analysis/concentration.h"

#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/saturating_sum.h"
#include "sim/analysis/concentration_writer.h"

namespace {

using msout::analysis::compute_concentration;
using msout::analysis::Concentration;
using msout::analysis::ConcentrationOptions;
using msout::analysis::SectorConcentration;
using msout::model::EntityKind;
using msout::model::FreezeOptions;
using msout::model::FrozenGraph;
using msout::model::Model;

// A model and its analysis, from entities written as a JSON array.
struct Analysed {
  Model model;
  FrozenGraph graph;
  Concentration result;

  explicit Analysed(const std::string& entities, ConcentrationOptions options = {},
                    bool include_disputed = false) {
    model = msout::model::load_model(
        {{"m.json", R"({"format":"msout-model/1","name":"test","entities":)" + entities + "}"}});
    graph = FrozenGraph::freeze(model, FreezeOptions{include_disputed});
    result = compute_concentration(model, graph, options);
  }

  const SectorConcentration& sector(const std::string& name) const {
    for (const SectorConcentration& s : result.sectors) {
      if (s.sector == name) return s;
    }
    FAIL("no sector " << name);
    return result.national;
  }

  // (provider id, functions) in ranked order.
  std::vector<std::pair<std::string, unsigned>> ranking(const SectorConcentration& s) const {
    std::vector<std::pair<std::string, unsigned>> out;
    for (const auto& p : s.providers) out.emplace_back(model.entities[p.provider].id, p.functions);
    return out;
  }
};

std::string provider(const std::string& id, const std::string& requires_json = "[]") {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"provider","requires":)" +
         requires_json + "}";
}

std::string service(const std::string& id, const std::string& requires_json) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"service","requires":)" +
         requires_json + "}";
}

std::string function(const std::string& id, const std::string& sector, int people,
                     const std::string& requires_json) {
  const std::string sector_key = sector.empty() ? "" : R"("sector":")" + sector + R"(",)";
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function",)" + sector_key +
         R"("people_served":)" + std::to_string(people) + R"(,"requires":)" + requires_json + "}";
}

// Three providers; health has four functions, water one, and one function has no sector.
//   f1 -> s1 -> p1                      reaches {p1}
//   f2 -> s2 -> any[p2, p3]             reaches {p2, p3}  (both members of the any group)
//   f3 -> s3 -> p1, k-of-n 1 of [p2]    reaches {p1, p2}
//   f4 -> nothing                        reaches {}
//   f5 (water) -> p3                    reaches {p3}
//   f6 (no sector) -> s1                reaches {p1}
const std::string kThreeProviders = "[" + provider("p1") + "," + provider("p2") + "," +
                                    provider("p3") + "," + service("s1", R"([{"on":"p1"}])") + "," +
                                    service("s2", R"([{"any":[{"on":"p2"},{"on":"p3"}]}])") + "," +
                                    service("s3", R"([{"on":"p1"},{"k":1,"of":[{"on":"p2"}]}])") +
                                    "," + function("f1", "health", 100, R"([{"on":"s1"}])") + "," +
                                    function("f2", "health", 200, R"([{"on":"s2"}])") + "," +
                                    function("f3", "health", 300, R"([{"on":"s3"}])") + "," +
                                    function("f4", "health", 400, "[]") + "," +
                                    function("f5", "water", 50, R"([{"on":"p3"}])") + "," +
                                    function("f6", "", 7, R"([{"on":"s1"}])") + "]";

TEST_CASE("Concentration.Sector.SharesAndIndexByHand") {
  const Analysed a(kThreeProviders);
  const SectorConcentration& health = a.sector("health");
  CHECK(health.functions == 4);
  CHECK(health.people_served == 400);         // at least: f4, the widest; never the sum (1,000)
  CHECK(health.functions_on_providers == 3);  // f4 depends on no provider
  // p1: f1, f3; p2: f2, f3; p3: f2. Tie p1/p2 broken by id.
  using Ranking = std::vector<std::pair<std::string, unsigned>>;
  CHECK(a.ranking(health) == Ranking{{"p1", 2}, {"p2", 2}, {"p3", 1}});
  CHECK(health.providers[0].share == doctest::Approx(0.5));
  CHECK(health.providers[1].share == doctest::Approx(0.5));
  CHECK(health.providers[2].share == doctest::Approx(0.25));
  CHECK(health.providers[0].people_served == 300);  // at least: f3, the wider of f1 and f3
  CHECK(health.providers[1].people_served == 300);  // f3, the wider of f2 and f3
  CHECK(health.largest_share == doctest::Approx(0.5));
  // 5 function->provider dependencies: 2/5, 2/5, 1/5 -> 10000 * (4 + 4 + 1) / 25 = 3600.
  CHECK(health.hhi == doctest::Approx(3600.0));
}

TEST_CASE("Concentration.National.AllFunctionsByHand") {
  const Analysed a(kThreeProviders);
  const SectorConcentration& all = a.result.national;
  CHECK(all.sector == "(all)");
  CHECK(all.functions == 6);
  CHECK(all.functions_on_providers == 5);
  // p1: f1, f3, f6; p2: f2, f3; p3: f2, f5.
  using Ranking = std::vector<std::pair<std::string, unsigned>>;
  CHECK(a.ranking(all) == Ranking{{"p1", 3}, {"p2", 2}, {"p3", 2}});
  CHECK(all.largest_share == doctest::Approx(0.5));
  CHECK(all.providers[1].share == doctest::Approx(1.0 / 3));
  // 7 dependencies: 10000 * (9 + 4 + 4) / 49.
  CHECK(all.hhi == doctest::Approx(170000.0 / 49));
}

TEST_CASE("Concentration.Sectors.ByNameWithoutSectorLast") {
  const Analysed a(kThreeProviders);
  REQUIRE(a.result.sectors.size() == 3);
  CHECK(a.result.sectors[0].sector == "health");
  CHECK(a.result.sectors[1].sector == "water");
  CHECK(a.result.sectors[2].sector == "(none)");
  // One function on one provider: everything on it.
  CHECK(a.sector("water").hhi == doctest::Approx(10000.0));
  CHECK(a.sector("water").largest_share == doctest::Approx(1.0));
  CHECK(a.sector("(none)").functions == 1);
}

TEST_CASE("Concentration.Reach.CyclesTerminateAndCountOnce") {
  // f -> p1 <-> p2 (a cycle), and f -> s -> p1 again: each provider counts once.
  const Analysed a("[" + provider("p1", R"([{"on":"p2"}])") + "," +
                   provider("p2", R"([{"on":"p1"}])") + "," + service("s", R"([{"on":"p1"}])") +
                   "," + function("f", "x", 0, R"([{"on":"p1"},{"on":"s"}])") + "]");
  const SectorConcentration& x = a.sector("x");
  using Ranking = std::vector<std::pair<std::string, unsigned>>;
  CHECK(a.ranking(x) == Ranking{{"p1", 1}, {"p2", 1}});
  CHECK(x.hhi == doctest::Approx(5000.0));  // 10000 * (1/4 + 1/4)
}

TEST_CASE("Concentration.Reach.FunctionInACycleIsNotItsOwnProvider") {
  // With functions counted as providers, f1 -> f2 -> f1: each reaches only the other.
  ConcentrationOptions options;
  options.provider_kinds = {EntityKind::kFunction};
  const Analysed a("[" + function("f1", "x", 0, R"([{"on":"f2"}])") + "," +
                       function("f2", "x", 0, R"([{"on":"f1"}])") + "]",
                   options);
  using Ranking = std::vector<std::pair<std::string, unsigned>>;
  CHECK(a.ranking(a.sector("x")) == Ranking{{"f1", 1}, {"f2", 1}});
}

TEST_CASE("Concentration.Disputed.LeftOutUnlessIncluded") {
  const std::string entities =
      "[" + provider("p1") + "," +
      function("f", "x", 0, R"([{"on":"p1","evidence":{"source":"s","confidence":"disputed"}}])") +
      "]";
  const Analysed without(entities);
  CHECK(without.sector("x").providers.empty());
  CHECK(without.sector("x").functions_on_providers == 0);
  CHECK(without.sector("x").hhi == 0.0);
  const Analysed with(entities, {}, /*include_disputed=*/true);
  CHECK(with.sector("x").providers.size() == 1);
  CHECK(with.sector("x").largest_share == doctest::Approx(1.0));
}

TEST_CASE("Concentration.ProviderKinds.ServicesCountedWhenAsked") {
  ConcentrationOptions options;
  options.provider_kinds = {EntityKind::kService};
  const Analysed a(kThreeProviders, options);
  // health: s1 (f1), s2 (f2), s3 (f3); the p's are not counted.
  using Ranking = std::vector<std::pair<std::string, unsigned>>;
  CHECK(a.ranking(a.sector("health")) == Ranking{{"s1", 1}, {"s2", 1}, {"s3", 1}});
  CHECK(a.sector("health").hhi == doctest::Approx(10000.0 / 3));
}

TEST_CASE("Concentration.Json.FormatAndRoundedNumbers") {
  const Analysed a(kThreeProviders);
  msout::analysis::ConcentrationInput input;
  input.model = &a.model;
  const auto json = nlohmann::json::parse(msout::analysis::concentration_json(input, a.result));
  CHECK(json["format"] == "msout-concentration/1");
  CHECK(json["provider_kinds"] == nlohmann::json::array({"provider"}));
  CHECK(json["include_disputed"] == false);
  CHECK(json["national"]["hhi"] == doctest::Approx(3469.4));  // 170000 / 49, one decimal
  CHECK(json["national"]["providers"][1]["share"] == doctest::Approx(0.3333));
  CHECK(json["sectors"][0]["sector"] == "health");
  CHECK(json["sectors"][0]["providers"][0]["id"] == "p1");
  CHECK(json["sectors"][0]["providers"][0]["functions"] == 2);
  // A second analysis of the same model gives the same bytes, in JSON and as a table.
  const Analysed again(kThreeProviders);
  msout::analysis::ConcentrationInput input_again;
  input_again.model = &again.model;
  CHECK(msout::analysis::concentration_json(input_again, again.result) ==
        msout::analysis::concentration_json(input, a.result));
  CHECK(msout::analysis::concentration_table(input_again, again.result) ==
        msout::analysis::concentration_table(input, a.result));
}

TEST_CASE("Concentration.Tie.AllTiedProvidersReportedNoneCrowned") {
  // health: p1 is reached by f1 and f3, p2 by f2 and f3: a tie for the largest share.
  const Analysed a(kThreeProviders);
  const SectorConcentration& health = a.sector("health");
  REQUIRE(health.most_depended_on.size() == 2);
  CHECK(a.model.entities[health.most_depended_on[0]].id == "p1");
  CHECK(a.model.entities[health.most_depended_on[1]].id == "p2");
  // water has one provider: no tie.
  CHECK(a.sector("water").most_depended_on.size() == 1);
  msout::analysis::ConcentrationInput input;
  input.model = &a.model;
  const auto json = nlohmann::json::parse(msout::analysis::concentration_json(input, a.result));
  CHECK(json["sectors"][0]["most_depended_on"] == nlohmann::json::array({"p1", "p2"}));
  CHECK(json["sectors"][0]["tie"] == true);
  CHECK(json["sectors"][1]["tie"] == false);
  const std::string table = msout::analysis::concentration_table(input, a.result);
  CHECK(table.find("tie: p1, p2") != std::string::npos);
}

TEST_CASE("Concentration.People.NeverSummedEvenNearTheLimit") {
  // Set after loading (the loader bounds people_served): people are never added up over
  // functions, so no sum can saturate or wrap.
  Analysed a(kThreeProviders);
  for (auto& e : a.model.entities) {
    if (e.kind == EntityKind::kFunction) e.people_served = 0xF000000000000000ULL;
  }
  const Concentration c = compute_concentration(a.model, a.graph, {});
  CHECK(c.national.people_served == 0xF000000000000000ULL);
  CHECK(c.national.providers.front().people_served == 0xF000000000000000ULL);
  msout::analysis::ConcentrationInput input;
  input.model = &a.model;
  const std::string table = msout::analysis::concentration_table(input, c);
  CHECK(table.find("17,293,822,569,102,704,640") != std::string::npos);
  CHECK(table.find("18,446,744,073,709,551,615") == std::string::npos);
  // Capped at a population where one is declared (only a model built in code can exceed it).
  msout::model::Population population;
  population.people = 1000;
  population.source = "census";
  a.model.population = population;
  const Concentration capped = compute_concentration(a.model, a.graph, {});
  CHECK(capped.national.people_served == 1000);
  CHECK(capped.national.providers.front().people_served == 1000);
}

}  // namespace
