#include "model/diagnostics.h"

#include "model/printable_text.h"

namespace msout::model {
namespace {

std::string join(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) {
    if (!text.empty()) text += '\n';
    text += d.to_string();
  }
  return text;
}

}  // namespace

std::string Diagnostic::to_string() const {
  std::string text = file;
  if (!where.empty()) text += ": " + where;
  // The one way a diagnostic reaches a terminal: never a control character, never a line
  // longer than a screenful, whatever the input held (loaders also quote() what they echo).
  return printable(text + ": " + message, kDiagnosticMaxBytes);
}

void Diagnostics::append(const Diagnostics& other) {
  errors_.insert(errors_.end(), other.errors_.begin(), other.errors_.end());
  warnings_.insert(warnings_.end(), other.warnings_.begin(), other.warnings_.end());
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace msout::model
