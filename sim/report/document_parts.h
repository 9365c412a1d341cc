// Pieces shared by the builders of render::Document (comparison_document.h,
// montecarlo_document.h, the analyses' *_document.h): cells that carry a figure both as
// worded for people and in the machine form of the result's JSON, the what-if context
// lines, and the engine's states as the renderers name them. One place, so that a duration,
// a people count or a probability reads and exports the same in every result.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.h"
#include "sim/cascade/state.h"
#include "sim/render/document.h"
#include "sim/report/applied_overlay.h"

namespace msout::report {

render::State render_state(cascade::State state);

// The machine form of a figure, as the JSON formats write it (nlohmann's shortest
// round-trip form: "0.95", "2000.0"), so that CSV and JSON agree to the digit.
std::string decimal_value(double value);

// A duration: text "1d2h" (time_text), value the seconds.
render::Cell duration_cell(std::int64_t seconds);
// The same with a sign for a change: "+2h", "-30m", "0s".
render::Cell signed_duration_cell(std::int64_t seconds);
// A time that may not have come: text `absent` ("-", "never"), value empty.
render::Cell optional_duration_cell(const std::optional<std::int64_t>& seconds,
                                    const char* absent = "-");
// A whole number: text "1,234,567", value "1234567".
render::Cell count_cell(std::uint64_t count);
// A saturating sum of people or organisations: "at least …" where it saturated.
render::Cell total_cell(std::uint64_t sum);
// People-hours: text rounded and grouped, value as the JSON writes it.
render::Cell people_hours_cell(double people_hours);
// A change in people-hours: "+300", "-2,000".
render::Cell signed_people_hours_cell(double people_hours);
// A share in [0, 1]: text "67%", value the fraction.
render::Cell share_cell(double share);
// A state word ("up", "degraded", "down").
render::Cell state_cell(cascade::State state);

// "1 function", "3 functions": a count with its noun.
std::string counted(std::uint64_t n, const std::string& one, const std::string& many);

// One context line per overlay applied, `what-if "NAME" (FILE)`, in the order applied.
std::vector<std::string> whatif_context(const std::vector<AppliedOverlay>& whatif);

// The scenario's levers as marks on a time axis (label: the lever's name).
std::vector<render::Mark> lever_marks(const model::Scenario& scenario);

// Column factories: a column's type decides how it sorts and aligns.
render::Column text_column(std::string key, std::string label, std::size_t terminal_width = 0);
render::Column count_column(std::string key, std::string label);
render::Column duration_column(std::string key, std::string label);
render::Column number_column(std::string key, std::string label);
// Shown in CSV and HTML only (a quote, a source, an interval's bounds).
render::Column detail_column(render::Column column);

}  // namespace msout::report
