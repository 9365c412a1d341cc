#include "sim/cascade/cascade_run.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace msout::cascade {

std::vector<EngineLever> engine_levers(const model::Scenario& scenario) {
  // Lever ids are unique (model/scenario.h): one lookup per `ends` entry, not a scan.
  std::unordered_map<std::string_view, std::uint32_t> index_of;
  for (std::uint32_t i = 0; i < scenario.levers.size(); ++i) {
    index_of.emplace(scenario.levers[i].id, i);
  }
  std::vector<EngineLever> levers;
  for (const model::Lever& lever : scenario.levers) {
    EngineLever l;
    l.restore = lever.action == model::LeverAction::kRestore;
    l.imposes = lever.action == model::LeverAction::kDown       ? State::kDown
                : lever.action == model::LeverAction::kDegraded ? State::kDegraded
                                                                : State::kUp;
    for (const std::string& id : lever.ends) {
      if (const auto it = index_of.find(id); it != index_of.end()) l.ends.push_back(it->second);
    }
    std::sort(l.ends.begin(), l.ends.end());
    l.ends.erase(std::unique(l.ends.begin(), l.ends.end()), l.ends.end());
    levers.push_back(std::move(l));
  }
  return levers;
}

namespace {

// The levers' times: as in the scenario, or as drawn.
std::vector<std::int64_t> lever_times_of(const model::Scenario& scenario,
                                         std::span<const std::int64_t> drawn) {
  if (!drawn.empty()) return {drawn.begin(), drawn.end()};
  std::vector<std::int64_t> times;
  for (const model::Lever& lever : scenario.levers) times.push_back(lever.at.seconds);
  return times;
}

// The run's results, read from the behaviour.
CascadeRun collect(CascadeBehaviour& behaviour, std::uint32_t nodes, std::int64_t horizon,
                   kernel::RunStats stats) {
  CascadeRun run;
  run.horizon = horizon;
  run.stats = stats;
  run.final_state.resize(nodes);
  run.final_imposed.resize(nodes);
  for (std::uint32_t i = 0; i < nodes; ++i) {
    run.final_state[i] = behaviour.state(i);
    run.final_imposed[i] = behaviour.imposed(i);
  }
  run.history = behaviour.take_history();
  return run;
}

}  // namespace

CascadeRun run_cascade(const model::FrozenGraph& graph, const model::Scenario& scenario,
                       const std::vector<std::vector<std::uint32_t>>& selected,
                       std::int64_t horizon, int threads, const CascadeProgress& progress,
                       std::span<const std::int64_t> lever_times) {
  const std::vector<std::int64_t> times = lever_times_of(scenario, lever_times);
  FrontierEngine engine(graph, engine_levers(scenario), selected, std::max(threads, 1));
  const kernel::RunStats stats = engine.run(times, selected, horizon, progress);
  return collect(engine.behaviour(), graph.node_count(), horizon, stats);
}

CascadeWorkspace::CascadeWorkspace(const model::FrozenGraph& graph, const model::Scenario& scenario,
                                   const std::vector<std::vector<std::uint32_t>>& selected)
    : scenario_(scenario), selected_(selected), engine_(graph, engine_levers(scenario), selected) {}

kernel::RunStats CascadeWorkspace::run(std::int64_t horizon,
                                       std::span<const std::int64_t> lever_times) {
  engine_.reset(selected_);
  if (lever_times.empty()) {
    times_.clear();
    for (const model::Lever& lever : scenario_.levers) times_.push_back(lever.at.seconds);
    lever_times = times_;
  }
  return engine_.run(lever_times, selected_, horizon);
}

}  // namespace msout::cascade
