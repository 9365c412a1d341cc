// `msout run`: load a model and a scenario, simulate, report.
#include <algorithm>
#include <filesystem>
#include <limits>
#include <optional>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/cli/run_summary_input.h"
#include "sim/kernel/for_each_index.h"
#include "sim/report/focus.h"
#include "sim/report/focus_document.h"
#include "sim/report/focus_json.h"
#include "sim/report/json_report.h"
#include "sim/report/report.h"
#include "sim/report/report_document.h"

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

--summary reports in figures that stay readable at a million functions: entities by kind,
the functions that fail first and those that serve the most people (--top of each), with
their cause chains by id, and functions and people over time. A compact model (msout
generate) always gets the summary: it holds no names, evidence or population.

Options)";

}  // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options(kRunHelp);
  // One option per line reads best.
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("scenario,s", po::value<std::vector<std::string>>(),
       "scenario file, or the name of a shipped one (msout list scenarios); repeat it to run a batch of scenarios concurrently")
      ("until,u", po::value<std::string>(),
       "simulate up to this time (e.g. 12h, 3d) instead of the scenario's horizon")
      ("format,f", po::value<std::string>()->default_value("table"),
       format_help({"table", "json", "csv", "html", "dot"}).c_str())
      ("top", po::value<int>()->default_value(10),
       "the terminal table shows the worst N failing functions (0: all); other formats show "
       "all; with --summary, every format lists N in each ranking")
      ("summary", "report a summary that stays readable at a million functions (always on "
       "for a compact model)")
      ("out,o", po::value<std::string>(),
       "write the report to FILE (whole or not at all) instead of standard output")
      ("out-dir", po::value<std::string>(),
       "write one report per scenario into this directory (<scenario name>.txt, .json, .html, "
       ".dot; csv: <scenario name>-<table>.csv)")
      ("include-disputed", "also simulate dependencies whose evidence is disputed")
      ("whatif", po::value<std::vector<std::string>>(),
       "what-if overlay (msout-overlay/1) to patch the model with before the run; repeat it "
       "to apply several, in order")
      ("focus", po::value<std::string>(),
       "report for one organisation (its id): the functions it provides, what still works "
       "when, what fails first and why, its single points of failure")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads (0: all cores; more than the cores this process may use runs on those); "
       "results are identical for any number");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  const int threads = thread_count(vm);
  const std::string format = report_format(vm, {"table", "json", "csv", "html", "dot"});
  const int top = vm["top"].as<int>();
  if (top < 0) throw UsageError("--top must be 0 (all) or more");
  const std::optional<std::int64_t> until = duration_option(vm, "until");
  check_batch_output(vm, format, "report");

  if (vm.count("summary") != 0 || compact_model_given(vm)) {
    const bool compact = compact_model_given(vm);
    const char* why = compact ? "a compact model gets a summary" : "--summary";
    if (vm.count("focus") != 0) {
      throw UsageError(std::string("--focus needs the full report (") + why +
                       " has no organisation view)");
    }
    if (format == "dot") {
      throw UsageError(std::string("--format dot draws the full report's cause chains (") + why +
                       " has no graph): use table, json, csv or html");
    }
    if (compact) refuse_options_for_compact(vm);
    SummaryRunOptions summary;
    summary.format = format;
    summary.top =
        top == 0 ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(top);
    summary.until = until;
    summary.threads = threads;
    summary.include_disputed = vm.count("include-disputed") != 0;
    write_results(vm, run_summaries(vm, summary), format);
    return kExitOk;
  }

  const PatchedModel input = load_patched_model(vm);
  const model::Model& model = input.model;
  const std::vector<model::Scenario> scenarios = load_scenarios(vm);
  const bool several = scenarios.size() > 1;

  // Resolve every scenario before running any: bad input stops everything, no output.
  model::Diagnostics diags;
  std::vector<std::vector<std::vector<std::uint32_t>>> selections;
  for (const model::Scenario& scenario : scenarios) {
    selections.push_back(model::resolve_levers(scenario, model, diags));
    model::resolve_reported(scenario, model, diags);
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  warn_levers_after_until(until, scenarios, diags);
  print_warnings(diags);

  std::optional<std::uint32_t> focus;
  if (vm.count("focus") != 0) {
    focus = resolve_entities(model, "focus", {vm["focus"].as<std::string>()},
                             model::EntityKind::kOrganisation)
                .front();
  }

  model::FreezeOptions freeze;
  freeze.include_disputed = vm.count("include-disputed") != 0;
  const model::FrozenGraph graph = model::FrozenGraph::freeze(model, freeze);
  // A batch runs its scenarios concurrently; each report is the same as from a run of its
  // own (the runs share only immutable data).
  std::vector<Result> results(scenarios.size());
  report::ReportDocumentOptions document_options;
  if (top > 0) document_options.top = static_cast<std::size_t>(top);
  if (top == 0) document_options.top = std::numeric_limits<std::size_t>::max();
  const int per_run = std::max(1, threads / static_cast<int>(scenarios.size()));
  auto run_one = [&](std::size_t i) {
    const model::Scenario& scenario = scenarios[i];
    const cascade::CascadeRun run = cascade::run_cascade(
        graph, scenario, selections[i], until.value_or(scenario.horizon.seconds), per_run);
    report::Report report = report::build_report(model, graph, scenario, run);
    report.include_disputed = freeze.include_disputed;
    report.whatif = input.whatif;
    for (const model::Diagnostic& w : diags.warnings()) {
      if (w.file == scenario.file) report.warnings.push_back(w.to_string());
    }
    Result& result = results[i];
    result.name = vm.count("scenario") != 0 ? std::filesystem::path(scenario.file).stem().string()
                                            : "default";
    if (focus) {
      report::FocusReport view = report::build_focus(report, run, *focus);
      report::add_cut_sets(view);
      if (format == "json") result.text = report::focus_json(view);
      result.document = report::focus_document(view);
    } else {
      if (format == "json") result.text = report::json_report(report);
      result.document = report::report_document(report, document_options);
    }
  };
  if (several) {
    kernel::for_each_index(scenarios.size(), threads, run_one);
  } else {
    run_one(0);
  }

  write_results(vm, results, format);
  return kExitOk;
}

}  // namespace msout::cli
