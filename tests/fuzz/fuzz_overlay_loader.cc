// libFuzzer harness: the what-if overlay loader on arbitrary text, then the overlay applied
// to a copy of a small fixed model. Bad input must end in InputError or IoError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/diagnostics.h"
#include "model/frozen_graph.h"
#include "model/overlay.h"
#include "tests/fuzz/fuzz_models.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const msout::model::Model model = msout::fuzz::small_model();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const msout::model::Overlay overlay = msout::model::load_overlay({"fuzz.json", text});
    msout::model::Model patched = model;
    msout::model::apply_overlay(patched, overlay);
    // A patched model that is accepted must freeze.
    (void)msout::model::FrozenGraph::freeze(patched);
  } catch (const msout::model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  } catch (const msout::model::IoError&) {
  }
  return 0;
}
