#include "sim/cli/run_summary_input.h"

#include <algorithm>
#include <filesystem>

#include "model/compact_model.h"
#include "model/entity_table.h"
#include "model/frozen_graph.h"
#include "model/scenario_loader.h"
#include "model/uncertainty.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cli/command_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/cli/progress_bar.h"
#include "sim/kernel/for_each_index.h"
#include "sim/report/run_summary.h"
#include "sim/report/run_summary_document.h"
#include "sim/report/run_summary_json.h"

namespace msout::cli {
namespace {

// What a summary needs of the model, from a compact file or a loaded JSON model.
struct SummaryInput {
  model::EntityTable table;
  model::FrozenGraph graph;
  std::optional<model::Model> model;  // JSON only: for the levers' selectors
  std::string name;
  std::string format;
  std::vector<std::string> files;
  std::optional<model::Population> population;
  std::vector<report::AppliedOverlay> whatif;
  std::vector<std::string> assumptions;
};

SummaryInput load_input(const boost::program_options::variables_map& vm,
                        const SummaryRunOptions& options) {
  SummaryInput input;
  if (compact_model_given(vm)) {
    const std::string path = vm["model"].as<std::string>();
    model::CompactModel compact = model::read_compact(path);
    input.table = std::move(compact.entities);
    input.graph = std::move(compact.graph);
    input.name = std::filesystem::path(path).filename().string();
    input.format = "compact";
    input.files = {path};
    return input;
  }
  PatchedModel patched = load_patched_model(vm);
  model::FreezeOptions freeze;
  freeze.include_disputed = options.include_disputed;
  input.graph = model::FrozenGraph::freeze(patched.model, freeze);
  // Ids, kinds and people only: the levers are resolved on the model itself.
  for (const model::Entity& e : patched.model.entities) {
    input.table.add(e.id, e.kind, e.jurisdiction, {}, e.people_served);
  }
  input.name = patched.model.name;
  input.format = "msout-model/1";
  input.files = patched.model.files;
  input.population = patched.model.population;
  input.whatif = std::move(patched.whatif);
  input.assumptions = model::point_choice_assumptions(patched.model);
  input.model = std::move(patched.model);
  return input;
}

// Draws the simulated time reached on standard error (a terminal only): a cascade's work is
// not spread evenly over its horizon, so the bar tells how far, not how long.
class SimulatedTimeBar {
 public:
  explicit SimulatedTimeBar(std::int64_t horizon)
      : bar_("simulate", static_cast<std::uint64_t>(std::max<std::int64_t>(horizon, 1)), "", true,
             ProgressBar::Style::kSimulatedTime) {}
  void operator()(std::int64_t now) { bar_.update(static_cast<std::uint64_t>(now)); }

 private:
  ProgressBar bar_;
};

}  // namespace

std::vector<Result> run_summaries(const boost::program_options::variables_map& vm,
                                  const SummaryRunOptions& options) {
  const SummaryInput input = load_input(vm, options);
  const std::vector<model::Scenario> scenarios = load_scenarios(vm);

  // Resolve every scenario before running any: bad input stops everything, no output.
  model::Diagnostics diags;
  std::vector<std::vector<std::vector<std::uint32_t>>> selections;
  for (const model::Scenario& scenario : scenarios) {
    if (input.model) {
      selections.push_back(model::resolve_levers(scenario, *input.model, diags));
      model::resolve_reported(scenario, *input.model, diags);
    } else {
      selections.push_back(input.table.resolve_levers(scenario, diags));
    }
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());
  warn_levers_after_until(options.until, scenarios, diags);
  print_warnings(diags);

  std::vector<Result> results(scenarios.size());
  const bool several = scenarios.size() > 1;
  const int per_run = std::max(1, options.threads / static_cast<int>(scenarios.size()));
  auto run_one = [&](std::size_t i) {
    const model::Scenario& scenario = scenarios[i];
    const std::int64_t horizon = options.until.value_or(scenario.horizon.seconds);
    std::optional<SimulatedTimeBar> bar;
    if (!several && ProgressBar::on_terminal()) bar.emplace(horizon);
    cascade::CascadeProgress progress;
    if (bar) progress = [&](std::int64_t now) { (*bar)(now); };
    const cascade::CascadeRun run =
        cascade::run_cascade(input.graph, scenario, selections[i], horizon, per_run, progress);
    bar.reset();
    report::RunSummaryOptions summary_options;
    summary_options.top = options.top;
    summary_options.population = input.population;
    report::RunSummary summary =
        report::build_run_summary(input.table, input.graph, scenario, run, summary_options);
    summary.model_name = input.name;
    summary.model_format = input.format;
    summary.model_files = input.files;
    summary.whatif = input.whatif;
    for (const std::string& a : input.assumptions) summary.notes.push_back("Assumed: " + a);
    for (const model::Diagnostic& w : diags.warnings()) {
      if (w.file == scenario.file) summary.warnings.push_back(w.to_string());
    }
    Result& result = results[i];
    result.name = vm.count("scenario") != 0 ? std::filesystem::path(scenario.file).stem().string()
                                            : "default";
    if (options.format == "json") result.text = report::run_summary_json(summary);
    result.document = report::run_summary_document(summary);
  };
  if (several) {
    kernel::for_each_index(scenarios.size(), options.threads, run_one);
  } else {
    run_one(0);
  }
  return results;
}

}  // namespace msout::cli
