#include "sim/cli/analysis_options.h"

#include <filesystem>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "model/diagnostics.h"
#include "model/output_file.h"
#include "sim/cli/command_output.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"

namespace msout::cli {
namespace po = boost::program_options;

po::options_description analysis_options(const char* help) {
  po::options_description options(help);
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("whatif", po::value<std::vector<std::string>>(), kWhatifOptionHelp);
  // clang-format on
  return options;
}

void add_analysis_output_options(po::options_description& options,
                                 const char* include_disputed_help,
                                 std::initializer_list<const char*> formats) {
  // clang-format off
  options.add_options()
      ("include-disputed", include_disputed_help)
      ("format,f", po::value<std::string>()->default_value("table"), format_help(formats).c_str())
      ("out,o", po::value<std::string>(),
       "write the result to FILE (whole or not at all) instead of standard output")
      ("out-dir", po::value<std::string>(),
       "write the result into this directory: <analysis>.txt, .json, .html, .dot, or for csv "
       "one <analysis>-<table>.csv per table");
  // clang-format on
}

void write_analysis(const po::variables_map& vm, const std::string& format,
                    const AnalysisOutput& output) {
  check_batch_output(vm, format, "result");
  if (format != "table") {
    const std::vector<Result> results{{output.name,
                                       format == "json" ? output.json() : std::string(),
                                       format == "json" ? render::Document{} : output.document()}};
    write_results(vm, results, format);
    return;
  }
  // The terminal table keeps its own writer for now (its wording predates the documents).
  const std::string text = output.table();
  if (vm.count("out-dir") == 0) {
    write_result(vm, text);
    return;
  }
  const std::filesystem::path dir = vm["out-dir"].as<std::string>();
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    throw model::IoError(dir.string() + ": not a directory");
  }
  model::write_output_file(dir / (output.name + ".txt"), text);
}

}  // namespace msout::cli
