#include "model/selector_index.h"

#include <algorithm>
#include <string>

namespace msout::model {
namespace {

// A selector's string values, sorted for binary search.
std::vector<std::string_view> sorted(const std::vector<std::string>& values) {
  std::vector<std::string_view> out(values.begin(), values.end());
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<std::string_view>& sorted_values, std::string_view value) {
  return std::binary_search(sorted_values.begin(), sorted_values.end(), value);
}

// Selector::matches with the selector's values sorted: an empty criterion is no constraint,
// a one-valued attribute must be one of the values, a list attribute must share one.
struct SortedSelector {
  std::vector<std::string_view> ids, jurisdictions, tags, regions, sectors;
  const std::vector<EntityKind>* kinds = nullptr;

  explicit SortedSelector(const Selector& s)
      : ids(sorted(s.ids)),
        jurisdictions(sorted(s.jurisdictions)),
        tags(sorted(s.tags)),
        regions(sorted(s.regions)),
        sectors(sorted(s.sectors)),
        kinds(&s.kinds) {}

  bool matches(const Entity& e) const {
    auto one_of = [](const std::vector<std::string_view>& wanted, std::string_view value) {
      return wanted.empty() || contains(wanted, value);
    };
    auto any_of = [](const std::vector<std::string_view>& wanted,
                     const std::vector<std::string>& have) {
      return wanted.empty() || std::any_of(have.begin(), have.end(), [&](const std::string& h) {
               return contains(wanted, h);
             });
    };
    return one_of(ids, e.id) &&
           (kinds->empty() || std::find(kinds->begin(), kinds->end(), e.kind) != kinds->end()) &&
           one_of(jurisdictions, e.jurisdiction) && any_of(tags, e.tags) &&
           any_of(regions, e.regions) && one_of(sectors, e.sector);
  }
};

}  // namespace

SelectorIndex::SelectorIndex(const Model& model) : model_(model) {
  for (std::uint32_t i = 0; i < model.entities.size(); ++i) {
    const Entity& e = model.entities[i];
    by_kind_[static_cast<std::size_t>(e.kind)].push_back(i);
    by_jurisdiction_[e.jurisdiction].push_back(i);
    by_sector_[e.sector].push_back(i);
    for (const std::string& tag : e.tags) by_tag_[tag].push_back(i);
    for (const std::string& region : e.regions) by_region_[region].push_back(i);
  }
}

std::vector<std::uint32_t> SelectorIndex::candidates(const Selector& s) const {
  // Each criterion names a list of entities (the union of its values' lists); the shortest
  // one is a superset of the matches that costs least to check.
  const std::vector<std::uint32_t>* none = nullptr;
  auto lists_of = [&](const Postings& postings, const std::vector<std::string>& values) {
    std::vector<const std::vector<std::uint32_t>*> lists;
    for (const std::string& v : values) {
      const auto it = postings.find(v);
      lists.push_back(it == postings.end() ? none : &it->second);
    }
    return lists;
  };
  std::vector<std::vector<const std::vector<std::uint32_t>*>> criteria;
  if (!s.kinds.empty()) {
    auto& lists = criteria.emplace_back();
    for (EntityKind k : s.kinds) lists.push_back(&by_kind_[static_cast<std::size_t>(k)]);
  }
  if (!s.jurisdictions.empty()) criteria.push_back(lists_of(by_jurisdiction_, s.jurisdictions));
  if (!s.tags.empty()) criteria.push_back(lists_of(by_tag_, s.tags));
  if (!s.regions.empty()) criteria.push_back(lists_of(by_region_, s.regions));
  if (!s.sectors.empty()) criteria.push_back(lists_of(by_sector_, s.sectors));
  auto size_of = [](const std::vector<const std::vector<std::uint32_t>*>& lists) {
    std::size_t size = 0;
    for (const auto* list : lists) size += list == nullptr ? 0 : list->size();
    return size;
  };
  const auto shortest =
      std::min_element(criteria.begin(), criteria.end(),
                       [&](const auto& a, const auto& b) { return size_of(a) < size_of(b); });

  std::vector<std::uint32_t> out;
  if (!s.ids.empty() && (shortest == criteria.end() || s.ids.size() <= size_of(*shortest))) {
    for (const std::string& id : s.ids) {
      if (const auto index = model_.find(id)) out.push_back(*index);
    }
  } else if (shortest != criteria.end()) {
    for (const auto* list : *shortest) {
      if (list != nullptr) out.insert(out.end(), list->begin(), list->end());
    }
  } else {  // no criterion at all (the loader refuses such selectors): everything matches
    out.resize(model_.entities.size());
    for (std::uint32_t i = 0; i < out.size(); ++i) out[i] = i;
  }
  return out;
}

std::vector<std::uint32_t> SelectorIndex::select(std::span<const Selector> selectors,
                                                 std::uint64_t* checked) const {
  std::vector<std::uint32_t> selected;
  for (const Selector& s : selectors) {
    const SortedSelector sorted_selector(s);
    const std::vector<std::uint32_t> candidates_of_s = candidates(s);
    if (checked != nullptr) *checked += candidates_of_s.size();
    for (std::uint32_t e : candidates_of_s) {
      if (sorted_selector.matches(model_.entities[e])) selected.push_back(e);
    }
  }
  std::sort(selected.begin(), selected.end());
  selected.erase(std::unique(selected.begin(), selected.end()), selected.end());
  return selected;
}

}  // namespace msout::model
