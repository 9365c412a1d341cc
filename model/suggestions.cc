#include "model/suggestions.h"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>

#include "model/printable_text.h"

namespace msout::model {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Optimal-string-alignment distance, given up above `bound` (then nullopt): the candidates
// may be millions of entity ids, so each costs O(length x bound) at most.
std::optional<std::size_t> distance_within(const std::string& a, const std::string& b,
                                           std::size_t bound) {
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  if ((n > m ? n - m : m - n) > bound) return std::nullopt;
  const std::size_t kFar = bound + 1;
  std::vector<std::size_t> before(m + 1, kFar), previous(m + 1), current(m + 1);
  for (std::size_t j = 0; j <= m; ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    current.assign(m + 1, kFar);
    current[0] = i;
    const std::size_t from = i > bound ? i - bound : 1;
    const std::size_t to = std::min(m, i + bound);
    std::size_t row_best = current[0];
    for (std::size_t j = from; j <= to; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d = std::min(d, before[j - 2] + 1);
      }
      current[j] = std::min(d, kFar);
      row_best = std::min(row_best, current[j]);
    }
    if (row_best > bound) return std::nullopt;
    before.swap(previous);
    previous.swap(current);
  }
  if (previous[m] > bound) return std::nullopt;
  return previous[m];
}

}  // namespace

std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t limit) {
  const std::string key = lower(word);
  if (key.empty()) return {};
  const std::size_t bound = std::max<std::size_t>(1, key.size() / 3);
  // Score: the edit distance; a containment (e.g. "azure" in "azure-westeurope") ranks just
  // after the distance bound, so that a close spelling wins over a mere substring.
  struct Scored {
    std::size_t score;
    std::size_t order;
  };
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string candidate = lower(candidates[i]);
    if (candidate == key) continue;
    if (const auto d = distance_within(key, candidate, bound)) {
      scored.push_back({*d, i});
    } else if (key.size() >= 3 &&
               (candidate.find(key) != std::string::npos ||
                (candidate.size() >= 3 && key.find(candidate) != std::string::npos))) {
      scored.push_back({bound + 1, i});
    }
  }
  const std::size_t keep = std::min(limit, scored.size());
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                    scored.end(), [](const Scored& a, const Scored& b) {
                      return a.score != b.score ? a.score < b.score : a.order < b.order;
                    });
  std::vector<std::string> words;
  for (std::size_t i = 0; i < keep; ++i) words.push_back(candidates[scored[i].order]);
  return words;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates,
                         std::string_view prefix) {
  const std::vector<std::string> words = closest_words(word, candidates);
  if (words.empty()) return "";
  std::string text = " (did you mean ";
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) text += i + 1 == words.size() ? " or " : ", ";
    text += model::quoted(std::string(prefix) + words[i]);
  }
  return text + "?)";
}

}  // namespace msout::model
