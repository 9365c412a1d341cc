#include "sim/render/text_table.h"

#include <algorithm>
#include <cmath>

#include "model/duration.h"
#include "model/printable_text.h"
#include "model/saturating_sum.h"

namespace msout::render {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(i, ",");
  return digits;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const std::string& part : parts) {
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

std::string duration_text(std::int64_t seconds) {
  return model::format_duration(model::Duration{seconds});
}

std::string total_text(std::uint64_t sum) {
  return (sum == model::kSaturatedSum ? "at least " : "") + grouped(sum);
}

std::string people_hours_text(double people_hours) {
  // 2^64 as a double: every smaller non-negative double rounds into a uint64_t.
  constexpr double kBeyond = 18446744073709551616.0;
  if (!(people_hours < kBeyond)) return total_text(model::kSaturatedSum);
  return grouped(static_cast<std::uint64_t>(std::round(std::max(people_hours, 0.0))));
}

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string TextTable::render(const std::string& indent) const {
  // Cells hold names and ids from input files: a control character in one must not reach
  // the terminal (an ESC sequence, a newline that breaks the table), so each is escaped.
  std::vector<std::vector<std::string>> rows;
  rows.reserve(rows_.size());
  for (const auto& row : rows_) {
    std::vector<std::string>& cells = rows.emplace_back();
    for (const std::string& cell : row) cells.push_back(model::escape_controls(cell));
  }
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], display_width(row[c]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t c = 0; c < row.size(); ++c) {
      line += row[c];
      const std::size_t w = display_width(row[c]);
      if (c + 1 < row.size()) line += std::string(widths[c] + 2 - w, ' ');
    }
    out += line + "\n";
  }
  return out;
}

std::string wrapped(const std::string& raw_text, const std::string& first, const std::string& rest,
                    std::size_t width) {
  const std::string text = model::escape_controls(raw_text);  // as in TextTable::render
  std::string out = first;
  std::size_t column = first.size();
  bool line_start = true;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!line_start && column + 1 + word.size() > width) {
      out += "\n" + rest;
      column = rest.size();
      line_start = true;
    }
    if (!line_start) {
      out += " ";
      ++column;
    }
    out += word;
    column += word.size();
    line_start = false;
    start = end + 1;
  }
  return out + "\n";
}

std::string clipped(const std::string& text, std::size_t width) {
  if (display_width(text) <= width) return text;
  std::string out;
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size() && shown + 1 < width;) {
    std::size_t len = 1;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0xf0)
      len = 4;
    else if (c >= 0xe0)
      len = 3;
    else if (c >= 0xc0)
      len = 2;
    out.append(text, i, len);
    i += len;
    ++shown;
  }
  return out + "…";
}

}  // namespace msout::render
