// The focus view as JSON, format "msout-focus/1" (docs/report-format.md).
#pragma once

#include <string>

#include "sim/report/focus.h"

namespace msout::report {

inline constexpr const char* kFocusFormat = "msout-focus/1";

std::string focus_json(const FocusReport& focus);

}  // namespace msout::report
