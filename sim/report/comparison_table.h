// A comparison as plain text for a terminal: a header naming the scenario, the models and
// the what-if, then the functions in groups (improved, worsened, mixed, unchanged, only in
// one run) with baseline → what-if columns, why the changed ones fail in each run, and the
// disruption summed over the functions in both runs. The definitions are in comparison.h.
#pragma once

#include <string>

#include "sim/report/comparison.h"

namespace msout::report {

std::string comparison_table(const Comparison& comparison);

// The change of one function in words, e.g. "down 2h later", "no longer down",
// "down 1h later, but 3h more down" (mixed), "works in both".
std::string change_text(const FunctionComparison& function);

}  // namespace msout::report
