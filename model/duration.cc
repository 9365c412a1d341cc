#include "model/duration.h"

#include <array>
#include <cctype>
#include <limits>
#include <utility>

#include "model/printable_text.h"

namespace msout::model {
namespace {

constexpr std::array<std::pair<char, std::int64_t>, 5> kUnits{
    {{'w', 7 * 24 * 3600}, {'d', 24 * 3600}, {'h', 3600}, {'m', 60}, {'s', 1}}};

std::optional<std::int64_t> unit_seconds(char unit) {
  for (auto [name, seconds] : kUnits) {
    if (name == unit) return seconds;
  }
  return std::nullopt;
}

constexpr const char* kExpected = R"( (expected e.g. "90s", "15m", "4h", "1h30m", "3d", "2w"))";

DurationParse fail(std::string message) { return {std::nullopt, std::move(message)}; }

}  // namespace

DurationParse parse_duration(std::string_view text) {
  const std::string shown = quoted(text);
  if (text == "0") return {Duration{0}, {}};
  if (text.empty()) return fail(std::string("empty duration") + kExpected);
  if (text.front() == '-') return fail("negative duration " + shown);
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t total = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) {
      return fail("unparsable duration " + shown + kExpected);
    }
    std::int64_t number = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      const int digit = text[i] - '0';
      if (number > (kMax - digit) / 10) return fail("duration " + shown + " is too large");
      number = number * 10 + digit;
      ++i;
    }
    if (i == text.size()) return fail("duration " + shown + " lacks a unit" + kExpected);
    const auto seconds = unit_seconds(text[i]);
    if (!seconds) return fail("unparsable duration " + shown + kExpected);
    ++i;
    if (number > (kMax - total) / *seconds) return fail("duration " + shown + " is too large");
    total += number * *seconds;
  }
  if (total > kMaxDuration.seconds) {
    return fail("duration " + shown + " is longer than the longest msout accepts (" +
                format_duration(kMaxDuration) + ", 100 years)");
  }
  return {Duration{total}, {}};
}

std::string format_duration(Duration d) {
  if (d.seconds == 0) return "0s";
  std::string out;
  std::int64_t rest = d.seconds;
  if (rest < 0) {
    out = "-";
    rest = -rest;
  }
  for (auto [name, seconds] : kUnits) {
    if (name == 'w') continue;  // days read better than weeks in reports ("10d", not "1w3d")
    if (rest >= seconds) {
      out += std::to_string(rest / seconds) + name;
      rest %= seconds;
    }
  }
  return out;
}

}  // namespace msout::model
