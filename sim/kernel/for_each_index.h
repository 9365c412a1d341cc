// for_each_index: runs independent jobs concurrently — the runs of a scenario batch, the
// two sides of a comparison, the single-outage runs of a blast-radius sweep.
//
//   for_each_index(runs.size(), threads, [&](std::size_t i) { results[i] = run(i); });
//
// fn(i) is called once for every i < count, on up to `threads` threads (at least one); it
// returns when all calls have. Results written by index do not depend on the thread count.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace msout::kernel {

template <class Fn>
void for_each_index(std::size_t count, int threads, Fn fn) {
  threads = std::max(threads, 1);
#ifndef MSOUT_TSAN_STD_THREADS
  tbb::task_arena arena(threads);
  arena.execute([&] { tbb::parallel_for(std::size_t{0}, count, fn); });
#else
  // ThreadSanitizer cannot see the synchronisation inside Debian's uninstrumented libtbb;
  // the TSan build runs the same jobs on plain threads (as ParallelScheduler does), so that
  // races in msout's own code are found without false reports.
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (std::size_t i; (i = next.fetch_add(1)) < count;) fn(i);
    });
  }
  for (std::thread& w : workers) w.join();
#endif
}

}  // namespace msout::kernel
