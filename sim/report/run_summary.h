// RunSummary: what a run means, in figures that stay readable at a million critical
// functions — `msout run --summary`, and every run on a compact model (which holds no
// names, evidence or population). It needs only an EntityTable (ids, kinds, people), the
// frozen graph and the run: counts per kind, functions down and degraded over time, the
// peak, the functions that fail first and the widest-reaching ones with their cause chains.
// Rendered through its neutral form (run_summary_document.h) or as versioned JSON
// (run_summary_json.h, "msout-summary/1", docs/report-format.md).
//
//   RunSummary s = build_run_summary(table, graph, scenario, run, {.top = 10});
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/entity_table.h"
#include "model/frozen_graph.h"
#include "model/model.h"
#include "model/scenario.h"
#include "sim/cascade/cascade_run.h"
#include "sim/report/applied_overlay.h"
#include "sim/report/report.h"

namespace msout::report {

// One kind of entity (provider, service, organisation, function) in a run.
struct KindTally {
  model::EntityKind kind = model::EntityKind::kFunction;
  std::uint32_t entities = 0;
  std::uint32_t failed = 0;  // degraded or down at some time within the horizon
  std::uint32_t down = 0;    // down at some time within the horizon
  std::uint32_t down_at_horizon = 0;
  std::uint32_t degraded_at_horizon = 0;  // degraded, not down
};

struct RunSummaryOptions {
  std::size_t top = 10;  // functions listed in each ranking (first to fail, widest reach)
  std::optional<model::Population> population;  // caps people figures, where declared
};

struct RunSummary {
  std::string model_name;
  std::string model_format;  // "compact", or "msout-model/1"
  std::vector<std::string> model_files;
  std::vector<AppliedOverlay> whatif;
  std::optional<model::Population> population;
  std::string scenario_name;
  std::string scenario_description;
  std::string scenario_file;
  std::int64_t horizon = 0;
  std::uint32_t entities = 0;
  std::uint32_t edges = 0;
  std::uint64_t events = 0;

  std::array<KindTally, 4> kinds{};  // in EntityKind order
  const KindTally& functions() const { return kinds[3]; }

  // Functions down and degraded after every change within [0, horizon], the first at 0s,
  // each point differing from the one before: exactly the run report's "over time".
  std::vector<SummaryPoint> over_time;
  // The first point with the most functions down (over_time.front() when none goes down).
  std::size_t peak = 0;
  // At least this many people lose a critical function at some time: those served by the
  // most widely used function that goes down, capped at the population (people_figures.h).
  std::uint64_t people_down_at_least = 0;
  std::optional<std::uint32_t> widest_down;  // that function

  // The failing functions that fail first: by first down, first degraded, id; at most
  // `top`, with their cause chains.
  std::vector<FunctionOutcome> first_to_fail;
  // How many failing functions fail at the same times as the first (it included).
  std::uint32_t failing_with_first = 0;
  // The failing functions that serve the most people: by people (most first), first down,
  // first degraded, id; at most `top`, with their cause chains.
  std::vector<FunctionOutcome> widest_reach;

  std::vector<std::string> warnings;
  std::vector<std::string> notes;  // what the summary cannot say, and why

  const model::EntityTable* table = nullptr;  // for ids; outlives the summary
  const model::Scenario* scenario = nullptr;  // for lever names
  const model::FrozenGraph* graph = nullptr;  // for cause-chain edges
};

RunSummary build_run_summary(const model::EntityTable& table, const model::FrozenGraph& graph,
                             const model::Scenario& scenario, const cascade::CascadeRun& run,
                             const RunSummaryOptions& options);

// The over-time points a table or chart shows: all of them where there are at most `limit`
// (at least 2), else `limit` indices spread evenly over them, the first, the last and the
// peak included. Ascending indices into summary.over_time.
std::vector<std::size_t> shown_moments(const RunSummary& summary, std::size_t limit);

}  // namespace msout::report
