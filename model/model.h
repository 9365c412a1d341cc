// Model: the world as data — entities (nodes) and their requirements (dependency edges,
// possibly grouped by any / k-of-n gates), as loaded from msout-model/1 files.
//
// Invariants after a successful load (model_loader.h): ids are unique; every dependency's
// `target` indexes `entities`; groups are non-empty and 1 <= k <= members. Cycles are legal.
// Every element remembers its file and JSON pointer, so later stages can report places.
// The format is documented in docs/model-format.md.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/duration.h"
#include "model/duration_distribution.h"

namespace msout::model {

enum class EntityKind : std::uint8_t { kProvider, kService, kOrganisation, kFunction };
enum class Layer : std::uint8_t { kNone, kSaas, kInfra, kSelf };
enum class Effect : std::uint8_t { kDegraded = 1, kDown = 2 };
// How a source words a claim (docs/model-format.md, "Evidence"). kDefinition is no claim of
// a source: the model defines a function as the work of what it requires (fn-vehicle-
// registration requires rdw); it always holds, is never hedged and never left out. Only a
// function's requirements may carry it (check_definitions, model_loader.h).
enum class Confidence : std::uint8_t {
  kUnstated,
  kConfirmed,
  kReported,
  kPresumed,
  kPlanned,
  kDisputed,
  kDefinition
};
// kChoice: the dependent uses exactly one of the members, which one is not known; each
// member's weight is its probability (normalised). Only the model has it: the frozen graph
// holds the member chosen (the heaviest in a deterministic run, a draw in Monte Carlo).
enum class Gate : std::uint8_t { kSingle, kAny, kKOfN, kChoice };

std::string_view to_string(EntityKind kind);
std::string_view to_string(Layer layer);
std::string_view to_string(Effect effect);
std::string_view to_string(Confidence confidence);
std::optional<EntityKind> entity_kind_from(std::string_view text);
std::optional<Layer> layer_from(std::string_view text);
std::optional<Effect> effect_from(std::string_view text);
std::optional<Confidence> confidence_from(std::string_view text);

// Where a model element was written.
struct Place {
  std::string file;
  std::string pointer;
};

struct Evidence {
  std::string source;  // URL, or the name of the source document
  Confidence confidence = Confidence::kUnstated;
  std::string quote;
  // The probability that the claim holds, where the model states it; otherwise it follows
  // from the confidence (docs/uncertainty.md).
  std::optional<double> probability;
};

inline constexpr std::size_t kConfidenceLevels = 7;

struct Dependency {
  std::string on;            // id of the dependency, as written
  std::uint32_t target = 0;  // index into Model::entities, resolved by the loader
  Layer layer = Layer::kNone;
  Duration tolerance;  // the point value where a distribution is given
  Duration recovery;
  std::optional<DurationDistribution> tolerance_spread;  // Monte Carlo only
  std::optional<DurationDistribution> recovery_spread;
  double weight = 0;              // members of a choice group only: > 0 in at least one
  Effect effect = Effect::kDown;  // for members of a group: the group's effect
  bool degraded_propagates = false;
  // The dependent holds its own encryption keys for the data at the dependency (layer
  // infra or saas only; the loader rejects it elsewhere). Lowers jurisdiction exposure,
  // never continuity.
  bool customer_managed_keys = false;
  Evidence evidence;
  std::vector<std::string> assumptions;
  std::string note;
  Place place;
};

struct Requirement {
  Gate gate = Gate::kSingle;
  std::uint32_t k = 1;  // members needed: 1 for single and any, k for k-of-n
  Effect effect = Effect::kDown;
  Duration switchover;  // any groups only; the point value where a distribution is given
  std::optional<DurationDistribution> switchover_spread;
  // Any and k-of-n groups: the probability that a hidden shared cause (the same software,
  // the same operator) makes the members fail together (docs/uncertainty.md).
  double common_cause = 0;
  std::vector<Dependency> members;  // exactly one for a single dependency
  Evidence evidence;
  std::vector<std::string> assumptions;
  std::string note;
  Place place;
};

// The member of a one_of choice with the largest weight, the first of equals: what a
// deterministic run assumes (docs/uncertainty.md). `req` must have members.
std::uint32_t heaviest_member(const Requirement& req);

struct Entity {
  std::string id;
  std::string name;
  EntityKind kind = EntityKind::kService;
  std::string sector;
  std::string jurisdiction;   // of the controlling company (its ultimate parent)
  std::string controlled_by;  // that parent, where ownership moved ("Kiteworks (US)")
  // The company that runs this entity, as registers name it ("Microsoft"), and its Legal
  // Entity Identifier: how imported registers are linked to the model (docs/import.md).
  std::string company;
  std::string lei;
  std::uint64_t count = 1;   // real-world members this entity stands for (342 municipalities)
  bool count_given = false;  // the file gave `count`; without it the number is unknown
  std::vector<std::string> regions;
  std::vector<std::string> tags;
  std::uint64_t people_served = 0;
  std::string people_served_source;  // URL, or "estimate" (reasoning in assumptions)
  Evidence evidence;
  std::vector<std::string> assumptions;
  std::vector<Requirement> requirements;  // all of them are needed
  Place place;
};

// The population a model's people figures are about (docs/model-format.md, "Population"):
// every entity's people_served is at most `people` (the loader checks it), and no people
// figure msout prints for the model exceeds it (docs/report-format.md, "People figures").
struct Population {
  std::uint64_t people = 0;  // 1 to kMaxPeopleServed
  std::string source;        // where the figure comes from (a URL, or a named statistic)
  std::string as_of;         // the date the figure describes, as written; may be empty
  Place place;               // the first declaration
};

struct Model {
  std::string name;
  std::string description;
  std::vector<std::string> files;  // in load order
  // Declared by at most one value across the model's files; absent where none is declared
  // (then people figures are not capped, only never summed).
  std::optional<Population> population;
  // Probability that a claim of each confidence level holds (indexed by Confidence), where
  // the model sets it ("evidence_weights"); unset levels take the documented defaults.
  std::array<std::optional<double>, kConfidenceLevels> evidence_weights{};
  std::vector<Entity> entities;  // in load order: file name order, then file order

  // Index of the entity with `id`, if any.
  std::optional<std::uint32_t> find(std::string_view id) const;

  // Rebuilds the id index; the loader calls it, so do code that edits `entities`.
  void reindex();

 private:
  std::unordered_map<std::string, std::uint32_t> index_;
};

}  // namespace msout::model
