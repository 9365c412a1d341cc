// `msout run`: load a model and a scenario, simulate, report.
#include <algorithm>
#include <iostream>
#include <thread>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/table_report.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kRunHelp = R"(Usage: msout run [options]

Simulates a scenario on a model and prints, for each critical function, when it is first
degraded and first down, for how long, why (the cause chain back to the scenario lever),
and for how many people; then what still works and how many functions are down over time.

Without --model and --scenario, runs the embedded default: the Netherlands model
(model/nl) under Microsoft-out (scenarios/nl/microsoft-out.json).

Options)";

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options(kRunHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("scenario,s", po::value<std::string>(), "scenario file")
      ("until,u", po::value<std::string>(),
       "simulate up to this time (e.g. 12h, 3d) instead of the scenario's horizon")
      ("format,f", po::value<std::string>()->default_value("table"), "table or json")
      ("out,o", po::value<std::string>(),
       "write the report to FILE (whole or not at all) instead of standard output")
      ("include-disputed", "also simulate dependencies whose evidence is disputed")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads (0: all cores); results are identical for any number");
  // clang-format on
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(options).run(), vm);
  po::notify(vm);
  if (vm.count("help") != 0) {
    std::cout << options << "\n";
    return kExitOk;
  }
  int threads = vm["threads"].as<int>();
  if (threads < 0) throw UsageError("--threads must be 0 (all cores) or more");
  if (threads == 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const std::string format = vm["format"].as<std::string>();
  if (format != "table" && format != "json") {
    throw UsageError("--format must be table or json, not \"" + format + "\"");
  }

  const model::Model model = vm.count("model") != 0
                                 ? model::load_model_path(vm["model"].as<std::string>())
                                 : model::load_model(embedded_default_model());
  const model::Scenario scenario = vm.count("scenario") != 0
                                       ? model::load_scenario_path(vm["scenario"].as<std::string>())
                                       : model::load_scenario(embedded_default_scenario());
  std::int64_t horizon = scenario.horizon.seconds;
  if (vm.count("until") != 0) {
    const std::string text = vm["until"].as<std::string>();
    model::DurationParse until = model::parse_duration(text);
    if (!until.value) throw UsageError("--until: " + until.error);
    if (until.value->seconds == 0) throw UsageError("--until must be longer than zero");
    horizon = until.value->seconds;
  }

  model::Diagnostics diags;
  const auto selected = model::resolve_levers(scenario, model, diags);
  if (diags.has_errors()) throw model::InputError(diags.errors());
  for (const model::Diagnostic& w : diags.warnings()) {
    std::cerr << "warning: " << w.to_string() << "\n";
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  const cascade::CascadeRun run = cascade::run_cascade(graph, scenario, selected, horizon, threads);
  report::Report report = report::build_report(model, graph, scenario, run);
  report.include_disputed = freeze.include_disputed;
  for (const model::Diagnostic& w : diags.warnings()) report.warnings.push_back(w.to_string());

  const std::string text =
      format == "json" ? report::json_report(report) : report::table_report(report);
  if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), text);
  } else {
    std::cout << text << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
