#include "model/json_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/json_document.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

std::string type_name(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  if (value.is_number_integer()) return "an integer";
  const std::string name = value.type_name();
  return (name == "object" || name == "array" ? "an " : "a ") + name;
}

// 10000000000 -> "10,000,000,000".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

std::string number_text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

}  // namespace

bool JsonReader::object(const json& value, const std::string& pointer,
                        std::initializer_list<std::string_view> allowed,
                        std::initializer_list<std::string_view> required) {
  if (!value.is_object()) {
    error(pointer, "expected an object, found " + type_name(value));
    return false;
  }
  for (const auto& [key, unused] : value.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string known;
      for (std::string_view k : allowed) known += (known.empty() ? "" : ", ") + std::string(k);
      error(pointer_append(pointer, key),
            "unknown key " + model::quoted(key) + " (known: " + known + ")");
    }
  }
  for (std::string_view key : required) {
    if (!value.contains(key)) error(pointer, "missing required key \"" + std::string(key) + "\"");
  }
  return true;
}

std::optional<std::string> JsonReader::string(const json& object, std::string_view key,
                                              const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_string()) {
    error(pointer_append(pointer, key), "expected a string, found " + type_name(*it));
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<std::string> JsonReader::single_line(const json& object, std::string_view key,
                                                   const std::string& pointer) {
  auto text = string(object, key, pointer);
  if (text && !is_single_line_text(*text)) {
    error(pointer_append(pointer, key),
          model::quoted(*text) + " holds a control character (a name is one line of plain text)");
  }
  return text;
}

std::optional<bool> JsonReader::boolean(const json& object, std::string_view key,
                                        const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_boolean()) {
    error(pointer_append(pointer, key), "expected true or false, found " + type_name(*it));
    return std::nullopt;
  }
  return it->get<bool>();
}

std::optional<std::uint64_t> JsonReader::count(const json& object, std::string_view key,
                                               const std::string& pointer, std::uint64_t max) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  const std::string here = pointer_append(pointer, key);
  if (it->is_number_unsigned()) {
    const auto value = it->get<std::uint64_t>();
    if (value <= max) return value;
    error(here, std::to_string(value) + " is above the limit of " + grouped(max));
  } else if (it->is_number_integer()) {
    error(here, "must not be negative");
  } else if (it->is_number_float()) {
    // Written with a fraction or an exponent (1.5, 2.0, 1e30): a count is written as digits.
    error(here, "expected a whole number (digits only, at most " + grouped(max) + "), found " +
                    number_text(it->get<double>()));
  } else {
    error(here, "expected a non-negative integer, found " + type_name(*it));
  }
  return std::nullopt;
}

std::optional<double> JsonReader::number(const json& object, std::string_view key,
                                         const std::string& pointer, double min, double max,
                                         std::string_view what) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  const std::string here = pointer_append(pointer, key);
  const std::string range = "from " + number_text(min) + " to " + number_text(max);
  if (!it->is_number()) {
    error(here,
          "expected " + std::string(what) + " (a number " + range + "), found " + type_name(*it));
    return std::nullopt;
  }
  const double value = it->get<double>();
  if (!(value >= min && value <= max) || !std::isfinite(value)) {
    error(here, std::string(what) + " must be a number " + range + ", found " + number_text(value));
    return std::nullopt;
  }
  return value;
}

std::optional<Duration> JsonReader::duration(const json& object, std::string_view key,
                                             const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_string()) {
    error(pointer_append(pointer, key),
          "expected a duration string such as \"15m\", found " + type_name(*it));
    return std::nullopt;
  }
  DurationParse parsed = parse_duration(it->get<std::string>());
  if (!parsed.value) error(pointer_append(pointer, key), parsed.error);
  return parsed.value;
}

std::optional<UncertainDuration> JsonReader::uncertain_duration(const json& object,
                                                                std::string_view key,
                                                                const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_object()) {
    if (auto fixed = duration(object, key, pointer)) return UncertainDuration{*fixed, {}};
    return std::nullopt;
  }
  const std::string here = pointer_append(pointer, key);
  const json& spec = *it;
  auto kind_text = spec.contains("distribution") ? string(spec, "distribution", here)
                                                 : std::optional<std::string>{};
  if (!kind_text) {
    if (!spec.contains("distribution")) {
      error(here, "a distribution needs \"distribution\": fixed, uniform, triangular or lognormal");
    }
    return std::nullopt;
  }
  auto kind = distribution_kind_from(*kind_text);
  if (!kind) {
    error(pointer_append(here, "distribution"),
          "unknown distribution " + model::quoted(*kind_text) +
              " (known: fixed, uniform, triangular, lognormal)");
    return std::nullopt;
  }
  DurationDistribution d;
  d.kind = *kind;
  bool ok = true;
  auto need = [&](std::string_view field) -> std::int64_t {
    auto value = duration(spec, field, here);
    if (!value) {
      ok = false;  // reported: missing (by object()) or not a duration
      return 0;
    }
    return value->seconds;
  };
  switch (d.kind) {
    case DistributionKind::kFixed:
      if (!this->object(spec, here, {"distribution", "value"}, {"value"})) return std::nullopt;
      d.min = d.max = need("value");
      break;
    case DistributionKind::kUniform:
      if (!this->object(spec, here, {"distribution", "min", "max"}, {"min", "max"}))
        return std::nullopt;
      d.min = need("min");
      d.max = need("max");
      if (ok && d.max < d.min) {
        error(pointer_append(here, "max"), "max is below min");
        ok = false;
      }
      break;
    case DistributionKind::kTriangular:
      if (!this->object(spec, here, {"distribution", "min", "mode", "max"}, {"min", "mode", "max"}))
        return std::nullopt;
      d.min = need("min");
      d.mode = need("mode");
      d.max = need("max");
      if (ok && !(d.min <= d.mode && d.mode <= d.max)) {
        error(pointer_append(here, "mode"), "needs min <= mode <= max");
        ok = false;
      }
      break;
    case DistributionKind::kLogNormal:
      if (!this->object(spec, here, {"distribution", "median", "p90"}, {"median", "p90"}))
        return std::nullopt;
      d.median = need("median");
      d.p90 = need("p90");
      if (ok && d.median <= 0) {
        error(pointer_append(here, "median"), "the median of a log-normal must be above zero");
        ok = false;
      } else if (ok && d.p90 < d.median) {
        error(pointer_append(here, "p90"), "the P90 is below the median");
        ok = false;
      }
      break;
  }
  if (!ok) return std::nullopt;
  return UncertainDuration{d.point(), d};
}

std::optional<double> JsonReader::probability(const json& object, std::string_view key,
                                              const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return std::nullopt;
  if (!it->is_number()) {
    error(pointer_append(pointer, key),
          "expected a probability (a number from 0 to 1), found " + type_name(*it));
    return std::nullopt;
  }
  const double p = it->get<double>();
  if (!(p >= 0 && p <= 1)) {
    error(pointer_append(pointer, key), "a probability must be between 0 and 1");
    return std::nullopt;
  }
  return p;
}

std::vector<std::string> JsonReader::strings(const json& object, std::string_view key,
                                             const std::string& pointer, bool allow_single) {
  std::vector<std::string> out;
  auto it = object.find(key);
  if (it == object.end()) return out;
  const std::string here = pointer_append(pointer, key);
  if (allow_single && it->is_string()) {
    out.push_back(it->get<std::string>());
    return out;
  }
  if (!it->is_array()) {
    error(here, std::string("expected an array of strings") + (allow_single ? " or a string" : "") +
                    ", found " + type_name(*it));
    return out;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& item = (*it)[i];
    if (item.is_string()) {
      out.push_back(item.get<std::string>());
    } else {
      error(pointer_append(here, i), "expected a string, found " + type_name(item));
    }
  }
  return out;
}

const nlohmann::json* JsonReader::array(const json& object, std::string_view key,
                                        const std::string& pointer) {
  auto it = object.find(key);
  if (it == object.end()) return nullptr;
  if (!it->is_array()) {
    error(pointer_append(pointer, key), "expected an array, found " + type_name(*it));
    return nullptr;
  }
  return &*it;
}

bool is_valid_id(std::string_view id) {
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (id.empty() || !lower_or_digit(id.front())) return false;
  return std::all_of(id.begin(), id.end(),
                     [&](char c) { return lower_or_digit(c) || c == '.' || c == '_' || c == '-'; });
}

std::string invalid_id_message(std::string_view id) {
  return "invalid id " + model::quoted(id) + " (use lower-case letters, digits, '.', '_', '-')";
}

bool is_single_line_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return false;
    // C1 controls are U+0080..U+009F, written in UTF-8 as C2 80..C2 9F.
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      if (next >= 0x80 && next <= 0x9F) return false;
    }
  }
  return true;
}

bool is_valid_jurisdiction(std::string_view code) {
  return code.size() >= 2 &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

bool is_valid_lei(std::string_view lei) {
  if (lei.size() != 20) return false;
  unsigned remainder = 0;
  for (std::size_t i = 0; i < lei.size(); ++i) {
    const char c = lei[i];
    if (c >= '0' && c <= '9') {
      remainder = (remainder * 10 + static_cast<unsigned>(c - '0')) % 97;
    } else if (c >= 'A' && c <= 'Z' && i < 18) {
      remainder = (remainder * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

}  // namespace msout::model
