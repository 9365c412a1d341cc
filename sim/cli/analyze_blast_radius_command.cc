// `msout analyze blast-radius`: every entity of a kind down alone, through the engine; which
// critical functions each outage takes down or degrades, ranked by people hit.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <thread>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "sim/analysis/blast_radius.h"
#include "sim/analysis/blast_radius_writer.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kBlastRadiusHelp = R"(Usage: msout analyze blast-radius [options]

For every entity of a kind (default: every provider), runs the scenario "this entity down
from 0s to the horizon, nothing else" through the engine and reports the critical
functions that outage alone takes down or degrades within the horizon, with their first
times and the people they serve; ranked by people down, then functions down, then
functions degraded. The runs are concurrent; the result is identical for any --threads.
Without --model, analyses the embedded Netherlands model.

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

int analyze_blast_radius(const std::vector<std::string>& args) {
  po::options_description options(kBlastRadiusHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("kind,k", po::value<std::string>()->default_value("provider"),
       "provider, service, organisation, or all (every entity but the functions)")
      ("ids", po::value<std::vector<std::string>>(),
       "only these entities (comma-separated or repeated), instead of --kind")
      ("horizon", po::value<std::string>()->default_value("30d"),
       "how long each outage lasts and is simulated (e.g. 3d, 2w)")
      ("include-disputed", "also simulate dependencies whose evidence is disputed")
      ("top", po::value<int>()->default_value(0), "show only the N worst (0: all)")
      ("format,f", po::value<std::string>()->default_value("table"), "table or json")
      ("out,o", po::value<std::string>(),
       "write the result to FILE (whole or not at all) instead of standard output")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads (0: all cores); results are identical for any number");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;

  int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("--threads must be 0 (all cores) or more");
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "json") {
    throw UsageError("--format must be table or json, not \"" + format + "\"");
  }
  const std::string kind = vm["kind"].as<std::string>();
  if (kind != "provider" && kind != "service" && kind != "organisation" && kind != "all") {
    throw UsageError("--kind must be provider, service, organisation or all, not \"" + kind + "\"");
  }
  const std::vector<std::string> ids = vm.count("ids") != 0
                                           ? split_ids(vm["ids"].as<std::vector<std::string>>())
                                           : std::vector<std::string>{};
  if (vm.count("ids") != 0 && !vm["kind"].defaulted()) {
    throw UsageError("give --kind or --ids, not both");
  }
  if (vm.count("ids") != 0 && ids.empty()) throw UsageError("--ids names no entity");
  const std::string horizon_text = vm["horizon"].as<std::string>();
  const model::DurationParse horizon = model::parse_duration(horizon_text);
  if (!horizon.value) throw UsageError("--horizon: " + horizon.error);
  if (horizon.value->seconds == 0) throw UsageError("--horizon must be longer than zero");
  const int top = vm["top"].as<int>();
  if (top < 0) throw UsageError("--top must be 0 (all) or more");

  const model::Model model = vm.count("model") != 0
                                 ? model::load_model_path(vm["model"].as<std::string>())
                                 : model::load_model(embedded_default_model());
  std::vector<std::uint32_t> entities;
  if (!ids.empty()) {
    model::Diagnostics diags;
    for (const std::string& id : ids) {
      if (const auto index = model.find(id)) {
        entities.push_back(*index);
      } else {
        diags.error("--ids", "", "unknown entity \"" + id + "\"");
      }
    }
    if (diags.has_errors()) throw model::InputError(diags.errors());
  } else {
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      const model::EntityKind k = model.entities[e].kind;
      if (kind == "all" ? k != model::EntityKind::kFunction : model::to_string(k) == kind) {
        entities.push_back(e);
      }
    }
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  analysis::BlastRadiusReport report;
  report.model = &model;
  report.kind = ids.empty() ? kind : "";
  report.ids = ids;
  report.horizon = horizon.value->seconds;
  report.include_disputed = freeze.include_disputed;
  report.entities = graph.node_count();
  report.dependencies = graph.edge_count();
  report.analysed = entities.size();
  report.ranked = analysis::blast_radius(model, graph, entities, report.horizon, threads);
  analysis::rank(report.ranked, model);
  if (top > 0 && report.ranked.size() > static_cast<std::size_t>(top)) {
    report.ranked.resize(static_cast<std::size_t>(top));
  }
  const std::string text =
      format == "json" ? analysis::blast_radius_json(report) : analysis::blast_radius_table(report);

  if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), text);
  } else {
    std::cout << text << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
