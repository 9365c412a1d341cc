// The neutral form (render::Document) of a blast-radius analysis (blast_radius_writer.h):
// kind "blast-radius", JSON "msout-blast-radius/1".
//
// Blocks (docs/analyses.md, "Blast radius"):
//   table "ranking"  one row per outage, worst first: rank, entity, kind, functions down and
//                    only degraded, people down and degraded, people-hours down
//   table "hits"     one row per (outage, critical function it hits): first degraded, first
//                    down, time down, people served, people-hours down, state at the horizon
#pragma once

#include "sim/analysis/blast_radius_writer.h"
#include "sim/render/document.h"

namespace msout::analysis {

render::Document blast_radius_document(const BlastRadiusReport& result);

}  // namespace msout::analysis
