// `msout run`: load a model and a scenario, simulate, report.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include <boost/program_options.hpp>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "model/frozen_graph.h"
#include "model/json_document.h"
#include "model/model_loader.h"
#include "model/overlay.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cli/commands.h"
#include "sim/cli/embedded_defaults.h"
#include "sim/report/atomic_file.h"
#include "sim/report/focus.h"
#include "sim/report/focus_json.h"
#include "sim/report/focus_table.h"
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

--whatif patches the model first with a what-if overlay (msout-overlay/1, see
docs/overlay-format.md), e.g. "what if our EPD ran on a Dutch cloud"; repeat it to apply
several, in the order given. The report names the overlays applied.

Options)";

// Loads every overlay (reporting the errors of all of them), then applies them in order;
// an overlay that does not fit the model stops there, as later ones would patch a broken
// model. Returns what the report names.
std::vector<report::AppliedOverlay> apply_whatifs(model::Model& model,
                                                  const std::vector<std::string>& paths) {
  model::Diagnostics diags;
  std::vector<model::Overlay> overlays;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      throw model::IoError(path + ": no such file or directory");
    }
    const model::SourceText source = model::read_source(path);
    if (auto document = model::parse_json(source, diags)) {
      overlays.push_back(model::build_overlay(source.name, *document, diags));
    }
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  std::vector<report::AppliedOverlay> applied;
  for (const model::Overlay& overlay : overlays) {
    model::apply_overlay(model, overlay);
    applied.push_back({overlay.name, overlay.description, overlay.file});
  }
  return applied;
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options(kRunHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("scenario,s", po::value<std::vector<std::string>>(),
       "scenario file; repeat it to run a batch of scenarios concurrently")
      ("until,u", po::value<std::string>(),
       "simulate up to this time (e.g. 12h, 3d) instead of the scenario's horizon")
      ("format,f", po::value<std::string>()->default_value("table"), "table or json")
      ("out,o", po::value<std::string>(),
       "write the report to FILE (whole or not at all) instead of standard output")
      ("out-dir", po::value<std::string>(),
       "write one report per scenario into this directory (<scenario name>.json or .txt)")
      ("include-disputed", "also simulate dependencies whose evidence is disputed")
      ("whatif", po::value<std::vector<std::string>>(),
       "what-if overlay (msout-overlay/1) to patch the model with before the run; repeat it "
       "to apply several, in order")
      ("focus", po::value<std::string>(),
       "report for one organisation (its id): the functions it provides, what still works "
       "when, what fails first and why, its single points of failure")
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

  model::Model model = vm.count("model") != 0
                           ? model::load_model_path(vm["model"].as<std::string>())
                           : model::load_model(embedded_default_model());
  const std::vector<report::AppliedOverlay> whatif =
      vm.count("whatif") != 0 ? apply_whatifs(model, vm["whatif"].as<std::vector<std::string>>())
                              : std::vector<report::AppliedOverlay>{};
  std::vector<model::Scenario> scenarios;
  if (vm.count("scenario") != 0) {
    for (const std::string& path : vm["scenario"].as<std::vector<std::string>>()) {
      scenarios.push_back(model::load_scenario_path(path));
    }
  } else {
    scenarios.push_back(model::load_scenario(embedded_default_scenario()));
  }
  std::optional<std::int64_t> until;
  if (vm.count("until") != 0) {
    const std::string text = vm["until"].as<std::string>();
    model::DurationParse parsed = model::parse_duration(text);
    if (!parsed.value) throw UsageError("--until: " + parsed.error);
    if (parsed.value->seconds == 0) throw UsageError("--until must be longer than zero");
    until = parsed.value->seconds;
  }
  const bool several = scenarios.size() > 1;
  if (several && vm.count("out") != 0) {
    throw UsageError("--out takes one report; with several scenarios use --out-dir");
  }
  if (several && format == "json" && vm.count("out-dir") == 0) {
    throw UsageError("several JSON reports need --out-dir (one file per scenario)");
  }

  // Resolve every scenario before running any: bad input stops everything, no output.
  model::Diagnostics diags;
  std::vector<std::vector<std::vector<std::uint32_t>>> selections;
  for (const model::Scenario& scenario : scenarios) {
    selections.push_back(model::resolve_levers(scenario, model, diags));
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  for (const model::Diagnostic& w : diags.warnings()) {
    std::cerr << "warning: " << w.to_string() << "\n";
  }

  std::optional<std::uint32_t> focus;
  if (vm.count("focus") != 0) {
    const std::string id = vm["focus"].as<std::string>();
    focus = model.find(id);
    if (!focus) throw UsageError("--focus: no entity \"" + id + "\" in the model");
    if (model.entities[*focus].kind != model::EntityKind::kOrganisation) {
      throw UsageError("--focus: \"" + id + "\" is a " +
                       std::string(model::to_string(model.entities[*focus].kind)) +
                       ", not an organisation");
    }
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  // A batch runs its scenarios concurrently; each report is the same as from a run of its
  // own (the runs share only immutable data).
  std::vector<std::string> texts(scenarios.size());
  const int per_run = std::max(1, threads / static_cast<int>(scenarios.size()));
  auto run_one = [&](std::size_t i) {
    const model::Scenario& scenario = scenarios[i];
    const cascade::CascadeRun run = cascade::run_cascade(
        graph, scenario, selections[i], until.value_or(scenario.horizon.seconds), per_run);
    report::Report report = report::build_report(model, graph, scenario, run);
    report.include_disputed = freeze.include_disputed;
    report.whatif = whatif;
    for (const model::Diagnostic& w : diags.warnings()) {
      if (w.file == scenario.file) report.warnings.push_back(w.to_string());
    }
    if (focus) {
      report::FocusReport view = report::build_focus(report, run, *focus);
      report::add_cut_sets(view);
      texts[i] = format == "json" ? report::focus_json(view) : report::focus_table(view);
    } else {
      texts[i] = format == "json" ? report::json_report(report) : report::table_report(report);
    }
  };
  if (several) {
    tbb::task_arena arena(threads);
    arena.execute([&] { tbb::parallel_for(std::size_t{0}, scenarios.size(), run_one); });
  } else {
    run_one(0);
  }

  if (vm.count("out-dir") != 0) {
    const std::filesystem::path dir = vm["out-dir"].as<std::string>();
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      throw model::IoError(dir.string() + ": not a directory");
    }
    const std::string extension = format == "json" ? ".json" : ".txt";
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      const std::string stem = vm.count("scenario") != 0
                                   ? std::filesystem::path(scenarios[i].file).stem().string()
                                   : "default";
      report::write_file_atomically(dir / (stem + extension), texts[i]);
    }
  } else if (vm.count("out") != 0) {
    report::write_file_atomically(vm["out"].as<std::string>(), texts.front());
  } else {
    for (std::size_t i = 0; i < texts.size(); ++i) {
      if (i > 0) std::cout << "\n" << std::string(100, '=') << "\n\n";
      std::cout << texts[i];
    }
    std::cout << std::flush;
    if (!std::cout) throw model::IoError("standard output: write failed");
  }
  return kExitOk;
}

}  // namespace msout::cli
