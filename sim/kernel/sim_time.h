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

struct SimTime {
  std::int64_t ticks = 0;

  static constexpr SimTime max() { return {std::numeric_limits<std::int64_t>::max()}; }

  friend constexpr auto operator<=>(SimTime, SimTime) = default;
  friend constexpr SimTime operator+(SimTime t, SimTime d) { return {t.ticks + d.ticks}; }
  friend constexpr SimTime operator-(SimTime a, SimTime b) { return {a.ticks - b.ticks}; }
};

}  // namespace msout::kernel
