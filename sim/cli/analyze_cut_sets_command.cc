// `msout analyze cut-sets`: for each critical function, the single points of failure and the
// pairs of outages (minimal cut sets of order 1 and 2) that take it down for good.
#include <algorithm>
#include <iostream>
#include <sstream>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "sim/analysis/cut_sets.h"
#include "sim/analysis/cut_sets_writer.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kCutSetsHelp = R"(Usage: msout analyze cut-sets [options]

For each critical function, lists the entities whose outage alone takes it down (single
points of failure) and the pairs of outages that take it down together although neither
does alone (minimal cut sets of order 2: a redundant pair is one such set, not two single
points of failure). Outages are taken as permanent: every tolerance and switchover runs
out; effects that only degrade make no cut set (single outages that degrade a function are
listed apart). Without --model, analyses the embedded Netherlands model.

Options)";

// "a,b" and repeated options alike; empty items dropped, duplicates kept once.
std::vector<std::string> split_ids(const std::vector<std::string>& values) {
  std::vector<std::string> ids;
  for (const std::string& value : values) {
    std::istringstream items(value);
    for (std::string id; std::getline(items, id, ',');) {
      if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    }
  }
  return ids;
}

}  // namespace

int analyze_cut_sets(const std::vector<std::string>& args) {
  po::options_description options(kCutSetsHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("function", po::value<std::vector<std::string>>(),
       "only these critical functions (ids, comma-separated or repeated; default: all)")
      ("candidates", po::value<std::string>()->default_value("all"),
       "entities that may fail: provider, service, organisation, or all (every entity but "
       "the functions)")
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
  const std::string candidates = vm["candidates"].as<std::string>();
  if (candidates != "provider" && candidates != "service" && candidates != "organisation" &&
      candidates != "all") {
    throw UsageError("--candidates must be provider, service, organisation or all, not \"" +
                     candidates + "\"");
  }
  const std::vector<std::string> function_ids =
      vm.count("function") != 0 ? split_ids(vm["function"].as<std::vector<std::string>>())
                                : std::vector<std::string>{};
  if (vm.count("function") != 0 && function_ids.empty()) {
    throw UsageError("--function names no function");
  }

  const model::Model model = vm.count("model") != 0
                                 ? model::load_model_path(vm["model"].as<std::string>())
                                 : model::load_model(embedded_default_model());
  std::vector<std::uint32_t> functions;
  if (!function_ids.empty()) {
    model::Diagnostics diags;
    for (const std::string& id : function_ids) {
      const auto index = model.find(id);
      if (!index) {
        diags.error("--function", "", "unknown entity \"" + id + "\"");
      } else if (model.entities[*index].kind != model::EntityKind::kFunction) {
        diags.error("--function", "",
                    "\"" + id + "\" is a " +
                        std::string(model::to_string(model.entities[*index].kind)) +
                        ", not a function");
      } else {
        functions.push_back(*index);
      }
    }
    if (diags.has_errors()) throw model::InputError(diags.errors());
  } else {
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      if (model.entities[e].kind == model::EntityKind::kFunction) functions.push_back(e);
    }
    std::sort(functions.begin(), functions.end(), [&](std::uint32_t a, std::uint32_t b) {
      return model.entities[a].id < model.entities[b].id;
    });
  }
  std::vector<std::uint32_t> pool;
  for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
    const model::EntityKind k = model.entities[e].kind;
    if (candidates == "all" ? k != model::EntityKind::kFunction
                            : model::to_string(k) == candidates) {
      pool.push_back(e);
    }
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  analysis::CutSetsReport report;
  report.model = &model;
  report.candidates = candidates;
  report.candidate_count = pool.size();
  report.include_disputed = freeze.include_disputed;
  report.entities = graph.node_count();
  report.dependencies = graph.edge_count();
  report.functions = analysis::find_cut_sets(graph, functions, pool);
  const std::string text =
      format == "json" ? analysis::cut_sets_json(report) : analysis::cut_sets_table(report);

  if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), text);
  } else {
    std::cout << text << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
