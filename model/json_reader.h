// JsonReader: strict, error-collecting access to the fields of a JSON document.
//
// Every accessor checks presence and type and, on a problem, records a diagnostic with the
// file and the JSON pointer and returns an empty result, so a loader can go on and find
// every error in one pass. Unknown keys are errors (a typo must not silently vanish).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/duration.h"
#include "model/duration_distribution.h"

namespace msout::model {

class JsonReader {
 public:
  using json = nlohmann::json;

  JsonReader(std::string file, Diagnostics& diags) : file_(std::move(file)), diags_(diags) {}

  const std::string& file() const { return file_; }
  void error(const std::string& pointer, std::string message) {
    diags_.error(file_, pointer, std::move(message));
  }
  void warning(const std::string& pointer, std::string message) {
    diags_.warning(file_, pointer, std::move(message));
  }

  // True if `value` is an object; reports keys outside `allowed` and missing `required`.
  bool object(const json& value, const std::string& pointer,
              std::initializer_list<std::string_view> allowed,
              std::initializer_list<std::string_view> required);

  // Optional fields: nullopt when absent (no diagnostic) or invalid (diagnostic recorded).
  std::optional<std::string> string(const json& object, std::string_view key,
                                    const std::string& pointer);
  // A string that is one line of plain text (a name): a control character in it is an error.
  std::optional<std::string> single_line(const json& object, std::string_view key,
                                         const std::string& pointer);
  std::optional<bool> boolean(const json& object, std::string_view key, const std::string& pointer);
  // A whole number from 0 to `max`: 1.5, 1e30 (a JSON number with a fraction or an
  // exponent), -1 and anything above `max` are errors at the key's pointer.
  std::optional<std::uint64_t> count(const json& object, std::string_view key,
                                     const std::string& pointer, std::uint64_t max);
  std::optional<Duration> duration(const json& object, std::string_view key,
                                   const std::string& pointer);
  // A duration, or a distribution of one (docs/uncertainty.md): "4h", or an object such as
  // {"distribution": "lognormal", "median": "2h", "p90": "8h"}. Every problem (an unknown
  // distribution, a missing bound, min above max, a P90 below the median) is an error at
  // its pointer.
  std::optional<UncertainDuration> uncertain_duration(const json& object, std::string_view key,
                                                      const std::string& pointer);
  // A number from `min` to `max` (both finite; JSON holds no NaN or infinity).
  std::optional<double> number(const json& object, std::string_view key, const std::string& pointer,
                               double min, double max, std::string_view what);
  // A probability: a number in [0, 1].
  std::optional<double> probability(const json& object, std::string_view key,
                                    const std::string& pointer);
  // An array of strings; with `allow_single`, a lone string stands for a one-element array.
  std::vector<std::string> strings(const json& object, std::string_view key,
                                   const std::string& pointer, bool allow_single = false);
  // The array at `key`, or nullptr when absent or not an array (diagnostic recorded).
  const json* array(const json& object, std::string_view key, const std::string& pointer);

 private:
  std::string file_;
  Diagnostics& diags_;
};

// True if `id` matches [a-z0-9][a-z0-9._-]*: no control character, space or '/' can be part
// of an id.
bool is_valid_id(std::string_view id);

// The error for an id that is not valid: `"..." (quoted and shortened) is not a valid id`.
std::string invalid_id_message(std::string_view id);

// True if `text` holds no control character (C0, DEL, C1): names are one line of display text.
bool is_single_line_text(std::string_view text);

// True if `code` is two or more capitals (US, NL, EU, …).
bool is_valid_jurisdiction(std::string_view code);

// True if `lei` is a Legal Entity Identifier (ISO 17442): 18 capitals or digits and two check
// digits that make the whole, read as a number with A=10 … Z=35, leave 1 modulo 97.
bool is_valid_lei(std::string_view lei);

}  // namespace msout::model
