// RoundBucketQueue: an event queue for workloads where many events share an instant and
// round (the cascade: one failure notifies thousands of dependents with zero delay).
//
// Events are appended to a bucket per (time, delta round) — O(1) — and a bucket is sorted
// once, by EventOrder, when it becomes the earliest. Pops then walk the sorted bucket. The
// order of pops is exactly EventOrder, as with BinaryHeapQueue; only the cost differs: sorting
// a contiguous bucket is far cheaper than sifting each event through a large heap.
//
// An emptied bucket (its map node and its vector's memory) is kept for the next new
// (time, round), so that a queue reused across runs (clear()) allocates nothing once warm:
// Monte Carlo replications run many short cascades.
#pragma once

#include <algorithm>
#include <cstddef>
#include <map>
#include <utility>
#include <vector>

#include "sim/kernel/event.h"
#include "sim/kernel/event_queue.h"

namespace msout::kernel {

class RoundBucketQueue {
 public:
  // Precondition (kept by every scheduler): `e` does not precede an event already popped.
  void push(const Event& e) {
    const Key key{e.time, std::uint32_t{e.delta}};
    auto it = buckets_.lower_bound(key);
    if (it == buckets_.end() || it->first != key) {
      if (spare_.empty()) {
        it = buckets_.emplace_hint(it, key, Bucket{});
      } else {
        Node node = std::move(spare_.back());
        spare_.pop_back();
        node.key() = key;
        it = buckets_.insert(it, std::move(node));
      }
    }
    Bucket& bucket = it->second;
    bucket.events.push_back(e);
    bucket.sorted = false;  // the not-yet-popped rest is sorted again when next needed
    ++size_;
  }

  Event pop() {
    Bucket& bucket = front();
    const Event e = bucket.events[bucket.next++];
    --size_;
    if (bucket.next == bucket.events.size()) retire(buckets_.begin());
    return e;
  }

  void clear() {
    while (!buckets_.empty()) retire(buckets_.begin());
    size_ = 0;
  }

  const Event& top() const {
    const Bucket& bucket = front();
    return bucket.events[bucket.next];
  }

  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

 private:
  struct Bucket {
    std::vector<Event> events;
    std::size_t next = 0;  // first event not yet popped (in sorted order)
    bool sorted = false;
  };

  using Key = std::pair<SimTime, std::uint32_t>;
  using Map = std::map<Key, Bucket>;
  using Node = Map::node_type;

  // Keeps an emptied bucket for reuse.
  void retire(Map::iterator it) {
    Node node = buckets_.extract(it);
    node.mapped().events.clear();
    node.mapped().next = 0;
    node.mapped().sorted = false;
    spare_.push_back(std::move(node));
  }

  // EventOrder for events of one bucket (same time and round), without comparing those.
  struct WithinRound {
    bool operator()(const Event& a, const Event& b) const {
      if (a.target != b.target) return a.target < b.target;
      if (a.kind != b.kind) return a.kind < b.kind;
      if (a.source != b.source) return a.source < b.source;
      return a.sequence < b.sequence;
    }
  };

  // The earliest bucket, sorted on first use (sorting is not a visible change: `mutable`).
  Bucket& front() const {
    Bucket& bucket = buckets_.begin()->second;
    if (!bucket.sorted) {
      std::sort(bucket.events.begin() + static_cast<std::ptrdiff_t>(bucket.next),
                bucket.events.end(), WithinRound{});
      bucket.sorted = true;
    }
    return bucket;
  }

  mutable Map buckets_;
  std::vector<Node> spare_;
  std::size_t size_ = 0;
};

static_assert(EventQueueType<RoundBucketQueue>);

}  // namespace msout::kernel
