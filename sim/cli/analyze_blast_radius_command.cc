// `msout analyze blast-radius`: every entity of a kind down alone, through the engine; which
// critical functions each outage takes down or degrades, ranked by people hit.
#include <filesystem>
#include <optional>

#include <boost/program_options.hpp>

#include "model/compact_model.h"
#include "model/frozen_graph.h"
#include "sim/analysis/blast_radius.h"
#include "sim/analysis/blast_radius_document.h"
#include "sim/analysis/blast_radius_writer.h"
#include "sim/cli/analysis_options.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/cli/progress_bar.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kBlastRadiusHelp = R"(Usage: msout analyze blast-radius [options]

For every entity of a kind (default: every provider), runs the scenario "this entity down
from 0s to the horizon, nothing else" through the engine and reports the critical
functions that outage alone takes down or degrades within the horizon, with their first
times and the people they serve; ranked by people down, then functions down, then
functions degraded. The runs are concurrent; the result is identical for any --threads.
Without --model, analyses the embedded Netherlands model; --whatif patches the model first
with a what-if overlay (msout-overlay/1, as in msout run), repeated to apply several in order.
A compact model (msout generate) is analysed as it is: its entities are named by their ids
and it has no population, no evidence (nothing disputed) and no what-ifs.

Options)";

}  // namespace

int analyze_blast_radius(const std::vector<std::string>& args) {
  po::options_description options = analysis_options(kBlastRadiusHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("kind,k", po::value<std::string>()->default_value("provider"),
       "provider, service, organisation, or all (every entity but the functions)")
      ("ids", po::value<std::vector<std::string>>(),
       "only these entities (comma-separated or repeated), instead of --kind")
      ("horizon", po::value<std::string>()->default_value("30d"),
       "how long each outage lasts and is simulated (e.g. 3d, 2w)")
      ("top", po::value<int>()->default_value(0), "show only the N worst (0: all)")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads (0: all cores; more than the cores this process may use runs on those); "
       "results are identical for any number");
  // clang-format on
  add_analysis_output_options(options, "also simulate dependencies whose evidence is disputed",
                              kAnalysisFormats);
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;

  const int threads = thread_count(vm);
  const std::string format = report_format(vm, kAnalysisFormats);
  const std::string kind = one_of(vm, "kind", {"provider", "service", "organisation", "all"});
  if (vm.count("ids") != 0 && !vm["kind"].defaulted()) {
    throw UsageError("give --kind or --ids, not both");
  }
  const std::vector<std::string> ids = list_option(vm, "ids", "entity");
  const std::int64_t horizon = *duration_option(vm, "horizon");
  const int top = vm["top"].as<int>();
  if (top < 0) throw UsageError("--top must be 0 (all) or more");

  // A compact model has no evidence to dispute and cannot be patched: it is read as it is.
  std::optional<PatchedModel> input;
  std::optional<model::CompactModel> compact;
  model::FrozenGraph graph;
  model::Catalogue names;
  const bool include_disputed = vm.count("include-disputed") != 0;
  if (compact_model_given(vm)) {
    refuse_options_for_compact(vm);
    const std::string path = vm["model"].as<std::string>();
    compact = model::read_compact(path);
    graph = std::move(compact->graph);
    names = model::Catalogue::of(compact->entities, std::filesystem::path(path).filename().string(),
                                 {path});
  } else {
    input = load_patched_model(vm);
    model::FreezeOptions freeze;
    freeze.include_disputed = include_disputed;
    graph = model::FrozenGraph::freeze(input->model, freeze);
    names = input->model;
  }
  const std::vector<std::uint32_t> entities =
      ids.empty() ? entities_of_kind(names, kind) : resolve_entities(names, "ids", ids);

  analysis::BlastRadiusReport report;
  report.names = names;
  if (input) report.whatif = input->whatif;
  report.kind = ids.empty() ? kind : "";
  report.ids = ids;
  report.horizon = horizon;
  report.include_disputed = include_disputed;
  report.entities = graph.node_count();
  report.dependencies = graph.edge_count();
  report.analysed = entities.size();
  {
    ProgressBar bar("blast radius", entities.size(), "outages", ProgressBar::on_terminal());
    report.ranked = analysis::blast_radius(names, graph, entities, report.horizon, threads,
                                           [&](std::size_t done) { bar.update(done); });
  }
  analysis::rank(report.ranked, names);
  if (top > 0 && report.ranked.size() > static_cast<std::size_t>(top)) {
    report.ranked.resize(static_cast<std::size_t>(top));
  }
  write_analysis(vm, format,
                 {"blast-radius", [&] { return analysis::blast_radius_table(report); },
                  [&] { return analysis::blast_radius_json(report); },
                  [&] { return analysis::blast_radius_document(report); }});
  return kExitOk;
}

}  // namespace msout::cli
