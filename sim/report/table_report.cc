#include "sim/report/table_report.h"

#include <algorithm>
#include <sstream>

#include "sim/report/cause_text.h"
#include "sim/report/people_figures.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

// "3 entries, 345 organisations", or with entries that give no count "5 entries: 345
// organisations in the 3 with a count, 2 without a count in the model".
std::string organisations_text(const std::vector<OrganisationOutcome>& organisations) {
  const OrganisationTotals totals = organisation_totals(organisations);
  std::string text = std::to_string(totals.entries) + (totals.entries == 1 ? " entry" : " entries");
  if (totals.without_count == 0) return text + ", " + total_text(totals.counted) + " organisations";
  const std::size_t with_count = totals.entries - totals.without_count;
  if (with_count == 0) return text + ", none with a count in the model";
  return text + ": " + total_text(totals.counted) + " organisations in the " +
         std::to_string(with_count) + " with a count, " + std::to_string(totals.without_count) +
         " without a count in the model";
}

}  // namespace

std::string assumption_lines(const Report& report) {
  if (report.assumptions.empty()) return "";
  std::string out =
      "  assumed where the sources name no provider (msout montecarlo weighs the others):\n";
  for (const std::string& a : report.assumptions) out += wrapped(a, "    ", "      ", 96);
  return out;
}

std::string table_report(const Report& report) {
  const model::Model& model = *report.model;
  std::ostringstream out;
  const std::string horizon = time_text(report.horizon);
  out << "msout: scenario \"" << report.scenario_name << "\" on model \"" << report.model_name
      << "\"\n";
  out << whatif_lines(report.whatif, "  ");
  out << "  horizon " << horizon << ", " << report.entities << " entities, " << report.edges
      << " dependencies simulated, " << report.events << " events"
      << (report.include_disputed ? ", disputed dependencies included" : "") << "\n";
  if (report.model_dependencies > report.edges) {
    out << "  (the model has " << report.model_dependencies
        << " dependencies: disputed ones and one_of alternatives not assumed are left out)\n";
  }
  out << assumption_lines(report);
  out << "\n";

  std::vector<const FunctionOutcome*> failed;
  std::vector<const FunctionOutcome*> working;
  for (const FunctionOutcome& f : report.functions) {
    (f.first_degraded ? failed : working).push_back(&f);
  }

  out << "CRITICAL FUNCTIONS THAT FAIL (" << failed.size() << " of " << report.functions.size()
      << ")\n";
  if (failed.empty()) {
    out << "  none\n";
  } else {
    TextTable table(
        {"function", "first degraded", "first down", "time down", "people", "at " + horizon});
    for (const FunctionOutcome* f : failed) {
      std::string final_state(cascade::to_string(f->final_state));
      if (f->black_start_blocked) final_state += " (black start)";
      table.add({model.entities[f->entity].name, optional_time_text(f->first_degraded),
                 optional_time_text(f->first_down), time_text(f->time_down), grouped(f->people),
                 final_state});
    }
    out << table.render("  ");
    out << "\nWHY AND WHEN\n";
    for (const FunctionOutcome* f : failed) {
      out << "  " << model.entities[f->entity].name << "\n";
      if (f->cause) {
        out << "    why:      " << cause_text(report, *f->cause) << "\n";
        for (const std::string& line : chain_sources(report, *f->cause)) {
          out << "    evidence: " << line << "\n";
        }
      }
      std::string timeline;
      for (const Interval& i : f->timeline) {
        if (!timeline.empty()) timeline += ", ";
        timeline += time_text(i.from) + " " + std::string(cascade::to_string(i.state));
      }
      out << "    timeline: " << timeline << "\n";
    }
  }

  out << "\nSTILL WORKING THROUGHOUT (" << working.size() << ")\n";
  if (working.empty()) out << "  none\n";
  for (const FunctionOutcome* f : working) {
    out << "  " << model.entities[f->entity].name << " (" << grouped(f->people) << " people)\n";
  }

  if (!report.organisations.empty()) {
    out << "\nORGANISATIONS AFFECTED (" << organisations_text(report.organisations) << ")\n";
    TextTable organisations(
        {"organisation", "count", "first degraded", "first down", "at " + horizon});
    for (const OrganisationOutcome& o : report.organisations) {
      organisations.add({model.entities[o.entity].name, o.count ? grouped(*o.count) : "not given",
                         time_text(o.first_degraded), optional_time_text(o.first_down),
                         std::string(cascade::to_string(o.final_state))});
    }
    out << organisations.render("  ");
  }

  // People are never summed over functions (people_figures.h): at least the widest one.
  out << "\nFUNCTIONS DOWN OVER TIME\n"
      << wrapped(
             "people: at least the people served by the most widely used function in that "
             "state, never a sum over functions (docs/report-format.md); " +
                 population_text(model.population),
             "  ", "  ", 96);
  TextTable over_time(
      {"from", "down", "degraded", "people down (at least)", "people degraded (at least)"});
  for (const SummaryPoint& p : report.over_time) {
    over_time.add({time_text(p.time), std::to_string(p.down), std::to_string(p.degraded),
                   grouped(p.people_down), grouped(p.people_degraded)});
  }
  out << over_time.render("  ");

  if (!report.black_start.blocked.empty()) {
    out << "\nBLACK START: cannot restart by themselves at " << horizon << "\n";
    for (const auto& cycle : report.black_start.cycles) {
      std::string names;
      for (std::uint32_t v : cycle)
        names += (names.empty() ? "" : " \u2194 ") + model.entities[v].name;
      out << "  cycle: " << names << "\n";
    }
    std::string waiting;
    for (std::uint32_t v : report.black_start.blocked) {
      const bool in_cycle =
          std::any_of(report.black_start.cycles.begin(), report.black_start.cycles.end(),
                      [&](const auto& c) { return std::find(c.begin(), c.end(), v) != c.end(); });
      if (!in_cycle) waiting += (waiting.empty() ? "" : ", ") + model.entities[v].name;
    }
    if (!waiting.empty()) out << "  waiting on them: " << waiting << "\n";
  }
  return out.str();
}

}  // namespace msout::report
