// `msout analyze exposure`: per organisation, which foreign-law entities its data reaches,
// through which of its systems, and how exposed it is there (the white paper's privacy
// axis beside the continuity results of `msout run`).
#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/json_reader.h"
#include "sim/analysis/exposure.h"
#include "sim/analysis/exposure_document.h"
#include "sim/analysis/exposure_writer.h"
#include "sim/cli/analysis_options.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"

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
states). Without --model, analyses the embedded Netherlands model; --whatif patches the
model first with a what-if overlay (msout-overlay/1, as in msout run), repeated to apply
several in order. See docs/analyses.md.

Options)";

}  // namespace

int analyze_exposure(const std::vector<std::string>& args) {
  po::options_description options = analysis_options(kExposureHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("home", po::value<std::vector<std::string>>(),
       "home jurisdictions, comma-separated or repeated (default: NL,EU; EU includes its "
       "member states)")
      ("organisation", po::value<std::vector<std::string>>()->multitoken(),
       "only these organisations (ids; comma-separated, repeated or several after it)");
  // clang-format on
  add_analysis_output_options(options, "also follow dependencies whose evidence is disputed",
                              kAnalysisFormats);
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  const std::string format = report_format(vm, kAnalysisFormats);
  analysis::ExposureInput input;
  if (vm.count("home") != 0) {
    input.options.home = list_option(vm, "home", "jurisdiction");
    for (const std::string& code : input.options.home) {
      if (!model::is_valid_jurisdiction(code)) {
        throw UsageError("--home: \"" + code +
                         "\" is not a jurisdiction (use codes in capitals such as NL, EU, US)");
      }
    }
  }
  const std::vector<std::string> ids = list_option(vm, "organisation", "organisation");
  input.include_disputed = vm.count("include-disputed") != 0;

  const PatchedModel patched = load_patched_model(vm);
  const model::Model& model = patched.model;
  input.model = &model;
  input.whatif = patched.whatif;
  input.options.organisations =
      resolve_entities(model, "organisation", ids, model::EntityKind::kOrganisation);
  const model::FrozenGraph graph =
      model::FrozenGraph::freeze(model, model::FreezeOptions{input.include_disputed});
  input.graph = &graph;
  const analysis::Exposure result = analysis::compute_exposure(model, graph, input.options);
  write_analysis(vm, format,
                 {"exposure", [&] { return analysis::exposure_table(input, result); },
                  [&] { return analysis::exposure_json(input, result); },
                  [&] { return analysis::exposure_document(input, result); }});
  return kExitOk;
}

}  // namespace msout::cli
