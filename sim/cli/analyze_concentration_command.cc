// `msout analyze concentration`: per sector, the share of its critical functions that
// depend on each provider, and how concentrated those dependencies are (HHI).
#include <algorithm>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "sim/analysis/concentration.h"
#include "sim/analysis/concentration_writer.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kConcentrationHelp = R"(Usage: msout analyze concentration [options]

For each sector of the critical functions (and all of them together), the share of its
functions that depend on each provider: that can reach it through their requirements,
transitively, members of any and k-of-n groups included. Ranks the providers by share and
gives each sector's largest share (how far one provider's outage reaches) and HHI (the
Herfindahl-Hirschman index of the providers' shares of its dependencies, 0-10000).
Without --model, analyses the embedded Netherlands model. See docs/analyses.md.

Options)";

// "provider,service" (or repeated) -> the kinds; a usage error names an unknown one.
std::vector<model::EntityKind> parse_kinds(const std::vector<std::string>& values) {
  std::vector<model::EntityKind> kinds;
  for (const std::string& value : values) {
    std::istringstream items(value);
    for (std::string item; std::getline(items, item, ',');) {
      if (item.empty()) continue;
      const auto kind = model::entity_kind_from(item);
      if (!kind) {
        throw UsageError(
            "--providers-kind must be provider, service, organisation or function, "
            "not \"" +
            item + "\"");
      }
      if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
    }
  }
  if (kinds.empty()) throw UsageError("--providers-kind names no kind");
  return kinds;
}

}  // namespace

int analyze_concentration(const std::vector<std::string>& args) {
  po::options_description options(kConcentrationHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("providers-kind", po::value<std::vector<std::string>>(),
       "entity kinds counted as providers, comma-separated or repeated (default: provider)")
      ("include-disputed", "also count dependencies whose evidence is disputed")
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
  analysis::ConcentrationInput input;
  if (vm.count("providers-kind") != 0) {
    input.options.provider_kinds = parse_kinds(vm["providers-kind"].as<std::vector<std::string>>());
  }
  input.include_disputed = vm.count("include-disputed") != 0;

  const model::Model model = vm.count("model") != 0
                                 ? model::load_model_path(vm["model"].as<std::string>())
                                 : model::load_model(embedded_default_model());
  input.model = &model;
  const model::FrozenGraph graph =
      model::FrozenGraph::freeze(model, model::FreezeOptions{input.include_disputed});
  const analysis::Concentration result =
      analysis::compute_concentration(model, graph, input.options);
  const std::string text = format == "json" ? analysis::concentration_json(input, result)
                                            : analysis::concentration_table(input, result);

  if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), text);
  } else {
    std::cout << text << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
