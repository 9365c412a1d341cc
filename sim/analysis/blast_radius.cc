#include "sim/analysis/blast_radius.h"

#include <algorithm>
#include <atomic>
#include <string_view>
#include <tuple>

#include "sim/cascade/cascade_run.h"
#include "sim/kernel/for_each_index.h"
#include "sim/report/people_figures.h"
#include "sim/report/report.h"

namespace msout::analysis {
namespace {

BlastRadius run_one(const model::Catalogue& names, const model::FrozenGraph& graph,
                    std::uint32_t entity, std::int64_t horizon) {
  const model::Scenario scenario = single_outage_scenario(names, entity, horizon);
  const std::vector<std::vector<std::uint32_t>> selected{{entity}};  // lever 0 selects it
  const cascade::CascadeRun run = cascade::run_cascade(graph, scenario, selected, horizon, 1);
  // The functions' outcomes are what `msout run` would print for this scenario, in its order.
  std::vector<report::FunctionOutcome> outcomes;
  for (std::uint32_t e = 0; e < names.size(); ++e) {
    if (names.kind(e) != model::EntityKind::kFunction || run.history[e].empty()) continue;
    report::FunctionOutcome f = report::outcome_of(e, names.people(e), graph, run, false);
    if (f.first_degraded) outcomes.push_back(std::move(f));
  }
  constexpr std::int64_t kNever = INT64_MAX;
  std::sort(outcomes.begin(), outcomes.end(),
            [&](const report::FunctionOutcome& a, const report::FunctionOutcome& b) {
              return std::make_tuple(a.first_down.value_or(kNever), *a.first_degraded,
                                     names.id(a.entity)) <
                     std::make_tuple(b.first_down.value_or(kNever), *b.first_degraded,
                                     names.id(b.entity));
            });
  BlastRadius result;
  result.entity = entity;
  report::PeopleAtLeast people_down(names.population());
  report::PeopleAtLeast people_degraded(names.population());
  std::vector<const report::FunctionOutcome*> hit;
  for (const report::FunctionOutcome& f : outcomes) {
    hit.push_back(&f);
    result.functions.push_back({f.entity, f.first_degraded, f.first_down, f.time_down,
                                f.final_state, f.people, f.people_hours_down});
    if (f.first_down) {
      ++result.functions_down;
      people_down.add(f.people);
    } else {
      ++result.functions_degraded;
      people_degraded.add(f.people);
    }
    result.function_people_hours_down += f.people_hours_down;
  }
  result.people_down = people_down.value();
  result.people_degraded = people_degraded.value();
  result.people_hours_down =
      report::people_seconds_at_least(hit, cascade::State::kDown, horizon, names.population()) /
      3600.0;
  return result;
}

}  // namespace

model::Scenario single_outage_scenario(const model::Catalogue& names, std::uint32_t entity,
                                       std::int64_t horizon) {
  const std::string id(names.id(entity));
  const std::string name(names.name(entity));
  model::Lever lever;
  lever.id = "outage";
  lever.name = name + " down";
  lever.at = model::Duration{0};
  lever.action = model::LeverAction::kDown;
  model::Selector selector;
  selector.ids = {id};
  lever.selectors = {selector};
  model::Scenario scenario;
  scenario.name = name + " down alone";
  scenario.description = "Single outage for the blast-radius analysis: " + id +
                         " down from 0s to the horizon, nothing else.";
  scenario.horizon = model::Duration{horizon};
  scenario.levers = {lever};
  return scenario;
}

std::vector<BlastRadius> blast_radius(const model::Catalogue& names,
                                      const model::FrozenGraph& graph,
                                      std::span<const std::uint32_t> entities, std::int64_t horizon,
                                      int threads, const BlastRadiusProgress& progress) {
  std::vector<BlastRadius> results(entities.size());
  std::atomic<std::size_t> done = 0;
  kernel::for_each_index(entities.size(), std::max(1, threads), [&](std::size_t i) {
    results[i] = run_one(names, graph, entities[i], horizon);
    const std::size_t now = done.fetch_add(1, std::memory_order_relaxed) + 1;
    if (progress) progress(now);
  });
  return results;
}

void rank(std::vector<BlastRadius>& results, const model::Catalogue& names) {
  auto key = [&](const BlastRadius& r) {
    // Descending counts first, by negation; the id breaks ties.
    return std::make_tuple(~r.people_down, ~r.functions_down, ~r.functions_degraded,
                           names.id(r.entity));
  };
  std::sort(results.begin(), results.end(),
            [&](const BlastRadius& a, const BlastRadius& b) { return key(a) < key(b); });
}

}  // namespace msout::analysis
