// libFuzzer harness: a DORA Register of Information on arbitrary text. The input is cut at
// NUL bytes into the tables B_01.01, B_05.01, B_05.02, B_02.02, B_06.01 and B_07.01, in that
// order. Bad input must end in InputError; a register that is accepted must give an overlay
// that fits the model it was built for (anything else is a bug of the importer: abort).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/diagnostics.h"
#include "model/frozen_graph.h"
#include "model/import/dora_overlay.h"
#include "model/import/dora_register.h"
#include "model/import/overlay_builder.h"
#include "tests/fuzz/fuzz_models.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const msout::model::Model model = msout::fuzz::small_model();
  static const char* const kTables[] = {"b_01.01.csv", "b_05.01.csv", "b_05.02.csv",
                                        "b_02.02.csv", "b_06.01.csv", "b_07.01.csv"};
  const std::string text(reinterpret_cast<const char*>(data), size);
  msout::model::ReportPackage package;
  package.origin = "fuzz.zip";
  package.archive = true;
  package.reports_dir = "reports/";
  std::size_t start = 0;
  for (const char* table : kTables) {
    if (start > text.size()) break;
    const std::size_t end = std::min(text.find('\0', start), text.size());
    package.csv_files[table] = text.substr(start, end - start);
    start = end + 1;
  }
  try {
    const msout::model::DoraRegister reg = msout::model::read_dora_register(package);
    const msout::model::ImportedOverlay imported = msout::model::dora_overlay(reg, model, {});
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
