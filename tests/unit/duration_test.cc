// Tests of model/duration.h: parsing the human duration syntax and formatting it back.
#include "model/duration.h"

#include <cstdint>
#include <limits>
#include <string>

#include <doctest/doctest.h>

namespace {

using msout::model::Duration;
using msout::model::format_duration;
using msout::model::parse_duration;

// The parsed seconds; fails the test when the text does not parse.
std::int64_t seconds_of(const std::string& text) {
  const auto parsed = parse_duration(text);
  INFO("duration text: \"", text, "\", error: ", parsed.error);
  REQUIRE(parsed.value.has_value());
  CHECK(parsed.error.empty());
  return parsed.value->seconds;
}

// The error message; fails the test when the text parses.
std::string error_of(const std::string& text) {
  const auto parsed = parse_duration(text);
  INFO("duration text: \"", text, "\"");
  CHECK_FALSE(parsed.value.has_value());
  CHECK_FALSE(parsed.error.empty());
  return parsed.error;
}

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;
constexpr std::int64_t kWeek = 7 * kDay;

}  // namespace

TEST_CASE("Duration.Parse.Zero") {
  CHECK(seconds_of("0") == 0);
  CHECK(seconds_of("0s") == 0);
  CHECK(seconds_of("0h") == 0);
  CHECK(seconds_of("0d0m") == 0);
}

TEST_CASE("Duration.Parse.SingleUnits") {
  CHECK(seconds_of("90s") == 90);
  CHECK(seconds_of("15m") == 15 * kMinute);
  CHECK(seconds_of("4h") == 4 * kHour);
  CHECK(seconds_of("3d") == 3 * kDay);
  CHECK(seconds_of("2w") == 2 * kWeek);
  CHECK(seconds_of("1s") == 1);
}

TEST_CASE("Duration.Parse.Compound") {
  CHECK(seconds_of("1h30m") == 5400);
  CHECK(seconds_of("1d1h1m1s") == 90061);
  CHECK(seconds_of("1w1d") == 8 * kDay);
  // Parts add up whatever their order or size.
  CHECK(seconds_of("30m1h") == 5400);
  CHECK(seconds_of("90m") == 5400);
  CHECK(seconds_of("1h1h") == 2 * kHour);
}

TEST_CASE("Duration.Parse.LeadingZeros") {
  CHECK(seconds_of("05m") == 5 * kMinute);
  CHECK(seconds_of("00s") == 0);
}

TEST_CASE("Duration.Parse.Empty") {
  const std::string error = error_of("");
  CHECK(error.find("empty") != std::string::npos);
}

TEST_CASE("Duration.Parse.Negative") {
  const std::string error = error_of("-5m");
  CHECK(error.find("negative") != std::string::npos);
  CHECK(error.find("-5m") != std::string::npos);
  CHECK(error_of("-0s").find("negative") != std::string::npos);
}

TEST_CASE("Duration.Parse.UnitlessNumber") {
  const std::string error = error_of("5");
  CHECK(error.find("\"5\"") != std::string::npos);
  CHECK(error.find("unit") != std::string::npos);
  error_of("15");
  error_of("1h30");  // the last part lacks its unit
}

TEST_CASE("Duration.Parse.Words") {
  const std::string error = error_of("5 minutes");
  CHECK(error.find("5 minutes") != std::string::npos);
  error_of("5min");
  error_of("1 h");
  error_of(" 5m");
  error_of("5m ");
}

TEST_CASE("Duration.Parse.Fractional") {
  const std::string error = error_of("1.5h");
  CHECK(error.find("1.5h") != std::string::npos);
  error_of("0.5s");
}

TEST_CASE("Duration.Parse.UnitWithoutNumber") {
  error_of("h");
  error_of("m5");
  error_of("1hm");
}

TEST_CASE("Duration.Parse.UnknownUnit") {
  error_of("5y");
  error_of("5H");  // units are lower case
  error_of("+5m");
}

TEST_CASE("Duration.Parse.Overflow") {
  const std::string error = error_of("99999999999999999999s");
  CHECK(error.find("too large") != std::string::npos);
  // Fits as a number but not once multiplied by the unit.
  CHECK(error_of("9223372036854775807w").find("too large") != std::string::npos);
  // Each part fits but the sum does not.
  CHECK(error_of("9223372036854775807s1s").find("too large") != std::string::npos);
  // Fits in 64 bits but is longer than 100 years.
  CHECK(error_of("9223372036854775807s").find("longer than") != std::string::npos);
  CHECK(error_of("300000w").find("longer than the longest msout accepts (36500d") !=
        std::string::npos);
  CHECK(error_of("36500d1s").find("longer than") != std::string::npos);
  // The limit itself parses.
  CHECK(seconds_of("36500d") == msout::model::kMaxDuration.seconds);
}

TEST_CASE("Duration.Format.Examples") {
  CHECK(format_duration(Duration{0}) == "0s");
  CHECK(format_duration(Duration{5400}) == "1h30m");
  CHECK(format_duration(Duration{90061}) == "1d1h1m1s");
  CHECK(format_duration(Duration{90}) == "1m30s");
  CHECK(format_duration(Duration{kHour}) == "1h");
  CHECK(format_duration(Duration{3 * kDay}) == "3d");
  CHECK(format_duration(Duration{kDay + 5}) == "1d5s");
}

TEST_CASE("Duration.Format.WeeksAsDays") {
  CHECK(format_duration(Duration{kWeek}) == "7d");
  CHECK(format_duration(Duration{10 * kDay}) == "10d");
}

TEST_CASE("Duration.Format.RoundTrip") {
  for (std::int64_t seconds : {std::int64_t{0}, std::int64_t{1}, std::int64_t{59}, std::int64_t{60},
                               std::int64_t{61}, std::int64_t{3599}, std::int64_t{5400},
                               std::int64_t{90061}, kWeek, 2 * kWeek + 1, std::int64_t{1234567}}) {
    CAPTURE(seconds);
    const std::string text = format_duration(Duration{seconds});
    CHECK(seconds_of(text) == seconds);
  }
  for (const char* text : {"0s", "90s", "15m", "4h", "3d", "1h30m", "1d1h1m1s"}) {
    CAPTURE(text);
    const std::string canonical = format_duration(Duration{seconds_of(text)});
    CHECK(seconds_of(canonical) == seconds_of(text));
  }
  CHECK(format_duration(Duration{seconds_of("90s")}) == "1m30s");
}

TEST_CASE("Duration.Compare") {
  CHECK(Duration{1} < Duration{2});
  CHECK(Duration{5400} == Duration{seconds_of("1h30m")});
}
