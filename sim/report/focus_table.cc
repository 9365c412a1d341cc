#include "sim/report/focus_table.h"

#include <sstream>

#include "sim/report/cause_text.h"
#include "sim/report/text_table.h"

namespace msout::report {
namespace {

// The "assumed where the sources name no provider" lines of the header (empty when the run
// assumed nothing).
std::string assumption_lines(const Report& report) {
  if (report.assumptions.empty()) return "";
  std::string out =
      "  assumed where the sources name no provider (msout montecarlo weighs the others):\n";
  for (const std::string& a : report.assumptions) out += wrapped(a, "    ", "      ", 96);
  return out;
}

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

// "why:" and "evidence:" lines of a cause chain.
void cause_lines(std::ostringstream& out, const Report& report, const cascade::CauseChain& cause,
                 const char* indent) {
  out << indent << "why:      " << cause_text(report, cause) << "\n";
  for (const std::string& line : chain_sources(report, cause)) {
    out << indent << "evidence: " << line << "\n";
  }
}

// The time `entity` (the organisation, a function or a system) first reached its state.
std::int64_t first_time(const FocusReport& focus, std::uint32_t entity, bool down) {
  auto time_of = [&](const FunctionOutcome& o) { return down ? *o.first_down : *o.first_degraded; };
  if (entity == focus.organisation) return time_of(focus.own);
  for (const FunctionOutcome& f : focus.functions) {
    if (f.entity == entity) return time_of(f);
  }
  for (const FunctionOutcome& s : focus.systems) {
    if (s.entity == entity) return time_of(s);
  }
  return 0;
}

}  // namespace

std::string focus_table(const FocusReport& focus) {
  const Report& report = *focus.report;
  const model::Model& model = *report.model;
  const model::Entity& organisation = model.entities[focus.organisation];
  const std::string horizon = time_text(report.horizon);
  std::ostringstream out;
  out << "msout: " << organisation.name << " (" << organisation.id << ")";
  if (organisation.count_given && organisation.count > 1)
    out << ", " << grouped(organisation.count) << " organisations";
  out << "\n  scenario \"" << report.scenario_name << "\" on model \"" << report.model_name
      << "\", horizon " << horizon << "\n";
  for (const AppliedOverlay& overlay : report.whatif) {
    out << "  what-if \"" << overlay.name << "\" (" << overlay.file << ")\n";
  }
  out << assumption_lines(report);
  out << "  " << focus_headline(focus) << "\n\n";

  if (focus.own.cause) {
    out << "WHY THE ORGANISATION ITSELF FAILS\n";
    cause_lines(out, report, *focus.own.cause, "  ");
  } else {
    std::size_t failing = 0;
    for (const FunctionOutcome& f : focus.functions) failing += f.first_degraded ? 1 : 0;
    out << "THE ORGANISATION ITSELF\n  it does not fail within " << horizon;
    if (failing > 0) {
      out << "; " << failing << " of the " << focus.functions.size()
          << " functions it provides do (how: below)";
    }
    out << "\n";
  }

  out << "\n";

  out << "FUNCTIONS IT PROVIDES (" << focus.functions.size() << ")\n";
  if (focus.functions.empty()) {
    out << "  none: no critical function in the model requires it\n";
  } else {
    outcome_table(out, model, focus.functions, horizon, true);
  }
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    const std::size_t peers = focus.roles[i].peers.size();
    if (peers == 0) continue;
    out << "  " << model.entities[focus.functions[i].entity].name << ": shared with " << peers
        << " other organisation" << (peers == 1 ? "" : "s") << " ("
        << names(model, focus.roles[i].peers, ", ") << ")\n";
  }

  out << "\nWHAT FAILS FIRST, AND WHY (the organisation, its functions and its systems)\n";
  if (!focus.first_to_fail) {
    out << "  nothing fails within " << horizon
        << ": the organisation, its functions and its systems stay up\n";
  }
  if (focus.first_to_fail) {
    out << "  first to fail:      " << model.entities[*focus.first_to_fail].name << " at "
        << time_text(first_time(focus, *focus.first_to_fail, false)) << "\n";
  }
  if (focus.first_to_go_down) {
    out << "  first to go down:   " << model.entities[*focus.first_to_go_down].name << " at "
        << time_text(first_time(focus, *focus.first_to_go_down, true)) << "\n";
  }
  if (!focus.functions.empty() && !focus.first_degraded) {
    out << "  none of the functions it provides fails within " << horizon << "\n";
  }
  for (std::size_t i = 0; i < focus.functions.size(); ++i) {
    const FunctionOutcome& f = focus.functions[i];
    if (!f.cause) continue;
    out << "  " << model.entities[f.entity].name << ": " << route_text(focus, focus.roles[i])
        << "\n";
    cause_lines(out, report, *f.cause, "    ");
  }

  out << "\nSYSTEMS AND SUPPLIERS IT USES DIRECTLY (" << focus.systems.size() << ")\n";
  if (focus.systems.empty()) {
    out << "  none\n";
  } else {
    outcome_table(out, model, focus.systems, horizon, false);
  }

  out << "\nWHAT STILL WORKS, MOMENT BY MOMENT (the organisation, its functions and systems)\n";
  for (const FocusMoment& m : focus.moments) {
    out << "  at " << time_text(m.time) << ": " << m.up.size() << " up, " << m.degraded.size()
        << " degraded, " << m.down.size() << " down\n";
    if (!m.up.empty()) out << "    up:       " << names(model, m.up, ", ") << "\n";
    if (!m.degraded.empty()) out << "    degraded: " << names(model, m.degraded, ", ") << "\n";
    if (!m.down.empty()) out << "    down:     " << names(model, m.down, ", ") << "\n";
  }

  out << "\nITS SINGLE POINTS OF FAILURE (one permanent outage takes it, or a function only it\n"
      << "provides, down)\n";
  if (focus.single_points_of_failure.empty()) out << "  none\n";
  for (const FocusCut& cut : focus.single_points_of_failure) {
    out << "  " << names(model, cut.outage, " + ") << " -> " << names(model, cut.takes_down, ", ")
        << "\n";
  }
  out << "\nPAIRS OF OUTAGES THAT TAKE IT, OR A FUNCTION ONLY IT PROVIDES, DOWN (neither alone\n"
      << "does)\n";
  if (focus.pairs.empty()) out << "  none\n";
  for (const FocusCut& cut : focus.pairs) {
    out << "  " << names(model, cut.outage, " + ") << " -> " << names(model, cut.takes_down, ", ")
        << "\n";
  }
  return out.str();
}

}  // namespace msout::report
