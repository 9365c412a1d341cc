// The report as plain text for a terminal: failing functions with when, why and for how
// many people; what still works; functions down over time; black-start problems.
#pragma once

#include <string>

#include "sim/report/report.h"

namespace msout::report {

std::string table_report(const Report& report);

}  // namespace msout::report
