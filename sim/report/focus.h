// FocusReport: a run seen from one organisation — the critical functions it provides, the
// systems they and it use directly, what still works at each moment, what fails first and
// why, and its own single points of failure. `msout run --focus ID` prints it.
//
// "Provides" is read from the model: a function provided by organisation O is a function
// with a requirement on O (that is how models say "emergency care needs the hospital"). Its
// systems are what O requires directly and what its functions require directly, except
// functions and other organisations (peers that deliver the same national function).
//
// The view is about the organisation itself: its headline is its own state, its cause chain
// is its own, and a provided function that fails only through a peer (another hospital group
// that the national function also needs) says so instead of being blamed on it. Everything
// the view says about "what fails" covers the organisation, its functions and its systems
// alike, so it can never say "nothing fails" of an organisation that is down.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cascade/cascade_run.h"
#include "sim/report/report.h"

namespace msout::report {

// What one moment looks like: the states right after every change at `time`.
struct FocusMoment {
  std::int64_t time = 0;
  std::vector<std::uint32_t> up;  // entities, in the focus report's order
  std::vector<std::uint32_t> degraded;
  std::vector<std::uint32_t> down;
};

// A set of entities whose permanent outage takes the organisation, or some of its
// functions, down.
struct FocusCut {
  std::vector<std::uint32_t> outage;      // one entity (order 1) or two (order 2)
  std::vector<std::uint32_t> takes_down;  // the organisation first, then its functions
};

// How a provided function's first failure came about, read from its cause chain.
enum class FailureRoute : std::uint8_t {
  kNone,                 // it does not fail within the horizon
  kThroughOrganisation,  // the chain passes through the organisation itself
  kThroughPeer,          // through another organisation providing it, not this one
  kThroughSystem,        // through one of its systems, not through an organisation
  kScenario,             // a lever acts on the function itself
};

// What the view says about one provided function, beside its outcome.
struct FocusRole {
  // Other organisations the function requires directly (it is shared with them), ascending.
  std::vector<std::uint32_t> peers;
  FailureRoute route = FailureRoute::kNone;
  std::uint32_t via = 0;  // the peer or system of kThroughPeer / kThroughSystem
};

struct FocusReport {
  const Report* report = nullptr;  // the whole run's report (model, scenario, graph)
  std::uint32_t organisation = 0;
  FunctionOutcome own;                     // the organisation itself
  std::vector<FunctionOutcome> functions;  // provided, in the report's order
  std::vector<FocusRole> roles;            // roles[i] describes functions[i]
  std::vector<FunctionOutcome> systems;    // used directly, by first failure then id
  // The organisation, its functions and systems, at 0 and every change.
  std::vector<FocusMoment> moments;
  std::optional<std::size_t> first_degraded;  // index into functions: the first to fail
  std::optional<std::size_t> first_down;      // index into functions: the first to go down
  // Over the organisation, its functions and systems: the first entity degraded or worse,
  // and the first down (ties: the organisation, then functions, then systems, in order).
  std::optional<std::uint32_t> first_to_fail;
  std::optional<std::uint32_t> first_to_go_down;
  // Filled in by the caller from the cut-set analysis (the permanent-outage limit).
  std::vector<FocusCut> single_points_of_failure;
  std::vector<FocusCut> pairs;
};

// Functions with a requirement on `organisation`, ascending.
std::vector<std::uint32_t> provided_functions(const model::FrozenGraph& graph,
                                              const model::Model& model,
                                              std::uint32_t organisation);

// The organisation's own outcome followed by those of the functions it provides (in the
// report's order): what `msout compare --focus` compares.
std::vector<FunctionOutcome> focus_outcomes(const Report& report, const cascade::CascadeRun& run,
                                            std::uint32_t organisation);

// The organisation's own state in one sentence, the view's headline: "goes down at 8h (down
// at 3d)", "is degraded from 2h, never down within 3d", "stays up throughout 3d".
std::string focus_headline(const FocusReport& focus);

// "fails through the organisation itself", "fails through X, another organisation
// providing it, not through the organisation", ...: how role's function failed, or "".
std::string route_text(const FocusReport& focus, const FocusRole& role);

// Precondition: `report` was built from `run`; `organisation` indexes the model.
// Fills in everything but the cut sets.
FocusReport build_focus(const Report& report, const cascade::CascadeRun& run,
                        std::uint32_t organisation);

// Fills in the single points of failure and pairs of the organisation itself and of the
// functions it alone provides (a function shared with peers falls to the peers' outages,
// which are not the organisation's), from every entity except the organisation (which
// trivially takes them all down) and the functions. Grouped by outage: one entry per
// outage, with what it takes down.
void add_cut_sets(FocusReport& focus);

}  // namespace msout::report
