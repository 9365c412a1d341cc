// Small helpers shared by the benchmark drivers.
#pragma once

#include <algorithm>
#include <chrono>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace msout::bench {

using Clock = std::chrono::steady_clock;

inline double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Median of the measurements (the upper one of the middle two for an even count).
inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

// "0,1,2" -> {0, 1, 2}.
inline std::vector<int> parse_int_list(const std::string& text) {
  std::vector<int> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

// Parses a driver's command line. Returns the exit code to stop with (0 after --help, 2 on a
// bad command line), or nothing to go on.
inline std::optional<int> parse_driver_options(
    int argc, char** argv, const boost::program_options::options_description& options,
    boost::program_options::variables_map& vm, const char* name) {
  namespace po = boost::program_options;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << name << ": " << e.what() << "\n";
    return 2;
  }
  if (vm.count("help") != 0) {
    std::cout << options << "\n";
    return 0;
  }
  return std::nullopt;
}

}  // namespace msout::bench
