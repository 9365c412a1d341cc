// Event: a timestamped message from one logical process (LP) to another.
//
// Events are small values kept in flat arrays. Their order is total and depends only on
// what the behaviours did, never on threads or memory:
//   (time, delta round, target, kind, source, source sequence number).
// The delta round numbers zero-delay generations within one instant: an event sent with
// zero delay while handling round d is delivered in round d+1. A parallel scheduler that
// processes one round at a time therefore sees exactly the sequential order.
#pragma once

#include <cstdint>
#include <limits>
#include <tuple>

#include "sim/kernel/sim_time.h"

namespace msout::kernel {

using LpId = std::uint32_t;

// Source of events injected from outside the simulation (initial events, scenario input).
inline constexpr LpId kExternalSource = std::numeric_limits<LpId>::max();

struct Event {
  SimTime time;
  std::uint32_t delta = 0;  // zero-delay round within `time`
  LpId target = 0;
  std::uint16_t kind = 0;  // behaviour-defined; lower kinds first within a batch
  LpId source = kExternalSource;
  std::uint32_t sequence = 0;  // per-source send counter: unique for (source, sequence)
  std::uint64_t payload = 0;   // behaviour-defined
};

// Strict weak order used by every queue and scheduler: earlier events compare less.
struct EventOrder {
  static auto key(const Event& e) {
    return std::tie(e.time, e.delta, e.target, e.kind, e.source, e.sequence);
  }
  bool operator()(const Event& a, const Event& b) const { return key(a) < key(b); }
};

// True when `a` and `b` belong to the same batch: same instant, round and target LP.
inline bool same_batch(const Event& a, const Event& b) {
  return a.time == b.time && a.delta == b.delta && a.target == b.target;
}

}  // namespace msout::kernel
