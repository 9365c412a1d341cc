#include "model/model.h"

#include <array>
#include <utility>

namespace msout::model {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& table,
                           std::string_view text) {
  for (const auto& [value, name] : table) {
    if (name == text) return value;
  }
  return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                         Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return "?";
}

constexpr std::array<std::pair<EntityKind, std::string_view>, 4> kKinds{
    {{EntityKind::kProvider, "provider"},
     {EntityKind::kService, "service"},
     {EntityKind::kOrganisation, "organisation"},
     {EntityKind::kFunction, "function"}}};
constexpr std::array<std::pair<Layer, std::string_view>, 4> kLayers{{{Layer::kNone, "none"},
                                                                     {Layer::kSaas, "saas"},
                                                                     {Layer::kInfra, "infra"},
                                                                     {Layer::kSelf, "self"}}};
constexpr std::array<std::pair<Effect, std::string_view>, 2> kEffects{
    {{Effect::kDown, "down"}, {Effect::kDegraded, "degraded"}}};
constexpr std::array<std::pair<Confidence, std::string_view>, kConfidenceLevels> kConfidences{
    {{Confidence::kUnstated, "unstated"},
     {Confidence::kConfirmed, "confirmed"},
     {Confidence::kReported, "reported"},
     {Confidence::kPresumed, "presumed"},
     {Confidence::kPlanned, "planned"},
     {Confidence::kDisputed, "disputed"},
     {Confidence::kDefinition, "definition"}}};

}  // namespace

std::string_view to_string(EntityKind kind) { return name_of(kKinds, kind); }
std::string_view to_string(Layer layer) { return name_of(kLayers, layer); }
std::string_view to_string(Effect effect) { return name_of(kEffects, effect); }
std::string_view to_string(Confidence confidence) { return name_of(kConfidences, confidence); }

std::optional<EntityKind> entity_kind_from(std::string_view text) { return lookup(kKinds, text); }
std::optional<Layer> layer_from(std::string_view text) {
  auto layer = lookup(kLayers, text);
  return layer == Layer::kNone ? std::nullopt : layer;  // "none" is not written, only omitted
}
std::optional<Effect> effect_from(std::string_view text) { return lookup(kEffects, text); }
std::optional<Confidence> confidence_from(std::string_view text) {
  auto confidence = lookup(kConfidences, text);
  return confidence == Confidence::kUnstated ? std::nullopt : confidence;
}

std::uint32_t heaviest_member(const Requirement& req) {
  std::uint32_t heaviest = 0;
  for (std::uint32_t m = 1; m < req.members.size(); ++m) {
    if (req.members[m].weight > req.members[heaviest].weight) heaviest = m;
  }
  return heaviest;
}

std::optional<std::uint32_t> Model::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

void Model::reindex() {
  index_.clear();
  for (std::uint32_t i = 0; i < entities.size(); ++i) index_.emplace(entities[i].id, i);
}

}  // namespace msout::model
