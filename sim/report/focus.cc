#include "sim/report/focus.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "sim/analysis/cut_sets.h"
#include "sim/report/cause_text.h"

namespace msout::report {
namespace {

constexpr std::int64_t kNever = INT64_MAX;

// Entities that `node` requires directly, except functions and, unless `with_organisations`,
// organisations: a national function needs every hospital group, but one group does not use
// its peers.
void add_direct_systems(const model::FrozenGraph& graph, const model::Model& model,
                        std::uint32_t node, bool with_organisations,
                        std::set<std::uint32_t>& systems) {
  for (const model::FrozenRequirement& r : graph.requirements_of(node)) {
    for (const model::FrozenEdge& e : graph.members(r)) {
      const model::EntityKind kind = model.entities[e.dependency].kind;
      if (kind == model::EntityKind::kFunction) continue;
      if (kind == model::EntityKind::kOrganisation && !with_organisations) continue;
      systems.insert(e.dependency);
    }
  }
}

// Other organisations that `function` requires directly: those it is shared with.
std::vector<std::uint32_t> peers_of(const model::FrozenGraph& graph, const model::Model& model,
                                    std::uint32_t function, std::uint32_t organisation) {
  std::set<std::uint32_t> peers;
  add_direct_systems(graph, model, function, true, peers);
  std::vector<std::uint32_t> out;
  for (std::uint32_t p : peers) {
    if (p != organisation && model.entities[p].kind == model::EntityKind::kOrganisation) {
      out.push_back(p);
    }
  }
  return out;
}

// Reads the route from the function's cause chain (its first step is the function).
FocusRole role_of(const model::FrozenGraph& graph, const model::Model& model,
                  const FunctionOutcome& function, std::uint32_t organisation) {
  FocusRole role;
  role.peers = peers_of(graph, model, function.entity, organisation);
  if (!function.cause) return role;
  const std::vector<cascade::ChainStep>& steps = function.cause->steps;
  if (steps.size() < 2) {
    role.route = FailureRoute::kScenario;
    return role;
  }
  for (const cascade::ChainStep& step : steps) {
    if (step.node == organisation) {
      role.route = FailureRoute::kThroughOrganisation;
      return role;
    }
  }
  for (std::size_t i = 1; i < steps.size(); ++i) {
    if (model.entities[steps[i].node].kind == model::EntityKind::kOrganisation) {
      role.route = FailureRoute::kThroughPeer;
      role.via = steps[i].node;
      return role;
    }
  }
  role.route = FailureRoute::kThroughSystem;
  role.via = steps[1].node;
  return role;
}

// The earliest of `watched` by `time` (ties: the first in `watched`).
std::optional<std::uint32_t> earliest(const std::vector<const FunctionOutcome*>& watched,
                                      const std::optional<std::int64_t> FunctionOutcome::*time) {
  const FunctionOutcome* best = nullptr;
  for (const FunctionOutcome* w : watched) {
    if ((w->*time) && (best == nullptr || *(w->*time) < *(best->*time))) best = w;
  }
  if (best == nullptr) return std::nullopt;
  return best->entity;
}

}  // namespace

std::string focus_headline(const FocusReport& focus) {
  const FunctionOutcome& own = focus.own;
  const std::string horizon = time_text(focus.report->horizon);
  const std::string& name = focus.report->model->entities[focus.organisation].name;
  if (own.first_down) {
    std::string text = name + " goes down at " + time_text(*own.first_down);
    if (*own.first_degraded < *own.first_down) {
      text += " (degraded from " + time_text(*own.first_degraded) + ")";
    }
    return text + "; at " + horizon + " it is " + std::string(cascade::to_string(own.final_state));
  }
  if (own.first_degraded) {
    return name + " is degraded from " + time_text(*own.first_degraded) + ", never down within " +
           horizon + "; at " + horizon + " it is " +
           std::string(cascade::to_string(own.final_state));
  }
  return name + " stays up throughout " + horizon;
}

std::string route_text(const FocusReport& focus, const FocusRole& role) {
  const model::Model& model = *focus.report->model;
  switch (role.route) {
    case FailureRoute::kNone:
      return "";
    case FailureRoute::kThroughOrganisation:
      return "fails through " + model.entities[focus.organisation].name + " itself";
    case FailureRoute::kThroughPeer:
      return "fails through " + model.entities[role.via].name +
             ", another organisation providing it, not through " +
             model.entities[focus.organisation].name;
    case FailureRoute::kThroughSystem:
      return "fails through " + model.entities[role.via].name + ", one of its systems";
    case FailureRoute::kScenario:
      return "the scenario acts on the function itself";
  }
  return "";
}

std::vector<std::uint32_t> provided_functions(const model::FrozenGraph& graph,
                                              const model::Model& model,
                                              std::uint32_t organisation) {
  std::vector<std::uint32_t> functions;
  for (std::uint32_t edge : graph.dependents_of(organisation)) {
    const std::uint32_t owner = graph.edge(edge).owner;
    if (model.entities[owner].kind == model::EntityKind::kFunction) functions.push_back(owner);
  }
  std::sort(functions.begin(), functions.end());
  functions.erase(std::unique(functions.begin(), functions.end()), functions.end());
  return functions;
}

std::vector<FunctionOutcome> focus_outcomes(const Report& report, const cascade::CascadeRun& run,
                                            std::uint32_t organisation) {
  std::vector<FunctionOutcome> outcomes{
      outcome_of(organisation, *report.model, *report.graph, run)};
  const std::vector<std::uint32_t> provided =
      provided_functions(*report.graph, *report.model, organisation);
  for (const FunctionOutcome& f : report.functions) {
    if (std::binary_search(provided.begin(), provided.end(), f.entity)) outcomes.push_back(f);
  }
  return outcomes;
}

FocusReport build_focus(const Report& report, const cascade::CascadeRun& run,
                        std::uint32_t organisation) {
  const model::Model& model = *report.model;
  const model::FrozenGraph& graph = *report.graph;
  FocusReport focus;
  focus.report = &report;
  focus.organisation = organisation;
  focus.own = outcome_of(organisation, model, graph, run);

  const std::vector<std::uint32_t> provided = provided_functions(graph, model, organisation);
  for (const FunctionOutcome& f : report.functions) {  // keeps the report's order
    if (std::binary_search(provided.begin(), provided.end(), f.entity)) {
      focus.functions.push_back(f);
      focus.roles.push_back(role_of(graph, model, f, organisation));
    }
  }
  std::set<std::uint32_t> systems;
  add_direct_systems(graph, model, organisation, true, systems);
  for (std::uint32_t f : provided) add_direct_systems(graph, model, f, false, systems);
  systems.erase(organisation);
  for (std::uint32_t s : systems) focus.systems.push_back(outcome_of(s, model, graph, run));
  std::stable_sort(
      focus.systems.begin(), focus.systems.end(),
      [&](const FunctionOutcome& a, const FunctionOutcome& b) {
        return std::make_tuple(a.first_down.value_or(kNever), a.first_degraded.value_or(kNever),
                               std::string_view(model.entities[a.entity].id)) <
               std::make_tuple(b.first_down.value_or(kNever), b.first_degraded.value_or(kNever),
                               std::string_view(model.entities[b.entity].id));
      });

  // First to fail: earliest first degraded-or-worse (then earliest down, then id, as the
  // report orders them); first down likewise.
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    const FunctionOutcome& f = focus.functions[i];
    if (f.first_degraded &&
        (!focus.first_degraded ||
         *f.first_degraded < *focus.functions[*focus.first_degraded].first_degraded)) {
      focus.first_degraded = i;
    }
    if (f.first_down &&
        (!focus.first_down || *f.first_down < *focus.functions[*focus.first_down].first_down)) {
      focus.first_down = i;
    }
  }

  // Moments: time 0 and every instant at which the organisation, a function or a system
  // changes.
  std::vector<const FunctionOutcome*> watched{&focus.own};
  for (const FunctionOutcome& f : focus.functions) watched.push_back(&f);
  for (const FunctionOutcome& s : focus.systems) watched.push_back(&s);
  std::vector<std::int64_t> times{0};
  for (const FunctionOutcome* w : watched) {
    for (const Interval& i : w->timeline) times.push_back(i.from);
  }
  focus.first_to_fail = earliest(watched, &FunctionOutcome::first_degraded);
  focus.first_to_go_down = earliest(watched, &FunctionOutcome::first_down);
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  for (std::int64_t time : times) {
    FocusMoment m;
    m.time = time;
    for (const FunctionOutcome* w : watched) {
      const State s = state_at(*w, time);
      (s == State::kDown ? m.down : s == State::kDegraded ? m.degraded : m.up).push_back(w->entity);
    }
    focus.moments.push_back(std::move(m));
  }
  return focus;
}

void add_cut_sets(FocusReport& focus) {
  const model::Model& model = *focus.report->model;
  const model::FrozenGraph& graph = *focus.report->graph;
  // The organisation's own cut sets matter where it has requirements of its own (the
  // national model's organisations do; the example hospital's functions carry them).
  std::vector<std::uint32_t> targets{focus.organisation};
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    if (focus.roles[i].peers.empty()) targets.push_back(focus.functions[i].entity);
  }
  std::vector<std::uint32_t> candidates;
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    if (e != focus.organisation && model.entities[e].kind != model::EntityKind::kFunction) {
      candidates.push_back(e);
    }
  }
  std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>> singles;
  std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>> pairs;
  for (const analysis::CutSets& cuts : analysis::find_cut_sets(graph, targets, candidates)) {
    for (std::uint32_t s : cuts.single_points) singles[{s}].push_back(cuts.function);
    for (const auto& [a, b] : cuts.pairs) pairs[{a, b}].push_back(cuts.function);
  }
  // Most taken down first, then by entity index (the model's order).
  auto ranked = [](const std::map<std::vector<std::uint32_t>, std::vector<std::uint32_t>>& found) {
    std::vector<FocusCut> list;
    for (const auto& [outage, taken] : found) list.push_back({outage, taken});
    std::stable_sort(list.begin(), list.end(), [](const FocusCut& a, const FocusCut& b) {
      return a.takes_down.size() > b.takes_down.size();
    });
    return list;
  };
  focus.single_points_of_failure = ranked(singles);
  focus.pairs = ranked(pairs);
}

}  // namespace msout::report
