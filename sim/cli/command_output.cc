#include "sim/cli/command_output.h"

#include <filesystem>
#include <iostream>

#include "model/output_file.h"
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
  if (vm.count("scenario") == 0 || vm["scenario"].as<std::vector<std::string>>().size() <= 1) {
    return;
  }
  if (vm.count("out") != 0) {
    throw UsageError("--out takes one " + std::string(noun) +
                     "; with several scenarios use --out-dir");
  }
  if ((format == "json" || format == "csv") && vm.count("out-dir") == 0) {
    throw UsageError("several " + std::string(format == "json" ? "JSON" : "CSV") + " " +
                     std::string(noun) + "s need --out-dir (one file per scenario)");
  }
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
    const std::string name = vm.count("scenario") != 0
                                 ? std::filesystem::path(scenarios[i].file).stem().string()
                                 : "default";
    model::write_output_file(dir / (name + extension), texts[i]);
  }
}

void print_warnings(const model::Diagnostics& diags) {
  for (const model::Diagnostic& w : diags.warnings()) {
    std::cerr << "warning: " << w.to_string() << "\n";
  }
}

}  // namespace msout::cli
