// Loading models: JSON text -> validated Model.
//
// Every error in every file is collected (unknown keys, bad types, unparsable or negative
// durations, invalid or duplicate ids, unknown dependency ids, empty groups, k > n) with the
// file and JSON pointer; then load_model throws one InputError holding them all.
//
//   Model m = load_model_path("scenarios/hospital/model");   // a file or a directory
//
// Thread-safe (no shared state).
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/json_reader.h"
#include "model/model.h"
#include "model/source_text.h"

namespace msout::model {

// One parsed model file.
struct ModelDocument {
  std::string file;
  nlohmann::json json;
};

// The optional "layer" / "effect" key of `object`; an unknown word is an error at its
// pointer (and gives nothing).
std::optional<Layer> read_layer(JsonReader& in, const nlohmann::json& object,
                                const std::string& pointer);
std::optional<Effect> read_effect(JsonReader& in, const nlohmann::json& object,
                                  const std::string& pointer);

// Reads the optional "evidence" object of `parent` (models and scenarios share it).
Evidence read_evidence(JsonReader& in, const nlohmann::json& parent, const std::string& pointer);

// The parts of an msout-model/1 file, read from `value` at `pointer` with every problem
// reported through `in`; shared with overlays (overlay.h), whose elements thereby keep the
// overlay's file and pointer as their Place. Results are meaningful only without errors.
//
// A single dependency, or a member of a group (no "effect" of its own; a member of a
// one_of choice has a "weight").
enum class MemberOf : std::uint8_t { kNone, kGroup, kChoice };
Dependency read_dependency(JsonReader& in, const nlohmann::json& value, const std::string& pointer,
                           MemberOf member_of);
// A single dependency, an any group, a k-of-n group or a one_of choice.
Requirement read_requirement(JsonReader& in, const nlohmann::json& value,
                             const std::string& pointer);
// An entity with its requirements (dependency targets not yet resolved).
Entity read_entity(JsonReader& in, const nlohmann::json& value, const std::string& pointer);

// Sets every dependency's `target` from its `on` through the model's id index (call
// Model::reindex() first). An unknown id is an error at the dependency's place; an entity
// that requires itself is a warning.
void resolve_dependencies(Model& model, Diagnostics& diags);

// The optional object at `key` of `parent` ("evidence_weights" in a model file, "weights"
// in an msout-evidence-weights/1 file): the probability that a claim of each confidence
// level holds (docs/uncertainty.md). A level already set to another value is an error.
void read_evidence_weights(JsonReader& in, const nlohmann::json& parent, std::string_view key,
                           const std::string& pointer,
                           std::array<std::optional<double>, kConfidenceLevels>& weights);

// Reads the optional "population" object of a model file into `population`: `people` (a
// whole number, 1 to kMaxPeopleServed), `source` (required, not empty) and `as_of`. A file
// that declares a population different from one an earlier file declared is an error at
// its pointer, naming the first; an identical declaration is accepted.
void read_population(JsonReader& in, const nlohmann::json& document,
                     std::optional<Population>& population);

// Every entity whose people_served exceeds the model's declared population is an error at
// its .../people_served (the entity's file and pointer): a people figure above the
// population it is part of is wrong in the data, and msout's promise that no people figure
// exceeds the population must not rest on silently capping it. Nothing without a population.
void check_people_within_population(const Model& model, Diagnostics& diags);

// Confidence "definition" (docs/model-format.md, "Evidence") is only for the requirements of
// a function (single dependencies, group members and groups): it marks the modeller's
// definition of the function as the work of what it requires. On an entity's own evidence,
// or on a requirement of a provider, service or organisation, it is an error at its
// .../evidence/confidence.
void check_definitions(const Model& model, Diagnostics& diags);

// Builds a model from parsed msout-model/1 documents, in order. Adds all problems to `diags`;
// the result is meaningful only when no error was added.
Model build_model(const std::vector<ModelDocument>& documents, Diagnostics& diags);

// Parses and builds; throws InputError with every diagnostic if any error is found. The
// warnings (an entity that requires itself, ...) are added to `*warnings` if given.
Model load_model(const std::vector<SourceText>& sources, Diagnostics* warnings = nullptr);

// Reads a model file, or all msout-model/1 files directly in a directory (name order;
// other msout files there are skipped). Throws IoError or InputError.
Model load_model_path(const std::filesystem::path& path, Diagnostics* warnings = nullptr);

}  // namespace msout::model
