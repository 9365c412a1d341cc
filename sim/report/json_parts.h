// JSON pieces shared by the report formats (msout-report/1, msout-focus/1): a cause chain
// with the evidence for each link, and one entity's outcome. Keys are documented in
// docs/report-format.md.
#pragma once

#include <nlohmann/json.hpp>

#include "sim/report/report.h"

namespace msout::report {

using Json = nlohmann::ordered_json;

Json optional_seconds(const std::optional<std::int64_t>& t);

// The model's declared population as {"people", "source", "as_of"} (as_of "" where not
// given), or null where the model declares none (docs/report-format.md, "People figures").
Json population_json(const std::optional<model::Population>& population);

// The what-if overlays applied, in order, as the run formats name them: [{"name",
// "description", "file"}] (the analyses' whatif_json, applied_overlay.h, has no description).
Json run_whatif_json(const std::vector<AppliedOverlay>& whatif);

// The scenario as every run format names it: {"name", "description", "file", "levers":
// [{"id", "name", "at_s", "action"}]}.
Json scenario_json(const model::Scenario& scenario);

// The ids of `entities`, as a JSON array, in the order given.
Json ids_json(const model::Model& model, const std::vector<std::uint32_t>& entities);

Json chain_json(const Report& report, const cascade::CauseChain& chain);

// id, name, sector, people_served, state_at_horizon, first_degraded_s, first_down_s,
// time_down_s, time_degraded_s, people_hours_down, black_start_blocked, timeline, cause.
Json outcome_json(const Report& report, const FunctionOutcome& outcome);

}  // namespace msout::report
