// Writers for the jurisdiction-exposure analysis (exposure.h): a table for people and the
// versioned JSON document "msout-exposure/1" for programs (docs/analyses.md). Both are pure
// functions of their arguments: the same input gives the same bytes.
#pragma once

#include <string>

#include "model/frozen_graph.h"
#include "model/model.h"
#include "sim/analysis/exposure.h"
#include "sim/report/applied_overlay.h"

namespace msout::analysis {

inline constexpr const char* kExposureFormat = "msout-exposure/1";

// What was analysed, for the header of either output.
struct ExposureInput {
  const model::Model* model = nullptr;         // the model `result` was computed from
  std::vector<report::AppliedOverlay> whatif;  // overlays applied to the model, in order
  const model::FrozenGraph* graph = nullptr;   // frozen from it (paths are its edges)
  ExposureOptions options;
  bool include_disputed = false;
};

// Per organisation: one line per (foreign entity, via) with level, jurisdiction and path.
std::string exposure_table(const ExposureInput& input, const Exposure& result);

// The same as JSON; each path step names the entity and the layer of the edge entering it.
std::string exposure_json(const ExposureInput& input, const Exposure& result);

// "NL, EU": the home jurisdictions as the headers name them.
std::string home_text(const std::vector<std::string>& home);

// A row's route: "emergency-care → hix-epd (infra) → azure-westeurope (infra, own keys)".
std::string exposure_path_text(const ExposureInput& input, const ExposureRow& row);

}  // namespace msout::analysis
