// SequentialScheduler: the reference scheduler. Processes events one batch at a time in
// EventOrder; every other scheduler must produce the same batches in the same per-LP order.
//
//   Counter model{std::vector<int>(4)};
//   SequentialScheduler<Counter> scheduler(4, model);
//   scheduler.inject(SimTime{0}, /*target=*/0, /*kind=*/0, /*payload=*/0);
//   RunStats stats = scheduler.run_until(SimTime{10});
//
// Not thread-safe. The behaviour must outlive the scheduler.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/kernel/behaviour.h"
#include "sim/kernel/event_queue.h"

namespace msout::kernel {

template <Behaviour B, EventQueueType Queue = BinaryHeapQueue>
class SequentialScheduler {
 public:
  SequentialScheduler(std::size_t lp_count, B& behaviour)
      : behaviour_(behaviour), send_counters_(lp_count, 0) {}

  // Queues an event from outside the simulation, delivered in round 0 of `time`.
  // Precondition: time >= now().
  void inject(SimTime time, LpId target, std::uint16_t kind, std::uint64_t payload) {
    assert(time >= now_ && target < send_counters_.size());
    queue_.push(external_event(time, target, kind, payload, external_sequence_++));
  }

  void set_observer(EventObserver* observer) { observer_ = observer; }

  // Back to the start with `lp_count` LPs and nothing queued, keeping the memory of the
  // queue and buffers: a scheduler reused for many short runs allocates nothing once warm.
  void reset(std::size_t lp_count) {
    queue_.clear();
    send_counters_.assign(lp_count, 0);
    external_sequence_ = 0;
    now_ = SimTime{};
  }

  // Handles every event with time <= end, in EventOrder. Later events stay queued.
  RunStats run_until(SimTime end) {
    RunStats stats;
    std::vector<Event>& batch = batch_;
    while (!queue_.empty() && queue_.top().time <= end) {
      batch.clear();
      batch.push_back(queue_.pop());
      while (!queue_.empty() && same_batch(queue_.top(), batch.front())) {
        batch.push_back(queue_.pop());
      }
      const Event& first = batch.front();
      now_ = first.time;
      outbox_.begin(first.target, first.time, first.delta, &send_counters_[first.target]);
      if (observer_ != nullptr) observer_->on_batch(first.target, batch);
      behaviour_.handle_batch(first.target, std::span<const Event>(batch), outbox_);
      for (const Event& sent : outbox_.events()) queue_.push(sent);
      outbox_.events().clear();
      stats.events += batch.size();
      ++stats.batches;
    }
    return stats;
  }

  SimTime now() const { return now_; }
  std::size_t pending() const { return queue_.size(); }

 private:
  B& behaviour_;
  Queue queue_;
  std::vector<Event> batch_;  // kept between calls for its memory
  Outbox outbox_;
  std::vector<std::uint32_t> send_counters_;
  std::uint32_t external_sequence_ = 0;
  SimTime now_;
  EventObserver* observer_ = nullptr;
};

}  // namespace msout::kernel
