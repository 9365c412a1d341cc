// `msout validate`: check model and scenario files and report every error found.
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <boost/program_options.hpp>

#include "model/catalogue.h"
#include "model/compact_model.h"
#include "model/dead_levers.h"
#include "model/file_format.h"
#include "model/frozen_graph.h"
#include "model/import/cyclonedx_inventory.h"
#include "model/import/dora_register.h"
#include "model/import/report_package.h"
#include "model/json_document.h"
#include "model/model_graph.h"
#include "model/model_loader.h"
#include "model/overlay.h"
#include "model/printable_text.h"
#include "model/scenario_loader.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/model_input.h"

namespace msout::cli {

namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

std::string quoted_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + model::quoted(item);
  return out;
}

constexpr const char* kValidateHelp = R"(Usage: msout validate [--model PATH] PATH...

Checks model, scenario and what-if overlay files (each file says which it is in its
"format" key) and prints OK or every error found, with the file and the JSON pointer or
line and column. A directory is searched recursively for *.json files (JSON Schema files,
*.schema.json, are skipped); model files in one directory form one model. A scenario is
also checked against a model: the one given with --model, else a model/ directory beside
it, else the one argument that holds only model files (as in: msout validate model/nl
scenarios). An overlay is checked alone and then applied to a model found the same way,
where a model/ directory beside the overlay's directory also counts (scenarios/hospital/
model for scenarios/hospital/whatif/*.json). A compact model file (msout generate
--format compact) given by name is recognised by its first bytes and checked alone; given
as --model, the scenarios are checked against its entities (ids, kinds, jurisdictions, tags).
The registers `msout import` reads are checked as the import reads them: an xBRL-CSV
package's report.json stands for its DORA Register of Information (every table beside it),
and a CycloneDX inventory ("bomFormat": "CycloneDX") is read as an inventory.
Exit code 0 if everything is valid, 3 if not.

Options)";

struct Inputs {
  std::map<fs::path, std::vector<model::ModelDocument>> models;  // by directory
  std::vector<std::pair<std::string, nlohmann::json>> scenarios;
  std::vector<std::pair<std::string, nlohmann::json>> overlays;
};

// A compact model (docs/compact-format.md) is checked on its own: no scenario refers to it.
void check_compact_model(const fs::path& file, model::Diagnostics& diags) {
  try {
    const model::CompactModel m = model::read_compact(file);
    std::cout << "OK  " << model::printable(file.string())
              << " (compact model: " << m.entities.size() << " entities, " << m.graph.edge_count()
              << " dependencies)\n";
  } catch (const model::InputError& e) {
    for (const model::Diagnostic& d : e.diagnostics()) diags.error(d.file, d.where, d.message);
  }
}

// An xBRL-CSV report package (a DORA Register of Information): its report.json stands for
// the package, whose tables are checked as `msout import dora-roi` reads them; the package's
// META-INF/reportPackage.json is part of it and checked with it.
void check_report_package(const fs::path& file, const nlohmann::json& json,
                          model::Diagnostics& diags) {
  const std::string type = json["documentInfo"].value("documentType", "");
  if (type.find("report-package") != std::string::npos) return;
  try {
    const model::DoraRegister reg =
        model::read_dora_register(model::read_report_package(file.parent_path()));
    std::cout << "OK  " << model::printable(file.string())
              << " (DORA Register of Information: " << reg.providers.size() << " providers, "
              << reg.functions.size() << " functions; msout import dora-roi reads it)\n";
    for (const model::Diagnostic& d : reg.warnings) diags.warning(d.file, d.where, d.message);
  } catch (const model::InputError& e) {
    for (const model::Diagnostic& d : e.diagnostics()) diags.error(d.file, d.where, d.message);
  }
}

// A CycloneDX inventory, checked as `msout import cyclonedx` reads it.
void check_cyclonedx(const model::SourceText& source, model::Diagnostics& diags) {
  try {
    const model::CycloneDxInventory inv = model::read_cyclonedx_inventory(source);
    std::cout << "OK  " << model::printable(source.name) << " (CycloneDX inventory of "
              << model::quoted(inv.org_name) << ": " << inv.items.size()
              << " services and components; msout import cyclonedx reads it)\n";
  } catch (const model::InputError& e) {
    for (const model::Diagnostic& d : e.diagnostics()) diags.error(d.file, d.where, d.message);
  }
}

void collect(const fs::path& file, Inputs& inputs, model::Diagnostics& diags) {
  if (model::is_compact_file(file)) {
    check_compact_model(file, diags);
    return;
  }
  model::SourceText source = model::read_source(file);
  auto json = model::parse_json(source, diags);
  if (!json) return;
  if (json->is_object() && json->contains("documentInfo") && (*json)["documentInfo"].is_object() &&
      !json->contains("format")) {
    check_report_package(file, *json, diags);
    return;
  }
  if (json->is_object() && json->contains("bomFormat") && !json->contains("format")) {
    check_cyclonedx(source, diags);
    return;
  }
  auto format = model::format_of(*json);
  if (format == model::kModelFormat) {
    inputs.models[file.parent_path()].push_back({source.name, std::move(*json)});
  } else if (format == model::kScenarioFormat) {
    inputs.scenarios.emplace_back(source.name, std::move(*json));
  } else if (format == model::kOverlayFormat) {
    inputs.overlays.emplace_back(source.name, std::move(*json));
  } else {
    diags.error(source.name, "/format",
                "not an msout file: expected \"format\": \"" + std::string(model::kModelFormat) +
                    "\", \"" + std::string(model::kScenarioFormat) + "\" or \"" +
                    std::string(model::kOverlayFormat) + "\"");
  }
}

void collect_directory(const std::string& arg, Inputs& inputs, model::Diagnostics& diags) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(arg, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (it->is_regular_file(ec) && it->path().extension() == ".json" &&
        !name.ends_with(".schema.json")) {
      files.push_back(it->path());
    }
  }
  if (ec) throw model::IoError(arg + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  if (files.empty()) diags.error(arg, "", "no *.json file to check in this directory");
  for (const fs::path& file : files) collect(file, inputs, diags);
}

std::size_t model_documents(const Inputs& inputs) {
  std::size_t n = 0;
  for (const auto& [directory, documents] : inputs.models) n += documents.size();
  return n;
}

// Prints the errors and warnings added since `from` (errors, warnings) was taken.
void report(const model::Diagnostics& diags, std::pair<std::size_t, std::size_t> from) {
  for (std::size_t i = from.first; i < diags.errors().size(); ++i) {
    std::cerr << "error: " << diags.errors()[i].to_string() << "\n";
  }
  for (std::size_t i = from.second; i < diags.warnings().size(); ++i) {
    std::cerr << "warning: " << diags.warnings()[i].to_string() << "\n";
  }
}

std::pair<std::size_t, std::size_t> mark(const model::Diagnostics& diags) {
  return {diags.errors().size(), diags.warnings().size()};
}

}  // namespace

int validate_command(const std::vector<std::string>& args) {
  po::options_description options(kValidateHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model to check scenarios against")
      ("path", po::value<std::vector<std::string>>(), "files or directories to check");
  // clang-format on
  po::positional_options_description positional;
  positional.add("path", -1);
  po::variables_map vm;
  if (!parse_arguments(args, options, vm, &positional)) return kExitOk;
  if (vm.count("path") == 0) throw UsageError("validate: give at least one file or directory");

  model::Diagnostics diags;
  Inputs inputs;
  std::vector<fs::path> model_arguments;
  for (const std::string& arg : vm["path"].as<std::vector<std::string>>()) {
    const fs::path path(arg);
    require_exists(arg);
    std::set<fs::path> models_before;
    for (const auto& [directory, documents] : inputs.models) models_before.insert(directory);
    const std::size_t scenarios_before = inputs.scenarios.size();
    const std::size_t overlays_before = inputs.overlays.size();
    const std::size_t documents_before = model_documents(inputs);
    if (std::error_code ec; !fs::is_directory(path, ec)) {
      collect(path, inputs, diags);
    } else {
      collect_directory(arg, inputs, diags);
    }
    // An argument that holds model files only is a model argument: scenarios without a model
    // of their own are checked against it when it is the only one.
    // (The models map is ordered by path: the new model is the key that was not there before.)
    if (inputs.scenarios.size() == scenarios_before && inputs.overlays.size() == overlays_before &&
        model_documents(inputs) > documents_before &&
        inputs.models.size() == models_before.size() + 1) {
      for (const auto& [directory, documents] : inputs.models) {
        if (!models_before.contains(directory)) model_arguments.push_back(directory);
      }
    }
  }
  report(diags, {0, 0});

  std::map<fs::path, model::Model> valid_models;
  for (const auto& [directory, documents] : inputs.models) {
    const auto before = mark(diags);
    model::Model m = model::build_model(documents, diags);
    report(diags, before);
    if (diags.errors().size() != before.first) continue;
    std::size_t dependencies = 0;
    for (const model::Entity& e : m.entities) {
      for (const model::Requirement& r : e.requirements) dependencies += r.members.size();
    }
    // msout run simulates fewer: it leaves out the disputed dependencies and the one_of
    // alternatives it does not assume. Say so, so that the two counts never look at odds.
    const std::size_t simulated = model::FrozenGraph::freeze(m, {}).edge_count();
    const std::size_t cycles = model::dependency_cycles(m).size();
    const std::string where =
        documents.size() == 1 ? documents.front().file : directory.string() + "/";
    std::cout << "OK  " << where << " (model: " << m.entities.size() << " entities, "
              << dependencies << " dependencies, " << cycles << " cycle"
              << (cycles == 1 ? "" : "s");
    if (simulated != dependencies) {
      std::cout << "; msout run simulates " << simulated << " of the dependencies, leaving out "
                << dependencies - simulated
                << " disputed ones or one_of alternatives it does not assume";
    }
    std::cout << ")\n";
    valid_models.emplace(directory, std::move(m));
  }

  std::optional<model::Model> given_model;
  // A compact --model: scenarios are checked against its entity table (ids, kinds,
  // jurisdictions, tags), as msout run resolves them on it.
  std::optional<model::CompactModel> given_compact;
  if (vm.count("model") != 0) {
    const std::string path = vm["model"].as<std::string>();
    require_exists(path);
    if (model::is_compact_file(path)) {
      given_compact = model::read_compact(path);
    } else {
      given_model = model::load_model_path(path);
    }
  }
  // The model to check a scenario or overlay against: --model; else a model/ directory
  // beside the file (for an overlay also one beside the file's directory); else the one
  // model argument. nullptr when there is none, or when the model found is itself invalid
  // (its errors are reported when it is validated).
  std::map<fs::path, std::optional<model::Model>> loaded;
  auto model_for = [&](const std::string& file, bool one_level_up) -> const model::Model* {
    if (given_model) return &*given_model;
    if (given_compact) return nullptr;  // scenarios are checked on its table; no overlay fits
    const fs::path directory = fs::path(file).parent_path();
    std::vector<fs::path> candidates{directory / "model"};
    if (one_level_up && !directory.empty()) candidates.push_back(directory.parent_path() / "model");
    for (const fs::path& candidate : candidates) {
      if (auto it = valid_models.find(candidate); it != valid_models.end()) return &it->second;
      if (std::error_code ec; !fs::is_directory(candidate, ec)) continue;
      auto [it, inserted] = loaded.try_emplace(candidate);
      if (inserted) {
        try {
          it->second = model::load_model_path(candidate);
        } catch (const model::InputError&) {
          return nullptr;
        } catch (const model::IoError&) {
          // A directory named model that holds no model (such as the repository's own).
          loaded.erase(it);
          continue;
        }
      }
      return it->second ? &*it->second : nullptr;
    }
    if (model_arguments.size() == 1) {
      if (auto only = valid_models.find(model_arguments.front()); only != valid_models.end()) {
        return &only->second;
      }
    }
    return nullptr;
  };

  // The what-ifs validated in this run, each applied on its own to its model: a lever dead on
  // a model may act with one of them (docs/model-format.md, "Lever"). Their own errors are
  // reported below, where each overlay is validated.
  struct WhatIf {
    const model::Model* base;
    std::string name;
    model::Model patched;
  };
  std::vector<WhatIf> whatifs;
  for (const auto& [file, json] : inputs.overlays) {
    model::Diagnostics quiet;
    const model::Overlay overlay = model::build_overlay(file, json, quiet);
    const model::Model* against = model_for(file, /*one_level_up=*/true);
    if (against == nullptr || quiet.has_errors()) continue;
    model::Model patched = *against;
    model::apply_overlay(patched, overlay, quiet);
    if (!quiet.has_errors()) whatifs.push_back({against, file, std::move(patched)});
  }

  for (const auto& [file, json] : inputs.scenarios) {
    const auto before = mark(diags);
    model::Scenario scenario = model::build_scenario(file, json, diags);
    const model::Model* against = model_for(file, /*one_level_up=*/false);
    model::Diagnostics resolution;
    std::vector<model::LeverActingOnlyWithWhatIfs> acting_only_with;
    if (given_compact && diags.errors().size() == before.first) {
      given_compact->entities.resolve_levers(scenario, resolution);
      const model::Catalogue names = model::Catalogue::of(given_compact->entities, "", {});
      for (const model::ReportedOutcome& r : scenario.reported) {
        if (!names.find(r.entity)) {
          resolution.error(r.place.file, r.place.pointer + "/entity",
                           "reported outcome names unknown entity " + model::quoted(r.entity));
        }
      }
      diags.append(resolution);
    } else if (against != nullptr && diags.errors().size() == before.first) {
      const auto selected = model::resolve_levers(scenario, *against, resolution);
      model::resolve_reported(scenario, *against, resolution);
      if (!resolution.has_errors()) {
        std::vector<model::WhatIfModel> with;
        for (const WhatIf& w : whatifs) {
          if (w.base == against) with.push_back({w.name, &w.patched});
        }
        acting_only_with = model::warn_dead_levers(scenario, *against, selected, resolution, with);
      }
      diags.append(resolution);
    }
    report(diags, before);
    if (diags.errors().size() != before.first) continue;
    const std::size_t levers = scenario.levers.size();
    const std::size_t reported = scenario.reported.size();
    std::cout << "OK  " << file << " (scenario: " << levers << " lever" << (levers == 1 ? "" : "s");
    if (reported > 0) {
      std::cout << ", " << reported << " reported outcome" << (reported == 1 ? "" : "s");
    }
    if (against != nullptr || given_compact) {
      std::cout << (reported > 0 ? ", selectors and reported entities" : ", selectors")
                << " checked against the " << (given_compact ? "compact model" : "model");
    }
    std::cout << ")\n";
    for (const model::LeverActingOnlyWithWhatIfs& a : acting_only_with) {
      std::cout << "    lever " << model::quoted(scenario.levers[a.lever].id)
                << " acts only with what-if " << quoted_list(a.whatifs)
                << ": nothing in the model itself depends on what it selects\n";
    }
  }

  for (const auto& [file, json] : inputs.overlays) {
    const auto before = mark(diags);
    const model::Overlay overlay = model::build_overlay(file, json, diags);
    const model::Model* against = model_for(file, /*one_level_up=*/true);
    std::size_t entities = 0;
    if (against != nullptr && diags.errors().size() == before.first) {
      model::Model patched = *against;  // each overlay on its own, never cumulatively
      model::apply_overlay(patched, overlay, diags);
      entities = patched.entities.size();
    }
    report(diags, before);
    if (diags.errors().size() != before.first) continue;
    std::cout << "OK  " << file << " (overlay \"" << overlay.name << "\"";
    if (against != nullptr) {
      std::cout << ", applied to the model: " << entities << " entities after it";
    } else {
      std::cout << ", no model found to apply it to";
    }
    std::cout << ")\n";
  }
  return diags.has_errors() ? kExitInvalidInput : kExitOk;
}

}  // namespace msout::cli
