// EventQueue: the pending-event set of a scheduler, ordered by EventOrder.
//
// Schedulers are templated on the queue so that alternatives can be compared in bench/.
// A queue type Q must provide: push(Event), pop() -> Event (removes the least), top() ->
// const Event&, empty(), size(), clear() (empties it, keeping its memory for the next run).
// Not thread-safe.
#pragma once

#include <algorithm>
#include <concepts>
#include <cstddef>
#include <vector>

#include "sim/kernel/event.h"

namespace msout::kernel {

template <class Q>
concept EventQueueType = requires(Q q, const Q cq, Event e) {
  q.push(e);
  { q.pop() } -> std::same_as<Event>;
  { cq.top() } -> std::same_as<const Event&>;
  { cq.empty() } -> std::same_as<bool>;
  { cq.size() } -> std::same_as<std::size_t>;
  q.clear();
};

// Binary min-heap over a flat vector.
class BinaryHeapQueue {
 public:
  void push(const Event& e) {
    heap_.push_back(e);
    std::push_heap(heap_.begin(), heap_.end(), later_);
  }
  Event pop() {
    std::pop_heap(heap_.begin(), heap_.end(), later_);
    Event e = heap_.back();
    heap_.pop_back();
    return e;
  }
  const Event& top() const { return heap_.front(); }
  bool empty() const { return heap_.empty(); }
  std::size_t size() const { return heap_.size(); }
  void clear() { heap_.clear(); }

 private:
  // std heap functions build a max-heap; invert the order to keep the earliest on top.
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return EventOrder{}(b, a); }
  };
  std::vector<Event> heap_;
  Later later_;
};

static_assert(EventQueueType<BinaryHeapQueue>);

}  // namespace msout::kernel
