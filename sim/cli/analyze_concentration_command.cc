// `msout analyze concentration`: per sector, the share of its critical functions that
// depend on each provider, and how concentrated those dependencies are (HHI).
#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "sim/analysis/concentration.h"
#include "sim/analysis/concentration_document.h"
#include "sim/analysis/concentration_writer.h"
#include "sim/cli/analysis_options.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kConcentrationHelp = R"(Usage: msout analyze concentration [options]

For each sector of the critical functions (and all of them together), the share of its
functions that depend on each provider: that can reach it through their requirements,
transitively, members of any and k-of-n groups included. Ranks the providers by share and
gives each sector's largest share (how far one provider's outage reaches) and HHI (the
Herfindahl-Hirschman index of the providers' shares of its dependencies, 0-10000).
Without --model, analyses the embedded Netherlands model; --whatif patches the model first
with a what-if overlay (msout-overlay/1, as in msout run), repeated to apply several in order.
See docs/analyses.md.

Options)";

// "provider,service" (or repeated) -> the kinds; a usage error names an unknown one.
std::vector<model::EntityKind> parse_kinds(const po::variables_map& vm) {
  std::vector<model::EntityKind> kinds;
  for (const std::string& item : list_option(vm, "providers-kind", "kind")) {
    require_one_of("providers-kind", item, {"provider", "service", "organisation", "function"});
    kinds.push_back(*model::entity_kind_from(item));
  }
  return kinds;
}

}  // namespace

int analyze_concentration(const std::vector<std::string>& args) {
  po::options_description options = analysis_options(kConcentrationHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("providers-kind", po::value<std::vector<std::string>>(),
       "entity kinds counted as providers, comma-separated or repeated (default: provider)");
  // clang-format on
  add_analysis_output_options(options, "also count dependencies whose evidence is disputed",
                              kAnalysisFormats);
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  const std::string format = report_format(vm, kAnalysisFormats);
  analysis::ConcentrationInput input;
  if (vm.count("providers-kind") != 0) input.options.provider_kinds = parse_kinds(vm);
  input.include_disputed = vm.count("include-disputed") != 0;

  const PatchedModel patched = load_patched_model(vm);
  const model::Model& model = patched.model;
  input.model = &model;
  input.whatif = patched.whatif;
  const model::FrozenGraph graph =
      model::FrozenGraph::freeze(model, model::FreezeOptions{input.include_disputed});
  const analysis::Concentration result =
      analysis::compute_concentration(model, graph, input.options);
  write_analysis(vm, format,
                 {"concentration", [&] { return analysis::concentration_table(input, result); },
                  [&] { return analysis::concentration_json(input, result); },
                  [&] { return analysis::concentration_document(input, result); }});
  return kExitOk;
}

}  // namespace msout::cli
