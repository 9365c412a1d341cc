// AppliedOverlay: a what-if overlay (model/overlay.h) that was applied to the model before a
// run or an analysis, as the outputs name it. Every output that reads a patched model names
// its overlays in the order applied, so a reader can tell a what-if result from one of the
// model as loaded; these helpers keep the wording the same everywhere.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace msout::report {

struct AppliedOverlay {
  std::string name;
  std::string description;
  std::string file;
};

// One header line per overlay, `<indent>what-if "NAME" (FILE)\n`; empty for none.
std::string whatif_lines(const std::vector<AppliedOverlay>& whatif, std::string_view indent);

// The "whatif" key of the analyses' JSON: [{"name", "file"}], in the order applied; [] for
// none.
nlohmann::ordered_json whatif_json(const std::vector<AppliedOverlay>& whatif);

}  // namespace msout::report
