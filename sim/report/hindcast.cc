#include "sim/report/hindcast.h"

#include "model/duration.h"

namespace msout::report {
namespace {

using cascade::State;
using model::Expectation;

std::string time_text(std::int64_t seconds) {
  return model::format_duration(model::Duration{seconds});
}

std::string window_text(const model::TimeWindow& window) {
  return "[" + model::format_duration(window.from) + ", " + model::format_duration(window.to) + "]";
}

// "" if `t` lies in `window`, else why not: "first down at 5h, later than 2h".
std::string outside(const std::string& what, std::int64_t t, const model::TimeWindow& window) {
  if (t < window.from.seconds) {
    return what + " at " + time_text(t) + ", earlier than " + model::format_duration(window.from);
  }
  if (t > window.to.seconds) {
    return what + " at " + time_text(t) + ", later than " + model::format_duration(window.to);
  }
  return "";
}

}  // namespace

std::string_view to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::kReproduced:
      return "reproduced";
    case Verdict::kNotReproduced:
      return "not_reproduced";
    case Verdict::kKnownGap:
      return "known_gap";
    case Verdict::kKnownGapReproduced:
      return "known_gap_reproduced";
  }
  return "?";
}

ReportedResult evaluate_reported(const model::ReportedOutcome& claim, std::uint32_t entity,
                                 const std::vector<cascade::StateRecord>& history,
                                 std::int64_t horizon) {
  ReportedResult r;
  r.claim = &claim;
  r.entity = entity;
  State state = State::kUp;
  std::optional<std::int64_t> back_up;  // the last change back to up after a failure
  for (const cascade::StateRecord& record : history) {
    if (record.time > horizon) break;
    if (record.state >= State::kDegraded && !r.first_degraded) r.first_degraded = record.time;
    if (record.state == State::kDown && !r.first_down) r.first_down = record.time;
    if (record.state == State::kUp && state != State::kUp) back_up = record.time;
    state = record.state;
  }
  r.state_at_horizon = state;
  if (state == State::kUp && r.first_degraded) r.recovered = back_up;

  const bool wants_down = claim.expectation == Expectation::kDown;
  switch (claim.expectation) {
    case Expectation::kDown:
    case Expectation::kDegraded: {
      const std::optional<std::int64_t> first = wants_down ? r.first_down : r.first_degraded;
      const std::string what = wants_down ? "first down" : "first degraded";
      if (!first) {
        r.why_not = r.first_degraded ? "degraded at " + time_text(*r.first_degraded) +
                                           ", never down within " + time_text(horizon)
                                     : "stayed up throughout " + time_text(horizon);
      } else if (claim.first_between) {
        r.why_not = outside(what, *first, *claim.first_between);
      }
      if (r.why_not.empty() && claim.recovered_between) {
        if (!r.recovered) {
          r.why_not = "not back up within " + time_text(horizon) + " (" +
                      std::string(cascade::to_string(state)) + " at the horizon)";
        } else {
          r.why_not = outside("back up", *r.recovered, *claim.recovered_between);
        }
      }
      break;
    }
    case Expectation::kUp:
      if (r.first_down && r.first_down == r.first_degraded) {
        r.why_not = "down at " + time_text(*r.first_down);
      } else if (r.first_degraded) {
        r.why_not = "degraded at " + time_text(*r.first_degraded);
      }
      break;
    case Expectation::kNotDown:
      if (r.first_down) r.why_not = "down at " + time_text(*r.first_down);
      break;
  }
  r.reproduced = r.why_not.empty();
  if (claim.known_gap) {
    r.verdict = r.reproduced ? Verdict::kKnownGapReproduced : Verdict::kKnownGap;
  } else {
    r.verdict = r.reproduced ? Verdict::kReproduced : Verdict::kNotReproduced;
  }
  return r;
}

std::vector<ReportedResult> evaluate_reported(const model::Scenario& scenario,
                                              const model::Model& model,
                                              const cascade::CascadeRun& run) {
  std::vector<ReportedResult> results;
  for (const model::ReportedOutcome& claim : scenario.reported) {
    const auto entity = model.find(claim.entity);
    if (!entity) continue;
    results.push_back(evaluate_reported(claim, *entity, run.history[*entity], run.horizon));
  }
  return results;
}

std::string run_text(const ReportedResult& r, std::int64_t horizon) {
  if (!r.first_degraded) return "stayed up";
  std::string text;
  if (r.first_down && *r.first_down == *r.first_degraded) {
    text = "down at " + time_text(*r.first_down);
  } else {
    text = "degraded at " + time_text(*r.first_degraded);
    if (r.first_down) text += ", down at " + time_text(*r.first_down);
  }
  if (r.recovered) return text + ", back up at " + time_text(*r.recovered);
  return text + ", still " + std::string(cascade::to_string(r.state_at_horizon)) + " at " +
         time_text(horizon);
}

std::string expected_text(const model::ReportedOutcome& claim) {
  std::string text;
  switch (claim.expectation) {
    case Expectation::kDown:
      text = "down";
      break;
    case Expectation::kDegraded:
      text = "degraded or worse";
      break;
    case Expectation::kUp:
      return "up throughout";
    case Expectation::kNotDown:
      return "never down";
  }
  if (claim.first_between) text += ", first within " + window_text(*claim.first_between);
  if (claim.recovered_between) {
    text += ", back up within " + window_text(*claim.recovered_between);
  }
  return text;
}

ReportedTotals reported_totals(const std::vector<ReportedResult>& results) {
  ReportedTotals totals;
  totals.claims = results.size();
  for (const ReportedResult& r : results) {
    if (r.reproduced) ++totals.reproduced;
    if (r.claim->known_gap) ++totals.known_gaps;
    if (r.verdict == Verdict::kNotReproduced) ++totals.not_reproduced;
    if (r.verdict == Verdict::kKnownGapReproduced) ++totals.known_gaps_reproduced;
  }
  return totals;
}

std::string reported_headline(const std::vector<ReportedResult>& results) {
  const ReportedTotals t = reported_totals(results);
  std::string text = "History: " + std::to_string(t.reproduced) + " of " +
                     std::to_string(t.claims) + " reported outcome" + (t.claims == 1 ? "" : "s") +
                     " reproduced";
  if (t.known_gaps > 0) {
    text += "; " + std::to_string(t.known_gaps) + " known gap" + (t.known_gaps == 1 ? "" : "s");
  }
  if (t.not_reproduced > 0) {
    text += "; " + std::to_string(t.not_reproduced) + " not reproduced without a known gap";
  }
  if (t.known_gaps_reproduced > 0) {
    text += "; " + std::to_string(t.known_gaps_reproduced) + " known gap" +
            (t.known_gaps_reproduced == 1 ? "" : "s") + " now reproduced";
  }
  return text + ".";
}

}  // namespace msout::report
