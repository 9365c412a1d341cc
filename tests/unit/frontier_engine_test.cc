// The frontier engine (sim/cascade/frontier_engine.h), on one thread and on several, against
// the kernel's schedulers (sequential and parallel) driving the same behaviour: on synthetic graphs
// with downs, degradations and restores (of one lever and of all) at shared and separate instants,
// every entity's change log, its state and imposition at the horizon, and the event count must be
// the same.
#include "sim/cascade/frontier_engine.h"

#include <doctest/doctest.h>

#include "model/synthetic_graph.h"
#include "sim/cascade/cascade_run.h"
#include "sim/kernel/parallel_scheduler.h"
#include "sim/kernel/round_bucket_queue.h"
#include "sim/kernel/sequential_scheduler.h"

namespace msout::testing {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

// A small deterministic generator for the choices of the test (not the model's draws).
struct Lcg {
  std::uint64_t state;
  std::uint32_t next(std::uint32_t bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::uint32_t>((state >> 33) % bound);
  }
};

model::Lever lever(const std::string& id, std::int64_t at, model::LeverAction action,
                   std::vector<std::string> ends = {}) {
  model::Lever l;
  l.id = id;
  l.name = id;
  l.at = model::Duration{at};
  l.action = action;
  l.ends = std::move(ends);
  return l;
}

// Levers of every kind: providers down at 0s; services degraded at 1h; a restore of the
// first lever at 2d and of everything at 20d; another down at 2d (the same instant as a
// restore, on overlapping entities).
struct Levers {
  model::Scenario scenario;
  std::vector<std::vector<std::uint32_t>> selected;
};

Levers levers_for(const model::EntityTable& table, std::uint64_t seed) {
  Levers out;
  out.scenario.horizon = model::Duration{30 * kDay};
  out.scenario.levers = {lever("cut", 0, model::LeverAction::kDown),
                         lever("slow", kHour, model::LeverAction::kDegraded),
                         lever("back", 2 * kDay, model::LeverAction::kRestore, {"cut"}),
                         lever("again", 2 * kDay, model::LeverAction::kDown),
                         lever("all-back", 20 * kDay, model::LeverAction::kRestore)};
  Lcg random{seed};
  std::vector<std::uint32_t> providers;
  std::vector<std::uint32_t> services;
  for (std::uint32_t e = 0; e < table.size(); ++e) {
    if (table.kind[e] == model::EntityKind::kProvider) providers.push_back(e);
    if (table.kind[e] == model::EntityKind::kService && random.next(50) == 0) services.push_back(e);
  }
  std::vector<std::uint32_t> cut;
  std::vector<std::uint32_t> again;
  for (std::uint32_t p : providers) {
    if (random.next(2) == 0) cut.push_back(p);
    if (random.next(3) == 0) again.push_back(p);
  }
  std::vector<std::uint32_t> all(table.size());
  for (std::uint32_t e = 0; e < table.size(); ++e) all[e] = e;
  out.selected = {cut, services, cut, again, all};
  return out;
}

struct Outcome {
  std::vector<std::vector<cascade::StateRecord>> history;
  std::vector<cascade::State> state;
  std::vector<cascade::State> imposed;
  std::uint64_t events = 0;
};

Outcome collect(const cascade::CascadeBehaviour& b, std::uint32_t nodes, std::uint64_t events) {
  Outcome o;
  o.events = events;
  for (std::uint32_t i = 0; i < nodes; ++i) {
    o.history.push_back(b.history(i));
    o.state.push_back(b.state(i));
    o.imposed.push_back(b.imposed(i));
  }
  return o;
}

// The kernel's sequential reference scheduler, or with `threads` > 0 its parallel one.
Outcome by_the_kernel(const model::FrozenGraph& graph, const Levers& l, std::int64_t end,
                      int threads = 0) {
  cascade::CascadeBehaviour behaviour(graph, cascade::engine_levers(l.scenario), l.selected);
  if (threads > 0) {
    kernel::ParallelScheduler<cascade::CascadeBehaviour, kernel::RoundBucketQueue> scheduler(
        graph.node_count(), behaviour, threads);
    for (std::uint32_t lever_index = 0; lever_index < l.selected.size(); ++lever_index) {
      for (std::uint32_t node : l.selected[lever_index]) {
        scheduler.inject(kernel::SimTime{l.scenario.levers[lever_index].at.seconds}, node,
                         cascade::kLeverEvent, lever_index);
      }
    }
    const kernel::RunStats stats = scheduler.run_until(kernel::SimTime{end});
    return collect(behaviour, graph.node_count(), stats.events);
  }
  kernel::SequentialScheduler<cascade::CascadeBehaviour, kernel::RoundBucketQueue> scheduler(
      graph.node_count(), behaviour);
  // Levers in time order, simultaneous ones in lever order (as run_cascade injects them).
  std::vector<std::uint32_t> order{0, 1, 2, 3, 4};
  for (std::uint32_t lever_index : order) {
    for (std::uint32_t node : l.selected[lever_index]) {
      scheduler.inject(kernel::SimTime{l.scenario.levers[lever_index].at.seconds}, node,
                       cascade::kLeverEvent, lever_index);
    }
  }
  const kernel::RunStats stats = scheduler.run_until(kernel::SimTime{end});
  return collect(behaviour, graph.node_count(), stats.events);
}

// The frontier engine on `threads` threads; `concurrent_steps`, when given, is told which of
// its steps ran on several threads.
Outcome by_the_frontier(const model::FrozenGraph& graph, const Levers& l, std::int64_t end,
                        int threads = 1,
                        cascade::FrontierEngine::ConcurrentSteps* concurrent_steps = nullptr) {
  cascade::FrontierEngine engine(graph, cascade::engine_levers(l.scenario), l.selected, threads);
  std::vector<std::int64_t> times;
  for (const model::Lever& lever : l.scenario.levers) times.push_back(lever.at.seconds);
  const kernel::RunStats stats = engine.run(times, l.selected, end);
  if (concurrent_steps != nullptr) *concurrent_steps = engine.concurrent_steps();
  return collect(engine.behaviour(), graph.node_count(), stats.events);
}

bool same(const cascade::StateRecord& a, const cascade::StateRecord& b) {
  return a.time == b.time && a.delta == b.delta && a.state == b.state && a.cause == b.cause &&
         a.ref == b.ref && a.switching_to == b.switching_to;
}

void check_same(const Outcome& kernel_run, const Outcome& frontier_run) {
  CHECK(kernel_run.events == frontier_run.events);
  REQUIRE(kernel_run.history.size() == frontier_run.history.size());
  std::size_t differing = 0;
  std::size_t changes = 0;
  for (std::size_t i = 0; i < kernel_run.history.size(); ++i) {
    const auto& a = kernel_run.history[i];
    const auto& b = frontier_run.history[i];
    changes += a.size();
    bool equal = a.size() == b.size() && kernel_run.state[i] == frontier_run.state[i] &&
                 kernel_run.imposed[i] == frontier_run.imposed[i];
    for (std::size_t k = 0; equal && k < a.size(); ++k) equal = same(a[k], b[k]);
    differing += equal ? 0 : 1;
  }
  CHECK(differing == 0);
  CHECK(changes > 100);  // the cascade did something worth comparing
}

}  // namespace

TEST_CASE("FrontierEngine.SameAsTheKernelOnSyntheticGraphs") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    CAPTURE(seed);
    const model::SyntheticGraph g = model::generate_synthetic({3000, 6.0 + seed, seed});
    const Levers l = levers_for(g.entities, seed);
    check_same(by_the_kernel(g.graph, l, 30 * kDay), by_the_frontier(g.graph, l, 30 * kDay));
    // A horizon inside the run: what is due later is neither handled nor counted.
    check_same(by_the_kernel(g.graph, l, 2 * kDay), by_the_frontier(g.graph, l, 2 * kDay));
  }
}

// The kernel's parallel scheduler drives the same behaviour to the same result.
TEST_CASE("FrontierEngine.SameAsTheKernelInParallel") {
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    CAPTURE(seed);
    const model::SyntheticGraph g = model::generate_synthetic({3000, 8.0, seed});
    const Levers l = levers_for(g.entities, seed);
    for (int threads : {2, 3}) {
      CAPTURE(threads);
      check_same(by_the_kernel(g.graph, l, 30 * kDay, threads),
                 by_the_frontier(g.graph, l, 30 * kDay));
    }
  }
}

// On several threads, the frontier engine gives what the kernel's sequential scheduler
// gives, on graphs large enough that its steps (evaluations, deliveries, timers) do run
// concurrently.
TEST_CASE("FrontierEngine.SameOnEveryThreadCount") {
  for (std::uint64_t seed = 1; seed <= 2; ++seed) {
    CAPTURE(seed);
    const model::SyntheticGraph g = model::generate_synthetic({40000, 8.0, seed});
    const Levers l = levers_for(g.entities, seed);
    const Outcome reference = by_the_kernel(g.graph, l, 30 * kDay);
    for (int threads : {2, 3, 8}) {
      CAPTURE(threads);
      cascade::FrontierEngine::ConcurrentSteps concurrent;
      check_same(reference, by_the_frontier(g.graph, l, 30 * kDay, threads, &concurrent));
      // Every kind of step did run on several threads.
      CHECK(concurrent.timers > 0);
      CHECK(concurrent.evaluations > 0);
      CHECK(concurrent.deliveries > 0);
    }
  }
}

TEST_CASE("FrontierEngine.ResetRunsAgainTheSame") {
  const model::SyntheticGraph g = model::generate_synthetic({2000, 8.0, 7});
  const Levers l = levers_for(g.entities, 7);
  cascade::FrontierEngine engine(g.graph, cascade::engine_levers(l.scenario), l.selected);
  std::vector<std::int64_t> times;
  for (const model::Lever& lever : l.scenario.levers) times.push_back(lever.at.seconds);
  const kernel::RunStats first = engine.run(times, l.selected, 30 * kDay);
  const Outcome a = collect(engine.behaviour(), g.graph.node_count(), first.events);
  engine.reset(l.selected);
  const kernel::RunStats second = engine.run(times, l.selected, 30 * kDay);
  check_same(a, collect(engine.behaviour(), g.graph.node_count(), second.events));
}

}  // namespace msout::testing
