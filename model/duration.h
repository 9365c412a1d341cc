// Duration: a span of simulated time, held as integer seconds and written for humans.
//
// Text form: one or more <integer><unit> parts, unit s|m|h|d|w ("90s", "15m", "1h30m",
// "2w"), or "0". parse_duration rejects negatives, fractions, unknown units and durations
// longer than kMaxDuration with a message meant for the user.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace msout::model {

struct Duration {
  std::int64_t seconds = 0;
  friend constexpr auto operator<=>(Duration, Duration) = default;
};

struct DurationParse {
  std::optional<Duration> value;  // set on success
  std::string error;              // why not, on failure
};

// The longest duration any input may give (a tolerance, a lever time, a horizon, --until):
// 100 years. Far beyond any stress test, and small enough that the engine's sums of
// durations (a lever time plus tolerances, switchovers and recoveries along a chain of
// millions of entities) stay far inside 64 bits.
inline constexpr Duration kMaxDuration{36500LL * 24 * 3600};

DurationParse parse_duration(std::string_view text);

// Shortest exact text form, largest units first: 5400 -> "1h30m", 0 -> "0s".
std::string format_duration(Duration d);

}  // namespace msout::model
