// Estimates from a table of Monte Carlo replications (replications.h): for each reported
// entity P(degraded by t) and P(down by t) with their standard errors and 95 % intervals,
// the first-down time's P10 / P50 / P90, expected time and people-hours down; the claims
// that decide each answer; and the run's "verify these claims first" list. Definitions and
// their reasons: docs/uncertainty.md.
//
// Everything is computed from integer counts and exact integer sums, in replication order,
// so the estimates are the same bytes however the replications were run.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/uncertainty.h"
#include "sim/montecarlo/replications.h"

namespace msout::montecarlo {

// hits out of n: the estimate, its standard error sqrt(p(1-p)/n), and the Wilson score 95 %
// interval (not the normal one: it stays honest at 0 and 1 and for small n).
struct Proportion {
  std::uint64_t hits = 0;
  std::uint64_t n = 0;
  double p = 0;
  double se = 0;
  double low = 0;
  double high = 0;
  double half_width() const { return (high - low) / 2; }
};
Proportion proportion(std::uint64_t hits, std::uint64_t n);

// A mean over the replications with its normal 95 % interval (mean ± 1.96 s / sqrt(n)).
struct MeanEstimate {
  double mean = 0;
  double low = 0;
  double high = 0;
};

// How much a function's P(down by the end) differs between replications where the claim
// holds and where it does not, with the standard error of that difference.
struct ClaimEffect {
  std::uint32_t claim = 0;
  double delta = 0;
  double se = 0;
  double p_if_holds = 0;
  double p_if_not = 0;
};

struct EntityEstimate {
  std::uint32_t entity = 0;
  std::uint64_t people = 0;
  std::vector<Proportion> degraded_by;  // per report time
  std::vector<Proportion> down_by;      // per report time
  Proportion degraded_by_end;
  Proportion down_by_end;
  // P(down by t) and P(degraded by t) as step functions: (t, replications) at each t where
  // the count of replications failed by t grows.
  std::vector<std::pair<std::int64_t, std::uint64_t>> down_curve;
  std::vector<std::pair<std::int64_t, std::uint64_t>> degraded_curve;
  // Nearest-rank quantiles of the first-down time over the replications in which it went
  // down by the end; empty when it never did.
  std::optional<std::int64_t> first_down_p10, first_down_p50, first_down_p90;
  MeanEstimate time_down_s;
  MeanEstimate people_hours_down;
  // Largest |delta| first; only claims used upstream of the entity, and only differences
  // beyond the Bonferroni bound over those claims (family-wise 5 %).
  std::vector<ClaimEffect> decisive;
};

// One claim's value of checking: the variance of the expected number of functions down by
// the end that knowing the claim would remove, p (1 - p) (mean if it holds - mean if not)^2.
struct ClaimValue {
  std::uint32_t claim = 0;
  double probability = 0;    // the model's
  double mean_if_holds = 0;  // functions down by the end
  double mean_if_not = 0;
  double delta = 0;
  double delta_se = 0;
  double value = 0;
  double share = 0;  // value / variance of the number of functions down (0 if none)
};

struct SummaryOptions {
  std::vector<std::int64_t> at;         // report times, ascending, each <= until
  std::size_t decisive_per_entity = 5;  // claims listed per entity
  std::size_t claims_examined = 256;    // per entity, among the highest values of checking
};

struct Summary {
  std::uint64_t replications = 0;
  std::int64_t until = 0;
  std::vector<std::int64_t> at;
  std::vector<EntityEstimate> entities;  // by P(down by the end), P(degraded), model order
  MeanEstimate functions_down;           // number of reported entities down by the end
  double functions_down_variance = 0;
  // Highest value first; only differences beyond the Bonferroni bound over the uncertain
  // claims (family-wise 5 %).
  std::vector<ClaimValue> verify_first;
  std::uint64_t events = 0;   // engine events over all replications
  double max_half_width = 0;  // the widest 95 % half-width of any probability
};

// A curve for output: `steps` itself where it has at most `max_points` steps, else its value
// (replications failed by t) at `max_points` evenly spaced times in (0, until] and at the
// report times `at`, in time order. Either way every point is exact.
std::vector<std::pair<std::int64_t, std::uint64_t>> curve_points(
    const std::vector<std::pair<std::int64_t, std::uint64_t>>& steps, std::int64_t until,
    const std::vector<std::int64_t>& at, std::size_t max_points = 200);

// One row of the curves as CSV gives them: an entity at one moment (a report time or a time
// either curve of it steps), with P(degraded by t) and P(down by t).
struct CurveRow {
  std::uint32_t entity = 0;
  std::int64_t t = 0;
  Proportion degraded;
  Proportion down;
};

// Every entity's rows, in the order of `summary.entities`, each in time order.
std::vector<CurveRow> curve_rows(const Summary& summary);

Summary summarise(const ReplicationTable& table, const ReplicationInput& input,
                  const SummaryOptions& options);

// The widest Wilson 95 % half-width of any reported P(degraded by t) or P(down by t): what
// --replications auto compares with its target.
double max_half_width(const ReplicationTable& table, const std::vector<std::int64_t>& at);

}  // namespace msout::montecarlo
