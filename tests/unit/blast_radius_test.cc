// Tests of sim/analysis/blast_radius.h and its writer: times, people (at least, never summed)
// and people-hours of
// single outages computed by hand from docs/semantics.md, the ranking, the scenario it
// builds, and identical bytes at 1, 2 and 4 threads on the Netherlands model.
#include "sim/analysis/blast_radius.h"

#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "sim/analysis/blast_radius_writer.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

using analysis::BlastRadius;
using analysis::FunctionHit;

std::string function(const std::string& id, const std::string& requirements, int people) {
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":"function","people_served":)" +
         std::to_string(people) + R"(,"requires":)" + requirements + "}";
}

// p, q providers; s needs p (tolerance 2h).
// f1 (1000 people) needs s: down 2h after p.
// f2 (500 people) needs p only to avoid degradation, tolerance 30m.
// f3 (200 people) needs any{s, q} with a 1h switchover: when s fails it is down for the
//   switchover, then runs on q.
model::Model example() {
  return model::load_model(
      {{"model.json",
        R"({"format":"msout-model/1","entities":[)" + provider("p") + "," + provider("q") + "," +
            entity("s", R"([{"on":"p","tolerance":"2h"}])") + "," +
            function("f1", R"([{"on":"s"}])", 1000) + "," +
            function("f2", R"([{"on":"p","effect":"degraded","tolerance":"30m"}])", 500) + "," +
            function("f3", R"([{"any":[{"on":"s"},{"on":"q"}],"switchover":"1h"}])", 200) + "]}"}});
}

const FunctionHit& hit(const model::Model& model, const BlastRadius& r, const std::string& id) {
  for (const FunctionHit& f : r.functions) {
    if (model.entities[f.function].id == id) return f;
  }
  FAIL("function ", id, " not hit");
  return r.functions.front();
}

constexpr std::int64_t kDay = 24 * kHour;

}  // namespace

TEST_CASE("BlastRadius.SingleOutage.TimesAndPeopleByHand") {
  const model::Model model = example();
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  const std::vector<std::uint32_t> entities{*model.find("p"), *model.find("q"), *model.find("s")};
  const std::vector<BlastRadius> results = analysis::blast_radius(model, graph, entities, kDay, 1);
  REQUIRE(results.size() == 3);

  // p down: s down at 2h; f1 down 2h-1d; f3 down 2h-3h, then up on q; f2 degraded at 30m.
  const BlastRadius& p = results[0];
  CHECK(p.entity == *model.find("p"));
  REQUIRE(p.functions.size() == 3);
  // In report order: by first down, then first degraded, then id.
  CHECK(model.entities[p.functions[0].function].id == "f1");
  CHECK(model.entities[p.functions[1].function].id == "f3");
  CHECK(model.entities[p.functions[2].function].id == "f2");
  const FunctionHit& f1 = hit(model, p, "f1");
  CHECK(f1.first_down == 2 * kHour);
  CHECK(f1.first_degraded == 2 * kHour);
  CHECK(f1.time_down == 22 * kHour);
  CHECK(f1.state_at_horizon == State::kDown);
  CHECK(f1.people == 1000);
  CHECK(f1.people_hours_down == doctest::Approx(22000.0));
  const FunctionHit& f3 = hit(model, p, "f3");
  CHECK(f3.first_down == 2 * kHour);
  CHECK(f3.time_down == 1 * kHour);
  CHECK(f3.state_at_horizon == State::kUp);
  const FunctionHit& f2 = hit(model, p, "f2");
  CHECK(f2.first_degraded == 30 * kMinute);
  CHECK_FALSE(f2.first_down.has_value());
  CHECK(f2.state_at_horizon == State::kDegraded);
  CHECK(p.functions_down == 2);
  CHECK(p.functions_degraded == 1);
  // At least the widest function's people, never the sum (1,200): f1's 1000 may include f3's
  // 200. Over time f1 (1000, 2h-1d) covers f3 (200, 2h-3h).
  CHECK(p.people_down == 1000);
  CHECK(p.people_degraded == 500);
  CHECK(p.people_hours_down == doctest::Approx(22000.0));
  CHECK(p.function_people_hours_down == doctest::Approx(22000.0 + 200.0));

  // q down: f3 runs on s, its first member; q's failure costs nothing.
  CHECK(results[1].functions.empty());
  CHECK(results[1].people_down == 0);

  // s down at 0s: f1 down the whole day, f3 down for the 1h switchover; f2 untouched.
  const BlastRadius& s = results[2];
  CHECK(s.functions_down == 2);
  CHECK(s.functions_degraded == 0);
  CHECK(s.people_down == 1000);
  CHECK(hit(model, s, "f1").first_down == 0);
  CHECK(hit(model, s, "f1").time_down == kDay);
  CHECK(hit(model, s, "f3").time_down == 1 * kHour);
  CHECK(s.people_hours_down == doctest::Approx(1000.0 * 24));
  CHECK(s.function_people_hours_down == doctest::Approx(1000.0 * 24 + 200.0));
}

TEST_CASE("BlastRadius.Rank.PeopleThenFunctionsDownThenDegradedThenId") {
  const model::Model model = example();
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  const std::vector<std::uint32_t> entities{*model.find("q"), *model.find("s"), *model.find("p")};
  std::vector<BlastRadius> results = analysis::blast_radius(model, graph, entities, kDay, 2);
  analysis::rank(results, model);
  // p and s both take at least 1000 people and two functions down; p also degrades f2.
  REQUIRE(results.size() == 3);
  CHECK(model.entities[results[0].entity].id == "p");
  CHECK(model.entities[results[1].entity].id == "s");
  CHECK(model.entities[results[2].entity].id == "q");
}

TEST_CASE("BlastRadius.Scenario.OneLeverDownFromZeroToTheHorizon") {
  const model::Model model = example();
  const model::Scenario scenario = analysis::single_outage_scenario(model, *model.find("s"), kDay);
  CHECK(scenario.horizon.seconds == kDay);
  REQUIRE(scenario.levers.size() == 1);
  const model::Lever& lever = scenario.levers.front();
  CHECK(lever.at.seconds == 0);
  CHECK(lever.action == model::LeverAction::kDown);
  REQUIRE(lever.selectors.size() == 1);
  CHECK(lever.selectors.front().ids == std::vector<std::string>{"s"});
}

TEST_CASE("BlastRadius.Writer.JsonHasTheFormatAndTheRanking") {
  const model::Model model = example();
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  analysis::BlastRadiusReport report;
  report.names = model;
  report.kind = "provider";
  report.horizon = kDay;
  report.entities = graph.node_count();
  report.dependencies = graph.edge_count();
  const std::vector<std::uint32_t> entities{*model.find("p"), *model.find("q")};
  report.analysed = entities.size();
  report.ranked = analysis::blast_radius(model, graph, entities, kDay, 1);
  analysis::rank(report.ranked, model);
  const nlohmann::json json = nlohmann::json::parse(analysis::blast_radius_json(report));
  CHECK(json["format"] == "msout-blast-radius/1");
  CHECK(json["horizon_s"] == kDay);
  REQUIRE(json["ranking"].size() == 2);
  CHECK(json["ranking"][0]["id"] == "p");
  CHECK(json["ranking"][0]["rank"] == 1);
  CHECK(json["ranking"][0]["people_down"] == 1000);
  CHECK(json["ranking"][0]["function_people_hours_down"] == 22200.0);
  CHECK(json["model"]["population"].is_null());
  CHECK(json["ranking"][0]["functions"][0]["id"] == "f1");
  CHECK(json["ranking"][0]["functions"][0]["first_down_s"] == 2 * kHour);
  CHECK(json["ranking"][0]["functions"][2]["first_down_s"].is_null());
  const std::string table = analysis::blast_radius_table(report);
  CHECK(table.find("RANKING") != std::string::npos);
  INFO(table);
  CHECK(table.find("people down (at least)") != std::string::npos);
  CHECK(table.find("function-people-hours down") != std::string::npos);
  CHECK(table.find("population not declared by the model") != std::string::npos);
  CHECK(table.find("1,200") == std::string::npos);  // never the sum of f1 and f3
  CHECK(table.find("  1     p       provider  2     1         1,000") != std::string::npos);
}

TEST_CASE("BlastRadius.Threads.SameBytesFor1And2And4Threads") {
  const model::Model model =
      model::load_model_path(std::filesystem::path(MSOUT_SOURCE_DIR) / "model/nl");
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  std::vector<std::uint32_t> entities;
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    if (model.entities[e].kind != model::EntityKind::kFunction) entities.push_back(e);
  }
  auto text = [&](int threads) {
    analysis::BlastRadiusReport report;
    report.names = model;
    report.kind = "all";
    report.horizon = 30 * kDay;
    report.analysed = entities.size();
    report.ranked = analysis::blast_radius(model, graph, entities, report.horizon, threads);
    analysis::rank(report.ranked, model);
    return analysis::blast_radius_json(report) + analysis::blast_radius_table(report);
  };
  const std::string one = text(1);
  CHECK(one.find("\"people_down\": 0") != std::string::npos);  // some outages hit nothing
  CHECK(text(2) == one);
  CHECK(text(4) == one);
}

}  // namespace msout::testing
