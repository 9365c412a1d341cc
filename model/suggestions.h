// "Did you mean": the known words closest to one a user mistyped (a command, an option, an
// analysis, an entity id, a scenario name), for the error that rejects it.
//
//   throw UsageError("unknown command \"rnu\"" + did_you_mean("rnu", {"run", "compare"}));
//   // unknown command "rnu" (did you mean "run"?)
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace msout::model {

// At most `limit` candidates that are close to `word`, closest first (ties in the order
// given): within an edit distance (insertions, deletions, substitutions, transpositions;
// ignoring case) of about a third of the word's length, or containing the word, or contained
// in it. Linear in the number of candidates.
std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit = 3);

// " (did you mean "a", "b" or "c"?)", or "" when nothing is close. The words are printable().
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view prefix = "");

}  // namespace msout::model
