#include "model/entity_table.h"

#include <algorithm>
#include <unordered_map>

#include "model/json_document.h"

namespace msout::model {

std::uint16_t EntityTable::intern_jurisdiction(std::string_view code) {
  auto it = std::find(jurisdictions.begin(), jurisdictions.end(), code);
  if (it != jurisdictions.end()) return static_cast<std::uint16_t>(it - jurisdictions.begin());
  jurisdictions.emplace_back(code);
  return static_cast<std::uint16_t>(jurisdictions.size() - 1);
}

int EntityTable::tag_index(std::string_view tag) const {
  auto it = std::find(tag_names.begin(), tag_names.end(), tag);
  return it == tag_names.end() ? -1 : static_cast<int>(it - tag_names.begin());
}

std::uint32_t EntityTable::add(std::string_view id, EntityKind k, std::string_view juris,
                               const std::vector<std::string>& tag_list, std::uint64_t served) {
  std::uint64_t bits = 0;
  for (const std::string& t : tag_list) {
    int index = tag_index(t);
    if (index < 0) {
      if (tag_names.size() == kMaxTags) throw InputError({{"", "", "more than 64 distinct tags"}});
      tag_names.push_back(t);
      index = static_cast<int>(tag_names.size() - 1);
    }
    bits |= std::uint64_t{1} << index;
  }
  kind.push_back(k);
  jurisdiction.push_back(intern_jurisdiction(juris));
  tags.push_back(bits);
  people.push_back(served);
  id_blob.append(id);
  id_offsets.push_back(static_cast<std::uint32_t>(id_blob.size()));
  return size() - 1;
}

EntityTable EntityTable::from(const Model& model) {
  EntityTable table;
  for (const Entity& e : model.entities) {
    table.add(e.id, e.kind, e.jurisdiction, e.tags, e.people_served);
  }
  return table;
}

std::vector<std::vector<std::uint32_t>> EntityTable::resolve_levers(const Scenario& scenario,
                                                                    Diagnostics& diags) const {
  std::unordered_map<std::string_view, std::uint32_t> by_id;
  std::vector<std::vector<std::uint32_t>> selected(scenario.levers.size());
  for (std::size_t l = 0; l < scenario.levers.size(); ++l) {
    const Lever& lever = scenario.levers[l];
    for (const Selector& s : lever.selectors) {
      if (!s.regions.empty() || !s.sectors.empty()) {
        diags.error(s.place.file, s.place.pointer,
                    "selectors on regions or sector are not available for compact models");
      }
      std::uint64_t tag_mask = 0;
      bool unknown_tag_only = !s.tags.empty();
      for (const std::string& t : s.tags) {
        if (int index = tag_index(t); index >= 0) {
          tag_mask |= std::uint64_t{1} << index;
          unknown_tag_only = false;
        }
      }
      std::vector<std::uint16_t> juris;
      for (const std::string& j : s.jurisdictions) {
        auto it = std::find(jurisdictions.begin(), jurisdictions.end(), j);
        if (it != jurisdictions.end())
          juris.push_back(static_cast<std::uint16_t>(it - jurisdictions.begin()));
      }
      if (!s.ids.empty() && by_id.empty()) {
        for (std::uint32_t i = 0; i < size(); ++i) by_id.emplace(id(i), i);
      }
      std::vector<bool> id_match;
      if (!s.ids.empty()) {
        id_match.assign(size(), false);
        for (std::size_t k = 0; k < s.ids.size(); ++k) {
          auto it = by_id.find(s.ids[k]);
          if (it == by_id.end()) {
            diags.error(s.place.file, pointer_append(s.place.pointer + "/ids", k),
                        "lever \"" + lever.id + "\" selects unknown entity \"" + s.ids[k] + "\"");
          } else {
            id_match[it->second] = true;
          }
        }
      }
      if (unknown_tag_only || (!s.jurisdictions.empty() && juris.empty())) continue;
      for (std::uint32_t i = 0; i < size(); ++i) {
        if (!id_match.empty() && !id_match[i]) continue;
        if (!s.kinds.empty() && std::find(s.kinds.begin(), s.kinds.end(), kind[i]) == s.kinds.end())
          continue;
        if (!juris.empty() && std::find(juris.begin(), juris.end(), jurisdiction[i]) == juris.end())
          continue;
        if (tag_mask != 0 && (tags[i] & tag_mask) == 0) continue;
        selected[l].push_back(i);
      }
    }
    std::sort(selected[l].begin(), selected[l].end());
    selected[l].erase(std::unique(selected[l].begin(), selected[l].end()), selected[l].end());
    if (selected[l].empty()) {
      diags.warning(lever.place.file, lever.place.pointer + "/select",
                    "lever \"" + lever.id + "\" selects no entity of the model");
    }
  }
  return selected;
}

}  // namespace msout::model
