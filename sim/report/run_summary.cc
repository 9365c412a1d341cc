#include "sim/report/run_summary.h"

#include <algorithm>
#include <limits>
#include <map>
#include <string_view>
#include <tuple>

#include "sim/report/people_figures.h"

namespace msout::report {
namespace {

constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();

// A failing function, as much as the rankings need (a million of these stay small).
struct Failing {
  std::uint32_t entity;
  std::int64_t first_down;  // kNever where never down
  std::int64_t first_degraded;
  std::uint64_t people;
};

// One change in a function's state after 0s (its state at 0s is where the sweep starts).
struct Change {
  std::int64_t time;
  State from;
  State to;
  std::uint64_t people;
};

// The people served by the functions in one state: a multiset, so that the widest one is
// known as functions enter and leave it.
class WidestInState {
 public:
  void add(std::uint64_t people) { ++count_[people]; }
  void remove(std::uint64_t people) {
    const auto it = count_.find(people);
    if (--it->second == 0) count_.erase(it);
  }
  std::uint64_t widest() const { return count_.empty() ? 0 : count_.rbegin()->first; }

 private:
  std::map<std::uint64_t, std::uint32_t> count_;
};

// Functions down and degraded after every change, as summarise() in report.cc computes them
// from whole timelines, here in one sweep over the changes.
std::vector<SummaryPoint> sweep(const std::vector<State>& at_start, std::vector<Change>& changes,
                                const std::vector<std::uint64_t>& people_at_start,
                                const std::optional<model::Population>& population) {
  std::uint32_t down = 0;
  std::uint32_t degraded = 0;
  WidestInState people_down;
  WidestInState people_degraded;
  auto enter = [&](State s, std::uint64_t people) {
    if (s == State::kDown) {
      ++down;
      people_down.add(people);
    } else if (s == State::kDegraded) {
      ++degraded;
      people_degraded.add(people);
    }
  };
  auto leave = [&](State s, std::uint64_t people) {
    if (s == State::kDown) {
      --down;
      people_down.remove(people);
    } else if (s == State::kDegraded) {
      --degraded;
      people_degraded.remove(people);
    }
  };
  for (std::size_t i = 0; i < at_start.size(); ++i) enter(at_start[i], people_at_start[i]);
  std::sort(changes.begin(), changes.end(),
            [](const Change& a, const Change& b) { return a.time < b.time; });
  std::vector<SummaryPoint> points;
  auto record = [&](std::int64_t time) {
    const SummaryPoint p{time, down, degraded,
                         capped_to_population(people_down.widest(), population),
                         capped_to_population(people_degraded.widest(), population)};
    if (points.empty() || std::tie(p.down, p.degraded, p.people_down, p.people_degraded) !=
                              std::tie(points.back().down, points.back().degraded,
                                       points.back().people_down, points.back().people_degraded)) {
      points.push_back(p);
    }
  };
  record(0);
  for (std::size_t i = 0; i < changes.size();) {
    const std::int64_t time = changes[i].time;
    for (; i < changes.size() && changes[i].time == time; ++i) {
      leave(changes[i].from, changes[i].people);
      enter(changes[i].to, changes[i].people);
    }
    record(time);
  }
  return points;
}

void tally(KindTally& t, const std::vector<cascade::StateRecord>& log, State final_state,
           std::int64_t horizon) {
  ++t.entities;
  bool failed = false;
  bool down = false;
  for (const cascade::StateRecord& r : log) {
    if (r.time > horizon) break;
    failed = failed || r.state >= State::kDegraded;
    down = down || r.state == State::kDown;
  }
  t.failed += failed ? 1 : 0;
  t.down += down ? 1 : 0;
  t.down_at_horizon += final_state == State::kDown ? 1 : 0;
  t.degraded_at_horizon += final_state == State::kDegraded ? 1 : 0;
}

// The first `top` of `failing` by `before`, as outcomes with their cause chains.
template <class Before>
std::vector<FunctionOutcome> ranked(std::vector<Failing> failing, std::size_t top,
                                    const model::FrozenGraph& graph, const cascade::CascadeRun& run,
                                    Before before) {
  const std::size_t n = std::min(top, failing.size());
  std::partial_sort(failing.begin(), failing.begin() + static_cast<std::ptrdiff_t>(n),
                    failing.end(), before);
  std::vector<FunctionOutcome> out;
  out.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(outcome_of(failing[i].entity, failing[i].people, graph, run));
  }
  return out;
}

}  // namespace

RunSummary build_run_summary(const model::EntityTable& table, const model::FrozenGraph& graph,
                             const model::Scenario& scenario, const cascade::CascadeRun& run,
                             const RunSummaryOptions& options) {
  RunSummary s;
  s.table = &table;
  s.scenario = &scenario;
  s.graph = &graph;
  s.population = options.population;
  s.scenario_name = scenario.name;
  s.scenario_description = scenario.description;
  s.scenario_file = scenario.file;
  s.horizon = run.horizon;
  s.entities = graph.node_count();
  s.edges = graph.edge_count();
  s.events = run.stats.events;
  for (std::size_t k = 0; k < s.kinds.size(); ++k) {
    s.kinds[k].kind = static_cast<model::EntityKind>(k);
  }

  std::vector<State> at_start;
  std::vector<std::uint64_t> people_at_start;
  std::vector<Change> changes;
  std::vector<Failing> failing;
  for (std::uint32_t e = 0; e < table.size(); ++e) {
    const model::EntityKind kind = table.kind[e];
    tally(s.kinds[static_cast<std::size_t>(kind)], run.history[e], run.final_state[e], run.horizon);
    if (kind != model::EntityKind::kFunction) continue;
    const std::uint64_t people = table.people[e];
    const FunctionOutcome f = outcome_of(e, people, graph, run, /*with_cause=*/false);
    at_start.push_back(f.timeline.front().state);
    people_at_start.push_back(people);
    for (std::size_t i = 1; i < f.timeline.size(); ++i) {
      changes.push_back({f.timeline[i].from, f.timeline[i - 1].state, f.timeline[i].state, people});
    }
    if (f.first_degraded) {
      failing.push_back({e, f.first_down.value_or(kNever), *f.first_degraded, people});
    }
  }
  s.over_time = sweep(at_start, changes, people_at_start, options.population);
  for (std::size_t i = 0; i < s.over_time.size(); ++i) {
    if (s.over_time[i].down > s.over_time[s.peak].down) s.peak = i;
  }

  auto id = [&](std::uint32_t e) { return table.id(e); };
  auto first = [&](const Failing& a, const Failing& b) {
    return std::make_tuple(a.first_down, a.first_degraded, id(a.entity)) <
           std::make_tuple(b.first_down, b.first_degraded, id(b.entity));
  };
  auto widest = [&](const Failing& a, const Failing& b) {
    if (a.people != b.people) return a.people > b.people;
    return first(a, b);
  };
  // The headline's function: the widest-reaching of those that go down.
  std::optional<Failing> widest_down;
  for (const Failing& f : failing) {
    if (f.first_down != kNever && (!widest_down || widest(f, *widest_down))) widest_down = f;
  }
  if (widest_down) {
    s.widest_down = widest_down->entity;
    s.people_down_at_least = capped_to_population(widest_down->people, s.population);
  }
  s.first_to_fail = ranked(failing, options.top, graph, run, first);
  if (!s.first_to_fail.empty()) {
    const FunctionOutcome& head = s.first_to_fail.front();
    const std::int64_t down = head.first_down.value_or(kNever);
    for (const Failing& f : failing) {
      s.failing_with_first += f.first_down == down && f.first_degraded == *head.first_degraded;
    }
  }
  s.widest_reach = ranked(std::move(failing), options.top, graph, run, widest);
  if (!scenario.reported.empty()) {
    s.notes.push_back("The scenario reports " + std::to_string(scenario.reported.size()) +
                      " outcome(s) from history; a summary does not check them (msout run "
                      "without --summary on a JSON model does).");
  }
  return s;
}

std::vector<std::size_t> shown_moments(const RunSummary& summary, std::size_t limit) {
  const std::size_t n = summary.over_time.size();
  limit = std::max<std::size_t>(limit, 2);
  std::vector<std::size_t> shown;
  if (n <= limit) {
    for (std::size_t i = 0; i < n; ++i) shown.push_back(i);
    return shown;
  }
  for (std::size_t i = 0; i < limit; ++i) shown.push_back(i * (n - 1) / (limit - 1));
  shown.push_back(summary.peak);
  std::sort(shown.begin(), shown.end());
  shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
  return shown;
}

}  // namespace msout::report
