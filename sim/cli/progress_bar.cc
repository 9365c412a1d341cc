#include "sim/cli/progress_bar.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <sys/ioctl.h>
#include <unistd.h>

#include "model/duration.h"

namespace msout::cli {
namespace {

constexpr std::size_t kBarWidth = 20;
constexpr auto kRedraw = std::chrono::milliseconds(200);

// 1234567 -> "1,234,567".
std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// Items per second as people read it: "850/s", "12.5 k/s", "1.2 M/s".
std::string rate_text(double per_second) {
  char buffer[32];
  if (per_second >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%.1f M/s", per_second / 1e6);
  } else if (per_second >= 1e4) {
    std::snprintf(buffer, sizeof buffer, "%.1f k/s", per_second / 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.0f/s", per_second);
  }
  return buffer;
}

// Seconds, rounded up (a time left is never "0s"), as "45s", "2m05s", "1h20m".
std::string time_text(double seconds) {
  const auto s = static_cast<std::uint64_t>(std::ceil(std::max(0.0, seconds)));
  char buffer[32];
  if (s < 60) {
    std::snprintf(buffer, sizeof buffer, "%llus", static_cast<unsigned long long>(s));
  } else if (s < 3600) {
    std::snprintf(buffer, sizeof buffer, "%llum%02llus", static_cast<unsigned long long>(s / 60),
                  static_cast<unsigned long long>(s % 60));
  } else {
    std::snprintf(buffer, sizeof buffer, "%lluh%02llum", static_cast<unsigned long long>(s / 3600),
                  static_cast<unsigned long long>(s % 3600 / 60));
  }
  return buffer;
}

std::size_t terminal_width() {
  winsize size{};
  if (ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 20) return size.ws_col;
  return 80;
}

// "label [####......]  40%": the start of every line.
std::string bar_text(std::string_view label, std::uint64_t shown, std::uint64_t total) {
  const double fraction =
      total == 0 ? 1.0 : static_cast<double>(shown) / static_cast<double>(total);
  const auto filled = static_cast<std::size_t>(fraction * kBarWidth);
  std::string line(label);
  line += " [" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "] ";
  char percent[8];
  std::snprintf(percent, sizeof percent, "%3d%%", static_cast<int>(fraction * 100));
  return line + percent;
}

}  // namespace

std::string simulated_time_line(std::string_view label, std::uint64_t done, std::uint64_t total,
                                double seconds, std::size_t width) {
  const std::uint64_t shown = std::min(done, total);
  auto duration = [](std::uint64_t s) {
    return model::format_duration(model::Duration{static_cast<std::int64_t>(s)});
  };
  std::string line = bar_text(label, shown, total) + "  " + duration(shown) + " of " +
                     duration(total) + " simulated";
  if (seconds > 0) line += "  " + time_text(seconds);
  if (line.size() > width) line.resize(width);
  return line;
}

std::string progress_line(std::string_view label, std::uint64_t done, std::uint64_t total,
                          std::string_view unit, double seconds, std::size_t width) {
  const std::uint64_t shown = std::min(done, total);
  std::string line = bar_text(label, shown, total);
  line += "  " + grouped(shown) + " of " + grouped(total) + " " + std::string(unit);
  if (seconds > 0 && shown > 0) {
    const double rate = static_cast<double>(shown) / seconds;
    line += "  " + rate_text(rate);
    if (shown < total) {
      line += "  about " + time_text(static_cast<double>(total - shown) / rate) + " left";
    }
  }
  if (line.size() > width) line.resize(width);
  return line;
}

ProgressBar::ProgressBar(std::string label, std::uint64_t total, std::string unit, bool enabled,
                         Style style)
    : label_(std::move(label)),
      unit_(std::move(unit)),
      enabled_(enabled),
      style_(style),
      total_(total),
      start_(std::chrono::steady_clock::now()),
      last_(start_ - kRedraw) {}  // the first update draws at once

ProgressBar::~ProgressBar() { finish(); }

bool ProgressBar::on_terminal(bool quiet) { return !quiet && isatty(STDERR_FILENO) != 0; }

void ProgressBar::update(std::uint64_t done) {
  if (!enabled_) return;
  std::unique_lock lock(mutex_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < kRedraw) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // One column short of the width: writing the last column makes some terminals wrap.
  const std::string line =
      style_ == Style::kSimulatedTime
          ? simulated_time_line(label_, done, total_, seconds, terminal_width() - 1)
          : progress_line(label_, done, total_, unit_, seconds, terminal_width() - 1);
  std::fprintf(stderr, "\r%s\033[K", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void ProgressBar::set_total(std::uint64_t total) {
  const std::lock_guard lock(mutex_);
  total_ = total;
}

void ProgressBar::finish() {
  const std::lock_guard lock(mutex_);
  if (!drawn_) return;
  std::fprintf(stderr, "\r\033[K");
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace msout::cli
