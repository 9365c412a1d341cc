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
  std::optional<bool> boolean(const json& object, std::string_view key, const std::string& pointer);
  std::optional<std::uint64_t> count(const json& object, std::string_view key,
                                     const std::string& pointer);
  std::optional<Duration> duration(const json& object, std::string_view key,
                                   const std::string& pointer);
  // A duration, or a distribution of one (docs/uncertainty.md): "4h", or an object such as
  // {"distribution": "lognormal", "median": "2h", "p90": "8h"}. Every problem (an unknown
  // distribution, a missing bound, min above max, a P90 below the median) is an error at
  // its pointer.
  std::optional<UncertainDuration> uncertain_duration(const json& object, std::string_view key,
                                                      const std::string& pointer);
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

// True if `id` matches [a-z0-9][a-z0-9._-]*.
bool is_valid_id(std::string_view id);

// True if `code` is two or more capitals (US, NL, EU, …).
bool is_valid_jurisdiction(std::string_view code);

}  // namespace msout::model
