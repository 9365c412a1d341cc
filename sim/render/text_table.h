// Plain-column text tables for the human-readable outputs (reports, comparisons, analyses):
// columns padded to their widest cell, UTF-8 aware, no borders, so they read well in a
// terminal and diff well in a review. Control characters in cells and wrapped text are
// escaped (model/printable_text.h), so that a name from an input file cannot act on the
// terminal or break a line.
//
//   TextTable table({"function", "first down"});
//   table.add({"Emergency care", "4h"});
//   out << table.render("  ");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace msout::render {

// Groups of three digits, for people counts: 1234567 -> "1,234,567".
std::string grouped(std::uint64_t n);

// A sum of people or organisations (model::SaturatingSum) grouped, and "at least " before a
// sum that saturated: 18,446,744,073,709,551,615 stands for that many or more.
std::string total_text(std::uint64_t sum);

// People-hours (a double) rounded and grouped; "at least " and the saturated sum's value
// beyond 64 bits, where rounding to an integer would overflow.
std::string people_hours_text(double people_hours);

// `parts` with `separator` between them: "a, b, c"; "" for none.
std::string joined(const std::vector<std::string>& parts, std::string_view separator);

// A duration in seconds as msout writes it everywhere: "30m", "1d2h", "never".
std::string duration_text(std::int64_t seconds);

// Display width of UTF-8 text (code points; good enough for names in reports).
std::size_t display_width(const std::string& text);

// `text` cut to at most `width` display columns, with "…" where it was cut.
std::string clipped(const std::string& text, std::size_t width);

// `text` (control characters escaped) broken at spaces into lines of at most `width` columns (a
// longer word stands alone), the first line after `first`, the others after `rest`; ends with a
// newline.
std::string wrapped(const std::string& text, const std::string& first, const std::string& rest,
                    std::size_t width);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Every line starts with `indent`; the last column is not padded.
  std::string render(const std::string& indent) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace msout::render
