// InstantCalendar: eight-byte entries waiting for their instant, one bucket per instant: a
// min-heap of the pending instants, a map from instant to bucket, and spare buckets for
// reuse. Entries of one instant come out in the order they were scheduled.
//
//   InstantCalendar calendar;
//   calendar.schedule(3600, entry);
//   while (!calendar.empty()) { calendar.take(calendar.next(), due); ... }
//
// Not thread-safe: one calendar per thread that schedules.
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <unordered_map>
#include <vector>

namespace msout::kernel {

class InstantCalendar {
 public:
  using Entry = std::uint64_t;

  void schedule(std::int64_t time, Entry entry) {
    if (last_bucket_ == kNone || time != last_time_) {
      auto [it, inserted] = bucket_of_.try_emplace(time, 0);
      if (inserted) {
        if (spare_buckets_.empty()) {
          it->second = static_cast<std::uint32_t>(buckets_.size());
          buckets_.emplace_back();
        } else {
          it->second = spare_buckets_.back();
          spare_buckets_.pop_back();
        }
        instants_.push_back(time);
        std::push_heap(instants_.begin(), instants_.end(), std::greater<>{});
      }
      // A step's entries share a few instants: remember the last one.
      last_time_ = time;
      last_bucket_ = it->second;
    }
    buckets_[last_bucket_].push_back(entry);
  }

  bool empty() const { return instants_.empty(); }
  // The earliest pending instant; the largest int64 when empty.
  std::int64_t next() const {
    return instants_.empty() ? std::numeric_limits<std::int64_t>::max() : instants_.front();
  }

  // Replaces `out` with the entries due at `time` (none unless `time` is next()). A large
  // instant's memory goes back at once rather than lingering in a spare bucket.
  void take(std::int64_t time, std::vector<Entry>& out) {
    out.clear();
    if (out.capacity() > kKeptCapacity) std::vector<Entry>().swap(out);
    if (instants_.empty() || instants_.front() != time) return;
    std::pop_heap(instants_.begin(), instants_.end(), std::greater<>{});
    instants_.pop_back();
    const auto it = bucket_of_.find(time);
    out.swap(buckets_[it->second]);
    spare_buckets_.push_back(it->second);
    bucket_of_.erase(it);
    last_bucket_ = kNone;
  }

  // Empties the calendar, keeping its memory.
  void clear() {
    for (const auto& [time, bucket] : bucket_of_) {
      buckets_[bucket].clear();
      spare_buckets_.push_back(bucket);
    }
    bucket_of_.clear();
    instants_.clear();
    last_bucket_ = kNone;
  }

 private:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
  // Spare buckets keep at most this many entries' memory for reuse.
  static constexpr std::size_t kKeptCapacity = std::size_t{1} << 16;

  std::vector<std::int64_t> instants_;
  std::unordered_map<std::int64_t, std::uint32_t> bucket_of_;
  std::vector<std::vector<Entry>> buckets_;
  std::vector<std::uint32_t> spare_buckets_;
  std::int64_t last_time_ = 0;
  std::uint32_t last_bucket_ = kNone;
};

}  // namespace msout::kernel
