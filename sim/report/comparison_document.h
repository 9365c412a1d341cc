// The neutral form (render::Document) of a comparison (comparison.h), from which every
// format but JSON is rendered: kind "compare", JSON "msout-compare/1".
//
// Blocks, in reading order (docs/compare-format.md, "Tables"):
//   table    "functions"  one row per function in the comparison's order: the change, and
//                         both runs' first down / first degraded / time down / time
//                         degraded / people-hours, with the differences
//   timeline "baseline"   each function's states over [0, horizon] in the baseline run,
//   timeline "whatif"     and in the what-if run: the same rows in the same order, the
//                         scenario's levers marked; a function missing from one model is an
//                         empty row there, noted as such
//   table    "why"        why each changed function fails, in each run (the one-line cause)
//   table    "totals"     the disruption summed over the functions in both runs, the change,
//                         and the functions in one run only
#pragma once

#include "sim/render/document.h"
#include "sim/report/comparison.h"

namespace msout::report {

render::Document comparison_document(const Comparison& comparison);

}  // namespace msout::report
