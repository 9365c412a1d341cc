#include "sim/render/chart_table.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "sim/render/text_table.h"

namespace msout::render {
namespace {

// The point of `series` in force at `at`: the last at or before it.
const Point* point_at(const Series& series, std::int64_t at) {
  const auto after = std::upper_bound(series.points.begin(), series.points.end(), at,
                                      [](std::int64_t t, const Point& p) { return t < p.at; });
  return after == series.points.begin() ? nullptr : &*(after - 1);
}

// Exact machine form: up to 6 decimals, no trailing zeros ("12.5", "3").
std::string machine_value(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", value);
  std::string text = buffer;
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

}  // namespace

std::string figure_text(double value, int decimals, bool grouped_digits) {
  if (decimals == 0 && grouped_digits && value >= 0 && value < 1.8e19) {
    return grouped(static_cast<std::uint64_t>(std::llround(value)));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

Table chart_table(const Chart& chart) {
  Table table;
  table.name = chart.name;
  table.title = chart.title;
  table.note = chart.note;
  table.columns.push_back({"at_s", "from", ColumnType::kDuration});
  for (const Series& series : chart.series) {
    const bool interval = std::any_of(series.points.begin(), series.points.end(),
                                      [](const Point& p) { return p.interval.has_value(); });
    const std::string key = chart.value_key + ":" + series.id;
    table.columns.push_back({key, series.name, ColumnType::kNumber, 24});
    if (interval) {
      table.columns.push_back(
          {key + "_low", series.name + " (95% low)", ColumnType::kNumber, 0, false});
      table.columns.push_back(
          {key + "_high", series.name + " (95% high)", ColumnType::kNumber, 0, false});
    }
  }

  std::vector<std::int64_t> moments;
  for (const Series& series : chart.series) {
    for (const Point& p : series.points) moments.push_back(p.at);
  }
  std::sort(moments.begin(), moments.end());
  moments.erase(std::unique(moments.begin(), moments.end()), moments.end());

  for (std::int64_t at : moments) {
    std::vector<Cell> row;
    row.push_back(Cell::number(duration_text(at), std::to_string(at)));
    for (const Series& series : chart.series) {
      const Point* p = point_at(series, at);
      const bool interval = std::any_of(series.points.begin(), series.points.end(),
                                        [](const Point& q) { return q.interval.has_value(); });
      if (p == nullptr) {
        row.push_back(Cell::number("", ""));
        if (interval) {
          row.push_back(Cell::number("", ""));
          row.push_back(Cell::number("", ""));
        }
        continue;
      }
      std::string text = figure_text(p->value, chart.decimals, true);
      if (p->interval) {
        text += " (" + figure_text(p->interval->first, chart.decimals, true) + "–" +
                figure_text(p->interval->second, chart.decimals, true) + ")";
      }
      row.push_back(Cell::number(text, machine_value(p->value)));
      if (interval) {
        row.push_back(
            Cell::number(p->interval ? figure_text(p->interval->first, chart.decimals, true) : "",
                         p->interval ? machine_value(p->interval->first) : ""));
        row.push_back(
            Cell::number(p->interval ? figure_text(p->interval->second, chart.decimals, true) : "",
                         p->interval ? machine_value(p->interval->second) : ""));
      }
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace msout::render
