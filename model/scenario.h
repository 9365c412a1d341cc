// Scenario: what happens — a named timeline of levers, each putting selected entities down
// or degraded, or ending earlier levers' impositions. Format: docs/model-format.md.
//
// Invariants after a successful load (scenario_loader.h): lever ids are unique and valid;
// every id in `ends` names a lever of the scenario; `ends` is only set on restore levers;
// every selector has at least one criterion, and no criterion is an empty list; every
// reported outcome has a claim, an entity id, evidence, and windows only where its
// expectation allows them, each with from <= to. That a reported outcome's entity exists is
// checked against a model by resolve_reported (scenario_loader.h).
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

// What a reported outcome expects of its entity in a run (docs/model-format.md, "Reported
// outcomes"): kDown reaches down; kDegraded reaches degraded or worse; kUp is never worse
// than up within the horizon; kNotDown is never down (degraded allowed).
enum class Expectation : std::uint8_t { kDown, kDegraded, kUp, kNotDown };
std::string_view to_string(Expectation expectation);
std::optional<Expectation> expectation_from(std::string_view text);

// [from, to], both from the start of the run; from <= to.
struct TimeWindow {
  Duration from;
  Duration to;
};

// What really happened in the outage a scenario replays, as a claim a run can check (a
// hindcast). Only kDown and kDegraded may carry windows.
struct ReportedOutcome {
  std::string claim;   // for people: "Flights at Schiphol were disrupted for several hours"
  std::string entity;  // an entity id of the model, as written
  Expectation expectation = Expectation::kDown;
  // When the expected state (or worse) is first reached.
  std::optional<TimeWindow> first_between;
  // When the entity is last back to up, after its last failure.
  std::optional<TimeWindow> recovered_between;
  Evidence evidence;
  // Set where the model is known not to reproduce the claim: why.
  std::optional<std::string> known_gap;
  Place place;
};

struct Scenario {
  std::string name;
  std::string description;
  Duration horizon;
  std::vector<Lever> levers;              // in file order
  std::vector<ReportedOutcome> reported;  // in file order; empty for most scenarios
  std::string file;
};

}  // namespace msout::model
