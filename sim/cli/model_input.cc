#include "sim/cli/model_input.h"

#include <filesystem>
#include <system_error>

#include "model/compact_model.h"
#include "model/json_document.h"
#include "model/model_loader.h"
#include "model/printable_text.h"
#include "model/scenario_loader.h"
#include "model/source_text.h"
#include "model/suggestions.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"

namespace msout::cli {

void require_exists(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    throw model::IoError(model::printable(path) + ": no such file or directory");
  }
}

bool compact_model_given(const boost::program_options::variables_map& vm) {
  return vm.count("model") != 0 && model::is_compact_file(vm["model"].as<std::string>());
}

void refuse_options_for_compact(const boost::program_options::variables_map& vm) {
  if (vm.count("whatif") != 0) {
    throw UsageError("--whatif needs a JSON model: a compact model cannot be patched");
  }
  if (vm.count("include-disputed") != 0) {
    throw UsageError(
        "--include-disputed: a compact model holds no evidence, so no dependency is disputed; "
        "every one is simulated");
  }
}

model::Model load_model_option(const boost::program_options::variables_map& vm) {
  model::Diagnostics warnings;
  model::Model model = vm.count("model") != 0
                           ? model::load_model_path(vm["model"].as<std::string>(), &warnings)
                           : model::load_model(embedded_default_model(), &warnings);
  print_warnings(warnings);
  return model;
}

std::vector<model::Overlay> load_overlays(const std::vector<std::string>& paths) {
  // Not model::load_overlay_path: that stops at the first bad file, and a user who gives
  // several overlays wants to fix them all in one go.
  model::Diagnostics diags;
  std::vector<model::Overlay> overlays;
  for (const std::string& path : paths) {
    require_exists(path);
    const model::SourceText source = model::read_source(path);
    if (auto document = model::parse_json(source, diags)) {
      overlays.push_back(model::build_overlay(source.name, *document, diags));
    }
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  return overlays;
}

std::vector<report::AppliedOverlay> apply_overlays(model::Model& model,
                                                   const std::vector<model::Overlay>& overlays) {
  std::vector<report::AppliedOverlay> applied;
  for (const model::Overlay& overlay : overlays) {
    model::apply_overlay(model, overlay);
    applied.push_back({overlay.name, overlay.description, overlay.file});
  }
  return applied;
}

std::vector<std::string> whatif_paths(const boost::program_options::variables_map& vm) {
  return vm.count("whatif") != 0 ? vm["whatif"].as<std::vector<std::string>>()
                                 : std::vector<std::string>{};
}

PatchedModel load_patched_model(const boost::program_options::variables_map& vm) {
  PatchedModel input{load_model_option(vm), {}};
  input.whatif = apply_overlays(input.model, load_overlays(whatif_paths(vm)));
  return input;
}

std::string shipped_scenario_name(const model::SourceText& source) {
  return std::filesystem::path(source.name).stem().string();
}

model::Scenario load_scenario_argument(const std::string& value) {
  std::error_code ec;
  if (std::filesystem::exists(value, ec)) return model::load_scenario_path(value);
  // A bare name (no folder, no extension) names a shipped scenario; a path that does not
  // exist is an error, never a quiet fall-back to a shipped file.
  const bool bare = value.find('/') == std::string::npos && !value.ends_with(".json");
  std::vector<std::string> names;
  for (const model::SourceText& source : embedded_scenarios()) {
    if (bare && shipped_scenario_name(source) == value) return model::load_scenario(source);
    names.push_back(shipped_scenario_name(source));
  }
  throw model::IoError(model::printable(value) + ": no such file or directory" +
                       (bare ? ", and no shipped scenario of that name" +
                                   model::did_you_mean(value, names) + " (msout list scenarios)"
                             : ""));
}

std::vector<model::Scenario> load_scenarios(const boost::program_options::variables_map& vm) {
  std::vector<model::Scenario> scenarios;
  if (vm.count("scenario") == 0) {
    scenarios.push_back(model::load_scenario(embedded_default_scenario()));
    return scenarios;
  }
  for (const std::string& value : vm["scenario"].as<std::vector<std::string>>()) {
    scenarios.push_back(load_scenario_argument(value));
  }
  return scenarios;
}

}  // namespace msout::cli
