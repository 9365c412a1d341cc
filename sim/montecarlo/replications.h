// Monte Carlo replications: many runs of one scenario, each on the model as one draw of
// its uncertainty (model/uncertainty.h), and what each run means for the reported entities.
//
// Replication r depends only on (seed, r): its draws are counter-based, so the table of
// outcomes is the same for any thread count, any batch split and any number of processes
// (montecarlo/process_split.h), row by row.
//
//   ReplicationInput in{model, scenario, selected, plan, reported, until, seed};
//   ReplicationTable table = run_replications(in, 0, 10000, threads, &progress);
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "model/model.h"
#include "model/scenario.h"
#include "model/uncertainty.h"

namespace msout::montecarlo {

inline constexpr std::int64_t kNever = -1;

// What every replication shares (immutable during the runs).
struct ReplicationInput {
  const model::Model& model;
  const model::Scenario& scenario;
  const std::vector<std::vector<std::uint32_t>>& selected;  // per lever
  const model::UncertaintyPlan& plan;
  std::vector<std::uint32_t> reported;  // entities whose outcomes are kept (the functions)
  std::int64_t until = 0;               // seconds simulated
  std::uint64_t seed = 0;
};

// Outcomes of replications [first, first + count), row-major: row i is replication
// first + i, column j is reported entity j.
struct ReplicationTable {
  std::uint64_t first = 0;
  std::uint64_t count = 0;
  std::uint32_t columns = 0;
  std::uint32_t claim_words = 0;             // 64-bit words per row of claim_holds
  std::vector<std::int64_t> first_degraded;  // seconds, or kNever
  std::vector<std::int64_t> first_down;      // seconds, or kNever
  std::vector<std::int64_t> time_down;       // seconds down within [0, until]
  std::vector<std::uint64_t> claim_holds;    // bit c of a row: claim c held
  std::vector<std::uint64_t> events;         // per replication: events the engine handled

  void resize(std::uint64_t rows, std::uint32_t reported, std::uint32_t claims);
  // Appends the rows of `next`, which must start where this table ends.
  void append(const ReplicationTable& next);
  bool holds(std::uint64_t row, std::uint32_t claim) const {
    return ((claim_holds[row * claim_words + claim / 64] >> (claim % 64)) & 1u) != 0;
  }
};

// Called from worker threads with the number of replications finished so far.
using ProgressFn = std::function<void(std::uint64_t done)>;

// Runs replications [first, first + count) on up to `threads` threads. Work is handed out
// in blocks of 64 replications; each block reuses one realization, graph and buffer set.
ReplicationTable run_replications(const ReplicationInput& input, std::uint64_t first,
                                  std::uint64_t count, int threads,
                                  const ProgressFn& progress = {});

}  // namespace msout::montecarlo
