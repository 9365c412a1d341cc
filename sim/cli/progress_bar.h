// Progress of long work on standard error: a bar, how much is done of how much, the rate and
// the time left, redrawn in place at most five times a second. Only while standard error is
// a terminal (and the user did not ask for quiet): a pipe, a file or a CI log gets nothing,
// so the outputs and the tests that read standard error stay clean.
//
//   ProgressBar bar("generate", total, "entities", ProgressBar::on_terminal());
//   ProgressBar sim("simulate", horizon_s, "", on, ProgressBar::Style::kSimulatedTime);
//   for (...) bar.update(done);   // from any thread
//   bar.finish();                 // clears the line (the destructor does too)
#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace msout::cli {

class ProgressBar {
 public:
  // kCount: "480,000 of 1,000,000 entities", a rate and the time left. kSimulatedTime: done
  // and total are seconds of simulated time ("2d of 7d simulated") and the wall time so far:
  // a simulation's work is not spread evenly over its simulated time, so no time left.
  enum class Style { kCount, kSimulatedTime };

  // Disabled (`enabled` false), every call does nothing.
  ProgressBar(std::string label, std::uint64_t total, std::string unit, bool enabled,
              Style style = Style::kCount);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // True when standard error is a terminal and `quiet` is false.
  static bool on_terminal(bool quiet = false);

  // `done` of the total so far. Thread-safe and cheap: it draws the first time, then only
  // when 200 ms have passed since the last line, and never while another thread draws.
  void update(std::uint64_t done);
  // A new total, for work whose size grows as it goes (Monte Carlo's automatic batches).
  void set_total(std::uint64_t total);
  // Clears the line if one was drawn. Later updates draw again.
  void finish();

 private:
  std::string label_;
  std::string unit_;
  bool enabled_;
  Style style_;
  std::uint64_t total_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
  std::mutex mutex_;
  bool drawn_ = false;
};

// The line for `done` of `total` after `seconds`, at most `width` columns: "label [####....]
// 48%  480,000 of 1,000,000 entities  1.2 M/s  about 3s left". Before a rate can be told
// (no time passed, nothing done) it leaves rate and time left out. Pure, for tests.
std::string progress_line(std::string_view label, std::uint64_t done, std::uint64_t total,
                          std::string_view unit, double seconds, std::size_t width);
// The kSimulatedTime line: "label [####....]  48%  3d 8h of 7d simulated  2s". Pure.
std::string simulated_time_line(std::string_view label, std::uint64_t done, std::uint64_t total,
                                double seconds, std::size_t width);

}  // namespace msout::cli
