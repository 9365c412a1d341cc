#include "sim/cascade/cascade_run.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "sim/kernel/parallel_scheduler.h"
#include "sim/kernel/round_bucket_queue.h"
#include "sim/kernel/sequential_scheduler.h"

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

// Injects the levers in time order (simultaneous ones in file order: the injection order
// breaks ties). `order` is scratch space.
template <class Scheduler>
void inject_levers(Scheduler& scheduler, const model::Scenario& scenario,
                   const std::vector<std::vector<std::uint32_t>>& selected,
                   std::span<const std::int64_t> lever_times, std::vector<std::uint32_t>& order) {
  auto at = [&](std::uint32_t l) {
    return lever_times.empty() ? scenario.levers[l].at.seconds : lever_times[l];
  };
  order.resize(scenario.levers.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return at(a) < at(b); });
  for (std::uint32_t l : order) {
    for (std::uint32_t node : selected[l]) {
      scheduler.inject(kernel::SimTime{at(l)}, node, kLeverEvent, l);
    }
  }
}

// Injects the levers, runs to the horizon and collects the result.
template <class Scheduler>
CascadeRun run_with(Scheduler& scheduler, CascadeBehaviour& behaviour,
                    const model::FrozenGraph& graph, const model::Scenario& scenario,
                    const std::vector<std::vector<std::uint32_t>>& selected, std::int64_t horizon,
                    std::span<const std::int64_t> lever_times) {
  std::vector<std::uint32_t> order;
  inject_levers(scheduler, scenario, selected, lever_times, order);
  CascadeRun run;
  run.horizon = horizon;
  run.stats = scheduler.run_until(kernel::SimTime{horizon});
  const std::uint32_t n = graph.node_count();
  run.final_state.resize(n);
  run.final_imposed.resize(n);
  for (std::uint32_t i = 0; i < n; ++i) {
    run.final_state[i] = behaviour.state(i);
    run.final_imposed[i] = behaviour.imposed(i);
  }
  run.history = behaviour.take_history();
  return run;
}

// One failure notifies many dependents at the same instant and round: buckets per round.
using Queue = kernel::RoundBucketQueue;

}  // namespace

CascadeRun run_cascade(const model::FrozenGraph& graph, const model::Scenario& scenario,
                       const std::vector<std::vector<std::uint32_t>>& selected,
                       std::int64_t horizon, int threads, kernel::EventObserver* observer,
                       std::span<const std::int64_t> lever_times) {
  CascadeBehaviour behaviour(graph, engine_levers(scenario), selected);
  if (threads <= 1) {
    kernel::SequentialScheduler<CascadeBehaviour, Queue> scheduler(graph.node_count(), behaviour);
    scheduler.set_observer(observer);
    return run_with(scheduler, behaviour, graph, scenario, selected, horizon, lever_times);
  }
  // Zero-delay dependencies are common ("fails immediately"): no lookahead, rounds.
  kernel::ParallelScheduler<CascadeBehaviour, Queue> scheduler(graph.node_count(), behaviour,
                                                               threads);
  scheduler.set_observer(observer);
  return run_with(scheduler, behaviour, graph, scenario, selected, horizon, lever_times);
}

struct CascadeWorkspace::Scheduler {
  kernel::SequentialScheduler<CascadeBehaviour, Queue> scheduler;
};

CascadeWorkspace::CascadeWorkspace(const model::FrozenGraph& graph, const model::Scenario& scenario,
                                   const std::vector<std::vector<std::uint32_t>>& selected)
    : graph_(graph),
      scenario_(scenario),
      selected_(selected),
      behaviour_(graph, engine_levers(scenario), selected),
      scheduler_(std::make_unique<Scheduler>(Scheduler{{graph.node_count(), behaviour_}})) {}

CascadeWorkspace::~CascadeWorkspace() = default;

kernel::RunStats CascadeWorkspace::run(std::int64_t horizon,
                                       std::span<const std::int64_t> lever_times) {
  behaviour_.reset(selected_);
  scheduler_->scheduler.reset(graph_.node_count());
  inject_levers(scheduler_->scheduler, scenario_, selected_, lever_times, order_);
  return scheduler_->scheduler.run_until(kernel::SimTime{horizon});
}

}  // namespace msout::cascade
