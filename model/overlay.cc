#include "model/overlay.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

#include "model/file_format.h"
#include "model/input_limits.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/model_loader.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

using nlohmann::json;

// ---- reading ----------------------------------------------------------------------------

// `id` if it is a valid entity id; otherwise reports it at `pointer` and returns "".
std::string checked_id(JsonReader& in, const std::string& id, const std::string& pointer) {
  if (!is_valid_id(id)) {
    in.error(pointer, invalid_id_message(id));
    return "";
  }
  return id;
}

// The entity id at `key`, or "" when absent or invalid (reported).
std::string read_id(JsonReader& in, const json& value, std::string_view key,
                    const std::string& pointer) {
  auto id = in.string(value, key, pointer);
  return id ? checked_id(in, *id, pointer_append(pointer, key)) : "";
}

// from / on / requirement of an operation object whose keys `in.object` has already checked.
DependencyRef read_ref(JsonReader& in, const json& value, const std::string& pointer) {
  DependencyRef ref;
  ref.place = {in.file(), pointer};
  ref.from = read_id(in, value, "from", pointer);
  ref.on = read_id(in, value, "on", pointer);
  if (auto index = in.count(value, "requirement", pointer, kMaxRequirementIndex)) {
    ref.requirement = static_cast<std::uint32_t>(std::min<std::uint64_t>(*index, UINT32_MAX));
  }
  return ref;
}

// The elements of the array at `key`, each with its pointer; nothing when absent.
std::vector<std::pair<const json*, std::string>> items(JsonReader& in, const json& document,
                                                       std::string_view key) {
  std::vector<std::pair<const json*, std::string>> out;
  const json* array = in.array(document, key, "");
  if (array == nullptr) return out;
  const std::string here = pointer_append("", key);
  for (std::size_t i = 0; i < array->size(); ++i) {
    out.emplace_back(&(*array)[i], pointer_append(here, i));
  }
  return out;
}

DependencyChange read_change(JsonReader& in, const json& value, const std::string& pointer) {
  DependencyChange change;
  change.target.place = {in.file(), pointer};
  if (!in.object(value, pointer,
                 {"from", "on", "requirement", "layer", "tolerance", "recovery", "effect",
                  "degraded_propagates", "customer_managed_keys", "switchover", "evidence",
                  "assumptions", "note"},
                 {"from", "on"})) {
    return change;
  }
  change.target = read_ref(in, value, pointer);
  change.layer = read_layer(in, value, pointer);
  change.tolerance = in.uncertain_duration(value, "tolerance", pointer);
  change.recovery = in.uncertain_duration(value, "recovery", pointer);
  change.effect = read_effect(in, value, pointer);
  change.degraded_propagates = in.boolean(value, "degraded_propagates", pointer);
  change.customer_managed_keys = in.boolean(value, "customer_managed_keys", pointer);
  change.switchover = in.uncertain_duration(value, "switchover", pointer);
  if (value.contains("evidence")) change.evidence = read_evidence(in, value, pointer);
  if (value.contains("assumptions")) change.assumptions = in.strings(value, "assumptions", pointer);
  change.note = in.string(value, "note", pointer);
  bool changes_something = false;
  for (const auto& [key, unused] : value.items()) {
    if (key != "from" && key != "on" && key != "requirement") changes_something = true;
  }
  if (!changes_something) {
    in.error(pointer,
             "changes nothing: give at least one of layer, tolerance, recovery, effect, "
             "degraded_propagates, customer_managed_keys, switchover, evidence, assumptions, "
             "note");
  }
  return change;
}

AlternativesAddition read_alternatives(JsonReader& in, const json& value,
                                       const std::string& pointer) {
  AlternativesAddition addition;
  addition.target.place = {in.file(), pointer};
  if (!in.object(value, pointer,
                 {"from", "on", "requirement", "alternatives", "switchover", "evidence",
                  "assumptions", "note"},
                 {"from", "on", "alternatives"})) {
    return addition;
  }
  addition.target = read_ref(in, value, pointer);
  addition.switchover = in.uncertain_duration(value, "switchover", pointer);
  if (value.contains("evidence")) addition.evidence = read_evidence(in, value, pointer);
  addition.assumptions = in.strings(value, "assumptions", pointer);
  addition.note = in.string(value, "note", pointer).value_or("");
  const std::string here = pointer_append(pointer, "alternatives");
  if (const json* alternatives = in.array(value, "alternatives", pointer)) {
    if (alternatives->empty()) in.error(here, "no alternatives: give at least one");
    for (std::size_t i = 0; i < alternatives->size(); ++i) {
      addition.alternatives.push_back(
          read_dependency(in, (*alternatives)[i], pointer_append(here, i), MemberOf::kGroup));
    }
  }
  return addition;
}

DependencyAddition read_addition(JsonReader& in, const json& value, const std::string& pointer) {
  DependencyAddition addition;
  addition.place = {in.file(), pointer};
  if (!in.object(value, pointer, {"from", "requires"}, {"from", "requires"})) return addition;
  addition.from = read_id(in, value, "from", pointer);
  const std::string here = pointer_append(pointer, "requires");
  if (const json* requirements = in.array(value, "requires", pointer)) {
    if (requirements->empty()) in.error(here, "no requirements: give at least one");
    for (std::size_t i = 0; i < requirements->size(); ++i) {
      addition.requirements.push_back(
          read_requirement(in, (*requirements)[i], pointer_append(here, i)));
    }
  }
  return addition;
}

// Reports a name given twice where once is the rule; `first` maps names to their first place.
void note_once(JsonReader& in, std::map<std::string, std::string>& first, const std::string& name,
               const std::string& shown, const std::string& pointer, const std::string& rule) {
  auto [it, inserted] = first.emplace(name, pointer);
  if (!inserted)
    in.error(pointer, shown + " is already named at " + it->second + " (" + rule + ")");
}

std::string ref_text(const DependencyRef& ref) {
  std::string text =
      "the dependency of " + model::quoted(ref.from) + " on " + model::quoted(ref.on);
  if (ref.requirement) text += " (requirement " + std::to_string(*ref.requirement) + ")";
  return text;
}

// False when `from` or `on` was missing or invalid (already reported).
bool complete(const DependencyRef& ref) { return !ref.from.empty() && !ref.on.empty(); }

std::string ref_key(const DependencyRef& ref) {
  return ref.from + '\n' + ref.on + '\n' +
         (ref.requirement ? std::to_string(*ref.requirement) : std::string("-"));
}

// ---- applying ---------------------------------------------------------------------------

std::string place_text(const Place& place) { return place.file + ": " + place.pointer; }

std::string gate_name(const Requirement& requirement) {
  switch (requirement.gate) {
    case Gate::kAny:
      return "any group";
    case Gate::kChoice:
      return "one_of choice";
    default:
      return "k-of-n group";
  }
}

// A group that lost members must still be satisfiable as written: not empty, k <= n.
void check_group_after_removal(const Entity& entity, const Requirement& requirement,
                               const std::string& what, const std::string& file,
                               const std::string& pointer, Diagnostics& diags) {
  if (requirement.gate == Gate::kSingle) return;
  const std::string group = "the " + gate_name(requirement) + " of " + model::quoted(entity.id) +
                            " at " + place_text(requirement.place);
  if (requirement.members.empty()) {
    diags.error(file, pointer,
                what + " leaves " + group + " empty; replace " + model::quoted(entity.id) +
                    " to say what it needs instead");
  } else if (requirement.gate == Gate::kChoice &&
             std::none_of(requirement.members.begin(), requirement.members.end(),
                          [](const Dependency& member) { return member.weight > 0; })) {
    diags.error(file, pointer, what + " leaves " + group + " with no member of positive weight");
  } else if (requirement.k > requirement.members.size()) {
    diags.error(file, pointer,
                what + " leaves " + group + " with " + std::to_string(requirement.members.size()) +
                    " member" + (requirement.members.size() == 1 ? "" : "s") +
                    " but k = " + std::to_string(requirement.k) + "; replace " +
                    model::quoted(entity.id) + " to say what it needs instead");
  }
}

// Where a DependencyRef points in the model.
struct Located {
  Entity* entity = nullptr;
  Requirement* requirement = nullptr;
  Dependency* member = nullptr;
  std::size_t member_index = 0;
};

class Applier {
 public:
  Applier(Model& model, const Overlay& overlay, Diagnostics& diags)
      : model_(model), overlay_(overlay), diags_(diags) {}

  void run() {
    apply_entity_operations();
    for (const DependencyRef& ref : overlay_.remove_dependencies) remove_dependency(ref);
    for (const DependencyChange& change : overlay_.change_dependencies) apply_change(change);
    for (const AlternativesAddition& addition : overlay_.add_alternatives) {
      add_alternatives(addition);
    }
    for (const DependencyAddition& addition : overlay_.add_dependencies) add_dependencies(addition);
    // Single dependencies that lost their member are dropped only now, so that a
    // "requirement" index always means the position as written in the file.
    for (Entity& entity : model_.entities) {
      std::erase_if(entity.requirements, [](const Requirement& r) { return r.members.empty(); });
    }
    model_.reindex();
    Diagnostics resolution;
    resolve_dependencies(model_, resolution);
    for (const Diagnostic& d : resolution.errors()) diags_.error(d.file, d.where, d.message);
    // An entity the overlay writes keeps the overlay's place, so the error points there.
    check_people_within_population(model_, diags_);
    check_definitions(model_, diags_);
  }

 private:
  void error(const std::string& pointer, std::string message) {
    diags_.error(overlay_.file, pointer, std::move(message));
  }

  // Evidence the overlay writes onto `entity`'s existing requirement: "definition" only where
  // the entity is a function (check_definitions); else an error at the overlay's place.
  bool definition_fits(const Entity& entity, const Evidence& evidence, const std::string& pointer) {
    if (evidence.confidence != Confidence::kDefinition || entity.kind == EntityKind::kFunction) {
      return true;
    }
    error(pointer + "/evidence/confidence",
          "confidence \"definition\" is only for a function's requirements, and " +
              model::quoted(entity.id) + " is " +
              (entity.kind == EntityKind::kOrganisation ? "an " : "a ") +
              std::string(to_string(entity.kind)));
    return false;
  }

  void apply_entity_operations() {
    std::unordered_map<std::string, std::string> removed;  // id -> pointer of the removal
    for (const EntityRemoval& removal : overlay_.remove_entities) {
      if (!model_.find(removal.id)) {
        error(removal.place.pointer, "cannot remove unknown entity " + model::quoted(removal.id));
      } else {
        removed.emplace(removal.id, removal.place.pointer);
      }
    }
    std::set<std::string> written;  // ids of the entities this overlay writes whole
    for (const Entity& entity : overlay_.replace_entities) {
      if (entity.id.empty()) continue;  // reported when loading
      if (auto index = model_.find(entity.id)) {
        model_.entities[*index] = entity;
        written.insert(entity.id);
      } else {
        error(entity.place.pointer + "/id", "cannot replace unknown entity " +
                                                model::quoted(entity.id) +
                                                " (add_entities adds new ones)");
      }
    }
    for (const Entity& entity : overlay_.add_entities) {
      if (entity.id.empty()) continue;
      if (auto index = model_.find(entity.id)) {
        error(entity.place.pointer + "/id",
              "entity " + model::quoted(entity.id) + " already exists (defined at " +
                  place_text(model_.entities[*index].place) + "; replace_entities replaces it)");
      } else {
        written.insert(entity.id);
      }
    }
    std::erase_if(model_.entities,
                  [&](const Entity& entity) { return removed.contains(entity.id); });
    for (const Entity& entity : overlay_.add_entities) {
      if (written.contains(entity.id)) model_.entities.push_back(entity);
    }
    model_.reindex();
    if (removed.empty()) return;
    // The model's own dependencies on removed entities go with them. The overlay's own
    // entities are left as written: a reference to a removed entity there is an error.
    for (Entity& entity : model_.entities) {
      if (written.contains(entity.id)) continue;
      for (Requirement& requirement : entity.requirements) {
        const auto first_removed =
            std::find_if(requirement.members.begin(), requirement.members.end(),
                         [&](const Dependency& member) { return removed.contains(member.on); });
        if (first_removed == requirement.members.end()) continue;
        const auto& [id, pointer] = *removed.find(first_removed->on);
        std::erase_if(requirement.members,
                      [&](const Dependency& member) { return removed.contains(member.on); });
        check_group_after_removal(entity, requirement, "removing " + model::quoted(id),
                                  overlay_.file, pointer, diags_);
      }
    }
  }

  // Finds the dependency `ref` names; reports why not and returns nullopt otherwise.
  std::optional<Located> locate(const DependencyRef& ref) {
    if (ref.from.empty() || ref.on.empty()) return std::nullopt;  // reported when loading
    const std::string& pointer = ref.place.pointer;
    auto from = model_.find(ref.from);
    if (!from) {
      error(pointer + "/from", "unknown entity " + model::quoted(ref.from));
      return std::nullopt;
    }
    Entity& entity = model_.entities[*from];
    if (ref.requirement && *ref.requirement >= entity.requirements.size()) {
      error(pointer + "/requirement",
            model::quoted(entity.id) + " has " + std::to_string(entity.requirements.size()) +
                " requirement" + (entity.requirements.size() == 1 ? "" : "s") +
                " (numbered from 0), so there is no requirement " +
                std::to_string(*ref.requirement));
      return std::nullopt;
    }
    std::vector<Located> found;
    for (std::size_t r = 0; r < entity.requirements.size(); ++r) {
      if (ref.requirement && r != *ref.requirement) continue;
      Requirement& requirement = entity.requirements[r];
      for (std::size_t m = 0; m < requirement.members.size(); ++m) {
        if (requirement.members[m].on == ref.on) {
          found.push_back({&entity, &requirement, &requirement.members[m], m});
          break;  // a group naming the same entity twice is one requirement
        }
      }
    }
    if (found.size() == 1) return found.front();
    if (found.empty()) {
      if (!model_.find(ref.on)) {
        error(pointer + "/on", "unknown entity " + model::quoted(ref.on));
      } else if (ref.requirement) {
        error(pointer + "/on", "requirement " + std::to_string(*ref.requirement) + " of " +
                                   model::quoted(entity.id) + " (at " +
                                   place_text(entity.requirements[*ref.requirement].place) +
                                   ") does not depend on " + model::quoted(ref.on));
      } else {
        error(pointer + "/on", "entity " + model::quoted(entity.id) + " does not depend on " +
                                   model::quoted(ref.on));
      }
      return std::nullopt;
    }
    std::string places;
    for (const Located& l : found) {
      places += (places.empty() ? "" : ", ") + place_text(l.requirement->place);
    }
    error(pointer, "entity " + model::quoted(entity.id) + " depends on " + model::quoted(ref.on) +
                       " in " + std::to_string(found.size()) + " requirements (" + places +
                       "); add \"requirement\": N (the index in its \"requires\") to say which");
    return std::nullopt;
  }

  void remove_dependency(const DependencyRef& ref) {
    auto located = locate(ref);
    if (!located) return;
    Requirement& requirement = *located->requirement;
    requirement.members.erase(requirement.members.begin() +
                              static_cast<std::ptrdiff_t>(located->member_index));
    check_group_after_removal(*located->entity, requirement, "removing " + ref_text(ref),
                              overlay_.file, ref.place.pointer, diags_);
  }

  void apply_change(const DependencyChange& change) {
    auto located = locate(change.target);
    if (!located) return;
    Requirement& requirement = *located->requirement;
    Dependency& dep = *located->member;
    if (change.layer) dep.layer = *change.layer;
    if (change.tolerance) {
      dep.tolerance = change.tolerance->point;
      dep.tolerance_spread = change.tolerance->spread;
    }
    if (change.recovery) {
      dep.recovery = change.recovery->point;
      dep.recovery_spread = change.recovery->spread;
    }
    if (change.degraded_propagates) dep.degraded_propagates = *change.degraded_propagates;
    if (change.customer_managed_keys) dep.customer_managed_keys = *change.customer_managed_keys;
    // As in a model file: keys only where the dependency holds the dependent's data. Checked
    // after the change, so that one change can set layer and keys together.
    if (dep.customer_managed_keys && dep.layer != Layer::kInfra && dep.layer != Layer::kSaas) {
      error(change.target.place.pointer + "/customer_managed_keys",
            "customer_managed_keys needs layer \"infra\" or \"saas\" (with layer \"self\" or "
            "no layer the dependency holds none of the dependent's data)");
    }
    if (change.evidence &&
        !definition_fits(*located->entity, *change.evidence, change.target.place.pointer)) {
      // reported; the dependency keeps its evidence
    } else if (change.evidence) {
      dep.evidence = *change.evidence;
    }
    if (change.assumptions) dep.assumptions = *change.assumptions;
    if (change.note) dep.note = *change.note;
    if (change.effect) {
      // A group has one effect, held by the requirement and repeated in each member.
      requirement.effect = *change.effect;
      for (Dependency& member : requirement.members) member.effect = *change.effect;
    }
    if (change.switchover) {
      if (requirement.gate == Gate::kAny) {
        requirement.switchover = change.switchover->point;
        requirement.switchover_spread = change.switchover->spread;
      } else {
        const std::string what = requirement.gate == Gate::kSingle   ? "is a single dependency"
                                 : requirement.gate == Gate::kChoice ? "is in a one_of choice"
                                                                     : "is in a k-of-n group";
        error(change.target.place.pointer + "/switchover",
              "switchover applies only to an any group, and " + ref_text(change.target) + " " +
                  what + " (at " + place_text(requirement.place) +
                  "); add_alternatives makes an any group of a single dependency");
      }
    }
  }

  void add_alternatives(const AlternativesAddition& addition) {
    auto located = locate(addition.target);
    if (!located) return;
    Requirement& requirement = *located->requirement;
    const std::string& pointer = addition.target.place.pointer;
    if (requirement.gate == Gate::kKOfN || requirement.gate == Gate::kChoice) {
      error(pointer, ref_text(addition.target) + " is in a " +
                         (requirement.gate == Gate::kKOfN ? "k-of-n group" : "one_of choice") +
                         " (at " + place_text(requirement.place) +
                         "); add_alternatives works on a single dependency or an any group");
      return;
    }
    if (addition.evidence && !definition_fits(*located->entity, *addition.evidence, pointer)) {
      return;
    }
    std::set<std::string> members;
    for (const Dependency& member : requirement.members) members.insert(member.on);
    for (const Dependency& alternative : addition.alternatives) {
      if (alternative.on.empty()) continue;  // reported when loading
      if (!members.insert(alternative.on).second) {
        error(alternative.place.pointer + "/on", model::quoted(alternative.on) +
                                                     " is already a member of this group (at " +
                                                     place_text(requirement.place) + ")");
      }
    }
    if (requirement.gate == Gate::kSingle) {
      // The new group is the overlay's: its place, its evidence; the dependency that was
      // there stays its first (initially active) member with its own evidence.
      requirement.gate = Gate::kAny;
      requirement.k = 1;
      requirement.switchover = addition.switchover ? addition.switchover->point : Duration{};
      requirement.switchover_spread =
          addition.switchover ? addition.switchover->spread : std::nullopt;
      requirement.place = addition.target.place;
      requirement.evidence = addition.evidence.value_or(Evidence{});
      requirement.assumptions = addition.assumptions;
      requirement.note = addition.note;
    } else {
      if (addition.switchover) {
        requirement.switchover = addition.switchover->point;
        requirement.switchover_spread = addition.switchover->spread;
      }
      if (addition.evidence) requirement.evidence = *addition.evidence;
      if (!addition.assumptions.empty()) requirement.assumptions = addition.assumptions;
      if (!addition.note.empty()) requirement.note = addition.note;
    }
    for (Dependency alternative : addition.alternatives) {
      alternative.effect = requirement.effect;
      requirement.members.push_back(std::move(alternative));
    }
  }

  void add_dependencies(const DependencyAddition& addition) {
    if (addition.from.empty()) return;  // reported when loading
    auto from = model_.find(addition.from);
    if (!from) {
      error(addition.place.pointer + "/from", "unknown entity " + model::quoted(addition.from));
      return;
    }
    std::vector<Requirement>& requirements = model_.entities[*from].requirements;
    requirements.insert(requirements.end(), addition.requirements.begin(),
                        addition.requirements.end());
  }

  Model& model_;
  const Overlay& overlay_;
  Diagnostics& diags_;
};

}  // namespace

Overlay build_overlay(const std::string& file, const json& document, Diagnostics& diags) {
  JsonReader in(file, diags);
  Overlay overlay;
  overlay.file = file;
  // The format first: another msout file gets one error that says what it is.
  if (auto problem = format_problem(document, kOverlayFormat)) {
    in.error("/format", *problem);
    return overlay;
  }
  if (!in.object(document, "",
                 {"$schema", "format", "name", "description", "evidence", "assumptions",
                  "remove_entities", "replace_entities", "add_entities", "remove_dependencies",
                  "change_dependencies", "add_alternatives", "add_dependencies"},
                 {"format", "name"})) {
    return overlay;
  }
  in.string(document, "format", "");  // reports a format that is not a string
  in.string(document, "$schema", "");
  overlay.name = in.single_line(document, "name", "").value_or("");
  overlay.description = in.string(document, "description", "").value_or("");
  overlay.evidence = read_evidence(in, document, "");
  if (overlay.evidence.confidence == Confidence::kDefinition) {
    in.error("/evidence/confidence",
             "confidence \"definition\" is only for a function's requirements, not an "
             "overlay's own evidence");
  }
  overlay.assumptions = in.strings(document, "assumptions", "");

  // An entity is removed, replaced or added, at most once.
  const std::string entity_rule =
      "an id may appear once among remove_entities, replace_entities and add_entities";
  std::map<std::string, std::string> entity_ids;
  for (const auto& [value, pointer] : items(in, document, "remove_entities")) {
    if (!value->is_string()) {
      in.error(pointer, "expected an entity id (a string)");
      continue;
    }
    EntityRemoval removal{checked_id(in, value->get<std::string>(), pointer), {file, pointer}};
    if (removal.id.empty()) continue;
    note_once(in, entity_ids, removal.id, model::quoted(removal.id), pointer, entity_rule);
    overlay.remove_entities.push_back(std::move(removal));
  }
  for (std::string_view key : {"replace_entities", "add_entities"}) {
    auto& list = key == "add_entities" ? overlay.add_entities : overlay.replace_entities;
    for (const auto& [value, pointer] : items(in, document, key)) {
      Entity entity = read_entity(in, *value, pointer);
      if (entity.id.empty()) continue;  // reported
      note_once(in, entity_ids, entity.id, model::quoted(entity.id), pointer + "/id", entity_rule);
      list.push_back(std::move(entity));
    }
  }

  // A dependency is named at most once per operation list.
  const std::string dependency_rule = "name each dependency once per list";
  std::map<std::string, std::string> removed;
  for (const auto& [value, pointer] : items(in, document, "remove_dependencies")) {
    if (!in.object(*value, pointer, {"from", "on", "requirement"}, {"from", "on"})) continue;
    DependencyRef ref = read_ref(in, *value, pointer);
    if (complete(ref))
      note_once(in, removed, ref_key(ref), ref_text(ref), pointer, dependency_rule);
    overlay.remove_dependencies.push_back(std::move(ref));
  }
  std::map<std::string, std::string> changed;
  for (const auto& [value, pointer] : items(in, document, "change_dependencies")) {
    DependencyChange change = read_change(in, *value, pointer);
    if (complete(change.target)) {
      note_once(in, changed, ref_key(change.target), ref_text(change.target), pointer,
                dependency_rule);
    }
    overlay.change_dependencies.push_back(std::move(change));
  }
  std::map<std::string, std::string> extended;
  for (const auto& [value, pointer] : items(in, document, "add_alternatives")) {
    AlternativesAddition addition = read_alternatives(in, *value, pointer);
    if (complete(addition.target)) {
      note_once(in, extended, ref_key(addition.target), ref_text(addition.target), pointer,
                dependency_rule);
    }
    overlay.add_alternatives.push_back(std::move(addition));
  }
  std::map<std::string, std::string> added;
  for (const auto& [value, pointer] : items(in, document, "add_dependencies")) {
    DependencyAddition addition = read_addition(in, *value, pointer);
    if (!addition.from.empty()) {
      note_once(in, added, addition.from, model::quoted(addition.from), pointer,
                "one entry per entity: put all its new requirements in one \"requires\"");
    }
    overlay.add_dependencies.push_back(std::move(addition));
  }
  return overlay;
}

Overlay load_overlay(const SourceText& text) {
  Diagnostics diags;
  Overlay overlay;
  if (auto document = parse_json(text, diags)) overlay = build_overlay(text.name, *document, diags);
  if (diags.has_errors()) throw InputError(diags.errors());
  return overlay;
}

Overlay load_overlay_path(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) throw IoError(path + ": no such file or directory");
  return load_overlay(read_source(path));
}

void apply_overlay(Model& model, const Overlay& overlay, Diagnostics& diags) {
  Applier(model, overlay, diags).run();
}

void apply_overlay(Model& model, const Overlay& overlay) {
  Diagnostics diags;
  apply_overlay(model, overlay, diags);
  if (diags.has_errors()) throw InputError(diags.errors());
}

}  // namespace msout::model
