#include "sim/cascade/frontier_engine.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <numeric>
#include <stdexcept>

#include "sim/kernel/sim_time.h"

namespace msout::cascade {
namespace {

constexpr std::uint64_t kLow32 = 0xffffffffu;
constexpr std::uint64_t kPayloadBits = (std::uint64_t{1} << 62) - 1;

std::uint64_t due_of(EventKind kind, std::uint64_t payload) {
  return payload | static_cast<std::uint64_t>(kind) << 62;
}
EventKind kind_of(std::uint64_t due) { return static_cast<EventKind>(due >> 62); }
std::uint64_t payload_of(std::uint64_t due) { return due & kPayloadBits; }

// Work per chunk of a concurrent step: enough to outweigh taking it.
constexpr std::size_t kNodesPerChunk = 256;
constexpr std::size_t kEdgesPerChunk = 4096;
constexpr std::size_t kDuePerChunk = 4096;
// Steps are taken in blocks: the records a block will read are fetched first, all together,
// so that their memory latencies overlap instead of adding up.
constexpr std::size_t kBlock = 32;

}  // namespace

// A worker's effects: timers go to its own calendar, changes wait in its buffer until the
// step has joined.
class FrontierEngine::Sink final : public CascadeSink {
 public:
  Sink(Worker& worker, std::int64_t now) : worker_(worker), now_(now) {}
  void timer(std::uint32_t, std::int64_t delay, EventKind kind, std::uint64_t payload) override {
    worker_.calendar.schedule(kernel::saturating_add(now_, delay), due_of(kind, payload));
  }
  void changed(std::uint32_t node, State before, State after) override {
    worker_.changes.push_back({node, before, after});
  }

 private:
  Worker& worker_;
  std::int64_t now_;
};

FrontierEngine::FrontierEngine(const model::FrozenGraph& graph, std::vector<EngineLever> levers,
                               const std::vector<std::vector<std::uint32_t>>& selected, int threads)
    : graph_(graph),
      behaviour_(graph, std::move(levers), selected),
      loop_(threads),
      workers_(loop_.workers()) {}

void FrontierEngine::reset(const std::vector<std::vector<std::uint32_t>>& selected) {
  behaviour_.reset(selected);
  frontier_.clear();
  changes_.clear();
  delivering_.clear();
  for (Worker& w : workers_) {
    w.calendar.clear();
    w.due.clear();
    w.changes.clear();
    w.frontier.clear();
    w.notified = 0;
  }
  concurrent_steps_ = {};
}

void FrontierEngine::activate(std::uint32_t node, Worker& worker) {
  if (behaviour_.mark_for_evaluation(node)) worker.frontier.push_back(node);
}

template <class Fn>
void FrontierEngine::for_chunks(std::size_t count, std::size_t grain, std::uint64_t& steps, Fn fn) {
  const std::size_t chunks = (count + grain - 1) / grain;
  if (loop_.workers() == 1 || chunks < 2) {
    if (count > 0) fn(std::size_t{0}, count, workers_[0]);
    return;
  }
  behaviour_.set_concurrent_inputs(true);
  ++steps;
  loop_.run(chunks, [&](std::size_t chunk, std::size_t worker) {
    fn(chunk * grain, std::min(count, (chunk + 1) * grain), workers_[worker]);
  });
  behaviour_.set_concurrent_inputs(false);
}

void FrontierEngine::merge_workers() {
  // The first non-empty buffer is taken over whole (on one thread, the only one): no copy.
  auto move_into = [](auto& to, auto& from) {
    if (to.empty()) {
      to.swap(from);
    } else {
      to.insert(to.end(), from.begin(), from.end());
    }
    from.clear();
  };
  for (Worker& w : workers_) {
    move_into(frontier_, w.frontier);
    move_into(changes_, w.changes);
  }
}

void FrontierEngine::handle_due() {
  // Levers in the order they were scheduled (all in the first worker's calendar: a restore
  // after a down), and switchovers (a group's may share its state): few, on this thread.
  Worker& here = workers_[0];
  due_reach_.assign(1, 0);
  for (const Worker& w : workers_) {
    for (const Due d : w.due) {
      const std::uint64_t payload = payload_of(d);
      if (kind_of(d) == kLeverEvent) {
        const auto node = static_cast<std::uint32_t>(payload & kLow32);
        behaviour_.lever(node, static_cast<std::uint32_t>(payload >> 32));
        activate(node, here);
      } else if (kind_of(d) == kSwitchoverDone) {
        activate(behaviour_.switchover_done(payload), here);
      }
    }
    due_reach_.push_back(due_reach_.back() + w.due.size());
  }
  // Edge timers, numbered across the workers' lists: each flips its own level of its edge.
  // A cancelled one wakes nobody.
  for_chunks(due_reach_.back(), kDuePerChunk, concurrent_steps_.timers,
             [&](std::size_t begin, std::size_t end, Worker& w) {
               std::size_t list = 0;
               for (std::size_t at = begin; at < end;) {
                 // A block lies within one list: cut at the list's end.
                 while (due_reach_[list + 1] <= at) ++list;
                 const std::vector<Due>& due = workers_[list].due;
                 const std::size_t first = at - due_reach_[list];
                 const std::size_t stop =
                     std::min<std::uint64_t>({end, at + kBlock, due_reach_[list + 1]}) -
                     due_reach_[list];
                 for (std::size_t i = first; i < stop; ++i) {
                   if (kind_of(due[i]) != kEdgeTimer) continue;
                   __builtin_prefetch(&graph_.edge(static_cast<std::uint32_t>(due[i] & kLow32)));
                 }
                 for (std::size_t i = first; i < stop; ++i) {
                   if (kind_of(due[i]) != kEdgeTimer) continue;
                   behaviour_.prefetch_input(static_cast<std::uint32_t>(due[i] & kLow32));
                 }
                 for (std::size_t i = first; i < stop; ++i) {
                   if (kind_of(due[i]) != kEdgeTimer) continue;
                   const std::uint64_t payload = payload_of(due[i]);
                   if (!behaviour_.timer_is_live(payload)) continue;
                   activate(behaviour_.timer_expired(payload), w);
                 }
                 at = due_reach_[list] + stop;
               }
             });
  merge_workers();
}

void FrontierEngine::evaluate_frontier(std::int64_t now, std::uint32_t round) {
  for_chunks(frontier_.size(), kNodesPerChunk, concurrent_steps_.evaluations,
             [&](std::size_t begin, std::size_t end, Worker& w) {
               Sink sink(w, now);
               for (std::size_t block = begin; block < end; block += kBlock) {
                 const std::size_t stop = std::min(end, block + kBlock);
                 for (std::size_t i = block; i < stop; ++i) behaviour_.prefetch_node(frontier_[i]);
                 for (std::size_t i = block; i < stop; ++i) {
                   behaviour_.prefetch_evaluation(frontier_[i]);
                 }
                 for (std::size_t i = block; i < stop; ++i) {
                   behaviour_.evaluate(frontier_[i], now, round, sink);
                 }
               }
             });
  frontier_.clear();
  merge_workers();
}

std::uint64_t FrontierEngine::deliver_changes(std::int64_t now) {
  // The dependent edges of all changes, numbered in one run: chunks of equal edge counts,
  // however unevenly the changes fan out.
  reach_.resize(delivering_.size() + 1);
  reach_[0] = 0;
  for (std::size_t i = 0; i < delivering_.size(); ++i) {
    reach_[i + 1] = reach_[i] + graph_.dependents_of(delivering_[i].node).size();
  }
  for_chunks(reach_.back(), kEdgesPerChunk, concurrent_steps_.deliveries,
             [&](std::size_t begin, std::size_t end, Worker& w) {
               Sink sink(w, now);
               std::size_t i = static_cast<std::size_t>(
                   std::upper_bound(reach_.begin(), reach_.end(), begin) - reach_.begin() - 1);
               std::uint32_t edges[kBlock];
               std::uint32_t change[kBlock];
               for (std::size_t at = begin; at < end;) {
                 // A block of dependent edges, across changes.
                 std::size_t n = 0;
                 while (n < kBlock && at < end) {
                   while (reach_[i + 1] <= at) ++i;  // past changes without dependents
                   const std::span<const std::uint32_t> dependents =
                       graph_.dependents_of(delivering_[i].node);
                   const std::uint64_t stop = std::min<std::uint64_t>(end, reach_[i + 1]);
                   for (; at < stop && n < kBlock; ++at, ++n) {
                     edges[n] = dependents[at - reach_[i]];
                     change[n] = static_cast<std::uint32_t>(i);
                   }
                 }
                 for (std::size_t j = 0; j < n; ++j) __builtin_prefetch(&graph_.edge(edges[j]));
                 for (std::size_t j = 0; j < n; ++j) behaviour_.prefetch_input(edges[j]);
                 for (std::size_t j = 0; j < n; ++j) {
                   const std::uint32_t edge = edges[j];
                   const Change& c = delivering_[change[j]];
                   if (behaviour_.raw_for(edge, c.before) == behaviour_.raw_for(edge, c.after)) {
                     continue;
                   }
                   const std::uint32_t owner = graph_.edge(edge).owner;
                   // The owner's state before this round: every change of the last round is
                   // in.
                   behaviour_.dependency_changed(edge, c.after,
                                                 behaviour_.state(owner) == State::kDown, sink);
                   activate(owner, w);
                   ++w.notified;
                 }
               }
             });
  delivering_.clear();
  std::uint64_t notified = 0;
  for (Worker& w : workers_) {
    notified += w.notified;
    w.notified = 0;
  }
  merge_workers();
  return notified;
}

kernel::RunStats FrontierEngine::run(std::span<const std::int64_t> lever_times,
                                     const std::vector<std::vector<std::uint32_t>>& selected,
                                     std::int64_t end, const CascadeProgress& progress) {
  if (lever_times.size() >= (std::size_t{1} << 30)) {
    throw std::length_error("more than 2^30 - 1 levers in one scenario");
  }
  // Levers in time order, simultaneous ones in lever order: within an instant's bucket they
  // keep this order, which is the one order that matters (a restore after a down).
  order_.resize(lever_times.size());
  std::iota(order_.begin(), order_.end(), 0u);
  std::stable_sort(order_.begin(), order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return lever_times[a] < lever_times[b];
  });
  for (std::uint32_t l : order_) {
    for (std::uint32_t node : selected[l]) {
      workers_[0].calendar.schedule(
          lever_times[l], due_of(kLeverEvent, node | static_cast<std::uint64_t>(l) << 32));
    }
  }

  kernel::RunStats stats;
  for (;;) {
    std::int64_t now = std::numeric_limits<std::int64_t>::max();
    for (const Worker& w : workers_) now = std::min(now, w.calendar.next());
    if (now == std::numeric_limits<std::int64_t>::max() || now > end) break;
    for (Worker& w : workers_) {
      w.calendar.take(now, w.due);
      stats.events += w.due.size();
    }
    if (progress) progress(now);

    handle_due();
    std::uint32_t round = 0;
    for (;;) {
      stats.batches += frontier_.size();
      evaluate_frontier(now, round);
      if (changes_.empty()) break;
      delivering_.swap(changes_);
      ++round;
      stats.events += deliver_changes(now);
    }
  }
  return stats;
}

}  // namespace msout::cascade
