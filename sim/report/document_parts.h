// Pieces of the neutral form (sim/render/document.h) shared by the documents of every
// result (a run, a focus view, a comparison, Monte Carlo, the analyses): cells for times,
// counts, changes and shares, typed columns, an outcome's timeline row, a cause chain with
// the evidence of every link, the scenario's levers as marks, and the graph of the cause
// chains. The counterpart of json_parts.h: a figure reads and exports the same everywhere.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

// The machine form of a figure as the JSON formats write it (nlohmann's shortest round-trip
// form: "0.95", "1.0"), so that CSV and JSON agree to the digit (probabilities, shares).
std::string decimal_value(double value);

// A change of time with its sign: "+2h", "-30m", "0s"; value the seconds.
render::Cell signed_time_cell(std::int64_t seconds);
// A change of people-hours with its sign: "+300", "-2,000"; value as people_hours_cell's.
render::Cell signed_people_hours_cell(double people_hours);
// A share in [0, 1]: text "67%", value the fraction (decimal_value).
render::Cell share_cell(double share);
// A state word ("up", "degraded", "down").
render::Cell state_cell(cascade::State state);

// "1 function", "3 functions": a count with its noun.
std::string counted(std::uint64_t n, const std::string& one, const std::string& many);

// The entities' ids (or names), in the order given, with `separator` between them.
std::string ids_text(const model::Model& model, const std::vector<std::uint32_t>& entities,
                     std::string_view separator = " ");
std::string names_text(const model::Model& model, const std::vector<std::uint32_t>& entities,
                       std::string_view separator);

// What the run assumed where the sources name no provider, as a block for the terminal and
// the page (Report::assumptions; msout montecarlo weighs the other members).
render::Block assumptions_block(const Report& report);

// One context line per what-if overlay applied, `what-if "NAME" (FILE)`, in order.
std::vector<std::string> whatif_context(const std::vector<AppliedOverlay>& whatif);

// Typed columns: a column's type decides how it sorts and aligns.
render::Column text_column(std::string key, std::string label, std::size_t terminal_width = 0);
render::Column count_column(std::string key, std::string label);
render::Column time_column(std::string key, std::string label);
render::Column number_column(std::string key, std::string label);
// The same column shown in CSV and HTML only (a name beside its id, an interval's bounds).
render::Column detail_column(render::Column column);

// True where the evidence for a link is less than confirmed (or absent): drawn dashed. A
// definition is not hedged: it is the model's own, and certain.
bool is_hedged(const model::Evidence& evidence);

// The entity's state over [0, horizon], one span per interval of its timeline.
render::TimelineRow timeline_row(const Report& report, const FunctionOutcome& outcome);

// The critical functions down and degraded from each of `points` on (a run's over-time
// figures), out of `functions`, with the levers marked.
render::Chart functions_over_time_chart(const std::vector<SummaryPoint>& points,
                                        std::size_t functions, std::int64_t horizon,
                                        std::vector<render::Mark> marks);

// The scenario's levers in time order, for a time axis.
std::vector<render::Mark> lever_marks(const model::Scenario& scenario, std::int64_t horizon);
// One lever as a mark: `"NAME" (ACTION)` at its time.
render::Mark lever_mark(const std::string& name, std::string_view action, std::int64_t at);

// Why the outcome's entity first failed: each step with the evidence for its link to the
// next (the dependency's own, else its group's; a link without a source says so).
render::Chain chain_of(const Report& report, const FunctionOutcome& outcome);

// The entities on the cause chains of `outcomes` and the links between consecutive steps,
// each once: the graph `--format dot` draws for a run.
render::Graph chains_graph(const Report& report,
                           const std::vector<const FunctionOutcome*>& outcomes, std::string title);

}  // namespace msout::report
