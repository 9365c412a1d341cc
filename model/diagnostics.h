// Diagnostics and the typed errors raised at the input boundary.
//
// A Diagnostic names the file and the place in it (a JSON pointer such as
// "/entities/3/requires/0/tolerance", or "line 12, column 5" for malformed JSON). Loaders
// collect every diagnostic they find and then throw one InputError carrying all of them, so
// that `msout validate` can report every error of a file, not only the first.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace msout::model {

// The longest diagnostic line printed, in bytes.
inline constexpr std::size_t kDiagnosticMaxBytes = 2000;

struct Diagnostic {
  std::string file;
  std::string where;  // JSON pointer or "line L, column C"; may be empty
  std::string message;

  // "file: where: message", with control characters escaped and shortened to
  // kDiagnosticMaxBytes (model/printable_text.h).
  std::string to_string() const;
};

class Diagnostics {
 public:
  void error(std::string file, std::string where, std::string message) {
    errors_.push_back({std::move(file), std::move(where), std::move(message)});
  }
  void warning(std::string file, std::string where, std::string message) {
    warnings_.push_back({std::move(file), std::move(where), std::move(message)});
  }
  bool has_errors() const { return !errors_.empty(); }
  const std::vector<Diagnostic>& errors() const { return errors_; }
  const std::vector<Diagnostic>& warnings() const { return warnings_; }
  void append(const Diagnostics& other);

 private:
  std::vector<Diagnostic> errors_;
  std::vector<Diagnostic> warnings_;
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
