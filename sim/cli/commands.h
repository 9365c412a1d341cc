// The msout command line: `msout <command> [options]`. Each command takes its arguments
// (without the program and command names) and returns the process exit code; errors it can
// name (bad input, unreadable files) are thrown as typed exceptions and mapped to exit
// codes by main().
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

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

int run_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int generate_command(const std::vector<std::string>& args);

}  // namespace msout::cli
