// The format tags that open every msout input file, and how to read them.
//
// Every loader checks the tag before anything else: a file of another msout format (a model
// passed as a scenario, say) gets one error that says what the file is and which option
// takes it, instead of a list of unknown and missing keys.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/printable_text.h"

namespace msout::model {

inline constexpr std::string_view kModelFormat = "msout-model/1";
inline constexpr std::string_view kScenarioFormat = "msout-scenario/1";
inline constexpr std::string_view kOverlayFormat = "msout-overlay/1";
inline constexpr std::string_view kEvidenceWeightsFormat = "msout-evidence-weights/1";

// The value of the top-level "format" key, if the document is an object that has one.
inline std::optional<std::string> format_of(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  auto it = document.find("format");
  if (it == document.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// What each msout format is called and the option that takes it.
struct FileFormat {
  std::string_view tag;
  std::string_view file;    // "an msout <file>": "model file"
  std::string_view noun;    // "not <noun>": "a model"
  std::string_view option;  // "pass it with <option>": "--model"
};
inline constexpr std::array<FileFormat, 4> kFileFormats{{
    {kModelFormat, "model file", "a model", "--model"},
    {kScenarioFormat, "scenario file", "a scenario", "--scenario"},
    {kOverlayFormat, "overlay (what-if) file", "an overlay", "--whatif"},
    {kEvidenceWeightsFormat, "evidence-weights file", "an evidence-weights file",
     "--evidence-weights"},
}};

// For a document whose "format" is a string other than `expected`, the one error to report
// at /format: "this is an msout model file (msout-model/1), not a scenario; pass it with
// --model" for another msout format, "expected "msout-scenario/1", found "..."" otherwise.
// nullopt when the format is `expected`, or absent or not a string (the loader reports those
// with the file's other errors).
inline std::optional<std::string> format_problem(const nlohmann::json& document,
                                                 std::string_view expected) {
  const std::optional<std::string> format = format_of(document);
  if (!format || *format == expected) return std::nullopt;
  std::string_view wanted = expected;
  for (const FileFormat& f : kFileFormats) {
    if (f.tag == expected) wanted = f.noun;
  }
  for (const FileFormat& f : kFileFormats) {
    if (f.tag != *format) continue;
    return "this is an msout " + std::string(f.file) + " (" + std::string(f.tag) + "), not " +
           std::string(wanted) + "; pass it with " + std::string(f.option);
  }
  return "expected \"" + std::string(expected) + "\", found " + model::quoted(*format);
}

}  // namespace msout::model
