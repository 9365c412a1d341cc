// Tests of the PDES kernel (sim/kernel/): the total event order, the binary-heap queue, and
// the sequential scheduler's batches, delta rounds, run_until and determinism.
#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <span>
#include <tuple>
#include <type_traits>
#include <vector>

#include <doctest/doctest.h>

#include "sim/kernel/behaviour.h"
#include "sim/kernel/event.h"
#include "sim/kernel/event_queue.h"
#include "sim/kernel/outbox.h"
#include "sim/kernel/sequential_scheduler.h"
#include "sim/kernel/sim_time.h"

namespace {

using msout::kernel::BinaryHeapQueue;
using msout::kernel::Event;
using msout::kernel::EventObserver;
using msout::kernel::EventOrder;
using msout::kernel::kExternalSource;
using msout::kernel::LpId;
using msout::kernel::Outbox;
using msout::kernel::RunStats;
using msout::kernel::SequentialScheduler;
using msout::kernel::SimTime;

// Every field, payload included, so that traces compare completely.
auto all_fields(const Event& e) {
  return std::make_tuple(e.time.ticks, std::uint32_t{e.delta}, e.target, std::uint32_t{e.kind},
                         e.source, e.sequence, e.payload);
}

bool same_event(const Event& a, const Event& b) { return all_fields(a) == all_fields(b); }

Event make_event(std::int64_t time, std::uint32_t delta, LpId target, std::uint16_t kind,
                 LpId source, std::uint32_t sequence, std::uint64_t payload = 0) {
  Event e;
  e.time = SimTime{time};
  e.delta = delta;
  e.target = target;
  e.kind = kind;
  e.source = source;
  e.sequence = sequence;
  e.payload = payload;
  return e;
}

// One handle_batch call as the observer saw it.
struct Batch {
  LpId lp = 0;
  std::vector<Event> events;

  bool operator==(const Batch& other) const {
    return lp == other.lp && events.size() == other.events.size() &&
           std::equal(events.begin(), events.end(), other.events.begin(), same_event);
  }
};

class Recorder : public EventObserver {
 public:
  void on_batch(LpId lp, std::span<const Event> batch) override {
    batches.push_back({lp, std::vector<Event>(batch.begin(), batch.end())});
  }
  std::vector<Batch> batches;
};

// A behaviour whose reaction is given by the test.
struct Scripted {
  std::function<void(LpId, std::span<const Event>, Outbox&)> react;
  std::vector<Batch> handled;  // what handle_batch itself received

  void handle_batch(LpId lp, std::span<const Event> batch, Outbox& out) {
    handled.push_back({lp, std::vector<Event>(batch.begin(), batch.end())});
    if (react) react(lp, batch, out);
  }
};

static_assert(msout::kernel::Behaviour<Scripted>);

// Ping-pong: LP 0 and LP 1 bounce a ball; the payload counts the remaining hits, and each
// hit takes `delay` ticks. Kind 0 = ball.
struct PingPong {
  std::int64_t delay = 1;
  std::vector<int> hits = std::vector<int>(2, 0);

  void handle_batch(LpId lp, std::span<const Event> batch, Outbox& out) {
    for (const Event& e : batch) {
      ++hits[lp];
      if (e.payload > 0) out.send(1 - lp, SimTime{delay}, 0, e.payload - 1);
    }
  }
};

// Ring: each LP forwards every token to its successor after a delay that depends on the
// token, and every third token also spawns a zero-delay echo to the predecessor (kind 1),
// so that batches, delta rounds and several sources meet at one LP.
struct Ring {
  std::uint32_t size = 5;
  std::vector<std::uint64_t> received = std::vector<std::uint64_t>(5, 0);

  void handle_batch(LpId lp, std::span<const Event> batch, Outbox& out) {
    for (const Event& e : batch) {
      ++received[lp];
      if (e.kind != 0 || e.payload == 0) continue;  // echoes and spent tokens stop
      const std::uint64_t left = e.payload - 1;
      out.send((lp + 1) % size, SimTime{static_cast<std::int64_t>(left % 3)}, 0, left);
      if (left % 3 == 0) out.send((lp + size - 1) % size, SimTime{0}, 1, left);
    }
  }
};

std::vector<Batch> ring_trace(std::uint64_t tokens) {
  Ring ring;
  SequentialScheduler<Ring> scheduler(ring.size, ring);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  for (std::uint64_t t = 0; t < tokens; ++t) {
    scheduler.inject(SimTime{static_cast<std::int64_t>(t % 4)}, static_cast<LpId>(t % ring.size), 0,
                     20 + t);
  }
  scheduler.run_until(SimTime{1000});
  return recorder.batches;
}

}  // namespace

// ---- EventOrder -------------------------------------------------------------------------

TEST_CASE("Kernel.EventOrder.FieldPriority") {
  const EventOrder less;
  const Event base = make_event(10, 2, 3, 4, 5, 6);
  // Each field, from the most significant, decides against every later field.
  const Event earlier_time = make_event(9, 9, 9, 9, 9, 9);
  const Event earlier_delta = make_event(10, 1, 9, 9, 9, 9);
  const Event earlier_target = make_event(10, 2, 2, 9, 9, 9);
  const Event earlier_kind = make_event(10, 2, 3, 3, 9, 9);
  const Event earlier_source = make_event(10, 2, 3, 4, 4, 9);
  const Event earlier_sequence = make_event(10, 2, 3, 4, 5, 5);
  for (const Event& e : {earlier_time, earlier_delta, earlier_target, earlier_kind, earlier_source,
                         earlier_sequence}) {
    CHECK(less(e, base));
    CHECK_FALSE(less(base, e));
  }
}

TEST_CASE("Kernel.EventOrder.IrreflexiveAndPayloadIgnored") {
  const EventOrder less;
  const Event a = make_event(1, 0, 0, 0, 0, 0, /*payload=*/1);
  const Event b = make_event(1, 0, 0, 0, 0, 0, /*payload=*/99);
  CHECK_FALSE(less(a, a));
  CHECK_FALSE(less(a, b));
  CHECK_FALSE(less(b, a));
}

TEST_CASE("Kernel.EventOrder.ExternalSourceAfterLps") {
  const EventOrder less;
  // Injected events carry the largest source id, so at one (time, delta, target, kind) they
  // come after events sent by LPs.
  const Event from_lp = make_event(0, 0, 1, 0, 7, 100);
  const Event external = make_event(0, 0, 1, 0, kExternalSource, 0);
  CHECK(less(from_lp, external));
}

TEST_CASE("Kernel.EventOrder.SameBatch") {
  const Event a = make_event(5, 1, 2, 0, 0, 0);
  CHECK(msout::kernel::same_batch(a, make_event(5, 1, 2, 9, 3, 7)));
  CHECK_FALSE(msout::kernel::same_batch(a, make_event(6, 1, 2, 0, 0, 0)));
  CHECK_FALSE(msout::kernel::same_batch(a, make_event(5, 0, 2, 0, 0, 0)));
  CHECK_FALSE(msout::kernel::same_batch(a, make_event(5, 1, 3, 0, 0, 0)));
}

// ---- BinaryHeapQueue --------------------------------------------------------------------

TEST_CASE("Kernel.BinaryHeapQueue.Empty") {
  BinaryHeapQueue queue;
  CHECK(queue.empty());
  CHECK(queue.size() == 0);
  queue.push(make_event(1, 0, 0, 0, 0, 0));
  CHECK_FALSE(queue.empty());
  CHECK(queue.size() == 1);
  queue.pop();
  CHECK(queue.empty());
}

TEST_CASE("Kernel.BinaryHeapQueue.PopsInEventOrder") {
  std::vector<Event> events;
  std::uint32_t sequence = 0;
  for (std::int64_t time : {3, 0, 2}) {
    for (std::uint32_t delta : {1u, 0u}) {
      for (LpId target : {2u, 0u, 1u}) {
        for (std::uint16_t kind : {1, 0}) {
          for (LpId source : {kExternalSource, 4u, 0u}) {
            ++sequence;
            events.push_back(make_event(time, delta, target, kind, source, sequence % 5, sequence));
          }
        }
      }
    }
  }
  std::mt19937 random(12345);
  std::shuffle(events.begin(), events.end(), random);
  BinaryHeapQueue queue;
  for (const Event& e : events) queue.push(e);
  REQUIRE(queue.size() == events.size());

  std::vector<Event> expected = events;
  std::sort(expected.begin(), expected.end(), EventOrder{});
  std::vector<Event> popped;
  while (!queue.empty()) {
    const Event top = queue.top();
    const Event e = queue.pop();
    CHECK(same_event(top, e));
    popped.push_back(e);
  }
  REQUIRE(popped.size() == expected.size());
  for (std::size_t i = 0; i < popped.size(); ++i) {
    CHECK(EventOrder::key(popped[i]) == EventOrder::key(expected[i]));
    if (i > 0) CHECK_FALSE(EventOrder{}(popped[i], popped[i - 1]));
  }
}

TEST_CASE("Kernel.BinaryHeapQueue.InterleavedPushPop") {
  BinaryHeapQueue queue;
  queue.push(make_event(5, 0, 0, 0, 0, 0, 5));
  queue.push(make_event(1, 0, 0, 0, 0, 1, 1));
  CHECK(queue.pop().payload == 1);
  queue.push(make_event(3, 0, 0, 0, 0, 2, 3));
  queue.push(make_event(3, 0, 0, 0, 0, 1, 2));  // same time, lower sequence: first
  CHECK(queue.pop().payload == 2);
  CHECK(queue.pop().payload == 3);
  CHECK(queue.pop().payload == 5);
  CHECK(queue.empty());
}

// ---- Outbox -----------------------------------------------------------------------------

TEST_CASE("Kernel.Outbox.StampsEvents") {
  Outbox out;
  std::uint32_t counter = 7;
  out.begin(/*self=*/3, SimTime{100}, /*delta=*/2, &counter);
  CHECK(out.self() == 3);
  CHECK(out.now() == SimTime{100});
  out.send(1, SimTime{0}, 4, 42);
  out.send(2, SimTime{5}, 0, 43);
  REQUIRE(out.events().size() == 2);
  CHECK(same_event(out.events()[0], make_event(100, 3, 1, 4, 3, 7, 42)));
  CHECK(same_event(out.events()[1], make_event(105, 0, 2, 0, 3, 8, 43)));
  CHECK(counter == 9);
}

// Regression (issue 10, item 5): time sums saturate at the end of time instead of
// overflowing (signed overflow is undefined behaviour; UBSan traps it).
TEST_CASE("Kernel.SimTime.SumsSaturate") {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  CHECK(SimTime{kMax - 5} + SimTime{10} == SimTime::max());
  CHECK(SimTime::max() + SimTime::max() == SimTime::max());
  CHECK(SimTime{kMax - 5} + SimTime{5} == SimTime::max());
  CHECK(SimTime{kMax - 6} + SimTime{5} == SimTime{kMax - 1});
  CHECK(msout::kernel::saturating_add(std::numeric_limits<std::int64_t>::min(), -1) ==
        std::numeric_limits<std::int64_t>::min());
  CHECK(msout::kernel::saturating_add(-3, 5) == 2);
}

TEST_CASE("Kernel.Outbox.DelayPastTheEndOfTimeIsNever") {
  Outbox out;
  std::uint32_t counter = 0;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  out.begin(1, SimTime{kMax - 100}, 0, &counter);
  out.send(1, SimTime{kMax}, 0, 0);
  out.send(1, SimTime{100}, 0, 0);
  out.send(1, SimTime{99}, 0, 0);
  REQUIRE(out.events().size() == 3);
  CHECK(out.events()[0].time == SimTime::max());
  CHECK(out.events()[1].time == SimTime::max());
  CHECK(out.events()[2].time == SimTime{kMax - 1});
}

// ---- SequentialScheduler ----------------------------------------------------------------

TEST_CASE("Kernel.Scheduler.OneBatchPerTargetInstantRound") {
  Scripted behaviour;
  SequentialScheduler<Scripted> scheduler(3, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  // Injected out of order: the batch order is by target, the order within by kind, then
  // injection order.
  scheduler.inject(SimTime{5}, 2, 0, 1);
  scheduler.inject(SimTime{5}, 0, 2, 2);
  scheduler.inject(SimTime{5}, 0, 1, 3);
  scheduler.inject(SimTime{5}, 0, 1, 4);
  scheduler.inject(SimTime{4}, 1, 0, 5);
  const RunStats stats = scheduler.run_until(SimTime{10});
  CHECK(stats.events == 5);
  CHECK(stats.batches == 3);

  REQUIRE(recorder.batches.size() == 3);
  CHECK(recorder.batches[0].lp == 1);
  REQUIRE(recorder.batches[0].events.size() == 1);
  CHECK(recorder.batches[0].events[0].payload == 5);

  CHECK(recorder.batches[1].lp == 0);
  REQUIRE(recorder.batches[1].events.size() == 3);
  CHECK(recorder.batches[1].events[0].payload == 3);
  CHECK(recorder.batches[1].events[1].payload == 4);
  CHECK(recorder.batches[1].events[2].payload == 2);
  for (const Event& e : recorder.batches[1].events) {
    CHECK(e.time == SimTime{5});
    CHECK(std::uint32_t{e.delta} == 0);
    CHECK(e.target == 0);
    CHECK(e.source == kExternalSource);
  }

  CHECK(recorder.batches[2].lp == 2);
  REQUIRE(recorder.batches[2].events.size() == 1);
  CHECK(recorder.batches[2].events[0].payload == 1);

  // The behaviour receives exactly what the observer sees.
  CHECK(behaviour.handled == recorder.batches);
}

TEST_CASE("Kernel.Scheduler.InjectionOrderBreaksTies") {
  Scripted behaviour;
  SequentialScheduler<Scripted> scheduler(1, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  for (std::uint64_t payload : {30u, 10u, 20u, 0u}) scheduler.inject(SimTime{1}, 0, 0, payload);
  scheduler.run_until(SimTime{1});
  REQUIRE(recorder.batches.size() == 1);
  const auto& events = recorder.batches[0].events;
  REQUIRE(events.size() == 4);
  CHECK(events[0].payload == 30);
  CHECK(events[1].payload == 10);
  CHECK(events[2].payload == 20);
  CHECK(events[3].payload == 0);
  for (std::uint32_t i = 0; i < 4; ++i) CHECK(events[i].sequence == i);
}

TEST_CASE("Kernel.Scheduler.ZeroDelayIsNextRound") {
  Scripted behaviour;
  // LP 0 sends to LP 1 with zero delay; LP 1 sends on to LP 2 with zero delay.
  behaviour.react = [](LpId lp, std::span<const Event>, Outbox& out) {
    if (lp < 2) out.send(lp + 1, SimTime{0}, 0, lp);
  };
  SequentialScheduler<Scripted> scheduler(3, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{7}, 0, 0, 99);
  scheduler.run_until(SimTime{7});
  REQUIRE(recorder.batches.size() == 3);
  for (std::uint32_t i = 0; i < 3; ++i) {
    CAPTURE(i);
    CHECK(recorder.batches[i].lp == i);
    REQUIRE(recorder.batches[i].events.size() == 1);
    CHECK(recorder.batches[i].events[0].time == SimTime{7});
    CHECK(std::uint32_t{recorder.batches[i].events[0].delta} == i);
  }
  CHECK(recorder.batches[1].events[0].source == 0);
  CHECK(recorder.batches[2].events[0].source == 1);
  CHECK(scheduler.now() == SimTime{7});
}

TEST_CASE("Kernel.Scheduler.PositiveDelayIsRoundZero") {
  Scripted behaviour;
  behaviour.react = [](LpId lp, std::span<const Event> batch, Outbox& out) {
    // First a zero-delay hop (round 1), then a positive delay from round 1: round 0 later.
    if (lp == 0) out.send(1, SimTime{0}, 0, 0);
    if (lp == 1 && batch.front().time == SimTime{2}) out.send(0, SimTime{3}, 0, 0);
  };
  SequentialScheduler<Scripted> scheduler(2, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{2}, 0, 0, 0);
  scheduler.run_until(SimTime{5});
  REQUIRE(recorder.batches.size() >= 3);
  CHECK(recorder.batches[1].events[0].time == SimTime{2});
  CHECK(std::uint32_t{recorder.batches[1].events[0].delta} == 1);
  CHECK(recorder.batches[2].lp == 0);
  CHECK(recorder.batches[2].events[0].time == SimTime{5});
  CHECK(std::uint32_t{recorder.batches[2].events[0].delta} == 0);
}

TEST_CASE("Kernel.Scheduler.RoundsBeforeLaterTargets") {
  // At one instant, every round-0 batch runs before any round-1 batch, even of a lower LP.
  Scripted behaviour;
  behaviour.react = [](LpId lp, std::span<const Event> batch, Outbox& out) {
    if (lp == 2 && batch.front().delta == 0) out.send(0, SimTime{0}, 0, 0);
  };
  SequentialScheduler<Scripted> scheduler(4, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{0}, 3, 0, 0);
  scheduler.inject(SimTime{0}, 2, 0, 0);
  scheduler.run_until(SimTime{0});
  REQUIRE(recorder.batches.size() == 3);
  CHECK(recorder.batches[0].lp == 2);
  CHECK(recorder.batches[1].lp == 3);
  CHECK(recorder.batches[2].lp == 0);
  CHECK(std::uint32_t{recorder.batches[2].events[0].delta} == 1);
}

TEST_CASE("Kernel.Scheduler.SourcesOrderWithinBatch") {
  // LPs 2 and 1 both send to LP 0 in round 1 of the same instant; LP 1's event comes first
  // in LP 0's single batch, whatever order they were sent in.
  Scripted behaviour;
  behaviour.react = [](LpId lp, std::span<const Event>, Outbox& out) {
    if (lp != 0) {
      out.send(0, SimTime{0}, 0, lp * 10);
      out.send(0, SimTime{0}, 0, lp * 10 + 1);
    }
  };
  SequentialScheduler<Scripted> scheduler(3, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{1}, 2, 0, 0);
  scheduler.inject(SimTime{1}, 1, 0, 0);
  scheduler.run_until(SimTime{1});
  REQUIRE(recorder.batches.size() == 3);
  const Batch& at_zero = recorder.batches[2];
  CHECK(at_zero.lp == 0);
  REQUIRE(at_zero.events.size() == 4);
  CHECK(at_zero.events[0].payload == 10);
  CHECK(at_zero.events[1].payload == 11);
  CHECK(at_zero.events[2].payload == 20);
  CHECK(at_zero.events[3].payload == 21);
  CHECK(at_zero.events[0].sequence == 0);
  CHECK(at_zero.events[1].sequence == 1);
}

TEST_CASE("Kernel.Scheduler.SendCountersArePerLp") {
  Scripted behaviour;
  behaviour.react = [](LpId lp, std::span<const Event> batch, Outbox& out) {
    if (batch.front().source == kExternalSource) out.send(lp == 0 ? 1 : 0, SimTime{1}, 0, 0);
  };
  SequentialScheduler<Scripted> scheduler(2, behaviour);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{0}, 0, 0, 0);
  scheduler.inject(SimTime{0}, 1, 0, 0);
  scheduler.inject(SimTime{2}, 0, 0, 0);
  scheduler.run_until(SimTime{3});
  std::vector<std::uint32_t> from_zero;
  std::vector<std::uint32_t> from_one;
  for (const Batch& b : recorder.batches) {
    for (const Event& e : b.events) {
      if (e.source == 0) from_zero.push_back(e.sequence);
      if (e.source == 1) from_one.push_back(e.sequence);
    }
  }
  CHECK(from_zero == std::vector<std::uint32_t>{0, 1});
  CHECK(from_one == std::vector<std::uint32_t>{0});
}

TEST_CASE("Kernel.Scheduler.RunUntilLeavesLaterEventsPending") {
  Scripted behaviour;
  SequentialScheduler<Scripted> scheduler(2, behaviour);
  scheduler.inject(SimTime{1}, 0, 0, 1);
  scheduler.inject(SimTime{5}, 1, 0, 5);
  scheduler.inject(SimTime{5}, 0, 0, 6);
  scheduler.inject(SimTime{6}, 0, 0, 7);
  scheduler.inject(SimTime{10}, 1, 0, 10);
  CHECK(scheduler.pending() == 5);

  RunStats stats = scheduler.run_until(SimTime{5});  // inclusive
  CHECK(stats.events == 3);
  CHECK(stats.batches == 3);
  CHECK(scheduler.pending() == 2);
  CHECK(scheduler.now() == SimTime{5});
  REQUIRE(behaviour.handled.size() == 3);
  CHECK(behaviour.handled.back().events[0].payload == 5);

  stats = scheduler.run_until(SimTime{5});  // nothing new
  CHECK(stats.events == 0);
  CHECK(stats.batches == 0);

  stats = scheduler.run_until(SimTime{9});
  CHECK(stats.events == 1);
  CHECK(scheduler.pending() == 1);
  CHECK(scheduler.now() == SimTime{6});

  stats = scheduler.run_until(SimTime::max());
  CHECK(stats.events == 1);
  CHECK(scheduler.pending() == 0);
  CHECK(scheduler.now() == SimTime{10});
}

TEST_CASE("Kernel.Scheduler.SentEventsBeyondEndStayPending") {
  PingPong game;
  game.delay = 4;
  SequentialScheduler<PingPong> scheduler(2, game);
  scheduler.inject(SimTime{0}, 0, 0, 10);  // 11 hits at 0, 4, 8, ..., 40
  RunStats stats = scheduler.run_until(SimTime{9});
  CHECK(stats.events == 3);  // at 0, 4, 8
  CHECK(scheduler.pending() == 1);
  CHECK(game.hits == std::vector<int>{2, 1});
  stats = scheduler.run_until(SimTime{100});
  CHECK(stats.events == 8);
  CHECK(scheduler.pending() == 0);
  CHECK(game.hits == std::vector<int>{6, 5});
  CHECK(scheduler.now() == SimTime{40});
}

TEST_CASE("Kernel.Scheduler.PingPongZeroDelayRounds") {
  // With zero delay the whole rally happens at one instant, one round per hit.
  PingPong game;
  game.delay = 0;
  SequentialScheduler<PingPong> scheduler(2, game);
  Recorder recorder;
  scheduler.set_observer(&recorder);
  scheduler.inject(SimTime{3}, 1, 0, 4);
  const RunStats stats = scheduler.run_until(SimTime{3});
  CHECK(stats.events == 5);
  CHECK(stats.batches == 5);
  REQUIRE(recorder.batches.size() == 5);
  for (std::uint32_t i = 0; i < 5; ++i) {
    CAPTURE(i);
    CHECK(recorder.batches[i].lp == (i % 2 == 0 ? 1u : 0u));
    CHECK(recorder.batches[i].events[0].time == SimTime{3});
    CHECK(std::uint32_t{recorder.batches[i].events[0].delta} == i);
    CHECK(recorder.batches[i].events[0].payload == 4 - i);
  }
}

TEST_CASE("Kernel.Scheduler.NoObserverStillRuns") {
  Ring ring;
  SequentialScheduler<Ring> scheduler(ring.size, ring);
  scheduler.inject(SimTime{0}, 0, 0, 10);
  const RunStats stats = scheduler.run_until(SimTime{1000});
  CHECK(stats.events > 10);
  CHECK(scheduler.pending() == 0);
}

TEST_CASE("Kernel.Scheduler.IdenticalRunsIdenticalTraces") {
  const std::vector<Batch> first = ring_trace(12);
  const std::vector<Batch> second = ring_trace(12);
  CHECK(first.size() > 50);
  CHECK(first == second);

  // And the trace is in EventOrder, with one batch per (time, delta, target).
  for (std::size_t i = 0; i < first.size(); ++i) {
    const Batch& b = first[i];
    REQUIRE_FALSE(b.events.empty());
    for (std::size_t j = 0; j < b.events.size(); ++j) {
      CHECK(b.events[j].target == b.lp);
      CHECK(msout::kernel::same_batch(b.events[j], b.events.front()));
      if (j > 0) CHECK(EventOrder{}(b.events[j - 1], b.events[j]));
    }
    if (i > 0) {
      const Event& previous = first[i - 1].events.back();
      CHECK(EventOrder{}(previous, b.events.front()));
      CHECK_FALSE(msout::kernel::same_batch(previous, b.events.front()));
    }
  }
}

static_assert(
    std::is_same_v<SequentialScheduler<Scripted>, SequentialScheduler<Scripted, BinaryHeapQueue>>);
