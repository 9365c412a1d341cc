#include "sim/report/focus_table.h"

#include <sstream>

#include "sim/report/cause_text.h"
#include "sim/report/table_report.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

std::string names(const model::Model& model, const std::vector<std::uint32_t>& entities,
                  const char* separator) {
  std::string text;
  for (std::uint32_t e : entities) text += (text.empty() ? "" : separator) + model.entities[e].name;
  return text;
}

void outcome_table(std::ostringstream& out, const model::Model& model,
                   const std::vector<FunctionOutcome>& outcomes, const std::string& horizon,
                   bool with_people) {
  std::vector<std::string> header{"", "first degraded", "first down", "time down"};
  if (with_people) header.push_back("people");
  header.push_back("at " + horizon);
  TextTable table(std::move(header));
  for (const FunctionOutcome& f : outcomes) {
    std::vector<std::string> row{model.entities[f.entity].name,
                                 optional_time_text(f.first_degraded),
                                 optional_time_text(f.first_down), time_text(f.time_down)};
    if (with_people) row.push_back(grouped(f.people));
    row.emplace_back(cascade::to_string(f.final_state));
    table.add(std::move(row));
  }
  out << table.render("  ");
}

void first_failure(std::ostringstream& out, const FocusReport& focus, const char* label,
                   const std::optional<std::size_t>& index, bool down) {
  if (!index) return;
  const FunctionOutcome& f = focus.functions[*index];
  const model::Model& model = *focus.report->model;
  out << "  " << label << model.entities[f.entity].name << " at "
      << time_text(down ? *f.first_down : *f.first_degraded) << "\n";
}

}  // namespace

std::string focus_table(const FocusReport& focus) {
  const Report& report = *focus.report;
  const model::Model& model = *report.model;
  const model::Entity& organisation = model.entities[focus.organisation];
  const std::string horizon = time_text(report.horizon);
  std::ostringstream out;
  out << "msout: " << organisation.name << " (" << organisation.id << ")";
  if (organisation.count > 1) out << ", " << grouped(organisation.count) << " organisations";
  out << "\n  scenario \"" << report.scenario_name << "\" on model \"" << report.model_name
      << "\", horizon " << horizon << "\n";
  for (const AppliedOverlay& overlay : report.whatif) {
    out << "  what-if \"" << overlay.name << "\" (" << overlay.file << ")\n";
  }
  out << assumption_lines(report);
  out << "  the organisation itself: "
      << (focus.own.first_degraded ? "first degraded " + time_text(*focus.own.first_degraded) +
                                         ", first down " + optional_time_text(focus.own.first_down)
                                   : std::string("up throughout"))
      << "\n\n";

  out << "FUNCTIONS IT PROVIDES (" << focus.functions.size() << ")\n";
  if (focus.functions.empty()) {
    out << "  none: no critical function in the model requires it\n";
  } else {
    outcome_table(out, model, focus.functions, horizon, true);
  }

  out << "\nWHAT FAILS FIRST, AND WHY\n";
  if (!focus.first_degraded) out << "  nothing fails within " << horizon << "\n";
  first_failure(out, focus, "first to fail:      ", focus.first_degraded, false);
  first_failure(out, focus, "first to go down:   ", focus.first_down, true);
  for (const FunctionOutcome& f : focus.functions) {
    if (!f.cause) continue;
    out << "  " << model.entities[f.entity].name << "\n";
    out << "    why:      " << cause_text(report, *f.cause) << "\n";
    for (const std::string& line : chain_sources(report, *f.cause)) {
      out << "    evidence: " << line << "\n";
    }
  }

  out << "\nSYSTEMS AND SUPPLIERS IT USES DIRECTLY (" << focus.systems.size() << ")\n";
  if (focus.systems.empty()) {
    out << "  none\n";
  } else {
    outcome_table(out, model, focus.systems, horizon, false);
  }

  out << "\nWHAT STILL WORKS, MOMENT BY MOMENT (functions and systems)\n";
  for (const FocusMoment& m : focus.moments) {
    out << "  at " << time_text(m.time) << ": " << m.up.size() << " up, " << m.degraded.size()
        << " degraded, " << m.down.size() << " down\n";
    if (!m.up.empty()) out << "    up:       " << names(model, m.up, ", ") << "\n";
    if (!m.degraded.empty()) out << "    degraded: " << names(model, m.degraded, ", ") << "\n";
    if (!m.down.empty()) out << "    down:     " << names(model, m.down, ", ") << "\n";
  }

  out << "\nITS SINGLE POINTS OF FAILURE (one permanent outage takes it or its functions down)\n";
  if (focus.single_points_of_failure.empty()) out << "  none\n";
  for (const FocusCut& cut : focus.single_points_of_failure) {
    out << "  " << names(model, cut.outage, " + ") << " -> " << names(model, cut.takes_down, ", ")
        << "\n";
  }
  out << "\nPAIRS OF OUTAGES THAT TAKE IT OR ITS FUNCTIONS DOWN (neither alone does)\n";
  if (focus.pairs.empty()) out << "  none\n";
  for (const FocusCut& cut : focus.pairs) {
    out << "  " << names(model, cut.outage, " + ") << " -> " << names(model, cut.takes_down, ", ")
        << "\n";
  }
  return out.str();
}

}  // namespace msout::report
