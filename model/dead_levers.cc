#include "model/dead_levers.h"

#include <algorithm>
#include <string>

#include "model/printable_text.h"
#include "model/scenario_loader.h"

namespace msout::model {
namespace {

enum class Dependents : std::uint8_t { kNone, kOnlyDisputed, kSome };

// Per entity: whether any requirement of another entity names it, and whether only through
// disputed dependencies (as FrozenGraph decides what is disputed: the member's evidence, or a
// group's own).
std::vector<Dependents> dependents_of(const Model& model) {
  std::vector<Dependents> out(model.entities.size(), Dependents::kNone);
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    for (const Requirement& req : model.entities[e].requirements) {
      const bool group_disputed =
          req.gate != Gate::kSingle && req.evidence.confidence == Confidence::kDisputed;
      for (const Dependency& dep : req.members) {
        if (dep.target == e || dep.target >= out.size()) continue;  // itself, or unresolved
        const bool disputed = group_disputed || dep.evidence.confidence == Confidence::kDisputed;
        Dependents& d = out[dep.target];
        if (!disputed) {
          d = Dependents::kSome;
        } else if (d == Dependents::kNone) {
          d = Dependents::kOnlyDisputed;
        }
      }
    }
  }
  return out;
}

}  // namespace

std::vector<DeadLever> find_dead_levers(const Scenario& scenario, const Model& model,
                                        const std::vector<std::vector<std::uint32_t>>& selected) {
  const std::vector<Dependents> dependents = dependents_of(model);
  std::vector<DeadLever> dead;
  for (std::size_t l = 0; l < scenario.levers.size() && l < selected.size(); ++l) {
    if (scenario.levers[l].action == LeverAction::kRestore || selected[l].empty()) continue;
    bool alive = false;
    bool disputed = false;
    for (std::uint32_t e : selected[l]) {
      if (model.entities[e].kind == EntityKind::kFunction || dependents[e] == Dependents::kSome) {
        alive = true;
        break;
      }
      disputed = disputed || dependents[e] == Dependents::kOnlyDisputed;
    }
    if (!alive) dead.push_back({l, selected[l], disputed});
  }
  return dead;
}

std::vector<LeverActingOnlyWithWhatIfs> warn_dead_levers(
    const Scenario& scenario, const Model& model,
    const std::vector<std::vector<std::uint32_t>>& selected, Diagnostics& diags,
    const std::vector<WhatIfModel>& whatifs) {
  constexpr std::size_t kNamed = 10;  // the ids named in one warning; the rest are counted
  const std::vector<DeadLever> dead_levers = find_dead_levers(scenario, model, selected);
  // Which dead levers act under each what-if: resolved again, as an overlay may add entities
  // that a selector picks up.
  std::vector<LeverActingOnlyWithWhatIfs> acting;
  for (const DeadLever& dead : dead_levers) acting.push_back({dead.lever, {}});
  if (!dead_levers.empty()) {
    for (const WhatIfModel& whatif : whatifs) {
      Diagnostics ignored;  // the scenario's own problems are reported against the model
      const auto selected_there = resolve_levers(scenario, *whatif.model, ignored);
      if (ignored.has_errors()) continue;
      const std::vector<DeadLever> dead_there =
          find_dead_levers(scenario, *whatif.model, selected_there);
      for (LeverActingOnlyWithWhatIfs& a : acting) {
        const bool still_dead = std::any_of(dead_there.begin(), dead_there.end(),
                                            [&](const DeadLever& d) { return d.lever == a.lever; });
        if (!still_dead) a.whatifs.push_back(whatif.name);
      }
    }
  }
  std::vector<LeverActingOnlyWithWhatIfs> acting_only_with_whatifs;
  for (std::size_t d = 0; d < dead_levers.size(); ++d) {
    const DeadLever& dead = dead_levers[d];
    if (!acting[d].whatifs.empty()) {
      acting_only_with_whatifs.push_back(std::move(acting[d]));
      continue;
    }
    const Lever& lever = scenario.levers[dead.lever];
    std::string ids;
    for (std::size_t i = 0; i < dead.selected.size() && i < kNamed; ++i) {
      ids += (i == 0 ? "" : ", ") + model::quoted(model.entities[dead.selected[i]].id);
    }
    if (dead.selected.size() > kNamed) {
      ids += " and " + std::to_string(dead.selected.size() - kNamed) + " more";
    }
    const bool one = dead.selected.size() == 1;
    std::string message = "lever " + model::quoted(lever.id) + " selects " + ids + ": ";
    if (dead.only_disputed_dependents) {
      message += "only disputed dependencies depend on " + std::string(one ? "it" : "them") +
                 ", which a run leaves out without --include-disputed, so by default this "
                 "lever changes no function";
    } else {
      message += "nothing in the model depends on " + std::string(one ? "it" : "them") +
                 ", so this lever changes no function";
    }
    diags.warning(lever.place.file, lever.place.pointer, std::move(message));
  }
  return acting_only_with_whatifs;
}

}  // namespace msout::model
