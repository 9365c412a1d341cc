// libFuzzer harness: a CycloneDX inventory on arbitrary text. Bad input must end in
// InputError; an inventory that is accepted must give an overlay that fits the model it was
// built for (anything else is a bug of the importer: abort).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/diagnostics.h"
#include "model/frozen_graph.h"
#include "model/import/cyclonedx_inventory.h"
#include "model/import/cyclonedx_overlay.h"
#include "model/import/overlay_builder.h"
#include "tests/fuzz/fuzz_models.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const msout::model::Model model = msout::fuzz::small_model();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const msout::model::CycloneDxInventory inventory =
        msout::model::read_cyclonedx_inventory({"fuzz.cdx.json", text});
    const msout::model::ImportedOverlay imported =
        msout::model::cyclonedx_overlay(inventory, model, {});
    msout::model::Diagnostics diags;
    const msout::model::Model patched =
        msout::model::apply_imported_overlay(model, imported.document, "fuzz.json", diags);
    if (diags.has_errors()) {
      for (const auto& d : diags.errors()) std::fprintf(stderr, "%s\n", d.to_string().c_str());
      std::abort();
    }
    (void)msout::model::FrozenGraph::freeze(patched);
  } catch (const msout::model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  }
  return 0;
}
