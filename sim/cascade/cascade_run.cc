#include "sim/cascade/cascade_run.h"

#include <algorithm>
#include <numeric>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "sim/kernel/parallel_scheduler.h"
#include "sim/kernel/round_bucket_queue.h"

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

// Tells the progress callback the time of each batch (the kernel's parallel scheduler).
class ProgressObserver final : public kernel::EventObserver {
 public:
  explicit ProgressObserver(const CascadeProgress& progress) : progress_(progress) {}
  void on_batch(kernel::LpId, std::span<const kernel::Event> batch) override {
    progress_(batch.front().time.ticks);
  }

 private:
  const CascadeProgress& progress_;
};

// One failure notifies many dependents at the same instant and round: buckets per round.
using Queue = kernel::RoundBucketQueue;

}  // namespace

CascadeRun run_cascade(const model::FrozenGraph& graph, const model::Scenario& scenario,
                       const std::vector<std::vector<std::uint32_t>>& selected,
                       std::int64_t horizon, int threads, const CascadeProgress& progress,
                       std::span<const std::int64_t> lever_times) {
  const std::vector<std::int64_t> times = lever_times_of(scenario, lever_times);
  if (threads <= 1) {
    FrontierEngine engine(graph, engine_levers(scenario), selected);
    const kernel::RunStats stats = engine.run(times, selected, horizon, progress);
    return collect(engine.behaviour(), graph.node_count(), horizon, stats);
  }
  // Zero-delay dependencies are common ("fails immediately"): no lookahead, rounds.
  CascadeBehaviour behaviour(graph, engine_levers(scenario), selected);
  kernel::ParallelScheduler<CascadeBehaviour, Queue> scheduler(graph.node_count(), behaviour,
                                                               threads);
  std::optional<ProgressObserver> observer;
  if (progress) scheduler.set_observer(&observer.emplace(progress));
  // Levers in time order, simultaneous ones in file order: the injection order breaks ties.
  std::vector<std::uint32_t> order(times.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return times[a] < times[b]; });
  for (std::uint32_t l : order) {
    for (std::uint32_t node : selected[l]) {
      scheduler.inject(kernel::SimTime{times[l]}, node, kLeverEvent, l);
    }
  }
  const kernel::RunStats stats = scheduler.run_until(kernel::SimTime{horizon});
  return collect(behaviour, graph.node_count(), horizon, stats);
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
