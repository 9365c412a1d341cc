#include "model/catalogue.h"

namespace msout::model {

Catalogue::Catalogue(const Model& model)
    : model_(&model), model_name_(model.name), files_(model.files), population_(model.population) {}

Catalogue Catalogue::of(const EntityTable& table, std::string name,
                        std::vector<std::string> files) {
  Catalogue c;
  c.table_ = &table;
  c.model_name_ = std::move(name);
  c.files_ = std::move(files);
  return c;
}

std::uint32_t Catalogue::size() const {
  return model_ != nullptr ? static_cast<std::uint32_t>(model_->entities.size()) : table_->size();
}

std::string_view Catalogue::id(std::uint32_t entity) const {
  return model_ != nullptr ? std::string_view(model_->entities[entity].id) : table_->id(entity);
}

std::string_view Catalogue::name(std::uint32_t entity) const {
  return model_ != nullptr ? std::string_view(model_->entities[entity].name) : table_->id(entity);
}

EntityKind Catalogue::kind(std::uint32_t entity) const {
  return model_ != nullptr ? model_->entities[entity].kind : table_->kind[entity];
}

std::uint64_t Catalogue::people(std::uint32_t entity) const {
  return model_ != nullptr ? model_->entities[entity].people_served : table_->people[entity];
}

std::optional<std::uint32_t> Catalogue::find(std::string_view wanted) const {
  if (model_ != nullptr) return model_->find(wanted);
  if (index_.empty()) {
    index_.reserve(table_->size());
    for (std::uint32_t e = 0; e < table_->size(); ++e) index_.emplace(table_->id(e), e);
  }
  const auto it = index_.find(wanted);
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

}  // namespace msout::model
