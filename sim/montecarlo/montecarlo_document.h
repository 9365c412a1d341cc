// The neutral form (render::Document) of a Monte Carlo result (montecarlo_writer.h), from
// which the CSV and HTML formats are rendered: kind "montecarlo", JSON "msout-montecarlo/1".
// Every estimated probability carries its 95 % interval: in the text ("61.2±1.0"), in the
// chart's Point::interval, and in CSV as `_low` / `_high` columns beside the value.
//
// Blocks, in reading order (docs/uncertainty.md, "CSV and HTML"):
//   table "curves"          CSV only, first: exactly the columns and rows of the CSV that
//                           `--format csv` has always written (function_id, function_name,
//                           t_s, replications, degraded, p_degraded…, down, p_down…)
//   chart "p-down"          HTML only: P(down by t) in percent per reported entity (series
//                           id: its id), with the 95 % interval, levers marked
//   table "functions"       P(down by t) at each report time, first down P10/P50/P90,
//                           expected time and people-hours down, P(down by the end)
//   table "degraded"        P(degraded or down by t) at each report time
//   table "claims-deciding" per entity, the claims that decide P(down by the end)
//   table "verify-first"    the claims ranked by their value of checking
//   table "claims"          every claim: confidence, probability and where it came from,
//                           uses, quote, source (a link where it is a URL)
#pragma once

#include "sim/montecarlo/montecarlo_writer.h"
#include "sim/render/document.h"

namespace msout::montecarlo {

// Precondition: result.model, result.scenario and result.plan are set (as for the writers).
render::Document montecarlo_document(const MonteCarloReport& result);

}  // namespace msout::montecarlo
