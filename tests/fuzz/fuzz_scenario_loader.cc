// libFuzzer harness: the scenario loader on arbitrary text, then its levers resolved against
// a small fixed model. Bad input must end in InputError or IoError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/diagnostics.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "tests/fuzz/fuzz_models.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const msout::model::Model model = msout::fuzz::small_model();
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const msout::model::Scenario scenario = msout::model::load_scenario({"fuzz.json", text});
    msout::model::Diagnostics diags;
    (void)msout::model::resolve_levers(scenario, model, diags);
    for (const auto& d : diags.errors()) (void)d.to_string();
  } catch (const msout::model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  } catch (const msout::model::IoError&) {
  }
  return 0;
}
