// Overlay: a what-if patch (msout-overlay/1) that changes a model without copying it —
// "what if our EPD ran on a Dutch cloud", "what if this dependency had a fallback".
//
// An overlay lists operations on entities (remove, replace, add) and on dependencies
// (remove, change, add alternatives, add). apply_overlay() runs them in one fixed order
// (docs/overlay-format.md):
//   1. remove_entities      (drops every dependency on them from the model's entities)
//   2. replace_entities
//   3. add_entities
//   4. remove_dependencies
//   5. change_dependencies
//   6. add_alternatives
//   7. add_dependencies
// then reindexes the model and resolves every dependency again.
//
// Everything the overlay writes (entities, requirements, group members) keeps the overlay's
// file and JSON pointer as its Place and the overlay's evidence, so diagnostics and cause
// chains point at the overlay, not at the model it patched. As with models and scenarios,
// loading and applying collect every error (file and JSON pointer) before one InputError
// is thrown.
//
//   Model model = load_model_path("scenarios/hospital/model");
//   apply_overlay(model, load_overlay_path("scenarios/hospital/whatif/epd-us-saas.json"));
//
// Thread-safe (no shared state); an Overlay is a plain value.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/model.h"
#include "model/source_text.h"

namespace msout::model {

// One dependency of an entity: `from` depends on `on`. When `from` depends on `on` in more
// than one requirement, `requirement` (the index in `from`'s "requires" list, as in the
// JSON pointer .../requires/N) says which; without it that is an error.
struct DependencyRef {
  std::string from;
  std::string on;
  std::optional<std::uint32_t> requirement;
  Place place;  // the operation's place in the overlay
};

// change_dependencies: each field that is set replaces the dependency's. `effect` and
// `switchover` of a group member change its group's (a group has one of each).
struct DependencyChange {
  DependencyRef target;
  std::optional<Layer> layer;
  std::optional<UncertainDuration> tolerance;
  std::optional<UncertainDuration> recovery;
  std::optional<Effect> effect;
  std::optional<bool> degraded_propagates;
  std::optional<bool> customer_managed_keys;    // only with layer infra or saas
  std::optional<UncertainDuration> switchover;  // only for a dependency in an any group
  std::optional<Evidence> evidence;
  std::optional<std::vector<std::string>> assumptions;
  std::optional<std::string> note;
};

// add_alternatives: the single dependency `target` becomes an any group {target,
// alternatives...}; if it is already in an any group, the alternatives join that group.
// Evidence, assumptions and note, when given, describe the group.
struct AlternativesAddition {
  DependencyRef target;
  std::vector<Dependency> alternatives;  // group members: no effect of their own
  // Default: 0s for a new group, unchanged otherwise.
  std::optional<UncertainDuration> switchover;
  std::optional<Evidence> evidence;
  std::vector<std::string> assumptions;
  std::string note;
};

// add_dependencies: requirements appended to the entity `from`.
struct DependencyAddition {
  std::string from;
  std::vector<Requirement> requirements;
  Place place;
};

// An id named by remove_entities, with its place in the overlay.
struct EntityRemoval {
  std::string id;
  Place place;
};

struct Overlay {
  std::string name;
  std::string description;
  std::string file;
  Evidence evidence;  // why this what-if is worth asking
  std::vector<std::string> assumptions;

  std::vector<EntityRemoval> remove_entities;
  std::vector<Entity> replace_entities;  // id must exist; the whole entity is replaced
  std::vector<Entity> add_entities;      // id must be new
  std::vector<DependencyRef> remove_dependencies;
  std::vector<DependencyChange> change_dependencies;
  std::vector<AlternativesAddition> add_alternatives;
  std::vector<DependencyAddition> add_dependencies;
};

// Builds an overlay from a parsed document; problems go to `diags`. Checks everything that
// needs no model: keys, types, durations, ids, and that no id or dependency is named twice.
Overlay build_overlay(const std::string& file, const nlohmann::json& document, Diagnostics& diags);

// Parses and builds; throws InputError with every diagnostic.
Overlay load_overlay(const SourceText& text);
// Reads and loads a file. Throws IoError (missing, unreadable) or InputError.
Overlay load_overlay_path(const std::string& path);

// Applies `overlay` to `model` (order above) and reindexes it. Ids the operations name must
// exist (or, for add_entities, must not); every error names overlay.file and the JSON
// pointer of the operation. Collects all errors, then throws one InputError; the model is
// then unspecified (apply to a copy to keep the original).
void apply_overlay(Model& model, const Overlay& overlay);

// Like apply_overlay, but adds the errors to `diags` instead of throwing.
void apply_overlay(Model& model, const Overlay& overlay, Diagnostics& diags);

}  // namespace msout::model
