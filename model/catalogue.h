// Catalogue: how an output names and weighs the entities of a model — each entity's id,
// name, kind and people served, and the model's name, files and population — whether the
// model was loaded in full from JSON (names as written) or from a compact file, which holds
// no names (they are the ids) and no population. Analyses that run on both are written
// against it, so that one code path serves the national model and a generated graph.
//
//   const Catalogue names = model;                             // model outlives it
//   const Catalogue names = Catalogue::of(compact.entities, "g.msout", {"g.msout"});
//   out << names.name(e) << " (" << names.id(e) << ")";
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/entity_table.h"
#include "model/model.h"

namespace msout::model {

class Catalogue {
 public:
  Catalogue() = default;
  // A view of a loaded model (which outlives it): a Model converts where a Catalogue is
  // asked for, as a std::string to a std::string_view.
  Catalogue(const Model& model);
  // `table` outlives the catalogue; `name` names the model in outputs (the file's name).
  static Catalogue of(const EntityTable& table, std::string name, std::vector<std::string> files);

  std::uint32_t size() const;
  std::string_view id(std::uint32_t entity) const;
  std::string_view name(std::uint32_t entity) const;  // the id where the model has no names
  EntityKind kind(std::uint32_t entity) const;
  std::uint64_t people(std::uint32_t entity) const;
  // The entity with `id`, if any. A compact model's ids are indexed on the first call: not
  // thread-safe until then.
  std::optional<std::uint32_t> find(std::string_view id) const;

  const std::string& model_name() const { return model_name_; }
  const std::vector<std::string>& files() const { return files_; }
  const std::optional<Population>& population() const { return population_; }
  // The full model behind it, or nullptr for a compact one.
  const Model* model() const { return model_; }

 private:
  const Model* model_ = nullptr;
  const EntityTable* table_ = nullptr;
  std::string model_name_;
  std::vector<std::string> files_;
  std::optional<Population> population_;
  mutable std::unordered_map<std::string_view, std::uint32_t> index_;  // compact only
};

}  // namespace msout::model
