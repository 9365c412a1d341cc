// The format tags that open every msout input file, and how to read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace msout::model {

inline constexpr std::string_view kModelFormat = "msout-model/1";
inline constexpr std::string_view kScenarioFormat = "msout-scenario/1";
inline constexpr std::string_view kOverlayFormat = "msout-overlay/1";

// The value of the top-level "format" key, if the document is an object that has one.
inline std::optional<std::string> format_of(const nlohmann::json& document) {
  if (!document.is_object()) return std::nullopt;
  auto it = document.find("format");
  if (it == document.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace msout::model
