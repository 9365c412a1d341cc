#include "sim/cascade/frontier_engine.h"

#include <algorithm>
#include <functional>
#include <numeric>

#include "sim/kernel/sim_time.h"

namespace msout::cascade {

// Timers go to the calendar; changes wait for the next round.
class FrontierEngine::Sink final : public CascadeSink {
 public:
  explicit Sink(FrontierEngine& engine) : engine_(engine) {}
  void timer(std::uint32_t node, std::int64_t delay, EventKind kind,
             std::uint64_t payload) override {
    engine_.schedule(kernel::saturating_add(now, delay), {node, kind, payload});
  }
  void changed(std::uint32_t node, State before, State after) override {
    engine_.changes_.push_back({node, before, after});
  }
  std::int64_t now = 0;

 private:
  FrontierEngine& engine_;
};

FrontierEngine::FrontierEngine(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                               const std::vector<std::vector<std::uint32_t>>& selected)
    : graph_(graph), behaviour_(graph, std::move(levers), selected) {}

void FrontierEngine::reset(const std::vector<std::vector<std::uint32_t>>& selected) {
  behaviour_.reset(selected);
  frontier_.clear();
  changes_.clear();
  delivering_.clear();
  for (const auto& [time, bucket] : bucket_of_) {
    buckets_[bucket].clear();
    spare_buckets_.push_back(bucket);
  }
  bucket_of_.clear();
  instants_.clear();
}

void FrontierEngine::schedule(std::int64_t time, Due due) {
  auto [it, inserted] = bucket_of_.try_emplace(time, 0);
  if (inserted) {
    if (spare_buckets_.empty()) {
      it->second = static_cast<std::uint32_t>(buckets_.size());
      buckets_.emplace_back();
    } else {
      it->second = spare_buckets_.back();
      spare_buckets_.pop_back();
    }
    instants_.push_back(time);
    std::push_heap(instants_.begin(), instants_.end(), std::greater<>{});
  }
  buckets_[it->second].push_back(due);
}

void FrontierEngine::activate(std::uint32_t node) {
  if (behaviour_.mark_for_evaluation(node)) frontier_.push_back(node);
}

void FrontierEngine::evaluate_frontier(std::int64_t now, std::uint32_t round, Sink& sink) {
  for (std::uint32_t node : frontier_) behaviour_.evaluate(node, now, round, sink);
  frontier_.clear();
}

std::uint64_t FrontierEngine::deliver_changes(Sink& sink) {
  std::uint64_t notified = 0;
  for (const Change& c : delivering_) {
    for (std::uint32_t edge : graph_.dependents_of(c.node)) {
      const State after = c.after;
      if (behaviour_.raw_for(edge, c.before) == behaviour_.raw_for(edge, after)) continue;
      const std::uint32_t owner = graph_.edge(edge).owner;
      // The owner's state before this round: every change of the last round is in.
      behaviour_.dependency_changed(edge, after, behaviour_.state(owner) == State::kDown, sink);
      activate(owner);
      ++notified;
    }
  }
  delivering_.clear();
  return notified;
}

kernel::RunStats FrontierEngine::run(std::span<const std::int64_t> lever_times,
                                     const std::vector<std::vector<std::uint32_t>>& selected,
                                     std::int64_t end, const CascadeProgress& progress) {
  // Levers in time order, simultaneous ones in lever order: within an instant's bucket they
  // keep this order, which is the one order that matters (a restore after a down).
  order_.resize(lever_times.size());
  std::iota(order_.begin(), order_.end(), 0u);
  std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return lever_times[a] < lever_times[b];
  });
  for (std::uint32_t l : order_) {
    for (std::uint32_t node : selected[l]) schedule(lever_times[l], {node, kLeverEvent, l});
  }

  kernel::RunStats stats;
  Sink sink(*this);
  std::vector<Due> due;
  while (!instants_.empty() && instants_.front() <= end) {
    const std::int64_t now = instants_.front();
    std::pop_heap(instants_.begin(), instants_.end(), std::greater<>{});
    instants_.pop_back();
    const auto it = bucket_of_.find(now);
    due.swap(buckets_[it->second]);
    spare_buckets_.push_back(it->second);
    bucket_of_.erase(it);
    sink.now = now;
    if (progress) progress(now);

    // Round 0: what was due now.
    stats.events += due.size();
    for (const Due& d : due) {
      switch (d.kind) {
        case kLeverEvent:
          behaviour_.lever(d.node, static_cast<std::uint32_t>(d.payload));
          break;
        case kEdgeTimer:
          if (!behaviour_.timer_is_live(d.payload)) continue;  // cancelled: nothing to wake
          behaviour_.timer_expired(d.payload);
          break;
        case kSwitchoverDone:
          behaviour_.switchover_done(d.node, d.payload);
          break;
        default:
          break;
      }
      activate(d.node);
    }
    due.clear();
    std::uint32_t round = 0;
    for (;;) {
      stats.batches += frontier_.size();
      evaluate_frontier(now, round, sink);
      if (changes_.empty()) break;
      delivering_.swap(changes_);
      ++round;
      stats.events += deliver_changes(sink);
    }
  }
  return stats;
}

}  // namespace msout::cascade
