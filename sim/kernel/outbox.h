// Outbox: how a behaviour sends events while it handles a batch.
//
// A scheduler hands an Outbox to the behaviour for one batch (one LP, one instant, one
// round); the behaviour calls send(); the scheduler then moves the collected events into its
// queue. The Outbox stamps each event with time, delta round, source and the source's own
// send counter, so the order of events never depends on which thread ran the batch.
#pragma once

#include <cassert>
#include <cstdint>
#include <vector>

#include "sim/kernel/event.h"

namespace msout::kernel {

class Outbox {
 public:
  // Prepares for a batch of LP `self` at (`now`, `delta`); `sequence` is the LP's send
  // counter, advanced by every send().
  void begin(LpId self, SimTime now, std::uint32_t delta, std::uint32_t* sequence) {
    self_ = self;
    now_ = now;
    delta_ = delta;
    sequence_ = sequence;
  }

  SimTime now() const { return now_; }
  LpId self() const { return self_; }

  // Sends an event to `target`, delivered at now() + `delay` (delay >= 0). A zero delay
  // delivers in the next round of the same instant.
  // `kind` < 256.
  void send(LpId target, SimTime delay, std::uint16_t kind, std::uint64_t payload) {
    assert(delay.ticks >= 0);
    Event e;
    // Saturates (sim_time.h): a delay past the end of time (a huge tolerance) means "never".
    e.time = now_ + delay;
    assert(delay.ticks != 0 || delta_ < kMaxDelta);
    e.delta = delay.ticks == 0 ? delta_ + 1 : 0;
    e.target = target;
    e.kind = kind & 0xffu;
    e.source = self_;
    e.sequence = (*sequence_)++;
    e.payload = payload;
    events_.push_back(e);
  }

  std::vector<Event>& events() { return events_; }

 private:
  LpId self_ = 0;
  SimTime now_;
  std::uint32_t delta_ = 0;
  std::uint32_t* sequence_ = nullptr;
  std::vector<Event> events_;
};

}  // namespace msout::kernel
