// The neutral form (sim/render/document.h) of a run's report: what `msout run --format
// table|csv|html|dot` shows. The headline first (how many critical functions fail, the first
// failure, what still works, how many people at least), then the functions as a table and a
// timeline with the scenario's levers, functions and people down over time, the
// organisations affected, and why each function fails, with the evidence of every link.
// docs/report-format.md names the tables.
#pragma once

#include <cstddef>
#include <limits>

#include "sim/render/document.h"
#include "sim/report/report.h"

namespace msout::report {

struct ReportDocumentOptions {
  // The terminal shows the worst `top` failing functions (table, timeline, chains); the other
  // formats show every function.
  std::size_t top = 10;
};

render::Document report_document(const Report& report, const ReportDocumentOptions& options = {});

}  // namespace msout::report
