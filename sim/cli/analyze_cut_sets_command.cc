// `msout analyze cut-sets`: for each critical function, the single points of failure and the
// pairs of outages (minimal cut sets of order 1 and 2) that take it down for good.
#include <algorithm>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "sim/analysis/cut_sets.h"
#include "sim/analysis/cut_sets_document.h"
#include "sim/analysis/cut_sets_writer.h"
#include "sim/cli/analysis_options.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kCutSetsHelp = R"(Usage: msout analyze cut-sets [options]

For each critical function, lists the entities whose outage alone takes it down (single
points of failure) and the pairs of outages that take it down together although neither
does alone (minimal cut sets of order 2: a redundant pair is one such set, not two single
points of failure). Outages are taken as permanent: every tolerance and switchover runs
out; effects that only degrade make no cut set (single outages that degrade a function are
listed apart). With --function, --format dot draws the functions' dependency trees with
their gates (any of 2, 2 of 3) for Graphviz. Without --model, analyses the embedded
Netherlands model; --whatif patches the model first with a what-if overlay
(msout-overlay/1, as in msout run), repeated to apply several in order.

Options)";

}  // namespace

int analyze_cut_sets(const std::vector<std::string>& args) {
  po::options_description options = analysis_options(kCutSetsHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("function", po::value<std::vector<std::string>>(),
       "only these critical functions (ids, comma-separated or repeated; default: all)")
      ("candidates", po::value<std::string>()->default_value("all"),
       "entities that may fail: provider, service, organisation, or all (every entity but "
       "the functions)");
  // clang-format on
  add_analysis_output_options(options, "also count dependencies whose evidence is disputed",
                              {"table", "json", "csv", "html", "dot"});
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;

  const std::string format = report_format(vm, {"table", "json", "csv", "html", "dot"});
  const std::string candidates =
      one_of(vm, "candidates", {"provider", "service", "organisation", "all"});
  const std::vector<std::string> function_ids = list_option(vm, "function", "function");

  const PatchedModel input = load_patched_model(vm);
  const model::Model& model = input.model;
  std::vector<std::uint32_t> functions;
  if (!function_ids.empty()) {
    functions = resolve_entities(model, "function", function_ids, model::EntityKind::kFunction);
  } else {
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      if (model.entities[e].kind == model::EntityKind::kFunction) functions.push_back(e);
    }
    std::sort(functions.begin(), functions.end(), [&](std::uint32_t a, std::uint32_t b) {
      return model.entities[a].id < model.entities[b].id;
    });
  }
  const std::vector<std::uint32_t> pool = entities_of_kind(model, candidates);

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  analysis::CutSetsReport report;
  report.model = &model;
  report.whatif = input.whatif;
  report.candidates = candidates;
  report.candidate_count = pool.size();
  report.include_disputed = freeze.include_disputed;
  report.entities = graph.node_count();
  report.dependencies = graph.edge_count();
  report.functions = analysis::find_cut_sets(graph, functions, pool);
  // The dependency trees are drawn for the functions asked for: every function's tree is
  // the whole model.
  if (!function_ids.empty()) report.graph = &graph;
  write_analysis(vm, format,
                 {"cut-sets", [&] { return analysis::cut_sets_table(report); },
                  [&] { return analysis::cut_sets_json(report); },
                  [&] { return analysis::cut_sets_document(report); }});
  return kExitOk;
}

}  // namespace msout::cli
