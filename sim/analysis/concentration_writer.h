// Writers for the concentration analysis (concentration.h): a table for people and the
// versioned JSON document "msout-concentration/1" for programs (docs/analyses.md).
// Both are pure functions of their arguments: the same input gives the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/model.h"
#include "sim/analysis/concentration.h"
#include "sim/report/applied_overlay.h"

namespace msout::analysis {

inline constexpr const char* kConcentrationFormat = "msout-concentration/1";

// What was analysed, for the header of either output.
struct ConcentrationInput {
  const model::Model* model = nullptr;         // the model `result` was computed from
  std::vector<report::AppliedOverlay> whatif;  // overlays applied to the model, in order
  ConcentrationOptions options;
  bool include_disputed = false;
};

// The national line and one line per sector, then each sector's providers ranked by share.
std::string concentration_table(const ConcentrationInput& input, const Concentration& result);

// The same as JSON (shares rounded to 4 decimals, HHI to 1; counts exact).
std::string concentration_json(const ConcentrationInput& input, const Concentration& result);

// "provider, service": the kinds counted as providers.
std::string provider_kinds_text(const ConcentrationOptions& options);

// The provider most depended on by name, or for a tie every provider tied for first place:
// "tie: Microsoft Azure North Europe, Microsoft Azure West Europe"; "-" for none.
std::string most_depended_on_text(const model::Model& model, const SectorConcentration& s);

// Each provider's rank in `s.providers`, competition style: providers with as many
// functions share a rank (1, 2, 2, 4).
std::vector<std::size_t> provider_ranks(const SectorConcentration& s);

}  // namespace msout::analysis
