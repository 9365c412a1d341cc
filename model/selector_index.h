// SelectorIndex: finds the entities a scenario's selectors match without looking at every
// entity for every lever (10^5 levers on a 10^5-entity model were 10^10 comparisons).
//
// Built once per model: the entities listed by kind, jurisdiction, tag, region and sector.
// A selector is answered from its most selective criterion (its ids, or the shortest of
// the lists its values name), and each candidate is checked against the other criteria by
// binary search in the selector's sorted values. So resolving every lever costs about the
// size of the scenario plus the entities the candidates name, times a log factor: never the
// levers times the entities. Same answers as Selector::matches (model/scenario.h).
// Valid while the model it was built from is alive and unchanged; read-only after
// construction, so safe to share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.h"
#include "model/scenario.h"

namespace msout::model {

class SelectorIndex {
 public:
  explicit SelectorIndex(const Model& model);

  // The entities that match at least one of `selectors`, ascending, without repeats.
  // Adds to `*checked`, where given, how many candidate entities it checked: what tests
  // count to show that the cost follows the candidates, not the model's size.
  std::vector<std::uint32_t> select(std::span<const Selector> selectors,
                                    std::uint64_t* checked = nullptr) const;

 private:
  using Postings = std::unordered_map<std::string_view, std::vector<std::uint32_t>>;

  // The entities named by the selector's most selective criterion (a superset of its
  // matches, possibly with repeats).
  std::vector<std::uint32_t> candidates(const Selector& s) const;

  const Model& model_;
  std::vector<std::uint32_t> by_kind_[4];
  Postings by_jurisdiction_;
  Postings by_tag_;
  Postings by_region_;
  Postings by_sector_;
};

}  // namespace msout::model
