#include "sim/report/comparison_json.h"

#include "sim/report/json_parts.h"

namespace msout::report {
namespace {

Json disruption_json(const Disruption& d) {
  return {{"time_down_s", d.time_down},
          {"time_degraded_s", d.time_degraded},
          {"people_hours_down", d.people_hours_down()},
          {"people_hours_degraded", d.people_hours_degraded()}};
}

// A total over several functions: the people-hours count each person once (at least);
// the sums over functions are under function_people_hours_* (docs/compare-format.md).
Json total_json(const Disruption& summed, const PeopleHoursAtLeast& people) {
  return {{"time_down_s", summed.time_down},
          {"time_degraded_s", summed.time_degraded},
          {"people_hours_down", people.people_hours_down()},
          {"people_hours_degraded", people.people_hours_degraded()},
          {"function_people_hours_down", summed.people_hours_down()},
          {"function_people_hours_degraded", summed.people_hours_degraded()}};
}

PeopleHoursAtLeast operator-(const PeopleHoursAtLeast& a, const PeopleHoursAtLeast& b) {
  return {a.people_seconds_down - b.people_seconds_down,
          a.people_seconds_degraded - b.people_seconds_degraded};
}

Json run_json(const std::optional<FunctionRun>& run) {
  if (!run) return nullptr;
  Json out;
  out["people_served"] = run->people;
  out["first_degraded_s"] = optional_seconds(run->first_degraded);
  out["first_down_s"] = optional_seconds(run->first_down);
  out["time_down_s"] = run->disruption.time_down;
  out["time_degraded_s"] = run->disruption.time_degraded;
  out["people_hours_down"] = run->disruption.people_hours_down();
  out["people_hours_degraded"] = run->disruption.people_hours_degraded();
  out["state_at_horizon"] = cascade::to_string(run->final_state);
  out["black_start_blocked"] = run->black_start_blocked;
  out["cause"] = run->cause.empty() ? Json(nullptr) : Json(run->cause);
  return out;
}

Json model_json(const std::string& name, const std::vector<std::string>& files,
                const std::optional<model::Population>& population) {
  return {{"name", name}, {"files", files}, {"population", population_json(population)}};
}

}  // namespace

std::string comparison_json(const Comparison& c) {
  Json root;
  root["format"] = kCompareFormat;
  root["scenario"] = {{"name", c.scenario_name},
                      {"description", c.scenario_description},
                      {"file", c.scenario_file}};
  root["horizon_s"] = c.horizon;
  root["focus"] = c.focus.empty() ? Json(nullptr) : Json(c.focus);
  root["include_disputed"] = c.include_disputed;
  auto overlays = [](const std::vector<WhatifSource>& list) {
    Json sources = Json::array();
    for (const WhatifSource& s : list) {
      sources.push_back({{"name", s.name}, {"description", s.description}, {"file", s.file}});
    }
    return sources;
  };
  root["baseline"] = {
      {"model", model_json(c.baseline_model_name, c.baseline_model_files, c.baseline_population)},
      {"overlays", overlays(c.baseline_sources)}};
  root["whatif"] = {
      {"model", model_json(c.whatif_model_name, c.whatif_model_files, c.whatif_population)},
      {"overlays", overlays(c.whatif_sources)}};

  Json functions = Json::array();
  for (const FunctionComparison& f : c.functions) {
    const bool compared = f.baseline && f.whatif;
    Json fj;
    fj["id"] = f.id;
    fj["name"] = f.name;
    fj["change"] = to_string(f.change);
    fj["direction"] = to_string(f.direction);
    fj["level"] = f.level == State::kUp ? Json(nullptr) : Json(cascade::to_string(f.level));
    fj["by_s"] = f.by != 0 ? Json(f.by) : Json(nullptr);
    fj["baseline"] = run_json(f.baseline);
    fj["whatif"] = run_json(f.whatif);
    fj["delta"] = compared ? disruption_json(f.change_in_disruption()) : Json(nullptr);
    functions.push_back(std::move(fj));
  }
  root["functions"] = std::move(functions);

  root["summary"] = {{"functions", c.functions.size()},
                     {"improved", c.count(Direction::kImproved)},
                     {"worsened", c.count(Direction::kWorsened)},
                     {"mixed", c.count(Direction::kMixed)},
                     {"unchanged", c.count(Direction::kUnchanged)},
                     {"only_in_baseline", c.count(Direction::kOnlyInBaseline)},
                     {"only_in_whatif", c.count(Direction::kOnlyInWhatif)}};
  root["totals"] = {
      {"baseline", total_json(c.baseline_total, c.baseline_people)},
      {"whatif", total_json(c.whatif_total, c.whatif_people)},
      {"delta", total_json(c.whatif_total - c.baseline_total, c.whatif_people - c.baseline_people)},
      {"only_in_baseline", total_json(c.only_in_baseline_total, c.only_in_baseline_people)},
      {"only_in_whatif", total_json(c.only_in_whatif_total, c.only_in_whatif_people)}};
  return root.dump(2) + "\n";
}

}  // namespace msout::report
