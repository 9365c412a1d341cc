// The focus view as text for people (`msout run --focus ID`).
#pragma once

#include <string>

#include "sim/report/focus.h"

namespace msout::report {

std::string focus_table(const FocusReport& focus);

}  // namespace msout::report
