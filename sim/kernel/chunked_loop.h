// ChunkedLoop: runs the chunks of one step of work on up to `threads` workers, each chunk
// once, and returns when all are done. Each worker has an index (< workers()) for the
// buffers it fills, so a step needs no lock: the caller merges the buffers afterwards.
//
//   ChunkedLoop loop(threads);
//   loop.run(chunks, [&](std::size_t chunk, std::size_t worker) { ... });
//
// The workers take chunks in whatever order they come to them: the work must not depend on
// it. One arena for the loop's lifetime, so that a step costs no thread set-up.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

namespace msout::kernel {

class ChunkedLoop {
 public:
  explicit ChunkedLoop(int threads)
      : workers_(static_cast<std::size_t>(std::max(threads, 1)))
#ifndef MSOUT_TSAN_STD_THREADS
        ,
        arena_(static_cast<int>(workers_))
#endif
  {
  }

  std::size_t workers() const { return workers_; }

  template <class Fn>
  void run(std::size_t chunks, Fn fn) {
    std::atomic<std::size_t> next{0};
    auto work = [&](std::size_t worker) {
      for (std::size_t c; (c = next.fetch_add(1, std::memory_order_relaxed)) < chunks;) {
        fn(c, worker);
      }
    };
    const std::size_t used = std::min(workers_, chunks);
#ifndef MSOUT_TSAN_STD_THREADS
    arena_.execute([&] { tbb::parallel_for(std::size_t{0}, used, work); });
#else
    // ThreadSanitizer cannot see the synchronisation inside Debian's uninstrumented libtbb;
    // the TSan build runs the same steps on plain threads (as for_each_index does).
    std::vector<std::thread> threads;
    for (std::size_t w = 0; w < used; ++w) threads.emplace_back(work, w);
    for (std::thread& t : threads) t.join();
#endif
  }

 private:
  std::size_t workers_;
#ifndef MSOUT_TSAN_STD_THREADS
  tbb::task_arena arena_;
#endif
};

}  // namespace msout::kernel
