// Tests of sim/analysis/permanent_outage.h and sim/analysis/cut_sets.h: minimal cut sets of
// order 1 and 2 on small models with hand-derived answers (all, any, k-of-n, chains, shared
// causes, cycles, degraded-only edges, disputed dependencies), and agreement with the engine
// on the example hospital and the Netherlands model: every outage the analysis says takes a
// function down does so in a ten-year run, and every other one does not.
#include "sim/analysis/cut_sets.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/synthetic_graph.h"
#include "sim/analysis/permanent_outage.h"
#include "sim/cascade/cascade_run.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

using analysis::CutSets;
using analysis::PermanentOutage;
using IdPairs = std::vector<std::pair<std::string, std::string>>;
using Ids = std::vector<std::string>;

// A model written inline, with every non-function entity as a candidate.
struct Analysed {
  model::Model model;
  model::FrozenGraph graph;

  explicit Analysed(const std::string& entities, bool include_disputed = false) {
    model = model::load_model(
        {{"model.json", R"({"format":"msout-model/1","entities":)" + entities + "}"}});
    graph = model::FrozenGraph::freeze(model, model::FreezeOptions{include_disputed});
  }

  std::uint32_t index(const std::string& id) const { return *model.find(id); }

  std::vector<std::uint32_t> candidates() const {
    std::vector<std::uint32_t> out;
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      if (model.entities[e].kind != model::EntityKind::kFunction) out.push_back(e);
    }
    return out;
  }

  CutSets of(const std::string& function) const {
    const std::uint32_t f = index(function);
    return analysis::find_cut_sets(graph, std::span(&f, 1), candidates()).front();
  }

  Ids ids(const std::vector<std::uint32_t>& nodes) const {
    Ids out;
    for (std::uint32_t n : nodes) out.push_back(model.entities[n].id);
    std::sort(out.begin(), out.end());
    return out;
  }
  IdPairs ids(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs) const {
    IdPairs out;
    for (const auto& [a, b] : pairs) {
      out.emplace_back(std::min(model.entities[a].id, model.entities[b].id),
                       std::max(model.entities[a].id, model.entities[b].id));
    }
    std::sort(out.begin(), out.end());
    return out;
  }
};

std::string function(const std::string& id, const std::string& requirements) {
  return entity(id, requirements, "function");
}

// The engine's states after `outage` has been down from 0s for ten years.
std::vector<State> engine_limit(const model::FrozenGraph& graph,
                                const std::vector<std::uint32_t>& outage) {
  model::Scenario scenario;
  scenario.name = "permanent outage";
  scenario.horizon = model::Duration{10 * 365 * 24 * kHour};
  model::Lever lever;
  lever.id = "outage";
  lever.name = "outage";
  scenario.levers = {lever};
  return cascade::run_cascade(graph, scenario, {outage}, scenario.horizon.seconds).final_state;
}

// Every single outage, and every pair of candidates among the ancestors of some function
// taken at the given stride, through the engine: the function is down in the engine exactly
// when the analysis lists the outage (or a subset of it) as a cut set, and, for a single
// outage, degraded exactly when it is listed as degrading.
void check_against_engine(const model::Model& model, const model::FrozenGraph& graph,
                          std::size_t pair_stride) {
  std::vector<std::uint32_t> functions;
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    (model.entities[e].kind == model::EntityKind::kFunction ? functions : candidates).push_back(e);
  }
  const std::vector<CutSets> found = analysis::find_cut_sets(graph, functions, candidates);
  auto has = [](const std::vector<std::uint32_t>& v, std::uint32_t x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  };
  std::size_t cuts_of_order_1 = 0;
  for (std::uint32_t c : candidates) {
    const std::vector<State> engine = engine_limit(graph, {c});
    for (const CutSets& sets : found) {
      INFO(model.entities[c].id, " down alone, function ", model.entities[sets.function].id);
      const State expected = has(sets.single_points, c) ? State::kDown
                             : has(sets.degrading, c)   ? State::kDegraded
                                                        : State::kUp;
      CHECK(engine[sets.function] == expected);
      cuts_of_order_1 += expected == State::kDown ? 1 : 0;
    }
  }
  CHECK(cuts_of_order_1 > 0);

  // Every pair listed is a cut in the engine.
  std::size_t pairs = 0;
  for (const CutSets& sets : found) {
    for (const auto& [a, b] : sets.pairs) {
      INFO(model.entities[a].id, " + ", model.entities[b].id, " down, function ",
           model.entities[sets.function].id);
      CHECK(engine_limit(graph, {a, b})[sets.function] == State::kDown);
      ++pairs;
    }
  }
  CHECK(pairs > 0);

  // A sample of all pairs of ancestors: down in the engine iff a listed cut set is inside.
  std::set<std::uint32_t> ancestors;
  for (std::uint32_t f : functions) {
    for (std::uint32_t a : analysis::down_ancestors(graph, f)) {
      if (model.entities[a].kind != model::EntityKind::kFunction) ancestors.insert(a);
    }
  }
  const std::vector<std::uint32_t> pool(ancestors.begin(), ancestors.end());
  std::size_t sampled = 0;
  std::size_t step = 0;
  for (std::size_t i = 0; i < pool.size(); ++i) {
    for (std::size_t j = i + 1; j < pool.size(); ++j) {
      if (step++ % pair_stride != 0) continue;
      ++sampled;
      const std::uint32_t a = pool[i];
      const std::uint32_t b = pool[j];
      const std::vector<State> engine = engine_limit(graph, {a, b});
      for (const CutSets& sets : found) {
        const bool cut =
            has(sets.single_points, a) || has(sets.single_points, b) ||
            std::find(sets.pairs.begin(), sets.pairs.end(), std::pair(a, b)) != sets.pairs.end();
        INFO(model.entities[a].id, " + ", model.entities[b].id, " down, function ",
             model.entities[sets.function].id);
        CHECK((engine[sets.function] == State::kDown) == cut);
      }
    }
  }
  CHECK(sampled > 10);
}

}  // namespace

TEST_CASE("CutSets.All.EveryRequirementIsASinglePointOfFailure") {
  Analysed m("[" + provider("a") + "," + provider("b") + "," +
             function("f", R"([{"on":"a"},{"on":"b"}])") + "]");
  const CutSets f = m.of("f");
  CHECK(m.ids(f.single_points) == Ids{"a", "b"});
  CHECK(f.pairs.empty());
  CHECK(f.degrading.empty());
}

TEST_CASE("CutSets.Any.ARedundantPairIsOneCutSetOfOrderTwo") {
  Analysed m("[" + provider("a") + "," + provider("b") + "," +
             function("f", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"15m"}])") + "]");
  const CutSets f = m.of("f");
  CHECK(f.single_points.empty());
  CHECK(m.ids(f.pairs) == IdPairs{{"a", "b"}});
}

TEST_CASE("CutSets.KOfN.TwoOfThreeGivesThreePairs") {
  Analysed m("[" + provider("a") + "," + provider("b") + "," + provider("c") + "," +
             function("f", R"([{"k":2,"of":[{"on":"a"},{"on":"b"},{"on":"c"}]}])") + "," +
             function("g", R"([{"k":3,"of":[{"on":"a"},{"on":"b"},{"on":"c"}]}])") + "]");
  const CutSets f = m.of("f");
  CHECK(f.single_points.empty());
  CHECK(m.ids(f.pairs) == IdPairs{{"a", "b"}, {"a", "c"}, {"b", "c"}});
  // 3-of-3 needs every member: three single points, and so no minimal pair.
  const CutSets g = m.of("g");
  CHECK(m.ids(g.single_points) == Ids{"a", "b", "c"});
  CHECK(g.pairs.empty());
}

TEST_CASE("CutSets.Chain.ADependencyOfADependencyIsASinglePoint") {
  // f needs s (tolerance 3d: it still runs out), s needs p.
  Analysed m("[" + provider("p") + "," + entity("s", R"([{"on":"p"}])") + "," +
             function("f", R"([{"on":"s","tolerance":"3d"}])") + "]");
  CHECK(m.ids(m.of("f").single_points) == Ids{"p", "s"});
}

TEST_CASE("CutSets.Any.ACommonCauseOfBothMembersIsASinglePoint") {
  // f needs any{s1, s2} and c; s1 and s2 both run on p. Pairs that contain a single point
  // are not minimal: only {s1, s2} is left.
  Analysed m("[" + provider("p") + "," + provider("c") + "," + entity("s1", R"([{"on":"p"}])") +
             "," + entity("s2", R"([{"on":"p"}])") + "," +
             function("f", R"([{"any":[{"on":"s1"},{"on":"s2"}]},{"on":"c"}])") + "]");
  const CutSets f = m.of("f");
  CHECK(m.ids(f.single_points) == Ids{"c", "p"});
  CHECK(m.ids(f.pairs) == IdPairs{{"s1", "s2"}});
}

TEST_CASE("CutSets.Pairs.MeetInAGroupDeeperInTheGraph") {
  // f needs s; s needs any{a, b}; a runs on p; b needs any{q, r}. Pairs: both members of s's
  // group, or what takes them down ({q, r} takes b down only together, so q and r are in no
  // pair: with a member of the other side they make sets of three).
  Analysed m("[" + provider("p") + "," + provider("q") + "," + provider("r") + "," +
             entity("a", R"([{"on":"p"}])") + "," +
             entity("b", R"([{"any":[{"on":"q"},{"on":"r"}]}])") + "," +
             entity("s", R"([{"any":[{"on":"a"},{"on":"b"}]}])") + "," +
             function("f", R"([{"on":"s"}])") + "]");
  const CutSets f = m.of("f");
  CHECK(m.ids(f.single_points) == Ids{"s"});
  CHECK(m.ids(f.pairs) == IdPairs{{"a", "b"}, {"b", "p"}});
}

TEST_CASE("CutSets.Cycle.DownOnlyWhenTheOutageForcesIt") {
  // a and b need each other; a also needs power; f needs b. Power takes the whole cycle
  // down. c and d need each other too, but c can also run on backup (any{d, backup}); g
  // needs d. backup alone forces nothing (the cycle keeps itself up), d alone does.
  Analysed m("[" + provider("power") + "," + provider("backup") + "," +
             entity("a", R"([{"on":"b"},{"on":"power"}])") + "," + entity("b", R"([{"on":"a"}])") +
             "," + function("f", R"([{"on":"b"}])") + "," +
             entity("c", R"([{"any":[{"on":"d"},{"on":"backup"}]}])") + "," +
             entity("d", R"([{"on":"c"}])") + "," + function("g", R"([{"on":"d"}])") + "]");
  CHECK(m.ids(m.of("f").single_points) == Ids{"a", "b", "power"});
  const CutSets g = m.of("g");
  CHECK(m.ids(g.single_points) == Ids{"c", "d"});
  CHECK(g.pairs.empty());
  // The engine agrees: a ten-year outage of backup leaves g up, of power takes f down.
  CHECK(engine_limit(m.graph, {m.index("backup")})[m.index("g")] == State::kUp);
  CHECK(engine_limit(m.graph, {m.index("power")})[m.index("f")] == State::kDown);
}

TEST_CASE("CutSets.Degraded.ADegradedOnlyEdgeIsNoCut") {
  // f needs d only to avoid degradation; g needs s (which lets degradation through), and s
  // needs d only to avoid degradation: d degrades both, takes neither down.
  Analysed m("[" + provider("d") + "," + entity("s", R"([{"on":"d","effect":"degraded"}])") + "," +
             function("f", R"([{"on":"d","effect":"degraded","tolerance":"1h"}])") + "," +
             function("g", R"([{"on":"s","degraded_propagates":true}])") + "]");
  const CutSets f = m.of("f");
  CHECK(f.single_points.empty());
  CHECK(m.ids(f.degrading) == Ids{"d"});
  const CutSets g = m.of("g");
  CHECK(m.ids(g.single_points) == Ids{"s"});
  CHECK(m.ids(g.degrading) == Ids{"d"});
}

TEST_CASE("CutSets.Disputed.LeftOutUnlessIncluded") {
  const std::string entities =
      "[" + provider("x") + "," +
      function("f", R"([{"on":"x","evidence":{"source":"seed","confidence":"disputed"}}])") + "]";
  CHECK(Analysed(entities).of("f").single_points.empty());
  const Analysed included(entities, /*include_disputed=*/true);
  CHECK(included.ids(included.of("f").single_points) == Ids{"x"});
}

TEST_CASE("CutSets.Ancestors.OnlyThroughDownRequirements") {
  Analysed m("[" + provider("p") + "," + provider("q") + "," + entity("s", R"([{"on":"p"}])") +
             "," + function("f", R"([{"on":"s"},{"on":"q","effect":"degraded"}])") + "]");
  CHECK(m.ids(analysis::down_ancestors(m.graph, m.index("f"))) == Ids{"p", "s"});
}

TEST_CASE("PermanentOutage.RollbackRestoresTheEarlierState") {
  Analysed m("[" + provider("a") + "," + provider("b") + "," +
             function("f", R"([{"any":[{"on":"a"},{"on":"b"}]}])") + "]");
  PermanentOutage outage(m.graph);
  outage.fail(m.index("a"));
  const std::size_t mark = outage.checkpoint();
  const std::vector<State> a_alone = outage.states();
  CHECK_FALSE(outage.down(m.index("f")));
  outage.fail(m.index("b"));
  CHECK(outage.down(m.index("f")));
  CHECK(outage.down_nodes().size() == 3);
  outage.rollback(mark);
  CHECK_FALSE(outage.down(m.index("b")));
  CHECK_FALSE(outage.down(m.index("f")));
  CHECK(outage.states() == a_alone);
  outage.fail(m.index("b"));  // the counters are right again after the rollback
  CHECK(outage.down(m.index("f")));
}

TEST_CASE("CutSets.Pairs.SameAsTryingEveryPairOnASyntheticGraph") {
  // The order-2 search pairs only entities that weaken a common requirement; trying every
  // pair of ancestors must find the same.
  const model::SyntheticGraph g =
      model::generate_synthetic({.nodes = 2000, .degree = 8, .seed = 7});
  std::vector<std::uint32_t> functions;
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t e = 0; e < g.entities.size(); ++e) {
    (g.entities.kind[e] == model::EntityKind::kFunction ? functions : candidates).push_back(e);
  }
  functions.resize(std::min<std::size_t>(functions.size(), 40));
  const std::vector<CutSets> found = analysis::find_cut_sets(g.graph, functions, candidates);
  std::size_t pairs = 0;
  PermanentOutage outage(g.graph);
  for (const CutSets& sets : found) {
    std::vector<std::uint32_t> pool;
    for (std::uint32_t a : analysis::down_ancestors(g.graph, sets.function)) {
      if (g.entities.kind[a] != model::EntityKind::kFunction &&
          !std::binary_search(sets.single_points.begin(), sets.single_points.end(), a)) {
        pool.push_back(a);
      }
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> expected;
    for (std::size_t i = 0; i < pool.size(); ++i) {
      for (std::size_t j = i + 1; j < pool.size(); ++j) {
        outage.fail(pool[i]);
        outage.fail(pool[j]);
        if (outage.down(sets.function)) expected.emplace_back(pool[i], pool[j]);
        outage.rollback(0);
      }
    }
    CHECK(sets.pairs == expected);
    pairs += expected.size();
  }
  CHECK(pairs > 1000);
}

TEST_CASE("CutSets.AgreeWithTheEngine.Hospital") {
  const model::Model model =
      model::load_model_path(std::filesystem::path(MSOUT_SOURCE_DIR) / "scenarios/hospital/model");
  check_against_engine(model, model::FrozenGraph::freeze(model), 1);
}

TEST_CASE("CutSets.AgreeWithTheEngine.Netherlands") {
  const model::Model model =
      model::load_model_path(std::filesystem::path(MSOUT_SOURCE_DIR) / "model/nl");
  check_against_engine(model, model::FrozenGraph::freeze(model), 37);
  const model::FrozenGraph with_disputed =
      model::FrozenGraph::freeze(model, model::FreezeOptions{/*include_disputed=*/true});
  check_against_engine(model, with_disputed, 101);
}

}  // namespace msout::testing
