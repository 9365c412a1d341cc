#include "sim/report/applied_overlay.h"

namespace msout::report {

std::string whatif_lines(const std::vector<AppliedOverlay>& whatif, std::string_view indent) {
  std::string text;
  for (const AppliedOverlay& overlay : whatif) {
    text.append(indent);
    text += "what-if \"" + overlay.name + "\" (" + overlay.file + ")\n";
  }
  return text;
}

nlohmann::ordered_json whatif_json(const std::vector<AppliedOverlay>& whatif) {
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const AppliedOverlay& overlay : whatif) {
    list.push_back({{"name", overlay.name}, {"file", overlay.file}});
  }
  return list;
}

}  // namespace msout::report
