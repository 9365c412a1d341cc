// The report writers' names for the text helpers of sim/render/text_table.h (TextTable,
// grouped, total_text, …), which the renderers share.
#pragma once

#include "sim/render/text_table.h"

namespace msout::report {

using render::clipped;
using render::display_width;
using render::grouped;
using render::people_hours_text;
using render::TextTable;
using render::total_text;
using render::wrapped;

}  // namespace msout::report
