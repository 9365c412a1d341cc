#include "sim/cli/command_output.h"

#include <cctype>
#include <filesystem>
#include <iostream>
#include <map>

#include "model/output_file.h"
#include "model/printable_text.h"
#include "sim/cli/commands.h"

namespace msout::cli {

void write_result(const boost::program_options::variables_map& vm, const std::string& text) {
  if (vm.count("out") != 0) {
    model::write_output_file(vm["out"].as<std::string>(), text);
    return;
  }
  std::cout << text << std::flush;
  // A full disk or a closed pipe must not look like a complete result.
  if (!std::cout) throw model::IoError("standard output: write failed");
}

void check_batch_output(const boost::program_options::variables_map& vm, std::string_view format,
                        std::string_view noun) {
  if (vm.count("out") != 0 && vm.count("out-dir") != 0) {
    throw UsageError("--out and --out-dir cannot be given together: --out writes one " +
                     std::string(noun) + " to a file, --out-dir one per scenario into a directory");
  }
  if (vm.count("scenario") == 0) return;
  const auto& scenarios = vm["scenario"].as<std::vector<std::string>>();
  if (scenarios.size() <= 1) return;
  if (vm.count("out") != 0) {
    throw UsageError("--out takes one " + std::string(noun) +
                     "; with several scenarios use --out-dir");
  }
  if (format != "table" && vm.count("out-dir") == 0) {
    std::string upper(format);
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    throw UsageError("several " + upper + " " + std::string(noun) +
                     "s need --out-dir (one file per scenario)");
  }
  // With --out-dir each result is named after its scenario file: two files of one name (in
  // different folders, or the same file twice) would write the same path, the second result
  // replacing the first.
  std::map<std::string, std::string> first_by_name;
  for (const std::string& scenario : scenarios) {
    const std::string name = std::filesystem::path(scenario).stem().string();
    const auto [it, added] = first_by_name.emplace(name, scenario);
    if (added) continue;
    if (it->second == scenario) {
      throw UsageError("--scenario " + model::printable(scenario) + " is given twice");
    }
    if (vm.count("out-dir") != 0) {
      throw UsageError("--scenario " + model::printable(it->second) + " and " +
                       model::printable(scenario) + " would both be written to " +
                       model::quoted(name) + " in --out-dir; rename one of them");
    }
  }
}

std::string result_name(const boost::program_options::variables_map& vm,
                        const model::Scenario& scenario) {
  return vm.count("scenario") != 0 ? std::filesystem::path(scenario.file).stem().string()
                                   : "default";
}

void write_per_scenario(const boost::program_options::variables_map& vm,
                        const std::vector<model::Scenario>& scenarios,
                        const std::vector<std::string>& texts, std::string_view format) {
  if (vm.count("out-dir") == 0) {
    std::string all;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i > 0) all += "\n" + std::string(100, '=') + "\n\n";
      all += texts[i];
    }
    write_result(vm, all);
    return;
  }
  const std::filesystem::path dir = vm["out-dir"].as<std::string>();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw model::IoError(dir.string() + ": not a directory");
  }
  const std::string extension = format == "json" ? ".json" : format == "csv" ? ".csv" : ".txt";
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    model::write_output_file(dir / (result_name(vm, scenarios[i]) + extension), texts[i]);
  }
}

void print_warnings(const model::Diagnostics& diags) {
  for (const model::Diagnostic& w : diags.warnings()) {
    std::cerr << "warning: " << w.to_string() << "\n";
  }
}

}  // namespace msout::cli
