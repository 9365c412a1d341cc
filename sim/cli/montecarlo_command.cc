// `msout montecarlo`: many replications of a scenario over what the model's sources leave
// open (docs/uncertainty.md): P(degraded / down by t) per critical function with its
// uncertainty, and the claims that decide the answers.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <iostream>
#include <optional>

#include <boost/program_options.hpp>

#include "model/frozen_graph.h"
#include "model/scenario_loader.h"
#include "model/uncertainty.h"
#include "sim/cli/command_output.h"
#include "sim/cli/commands.h"
#include "sim/cli/document_output.h"
#include "sim/cli/model_input.h"
#include "sim/cli/option_values.h"
#include "sim/cli/progress_bar.h"
#include "sim/montecarlo/estimates.h"
#include "sim/montecarlo/montecarlo_document.h"
#include "sim/montecarlo/montecarlo_writer.h"
#include "sim/montecarlo/process_group.h"
#include "sim/montecarlo/replications.h"
#include "sim/report/cause_text.h"
#include "sim/report/focus.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kMonteCarloHelp = R"(Usage: msout montecarlo [options]

Runs a scenario many times, each time on the model as one draw of what its sources leave
open: whether each claim holds (by its confidence: confirmed, reported, presumed, planned,
disputed; a definition is no claim and always holds), which provider an unnamed "one of these" dependency is, durations given as
ranges, and common causes in redundant groups. Prints, for each critical function, the
probability that it is degraded and down by each report time with its 95% interval, the
P10/P50/P90 of the first-down time, expected time and people-hours down; the claims that
decide each function's outcome; and which claims to verify first. Definitions:
docs/uncertainty.md.

Without --model and --scenario: the embedded Netherlands model under Microsoft-out.
Results are identical for any --threads and any number of processes (mpirun -np N, when
built with MPI).

Options)";

constexpr std::uint64_t kAutoBatch = 1000;

// Replications done across the processes (each reports its own block's count), drawn as a
// progress bar on standard error while it is a terminal.
class ReplicationProgress {
 public:
  ReplicationProgress(bool enabled, std::uint64_t total, int processes)
      : bar_("montecarlo", total, "replications", enabled), processes_(processes) {}
  void report(std::uint64_t done_here) {
    bar_.update((base_ + done_here) * static_cast<std::uint64_t>(processes_));
  }
  void next_batch(std::uint64_t done_here, std::uint64_t total) {
    base_ = done_here;
    bar_.set_total(total);
  }
  void finish() { bar_.finish(); }

 private:
  ProgressBar bar_;
  int processes_;
  std::atomic<std::uint64_t> base_ = 0;
};

struct ReplicationChoice {
  bool automatic = true;
  std::uint64_t count = 0;  // fixed count, or the cap with auto
  double target = 0.01;
};

ReplicationChoice replication_choice(const po::variables_map& vm) {
  ReplicationChoice choice;
  const std::string text = vm["replications"].as<std::string>();
  choice.target = vm["target"].as<double>();
  if (!(choice.target > 0 && choice.target < 0.5)) {
    throw UsageError("--target must be a half-width between 0 and 0.5, e.g. 0.01");
  }
  const std::uint64_t cap = vm["max-replications"].as<std::uint64_t>();
  if (cap == 0 || cap > 100'000'000) {
    throw UsageError("--max-replications must be from 1 to 100000000");
  }
  if (text == "auto") {
    choice.count = cap;
    return choice;
  }
  choice.automatic = false;
  std::size_t used = 0;
  unsigned long long n = 0;
  try {
    n = std::stoull(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || text.empty() || text.front() == '-' || n == 0 || n > 100'000'000) {
    throw UsageError("--replications must be auto or a number from 1 to 100000000, not \"" + text +
                     "\"");
  }
  choice.count = n;
  return choice;
}

std::vector<std::int64_t> report_times(const po::variables_map& vm) {
  std::vector<std::int64_t> times;
  for (const std::string& item : list_option(vm, "at", "report time")) {
    const model::DurationParse parsed = model::parse_duration(item);
    if (!parsed.value) throw UsageError("--at: \"" + item + "\": " + parsed.error);
    times.push_back(parsed.value->seconds);
  }
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
  return times;
}

}  // namespace

int montecarlo_command(const std::vector<std::string>& args) {
  po::options_description options(kMonteCarloHelp);
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("model,m", po::value<std::string>(), "model file, or directory of model files")
      ("scenario,s", po::value<std::vector<std::string>>(),
       "scenario file, or the name of a shipped one (msout list scenarios); repeat it for one result per scenario (with --out-dir)")
      ("replications,n", po::value<std::string>()->default_value("auto"),
       "number of replications, or auto: until every reported probability's 95% half-width "
       "is below --target (or --max-replications is reached)")
      ("target", po::value<double>()->default_value(0.01),
       "with --replications auto: the 95% half-width to reach")
      ("max-replications", po::value<std::uint64_t>()->default_value(100000),
       "with --replications auto: the cap")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed")
      ("at", po::value<std::vector<std::string>>()->multitoken(),
       "report times, comma-separated (default 1h,8h,1d,3d,7d, then 30d and the scenario's "
       "horizon if it is later); the run lasts to the latest of them and the horizon")
      ("evidence-weights", po::value<std::string>(),
       "msout-evidence-weights/1 file: the probability that a claim of each confidence "
       "level holds (overrides the model's and the defaults)")
      ("whatif", po::value<std::vector<std::string>>(), kWhatifOptionHelp)
      ("focus", po::value<std::string>(),
       "report one organisation (its id) and the functions it provides")
      ("threads,t", po::value<int>()->default_value(0),
       "worker threads per process (0: all cores); results are identical for any number")
      ("format,f", po::value<std::string>()->default_value("table"),
       format_help({"table", "json", "csv", "html"}).c_str())
      ("out,o", po::value<std::string>(), "write the result to FILE (whole or not at all)")
      ("out-dir", po::value<std::string>(),
       "one result per scenario in this directory (<scenario name>.txt, .json, .html, or for "
       "csv one <scenario name>-<table>.csv per table)")
      ("quiet,q", "no progress on standard error");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  const int threads = thread_count(vm);
  const std::string format = report_format(vm, {"table", "json", "csv", "html"});
  // The CSV of the curves alone (without --out-dir) keeps the bytes it has always had:
  // montecarlo_csv quotes every id and name, render_csv only where RFC 4180 must.
  const bool curves_only = format == "csv" && vm.count("out-dir") == 0;
  const ReplicationChoice replications = replication_choice(vm);
  const std::uint64_t seed = vm["seed"].as<std::uint64_t>();
  const std::vector<std::int64_t> at_given =
      vm.count("at") != 0 ? report_times(vm) : std::vector<std::int64_t>{};
  if (!at_given.empty() && at_given.front() <= 0) {
    throw UsageError("--at: report times must be after 0s");
  }
  check_batch_output(vm, format, "result");

  model::EvidenceWeights file_weights{};
  std::string weights_file;
  if (vm.count("evidence-weights") != 0) {
    weights_file = vm["evidence-weights"].as<std::string>();
    file_weights = model::load_evidence_weights_path(weights_file);
  }
  const PatchedModel input = load_patched_model(vm);
  const model::Model& model = input.model;
  const std::vector<model::Scenario> scenarios = load_scenarios(vm);

  model::Diagnostics diags;
  std::vector<std::vector<std::vector<std::uint32_t>>> selections;
  std::vector<model::UncertaintyPlan> plans;
  for (const model::Scenario& scenario : scenarios) {
    selections.push_back(model::resolve_levers(scenario, model, diags));
    plans.push_back(model::UncertaintyPlan::build(model, &scenario, file_weights, diags));
  }
  if (diags.has_errors()) throw model::InputError(diags.errors());

  std::vector<std::uint32_t> reported;
  std::string focus;
  if (vm.count("focus") != 0) {
    focus = vm["focus"].as<std::string>();
    const std::uint32_t organisation =
        resolve_entities(model, "focus", {focus}, model::EntityKind::kOrganisation).front();
    model::FreezeOptions every_claim;
    every_claim.include_disputed = true;
    reported.push_back(organisation);
    for (std::uint32_t f : report::provided_functions(
             model::FrozenGraph::freeze(model, every_claim), model, organisation)) {
      reported.push_back(f);
    }
  } else {
    for (std::uint32_t e = 0; e < model.entities.size(); ++e) {
      if (model.entities[e].kind == model::EntityKind::kFunction) reported.push_back(e);
    }
  }

  montecarlo::ProcessGroup group;
  if (group.rank() == 0) print_warnings(diags);
  const bool show_progress = group.rank() == 0 && ProgressBar::on_terminal(vm.count("quiet") != 0);
  std::vector<std::string> curves;
  std::vector<Result> results;
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    const model::Scenario& scenario = scenarios[i];
    // Default report times: 1h, 8h, 1d, 3d, 7d, then 30d and the horizon if it is later.
    std::vector<std::int64_t> at = at_given;
    if (at.empty()) {
      at = {3600, 8 * 3600, 86400, 3 * 86400, 7 * 86400};
      if (scenario.horizon.seconds > 30 * 86400) at.push_back(30 * 86400);
      if (scenario.horizon.seconds > at.back()) at.push_back(scenario.horizon.seconds);
    }
    const std::int64_t until = std::max(scenario.horizon.seconds, at.back());
    montecarlo::ReplicationInput in{model,    scenario, selections[i], plans[i],
                                    reported, until,    seed};
    ReplicationProgress progress(show_progress, replications.count, group.size());
    auto run_block = [&](std::uint64_t first, std::uint64_t count) {
      const auto [mine_first, mine_count] = group.block(first, count);
      const montecarlo::ReplicationTable mine = montecarlo::run_replications(
          in, mine_first, mine_count, threads, [&](std::uint64_t done) { progress.report(done); });
      return group.gather(mine, first, count);
    };
    montecarlo::ReplicationTable table;
    std::string stop_reason;
    if (!replications.automatic) {
      table = run_block(0, replications.count);
    } else {
      // Fixed batches decided on rank 0: the replications used are always the first N, so
      // the result equals a fixed run of N.
      // Every rank counts the replications started; only rank 0 holds the rows.
      std::uint64_t started = 0;
      for (bool more = true; more;) {
        const std::uint64_t batch = std::min(kAutoBatch, replications.count - started);
        progress.next_batch(started / static_cast<std::uint64_t>(group.size()), replications.count);
        const montecarlo::ReplicationTable next = run_block(started, batch);
        started += batch;
        bool done = false;
        if (group.rank() == 0) {
          table.append(next);
          const bool reached = montecarlo::max_half_width(table, at) < replications.target;
          done = reached || started >= replications.count;
          stop_reason = reached ? "target reached" : "cap reached before the target";
        }
        more = !group.broadcast(done);
      }
    }
    progress.finish();
    if (group.rank() != 0) continue;
    montecarlo::MonteCarloReport result;
    result.model = &model;
    result.scenario = &scenario;
    result.plan = &plans[i];
    result.whatif = input.whatif;
    result.focus = focus;
    result.seed = seed;
    result.automatic = replications.automatic;
    result.target_half_width = replications.target;
    result.cap = replications.count;
    result.stop_reason = stop_reason;
    result.evidence_weights_file = weights_file;
    montecarlo::SummaryOptions summary_options;
    summary_options.at = at;
    result.summary = montecarlo::summarise(table, in, summary_options);
    if (curves_only) {
      curves.push_back(montecarlo::montecarlo_csv(result));
      continue;
    }
    // The terminal table keeps its own writer for now.
    Result out{result_name(vm, scenario), "", {}};
    if (format == "table") {
      out.text = montecarlo::montecarlo_table(result);
    } else if (format == "json") {
      out.text = montecarlo::montecarlo_json(result);
    } else {
      out.document = montecarlo::montecarlo_document(result);
    }
    results.push_back(std::move(out));
  }
  if (group.rank() != 0) return kExitOk;
  if (curves_only) {
    write_per_scenario(vm, scenarios, curves, format);
  } else {
    write_results(vm, results, format);
  }
  return kExitOk;
}

}  // namespace msout::cli
