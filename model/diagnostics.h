// Diagnostics and the typed errors raised at the input boundary.
//
// A Diagnostic names the file and the place in it (a JSON pointer such as
// "/entities/3/requires/0/tolerance", or "line 12, column 5" for malformed JSON). Loaders
// collect every diagnostic they find and then throw one InputError carrying all of them, so
// that `msout validate` can report every error of a file, not only the first.
//
// A hostile file can hold millions of errors: Diagnostics keeps the first
// kMaxErrorsPerFile errors (and warnings) of each file and replaces the rest with one line,
// "FILE: … and N more errors (the first 50 are listed)", so that what is printed and what
// is kept in memory stay small whatever the input.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace msout::model {

// The longest diagnostic line printed, in bytes.
inline constexpr std::size_t kDiagnosticMaxBytes = 2000;
// The longest place ("where") printed, in bytes: a pointer through a huge key is shortened
// so that the message after it is still printed.
inline constexpr std::size_t kDiagnosticMaxWhereBytes = 300;
// The most errors (and, apart, warnings) kept and printed for one file.
inline constexpr std::size_t kMaxErrorsPerFile = 50;

struct Diagnostic {
  std::string file;
  std::string where;  // JSON pointer or "line L, column C"; may be empty
  std::string message;

  // "file: where: message", with control characters escaped, `where` shortened to
  // kDiagnosticMaxWhereBytes and the line to kDiagnosticMaxBytes (model/printable_text.h).
  std::string to_string() const;
};

class Diagnostics {
 public:
  // Records an error (a warning) of `file`. Beyond kMaxErrorsPerFile of that file, it is
  // only counted, in the one summary diagnostic of the file that follows the first 50.
  void error(std::string file, std::string where, std::string message);
  void warning(std::string file, std::string where, std::string message);
  // Counts `n` errors of `file` that a checker found but did not spell out (it stopped
  // building messages once the file had kMaxErrorsPerFile); they join the summary line.
  void unlisted_errors(const std::string& file, std::size_t n);
  // False once `file` has kMaxErrorsPerFile errors: a checker may then count instead of
  // building messages nobody will read.
  bool lists_more_errors(const std::string& file) const;

  bool has_errors() const { return !errors_.empty(); }
  // Errors in the order found, each file's summary line (if any) after its first 50.
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  // Every error and warning of `other`, under the same per-file caps.
  void append(const Diagnostics& other);

 private:
  // What one file has in one list: how many are listed, how many only counted, and where
  // the summary line is.
  struct Tally {
    std::size_t listed = 0;
    std::size_t unlisted = 0;
    std::size_t summary = 0;  // index of the summary line; meaningful when unlisted > 0
  };
  static void add(std::vector<Diagnostic>& list, std::unordered_map<std::string, Tally>& tallies,
                  Diagnostic diagnostic, const char* noun);
  static void count_unlisted(std::vector<Diagnostic>& list,
                             std::unordered_map<std::string, Tally>& tallies,
                             const std::string& file, std::size_t n, const char* noun);
  static void append_list(std::vector<Diagnostic>& list,
                          std::unordered_map<std::string, Tally>& tallies,
                          const std::vector<Diagnostic>& from,
                          const std::unordered_map<std::string, Tally>& from_tallies,
                          const char* noun);

  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
  std::unordered_map<std::string, Tally> error_tallies_;
  std::unordered_map<std::string, Tally> warning_tallies_;
};

// The input (a model, scenario or overlay file) is invalid. what() lists every diagnostic.
class InputError : public std::runtime_error {
 public:
  explicit InputError(std::vector<Diagnostic> diagnostics);
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// A file could not be read or written.
class IoError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace msout::model
