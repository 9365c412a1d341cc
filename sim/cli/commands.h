// The msout command line: `msout <command> [options]`. Each command takes its arguments
// (without the program and command names) and returns the process exit code; errors it can
// name (bad input, unreadable files) are thrown as typed exceptions and mapped to exit
// codes by main().
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

namespace msout::cli {

// Exit codes (documented in the README).
inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;         // bad command line
inline constexpr int kExitInvalidInput = 3;  // a model, scenario or option value is invalid
inline constexpr int kExitIo = 4;            // a file could not be read or written
inline constexpr int kExitInternal = 70;     // a bug: please report

// Thrown for a bad command line; main() prints it with a hint and exits with kExitUsage.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parses a command's arguments into `vm` (usage errors throw boost::program_options errors,
// which main() maps to kExitUsage). Returns false when --help was given: the help has then
// been printed and the command should return kExitOk.
bool parse_arguments(
    const std::vector<std::string>& args,
    const boost::program_options::options_description& options,
    boost::program_options::variables_map& vm,
    const boost::program_options::positional_options_description* positional = nullptr);

int run_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int generate_command(const std::vector<std::string>& args);
int import_command(const std::vector<std::string>& args);
int analyze_command(const std::vector<std::string>& args);
int compare_command(const std::vector<std::string>& args);
int montecarlo_command(const std::vector<std::string>& args);
int list_command(const std::vector<std::string>& args);

// `msout analyze` analyses (sim/cli/analyze_*_command.cc), dispatched by analyze_command.
int analyze_blast_radius(const std::vector<std::string>& args);
int analyze_cut_sets(const std::vector<std::string>& args);
int analyze_concentration(const std::vector<std::string>& args);
int analyze_exposure(const std::vector<std::string>& args);

}  // namespace msout::cli
