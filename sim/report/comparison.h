// Comparison: what a what-if changes. Two reports of the same scenario and horizon — the
// baseline model's and the patched (what-if) model's — compared per critical function,
// matched by id. Written as a table (comparison_table.h) or as versioned JSON
// (comparison_json.h, docs/compare-format.md, which also gives every definition below with
// examples).
//
// Definitions (a function "fails" at a level):
// - The level of a function is `down` if it is down at some time in either run, else
//   `degraded` if it is degraded in either run, else none (it works in both).
// - Its onset in a run is the first time it reaches that level (first_down for `down`,
//   first_degraded for `degraded`), or never.
// - Its change is judged on the onset first: no_longer_fails (only the baseline reaches the
//   level), newly_fails (only the what-if), fails_later / fails_earlier (both, `by` seconds
//   apart). With the same onset it is judged on the time it spends down, then degraded:
//   shorter_outage / longer_outage (`by`: the change in time down, or in time degraded if
//   time down is the same). Otherwise it is unchanged.
// - Its direction says whether the what-if is better on the whole: the onset and the time
//   spent down-then-degraded each compare better, worse or the same; improved if one is
//   better and neither worse, worsened if one is worse and neither better, mixed if one is
//   better and the other worse (e.g. down later but for longer), unchanged if both are the
//   same. So "fails later" never hides a longer outage: that function is listed as mixed.
// - Functions in only one run (an overlay removed or added them) are not compared; their
//   disruption is summed separately, never counted as a gain or a loss.
//
// Order of `functions`: improved, worsened, mixed, unchanged, only in the baseline, only in
// the what-if. Within the first three groups, the changes at level down come before those at
// level degraded; then no_longer_fails / newly_fails, then fails_later / fails_earlier, then
// shorter_outage / longer_outage; then the larger change first (`by`, or for no_longer_fails
// and newly_fails the time spent at the level in the run that reaches it); then id. The last
// three groups are in report order (first down, first degraded, id).
//
// Everything is copied out of the reports: a Comparison does not refer to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/report/applied_overlay.h"
#include "sim/report/report.h"

namespace msout::report {

// Time spent and people-hours lost to disruption, for one function or summed over several.
// People-hours are held as people x seconds: exact integers in a double up to 2^53, so sums
// and differences are exact and only the final division by 3600 rounds. Times are >= 0;
// sums saturate at INT64_MAX seconds (about 2.9e11 years) instead of wrapping to negative.
// Summed over several functions, the people-hours are *function-people-hours*: a
// function-weighted measure in which a person counts once per function, never people
// (PeopleHoursAtLeast is the figure about people; docs/compare-format.md).
struct Disruption {
  std::int64_t time_down = 0;      // seconds
  std::int64_t time_degraded = 0;  // seconds degraded, not down
  double people_seconds_down = 0;
  double people_seconds_degraded = 0;

  double people_hours_down() const { return people_seconds_down / 3600.0; }
  double people_hours_degraded() const { return people_seconds_degraded / 3600.0; }
  Disruption& operator+=(const Disruption& other);
};
Disruption operator-(const Disruption& a, const Disruption& b);  // a - b, field by field

// People-hours over several functions that count each person once: at least this many
// (people_figures.h, people_seconds_at_least), so at most population x horizon.
struct PeopleHoursAtLeast {
  double people_seconds_down = 0;
  double people_seconds_degraded = 0;  // degraded, not down

  double people_hours_down() const { return people_seconds_down / 3600.0; }
  double people_hours_degraded() const { return people_seconds_degraded / 3600.0; }
};

// One function's outcome in one run.
struct FunctionRun {
  std::uint64_t people = 0;
  std::optional<std::int64_t> first_degraded;  // degraded or worse
  std::optional<std::int64_t> first_down;
  Disruption disruption;
  State final_state = State::kUp;
  bool black_start_blocked = false;
  std::string cause;  // why it first failed, one line (cause_text); empty if never affected
  std::vector<Interval> timeline;  // maximal intervals of one state, covering [0, horizon]
};

enum class Change : std::uint8_t {
  kNoLongerFails,
  kFailsLater,
  kShorterOutage,
  kNewlyFails,
  kFailsEarlier,
  kLongerOutage,
  kUnchanged,
  kOnlyInBaseline,
  kOnlyInWhatif,
};
std::string_view to_string(Change change);  // "no_longer_fails", ...

// The group a function is listed in, in this order.
enum class Direction : std::uint8_t {
  kImproved,
  kWorsened,
  kMixed,
  kUnchanged,
  kOnlyInBaseline,
  kOnlyInWhatif,
};
std::string_view to_string(Direction direction);  // "improved", ...

struct FunctionComparison {
  std::string id;
  std::string name;  // the baseline's name if it is in the baseline
  Change change = Change::kUnchanged;
  Direction direction = Direction::kUnchanged;
  // kDown, kDegraded, or kUp: works in both. For a function in one run only: the worst
  // state it reaches there.
  State level = State::kUp;
  std::int64_t by = 0;  // seconds, > 0 for fails_later/earlier and shorter/longer_outage; else 0
  std::optional<FunctionRun> baseline;  // absent for only_in_whatif
  std::optional<FunctionRun> whatif;    // absent for only_in_baseline

  // What-if minus baseline; all zero unless both runs have the function.
  Disruption change_in_disruption() const;
};

// Where the what-if model came from, for the writers (the caller fills it in): the
// overlays applied to the baseline, as a run report names them.
using WhatifSource = AppliedOverlay;

// A scenario lever's moment, for drawing both runs on one time axis.
struct LeverTime {
  std::string name;
  std::string action;   // "down", "degraded", "restore"
  std::int64_t at = 0;  // seconds
};

struct Comparison {
  std::string scenario_name;
  std::string scenario_description;
  std::string scenario_file;
  std::int64_t horizon = 0;
  std::vector<LeverTime> levers;  // the scenario's, in its order (empty without one)
  bool include_disputed = false;
  std::string baseline_model_name;
  std::vector<std::string> baseline_model_files;
  std::string whatif_model_name;
  std::vector<std::string> whatif_model_files;
  std::vector<WhatifSource> whatif_sources;  // e.g. the overlays, in the order applied
  // With `msout compare --focus`: the organisation's id; its own row comes first among the
  // functions (the rows are then the organisation and the functions it provides).
  std::string focus;
  // Overlays applied to the baseline too (one hosting option against another); usually none.
  std::vector<WhatifSource> baseline_sources;

  std::vector<FunctionComparison> functions;  // in the documented order

  // Summed over the functions in both runs (function-weighted: see Disruption).
  Disruption baseline_total;
  Disruption whatif_total;
  // Summed over the functions in one run only (their own run's disruption).
  Disruption only_in_baseline_total;
  Disruption only_in_whatif_total;
  // Over the same functions as the four totals above, in people-hours that count a person
  // once (at least; capped at each model's population).
  PeopleHoursAtLeast baseline_people;
  PeopleHoursAtLeast whatif_people;
  PeopleHoursAtLeast only_in_baseline_people;
  PeopleHoursAtLeast only_in_whatif_people;
  // The populations the two models declare (an overlay cannot change it), if any.
  std::optional<model::Population> baseline_population;
  std::optional<model::Population> whatif_population;

  // How many functions are listed under `direction`.
  std::size_t count(Direction direction) const;
};

// Compares the function outcomes of two reports. Both must come from the same scenario (same
// file and name), horizon and include-disputed setting, and have their `model` set (for ids
// and names; cause texts also need `scenario` and `graph`); otherwise throws
// std::invalid_argument, since comparing different scenarios would be meaningless. The
// result is a pure function of the two reports.
Comparison compare_reports(const Report& baseline, const Report& whatif);

}  // namespace msout::report
