// Scenario: what happens — a named timeline of levers, each putting selected entities down
// or degraded, or ending earlier levers' impositions. Format: docs/model-format.md.
//
// Invariants after a successful load (scenario_loader.h): lever ids are unique and valid;
// every id in `ends` names a lever of the scenario; `ends` is only set on restore levers;
// every selector has at least one criterion, and no criterion is an empty list.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/duration.h"
#include "model/duration_distribution.h"
#include "model/model.h"

namespace msout::model {

enum class LeverAction : std::uint8_t { kDown, kDegraded, kRestore };
std::string_view to_string(LeverAction action);

// Criteria are ANDed; the values within one criterion are ORed. Empty = no constraint.
struct Selector {
  std::vector<std::string> ids;
  bool ids_is_single = false;  // written as one string, not an array (for error places)
  std::vector<EntityKind> kinds;
  std::vector<std::string> jurisdictions;
  std::vector<std::string> tags;
  std::vector<std::string> regions;
  std::vector<std::string> sectors;
  Place place;

  bool matches(const Entity& entity) const;
};

struct Lever {
  std::string id;
  std::string name;                               // defaults to id
  Duration at;                                    // the point value where a distribution is given
  std::optional<DurationDistribution> at_spread;  // Monte Carlo only
  LeverAction action = LeverAction::kDown;
  std::vector<Selector> selectors;  // union
  std::vector<std::string> ends;    // restore only; empty = every imposition
  Evidence evidence;
  std::vector<std::string> assumptions;
  std::string note;
  Place place;
};

struct Scenario {
  std::string name;
  std::string description;
  Duration horizon;
  std::vector<Lever> levers;  // in file order
  std::string file;
};

}  // namespace msout::model
