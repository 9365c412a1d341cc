#include "model/model_loader.h"

#include <cmath>
#include <unordered_map>

#include "model/file_format.h"
#include "model/input_limits.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

using nlohmann::json;

void check_single_line_labels(JsonReader& in, const std::vector<std::string>& labels,
                              const std::string& pointer) {
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (!is_single_line_text(labels[i])) {
      in.error(
          pointer_append(pointer, i),
          model::quoted(labels[i]) + " holds a control character (a label is one line of text)");
    }
  }
}

}  // namespace

Dependency read_dependency(JsonReader& in, const json& value, const std::string& pointer,
                           MemberOf member_of) {
  Dependency dep;
  dep.place = {in.file(), pointer};
  const bool ok =
      member_of == MemberOf::kNone
          ? in.object(value, pointer,
                      {"on", "layer", "tolerance", "recovery", "effect", "degraded_propagates",
                       "customer_managed_keys", "evidence", "assumptions", "note"},
                      {"on"})
      : member_of == MemberOf::kChoice
          ? in.object(value, pointer,
                      {"on", "weight", "layer", "tolerance", "recovery", "degraded_propagates",
                       "customer_managed_keys", "evidence", "assumptions", "note"},
                      {"on", "weight"})
          : in.object(value, pointer,
                      {"on", "layer", "tolerance", "recovery", "degraded_propagates",
                       "customer_managed_keys", "evidence", "assumptions", "note"},
                      {"on"});
  if (!ok) return dep;
  dep.on = in.string(value, "on", pointer).value_or("");
  dep.layer = read_layer(in, value, pointer).value_or(Layer::kNone);
  if (auto tolerance = in.uncertain_duration(value, "tolerance", pointer)) {
    dep.tolerance = tolerance->point;
    dep.tolerance_spread = tolerance->spread;
  }
  if (auto recovery = in.uncertain_duration(value, "recovery", pointer)) {
    dep.recovery = recovery->point;
    dep.recovery_spread = recovery->spread;
  }
  if (member_of == MemberOf::kNone)
    dep.effect = read_effect(in, value, pointer).value_or(Effect::kDown);
  if (member_of == MemberOf::kChoice) {
    if (auto weight = in.number(value, "weight", pointer, 0, kMaxChoiceWeight, "a weight")) {
      dep.weight = *weight;
    }
  }
  dep.degraded_propagates = in.boolean(value, "degraded_propagates", pointer).value_or(false);
  if (auto keys = in.boolean(value, "customer_managed_keys", pointer)) {
    dep.customer_managed_keys = *keys;
    // Keys only matter where the dependency holds the dependent's data (docs/analyses.md).
    const bool layer_written_ok = !value.contains("layer") || dep.layer != Layer::kNone;
    if (layer_written_ok && dep.layer != Layer::kInfra && dep.layer != Layer::kSaas) {
      in.error(pointer_append(pointer, "customer_managed_keys"),
               "customer_managed_keys needs layer \"infra\" or \"saas\" (with layer \"self\" "
               "or no layer the dependency holds none of the dependent's data)");
    }
  }
  dep.evidence = read_evidence(in, value, pointer);
  dep.assumptions = in.strings(value, "assumptions", pointer);
  dep.note = in.string(value, "note", pointer).value_or("");
  return dep;
}

Requirement read_requirement(JsonReader& in, const json& value, const std::string& pointer) {
  Requirement req;
  req.place = {in.file(), pointer};
  if (!value.is_object()) {
    in.object(value, pointer, {}, {});  // reports the type
    return req;
  }
  const bool is_any = value.contains("any");
  const bool is_k_of_n = value.contains("k") || value.contains("of");
  const bool is_choice = value.contains("one_of");
  if (int{is_any} + int{is_k_of_n} + int{is_choice} > 1) {
    in.error(pointer,
             "a requirement is one of an \"any\" group, a \"k\"-of-\"of\" group or a "
             "\"one_of\" choice, not several");
    return req;
  }
  if (!is_any && !is_k_of_n && !is_choice) {
    Dependency dep = read_dependency(in, value, pointer, MemberOf::kNone);
    req.effect = dep.effect;
    req.members.push_back(std::move(dep));
    return req;
  }
  const char* members_key = is_any ? "any" : is_choice ? "one_of" : "of";
  const bool ok =
      is_any ? in.object(value, pointer,
                         {"any", "switchover", "effect", "common_cause", "evidence", "assumptions",
                          "note"},
                         {"any"})
      : is_choice
          ? in.object(value, pointer, {"one_of", "effect", "evidence", "assumptions", "note"},
                      {"one_of"})
          : in.object(value, pointer,
                      {"k", "of", "effect", "common_cause", "evidence", "assumptions", "note"},
                      {"k", "of"});
  if (!ok) return req;
  req.gate = is_any ? Gate::kAny : is_choice ? Gate::kChoice : Gate::kKOfN;
  req.effect = read_effect(in, value, pointer).value_or(Effect::kDown);
  if (is_any) {
    if (auto switchover = in.uncertain_duration(value, "switchover", pointer)) {
      req.switchover = switchover->point;
      req.switchover_spread = switchover->spread;
    }
  }
  req.common_cause = in.probability(value, "common_cause", pointer).value_or(0);
  req.evidence = read_evidence(in, value, pointer);
  req.assumptions = in.strings(value, "assumptions", pointer);
  req.note = in.string(value, "note", pointer).value_or("");
  const std::string members_pointer = pointer_append(pointer, members_key);
  if (const json* members = in.array(value, members_key, pointer)) {
    if (members->empty()) in.error(members_pointer, "empty group: needs at least one member");
    for (std::size_t i = 0; i < members->size(); ++i) {
      Dependency member = read_dependency(in, (*members)[i], pointer_append(members_pointer, i),
                                          is_choice ? MemberOf::kChoice : MemberOf::kGroup);
      member.effect = req.effect;
      req.members.push_back(std::move(member));
    }
  }
  if (is_choice && !req.members.empty()) {
    double total = 0;
    for (const Dependency& member : req.members) total += member.weight;
    if (!(total > 0) || !std::isfinite(total)) {
      in.error(members_pointer, "the weights of a one_of choice must add up to a positive number");
    }
  }
  if (is_k_of_n) {
    auto k = in.count(value, "k", pointer, kMaxGroupK);
    if (k && *k == 0) {
      in.error(pointer_append(pointer, "k"), "k must be at least 1");
    } else if (k && !req.members.empty() && *k > req.members.size()) {
      in.error(pointer_append(pointer, "k"), "k = " + std::to_string(*k) + " is larger than n = " +
                                                 std::to_string(req.members.size()) + " members");
    }
    req.k = static_cast<std::uint32_t>(std::min<std::uint64_t>(k.value_or(1), UINT32_MAX));
  }
  return req;
}

Entity read_entity(JsonReader& in, const json& value, const std::string& pointer) {
  Entity entity;
  entity.place = {in.file(), pointer};
  if (!in.object(value, pointer,
                 {"id", "name", "kind", "sector", "jurisdiction", "controlled_by", "company", "lei",
                  "count", "regions", "tags", "people_served", "people_served_source", "evidence",
                  "assumptions", "requires"},
                 {"id", "name", "kind"})) {
    return entity;
  }
  entity.id = in.string(value, "id", pointer).value_or("");
  if (value.contains("id") && value["id"].is_string() && !is_valid_id(entity.id)) {
    in.error(pointer_append(pointer, "id"), invalid_id_message(entity.id));
  }
  entity.name = in.single_line(value, "name", pointer).value_or("");
  if (auto kind = in.string(value, "kind", pointer)) {
    if (auto parsed = entity_kind_from(*kind)) {
      entity.kind = *parsed;
    } else {
      in.error(pointer_append(pointer, "kind"),
               "unknown kind " + model::quoted(*kind) +
                   " (known: provider, service, organisation, function)");
    }
  }
  entity.sector = in.single_line(value, "sector", pointer).value_or("");
  entity.jurisdiction = in.string(value, "jurisdiction", pointer).value_or("");
  if (value.contains("jurisdiction") && !is_valid_jurisdiction(entity.jurisdiction)) {
    in.error(pointer_append(pointer, "jurisdiction"),
             "invalid jurisdiction " + model::quoted(entity.jurisdiction) +
                 " (use a code in capitals such as US, NL, EU, CN)");
  }
  entity.controlled_by = in.string(value, "controlled_by", pointer).value_or("");
  entity.company = in.single_line(value, "company", pointer).value_or("");
  entity.lei = in.string(value, "lei", pointer).value_or("");
  if (value.contains("lei") && value["lei"].is_string() && !is_valid_lei(entity.lei)) {
    in.error(pointer_append(pointer, "lei"),
             "invalid LEI " + model::quoted(entity.lei) +
                 " (20 characters, capitals and digits, ending in two check digits; ISO 17442)");
  }
  if (auto count = in.count(value, "count", pointer, kMaxEntityCount)) {
    if (*count == 0) {
      in.error(pointer_append(pointer, "count"), "count must be at least 1");
    } else {
      entity.count = *count;
      entity.count_given = true;
    }
  }
  entity.regions = in.strings(value, "regions", pointer);
  entity.tags = in.strings(value, "tags", pointer);
  // Labels, printed in tables and lists like names.
  check_single_line_labels(in, entity.regions, pointer_append(pointer, "regions"));
  check_single_line_labels(in, entity.tags, pointer_append(pointer, "tags"));
  entity.people_served = in.count(value, "people_served", pointer, kMaxPeopleServed).value_or(0);
  entity.people_served_source = in.string(value, "people_served_source", pointer).value_or("");
  entity.evidence = read_evidence(in, value, pointer);
  entity.assumptions = in.strings(value, "assumptions", pointer);
  const std::string requires_pointer = pointer_append(pointer, "requires");
  if (const json* requirements = in.array(value, "requires", pointer)) {
    for (std::size_t i = 0; i < requirements->size(); ++i) {
      entity.requirements.push_back(
          read_requirement(in, (*requirements)[i], pointer_append(requires_pointer, i)));
    }
  }
  return entity;
}

void resolve_dependencies(Model& model, Diagnostics& diags) {
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    Entity& entity = model.entities[e];
    for (Requirement& req : entity.requirements) {
      for (Dependency& dep : req.members) {
        if (dep.on.empty()) continue;  // already reported
        if (auto target = model.find(dep.on)) {
          dep.target = *target;
          if (*target == e) {
            diags.warning(dep.place.file, dep.place.pointer + "/on",
                          "entity " + model::quoted(entity.id) +
                              " requires itself (a one-entity cycle: "
                              "once down it cannot restart)");
          }
        } else {
          diags.error(dep.place.file, dep.place.pointer + "/on",
                      "entity " + model::quoted(entity.id) + " requires unknown entity " +
                          model::quoted(dep.on));
        }
      }
    }
  }
}

std::optional<Layer> read_layer(JsonReader& in, const json& object, const std::string& pointer) {
  auto text = in.string(object, "layer", pointer);
  if (!text) return std::nullopt;
  auto layer = layer_from(*text);
  if (!layer) {
    in.error(pointer_append(pointer, "layer"),
             "unknown layer " + model::quoted(*text) + " (known: saas, infra, self)");
  }
  return layer;
}

std::optional<Effect> read_effect(JsonReader& in, const json& object, const std::string& pointer) {
  auto text = in.string(object, "effect", pointer);
  if (!text) return std::nullopt;
  auto effect = effect_from(*text);
  if (!effect) {
    in.error(pointer_append(pointer, "effect"),
             "unknown effect " + model::quoted(*text) + " (known: down, degraded)");
  }
  return effect;
}

Evidence read_evidence(JsonReader& in, const json& parent, const std::string& pointer) {
  Evidence evidence;
  auto it = parent.find("evidence");
  if (it == parent.end()) return evidence;
  const std::string here = pointer_append(pointer, "evidence");
  if (!in.object(*it, here, {"source", "confidence", "quote", "probability"},
                 {"source", "confidence"})) {
    return evidence;
  }
  evidence.probability = in.probability(*it, "probability", here);
  evidence.source = in.string(*it, "source", here).value_or("");
  evidence.quote = in.string(*it, "quote", here).value_or("");
  if (auto text = in.string(*it, "confidence", here)) {
    if (auto confidence = confidence_from(*text)) {
      evidence.confidence = *confidence;
    } else {
      in.error(pointer_append(here, "confidence"),
               "unknown confidence " + model::quoted(*text) +
                   " (known: confirmed, reported, presumed, planned, disputed, definition)");
    }
  }
  if (evidence.confidence == Confidence::kDefinition && evidence.probability) {
    in.error(pointer_append(here, "probability"),
             "a definition is not a claim of a source: it always holds and takes no probability");
  }
  return evidence;
}

void read_evidence_weights(JsonReader& in, const json& parent, std::string_view key,
                           const std::string& pointer,
                           std::array<std::optional<double>, kConfidenceLevels>& weights) {
  auto it = parent.find(key);
  if (it == parent.end()) return;
  const std::string here = pointer_append(pointer, key);
  if (!in.object(*it, here,
                 {"confirmed", "reported", "presumed", "planned", "disputed", "definition"}, {})) {
    return;
  }
  for (const auto& [level, unused] : it->items()) {
    const auto confidence = confidence_from(level);
    if (!confidence) continue;  // reported by object()
    if (*confidence == Confidence::kDefinition) {
      in.error(pointer_append(here, level),
               "a definition is not a claim of a source: it always holds and takes no weight");
      continue;
    }
    const auto p = in.probability(*it, level, here);
    auto& slot = weights[static_cast<std::size_t>(*confidence)];
    if (p && slot && *slot != *p) {
      in.error(pointer_append(here, level),
               "\"" + level + "\" is set to another value by an earlier model file");
    } else if (p) {
      slot = p;
    }
  }
}

void read_population(JsonReader& in, const json& document, std::optional<Population>& population) {
  auto it = document.find("population");
  if (it == document.end()) return;
  const std::string here = "/population";
  if (!in.object(*it, here, {"people", "source", "as_of"}, {"people", "source"})) return;
  Population read;
  read.place = {in.file(), here};
  const auto people = in.count(*it, "people", here, kMaxPeopleServed);
  if (people && *people == 0) in.error(pointer_append(here, "people"), "people must be at least 1");
  const auto source = in.single_line(*it, "source", here);
  if (source && source->empty()) {
    in.error(pointer_append(here, "source"),
             "source is empty: say where the population figure comes from");
  }
  const auto as_of = in.single_line(*it, "as_of", here);
  if (!people || *people == 0 || !source || source->empty() || (it->contains("as_of") && !as_of)) {
    return;  // reported above
  }
  read.people = *people;
  read.source = *source;
  read.as_of = as_of.value_or("");
  if (!population) {
    population = std::move(read);
  } else if (population->people != read.people || population->source != read.source ||
             population->as_of != read.as_of) {
    in.error(here, "the population is declared differently at " + population->place.file + ": " +
                       population->place.pointer + " (" + std::to_string(population->people) +
                       " people, source " + model::quoted(population->source) +
                       "); a model declares one population");
  }
}

void check_definitions(const Model& model, Diagnostics& diags) {
  auto reject = [&](const Place& place, const std::string& why) {
    diags.error(place.file, place.pointer + "/evidence/confidence",
                "confidence \"definition\" " + why +
                    ": a definition says that a function is the work of what it requires, which "
                    "the model defines; everything else rests on a source's claim");
  };
  for (const Entity& entity : model.entities) {
    if (entity.evidence.confidence == Confidence::kDefinition) {
      reject(entity.place, "is for a function's requirements, not an entity's own evidence");
    }
    if (entity.kind == EntityKind::kFunction) continue;
    const std::string why = "is only for a function's requirements, and " +
                            model::quoted(entity.id) + " is " +
                            (entity.kind == EntityKind::kOrganisation ? "an " : "a ") +
                            std::string(to_string(entity.kind));
    for (const Requirement& req : entity.requirements) {
      if (req.gate != Gate::kSingle && req.evidence.confidence == Confidence::kDefinition) {
        reject(req.place, why);
      }
      for (const Dependency& dep : req.members) {
        if (dep.evidence.confidence == Confidence::kDefinition) reject(dep.place, why);
      }
    }
  }
}

void check_people_within_population(const Model& model, Diagnostics& diags) {
  if (!model.population) return;
  const Population& population = *model.population;
  for (const Entity& entity : model.entities) {
    if (entity.people_served <= population.people) continue;
    diags.error(entity.place.file, pointer_append(entity.place.pointer, "people_served"),
                "people_served " + std::to_string(entity.people_served) +
                    " is more than the model's population, " + std::to_string(population.people) +
                    " (declared at " + population.place.file + ": " + population.place.pointer +
                    "): no people figure may exceed the population it is part of");
  }
}

Model build_model(const std::vector<ModelDocument>& documents, Diagnostics& diags) {
  Model model;
  std::unordered_map<std::string, Place> first_place;
  for (const ModelDocument& doc : documents) {
    JsonReader in(doc.file, diags);
    model.files.push_back(doc.file);
    // The format first: another msout file gets one error that says what it is.
    if (auto problem = format_problem(doc.json, kModelFormat)) {
      in.error("/format", *problem);
      continue;
    }
    if (!in.object(doc.json, "",
                   {"$schema", "format", "name", "description", "population", "evidence_weights",
                    "entities"},
                   {"format", "entities"})) {
      continue;
    }
    in.string(doc.json, "format", "");  // reports a format that is not a string
    if (auto name = in.string(doc.json, "name", ""); name && model.name.empty()) model.name = *name;
    if (auto description = in.string(doc.json, "description", "");
        description && model.description.empty()) {
      model.description = *description;
    }
    read_evidence_weights(in, doc.json, "evidence_weights", "", model.evidence_weights);
    read_population(in, doc.json, model.population);
    const json* entities = in.array(doc.json, "entities", "");
    if (entities == nullptr) continue;
    for (std::size_t i = 0; i < entities->size(); ++i) {
      Entity entity = read_entity(in, (*entities)[i], pointer_append("/entities", i));
      if (entity.id.empty()) continue;  // already reported
      auto [it, inserted] = first_place.emplace(entity.id, entity.place);
      if (!inserted) {
        in.error(entity.place.pointer + "/id", "duplicate id " + model::quoted(entity.id) +
                                                   " (first defined at " + it->second.file + ": " +
                                                   it->second.pointer + ")");
        continue;
      }
      model.entities.push_back(std::move(entity));
    }
  }
  model.reindex();
  resolve_dependencies(model, diags);
  check_people_within_population(model, diags);
  check_definitions(model, diags);
  return model;
}

Model load_model(const std::vector<SourceText>& sources, Diagnostics* warnings) {
  Diagnostics diags;
  std::vector<ModelDocument> documents;
  for (const SourceText& source : sources) {
    if (auto json = parse_json(source, diags)) documents.push_back({source.name, std::move(*json)});
  }
  Model model = build_model(documents, diags);
  if (diags.has_errors()) throw InputError(diags.errors());
  if (warnings != nullptr) warnings->append(diags);
  return model;
}

Model load_model_path(const std::filesystem::path& path, Diagnostics* warnings) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw IoError(path.string() + ": no such file or directory");
  if (!std::filesystem::is_directory(path, ec)) return load_model({read_source(path)}, warnings);
  Diagnostics diags;
  std::vector<ModelDocument> documents;
  for (const auto& file : json_files_in(path)) {
    SourceText source = read_source(file);
    auto json = parse_json(source, diags);
    if (!json) continue;
    auto format = format_of(*json);
    if (format == kModelFormat) {
      documents.push_back({source.name, std::move(*json)});
    } else if (!format || (*format != kScenarioFormat && *format != kOverlayFormat &&
                           *format != kEvidenceWeightsFormat)) {
      diags.error(source.name, "/format",
                  "not an msout file: expected \"format\": \"" + std::string(kModelFormat) + "\"");
    }
  }
  if (documents.empty() && !diags.has_errors()) {
    throw IoError(path.string() + ": directory holds no msout-model/1 file");
  }
  Model model = build_model(documents, diags);
  if (diags.has_errors()) throw InputError(diags.errors());
  if (warnings != nullptr) warnings->append(diags);
  return model;
}

}  // namespace msout::model
