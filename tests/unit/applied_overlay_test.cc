// How outputs name the what-if overlays applied (sim/report/applied_overlay.h): the table
// header lines and the analyses' "whatif" JSON key, in the order applied, empty for none.
#include "sim/report/applied_overlay.h"

#include <doctest/doctest.h>

namespace msout::testing {
namespace {

std::vector<report::AppliedOverlay> two_overlays() {
  return {{"EPD on a Dutch cloud", "long description", "whatif/nl-cloud.json"},
          {"EPD self-hosted", "", "whatif/self-hosted.json"}};
}

TEST_CASE("AppliedOverlay.Lines.OnePerOverlayInOrder") {
  CHECK(report::whatif_lines(two_overlays(), "  ") ==
        "  what-if \"EPD on a Dutch cloud\" (whatif/nl-cloud.json)\n"
        "  what-if \"EPD self-hosted\" (whatif/self-hosted.json)\n");
  CHECK(report::whatif_lines({}, "  ").empty());
}

TEST_CASE("AppliedOverlay.Json.NameAndFileInOrder") {
  CHECK(report::whatif_json(two_overlays()).dump() ==
        R"([{"name":"EPD on a Dutch cloud","file":"whatif/nl-cloud.json"},)"
        R"({"name":"EPD self-hosted","file":"whatif/self-hosted.json"}])");
  CHECK(report::whatif_json({}).dump() == "[]");
}

}  // namespace
}  // namespace msout::testing
