// What a command works on: the model, `--model PATH` (a model file or a directory of model
// files) or, without it, the embedded Netherlands model (embedded_defaults.h), with the
// `--whatif FILE` overlays (model/overlay.h) applied in the order given; and for the
// commands that simulate, the `--scenario` files or the embedded default scenario. `msout
// run`, `compare` and every `msout analyze` analysis read their model this way, so that an
// overlay means the same to all of them.
//
//   PatchedModel input = load_patched_model(vm);   // vm holds --model and --whatif
//   ... analyse input.model; name input.whatif in the output ...
#pragma once

#include <string>
#include <vector>

#include <boost/program_options/variables_map.hpp>

#include "model/model.h"
#include "model/overlay.h"
#include "model/scenario.h"
#include "sim/report/applied_overlay.h"

namespace msout::cli {

// A model with the overlays applied to it, and what the outputs name.
struct PatchedModel {
  model::Model model;
  std::vector<report::AppliedOverlay> whatif;  // in the order applied; empty for none
};

// Throws model::IoError "PATH: no such file or directory" unless `path` exists.
void require_exists(const std::string& path);

// True where --model names a compact model file (msout generate; docs/compact-format.md).
bool compact_model_given(const boost::program_options::variables_map& vm);

// For a compact --model: throws UsageError for an option it cannot honour (--whatif: it
// cannot be patched; --include-disputed: it holds no evidence).
void refuse_options_for_compact(const boost::program_options::variables_map& vm);

// --model PATH, or the embedded default model; its warnings go to standard error. Throws
// model::IoError or model::InputError.
model::Model load_model_option(const boost::program_options::variables_map& vm);

// Reads every overlay file and reports the errors of all of them at once (one
// model::InputError); a missing or unreadable file throws model::IoError.
std::vector<model::Overlay> load_overlays(const std::vector<std::string>& paths);

// Applies `overlays` to `model` in order. An overlay that does not fit the model throws
// model::InputError and stops there, as later ones would patch a broken model. Returns what
// the outputs name.
std::vector<report::AppliedOverlay> apply_overlays(model::Model& model,
                                                   const std::vector<model::Overlay>& overlays);

// The `--whatif` files given (none when the option is absent).
std::vector<std::string> whatif_paths(const boost::program_options::variables_map& vm);

// load_model_option, then the --whatif overlays (if any) loaded and applied.
PatchedModel load_patched_model(const boost::program_options::variables_map& vm);

// One --scenario value: a scenario file, or, if no such file exists, the name of a scenario
// shipped with msout (scenarios/nl/<name>.json, embedded: "aws-out"). Throws model::IoError
// (no such file, with the closest shipped names) or model::InputError.
model::Scenario load_scenario_argument(const std::string& value);

// The name a shipped scenario is found by: its file name without ".json".
std::string shipped_scenario_name(const model::SourceText& source);

// The --scenario values, in the order given, or the embedded default scenario.
std::vector<model::Scenario> load_scenarios(const boost::program_options::variables_map& vm);

// Help text of an analysis' --whatif option (run and compare word their own).
inline constexpr const char* kWhatifOptionHelp =
    "what-if overlay (msout-overlay/1) to patch the model with first; repeat it to apply "
    "several, in order";

}  // namespace msout::cli
