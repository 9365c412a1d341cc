// `msout validate`: check model and scenario files and report every error found.
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <boost/program_options.hpp>

#include "model/file_format.h"
#include "model/json_document.h"
#include "model/model_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cli/commands.h"

namespace msout::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

namespace {

constexpr const char* kValidateHelp = R"(Usage: msout validate [--model PATH] PATH...

Checks model and scenario files (each file says which it is in its "format" key) and
prints OK or every error found, with the file and the JSON pointer or line and column.
A directory is searched recursively for *.json files (JSON Schema files, *.schema.json,
are skipped); model files in one directory form one model. A scenario is also checked
against a model: the one given with --model, else a model/ directory beside it, else the
one argument that holds only model files (as in: msout validate model/nl scenarios).
Exit code 0 if everything is valid, 3 if not.

Options)";

struct Inputs {
  std::map<fs::path, std::vector<model::ModelDocument>> models;  // by directory
  std::vector<std::pair<std::string, nlohmann::json>> scenarios;
};

void collect(const fs::path& file, Inputs& inputs, model::Diagnostics& diags) {
  model::SourceText source = model::read_source(file);
  auto json = model::parse_json(source, diags);
  if (!json) return;
  auto format = model::format_of(*json);
  if (format == model::kModelFormat) {
    inputs.models[file.parent_path()].push_back({source.name, std::move(*json)});
  } else if (format == model::kScenarioFormat) {
    inputs.scenarios.emplace_back(source.name, std::move(*json));
  } else {
    diags.error(source.name, "/format",
                "not an msout file: expected \"format\": \"" + std::string(model::kModelFormat) +
                    "\" or \"" + std::string(model::kScenarioFormat) + "\"");
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

void report(const model::Diagnostics& diags, std::size_t from) {
  for (std::size_t i = from; i < diags.errors().size(); ++i) {
    std::cerr << "error: " << diags.errors()[i].to_string() << "\n";
  }
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
    std::error_code ec;
    if (!fs::exists(path, ec)) throw model::IoError(arg + ": no such file or directory");
    std::set<fs::path> models_before;
    for (const auto& [directory, documents] : inputs.models) models_before.insert(directory);
    const std::size_t scenarios_before = inputs.scenarios.size();
    const std::size_t documents_before = model_documents(inputs);
    if (!fs::is_directory(path, ec)) {
      collect(path, inputs, diags);
    } else {
      collect_directory(arg, inputs, diags);
    }
    // An argument that holds model files only is a model argument: scenarios without a model
    // of their own are checked against it when it is the only one.
    // (The models map is ordered by path: the new model is the key that was not there before.)
    if (inputs.scenarios.size() == scenarios_before && model_documents(inputs) > documents_before &&
        inputs.models.size() == models_before.size() + 1) {
      for (const auto& [directory, documents] : inputs.models) {
        if (!models_before.contains(directory)) model_arguments.push_back(directory);
      }
    }
  }
  report(diags, 0);

  std::map<fs::path, model::Model> valid_models;
  for (const auto& [directory, documents] : inputs.models) {
    const std::size_t before = diags.errors().size();
    model::Model m = model::build_model(documents, diags);
    report(diags, before);
    if (diags.errors().size() != before) continue;
    std::size_t dependencies = 0;
    for (const model::Entity& e : m.entities) {
      for (const model::Requirement& r : e.requirements) dependencies += r.members.size();
    }
    const std::size_t cycles = model::dependency_cycles(m).size();
    const std::string where =
        documents.size() == 1 ? documents.front().file : directory.string() + "/";
    std::cout << "OK  " << where << " (model: " << m.entities.size() << " entities, "
              << dependencies << " dependencies, " << cycles << " cycle" << (cycles == 1 ? "" : "s")
              << ")\n";
    valid_models.emplace(directory, std::move(m));
  }

  std::optional<model::Model> given_model;
  if (vm.count("model") != 0) given_model = model::load_model_path(vm["model"].as<std::string>());
  for (const auto& [file, json] : inputs.scenarios) {
    const std::size_t before = diags.errors().size();
    model::Scenario scenario = model::build_scenario(file, json, diags);
    // The model to check selectors against: --model; else a model/ directory beside the
    // scenario; else the one model argument.
    const model::Model* against = given_model ? &*given_model : nullptr;
    std::optional<model::Model> beside;
    const fs::path model_dir = fs::path(file).parent_path() / "model";
    if (against == nullptr) {
      if (auto it = valid_models.find(model_dir); it != valid_models.end()) {
        against = &it->second;
      } else if (std::error_code ec; fs::is_directory(model_dir, ec)) {
        try {
          beside = model::load_model_path(model_dir);
          against = &*beside;
        } catch (const model::InputError&) {
          // Reported when that model itself is validated.
        }
      } else if (model_arguments.size() == 1) {
        if (auto only = valid_models.find(model_arguments.front()); only != valid_models.end()) {
          against = &only->second;
        }
      }
    }
    model::Diagnostics resolution;
    if (against != nullptr && diags.errors().size() == before) {
      model::resolve_levers(scenario, *against, resolution);
      diags.append(resolution);
      for (const model::Diagnostic& w : resolution.warnings()) {
        std::cerr << "warning: " << w.to_string() << "\n";
      }
    }
    report(diags, before);
    if (diags.errors().size() != before) continue;
    const std::size_t levers = scenario.levers.size();
    std::cout << "OK  " << file << " (scenario: " << levers << " lever" << (levers == 1 ? "" : "s")
              << (against != nullptr ? ", selectors checked against the model" : "") << ")\n";
  }
  return diags.has_errors() ? kExitInvalidInput : kExitOk;
}

}  // namespace msout::cli
