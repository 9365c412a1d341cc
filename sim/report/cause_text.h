// One-line rendering of a cause chain for people:
//   Emergency care ← HiX EPD ← Azure West Europe ← lever "Azure unavailable" at 0s
#pragma once

#include <string>

#include "sim/report/report.h"

namespace msout::report {

std::string cause_text(const Report& report, const cascade::CauseChain& chain);

// "30m", "1d2h", "never" style text for a time in seconds.
std::string time_text(std::int64_t seconds);

}  // namespace msout::report
