// A Monte Carlo result written out: a table that fits a terminal, versioned JSON
// ("format": "msout-montecarlo/1") or CSV (the P(down by t) and P(degraded by t) curves),
// all described in docs/uncertainty.md. The output depends only on the inputs and the
// seed: any thread count and any number of processes give identical bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/scenario.h"
#include "model/uncertainty.h"
#include "sim/montecarlo/estimates.h"
#include "sim/report/applied_overlay.h"

namespace msout::montecarlo {

inline constexpr const char* kMonteCarloFormat = "msout-montecarlo/1";

struct MonteCarloReport {
  const model::Model* model = nullptr;  // for names; outlives the report
  const model::Scenario* scenario = nullptr;
  const model::UncertaintyPlan* plan = nullptr;
  std::vector<report::AppliedOverlay> whatif;
  std::string focus;  // the organisation's id with --focus, else empty
  std::uint64_t seed = 0;
  bool automatic = false;        // --replications auto
  double target_half_width = 0;  // auto only
  std::uint64_t cap = 0;         // auto only
  std::string stop_reason;       // auto only: "target reached" or "cap reached"
  std::string evidence_weights_file;
  Summary summary;
};

std::string montecarlo_table(const MonteCarloReport& result);
std::string montecarlo_json(const MonteCarloReport& result);
std::string montecarlo_csv(const MonteCarloReport& result);

}  // namespace msout::montecarlo
