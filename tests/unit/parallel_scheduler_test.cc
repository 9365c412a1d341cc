// The parallel scheduler gives every LP exactly the batches, in exactly the order, of the
// sequential reference scheduler — for any thread count, with and without lookahead — and so
// the cascade gives byte-identical reports at 1, 2, 4, 8 and 16 threads.
#include "sim/kernel/parallel_scheduler.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/kernel/sequential_scheduler.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"

namespace msout::testing {
namespace {

using kernel::Event;
using kernel::LpId;
using kernel::SimTime;

constexpr int kThreadCounts[] = {1, 2, 4, 8, 16};

std::uint64_t splitmix(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Random traffic: each batch sends one or two events to random LPs; with `lookahead` 0 some
// delays are zero (rounds), otherwise every delay is at least the lookahead. Records, per LP,
// every event it handled — the trace that must not depend on the scheduler.
struct Chatter {
  std::vector<std::uint64_t> rng;
  std::vector<std::vector<std::uint64_t>> trace;
  std::int64_t lookahead;

  Chatter(std::size_t lps, std::int64_t la) : rng(lps), trace(lps), lookahead(la) {
    for (std::size_t i = 0; i < lps; ++i) rng[i] = i * 7919 + 1;
  }

  void handle_batch(LpId lp, std::span<const Event> batch, kernel::Outbox& out) {
    for (const Event& e : batch) {
      for (std::uint64_t v : {static_cast<std::uint64_t>(e.time.ticks), std::uint64_t{e.delta},
                              std::uint64_t{e.source}, std::uint64_t{e.sequence}, e.payload}) {
        trace[lp].push_back(v);
      }
    }
    const std::uint64_t r = splitmix(rng[lp]);
    const int sends = 1 + static_cast<int>(r & 1);
    for (int i = 0; i < sends; ++i) {
      const std::uint64_t d = splitmix(rng[lp]);
      const auto target = static_cast<LpId>(d % rng.size());
      const std::int64_t delay = lookahead == 0
                                     ? static_cast<std::int64_t>((d >> 20) % 3)
                                     : lookahead + static_cast<std::int64_t>((d >> 20) % 7);
      out.send(target, SimTime{delay}, static_cast<std::uint16_t>((d >> 40) % 2), d);
    }
  }
};

std::vector<std::vector<std::uint64_t>> chatter_trace(int threads, std::int64_t lookahead) {
  constexpr std::size_t kLps = 257;
  Chatter chatter(kLps, lookahead);
  auto seed = [&](auto& scheduler) {
    for (LpId lp = 0; lp < kLps; lp += 3) scheduler.inject(SimTime{lp % 5}, lp, 0, lp);
  };
  if (threads == 0) {
    kernel::SequentialScheduler<Chatter> scheduler(kLps, chatter);
    seed(scheduler);
    scheduler.run_until(SimTime{200});
  } else {
    kernel::ParallelScheduler<Chatter> scheduler(kLps, chatter, threads, SimTime{lookahead});
    seed(scheduler);
    scheduler.run_until(SimTime{200});
  }
  return chatter.trace;
}

std::string cascade_report(const std::filesystem::path& model_path,
                           const std::filesystem::path& scenario_path, int threads) {
  const model::Model model = model::load_model_path(model_path);
  const model::Scenario scenario = model::load_scenario_path(scenario_path);
  model::Diagnostics diags;
  const auto selected = model::resolve_levers(scenario, model, diags);
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model);
  const cascade::CascadeRun run =
      cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds, threads);
  return report::json_report(report::build_report(model, graph, scenario, run));
}

}  // namespace

TEST_CASE("ParallelScheduler.Rounds.SameTraceAsSequential.1to16threads") {
  const auto reference = chatter_trace(0, 0);
  std::size_t events = 0;
  for (const auto& lp : reference) events += lp.size() / 5;
  REQUIRE(events > 10000);  // enough traffic to interleave
  for (int threads : kThreadCounts) {
    CAPTURE(threads);
    CHECK(chatter_trace(threads, 0) == reference);
  }
}

TEST_CASE("ParallelScheduler.Lookahead.SameTraceAsSequential.1to16threads") {
  const auto reference = chatter_trace(0, 5);
  for (int threads : kThreadCounts) {
    CAPTURE(threads);
    CHECK(chatter_trace(threads, 5) == reference);
  }
}

TEST_CASE("ParallelScheduler.Cascade.IdenticalReports.1to16threads") {
  const std::filesystem::path root = MSOUT_SOURCE_DIR;
  const std::vector<std::pair<std::filesystem::path, std::filesystem::path>> runs = {
      {root / "scenarios/hospital/model", root / "scenarios/hospital/microsoft-out.json"},
      {root / "scenarios/hospital/model", root / "scenarios/hospital/datacenter-power-cut.json"},
      {root / "model/nl", root / "scenarios/nl/microsoft-out.json"},
      {root / "model/nl", root / "scenarios/nl/us-sanctions-staged.json"},
      {root / "model/nl", root / "scenarios/nl/faulty-security-update.json"}};
  for (const auto& [model_path, scenario_path] : runs) {
    CAPTURE(scenario_path);
    const std::string reference = cascade_report(model_path, scenario_path, 1);
    for (int threads : kThreadCounts) {
      CAPTURE(threads);
      CHECK(cascade_report(model_path, scenario_path, threads) == reference);
    }
  }
}

}  // namespace msout::testing
