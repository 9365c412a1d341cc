// A chart as a table, for the formats that show figures rather than pictures (the terminal,
// CSV): one row per moment at which any series changes, the first column the moment
// (`at_s`), then one column per series (and its interval's ends where it has one). A series
// holds its value from one point to the next; before its first point its cell is empty.
#pragma once

#include "sim/render/document.h"

namespace msout::render {

Table chart_table(const Chart& chart);

// A value with `decimals` digits after the point ("12.5"); whole numbers grouped by three
// ("18,000,000") when `grouped` is set.
std::string figure_text(double value, int decimals, bool grouped);

}  // namespace msout::render
