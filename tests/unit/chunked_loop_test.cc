// kernel::ChunkedLoop (sim/kernel/chunked_loop.h): every chunk runs exactly once, each on a
// worker index below workers(), and no worker index is in use by two threads at once.
#include "sim/kernel/chunked_loop.h"

#include <algorithm>
#include <atomic>
#include <vector>

#include <doctest/doctest.h>

namespace msout::testing {

TEST_CASE("ChunkedLoop.EveryChunkOnceOnAKnownWorker") {
  for (int threads : {1, 2, 3, 8}) {
    CAPTURE(threads);
    kernel::ChunkedLoop loop(threads);
    CHECK(loop.workers() == static_cast<std::size_t>(threads));
    for (std::size_t chunks : {0u, 1u, 2u, 7u, 1000u}) {
      CAPTURE(chunks);
      std::vector<std::atomic<int>> runs(chunks);
      std::vector<std::atomic<int>> busy(loop.workers());
      std::atomic<bool> shared_worker{false};
      std::atomic<bool> bad_worker{false};
      loop.run(chunks, [&](std::size_t chunk, std::size_t worker) {
        if (worker >= loop.workers()) {
          bad_worker = true;
          return;
        }
        if (busy[worker].fetch_add(1) != 0) shared_worker = true;
        runs[chunk].fetch_add(1);
        busy[worker].fetch_sub(1);
      });
      CHECK_FALSE(bad_worker.load());
      CHECK_FALSE(shared_worker.load());
      int wrong = 0;
      for (const auto& r : runs) wrong += r.load() == 1 ? 0 : 1;
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("ChunkedLoop.AtLeastOneWorker") {
  kernel::ChunkedLoop loop(0);
  CHECK(loop.workers() == 1);
  int runs = 0;
  std::size_t largest_worker = 0;
  loop.run(3, [&](std::size_t, std::size_t worker) {  // one worker: never two at once
    largest_worker = std::max(largest_worker, worker);
    ++runs;
  });
  CHECK(largest_worker == 0);
  CHECK(runs == 3);
}

}  // namespace msout::testing
