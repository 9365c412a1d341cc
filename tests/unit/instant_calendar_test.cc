// kernel::InstantCalendar (sim/kernel/instant_calendar.h): instants come out in time order,
// an instant's entries in the order they were scheduled, and only the next instant can be
// taken.
#include "sim/kernel/instant_calendar.h"

#include <limits>
#include <vector>

#include <doctest/doctest.h>

namespace msout::testing {

using kernel::InstantCalendar;
using Entries = std::vector<InstantCalendar::Entry>;

TEST_CASE("InstantCalendar.TimeOrderThenScheduleOrder") {
  InstantCalendar calendar;
  CHECK(calendar.empty());
  CHECK(calendar.next() == std::numeric_limits<std::int64_t>::max());
  calendar.schedule(60, 1);
  calendar.schedule(10, 2);
  calendar.schedule(60, 3);
  calendar.schedule(10, 4);
  calendar.schedule(30, 5);
  Entries due;
  std::vector<Entries> seen;
  std::vector<std::int64_t> instants;
  while (!calendar.empty()) {
    instants.push_back(calendar.next());
    calendar.take(calendar.next(), due);
    seen.push_back(due);
  }
  CHECK(instants == std::vector<std::int64_t>{10, 30, 60});
  CHECK(seen == std::vector<Entries>{{2, 4}, {5}, {1, 3}});
}

TEST_CASE("InstantCalendar.OnlyTheNextInstantIsTaken") {
  InstantCalendar calendar;
  calendar.schedule(10, 1);
  calendar.schedule(20, 2);
  Entries due{99};
  calendar.take(20, due);  // not the next instant: nothing, and nothing lost
  CHECK(due.empty());
  calendar.take(10, due);
  CHECK(due == Entries{1});
  calendar.take(20, due);
  CHECK(due == Entries{2});
  CHECK(calendar.empty());
}

TEST_CASE("InstantCalendar.ReusedBucketsAndClear") {
  InstantCalendar calendar;
  Entries due;
  // A large instant, then small ones reusing its bucket: each comes out whole.
  for (InstantCalendar::Entry e = 0; e < 200000; ++e) calendar.schedule(5, e);
  calendar.take(5, due);
  CHECK(due.size() == 200000);
  calendar.schedule(7, 1);
  calendar.schedule(6, 2);
  calendar.take(6, due);
  CHECK(due == Entries{2});
  calendar.clear();
  CHECK(calendar.empty());
  calendar.schedule(7, 3);  // the cleared instant 7 does not come back
  calendar.take(7, due);
  CHECK(due == Entries{3});
}

}  // namespace msout::testing
