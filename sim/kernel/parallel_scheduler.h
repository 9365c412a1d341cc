// ParallelScheduler: a conservative parallel scheduler on oneTBB. It drives the same
// behaviours as SequentialScheduler and produces, for every LP, exactly the same batches in
// the same order — so every result is identical for any thread count.
//
// LPs are spread over partitions (lp % partitions), each with its own event queue. The run
// advances in synchronous steps; in each step every partition handles, concurrently with the
// others, the events that are safe:
//   - lookahead 0 (zero-delay sends allowed, as in the cascade): the events of the earliest
//     (time, delta round) pending anywhere — a round; everything they send belongs to a later
//     round, so partitions cannot affect each other within it;
//   - lookahead L > 0 (every send to another partition has delay >= L, as in PHOLD): all
//     events with time < T + L, T the earliest pending time; a partition also handles the
//     events it sends itself inside that window, in order.
// Events for other partitions are buffered and delivered between steps. Within a partition
// events are handled in EventOrder, and a batch is all events of one LP at one (time,
// delta), exactly as in the sequential scheduler.
//
//   ParallelScheduler<Phold> scheduler(lp_count, phold, /*threads=*/4, SimTime{100'000});
//
// The behaviour must follow the Behaviour contract (behaviour.h). An observer, if set, is
// called from worker threads and must be thread-safe.
#pragma once

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <memory>
#include <thread>
#include <vector>

#include <tbb/global_control.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "sim/kernel/behaviour.h"
#include "sim/kernel/event_queue.h"

namespace msout::kernel {

template <Behaviour B, EventQueueType Queue = BinaryHeapQueue>
class ParallelScheduler {
 public:
  // `threads` >= 1. `lookahead`: the smallest delay of any send between LPs of different
  // partitions (0 when zero-delay sends occur).
  ParallelScheduler(std::size_t lp_count, B& behaviour, int threads, SimTime lookahead = {})
      : behaviour_(behaviour),
        lookahead_(lookahead),
        threads_(std::max(1, threads)),
        partitions_(std::clamp<std::size_t>(static_cast<std::size_t>(threads_) * 8, 1,
                                            std::max<std::size_t>(lp_count, 1))),
        send_counters_(lp_count, 0),
        parallelism_(tbb::global_control::max_allowed_parallelism,
                     static_cast<std::size_t>(threads_)),
        arena_(threads_) {
    for (std::size_t p = 0; p < partitions_.size(); ++p) {
      partitions_[p] = std::make_unique<Partition>();
      partitions_[p]->outgoing.resize(partitions_.size());
    }
  }

  // Queues an event from outside the simulation, delivered in round 0 of `time`.
  void inject(SimTime time, LpId target, std::uint16_t kind, std::uint64_t payload) {
    assert(target < send_counters_.size());
    partition_of(target).queue.push(
        external_event(time, target, kind, payload, external_sequence_++));
  }

  void set_observer(EventObserver* observer) { observer_ = observer; }

  // Handles every event with time <= end. Later events stay queued.
  RunStats run_until(SimTime end) {
    RunStats total;
    arena_.execute([&] {
      for (;;) {
        const Event* earliest = nullptr;
        for (const auto& p : partitions_) {
          if (!p->queue.empty() && (earliest == nullptr || key_less(p->queue.top(), *earliest))) {
            earliest = &p->queue.top();
          }
        }
        if (earliest == nullptr || earliest->time > end) break;
        Window window{earliest->time, earliest->delta, lookahead_, end};
        for_each_partition([&](std::size_t p) { step(p, window); });
        for_each_partition([&](std::size_t p) { deliver(p); });
      }
    });
    for (auto& p : partitions_) {
      total.events += p->stats.events;
      total.batches += p->stats.batches;
      p->stats = {};
    }
    return total;
  }

  std::size_t pending() const {
    std::size_t n = 0;
    for (const auto& p : partitions_) n += p->queue.size();
    return n;
  }

 private:
  // The events a step may handle.
  struct Window {
    SimTime time;
    std::uint32_t delta;
    SimTime lookahead;
    SimTime end;
    bool contains(const Event& e) const {
      if (e.time > end) return false;
      if (lookahead.ticks == 0) return e.time == time && e.delta == delta;
      return e.time - time < lookahead;
    }
  };

  // One cache line apart: partitions are written by different threads.
  struct alignas(64) Partition {
    Queue queue;
    std::vector<Event> batch;
    Outbox outbox;
    std::vector<std::vector<Event>> outgoing;  // by destination partition
    RunStats stats;
  };

  static bool key_less(const Event& a, const Event& b) {
    return a.time != b.time ? a.time < b.time : a.delta < b.delta;
  }

  // Runs fn(p) for every partition, concurrently, and returns when all are done.
  template <class Fn>
  void for_each_partition(Fn fn) {
#ifndef MSOUT_TSAN_STD_THREADS
    tbb::parallel_for(std::size_t{0}, partitions_.size(), fn);
#else
    // ThreadSanitizer cannot see the synchronisation inside Debian's uninstrumented libtbb;
    // the TSan build runs the same steps on plain threads so that races in msout's own code
    // are found without false reports.
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads_; ++t) {
      workers.emplace_back([&] {
        for (std::size_t p; (p = next.fetch_add(1)) < partitions_.size();) fn(p);
      });
    }
    for (std::thread& w : workers) w.join();
#endif
  }

  std::size_t partition_index(LpId lp) const { return lp % partitions_.size(); }
  Partition& partition_of(LpId lp) { return *partitions_[partition_index(lp)]; }

  void step(std::size_t index, const Window& window) {
    Partition& p = *partitions_[index];
    while (!p.queue.empty() && window.contains(p.queue.top())) {
      p.batch.clear();
      p.batch.push_back(p.queue.pop());
      while (!p.queue.empty() && same_batch(p.queue.top(), p.batch.front())) {
        p.batch.push_back(p.queue.pop());
      }
      const Event& first = p.batch.front();
      p.outbox.begin(first.target, first.time, first.delta, &send_counters_[first.target]);
      if (observer_ != nullptr) observer_->on_batch(first.target, p.batch);
      behaviour_.handle_batch(first.target, std::span<const Event>(p.batch), p.outbox);
      for (const Event& sent : p.outbox.events()) {
        const std::size_t to = partition_index(sent.target);
        if (to == index) {
          p.queue.push(sent);
        } else {
          assert(!window.contains(sent) && "a send to another partition is within the window");
          p.outgoing[to].push_back(sent);
        }
      }
      p.outbox.events().clear();
      p.stats.events += p.batch.size();
      ++p.stats.batches;
    }
  }

  // Moves the events buffered for partition `index` into its queue.
  void deliver(std::size_t index) {
    Partition& p = *partitions_[index];
    for (auto& source : partitions_) {
      for (const Event& e : source->outgoing[index]) p.queue.push(e);
      source->outgoing[index].clear();
    }
  }

  B& behaviour_;
  SimTime lookahead_;
  int threads_;
  std::vector<std::unique_ptr<Partition>> partitions_;
  std::vector<std::uint32_t> send_counters_;
  std::uint32_t external_sequence_ = 0;
  EventObserver* observer_ = nullptr;
  // Lets a run use more threads than cores (the determinism tests do); by default oneTBB
  // caps its workers at the core count.
  tbb::global_control parallelism_;
  tbb::task_arena arena_;
};

}  // namespace msout::kernel
