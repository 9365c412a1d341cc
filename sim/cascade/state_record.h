// StateRecord: one change of an entity's state during a run, with why it happened.
//
// Records are keyed by (time, delta round), which is the same for every scheduler and
// thread count; a cause chain follows them backwards (cause_chain.h).
#pragma once

#include <cstdint>
#include <limits>

#include "sim/cascade/state.h"

namespace msout::cascade {

inline constexpr std::uint32_t kNoIndex = std::numeric_limits<std::uint32_t>::max();

enum class CauseKind : std::uint8_t {
  kNone,        // an improvement
  kLever,       // `ref` is a scenario lever index
  kDependency,  // `ref` is the edge (FrozenGraph index) whose dependency failed
};

struct StateRecord {
  std::int64_t time = 0;
  std::uint32_t delta = 0;
  State state = State::kUp;
  CauseKind cause = CauseKind::kNone;
  std::uint32_t ref = kNoIndex;
  std::uint32_t switching_to = kNoIndex;  // any group in switchover: the edge switched to
};

// True if record `a` happened strictly before record `b`.
inline bool happened_before(const StateRecord& a, const StateRecord& b) {
  return a.time != b.time ? a.time < b.time : a.delta < b.delta;
}

}  // namespace msout::cascade
