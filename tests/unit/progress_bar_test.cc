// Tests of sim/cli/progress_bar.h: the line a progress bar draws (the drawing itself, on a
// terminal only, is checked end to end by cli.progress).
#include "sim/cli/progress_bar.h"

#include <doctest/doctest.h>

namespace msout::testing {

using cli::progress_line;
using cli::simulated_time_line;

TEST_CASE("ProgressBar.SimulatedTime.HowFarNotHowLong") {
  // 3d 8h of 7d is 47.6 %: 9 of 20 columns. No rate and no time left (a cascade's work is
  // not spread evenly over its horizon): the wall time so far, rounded up.
  CHECK(simulated_time_line("simulate", 3 * 86400 + 8 * 3600, 7 * 86400, 1.5, 200) ==
        "simulate [#########...........]  47%  3d8h of 7d simulated  2s");
  CHECK(simulated_time_line("simulate", 0, 7 * 86400, 0.0, 200) ==
        "simulate [....................]   0%  0s of 7d simulated");
  CHECK(simulated_time_line("simulate", 9 * 86400, 7 * 86400, 3.0, 200) ==
        "simulate [####################] 100%  7d of 7d simulated  3s");
  CHECK(simulated_time_line("simulate", 86400, 7 * 86400, 1.0, 20).size() == 20);
}

TEST_CASE("ProgressBar.Line.BarPercentCountRateAndTimeLeft") {
  // 48 % of 20 columns is 9.6: 9 filled. 480,000 in 0.4 s is 1.2 M/s; the other 520,000 take
  // 0.43 s, rounded up to 1 s.
  CHECK(progress_line("generate", 480'000, 1'000'000, "entities", 0.4, 200) ==
        "generate [#########...........]  48%  480,000 of 1,000,000 entities  1.2 M/s  about 1s "
        "left");
}

TEST_CASE("ProgressBar.Line.NoRateBeforeAnythingIsDone") {
  CHECK(progress_line("generate", 0, 1'000'000, "entities", 3.0, 200) ==
        "generate [....................]   0%  0 of 1,000,000 entities");
  CHECK(progress_line("generate", 10, 100, "entities", 0.0, 200) ==
        "generate [##..................]  10%  10 of 100 entities");
}

TEST_CASE("ProgressBar.Line.DoneHasNoTimeLeftAndNeverPassesTheTotal") {
  CHECK(progress_line("blast radius", 10, 10, "outages", 2.0, 200) ==
        "blast radius [####################] 100%  10 of 10 outages  5/s");
  CHECK(progress_line("blast radius", 12, 10, "outages", 2.0, 200) ==
        "blast radius [####################] 100%  10 of 10 outages  5/s");
}

TEST_CASE("ProgressBar.Line.RatesAndTimesAsPeopleReadThem") {
  // 12,500 a second: "12.5 k/s"; 75,000 left at that rate: 6 s.
  CHECK(progress_line("m", 25'000, 100'000, "x", 2.0, 200).ends_with("12.5 k/s  about 6s left"));
  // 1 a second, 125 left: 2m05s; 3,725 left: 1h02m.
  CHECK(progress_line("m", 1, 126, "x", 1.0, 200).ends_with("1/s  about 2m05s left"));
  CHECK(progress_line("m", 1, 3'726, "x", 1.0, 200).ends_with("1/s  about 1h02m left"));
}

TEST_CASE("ProgressBar.Line.CutToTheTerminalWidth") {
  // "generate [" is 10 columns, the bar 20: 30 columns end with the bar, before its "]".
  const std::string line = progress_line("generate", 480'000, 1'000'000, "entities", 0.4, 30);
  CHECK(line == "generate [#########...........");
}

}  // namespace msout::testing
