#include "sim/report/comparison_table.h"

#include <cmath>
#include <sstream>

#include "sim/report/cause_text.h"
#include "sim/report/people_figures.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

// With a minus sign for negative numbers: -1234567 -> "-1,234,567".
std::string signed_grouped(long long n) {
  const unsigned long long magnitude =
      n < 0 ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
  return (n < 0 ? "-" : "") + grouped(magnitude);
}

std::string hours_text(double people_hours) { return signed_grouped(std::llround(people_hours)); }

// A change with its sign, so that a reader never has to guess the direction.
std::string signed_hours(double people_hours) {
  const long long rounded = std::llround(people_hours);
  return rounded > 0 ? "+" + signed_grouped(rounded) : signed_grouped(rounded);
}

std::string signed_time(std::int64_t seconds) {
  return seconds > 0 ? "+" + time_text(seconds) : time_text(seconds);
}

// "baseline → what-if", or the one value where both runs agree.
std::string both(const std::string& baseline, const std::string& whatif) {
  return baseline == whatif ? baseline : baseline + " \u2192 " + whatif;
}

// The change in time spent down (or degraded, if time down is the same): "2h less down".
std::string time_change_text(const FunctionComparison& f) {
  const Disruption change = f.change_in_disruption();
  const bool by_down = change.time_down != 0;
  const std::int64_t seconds = by_down ? change.time_down : change.time_degraded;
  return time_text(seconds < 0 ? -seconds : seconds) + (seconds < 0 ? " less " : " more ") +
         (by_down ? "down" : "degraded");
}

void compared_table(std::ostringstream& out, const std::vector<const FunctionComparison*>& list) {
  TextTable table({"function", "change", "first down", "first degraded", "time down",
                   "time degraded", "\u0394 people-hours down", "\u0394 people-hours degraded"});
  for (const FunctionComparison* f : list) {
    const FunctionRun& b = *f->baseline;
    const FunctionRun& w = *f->whatif;
    const Disruption change = f->change_in_disruption();
    table.add(
        {f->name, change_text(*f),
         both(optional_time_text(b.first_down, "never"), optional_time_text(w.first_down, "never")),
         both(optional_time_text(b.first_degraded, "never"),
              optional_time_text(w.first_degraded, "never")),
         both(time_text(b.disruption.time_down), time_text(w.disruption.time_down)),
         both(time_text(b.disruption.time_degraded), time_text(w.disruption.time_degraded)),
         signed_hours(change.people_hours_down()), signed_hours(change.people_hours_degraded())});
  }
  out << table.render("  ");
}

void one_run_table(std::ostringstream& out, const std::vector<const FunctionComparison*>& list) {
  TextTable table({"function", "first down", "first degraded", "time down", "time degraded",
                   "people-hours down", "people-hours degraded"});
  for (const FunctionComparison* f : list) {
    const FunctionRun& r = f->baseline ? *f->baseline : *f->whatif;
    table.add({f->name, optional_time_text(r.first_down, "never"),
               optional_time_text(r.first_degraded, "never"), time_text(r.disruption.time_down),
               time_text(r.disruption.time_degraded), hours_text(r.disruption.people_hours_down()),
               hours_text(r.disruption.people_hours_degraded())});
  }
  out << table.render("  ");
}

std::string functions_text(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " function" : " functions");
}

constexpr struct {
  Direction direction;
  const char* title;
} kGroups[] = {
    {Direction::kImproved, "IMPROVED"},
    {Direction::kWorsened, "WORSENED"},
    {Direction::kMixed, "MIXED: better in one respect, worse in the other"},
    {Direction::kUnchanged, "UNCHANGED"},
    {Direction::kOnlyInBaseline, "ONLY IN THE BASELINE: removed by the what-if, not compared"},
    {Direction::kOnlyInWhatif, "ONLY IN THE WHAT-IF: added by it, not compared"},
};

}  // namespace

std::string change_text(const FunctionComparison& f) {
  const std::string level(cascade::to_string(f.level));
  switch (f.change) {
    case Change::kUnchanged:
      return f.level == State::kUp ? "works in both" : "unchanged";
    case Change::kOnlyInBaseline:
      return "only in the baseline";
    case Change::kOnlyInWhatif:
      return "only in the what-if";
    case Change::kShorterOutage:
    case Change::kLongerOutage:
      return time_change_text(f);
    default:
      break;
  }
  std::string text;
  if (f.change == Change::kNoLongerFails) text = "no longer " + level;
  if (f.change == Change::kNewlyFails) text = "newly " + level;
  if (f.change == Change::kFailsLater) text = level + " " + time_text(f.by) + " later";
  if (f.change == Change::kFailsEarlier) text = level + " " + time_text(f.by) + " earlier";
  if (f.direction == Direction::kMixed) text += ", but " + time_change_text(f);
  return text;
}

std::string comparison_table(const Comparison& c) {
  std::ostringstream out;
  const std::string horizon = time_text(c.horizon);
  out << "msout compare: scenario \"" << c.scenario_name << "\", horizon " << horizon
      << (c.include_disputed ? ", disputed dependencies included" : "") << "\n";
  auto overlays = [&out](const std::vector<WhatifSource>& list) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      out << (i == 0 ? " with " : ", then ") << "\"" << list[i].name << "\" (" << list[i].file
          << ")";
    }
  };
  out << "  baseline: model \"" << c.baseline_model_name << "\"";
  overlays(c.baseline_sources);
  out << "\n  what-if:  model \"" << c.whatif_model_name << "\"";
  overlays(c.whatif_sources);
  if (!c.focus.empty()) {
    out << "\n  focus: " << c.focus
        << " (rows: the organisation itself, then the critical functions it provides)";
  }
  out << "\n  " << functions_text(c.functions.size()) << ": " << c.count(Direction::kImproved)
      << " improved, " << c.count(Direction::kWorsened) << " worsened, "
      << c.count(Direction::kMixed) << " mixed, " << c.count(Direction::kUnchanged) << " unchanged";
  if (const std::size_t n = c.count(Direction::kOnlyInBaseline); n != 0) {
    out << ", " << n << " only in the baseline";
  }
  if (const std::size_t n = c.count(Direction::kOnlyInWhatif); n != 0) {
    out << ", " << n << " only in the what-if";
  }
  out << "\n\n"
      << "A change is judged at the worst level either run reaches (down if either run is ever\n"
         "down, else degraded): on when that level is first reached, then on the time spent\n"
         "down, then degraded. Cells read baseline \u2192 what-if where the runs differ; \u0394 "
         "is\n"
         "what-if minus baseline.\n";

  for (const auto& group : kGroups) {
    std::vector<const FunctionComparison*> list;
    for (const FunctionComparison& f : c.functions) {
      if (f.direction == group.direction) list.push_back(&f);
    }
    if (list.empty()) continue;
    out << "\n" << group.title << " (" << list.size() << ")\n";
    const bool compared = group.direction != Direction::kOnlyInBaseline &&
                          group.direction != Direction::kOnlyInWhatif;
    if (compared) {
      compared_table(out, list);
    } else {
      one_run_table(out, list);
    }
  }

  // Why each changed function fails, in each run: the what-if's chain shows the fallback or
  // the new dependency that made the difference.
  bool why_header = false;
  for (const FunctionComparison& f : c.functions) {
    if (f.direction == Direction::kUnchanged) continue;
    const bool has_cause =
        (f.baseline && !f.baseline->cause.empty()) || (f.whatif && !f.whatif->cause.empty());
    if (!has_cause) continue;
    if (!why_header) out << "\nWHY\n";
    why_header = true;
    out << "  " << f.name << "\n";
    if (f.baseline) {
      out << "    baseline: " << (f.baseline->cause.empty() ? "works" : f.baseline->cause) << "\n";
    }
    if (f.whatif) {
      out << "    what-if:  " << (f.whatif->cause.empty() ? "works" : f.whatif->cause) << "\n";
    }
  }

  const std::size_t matched =
      c.functions.size() - c.count(Direction::kOnlyInBaseline) - c.count(Direction::kOnlyInWhatif);
  out << "\nDISRUPTION OVER " << horizon << ", OVER THE " << matched
      << (matched == 1 ? " FUNCTION" : " FUNCTIONS") << " IN BOTH RUNS\n";
  const Disruption change = c.whatif_total - c.baseline_total;
  const double change_down =
      c.whatif_people.people_hours_down() - c.baseline_people.people_hours_down();
  const double change_degraded =
      c.whatif_people.people_hours_degraded() - c.baseline_people.people_hours_degraded();
  TextTable totals({"", "baseline", "what-if", "change"});
  totals.add({"people-hours down (at least)", hours_text(c.baseline_people.people_hours_down()),
              hours_text(c.whatif_people.people_hours_down()), signed_hours(change_down)});
  totals.add({"people-hours degraded (at least)",
              hours_text(c.baseline_people.people_hours_degraded()),
              hours_text(c.whatif_people.people_hours_degraded()), signed_hours(change_degraded)});
  totals.add({"function-people-hours down", hours_text(c.baseline_total.people_hours_down()),
              hours_text(c.whatif_total.people_hours_down()),
              signed_hours(change.people_hours_down())});
  totals.add({"function-people-hours degraded",
              hours_text(c.baseline_total.people_hours_degraded()),
              hours_text(c.whatif_total.people_hours_degraded()),
              signed_hours(change.people_hours_degraded())});
  totals.add({"time down", time_text(c.baseline_total.time_down),
              time_text(c.whatif_total.time_down), signed_time(change.time_down)});
  totals.add({"time degraded", time_text(c.baseline_total.time_degraded),
              time_text(c.whatif_total.time_degraded), signed_time(change.time_degraded)});
  out << totals.render("  ");
  out << wrapped(
      "people-hours (at least): at each instant the people served by the most widely used "
      "function in that state, never a sum over functions, over the horizon; "
      "function-people-hours: people served x hours summed over the functions, a "
      "function-weighted measure in which a person counts once per function, not people; "
      "time: summed over the functions (docs/compare-format.md); " +
          population_text(c.baseline_population) + ")",
      "  (", "   ", 96);
  if (const std::size_t n = c.count(Direction::kOnlyInBaseline); n != 0) {
    out << "  not compared: " << functions_text(n) << " only in the baseline, at least "
        << hours_text(c.only_in_baseline_people.people_hours_down()) << " people-hours down, "
        << hours_text(c.only_in_baseline_people.people_hours_degraded()) << " degraded\n";
  }
  if (const std::size_t n = c.count(Direction::kOnlyInWhatif); n != 0) {
    out << "  not compared: " << functions_text(n) << " only in the what-if, at least "
        << hours_text(c.only_in_whatif_people.people_hours_down()) << " people-hours down, "
        << hours_text(c.only_in_whatif_people.people_hours_degraded()) << " degraded\n";
  }
  return out.str();
}

}  // namespace msout::report
