// A comparison as JSON, format "msout-compare/1" (docs/compare-format.md). Later versions
// only add keys. The output depends only on the inputs: two runs give identical bytes.
#pragma once

#include <string>

#include "sim/report/comparison.h"

namespace msout::report {

inline constexpr const char* kCompareFormat = "msout-compare/1";

std::string comparison_json(const Comparison& comparison);

}  // namespace msout::report
