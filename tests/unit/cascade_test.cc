// The cascade semantics of docs/semantics.md, rule by rule, each with a hand-computed
// expectation. Times are written as h/m constants: 1 * kHour + 15 * kMinute = "1h15m".
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
