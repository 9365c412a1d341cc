// The cascade semantics of docs/semantics.md, rule by rule, each with a hand-computed
// expectation. Times are written as h/m constants: 1 * kHour + 15 * kMinute = "1h15m".
#include <algorithm>
#include <limits>
#include <random>
#include <sstream>

#include <doctest/doctest.h>

#include "sim/cascade/cause_chain.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

const std::string kAB = provider("a") + "," + provider("b");
const std::string kABC = kAB + "," + provider("c");

}  // namespace

TEST_CASE("Cascade.All.EveryRequirementIsNeeded") {
  Sim sim("[" + kAB + "," + entity("f", R"([{"on":"a"},{"on":"b"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("lb", "2h", "down", R"(["b"])") + "," +
              lever("ra", "3h", "restore", R"(["a"])") + "," +
              lever("rb", "4h", "restore", R"(["b"])") + "]",
          "1d");
  // Down with a at 1h; still down at 3h because b is; up when b is back at 4h.
  CHECK(sim.changes("f") == Changes{{1 * kHour, State::kDown}, {4 * kHour, State::kUp}});
}

TEST_CASE("Cascade.Any.SwitchoverDelay") {
  Sim sim("[" + kAB + "," + entity("f", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"15m"}])") +
              "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("lb", "2h", "down", R"(["b"])") + "," +
              lever("ra", "3h", "restore", R"(["a"])", R"(,"ends":["la"])") + "]",
          "1d");
  // 1h: a fails, switch to b takes 15m. 2h: b fails, no alternative. 3h: a is back, but b
  // was active, so moving onto a costs another switchover: up at 3h15m.
  CHECK(sim.changes("f") == Changes{{1 * kHour, State::kDown},
                                    {1 * kHour + 15 * kMinute, State::kUp},
                                    {2 * kHour, State::kDown},
                                    {3 * kHour + 15 * kMinute, State::kUp}});
}

TEST_CASE("Cascade.Any.ActiveMemberResumesWithoutSwitchover") {
  Sim sim("[" + kAB + "," + entity("f", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"15m"}])") +
              "]",
          "[" + lever("l", "1h", "down", R"(["a","b"])") + "," +
              lever("r", "2h", "restore", R"(["a","b"])") + "]",
          "1d");
  // Both fail at once: nothing to switch to. The active member a comes back at 2h: no switch.
  CHECK(sim.changes("f") == Changes{{1 * kHour, State::kDown}, {2 * kHour, State::kUp}});
}

TEST_CASE("Cascade.Any.NoFailback") {
  Sim sim("[" + kAB + "," + entity("f", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"10m"}])") +
              "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "," +
              lever("la2", "3h", "down", R"(["a"])") + "]",
          "1d");
  // After switching to b the group stays there; losing a again at 3h does not matter.
  CHECK(sim.changes("f") ==
        Changes{{1 * kHour, State::kDown}, {1 * kHour + 10 * kMinute, State::kUp}});
}

TEST_CASE("Cascade.Any.ZeroSwitchoverIsSeamless") {
  Sim sim("[" + kAB + "," + entity("f", R"([{"any":[{"on":"a"},{"on":"b"}]}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  CHECK(sim.changes("f").empty());
}

TEST_CASE("Cascade.Any.DegradedActiveMemberDoesNotSwitch") {
  Sim sim(
      "[" + kAB + "," +
          entity(
              "f",
              R"([{"any":[{"on":"a","degraded_propagates":true},{"on":"b"}],"switchover":"15m"}])") +
          "]",
      "[" + lever("la", "1h", "degraded", R"(["a"])") + "," +
          lever("ra", "2h", "restore", R"(["a"])") + "]",
      "1d");
  CHECK(sim.changes("f") == Changes{{1 * kHour, State::kDegraded}, {2 * kHour, State::kUp}});
}

TEST_CASE("Cascade.KOfN.FailsBelowK") {
  Sim sim(
      "[" + kABC + "," + entity("f", R"([{"k":2,"of":[{"on":"a"},{"on":"b"},{"on":"c"}]}])") + "]",
      "[" + lever("la", "1h", "down", R"(["a"])") + "," + lever("lb", "2h", "down", R"(["b"])") +
          "," + lever("ra", "3h", "restore", R"(["a"])", R"(,"ends":["la"])") + "]",
      "1d");
  // One of three lost: still 2 left. Two lost at 2h: down. a back at 3h: 2 of 3 again.
  CHECK(sim.changes("f") == Changes{{2 * kHour, State::kDown}, {3 * kHour, State::kUp}});
}

TEST_CASE("Cascade.KOfN.DegradedWhenTooFewAreFine") {
  Sim sim(
      "[" + kABC + "," +
          entity(
              "f",
              R"([{"k":2,"of":[{"on":"a"},{"on":"b","degraded_propagates":true},{"on":"c"}]}])") +
          "]",
      "[" + lever("la", "1h", "down", R"(["a"])") + "," +
          lever("lb", "2h", "degraded", R"(["b"])") + "]",
      "1d");
  // At 2h: b impaired and c fine -> 2 not failed (>= k) but only 1 fine (< k): degraded.
  CHECK(sim.changes("f") == Changes{{2 * kHour, State::kDegraded}});
}

TEST_CASE("Cascade.Tolerance.Expires") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","tolerance":"2h"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  CHECK(sim.changes("f") == Changes{{3 * kHour, State::kDown}});
}

TEST_CASE("Cascade.Tolerance.CancelledWhenDependencyReturns") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","tolerance":"2h"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "]",
          "1d");
  CHECK(sim.changes("f").empty());
}

TEST_CASE("Cascade.Tolerance.RestartsAfterEachLoss") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","tolerance":"2h"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "1h30m", "restore", R"(["a"])") + "," +
              lever("la2", "2h", "down", R"(["a"])") + "]",
          "1d");
  // The second loss at 2h must last 2h on its own: down at 4h, not 3h.
  CHECK(sim.changes("f") == Changes{{4 * kHour, State::kDown}});
}

TEST_CASE("Cascade.Tolerance.BackExactlyAtTheDeadlineIsTooLate") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","tolerance":"2h"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "3h", "restore", R"(["a"])") + "]",
          "1d");
  // The loss has lasted the full tolerance at 3h; the return reaches f one round later.
  CHECK(sim.changes("f") == Changes{{3 * kHour, State::kDown}, {3 * kHour, State::kUp}});
}

TEST_CASE("Cascade.Tolerance.LostWhenTheDependentGoesDown") {
  const std::string model =
      "[" + kAB + "," + entity("f", R"([{"on":"a"},{"on":"b","tolerance":"3h"}])") + "]";
  SUBCASE("both lost at once") {
    Sim sim(model,
            "[" + lever("la", "0s", "down", R"(["a"])") + "," +
                lever("lb", "0s", "down", R"(["b"])") + "," +
                lever("ra", "1h", "restore", R"(["a"])", R"(,"ends":["la"])") + "," +
                lever("rb", "2h", "restore", R"(["b"])", R"(,"ends":["lb"])") + "]",
            "1d");
    // Down with a at 0; its 3h bridge for b is gone, so a's return at 1h is not enough.
    CHECK(sim.changes("f") == Changes{{0, State::kDown}, {2 * kHour, State::kUp}});
  }
  SUBCASE("lost while already down") {
    Sim sim(model,
            "[" + lever("la", "0s", "down", R"(["a"])") + "," +
                lever("lb", "30m", "down", R"(["b"])") + "," +
                lever("ra", "1h", "restore", R"(["a"])", R"(,"ends":["la"])") + "," +
                lever("rb", "2h", "restore", R"(["b"])", R"(,"ends":["lb"])") + "]",
            "1d");
    CHECK(sim.changes("f") == Changes{{0, State::kDown}, {2 * kHour, State::kUp}});
  }
}

TEST_CASE("Cascade.Recovery.DelaysTheReturn") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","recovery":"30m"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "]",
          "1d");
  CHECK(sim.changes("f") ==
        Changes{{1 * kHour, State::kDown}, {2 * kHour + 30 * kMinute, State::kUp}});
}

TEST_CASE("Cascade.Recovery.CancelledByANewLoss") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","recovery":"30m"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "," +
              lever("la2", "2h10m", "down", R"(["a"])") + "," +
              lever("ra2", "3h", "restore", R"(["a"])") + "]",
          "1d");
  CHECK(sim.changes("f") ==
        Changes{{1 * kHour, State::kDown}, {3 * kHour + 30 * kMinute, State::kUp}});
}

TEST_CASE("Cascade.Effect.DegradedRequirement") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","effect":"degraded"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  CHECK(sim.changes("f") == Changes{{1 * kHour, State::kDegraded}});
}

TEST_CASE("Cascade.DegradedPropagation.OnAndOff") {
  Sim sim("[" + provider("s") + "," + entity("g", R"([{"on":"s","degraded_propagates":true}])") +
              "," + entity("h", R"([{"on":"s"}])") + "]",
          "[" + lever("ld", "1h", "degraded", R"(["s"])") + "," +
              lever("lx", "2h", "down", R"(["s"])") + "]",
          "1d");
  CHECK(sim.changes("g") == Changes{{1 * kHour, State::kDegraded}, {2 * kHour, State::kDown}});
  CHECK(sim.changes("h") == Changes{{2 * kHour, State::kDown}});
}

TEST_CASE("Cascade.Cycle.TwoNodesCannotRestartByThemselves") {
  Sim sim("[" + entity("a", R"([{"on":"b"}])") + "," + entity("b", R"([{"on":"a"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "]",
          "1d");
  CHECK(sim.changes("a") == Changes{{1 * kHour, State::kDown}});
  CHECK(sim.changes("b") == Changes{{1 * kHour, State::kDown}});
  const cascade::BlackStart bs = sim.black_start();
  CHECK(sim.ids(bs.blocked) == std::vector<std::string>{"a", "b"});
  REQUIRE(bs.cycles.size() == 1);
  CHECK(sim.ids(bs.cycles[0]) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("Cascade.Cycle.ToleranceBridgesAShortOutage") {
  Sim sim("[" + entity("a", R"([{"on":"b"}])") + "," +
              entity("b", R"([{"on":"a","tolerance":"2h"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "," +
              lever("ra", "2h", "restore", R"(["a"])") + "]",
          "1d");
  CHECK(sim.changes("a") == Changes{{1 * kHour, State::kDown}, {2 * kHour, State::kUp}});
  CHECK(sim.changes("b").empty());
  CHECK(sim.black_start().blocked.empty());
}

TEST_CASE("Cascade.Cycle.ThreeNodesAndWhoWaitsOnThem") {
  Sim sim("[" + entity("a", R"([{"on":"b"}])") + "," + entity("b", R"([{"on":"c"}])") + "," +
              entity("c", R"([{"on":"a"}])") + "," + entity("f", R"([{"on":"a"}])", "function") +
              "]",
          "[" + lever("lb", "1h", "down", R"(["b"])") + "," +
              lever("rb", "2h", "restore", R"(["b"])") + "]",
          "1d");
  for (const char* id : {"a", "b", "c", "f"}) {
    CHECK(sim.changes(id) == Changes{{1 * kHour, State::kDown}});
  }
  const cascade::BlackStart bs = sim.black_start();
  CHECK(sim.ids(bs.blocked) == std::vector<std::string>{"a", "b", "c", "f"});
  REQUIRE(bs.cycles.size() == 1);
  CHECK(sim.ids(bs.cycles[0]) == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("Cascade.BlackStart.RecoveringIsNotBlocked") {
  Sim sim("[" + provider("a") + "," + entity("f", R"([{"on":"a","recovery":"2h"}])") + "]",
          "[" + lever("la", "0s", "down", R"(["a"])") + "," +
              lever("ra", "1h", "restore", R"(["a"])") + "]",
          "2h");
  CHECK(sim.final_state("f") == State::kDown);  // back at 3h, after the horizon
  CHECK(sim.black_start().blocked.empty());
}

TEST_CASE("Cascade.BlackStart.HeldByALeverIsNotBlocked") {
  Sim sim("[" + entity("a", R"([{"on":"b"}])") + "," + entity("b", R"([{"on":"a"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  CHECK(sim.final_state("b") == State::kDown);
  CHECK(sim.black_start().blocked.empty());
}

namespace {

// A chain of `n` entities all down at the horizon, each needing the next one towards the
// end of the chain, which is held down by a lever; plus, off the chain, a 2-cycle. With
// `dependents_first` entity i needs i + 1 (the order that made the sweeps quadratic);
// otherwise entity i needs i - 1. Nodes n and n + 1 are the cycle.
struct Chain {
  model::FrozenGraph graph;
  std::vector<State> state;
  std::vector<State> imposed;
};

Chain down_chain(std::uint32_t n, bool dependents_first) {
  const std::uint32_t nodes = n + 2;
  model::IndexArray offsets{0};
  model::RequirementArray requirements;
  model::EdgeArray edges;
  const std::uint32_t held = dependents_first ? n - 1 : 0;  // the end the lever holds
  for (std::uint32_t v = 0; v < nodes; ++v) {
    std::uint32_t on = v;
    if (v == n)
      on = n + 1;
    else if (v == n + 1)
      on = n;
    else if (v != held)
      on = dependents_first ? v + 1 : v - 1;
    if (on != v) {
      const auto e = static_cast<std::uint32_t>(edges.size());
      edges.push_back({on, v, 0, 0, 0});
      requirements.push_back({e, e + 1, 1, model::Gate::kSingle, model::Effect::kDown, 0});
    }
    offsets.push_back(static_cast<std::uint32_t>(requirements.size()));
  }
  Chain c{
      model::FrozenGraph::from_parts(std::move(offsets), std::move(requirements), std::move(edges)),
      std::vector<State>(nodes, State::kDown), std::vector<State>(nodes, State::kUp)};
  c.imposed[held] = State::kDown;
  return c;
}

}  // namespace

// Regression (issue 8, black start): the fixed point swept every entity until nothing
// changed, once per link of a chain listed dependents first (10^5 entities: 27 s). The
// worklist looks at each edge a bounded number of times in either order.
TEST_CASE("Cascade.BlackStart.ChainIsLinearInEitherOrder") {
  constexpr std::uint32_t kN = 20000;
  for (bool dependents_first : {true, false}) {
    CAPTURE(dependents_first);
    const Chain c = down_chain(kN, dependents_first);
    const cascade::BlackStart bs = cascade::find_black_start(c.graph, c.state, c.imposed);
    // The chain waits on the lever, not on itself: only the 2-cycle is blocked.
    CHECK(bs.blocked == std::vector<std::uint32_t>{kN, kN + 1});
    REQUIRE(bs.cycles.size() == 1);
    CHECK(bs.cycles[0] == std::vector<std::uint32_t>{kN, kN + 1});
    // Each edge: once to find the candidates, once to count, once per drop, once checked.
    CHECK(bs.members_examined <= 4 * static_cast<std::uint64_t>(c.graph.edge_count()));
  }
}

TEST_CASE("Cascade.BlackStart.SameResultInEitherOrder") {
  // A three-cycle a -> b -> c -> a with a k-of-n member on the cycle and entities waiting
  // on it, listed in the two orders; the blocked sets are the same entities.
  const std::string cycle_first =
      "[" + entity("a", R"([{"on":"b"}])") + "," +
      entity("b", R"([{"k":1,"of":[{"on":"c"},{"on":"x"}]}])") + "," +
      entity("c", R"([{"on":"a"}])") + "," + entity("w", R"([{"on":"c"}])") + "," +
      entity("v", R"([{"on":"w"},{"on":"x"}])") + "," + provider("x") + "]";
  const std::string waiting_first = "[" + entity("v", R"([{"on":"w"},{"on":"x"}])") + "," +
                                    entity("w", R"([{"on":"c"}])") + "," +
                                    entity("c", R"([{"on":"a"}])") + "," +
                                    entity("b", R"([{"k":1,"of":[{"on":"c"},{"on":"x"}]}])") + "," +
                                    entity("a", R"([{"on":"b"}])") + "," + provider("x") + "]";
  const std::string levers = "[" + lever("lx", "1h", "down", R"(["x"])") + "," +
                             lever("la", "2h", "down", R"(["a"])") + "," +
                             lever("ra", "3h", "restore", R"(["a"])") + "]";
  std::vector<std::vector<std::string>> blocked;
  for (const std::string& model : {cycle_first, waiting_first}) {
    Sim sim(model, levers, "1d");
    std::vector<std::string> ids = sim.ids(sim.black_start().blocked);
    std::sort(ids.begin(), ids.end());
    blocked.push_back(ids);
  }
  // v also needs x, which a lever holds down: it waits on x, not on the cycle.
  CHECK(blocked[0] == std::vector<std::string>{"a", "b", "c", "w"});
  CHECK(blocked[1] == blocked[0]);
}

TEST_CASE("Cascade.Levers.OverlappingImpositionsCompose") {
  Sim sim(
      "[" + provider("a") + "," + entity("f", R"([{"on":"a","degraded_propagates":true}])") + "]",
      "[" + lever("l1", "0s", "down", R"(["a"])") + "," +
          lever("l2", "1h", "degraded", R"(["a"])") + "," +
          lever("l3", "2h", "restore", R"(["a"])", R"(,"ends":["l1"])") + "," +
          lever("l4", "3h", "restore", R"(["a"])") + "]",
      "1d");
  const Changes expected{{0, State::kDown}, {2 * kHour, State::kDegraded}, {3 * kHour, State::kUp}};
  CHECK(sim.changes("a") == expected);
  CHECK(sim.changes("f") == expected);
}

TEST_CASE("Cascade.Levers.RestoreEndsOnlyTheNamedLevers") {
  Sim sim("[" + provider("a") + "]",
          "[" + lever("l1", "0s", "down", R"(["a"])") + "," +
              lever("l2", "1h", "down", R"(["a"])") + "," +
              lever("r1", "2h", "restore", R"(["a"])", R"(,"ends":["l1"])") + "," +
              lever("r2", "3h", "restore", R"(["a"])", R"(,"ends":["l2"])") + "]",
          "1d");
  CHECK(sim.changes("a") == Changes{{0, State::kDown}, {3 * kHour, State::kUp}});
}

TEST_CASE("Cascade.Levers.SelectorsByAttribute") {
  Sim sim(
      R"([{"id":"az","name":"az","kind":"provider","jurisdiction":"US","tags":["microsoft"]},
              {"id":"eu","name":"eu","kind":"provider","jurisdiction":"NL","tags":["microsoft"]},
              {"id":"aws","name":"aws","kind":"provider","jurisdiction":"US"}])",
      R"([{"id":"l","at":"1h","action":"down","select":{"jurisdiction":"US","tags":"microsoft"}}])",
      "1d");
  CHECK(sim.changes("az") == Changes{{1 * kHour, State::kDown}});
  CHECK(sim.changes("eu").empty());
  CHECK(sim.changes("aws").empty());
}

TEST_CASE("Cascade.Evidence.DisputedDependencyIsLeftOutByDefault") {
  const std::string model =
      "[" + provider("a") + "," +
      entity("f", R"([{"on":"a","evidence":{"source":"seed","confidence":"disputed"}}])") + "]";
  const std::string levers = "[" + lever("la", "1h", "down", R"(["a"])") + "]";
  CHECK(Sim(model, levers, "1d").changes("f").empty());
  CHECK(Sim(model, levers, "1d", /*include_disputed=*/true).changes("f") ==
        Changes{{1 * kHour, State::kDown}});
}

// Regression (issue 10, item 2): a 2-of-3 group with two disputed members used to become
// 1-of-1 and fail with its one kept member; the left-out members now count as working.
TEST_CASE("Cascade.Evidence.DisputedTwoOfThreeSurvives") {
  const std::string disputed = R"(,"evidence":{"source":"s","confidence":"disputed"})";
  const std::string model = "[" + kABC + "," +
                            entity("f", R"([{"k":2,"of":[{"on":"a"},{"on":"b")" + disputed +
                                            R"(},{"on":"c")" + disputed + "}]}]") +
                            "]";
  const std::string levers = "[" + lever("la", "1h", "down", R"(["a"])") + "," +
                             lever("lb", "2h", "down", R"(["b"])") + "]";
  CHECK(Sim(model, levers, "1d").changes("f").empty());
  // With the disputed members, 2-of-3 fails once a and b are both down.
  CHECK(Sim(model, levers, "1d", true).changes("f") == Changes{{2 * kHour, State::kDown}});
}

TEST_CASE("Cascade.Evidence.DisputedKOfNNeedsKLessLeftOut") {
  // 3-of-4 with d disputed. By default d counts as working: 2 of a, b, c are needed, and a
  // down at 2h leaves b and c. With d (down at 1h), a at 2h leaves b and c: 2 of the 3
  // needed, down at 2h. The old clamp (3 of a, b, c) would have failed it at 2h by default.
  const std::string model =
      "[" + kABC + "," + provider("d") + "," +
      entity(
          "f",
          R"([{"k":3,"of":[{"on":"a"},{"on":"b"},{"on":"c"},{"on":"d","evidence":{"source":"s","confidence":"disputed"}}]}])") +
      "]";
  const std::string levers = "[" + lever("ld", "1h", "down", R"(["d"])") + "," +
                             lever("la", "2h", "down", R"(["a"])") + "]";
  CHECK(Sim(model, levers, "1d").changes("f").empty());
  CHECK(Sim(model, levers, "1d", true).changes("f") == Changes{{2 * kHour, State::kDown}});
}

TEST_CASE("Cascade.Evidence.DisputedAlternativeSatisfiesAnyGroup") {
  const std::string model =
      "[" + kAB + "," +
      entity(
          "f",
          R"([{"any":[{"on":"a"},{"on":"b","evidence":{"source":"s","confidence":"disputed"}}],"switchover":"15m"}])") +
      "]";
  const std::string levers = "[" + lever("la", "1h", "down", R"(["a"])") + "," +
                             lever("lb", "2h", "down", R"(["b"])") + "]";
  CHECK(Sim(model, levers, "1d").changes("f").empty());
  CHECK(Sim(model, levers, "1d", true).changes("f") ==
        Changes{{1 * kHour, State::kDown},
                {1 * kHour + 15 * kMinute, State::kUp},
                {2 * kHour, State::kDown}});
}

namespace {

// A random small model for the property below: providers p0..p2, entities e3.. with single,
// all, any, k-of-n and one_of requirements, cycles allowed, about a third of the members
// disputed; and random down / degraded / restore levers on the providers.
struct RandomCase {
  std::string entities;
  std::string levers;
};

RandomCase random_case(std::uint64_t seed, bool switchovers) {
  std::mt19937_64 rng(seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const int n = 5 + pick(5);
  const char* durations[] = {"0s", "0s", "30m", "1h", "2h"};
  std::ostringstream e;
  e << "[";
  for (int i = 0; i < n; ++i) {
    if (i > 0) e << ",";
    const std::string id = (i < 3 ? "p" : "e") + std::to_string(i);
    if (i < 3) {
      e << provider(id);
      continue;
    }
    auto member = [&](bool timed) {
      const int target = pick(n);
      std::string out =
          R"({"on":")" + std::string(target < 3 ? "p" : "e") + std::to_string(target) + "\"";
      if (timed) {
        out += R"(,"tolerance":")" + std::string(durations[pick(5)]) + R"(","recovery":")" +
               durations[pick(5)] + "\"";
      }
      if (pick(2) == 0) out += R"(,"degraded_propagates":true)";
      if (pick(3) == 0) out += R"(,"evidence":{"source":"s","confidence":"disputed"})";
      return out;
    };
    std::string reqs = "[";
    const int count = 1 + pick(3);
    for (int r = 0; r < count; ++r) {
      if (r > 0) reqs += ",";
      const std::string effect = pick(3) == 0 ? R"(,"effect":"degraded")" : "";
      const int size = 2 + pick(3);
      std::string members;
      for (int m = 0; m < size; ++m) members += (m > 0 ? "," : "") + member(true) + "}";
      switch (pick(4)) {
        case 0:
          reqs += member(true) + effect + "}";
          break;
        case 1:
          reqs += R"({"any":[)" + members + R"(],"switchover":")" +
                  (switchovers ? durations[pick(5)] : "0s") + "\"" + effect + "}";
          break;
        case 2:
          reqs += R"({"k":)" + std::to_string(1 + pick(size)) + R"(,"of":[)" + members + "]" +
                  effect + "}";
          break;
        default: {
          std::string weighted;
          for (int m = 0; m < size; ++m) {
            weighted += (m > 0 ? "," : "") + member(false) + R"(,"weight":)" +
                        std::to_string(1 + pick(9)) + "}";
          }
          reqs += R"({"one_of":[)" + weighted + "]" + effect + "}";
        }
      }
    }
    e << entity(id, reqs + "]", i % 4 == 0 ? "function" : "service");
  }
  e << "]";
  std::ostringstream l;
  l << "[";
  const int levers = 1 + pick(4);
  for (int i = 0; i < levers; ++i) {
    const std::string target = R"(["p)" + std::to_string(pick(3)) + R"("])";
    const std::string at = std::to_string(pick(6)) + "h";
    if (i > 0) l << ",";
    l << lever("l" + std::to_string(i), at, pick(3) == 0 ? "degraded" : "down", target);
    if (pick(2) == 0) {
      l << ","
        << lever("r" + std::to_string(i), std::to_string(6 + pick(6)) + "h", "restore", target,
                 R"(,"ends":["l)" + std::to_string(i) + R"("])");
    }
  }
  l << "]";
  return {e.str(), l.str()};
}

// The entity's state at the end of each second it changes in, as (time, state) steps.
Changes settled(const Changes& changes) {
  Changes out;
  for (const auto& c : changes) {
    if (!out.empty() && out.back().first == c.first) {
      out.back().second = c.second;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

State state_at(const Changes& steps, std::int64_t t) {
  State s = State::kUp;
  for (const auto& [time, state] : steps) {
    if (time > t) break;
    s = state;
  }
  return s;
}

}  // namespace

// Leaving a claim out can never make anything fail more or earlier: on random small graphs,
// every entity is, at every time, no worse without the disputed claims than with them.
// Switchovers are zero here: with a switchover, which member an any group is on depends on
// history, the one exception (docs/semantics.md, "What the run leaves out or assumes").
TEST_CASE("Cascade.Evidence.LeavingClaimsOutIsMonotone") {
  int compared = 0;
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    const RandomCase c = random_case(seed, /*switchovers=*/false);
    const Sim without(c.entities, c.levers, "1d");
    const Sim with(c.entities, c.levers, "1d", true);
    for (const model::Entity& entity : without.model.entities) {
      const Changes a = settled(without.changes(entity.id));
      const Changes b = settled(with.changes(entity.id));
      std::vector<std::int64_t> times{0};
      for (const auto& step : a) times.push_back(step.first);
      for (const auto& step : b) times.push_back(step.first);
      for (std::int64_t t : times) {
        INFO("seed " << seed << ", entity " << entity.id << ", t " << t << "\n"
                     << c.entities << "\n"
                     << c.levers);
        REQUIRE(state_at(a, t) <= state_at(b, t));
        ++compared;
      }
    }
  }
  CHECK(compared > 2000);
}

// Regression (issue 10, item 5): lever time + tolerance + switchover + recovery along a
// chain must not overflow. A lever near the end of time and 100-year delays: the sums
// saturate at the end of time, which is after the horizon: "never".
TEST_CASE("Cascade.Time.SumsPastTheEndOfTimeAreNever") {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  Sim sim("[" + kAB + "," +
              entity("s", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"36500d"}])") + "," +
              entity("t", R"([{"on":"a","recovery":"36500d"}])") + "," +
              entity("f", R"([{"on":"s","tolerance":"36500d","recovery":"36500d"}])") + "," +
              entity("g", R"([{"on":"t","tolerance":"36500d"}])") + "]",
          "[" + lever("la", "0s", "down", R"(["a"])") + "," +
              lever("ra", "1s", "restore", R"(["a"])") + "]",
          "1d");
  model::Diagnostics diags;
  const auto selected = model::resolve_levers(sim.scenario, sim.model, diags);
  const std::vector<std::int64_t> at{kMax - 1000, kMax - 999};
  const cascade::CascadeRun run =
      cascade::run_cascade(sim.graph, sim.scenario, selected, kMax - 1, 1, nullptr, at);
  auto changes = [&](const std::string& id) {
    Changes out;
    for (const cascade::StateRecord& r : run.history[sim.index(id)]) {
      out.emplace_back(r.time, r.state);
    }
    return out;
  };
  CHECK(changes("a") == Changes{{kMax - 1000, State::kDown}, {kMax - 999, State::kUp}});
  CHECK(changes("s") == Changes{{kMax - 1000, State::kDown}});  // switching for 100 years
  CHECK(changes("t") == Changes{{kMax - 1000, State::kDown}});  // recovering for 100 years
  CHECK(changes("f").empty());
  CHECK(changes("g").empty());
}

TEST_CASE("Cascade.Order.ZeroDelayChangesTakeOneRoundPerHop") {
  Sim sim("[" + provider("a") + "," + entity("b", R"([{"on":"a"}])") + "," +
              entity("c", R"([{"on":"b"}])") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  CHECK(sim.run.history[sim.index("a")].at(0).delta == 0);
  CHECK(sim.run.history[sim.index("b")].at(0).delta == 1);
  CHECK(sim.run.history[sim.index("c")].at(0).delta == 2);
  CHECK(sim.changes("c") == Changes{{1 * kHour, State::kDown}});
}

TEST_CASE("Cascade.CauseChain.BackToTheLever") {
  Sim sim("[" + kAB + "," + entity("s", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"10m"}])") +
              "," + entity("f", R"([{"on":"s"}])", "function") + "]",
          "[" + lever("la", "1h", "down", R"(["a"])") + "]", "1d");
  const std::uint32_t f = sim.index("f");
  const cascade::CauseChain chain = cascade::trace_cause(sim.graph, sim.run.history, f, 0);
  REQUIRE(chain.steps.size() == 3);
  CHECK(chain.steps[0].node == f);
  CHECK(chain.steps[1].node == sim.index("s"));
  CHECK(chain.steps[2].node == sim.index("a"));
  CHECK(chain.lever == 0);
  REQUIRE(chain.steps[1].record.switching_to != cascade::kNoIndex);
  CHECK(sim.graph.edge(chain.steps[1].record.switching_to).dependency == sim.index("b"));
}

TEST_CASE("Cascade.Determinism.SameInputSameHistory") {
  const std::string model = "[" + kABC + "," +
                            entity("s", R"([{"any":[{"on":"a"},{"on":"b"}],"switchover":"5m"}])") +
                            "," + entity("t", R"([{"k":1,"of":[{"on":"s"},{"on":"c"}]}])") + "," +
                            entity("f", R"([{"on":"t","tolerance":"1h"},{"on":"s"}])") + "]";
  const std::string levers = "[" + lever("l", "0s", "down", R"(["a","c"])") + "," +
                             lever("m", "30m", "down", R"(["b"])") + "," +
                             lever("r", "2h", "restore", R"(["a","b","c"])") + "]";
  Sim first(model, levers, "1d");
  Sim second(model, levers, "1d");
  for (const char* id : {"a", "b", "c", "s", "t", "f"}) {
    CHECK(first.changes(id) == second.changes(id));
  }
  CHECK(first.run.stats.events == second.run.stats.events);
}

}  // namespace msout::testing
