// Hindcast: a scenario's reported outcomes (what really happened in the outage it replays,
// model/scenario.h ReportedOutcome) checked against one deterministic run.
//
// Definitions (docs/model-format.md, "Reported outcomes"; all times from the start of the
// run, only changes at or before the horizon count):
//   first degraded / first down  the first change to degraded or worse / to down, as in the
//                                report's functions (a change undone within the same second
//                                still counts);
//   recovered                    the time of the last change back to up after the entity's
//                                last failure, provided it is up at the horizon; none if it
//                                never failed, or is still degraded or down at the horizon.
//   expect down / degraded       holds if it is first down / first degraded or worse within
//                                the horizon, at a time in first_between where given, and
//                                recovered at a time in recovered_between where given (both
//                                bounds included);
//   expect up                    holds if it is never degraded or down;
//   expect not_down              holds if it is never down.
//
//   std::vector<ReportedResult> results = evaluate_reported(scenario, model, run);
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/scenario.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cascade/state.h"

namespace msout::report {

// kKnownGap: the claim has a known_gap and, as expected, is not reproduced;
// kKnownGapReproduced: it has one but is reproduced now (the gap may be fixed).
enum class Verdict : std::uint8_t { kReproduced, kNotReproduced, kKnownGap, kKnownGapReproduced };

// "reproduced", "not_reproduced", "known_gap", "known_gap_reproduced".
std::string_view to_string(Verdict verdict);

// What the run gave for one reported outcome, and whether the claim holds.
struct ReportedResult {
  const model::ReportedOutcome* claim = nullptr;  // into the scenario, which outlives this
  std::uint32_t entity = 0;
  std::optional<std::int64_t> first_degraded;  // first degraded or worse
  std::optional<std::int64_t> first_down;
  std::optional<std::int64_t> recovered;  // last back to up after its last failure
  cascade::State state_at_horizon = cascade::State::kUp;
  bool reproduced = false;
  // Why the claim does not hold, for people ("first down at 5h, later than 2h"); empty when
  // it does.
  std::string why_not;
  Verdict verdict = Verdict::kReproduced;
};

// Checks one claim against the entity's change log (in time order) up to `horizon`.
ReportedResult evaluate_reported(const model::ReportedOutcome& claim, std::uint32_t entity,
                                 const std::vector<cascade::StateRecord>& history,
                                 std::int64_t horizon);

// Every reported outcome of `scenario` against `run`, in scenario order. Precondition: every
// claim's entity is in `model` (resolve_reported found no error); one that is not is left out.
std::vector<ReportedResult> evaluate_reported(const model::Scenario& scenario,
                                              const model::Model& model,
                                              const cascade::CascadeRun& run);

// What the run gave, for people: "stayed up", "degraded at 0s, down at 2h, back up at 1d",
// "down at 2h, still down at 3d".
std::string run_text(const ReportedResult& result, std::int64_t horizon);

// What the claim expects, for people: "down, first within [0s, 2h], back up within [1h, 2d]".
std::string expected_text(const model::ReportedOutcome& claim);

// Counts over the results of a run (docs/report-format.md, summary.reported).
struct ReportedTotals {
  std::size_t claims = 0;
  std::size_t reproduced = 0;             // with or without a known gap
  std::size_t not_reproduced = 0;         // without a known gap: the model disagrees
  std::size_t known_gaps = 0;             // claims with a known gap
  std::size_t known_gaps_reproduced = 0;  // of those, reproduced now
};
ReportedTotals reported_totals(const std::vector<ReportedResult>& results);

// "History: 6 of 8 reported outcomes reproduced; 2 known gaps", with the claims the model
// disagrees with and the known gaps now reproduced named when there are any.
std::string reported_headline(const std::vector<ReportedResult>& results);

}  // namespace msout::report
