#include "sim/report/report.h"

#include <algorithm>
#include <tuple>

#include "model/saturating_sum.h"
#include "model/uncertainty.h"
#include "sim/report/people_figures.h"

namespace msout::report {
using cascade::StateRecord;

FunctionOutcome outcome_of(std::uint32_t entity, const model::Model& model,
                           const model::FrozenGraph& graph, const cascade::CascadeRun& run) {
  return outcome_of(entity, model.entities[entity].people_served, graph, run);
}

FunctionOutcome outcome_of(std::uint32_t entity, std::uint64_t people,
                           const model::FrozenGraph& graph, const cascade::CascadeRun& run,
                           bool with_cause) {
  FunctionOutcome f;
  f.entity = entity;
  f.people = people;
  f.final_state = run.final_state[entity];
  const std::vector<StateRecord>& log = run.history[entity];
  std::optional<std::size_t> first_down_record;
  std::optional<std::size_t> first_degraded_record;
  // Change points; several changes within one instant collapse into the last of them.
  std::vector<std::pair<std::int64_t, State>> points{{0, State::kUp}};
  for (std::size_t i = 0; i < log.size() && log[i].time <= run.horizon; ++i) {
    const StateRecord& r = log[i];
    if (r.state >= State::kDegraded && !first_degraded_record) first_degraded_record = i;
    if (r.state == State::kDown && !first_down_record) first_down_record = i;
    if (points.back().first == r.time) points.pop_back();
    if (points.empty() || points.back().second != r.state) points.emplace_back(r.time, r.state);
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    const std::int64_t to = i + 1 < points.size() ? points[i + 1].first : run.horizon;
    f.timeline.push_back({points[i].first, to, points[i].second});
    if (points[i].second == State::kDown) f.time_down += to - points[i].first;
    if (points[i].second == State::kDegraded) f.time_degraded += to - points[i].first;
  }
  if (first_degraded_record) f.first_degraded = log[*first_degraded_record].time;
  if (first_down_record) f.first_down = log[*first_down_record].time;
  f.people_hours_down = static_cast<double>(f.people) * static_cast<double>(f.time_down) / 3600.0;
  if (auto record = first_down_record ? first_down_record : first_degraded_record;
      record && with_cause) {
    f.cause = cascade::trace_cause(graph, run.history, entity, *record);
  }
  return f;
}

State state_at(const FunctionOutcome& f, std::int64_t time) {
  for (const Interval& i : f.timeline) {
    if (i.from <= time && time < i.to) return i.state;
  }
  return f.timeline.back().state;  // at the horizon itself
}

namespace {

std::vector<SummaryPoint> summarise(const std::vector<FunctionOutcome>& functions,
                                    const std::optional<model::Population>& population) {
  std::vector<std::int64_t> times{0};
  for (const FunctionOutcome& f : functions) {
    for (const Interval& i : f.timeline) times.push_back(i.from);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  std::vector<SummaryPoint> points;
  for (std::int64_t time : times) {
    SummaryPoint p{time, 0, 0, 0, 0};
    PeopleAtLeast down(population);
    PeopleAtLeast degraded(population);
    for (const FunctionOutcome& f : functions) {
      const State s = state_at(f, time);
      if (s == State::kDown) {
        ++p.down;
        down.add(f.people);
      } else if (s == State::kDegraded) {
        ++p.degraded;
        degraded.add(f.people);
      }
    }
    p.people_down = down.value();
    p.people_degraded = degraded.value();
    if (points.empty() || std::tie(p.down, p.degraded, p.people_down, p.people_degraded) !=
                              std::tie(points.back().down, points.back().degraded,
                                       points.back().people_down, points.back().people_degraded)) {
      points.push_back(p);
    }
  }
  return points;
}

}  // namespace

OrganisationTotals organisation_totals(const std::vector<OrganisationOutcome>& organisations) {
  OrganisationTotals totals;
  totals.entries = organisations.size();
  for (const OrganisationOutcome& o : organisations) {
    if (o.count) {
      totals.counted = model::saturating_add(totals.counted, *o.count);
    } else {
      ++totals.without_count;
    }
  }
  return totals;
}

Report build_report(const model::Model& model, const model::FrozenGraph& graph,
                    const model::Scenario& scenario, const cascade::CascadeRun& run) {
  Report report;
  report.model = &model;
  report.scenario = &scenario;
  report.graph = &graph;
  report.model_name = model.name;
  report.model_files = model.files;
  report.scenario_name = scenario.name;
  report.scenario_description = scenario.description;
  report.scenario_file = scenario.file;
  report.horizon = run.horizon;
  report.assumptions = model::point_choice_assumptions(model);
  report.entities = graph.node_count();
  report.edges = graph.edge_count();
  for (const model::Entity& e : model.entities) {
    for (const model::Requirement& r : e.requirements)
      report.model_dependencies += r.members.size();
  }
  report.events = run.stats.events;
  report.black_start = cascade::find_black_start(graph, run.final_state, run.final_imposed);
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    if (model.entities[e].kind != model::EntityKind::kFunction) continue;
    FunctionOutcome f = outcome_of(e, model, graph, run);
    f.black_start_blocked =
        std::binary_search(report.black_start.blocked.begin(), report.black_start.blocked.end(), e);
    report.functions.push_back(std::move(f));
  }
  constexpr std::int64_t kNever = INT64_MAX;
  std::stable_sort(
      report.functions.begin(), report.functions.end(),
      [&](const FunctionOutcome& a, const FunctionOutcome& b) {
        return std::make_tuple(a.first_down.value_or(kNever), a.first_degraded.value_or(kNever),
                               std::string_view(model.entities[a.entity].id)) <
               std::make_tuple(b.first_down.value_or(kNever), b.first_degraded.value_or(kNever),
                               std::string_view(model.entities[b.entity].id));
      });
  report.over_time = summarise(report.functions, model.population);
  report.reported = evaluate_reported(scenario, model, run);
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    if (model.entities[e].kind != model::EntityKind::kOrganisation) continue;
    OrganisationOutcome o;
    o.entity = e;
    if (model.entities[e].count_given) o.count = model.entities[e].count;
    o.final_state = run.final_state[e];
    bool affected = false;
    for (const StateRecord& r : run.history[e]) {
      if (r.time > run.horizon) break;
      if (!affected) o.first_degraded = r.time;
      affected = true;
      if (r.state == State::kDown && !o.first_down) o.first_down = r.time;
    }
    if (affected) report.organisations.push_back(o);
  }
  std::stable_sort(report.organisations.begin(), report.organisations.end(),
                   [&](const OrganisationOutcome& a, const OrganisationOutcome& b) {
                     return std::make_tuple(a.first_down.value_or(kNever), a.first_degraded,
                                            std::string_view(model.entities[a.entity].id)) <
                            std::make_tuple(b.first_down.value_or(kNever), b.first_degraded,
                                            std::string_view(model.entities[b.entity].id));
                   });
  return report;
}

}  // namespace msout::report
