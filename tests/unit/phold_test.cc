// PHOLD on the kernel: the committed-event count of the ties configuration is exact, and the
// parallel scheduler handles every LP's events exactly as the sequential one at 1-16 threads.
#include "bench/phold/phold.h"

#include <vector>

#include <doctest/doctest.h>

#include "sim/kernel/parallel_scheduler.h"
#include "sim/kernel/sequential_scheduler.h"

namespace msout::testing {
namespace {

using kernel::Event;
using kernel::LpId;
using kernel::SimTime;

// Records, per LP, what it handled. Each LP is handled by one thread at a time, so per-LP
// vectors need no lock.
class PerLpTrace : public kernel::EventObserver {
 public:
  explicit PerLpTrace(std::size_t lps) : trace_(lps) {}
  void on_batch(LpId lp, std::span<const Event> batch) override {
    for (const Event& e : batch) {
      trace_[lp].insert(trace_[lp].end(),
                        {static_cast<std::uint64_t>(e.time.ticks), e.source, e.sequence, e.delta});
    }
  }
  const std::vector<std::vector<std::uint64_t>>& trace() const { return trace_; }

 private:
  std::vector<std::vector<std::uint64_t>> trace_;
};

struct Outcome {
  std::uint64_t events;
  std::vector<std::vector<std::uint64_t>> trace;
};

Outcome run_phold(const bench::PholdConfig& config, int threads) {
  bench::Phold phold(config);
  PerLpTrace observer(config.lps);
  auto go = [&](auto& scheduler) {
    scheduler.set_observer(&observer);
    for (std::uint32_t lp = 0; lp < config.lps; ++lp) {
      scheduler.inject(phold.first_time(lp), lp, 0, 0);
    }
    return scheduler.run_until(SimTime{config.end - 1}).events;
  };
  std::uint64_t events = 0;
  if (threads == 0) {
    kernel::SequentialScheduler<bench::Phold> scheduler(config.lps, phold);
    events = go(scheduler);
  } else {
    kernel::ParallelScheduler<bench::Phold> scheduler(config.lps, phold, threads,
                                                      SimTime{config.lookahead});
    events = go(scheduler);
  }
  return {events, observer.trace()};
}

}  // namespace

TEST_CASE("Phold.Ties.CommittedEventsAreExact") {
  bench::PholdConfig config;
  config.lps = 1024;
  config.lookahead = 1'000'000;  // configuration L: every delay exactly 1.0
  config.end = 50'000'000;
  CHECK(run_phold(config, 0).events == 1024u * 49u);
}

TEST_CASE("Phold.Classic.ParallelEqualsSequential.1to16threads") {
  bench::PholdConfig config;
  config.lps = 1024;
  config.end = 30'000'000;
  const Outcome reference = run_phold(config, 0);
  CHECK(reference.events > 1024u * 20u);
  for (int threads : {1, 2, 4, 8, 16}) {
    CAPTURE(threads);
    const Outcome parallel = run_phold(config, threads);
    CHECK(parallel.events == reference.events);
    CHECK(parallel.trace == reference.trace);
  }
}

}  // namespace msout::testing
