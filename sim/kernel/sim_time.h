// SimTime: simulated time as an integer count of ticks.
//
// The kernel gives ticks no unit; a behaviour decides (the cascade uses one tick = one
// second). Integer time makes simultaneous events and zero delays exact, which the total
// event order relies on.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace msout::kernel {

// a + b for tick counts, saturated at the int64 ends instead of overflowing (signed overflow
// is undefined behaviour): a sum of delays that would pass the end of time is the end of
// time, which every horizon reads as "never".
constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a, b, &sum)) {
    return b > 0 ? std::numeric_limits<std::int64_t>::max()
                 : std::numeric_limits<std::int64_t>::min();
  }
  return sum;
}

struct SimTime {
  std::int64_t ticks = 0;

  // The end of time: "never" within any horizon. Sums saturate here.
  static constexpr SimTime max() { return {std::numeric_limits<std::int64_t>::max()}; }

  friend constexpr auto operator<=>(SimTime, SimTime) = default;
  friend constexpr SimTime operator+(SimTime t, SimTime d) {
    return {saturating_add(t.ticks, d.ticks)};
  }
  // Preconditions: a >= b >= 0, or both within half the range (a difference of two times).
  friend constexpr SimTime operator-(SimTime a, SimTime b) { return {a.ticks - b.ticks}; }
};

}  // namespace msout::kernel
