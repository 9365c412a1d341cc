// RoundBucketQueue pops exactly in EventOrder, like BinaryHeapQueue, including pushes made
// while draining (to later rounds) and many ties.
#include "sim/kernel/round_bucket_queue.h"

#include <cstdint>
#include <vector>

#include <doctest/doctest.h>

#include "sim/kernel/event_queue.h"

namespace msout::testing {
namespace {

using kernel::Event;
using kernel::SimTime;

Event random_event(std::uint64_t& state, std::uint32_t sequence) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  Event e;
  e.time = SimTime{static_cast<std::int64_t>((state >> 33) % 5)};
  e.delta = static_cast<std::uint32_t>((state >> 40) % 3);
  e.target = static_cast<std::uint32_t>((state >> 45) % 7);
  e.kind = static_cast<std::uint16_t>((state >> 50) % 2);
  e.source = static_cast<std::uint32_t>((state >> 52) % 4);
  e.sequence = sequence;
  return e;
}

bool same_key(const Event& a, const Event& b) {
  return kernel::EventOrder::key(a) == kernel::EventOrder::key(b);
}

}  // namespace

TEST_CASE("RoundBucketQueue.PopsInEventOrderLikeTheHeap") {
  kernel::RoundBucketQueue buckets;
  kernel::BinaryHeapQueue heap;
  std::uint64_t state = 42;
  std::uint32_t sequence = 0;
  for (int i = 0; i < 2000; ++i) {
    const Event e = random_event(state, sequence++);
    buckets.push(e);
    heap.push(e);
  }
  int popped = 0;
  while (!heap.empty()) {
    REQUIRE_FALSE(buckets.empty());
    CHECK(buckets.size() == heap.size());
    const Event a = buckets.pop();
    const Event b = heap.pop();
    CHECK(same_key(a, b));
    // While draining, push a few events to later rounds, as a scheduler would.
    if (++popped % 7 == 0) {
      Event later = a;
      later.delta += 1;
      later.sequence = sequence++;
      buckets.push(later);
      heap.push(later);
    }
  }
  CHECK(buckets.empty());
}

}  // namespace msout::testing
