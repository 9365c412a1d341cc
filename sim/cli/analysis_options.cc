#include "sim/cli/analysis_options.h"

#include <string>
#include <vector>

#include <boost/program_options.hpp>

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
                                 const char* include_disputed_help) {
  // clang-format off
  options.add_options()
      ("include-disputed", include_disputed_help)
      ("format,f", po::value<std::string>()->default_value("table"), "table or json")
      ("out,o", po::value<std::string>(),
       "write the result to FILE (whole or not at all) instead of standard output");
  // clang-format on
}

}  // namespace msout::cli
