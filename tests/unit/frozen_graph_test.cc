// Tests of model/frozen_graph.h (the CSR arrays the engine reads, disputed dependencies) and
// model/model_graph.h (the Boost.Graph view and cycle finding).
#include "model/frozen_graph.h"

#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "model/model.h"
#include "model/model_graph.h"
#include "model/model_loader.h"

namespace {

using msout::model::dependency_cycles;
using msout::model::Effect;
using msout::model::find_cycles;
using msout::model::FreezeOptions;
using msout::model::FrozenEdge;
using msout::model::FrozenGraph;
using msout::model::FrozenRequirement;
using msout::model::Gate;
using msout::model::load_model;
using msout::model::Model;
using msout::model::SourceText;

using U32s = std::vector<std::uint32_t>;
using Cycles = std::vector<std::vector<std::uint32_t>>;
using Edges = std::vector<std::pair<std::uint32_t, std::uint32_t>>;

Model model_of(const std::string& entities) {
  return load_model(
      {SourceText{"m.json", R"({"format": "msout-model/1", "entities": )" + entities + "}"}});
}

U32s to_vector(std::span<const std::uint32_t> span) { return U32s(span.begin(), span.end()); }

// 0 a: -
// 1 b: a (tolerance 1h, recovery 15m, degraded_propagates)
// 2 c: a; any[a, b] switchover 15m, effect degraded
// 3 d: 2-of[a, b, c]
// 4 e: -
Model plain_model() {
  return model_of(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"on": "a", "tolerance": "1h", "recovery": "15m", "degraded_propagates": true}]},
    {"id": "c", "name": "C", "kind": "service", "requires": [
      {"on": "a"},
      {"any": [{"on": "a"}, {"on": "b"}], "switchover": "15m", "effect": "degraded"}]},
    {"id": "d", "name": "D", "kind": "function", "requires": [
      {"k": 2, "of": [{"on": "a"}, {"on": "b"}, {"on": "c"}]}]},
    {"id": "e", "name": "E", "kind": "organisation"}
  ])");
}

// 0 a, 1 b, 2 c: -
// 3 x: a (disputed); 3-of[a, b (disputed), c]; any[a] (group disputed); b;
//      2-of[a, b (disputed), c (disputed)]
Model disputed_model() {
  return model_of(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "provider"},
    {"id": "c", "name": "C", "kind": "provider"},
    {"id": "x", "name": "X", "kind": "function", "requires": [
      {"on": "a", "evidence": {"source": "s", "confidence": "disputed"}},
      {"k": 3, "of": [{"on": "a"},
                      {"on": "b", "evidence": {"source": "s", "confidence": "disputed"}},
                      {"on": "c", "evidence": {"source": "s", "confidence": "reported"}}]},
      {"any": [{"on": "a"}], "evidence": {"source": "s", "confidence": "disputed"}},
      {"on": "b", "evidence": {"source": "s", "confidence": "presumed"}},
      {"k": 2, "of": [{"on": "a"},
                      {"on": "b", "evidence": {"source": "s", "confidence": "disputed"}},
                      {"on": "c", "evidence": {"source": "s", "confidence": "disputed"}}]}
    ]}
  ])");
}

}  // namespace

// ---- FrozenGraph ---------------------------------------------------------------------------

TEST_CASE("FrozenGraph.Freeze.Counts") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  CHECK(g.node_count() == 5);
  CHECK(g.requirement_count() == 4);
  CHECK(g.edge_count() == 7);
}

TEST_CASE("FrozenGraph.Freeze.RequirementOffsets") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  const U32s sizes{0, 1, 2, 1, 0};
  const U32s firsts{0, 0, 1, 3, 4};
  for (std::uint32_t node = 0; node < 5; ++node) {
    CAPTURE(node);
    CHECK(g.requirements_of(node).size() == sizes[node]);
    CHECK(g.first_requirement(node) == firsts[node]);
  }
  CHECK(g.requirement_index(2, 0) == 1);
  CHECK(g.requirement_index(2, 1) == 2);
  CHECK(g.requirement_index(3, 0) == 3);
  // requirements_of() views the global array.
  CHECK(&g.requirements_of(2)[1] == &g.requirement(2));
}

TEST_CASE("FrozenGraph.Freeze.Requirements") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  const FrozenRequirement& b0 = g.requirement(0);
  CHECK(b0.gate == Gate::kSingle);
  CHECK(b0.k == 1);
  CHECK(b0.effect == Effect::kDown);
  CHECK(b0.first_edge == 0);
  CHECK(b0.end_edge == 1);

  const FrozenRequirement& any = g.requirement(2);
  CHECK(any.gate == Gate::kAny);
  CHECK(any.k == 1);
  CHECK(any.effect == Effect::kDegraded);
  CHECK(any.switchover == 900);
  CHECK(any.first_edge == 2);
  CHECK(any.end_edge == 4);
  CHECK(g.members(any).size() == 2);

  const FrozenRequirement& kofn = g.requirement(3);
  CHECK(kofn.gate == Gate::kKOfN);
  CHECK(kofn.k == 2);
  CHECK(kofn.effect == Effect::kDown);
  REQUIRE(g.members(kofn).size() == 3);
  CHECK(g.members(kofn)[0].dependency == 0);
  CHECK(g.members(kofn)[1].dependency == 1);
  CHECK(g.members(kofn)[2].dependency == 2);
}

TEST_CASE("FrozenGraph.Freeze.Edges") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  const U32s dependency{0, 0, 0, 1, 0, 1, 2};
  const U32s owner{1, 2, 2, 2, 3, 3, 3};
  for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
    CAPTURE(e);
    CHECK(g.edge(e).dependency == dependency[e]);
    CHECK(g.edge(e).owner == owner[e]);
  }
  const FrozenEdge& first = g.edge(0);
  CHECK(first.tolerance == 3600);
  CHECK(first.recovery == 900);
  CHECK(first.degraded_propagates());
  CHECK(g.edge(1).tolerance == 0);
  CHECK(g.edge(1).recovery == 0);
  CHECK_FALSE(g.edge(1).degraded_propagates());
}

TEST_CASE("FrozenGraph.Freeze.RequirementOfEdge") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  const U32s expected{0, 1, 2, 2, 3, 3, 3};
  for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
    CAPTURE(e);
    CHECK(g.requirement_of_edge(e) == expected[e]);
    const FrozenRequirement& r = g.requirement(g.requirement_of_edge(e));
    CHECK(r.first_edge <= e);
    CHECK(e < r.end_edge);
  }
}

TEST_CASE("FrozenGraph.Freeze.DependentsOf") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  CHECK(to_vector(g.dependents_of(0)) == U32s{0, 1, 2, 4});  // edge order
  CHECK(to_vector(g.dependents_of(1)) == U32s{3, 5});
  CHECK(to_vector(g.dependents_of(2)) == U32s{6});
  CHECK(g.dependents_of(3).empty());
  CHECK(g.dependents_of(4).empty());
  // The reverse index is exactly the inverse of edge.dependency.
  std::uint32_t total = 0;
  for (std::uint32_t node = 0; node < g.node_count(); ++node) {
    for (std::uint32_t e : g.dependents_of(node)) CHECK(g.edge(e).dependency == node);
    total += static_cast<std::uint32_t>(g.dependents_of(node).size());
  }
  CHECK(total == g.edge_count());
}

TEST_CASE("FrozenGraph.Freeze.SourceIndices") {
  const FrozenGraph g = FrozenGraph::freeze(plain_model());
  const U32s requirement{0, 0, 1, 0};
  for (std::uint32_t r = 0; r < g.requirement_count(); ++r) {
    CAPTURE(r);
    CHECK(g.source_requirement(r) == requirement[r]);
  }
  const U32s member{0, 0, 0, 1, 0, 1, 2};
  for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
    CAPTURE(e);
    CHECK(g.source_member(e) == member[e]);
  }
}

TEST_CASE("FrozenGraph.Freeze.EmptyModel") {
  const FrozenGraph g = FrozenGraph::freeze(model_of("[]"));
  CHECK(g.node_count() == 0);
  CHECK(g.requirement_count() == 0);
  CHECK(g.edge_count() == 0);
}

TEST_CASE("FrozenGraph.Freeze.CycleAndSelfLoop") {
  const FrozenGraph g = FrozenGraph::freeze(model_of(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"on": "b"}, {"on": "a"}]},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": "a"}]}])"));
  CHECK(g.edge_count() == 3);
  CHECK(to_vector(g.dependents_of(0)) == U32s{1, 2});
  CHECK(to_vector(g.dependents_of(1)) == U32s{0});
}

TEST_CASE("FrozenGraph.Disputed.ExcludedByDefault") {
  const FrozenGraph g = FrozenGraph::freeze(disputed_model());
  // x keeps: 3-of[a, c] as 2-of-2 and b. The disputed single dependency and the disputed
  // any group impose nothing; so does 2-of[a, b, c] with two members left out (they count
  // as working, which meets k = 2 by themselves).
  CHECK(g.requirements_of(3).size() == 2);
  CHECK(g.requirement_count() == 2);
  CHECK(g.edge_count() == 3);

  const FrozenRequirement& kofn = g.requirement(0);
  CHECK(kofn.gate == Gate::kKOfN);
  REQUIRE(g.members(kofn).size() == 2);
  CHECK(g.members(kofn)[0].dependency == 0);
  CHECK(g.members(kofn)[1].dependency == 2);
  CHECK(g.source_requirement(0) == 1);
  CHECK(g.source_member(0) == 0);
  CHECK(g.source_member(1) == 2);

  const FrozenRequirement& single = g.requirement(1);
  CHECK(single.gate == Gate::kSingle);
  REQUIRE(g.members(single).size() == 1);
  CHECK(g.members(single)[0].dependency == 1);
  CHECK(g.source_requirement(1) == 3);

  // The reverse index leaves the left-out edges out too.
  CHECK(to_vector(g.dependents_of(0)) == U32s{0});
  CHECK(to_vector(g.dependents_of(1)) == U32s{2});
  CHECK(to_vector(g.dependents_of(2)) == U32s{1});
  for (std::uint32_t e = 0; e < g.edge_count(); ++e) {
    CHECK(g.edge(e).owner == 3);
    CHECK(g.requirement_of_edge(e) < g.requirement_count());
  }
}

// Regression (issue 10, item 2): k used to be clamped to the members kept, so 2-of-3 with
// two disputed members became 1-of-1 and failed with its one kept member.
TEST_CASE("FrozenGraph.Disputed.LeftOutMembersCountAsWorking") {
  const FrozenGraph g = FrozenGraph::freeze(disputed_model());
  CHECK(g.requirement(0).k == 2);  // 3-of-3 with one disputed member: 2-of-2
  // 2-of-3 with two disputed members: the two count as working, nothing is imposed.
  for (std::uint32_t r = 0; r < g.requirement_count(); ++r) CHECK(g.source_requirement(r) != 4);
}

TEST_CASE("FrozenGraph.Disputed.KLessTheMembersLeftOut") {
  const FrozenGraph g = FrozenGraph::freeze(model_of(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "provider"},
    {"id": "c", "name": "C", "kind": "provider"},
    {"id": "d", "name": "D", "kind": "provider"},
    {"id": "x", "name": "X", "kind": "function", "requires": [
      {"k": 3, "of": [{"on": "a"}, {"on": "b"}, {"on": "c"},
                      {"on": "d", "evidence": {"source": "s", "confidence": "disputed"}}]},
      {"any": [{"on": "a"}, {"on": "b", "evidence": {"source": "s", "confidence": "disputed"}}]},
      {"any": [{"on": "c"}, {"on": "d"}], "switchover": "1h"}]}])"));
  // 3-of-4 with one left out: 2 of the 3 kept. The any group with a left-out alternative is
  // satisfied by it and imposes nothing; the other any group is untouched.
  REQUIRE(g.requirement_count() == 2);
  CHECK(g.requirement(0).gate == Gate::kKOfN);
  CHECK(g.requirement(0).k == 2);
  CHECK(g.members(g.requirement(0)).size() == 3);
  CHECK(g.requirement(1).gate == Gate::kAny);
  CHECK(g.requirement(1).k == 1);
  CHECK(g.members(g.requirement(1)).size() == 2);
  CHECK(g.source_requirement(1) == 2);
  CHECK(g.edge_count() == 5);
  for (std::uint32_t e = 0; e < g.edge_count(); ++e)
    CHECK(g.requirement_of_edge(e) == (e < 3 ? 0 : 1));
}

TEST_CASE("FrozenGraph.Disputed.IncludedOnRequest") {
  const FrozenGraph g = FrozenGraph::freeze(disputed_model(), FreezeOptions{true});
  CHECK(g.requirements_of(3).size() == 5);
  CHECK(g.edge_count() == 9);
  for (std::uint32_t r = 0; r < 5; ++r) CHECK(g.source_requirement(r) == r);
  CHECK(g.requirement(1).k == 3);
  CHECK(g.members(g.requirement(1)).size() == 3);
  CHECK(g.requirement(2).gate == Gate::kAny);
  CHECK(g.requirement(4).k == 2);
  CHECK(to_vector(g.dependents_of(1)) == U32s{2, 5, 7});
}

TEST_CASE("FrozenGraph.Disputed.AllRequirementsDisputed") {
  const Model m = model_of(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"on": "a", "evidence": {"source": "s", "confidence": "disputed"}}]},
    {"id": "c", "name": "C", "kind": "service", "requires": [{"on": "b"}]}])");
  const FrozenGraph g = FrozenGraph::freeze(m);
  CHECK(g.requirements_of(1).empty());
  CHECK(g.requirements_of(2).size() == 1);
  CHECK(g.first_requirement(2) == 0);
  CHECK(g.edge_count() == 1);
  CHECK(g.dependents_of(0).empty());
  CHECK(to_vector(g.dependents_of(1)) == U32s{0});
}

// ---- model_graph ---------------------------------------------------------------------------

TEST_CASE("ModelGraph.FindCycles.TwoCycle") {
  CHECK(find_cycles(3, Edges{{0, 1}, {1, 0}, {1, 2}}) == Cycles{{0, 1}});
}

TEST_CASE("ModelGraph.FindCycles.ThreeCycle") {
  CHECK(find_cycles(4, Edges{{2, 0}, {0, 1}, {1, 2}, {3, 0}}) == Cycles{{0, 1, 2}});
}

TEST_CASE("ModelGraph.FindCycles.SelfLoop") {
  CHECK(find_cycles(2, Edges{{0, 1}, {1, 1}}) == Cycles{{1}});
}

TEST_CASE("ModelGraph.FindCycles.Acyclic") {
  CHECK(find_cycles(4, Edges{{0, 1}, {1, 2}, {0, 2}, {3, 2}, {0, 1}}).empty());
  CHECK(find_cycles(3, Edges{}).empty());
  CHECK(find_cycles(0, Edges{}).empty());
}

TEST_CASE("ModelGraph.FindCycles.SeveralSorted") {
  const Cycles cycles =
      find_cycles(7, Edges{{5, 4}, {4, 5}, {6, 0}, {0, 2}, {2, 0}, {3, 3}, {1, 0}, {2, 6}});
  CHECK(cycles == Cycles{{0, 2, 6}, {3}, {4, 5}});
}

TEST_CASE("ModelGraph.DependencyCycles") {
  const Model m = model_of(R"([
    {"id": "azure", "name": "Azure", "kind": "provider", "requires": [{"on": "entra"}]},
    {"id": "entra", "name": "Entra", "kind": "service", "requires": [
      {"any": [{"on": "local"}, {"on": "azure"}]}]},
    {"id": "loop", "name": "Loop", "kind": "service", "requires": [{"on": "loop"}]},
    {"id": "local", "name": "Local", "kind": "service"},
    {"id": "care", "name": "Care", "kind": "function", "requires": [
      {"k": 1, "of": [{"on": "azure"}, {"on": "local"}]}]}])");
  CHECK(dependency_cycles(m) == Cycles{{0, 1}, {2}});
  CHECK(dependency_cycles(plain_model()).empty());
}
