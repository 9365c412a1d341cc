// `msout analyze exposure`: per organisation, which foreign-law entities its data reaches,
// through which of its systems, and how exposed it is there (the white paper's privacy
// axis beside the continuity results of `msout run`).
#include <algorithm>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/json_reader.h"
#include "model/model_loader.h"
#include "sim/analysis/exposure.h"
#include "sim/analysis/exposure_writer.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kExposureHelp = R"(Usage: msout analyze exposure [options]

For each organisation: which of its data can be reached under foreign law, at which entity,
through which of its systems, and how exposed it is there. Data flows along dependencies
with layer saas or infra, transitively; the level follows the white paper's three layers:
exposed (provider-managed service, saas), reduced (own application on provider
infrastructure, infra), reduced-customer-keys (infra with customer_managed_keys);
self-hosted is not exposed. Foreign: a jurisdiction not in --home (EU includes its member
states). Without --model, analyses the embedded Netherlands model. See docs/analyses.md.

Options)";

// "a,b" and repeated options alike; empty items dropped, duplicates kept once.
std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const std::string& value : values) {
    std::istringstream stream(value);
    for (std::string item; std::getline(stream, item, ',');) {
      if (!item.empty() && std::find(items.begin(), items.end(), item) == items.end()) {
        items.push_back(item);
      }
    }
  }
  return items;
}

// The organisations named by --organisation; every unknown id or other kind is reported.
std::vector<std::uint32_t> resolve_organisations(const model::Model& model,
                                                 const std::vector<std::string>& ids) {
  model::Diagnostics diags;
  std::vector<std::uint32_t> organisations;
  for (const std::string& id : ids) {
    const auto index = model.find(id);
    if (!index) {
      diags.error("--organisation", "", "unknown entity \"" + id + "\"");
    } else if (model.entities[*index].kind != model::EntityKind::kOrganisation) {
      diags.error("--organisation", "",
                  "\"" + id + "\" is a " +
                      std::string(model::to_string(model.entities[*index].kind)) +
                      ", not an organisation");
    } else {
      organisations.push_back(*index);
    }
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  return organisations;
}

}  // namespace

int analyze_exposure(const std::vector<std::string>& args) {
  po::options_description options(kExposureHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("home", po::value<std::vector<std::string>>(),
       "home jurisdictions, comma-separated or repeated (default: NL,EU; EU includes its "
       "member states)")
      ("organisation", po::value<std::vector<std::string>>()->multitoken(),
       "only these organisations (ids; comma-separated, repeated or several after it)")
      ("include-disputed", "also follow dependencies whose evidence is disputed")
      ("format,f", po::value<std::string>()->default_value("table"), "table or json")
      ("out,o", po::value<std::string>(),
       "write the result to FILE (whole or not at all) instead of standard output");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "json") {
    throw UsageError("--format must be table or json, not \"" + format + "\"");
  }
  analysis::ExposureInput input;
  if (vm.count("home") != 0) {
    input.options.home = split_list(vm["home"].as<std::vector<std::string>>());
    if (input.options.home.empty()) throw UsageError("--home names no jurisdiction");
    for (const std::string& code : input.options.home) {
      if (!model::is_valid_jurisdiction(code)) {
        throw UsageError("--home: \"" + code +
                         "\" is not a jurisdiction (use codes in capitals such as NL, EU, US)");
      }
    }
  }
  const std::vector<std::string> ids =
      vm.count("organisation") != 0 ? split_list(vm["organisation"].as<std::vector<std::string>>())
                                    : std::vector<std::string>{};
  if (vm.count("organisation") != 0 && ids.empty()) {
    throw UsageError("--organisation names no organisation");
  }
  input.include_disputed = vm.count("include-disputed") != 0;

  const model::Model model = vm.count("model") != 0
                                 ? model::load_model_path(vm["model"].as<std::string>())
                                 : model::load_model(embedded_default_model());
  input.model = &model;
  input.options.organisations = resolve_organisations(model, ids);
  const model::FrozenGraph graph =
      model::FrozenGraph::freeze(model, model::FreezeOptions{input.include_disputed});
  input.graph = &graph;
  const analysis::Exposure result = analysis::compute_exposure(model, graph, input.options);
  const std::string text = format == "json" ? analysis::exposure_json(input, result)
                                            : analysis::exposure_table(input, result);

  if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), text);
  } else {
    std::cout << text << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
