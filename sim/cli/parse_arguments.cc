#include <iostream>

#include "sim/cli/commands.h"

namespace msout::cli {

bool parse_arguments(const std::vector<std::string>& args,
                     const boost::program_options::options_description& options,
                     boost::program_options::variables_map& vm,
                     const boost::program_options::positional_options_description* positional) {
  namespace po = boost::program_options;
  po::command_line_parser parser(args);
  parser.options(options);
  if (positional != nullptr) parser.positional(*positional);
  po::store(parser.run(), vm);
  po::notify(vm);
  if (vm.count("help") == 0) return true;
  std::cout << options << "\n";
  return false;
}

}  // namespace msout::cli
