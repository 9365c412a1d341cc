// Pieces of the neutral form (sim/render/document.h) shared by the documents of a run, a
// focus view and a comparison: cells for times and counts, an outcome's timeline row, a
// cause chain with the evidence of every link, the scenario's levers as marks, and the
// graph of the cause chains. The counterpart of json_parts.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/render/document.h"
#include "sim/report/report.h"

namespace msout::report {

// A time: text "4h" (or `absent` where none came), value the seconds (or empty).
render::Cell time_cell(const std::optional<std::int64_t>& seconds, const char* absent = "-");

// A count of people or organisations: text "18,000,000" ("at least …" for a saturated sum),
// value the whole number.
render::Cell count_cell(std::uint64_t count);

// People-hours: text rounded and grouped, value with one decimal.
render::Cell people_hours_cell(double people_hours);

render::State render_state(cascade::State state);

// The entity's state over [0, horizon], one span per interval of its timeline.
render::TimelineRow timeline_row(const Report& report, const FunctionOutcome& outcome);

// The scenario's levers in time order, for a time axis.
std::vector<render::Mark> lever_marks(const model::Scenario& scenario, std::int64_t horizon);

// Why the outcome's entity first failed: each step with the evidence for its link to the
// next (the dependency's own, else its group's; a link without a source says so).
render::Chain chain_of(const Report& report, const FunctionOutcome& outcome);

// The entities on the cause chains of `outcomes` and the links between consecutive steps,
// each once: the graph `--format dot` draws for a run.
render::Graph chains_graph(const Report& report,
                           const std::vector<const FunctionOutcome*>& outcomes, std::string title);

}  // namespace msout::report
