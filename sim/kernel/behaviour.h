// Behaviour: what a model plugs into the kernel.
//
// One behaviour object serves all LPs; it keeps their state in its own arrays, indexed by
// LpId. The scheduler calls handle_batch() with every event for one LP at one instant and
// round, in EventOrder. The contract that lets a parallel scheduler drive the same
// behaviour: handle_batch(lp, …) reads and writes only the state of `lp` (and immutable
// shared data), and talks to other LPs only through the Outbox.
//
//   struct Counter {
//     std::vector<int> seen;
//     void handle_batch(LpId lp, std::span<const Event> batch, Outbox& out) {
//       seen[lp] += static_cast<int>(batch.size());
//       out.send((lp + 1) % seen.size(), SimTime{1}, 0, 0);
//     }
//   };
#pragma once

#include <span>

#include "sim/kernel/event.h"
#include "sim/kernel/outbox.h"

namespace msout::kernel {

template <class B>
concept Behaviour = requires(B& b, LpId lp, std::span<const Event> batch, Outbox& out) {
  b.handle_batch(lp, batch, out);
};

// Optional tracing hook; costs one branch per batch when unused.
class EventObserver {
 public:
  virtual ~EventObserver() = default;
  virtual void on_batch(LpId lp, std::span<const Event> batch) = 0;
};

struct RunStats {
  std::uint64_t events = 0;   // events handled
  std::uint64_t batches = 0;  // handle_batch calls
};

}  // namespace msout::kernel
