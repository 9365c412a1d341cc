// The neutral form (render::Document) of a cut-set analysis (cut_sets_writer.h): kind
// "cut-sets", JSON "msout-cut-sets/1".
//
// Blocks (docs/analyses.md, "Cut sets"):
//   table "functions"  one row per function: people served, how many single points of
//                      failure, pairs and degrading single outages
//   table "cut-sets"   one row per cut set: per function its single points of failure,
//                      then its pairs, then the single outages that only degrade it, each
//                      in id order
//
// With CutSetsReport::graph set (msout analyze cut-sets --function F), Document::graph is
// the functions' dependency trees, for `--format dot`: every entity the functions reach
// through the requirements the analysis saw (disputed ones only with --include-disputed),
// each entity once. A requirement of several members is a gate node ("any of 2", "2 of 3",
// "all of 3"; id "<entity id>#<requirement number>"); an entity's own requirements are all
// needed, so the entity is their "all" and gets no gate. Edges point from the dependent to
// what it needs; hedged where the evidence is less than confirmed (reported, presumed,
// planned, disputed, or none given), as in a run's graph. Cycles (Azure needs Entra ID, which runs
// on Azure) are drawn as an edge back to the entity already drawn, so the graph is finite and needs
// no depth limit: it has at most the model's entities and requirements. Each entity's second line
// says what it is to the functions: a single point of failure, in a pair, degrading alone.
#pragma once

#include "sim/analysis/cut_sets_writer.h"
#include "sim/render/document.h"

namespace msout::analysis {

render::Document cut_sets_document(const CutSetsReport& result);

}  // namespace msout::analysis
