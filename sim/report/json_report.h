// The report as JSON, format "msout-report/1" (docs/report-format.md). Later versions only
// add keys. The output depends only on the inputs: two runs give identical bytes.
#pragma once

#include <string>

#include "sim/report/report.h"

namespace msout::report {

inline constexpr const char* kReportFormat = "msout-report/1";

std::string json_report(const Report& report);

}  // namespace msout::report
