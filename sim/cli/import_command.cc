// `msout import <format>`: turns an institution's own register of dependencies into a
// what-if overlay (docs/import.md). Every format shares what happens after the mapping:
// the overlay is checked against the model exactly as `msout validate` and `msout run
// --whatif` will read it, and only then written (whole or not at all), with a summary of
// what was imported and what the user should check.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <system_error>
#include <vector>

#include <boost/program_options.hpp>

#include "model/diagnostics.h"
#include "model/import/cyclonedx_inventory.h"
#include "model/import/cyclonedx_overlay.h"
#include "model/import/dora_overlay.h"
#include "model/import/dora_register.h"
#include "model/import/report_package.h"
#include "model/output_file.h"
#include "model/printable_text.h"
#include "model/source_text.h"
#include "model/suggestions.h"
#include "sim/cli/commands.h"
#include "sim/cli/model_input.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kImportUsage =
    R"(Usage: msout import <format> INPUT [--model PATH] [--org ID] --out OVERLAY.json

Turns an institution's register of dependencies into a what-if overlay (msout-overlay/1)
that adds the institution, its functions and its ICT providers to the model, linked to the
model's providers where they are the same company (by LEI, else by a name match that the
summary reports). Then `msout run --whatif OVERLAY.json --focus ID` shows what still works.

Formats:
  dora-roi    a DORA Register of Information: the EBA's xBRL-CSV report package (a ZIP,
              or the directory it unpacks to)
  cyclonedx   a CycloneDX service inventory (JSON)

See docs/import.md for the mapping, field by field.
)";

// The formats, by the name `msout import` takes.
const char* const kFormats[] = {"dora-roi", "cyclonedx"};

bool same_file(const std::string& a, const std::string& b) {
  std::error_code error;
  return std::filesystem::equivalent(a, b, error) && !error;
}

// Checks `imported` against `model` as `msout run --whatif` will read it, writes it to
// `out`, and prints the summary. A check that fails is a bug of the importer: the register
// was accepted, so the overlay must be valid.
int finish(const model::ImportedOverlay& imported, const model::Model& model,
           const std::string& out) {
  const std::string text = imported.document.dump(2) + "\n";
  model::Diagnostics diags;
  model::apply_imported_overlay(model, imported.document, out, diags);
  if (diags.has_errors()) {
    for (const model::Diagnostic& d : diags.errors()) {
      std::cerr << "error: " << d.to_string() << "\n";
    }
    std::cerr << "msout: internal error: the overlay built from the register does not fit the "
                 "model (nothing was written); please report it\n";
    return kExitInternal;
  }
  model::write_output_file(out, text);
  std::cout << "imported: " << model::printable(imported.summary.lines.front(), 400) << "\n";
  for (std::size_t i = 1; i < imported.summary.lines.size(); ++i) {
    std::cout << "  " << model::printable(imported.summary.lines[i], 400) << "\n";
  }
  // One line per thing to check, in the order found (a register row can raise the same
  // point for each function it serves).
  std::vector<std::string> checks;
  for (const std::string& c : imported.summary.checks) {
    if (std::find(checks.begin(), checks.end(), c) == checks.end()) checks.push_back(c);
  }
  if (!checks.empty()) {
    std::cout << "check (" << checks.size() << "):\n";
    for (const std::string& c : checks) {
      std::cout << "  " << model::printable(c, model::kDiagnosticMaxBytes) << "\n";
    }
  }
  std::cout << "wrote " << model::printable(out, 400) << "; try: msout run --whatif "
            << model::printable(out, 400) << " --focus " << imported.org_id << "\n";
  return kExitOk;
}

// The options every format takes; false when --help was given.
struct ImportArguments {
  std::string input;
  std::string out;
  model::ImportOptions options;
};

bool parse_import_arguments(const std::string& format, const std::string& input_help,
                            const std::vector<std::string>& args, po::variables_map& vm,
                            ImportArguments& parsed) {
  po::options_description options("Usage: msout import " + format +
                                  " INPUT [--model PATH] [--org ID] --out OVERLAY.json\n\n"
                                  "Options");
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("input", po::value<std::string>(), input_help.c_str())
      ("model", po::value<std::string>(),
       "the model the overlay is for (default: the embedded Netherlands model)")
      ("org", po::value<std::string>(), "the institution's id (default: from its name)")
      ("out,o", po::value<std::string>(), "the overlay file to write");
  // clang-format on
  po::positional_options_description positional;
  positional.add("input", 1);
  if (!parse_arguments(args, options, vm, &positional)) return false;
  if (vm.count("input") == 0) throw UsageError("import " + format + ": the input is required");
  if (vm.count("out") == 0) throw UsageError("import " + format + ": --out is required");
  parsed.input = vm["input"].as<std::string>();
  parsed.out = vm["out"].as<std::string>();
  require_exists(parsed.input);
  if (same_file(parsed.input, parsed.out)) {
    throw UsageError("--out names the input itself; it would be overwritten");
  }
  if (compact_model_given(vm)) {
    throw UsageError("--model: a compact model cannot take an overlay; use a JSON model");
  }
  if (vm.count("org") != 0) parsed.options.org_id = vm["org"].as<std::string>();
  return true;
}

int import_dora_roi(const std::vector<std::string>& args) {
  po::variables_map vm;
  ImportArguments a;
  if (!parse_import_arguments("dora-roi", "the register: an xBRL-CSV package (ZIP or directory)",
                              args, vm, a)) {
    return kExitOk;
  }
  const model::Model model = load_model_option(vm);
  const model::DoraRegister reg = model::read_dora_register(model::read_report_package(a.input));
  return finish(model::dora_overlay(reg, model, a.options), model, a.out);
}

int import_cyclonedx(const std::vector<std::string>& args) {
  po::variables_map vm;
  ImportArguments a;
  if (!parse_import_arguments("cyclonedx", "the inventory: a CycloneDX BOM (JSON)", args, vm, a)) {
    return kExitOk;
  }
  const model::Model model = load_model_option(vm);
  const model::CycloneDxInventory inventory =
      model::read_cyclonedx_inventory(model::read_source(a.input));
  return finish(model::cyclonedx_overlay(inventory, model, a.options), model, a.out);
}

void print_usage(std::ostream& out) { out << kImportUsage; }

}  // namespace

int import_command(const std::vector<std::string>& args) {
  if (args.empty()) {
    print_usage(std::cerr);
    throw UsageError("import needs a format (dora-roi or cyclonedx)");
  }
  const std::string& format = args.front();
  if (format == "-h" || format == "--help") {
    print_usage(std::cout);
    return kExitOk;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (format == "dora-roi") return import_dora_roi(rest);
  if (format == "cyclonedx") return import_cyclonedx(rest);
  std::vector<std::string> names;
  for (const char* f : kFormats) names.emplace_back(f);
  throw UsageError("unknown import format " + model::quoted(format) +
                   model::did_you_mean(format, names));
}

}  // namespace msout::cli
