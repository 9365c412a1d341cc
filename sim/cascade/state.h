// State of an entity during a cascade: up < degraded < down (worse compares greater).
#pragma once

#include <cstdint>
#include <string_view>

namespace msout::cascade {

enum class State : std::uint8_t { kUp = 0, kDegraded = 1, kDown = 2 };

inline std::string_view to_string(State s) {
  switch (s) {
    case State::kUp:
      return "up";
    case State::kDegraded:
      return "degraded";
    case State::kDown:
      return "down";
  }
  return "?";
}

inline State worst(State a, State b) { return a < b ? b : a; }

}  // namespace msout::cascade
