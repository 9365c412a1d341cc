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

// Zero-delay rounds within one instant: fewer than 2^24 (a longer zero-delay chain is a bug).
inline constexpr std::uint32_t kMaxDelta = (1u << 24) - 1;

// 32 bytes: millions of events are pending in large cascades.
struct Event {
  SimTime time;
  std::uint32_t delta : 24 = 0;  // zero-delay round within `time`
  std::uint32_t kind : 8 = 0;    // behaviour-defined; lower kinds first within a batch
  LpId target = 0;
  LpId source = kExternalSource;
  std::uint32_t sequence = 0;  // per-source send counter: unique for (source, sequence)
  std::uint64_t payload = 0;   // behaviour-defined
};
static_assert(sizeof(Event) == 32);

// Strict weak order used by every queue and scheduler: earlier events compare less.
struct EventOrder {
  static auto key(const Event& e) {
    return std::make_tuple(e.time.ticks, std::uint32_t{e.delta}, e.target, std::uint32_t{e.kind},
                           e.source, e.sequence);
  }
  bool operator()(const Event& a, const Event& b) const { return key(a) < key(b); }
};

// An event injected from outside the simulation: round 0 of `time`, numbered `sequence` in
// injection order.
inline Event external_event(SimTime time, LpId target, std::uint16_t kind, std::uint64_t payload,
                            std::uint32_t sequence) {
  Event e;
  e.time = time;
  e.target = target;
  e.kind = kind & 0xffu;
  e.source = kExternalSource;
  e.sequence = sequence;
  e.payload = payload;
  return e;
}

// True when `a` and `b` belong to the same batch: same instant, round and target LP.
inline bool same_batch(const Event& a, const Event& b) {
  return a.time == b.time && a.delta == b.delta && a.target == b.target;
}

}  // namespace msout::kernel
