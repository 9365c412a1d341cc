// Report: what a run means for the critical functions — which fail, when, why, for how
// many people, and what still works. Built from a CascadeRun; written as a table
// through its neutral form (report_document.h) or as versioned JSON (json_report.h,
// docs/report-format.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/frozen_graph.h"
#include "model/model.h"
#include "model/scenario.h"
#include "sim/cascade/black_start.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cascade/cause_chain.h"
#include "sim/report/applied_overlay.h"
#include "sim/report/hindcast.h"

namespace msout::report {

using cascade::State;

struct Interval {
  std::int64_t from;
  std::int64_t to;  // exclusive; the horizon for the last one
  State state;
};

struct FunctionOutcome {
  std::uint32_t entity = 0;
  std::optional<std::int64_t> first_degraded;  // first time degraded or worse
  std::optional<std::int64_t> first_down;
  std::int64_t time_down = 0;      // seconds down within [0, horizon]
  std::int64_t time_degraded = 0;  // seconds degraded (not down) within [0, horizon]
  State final_state = State::kUp;
  std::vector<Interval> timeline;  // maximal intervals of one state, covering [0, horizon]
  std::optional<cascade::CauseChain> cause;  // why it first failed (down, else degraded)
  std::uint64_t people = 0;                  // people served
  double people_hours_down = 0;              // people x hours down
  bool black_start_blocked = false;
};

// An organisation (or group of them: `count` members) that was affected.
struct OrganisationOutcome {
  std::uint32_t entity = 0;
  // The members the entity stands for; empty where the model does not give `count` (an
  // entry such as "GP practices using Nedap MediKit" is not one organisation).
  std::optional<std::uint64_t> count;
  std::int64_t first_degraded = 0;  // first time degraded or worse
  std::optional<std::int64_t> first_down;
  State final_state = State::kUp;
};

// How many organisations a list of entries stands for. Entries without a `count` are not
// counted as one each: they are left out of `counted` and reported in `without_count`.
struct OrganisationTotals {
  std::size_t entries = 0;
  std::uint64_t counted = 0;  // sum of the given counts (saturating: model/saturating_sum.h)
  std::size_t without_count = 0;
};

OrganisationTotals organisation_totals(const std::vector<OrganisationOutcome>& organisations);

// The functions down and degraded from `time` on. The people figures are never sums: at
// least this many people are affected — the people served by the most widely used function
// in that state, capped at the model's population (people_figures.h,
// docs/report-format.md "People figures").
struct SummaryPoint {
  std::int64_t time;
  std::uint32_t down;
  std::uint32_t degraded;
  std::uint64_t people_down;      // at least: the widest function down, capped
  std::uint64_t people_degraded;  // at least: the widest function degraded (not down), capped
};

struct Report {
  std::string model_name;
  std::vector<std::string> model_files;
  std::vector<AppliedOverlay> whatif;  // in the order applied; empty for the model as loaded
  std::string scenario_name;
  std::string scenario_description;
  std::string scenario_file;
  std::int64_t horizon = 0;
  bool include_disputed = false;
  std::vector<FunctionOutcome> functions;  // affected first: by first down, first degraded, id
  std::vector<SummaryPoint> over_time;     // after each change in functions' states
  std::vector<OrganisationOutcome> organisations;  // affected ones, in the same order
  cascade::BlackStart black_start;
  std::uint32_t entities = 0;
  std::uint32_t edges = 0;               // dependencies simulated
  std::uint64_t model_dependencies = 0;  // dependencies in the model (validate counts these)
  std::uint64_t events = 0;
  std::vector<std::string> warnings;
  // What the run assumed where the model leaves a choice open (model/uncertainty.h).
  std::vector<std::string> assumptions;
  // The scenario's reported outcomes checked against this run (hindcast.h), in scenario
  // order; empty where the scenario reports none.
  std::vector<ReportedResult> reported;

  const model::Model* model = nullptr;        // for names; outlives the report
  const model::Scenario* scenario = nullptr;  // for lever names
  const model::FrozenGraph* graph = nullptr;  // for cause-chain edges
};

// The outcome of one entity (of any kind; build_report uses it for the functions).
FunctionOutcome outcome_of(std::uint32_t entity, const model::Model& model,
                           const model::FrozenGraph& graph, const cascade::CascadeRun& run);
// The same for an entity serving `people`, without a model; the cause chain is traced only
// when `with_cause` (a summary of a million functions traces a few).
FunctionOutcome outcome_of(std::uint32_t entity, std::uint64_t people,
                           const model::FrozenGraph& graph, const cascade::CascadeRun& run,
                           bool with_cause = true);

// The entity's state at `time` (within [0, horizon]) according to its timeline.
State state_at(const FunctionOutcome& outcome, std::int64_t time);

Report build_report(const model::Model& model, const model::FrozenGraph& graph,
                    const model::Scenario& scenario, const cascade::CascadeRun& run);

}  // namespace msout::report
