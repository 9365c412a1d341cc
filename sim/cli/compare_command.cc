// `msout compare`: run a baseline model and a what-if (the model with overlays applied)
// under the same scenarios and report the difference per critical function.
#include <algorithm>
#include <iostream>
#include <optional>
#include <set>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/printable_text.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/kernel/for_each_index.h"
#include "sim/report/comparison.h"
#include "sim/report/comparison_document.h"
#include "sim/report/comparison_json.h"
#include "sim/report/comparison_table.h"
#include "sim/report/focus.h"
#include "sim/report/report.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kCompareHelp =
    R"(Usage: msout compare --whatif FILE [--whatif FILE ...] [--baseline-whatif FILE ...] [options]

Runs the model (the baseline) and the model with the what-if overlays applied, in the
order given, under the same scenario and horizon, and reports per critical function what
changed: no longer fails, fails later or earlier (by how much), newly fails, shorter or
longer outage, unchanged, or only in one of the two models; with the change in time down
and in people-hours down and degraded, per function and in total. A function is judged at
the worst level either run reaches (down, else degraded). docs/compare-format.md defines
every term.

With --baseline-whatif, the baseline is patched too: `--baseline-whatif A.json --whatif
B.json` compares option A with option B on the same model.

Without --model and --scenario, compares on the embedded default: the Netherlands model
(model/nl) under Microsoft-out (scenarios/nl/microsoft-out.json).

Options)";

// One side of a comparison: a model and each scenario's lever selections.
struct Side {
  model::Model model;
  std::vector<std::vector<std::vector<std::uint32_t>>> selections;  // per scenario
};

bool same(const model::Diagnostic& a, const model::Diagnostic& b) {
  return a.file == b.file && a.where == b.where && a.message == b.message;
}

// Adds to `diags` (the baseline's) the what-if's diagnostics that the baseline does not
// have, marked as the what-if's, so that a problem common to both is told once.
void add_whatif_diagnostics(model::Diagnostics& diags, const model::Diagnostics& whatif) {
  auto in = [](const std::vector<model::Diagnostic>& list, const model::Diagnostic& d) {
    return std::any_of(list.begin(), list.end(),
                       [&](const model::Diagnostic& e) { return same(d, e); });
  };
  for (const model::Diagnostic& d : whatif.errors()) {
    if (!in(diags.errors(), d)) diags.error(d.file, d.where, d.message + " (in the what-if model)");
  }
  for (const model::Diagnostic& d : whatif.warnings()) {
    if (!in(diags.warnings(), d)) {
      diags.warning(d.file, d.where, d.message + " (in the what-if model)");
    }
  }
}

// Keeps in `side` only the functions that `other` lists (by id): the functions a focused
// organisation provides on the side that has it.
void keep_functions_of(report::Report& side, const report::Report& other) {
  std::set<std::string> ids;
  for (const report::FunctionOutcome& f : other.functions) {
    ids.insert(other.model->entities[f.entity].id);
  }
  std::erase_if(side.functions, [&](const report::FunctionOutcome& f) {
    return ids.count(side.model->entities[f.entity].id) == 0;
  });
}

}  // namespace

int compare_command(const std::vector<std::string>& args) {
  po::options_description options(kCompareHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("whatif,w", po::value<std::vector<std::string>>(),
       "overlay file (msout-overlay/1); repeat it to apply several, in the order given")
      ("baseline-whatif", po::value<std::vector<std::string>>(),
       "overlay applied to the baseline only (repeatable, in order): compare one option "
       "(this) with another (--whatif) instead of with the model as loaded")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("scenario,s", po::value<std::vector<std::string>>(),
       "scenario file, or the name of a shipped one (msout list scenarios); repeat it for one comparison per scenario, run concurrently")
      ("until,u", po::value<std::string>(),
       "simulate up to this time (e.g. 12h, 3d) instead of the scenario's horizon")
      ("format,f", po::value<std::string>()->default_value("table"),
       format_help({"table", "json", "csv", "html"}).c_str())
      ("out,o", po::value<std::string>(),
       "write the comparison to FILE (whole or not at all) instead of standard output")
      ("out-dir", po::value<std::string>(),
       "write one comparison per scenario into this directory (<scenario name>.txt, .json, "
       ".html, or for csv one <scenario name>-<table>.csv per table)")
      ("include-disputed", "also simulate dependencies whose evidence is disputed")
      ("focus", po::value<std::string>(),
       "compare one organisation (its id) and the functions it provides, instead of every "
       "critical function")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads (0: all cores; more than the cores this process may use runs on those); "
       "results are identical for any number");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  if (vm.count("whatif") == 0) {
    throw UsageError("compare needs at least one --whatif FILE (an overlay)");
  }
  const int threads = thread_count(vm);
  const std::string format = report_format(vm, {"table", "json", "csv", "html"});
  check_batch_output(vm, format, "comparison");
  const std::optional<std::int64_t> until = duration_option(vm, "until");

  // Both sides start from the same model; each gets its own overlays.
  const model::Model loaded = load_model_option(vm);
  Side baseline;
  baseline.model = loaded;
  const std::vector<report::AppliedOverlay> baseline_applied =
      vm.count("baseline-whatif") != 0
          ? apply_overlays(baseline.model,
                           load_overlays(vm["baseline-whatif"].as<std::vector<std::string>>()))
          : std::vector<report::AppliedOverlay>{};
  Side whatif;
  whatif.model = loaded;
  const std::vector<report::AppliedOverlay> applied =
      apply_overlays(whatif.model, load_overlays(whatif_paths(vm)));
  const std::vector<model::Scenario> scenarios = load_scenarios(vm);

  // Resolve every scenario against both models before running any: bad input stops
  // everything, no output. A lever may select other entities in the what-if (the overlay
  // may have added or removed some); its warnings say so.
  model::Diagnostics diags;
  model::Diagnostics whatif_diags;
  for (const model::Scenario& scenario : scenarios) {
    baseline.selections.push_back(model::resolve_levers(scenario, baseline.model, diags));
    whatif.selections.push_back(model::resolve_levers(scenario, whatif.model, whatif_diags));
  }
  add_whatif_diagnostics(diags, whatif_diags);
  if (diags.has_errors()) throw model::InputError(diags.errors());
  warn_levers_after_until(until, scenarios, diags);
  print_warnings(diags);

  // --focus: the organisation may be in one model only (an overlay adds or removes it); the
  // side without it then shows the same functions, so that the rows still pair up.
  std::optional<std::uint32_t> focus[2];
  if (vm.count("focus") != 0) {
    const std::string id = vm["focus"].as<std::string>();
    const model::Model* models[2] = {&baseline.model, &whatif.model};
    for (int side = 0; side < 2; ++side) {
      if (!models[side]->find(id)) continue;
      focus[side] =
          resolve_entities(*models[side], side == 0 ? "focus" : "focus (in the what-if model)",
                           {id}, model::EntityKind::kOrganisation)
              .front();
    }
    if (!focus[0] && !focus[1]) {
      resolve_entities(whatif.model, "focus", {id}, model::EntityKind::kOrganisation);
    }
    for (int side = 0; side < 2; ++side) {
      if (focus[side]) continue;
      std::cerr << "warning: --focus " << model::quoted(id) << " is not in the "
                << (side == 0 ? "baseline model: the what-if adds it"
                              : "what-if model: the what-if removes it")
                << "; that side shows the functions the organisation provides in the other\n";
    }
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graphs[2] = {model::FrozenGraph::freeze(baseline.model, freeze),
                                        model::FrozenGraph::freeze(whatif.model, freeze)};

  // Every (scenario, side) run is independent and shares only immutable data, so they run
  // concurrently; each is the same as a run of its own, so the output does not depend on
  // the thread count.
  const std::size_t runs = 2 * scenarios.size();
  std::vector<report::Report> reports(runs);
  const int per_run = std::max(1, threads / static_cast<int>(runs));
  auto run_one = [&](std::size_t i) {
    const model::Scenario& scenario = scenarios[i / 2];
    const Side& side = i % 2 == 0 ? baseline : whatif;
    const model::FrozenGraph& graph = graphs[i % 2];
    const cascade::CascadeRun run = cascade::run_cascade(
        graph, scenario, side.selections[i / 2], until.value_or(scenario.horizon.seconds), per_run);
    reports[i] = report::build_report(side.model, graph, scenario, run);
    if (focus[i % 2]) {
      reports[i].functions = report::focus_outcomes(reports[i], run, *focus[i % 2]);
    }
    reports[i].include_disputed = freeze.include_disputed;
  };
  kernel::for_each_index(runs, threads, run_one);
  for (std::size_t i = 0; i < runs; ++i) {
    if (vm.count("focus") == 0 || focus[i % 2]) continue;
    keep_functions_of(reports[i], reports[i % 2 == 0 ? i + 1 : i - 1]);
  }

  // The terminal table keeps its own writer for now; csv and html are drawn from the document.
  std::vector<Result> results;
  for (std::size_t s = 0; s < scenarios.size(); ++s) {
    report::Comparison comparison = report::compare_reports(reports[2 * s], reports[2 * s + 1]);
    comparison.whatif_sources = applied;
    comparison.baseline_sources = baseline_applied;
    if (vm.count("focus") != 0) comparison.focus = vm["focus"].as<std::string>();
    Result result{result_name(vm, scenarios[s]), "", {}};
    if (format == "table") {
      result.text = report::comparison_table(comparison);
    } else if (format == "json") {
      result.text = report::comparison_json(comparison);
    } else {
      result.document = report::comparison_document(comparison);
    }
    results.push_back(std::move(result));
  }
  write_results(vm, results, format);
  return kExitOk;
}

}  // namespace msout::cli
