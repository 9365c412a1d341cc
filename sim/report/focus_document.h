// The neutral form (sim/render/document.h) of a focus view (`msout run --focus ORG`): the
// organisation's own state first, then the functions it provides (table and timeline), how
// each fails (through it, a peer or a system), its systems, what still works at each moment,
// its single points of failure and pairs, and the cause chains with their evidence.
#pragma once

#include "sim/render/document.h"
#include "sim/report/focus.h"

namespace msout::report {

render::Document focus_document(const FocusReport& focus);

}  // namespace msout::report
