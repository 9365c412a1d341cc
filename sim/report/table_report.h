// The report as plain text for a terminal: failing functions with when, why and for how
// many people; what still works; functions down over time; black-start problems.
#pragma once

#include <string>

#include "sim/report/report.h"

namespace msout::report {

// The "assumed where the sources name no provider" lines of the report's header (empty when
// the run assumed nothing); the focus view prints them too.
std::string assumption_lines(const Report& report);

std::string table_report(const Report& report);

}  // namespace msout::report
