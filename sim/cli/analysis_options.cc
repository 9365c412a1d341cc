#include "sim/cli/analysis_options.h"

#include <string>
#include <vector>

#include <boost/program_options.hpp>

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
                                 std::initializer_list<std::string_view> formats) {
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
  // The terminal table keeps its own writer for now (its wording predates the documents).
  Result result{output.name, "", {}};
  if (format == "table") {
    result.text = output.table();
  } else if (format == "json") {
    result.text = output.json();
  } else {
    result.document = output.document();
  }
  write_results(vm, {result}, format);
}

}  // namespace msout::cli
