// Loading scenarios (msout-scenario/1) and resolving their selectors against a model.
//
// As with models, every error is collected with file and JSON pointer before one InputError
// is thrown.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/model.h"
#include "model/scenario.h"
#include "model/source_text.h"

namespace msout::model {

// Builds a scenario from a parsed document; problems go to `diags`.
Scenario build_scenario(const std::string& file, const nlohmann::json& document,
                        Diagnostics& diags);

// Parses and builds; throws InputError with every diagnostic.
Scenario load_scenario(const SourceText& source);
Scenario load_scenario_path(const std::filesystem::path& path);

// The entities each lever acts on, in model order (levers in scenario order). Ids that are
// not in the model are errors; a lever that selects nothing is a warning.
std::vector<std::vector<std::uint32_t>> resolve_levers(const Scenario& scenario, const Model& model,
                                                       Diagnostics& diags);

// The entity of each reported outcome (in scenario order). An id that is not in the model is
// an error at the outcome's .../entity, with the closest ids of the model as suggestions;
// its slot is then empty.
std::vector<std::optional<std::uint32_t>> resolve_reported(const Scenario& scenario,
                                                           const Model& model, Diagnostics& diags);

}  // namespace msout::model
