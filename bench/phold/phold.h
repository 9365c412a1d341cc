// PHOLD, the standard PDES benchmark, as ROSS defines it, as a behaviour on msout's kernel.
//
// N logical processes each start with one event. Handling an event draws u ~ U(0,1) and
// sends one event: to a uniformly random LP if u <= remote (0.25), else to itself, at
// now + lookahead + Exp(mean - lookahead). Time is in micro-units (1 tick = 1e-6), so the
// classic mean 1.0 is 1'000'000 ticks. Each LP draws from its own random stream, so the
// run is the same for any scheduler and thread count.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/kernel/behaviour.h"

namespace msout::bench {

struct PholdConfig {
  std::uint32_t lps = 32768;
  std::int64_t mean = 1'000'000;     // ticks (1.0)
  std::int64_t lookahead = 100'000;  // ticks (0.1)
  std::int64_t end = 300'000'000;    // ticks (300); events at time < end are committed
  double remote = 0.25;
  std::uint64_t seed = 1;
};

class Phold {
 public:
  explicit Phold(const PholdConfig& config) : config_(config), rng_(config.lps) {
    for (std::uint32_t lp = 0; lp < config.lps; ++lp) {
      rng_[lp] = config.seed * 0x9e3779b97f4a7c15ULL + lp * 0xd1b54a32d192ed03ULL;
    }
  }

  // The first event of `lp`, at lookahead + Exp(mean - lookahead).
  kernel::SimTime first_time(std::uint32_t lp) { return kernel::SimTime{delay(lp)}; }

  void handle_batch(kernel::LpId lp, std::span<const kernel::Event> batch, kernel::Outbox& out) {
    for (std::size_t i = 0; i < batch.size(); ++i) {
      const double u = uniform(lp);
      const kernel::LpId target =
          u <= config_.remote ? static_cast<kernel::LpId>(next(lp) % config_.lps) : lp;
      out.send(target, kernel::SimTime{delay(lp)}, 0, 0);
    }
  }

 private:
  // splitmix64: small, fast, and good enough for a benchmark's draws.
  std::uint64_t next(std::uint32_t lp) {
    std::uint64_t z = (rng_[lp] += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  double uniform(std::uint32_t lp) { return static_cast<double>(next(lp) >> 11) * 0x1.0p-53; }
  std::int64_t delay(std::uint32_t lp) {
    const std::int64_t spread = config_.mean - config_.lookahead;
    if (spread <= 0) return config_.lookahead;
    // Exp(spread) by inversion; 1 - u avoids log(0).
    const double e = -static_cast<double>(spread) * std::log(1.0 - uniform(lp));
    return config_.lookahead + static_cast<std::int64_t>(std::llround(e));
  }

  PholdConfig config_;
  std::vector<std::uint64_t> rng_;
};

}  // namespace msout::bench
