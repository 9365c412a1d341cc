// A run summary (run_summary.h) as versioned JSON, "msout-summary/1" (docs/report-format.md):
// everything the summary's document shows, with every moment of the figures over time.
#pragma once

#include <string>

#include "sim/report/run_summary.h"

namespace msout::report {

inline constexpr const char* kSummaryFormat = "msout-summary/1";

std::string run_summary_json(const RunSummary& summary);

}  // namespace msout::report
