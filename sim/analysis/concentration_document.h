// The neutral form (render::Document) of a concentration analysis (concentration_writer.h):
// kind "concentration", JSON "msout-concentration/1".
//
// Blocks (docs/analyses.md, "Concentration"):
//   table "sectors"    one row per group: the national line "(all)" first, then the sectors
//                      by name, "(none)" last: functions, people served, functions on a
//                      provider, largest share, HHI, the provider(s) most depended on
//   table "providers"  one row per (group, provider it depends on), in the same group
//                      order, providers ranked: rank, provider, jurisdiction, functions,
//                      share, people served
#pragma once

#include "sim/analysis/concentration.h"
#include "sim/analysis/concentration_writer.h"
#include "sim/render/document.h"

namespace msout::analysis {

render::Document concentration_document(const ConcentrationInput& input,
                                        const Concentration& result);

}  // namespace msout::analysis
