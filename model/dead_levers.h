// Dead levers: a scenario lever whose selection nothing depends on changes nothing beyond the
// selected entities themselves, so it changes no critical function. `msout validate` warns
// about each (docs/model-format.md, "Lever"); it is a warning, not an error, because such a
// lever is legal (a report still shows it) and usually means the model lacks a dependency.
//
// A down or degraded lever is dead when none of the entities it selects is a function and
// none has a dependent: no requirement of any entity on it, counting every member of any,
// k-of-n and one_of groups (also the alternatives a deterministic run does not assume) and
// disputed dependencies (which a run leaves out unless --include-disputed; the warning says
// when they are the only dependents). Restore levers, among them those that end others, are
// not checked on their own: they only undo what other levers did. A lever that selects
// nothing is not dead but empty (resolve_levers warns about it).
//
//   auto selected = resolve_levers(scenario, model, diags);
//   warn_dead_levers(scenario, model, selected, diags);
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostics.h"
#include "model/model.h"
#include "model/scenario.h"

namespace msout::model {

struct DeadLever {
  std::size_t lever = 0;                // index into Scenario::levers
  std::vector<std::uint32_t> selected;  // what it selects, in model order
  // Some selected entity has dependents, but only through disputed dependencies: the lever
  // acts with --include-disputed, not in a default run.
  bool only_disputed_dependents = false;
};

// The dead levers of `scenario`, in scenario order. `selected` is resolve_levers' result for
// the same scenario and model (one list per lever).
std::vector<DeadLever> find_dead_levers(const Scenario& scenario, const Model& model,
                                        const std::vector<std::vector<std::uint32_t>>& selected);

// A what-if shipped or validated beside the scenario: the model with one overlay applied. A
// lever dead on the model may act on it (the staged sanctions' sovereign-cloud lever acts once
// a what-if moves a workload onto a sovereign cloud).
struct WhatIfModel {
  std::string name;    // the overlay's name, for messages
  const Model* model;  // the model with the overlay applied; not owned
};

// A lever that is dead on the model but acts under some of the what-ifs.
struct LeverActingOnlyWithWhatIfs {
  std::size_t lever = 0;             // index into Scenario::levers
  std::vector<std::string> whatifs;  // their names, in the order given
};

// One warning per dead lever at the lever's file and JSON pointer: its id, the ids it selects
// and "nothing in the model depends on them, so this lever changes no function" (or that only
// disputed dependencies do). A lever that acts under one of `whatifs` (each applied on its own)
// is not warned about; it is returned instead, so that the caller can say which what-ifs it
// needs.
std::vector<LeverActingOnlyWithWhatIfs> warn_dead_levers(
    const Scenario& scenario, const Model& model,
    const std::vector<std::vector<std::uint32_t>>& selected, Diagnostics& diags,
    const std::vector<WhatIfModel>& whatifs = {});

}  // namespace msout::model
