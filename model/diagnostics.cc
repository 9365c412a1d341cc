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
  std::string text = printable(file, kDiagnosticMaxWhereBytes);
  if (!where.empty()) text += ": " + printable(where, kDiagnosticMaxWhereBytes);
  // The one way a diagnostic reaches a terminal: never a control character, never a line
  // longer than a screenful, whatever the input held (loaders also quote() what they echo).
  return printable(text + ": " + message, kDiagnosticMaxBytes);
}

void Diagnostics::add(std::vector<Diagnostic>& list,
                      std::unordered_map<std::string, Tally>& tallies, Diagnostic diagnostic,
                      const char* noun) {
  Tally& tally = tallies[diagnostic.file];
  if (tally.listed < kMaxErrorsPerFile) {
    ++tally.listed;
    list.push_back(std::move(diagnostic));
  } else {
    count_unlisted(list, tallies, diagnostic.file, 1, noun);
  }
}

void Diagnostics::count_unlisted(std::vector<Diagnostic>& list,
                                 std::unordered_map<std::string, Tally>& tallies,
                                 const std::string& file, std::size_t n, const char* noun) {
  if (n == 0) return;
  Tally& tally = tallies[file];
  if (tally.unlisted == 0) {
    tally.summary = list.size();
    list.push_back({file, "", ""});
  }
  tally.unlisted += n;
  list[tally.summary].message = "… and " + std::to_string(tally.unlisted) + " more " + noun +
                                (tally.unlisted == 1 ? "" : "s") + " (the first " +
                                std::to_string(kMaxErrorsPerFile) + " are listed)";
}

void Diagnostics::append_list(std::vector<Diagnostic>& list,
                              std::unordered_map<std::string, Tally>& tallies,
                              const std::vector<Diagnostic>& from,
                              const std::unordered_map<std::string, Tally>& from_tallies,
                              const char* noun) {
  for (std::size_t i = 0; i < from.size(); ++i) {
    const auto tally = from_tallies.find(from[i].file);
    const bool is_summary =
        tally != from_tallies.end() && tally->second.unlisted > 0 && tally->second.summary == i;
    if (is_summary) {
      count_unlisted(list, tallies, from[i].file, tally->second.unlisted, noun);
    } else {
      add(list, tallies, from[i], noun);
    }
  }
}

void Diagnostics::error(std::string file, std::string where, std::string message) {
  add(errors_, error_tallies_, {std::move(file), std::move(where), std::move(message)}, "error");
}

void Diagnostics::warning(std::string file, std::string where, std::string message) {
  add(warnings_, warning_tallies_, {std::move(file), std::move(where), std::move(message)},
      "warning");
}

void Diagnostics::unlisted_errors(const std::string& file, std::size_t n) {
  count_unlisted(errors_, error_tallies_, file, n, "error");
}

bool Diagnostics::lists_more_errors(const std::string& file) const {
  const auto tally = error_tallies_.find(file);
  return tally == error_tallies_.end() || tally->second.listed < kMaxErrorsPerFile;
}

void Diagnostics::append(const Diagnostics& other) {
  append_list(errors_, error_tallies_, other.errors_, other.error_tallies_, "error");
  append_list(warnings_, warning_tallies_, other.warnings_, other.warning_tallies_, "warning");
}

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}

}  // namespace msout::model
