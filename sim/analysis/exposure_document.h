// The neutral form (render::Document) of a jurisdiction-exposure analysis
// (exposure_writer.h): kind "exposure", JSON "msout-exposure/1".
//
// Blocks (docs/analyses.md, "Jurisdiction exposure"):
//   table "exposures"      one row per (organisation, foreign entity, via), organisations
//                          in the analysis' order, each with its data rows before its
//                          sign-in rows: holds, level, jurisdiction, entity, via, route
//   table "organisations"  one row per organisation analysed, with or without exposure:
//                          how many foreign entities and routes
#pragma once

#include "sim/analysis/exposure.h"
#include "sim/analysis/exposure_writer.h"
#include "sim/render/document.h"

namespace msout::analysis {

render::Document exposure_document(const ExposureInput& input, const Exposure& result);

}  // namespace msout::analysis
