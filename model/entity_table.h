// EntityTable: the attributes of entities that scenario selection and summary reports need,
// in flat columns — for graphs too large for the full Model (millions of entities), such as
// the synthetic benchmark graphs in the compact format.
//
// Selectors on an EntityTable support ids, kind, jurisdiction and tags (up to 64 distinct
// tags); regions and sector are not kept, and a selector that uses them is an error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "model/scenario.h"

namespace msout::model {

class EntityTable {
 public:
  static constexpr std::size_t kMaxTags = 64;

  // Appends an entity; returns its index. `tags` are names (interned here).
  std::uint32_t add(std::string_view id, EntityKind kind, std::string_view jurisdiction,
                    const std::vector<std::string>& tags, std::uint64_t people);

  static EntityTable from(const Model& model);

  std::uint32_t size() const { return static_cast<std::uint32_t>(kind.size()); }
  std::string_view id(std::uint32_t i) const {
    return std::string_view(id_blob).substr(id_offsets[i], id_offsets[i + 1] - id_offsets[i]);
  }

  // The same as resolve_levers() for a Model (scenario_loader.h).
  std::vector<std::vector<std::uint32_t>> resolve_levers(const Scenario& scenario,
                                                         Diagnostics& diags) const;

  std::uint16_t intern_jurisdiction(std::string_view code);
  int tag_index(std::string_view tag) const;  // -1 if unknown

  // Columns (one entry per entity) and the string tables they index.
  std::vector<EntityKind> kind;
  std::vector<std::uint16_t> jurisdiction;  // index into jurisdictions
  std::vector<std::uint64_t> tags;          // bit i: tag_names[i]
  std::vector<std::uint64_t> people;
  std::vector<std::uint32_t> id_offsets{0};
  std::string id_blob;
  std::vector<std::string> jurisdictions;
  std::vector<std::string> tag_names;
};

}  // namespace msout::model
