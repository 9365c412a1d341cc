#include "sim/report/comparison.h"

#include <algorithm>
#include <stdexcept>
#include <tuple>
#include <unordered_map>

#include "sim/kernel/sim_time.h"
#include "sim/report/cause_text.h"
#include "sim/report/people_figures.h"

namespace msout::report {
namespace {

constexpr std::int64_t kNever = INT64_MAX;

// Better, worse or the same for the what-if, on one criterion.
enum class Verdict { kBetter, kSame, kWorse };

FunctionRun run_of(const Report& report, const FunctionOutcome& f) {
  FunctionRun run;
  run.people = f.people;
  run.first_degraded = f.first_degraded;
  run.first_down = f.first_down;
  const double people = static_cast<double>(f.people);
  run.disruption = {f.time_down, f.time_degraded, people * static_cast<double>(f.time_down),
                    people * static_cast<double>(f.time_degraded)};
  run.final_state = f.final_state;
  run.black_start_blocked = f.black_start_blocked;
  run.timeline = f.timeline;
  if (f.cause) run.cause = cause_text(report, *f.cause);
  return run;
}

PeopleHoursAtLeast people_hours_at_least(const std::vector<const FunctionOutcome*>& outcomes,
                                         const Report& report) {
  const std::optional<model::Population>& population = report.model->population;
  return {people_seconds_at_least(outcomes, State::kDown, report.horizon, population),
          people_seconds_at_least(outcomes, State::kDegraded, report.horizon, population)};
}

State level_of(const FunctionRun& run) {
  if (run.first_down) return State::kDown;
  if (run.first_degraded) return State::kDegraded;
  return State::kUp;
}

std::optional<std::int64_t> onset(const FunctionRun& run, State level) {
  return level == State::kDown ? run.first_down : run.first_degraded;
}

// Time spent at `level`, for ordering no_longer_fails and newly_fails by how much they
// remove or add.
std::int64_t time_at(const FunctionRun& run, State level) {
  return level == State::kDown ? run.disruption.time_down : run.disruption.time_degraded;
}

// Fills change, direction, level and by of a function in both runs.
void classify(FunctionComparison& c) {
  const FunctionRun& b = *c.baseline;
  const FunctionRun& w = *c.whatif;
  c.level = std::max(level_of(b), level_of(w));
  if (c.level == State::kUp) return;  // works in both: unchanged

  const std::optional<std::int64_t> b_onset = onset(b, c.level);
  const std::optional<std::int64_t> w_onset = onset(w, c.level);
  Verdict by_onset = Verdict::kSame;
  if (b_onset && !w_onset) {
    by_onset = Verdict::kBetter;
    c.change = Change::kNoLongerFails;
  } else if (!b_onset && w_onset) {
    by_onset = Verdict::kWorse;
    c.change = Change::kNewlyFails;
  } else if (*w_onset > *b_onset) {
    by_onset = Verdict::kBetter;
    c.change = Change::kFailsLater;
    c.by = *w_onset - *b_onset;
  } else if (*w_onset < *b_onset) {
    by_onset = Verdict::kWorse;
    c.change = Change::kFailsEarlier;
    c.by = *b_onset - *w_onset;
  }

  // Time down weighs first; time degraded only breaks a tie.
  const auto b_time = std::make_tuple(b.disruption.time_down, b.disruption.time_degraded);
  const auto w_time = std::make_tuple(w.disruption.time_down, w.disruption.time_degraded);
  const Verdict by_time = w_time < b_time   ? Verdict::kBetter
                          : b_time < w_time ? Verdict::kWorse
                                            : Verdict::kSame;
  if (by_onset == Verdict::kSame && by_time != Verdict::kSame) {
    c.change = by_time == Verdict::kBetter ? Change::kShorterOutage : Change::kLongerOutage;
    const std::int64_t down = w.disruption.time_down - b.disruption.time_down;
    const std::int64_t degraded = w.disruption.time_degraded - b.disruption.time_degraded;
    c.by = down != 0 ? (down < 0 ? -down : down) : (degraded < 0 ? -degraded : degraded);
  }

  const bool better = by_onset == Verdict::kBetter || by_time == Verdict::kBetter;
  const bool worse = by_onset == Verdict::kWorse || by_time == Verdict::kWorse;
  c.direction = better && worse ? Direction::kMixed
                : better        ? Direction::kImproved
                : worse         ? Direction::kWorsened
                                : Direction::kUnchanged;
}

int class_rank(Change change) {
  switch (change) {
    case Change::kNoLongerFails:
    case Change::kNewlyFails:
      return 0;
    case Change::kFailsLater:
    case Change::kFailsEarlier:
      return 1;
    default:
      return 2;
  }
}

// How much a change changes, for ordering within its group.
std::int64_t magnitude(const FunctionComparison& c) {
  if (c.change == Change::kNoLongerFails) return time_at(*c.baseline, c.level);
  if (c.change == Change::kNewlyFails) return time_at(*c.whatif, c.level);
  return c.by;
}

// The run a function is listed by in the report-ordered groups.
const FunctionRun& listed_run(const FunctionComparison& c) {
  return c.baseline ? *c.baseline : *c.whatif;
}

bool listed_before(const FunctionComparison& a, const FunctionComparison& b) {
  if (a.direction != b.direction) return a.direction < b.direction;
  const bool changed = a.direction == Direction::kImproved || a.direction == Direction::kWorsened ||
                       a.direction == Direction::kMixed;
  if (changed) {
    // Down (2) before degraded (1): negate the level so that smaller sorts first.
    return std::make_tuple(-static_cast<int>(a.level), class_rank(a.change), -magnitude(a),
                           std::string_view(a.id)) <
           std::make_tuple(-static_cast<int>(b.level), class_rank(b.change), -magnitude(b),
                           std::string_view(b.id));
  }
  const FunctionRun& ra = listed_run(a);
  const FunctionRun& rb = listed_run(b);
  return std::make_tuple(ra.first_down.value_or(kNever), ra.first_degraded.value_or(kNever),
                         std::string_view(a.id)) <
         std::make_tuple(rb.first_down.value_or(kNever), rb.first_degraded.value_or(kNever),
                         std::string_view(b.id));
}

void require_same_run(const Report& baseline, const Report& whatif) {
  if (baseline.model == nullptr || whatif.model == nullptr) {
    throw std::invalid_argument("compare_reports: a report has no model");
  }
  if (baseline.scenario_file != whatif.scenario_file ||
      baseline.scenario_name != whatif.scenario_name) {
    throw std::invalid_argument("compare_reports: the reports are of different scenarios (\"" +
                                baseline.scenario_name + "\", \"" + whatif.scenario_name + "\")");
  }
  if (baseline.horizon != whatif.horizon) {
    throw std::invalid_argument("compare_reports: the reports have different horizons (" +
                                time_text(baseline.horizon) + ", " + time_text(whatif.horizon) +
                                ")");
  }
  if (baseline.include_disputed != whatif.include_disputed) {
    throw std::invalid_argument(
        "compare_reports: one report includes disputed dependencies, the other does not");
  }
}

}  // namespace

Disruption& Disruption::operator+=(const Disruption& other) {
  time_down = kernel::saturating_add(time_down, other.time_down);
  time_degraded = kernel::saturating_add(time_degraded, other.time_degraded);
  people_seconds_down += other.people_seconds_down;
  people_seconds_degraded += other.people_seconds_degraded;
  return *this;
}

Disruption operator-(const Disruption& a, const Disruption& b) {
  // Times are >= 0 (sums saturate at INT64_MAX), so the difference of two cannot overflow.
  return {a.time_down - b.time_down, a.time_degraded - b.time_degraded,
          a.people_seconds_down - b.people_seconds_down,
          a.people_seconds_degraded - b.people_seconds_degraded};
}

std::string_view to_string(Change change) {
  switch (change) {
    case Change::kNoLongerFails:
      return "no_longer_fails";
    case Change::kFailsLater:
      return "fails_later";
    case Change::kShorterOutage:
      return "shorter_outage";
    case Change::kNewlyFails:
      return "newly_fails";
    case Change::kFailsEarlier:
      return "fails_earlier";
    case Change::kLongerOutage:
      return "longer_outage";
    case Change::kUnchanged:
      return "unchanged";
    case Change::kOnlyInBaseline:
      return "only_in_baseline";
    case Change::kOnlyInWhatif:
      return "only_in_whatif";
  }
  return "?";
}

std::string_view to_string(Direction direction) {
  switch (direction) {
    case Direction::kImproved:
      return "improved";
    case Direction::kWorsened:
      return "worsened";
    case Direction::kMixed:
      return "mixed";
    case Direction::kUnchanged:
      return "unchanged";
    case Direction::kOnlyInBaseline:
      return "only_in_baseline";
    case Direction::kOnlyInWhatif:
      return "only_in_whatif";
  }
  return "?";
}

Disruption FunctionComparison::change_in_disruption() const {
  if (!baseline || !whatif) return {};
  return whatif->disruption - baseline->disruption;
}

std::size_t Comparison::count(Direction direction) const {
  return static_cast<std::size_t>(
      std::count_if(functions.begin(), functions.end(),
                    [&](const FunctionComparison& c) { return c.direction == direction; }));
}

Comparison compare_reports(const Report& baseline, const Report& whatif) {
  require_same_run(baseline, whatif);
  Comparison out;
  out.scenario_name = baseline.scenario_name;
  out.scenario_description = baseline.scenario_description;
  out.scenario_file = baseline.scenario_file;
  out.horizon = baseline.horizon;
  if (baseline.scenario != nullptr) {
    for (const model::Lever& lever : baseline.scenario->levers) {
      out.levers.push_back(
          {lever.name, std::string(model::to_string(lever.action)), lever.at.seconds});
    }
  }
  out.include_disputed = baseline.include_disputed;
  out.baseline_model_name = baseline.model_name;
  out.baseline_model_files = baseline.model_files;
  out.whatif_model_name = whatif.model_name;
  out.whatif_model_files = whatif.model_files;

  out.baseline_population = baseline.model->population;
  out.whatif_population = whatif.model->population;
  // The functions behind each total, for the people-hours that count a person once.
  std::vector<const FunctionOutcome*> matched_baseline;
  std::vector<const FunctionOutcome*> matched_whatif;
  std::vector<const FunctionOutcome*> only_baseline;
  std::vector<const FunctionOutcome*> only_whatif;

  std::unordered_map<std::string_view, const FunctionOutcome*> in_whatif;
  for (const FunctionOutcome& f : whatif.functions) {
    in_whatif.emplace(whatif.model->entities[f.entity].id, &f);
  }
  for (const FunctionOutcome& f : baseline.functions) {
    const model::Entity& entity = baseline.model->entities[f.entity];
    FunctionComparison c;
    c.id = entity.id;
    c.name = entity.name;
    c.baseline = run_of(baseline, f);
    const auto match = in_whatif.find(entity.id);
    if (match == in_whatif.end()) {
      c.change = Change::kOnlyInBaseline;
      c.direction = Direction::kOnlyInBaseline;
      c.level = level_of(*c.baseline);
      out.only_in_baseline_total += c.baseline->disruption;
      only_baseline.push_back(&f);
    } else {
      matched_baseline.push_back(&f);
      matched_whatif.push_back(match->second);
      c.whatif = run_of(whatif, *match->second);
      in_whatif.erase(match);
      classify(c);
      out.baseline_total += c.baseline->disruption;
      out.whatif_total += c.whatif->disruption;
    }
    out.functions.push_back(std::move(c));
  }
  for (const FunctionOutcome& f : whatif.functions) {
    const model::Entity& entity = whatif.model->entities[f.entity];
    if (!in_whatif.contains(entity.id)) continue;  // matched above
    FunctionComparison c;
    c.id = entity.id;
    c.name = entity.name;
    c.whatif = run_of(whatif, f);
    c.change = Change::kOnlyInWhatif;
    c.direction = Direction::kOnlyInWhatif;
    c.level = level_of(*c.whatif);
    out.only_in_whatif_total += c.whatif->disruption;
    only_whatif.push_back(&f);
    out.functions.push_back(std::move(c));
  }
  out.baseline_people = people_hours_at_least(matched_baseline, baseline);
  out.whatif_people = people_hours_at_least(matched_whatif, whatif);
  out.only_in_baseline_people = people_hours_at_least(only_baseline, baseline);
  out.only_in_whatif_people = people_hours_at_least(only_whatif, whatif);
  std::sort(out.functions.begin(), out.functions.end(), listed_before);
  return out;
}

}  // namespace msout::report
