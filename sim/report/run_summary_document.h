// The neutral form (sim/render/document.h) of a run summary (run_summary.h): what `msout run
// --summary` (and any run on a compact model) shows as table, csv or html. The headline
// first (how many critical functions fail, the first, the most at once, how many people at
// least), then the entities by kind, the functions that fail first and those that reach the
// most people, functions and people over time at a few moments, and the cause chains.
// docs/report-format.md names the tables.
#pragma once

#include <cstddef>

#include "sim/render/document.h"
#include "sim/report/run_summary.h"

namespace msout::report {

// Moments the over-time table shows at most (plus the peak): the summary's JSON has them all.
inline constexpr std::size_t kSummaryMoments = 24;

render::Document run_summary_document(const RunSummary& summary);

// Why `outcome`'s function first failed, by ids: each step, the link to the next ("needs
// ID", the group it is in) and the lever it started from. No evidence: a summary has none.
render::Chain summary_chain(const RunSummary& summary, const FunctionOutcome& outcome);

}  // namespace msout::report
