// libFuzzer harness: the JSON model loader on arbitrary text. Bad input must end in
// InputError or IoError, never in a crash, a hang, another exception or a sanitizer report.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/diagnostics.h"
#include "model/model_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const msout::model::Model model = msout::model::load_model({{"fuzz.json", text}});
    (void)model.entities.size();
  } catch (const msout::model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  } catch (const msout::model::IoError&) {
  }
  return 0;
}
