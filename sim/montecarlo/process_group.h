// ProcessGroup: the processes that share one Monte Carlo run. Under `mpirun -np N` (msout
// built with -DMSOUT_MPI=ON) they are the N MPI ranks; otherwise one process. Replications
// are split into contiguous blocks, one per rank; rank 0 gathers the rows in rank order,
// so its table is the same as one process's, and writes the result.
//
//   ProcessGroup group;                        // MPI_Init when launched by mpirun
//   auto [first, count] = group.block(0, n);   // this rank's replications
//   ReplicationTable all = group.gather(run_replications(in, first, count, threads));
//   if (group.rank() == 0) write(summarise(all, ...));
//
// Not thread-safe: call from the main thread only.
#pragma once

#include <cstdint>
#include <utility>

#include "sim/montecarlo/replications.h"

namespace msout::montecarlo {

class ProcessGroup {
 public:
  ProcessGroup();
  ~ProcessGroup();
  ProcessGroup(const ProcessGroup&) = delete;
  ProcessGroup& operator=(const ProcessGroup&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }

  // This rank's share of replications [first, first + count): contiguous, in rank order.
  std::pair<std::uint64_t, std::uint64_t> block(std::uint64_t first, std::uint64_t count) const;
  // On rank 0: every rank's rows for [first, first + count), in replication order; on the
  // others: an empty table. Every rank must call it with its own block's table.
  ReplicationTable gather(const ReplicationTable& mine, std::uint64_t first,
                          std::uint64_t count) const;
  // Rank 0's `value`, on every rank.
  bool broadcast(bool value) const;

 private:
  int rank_ = 0;
  int size_ = 1;
  bool initialised_ = false;
};

// Block `rank` of `ranks` contiguous blocks of [first, first + count): the first
// count % ranks blocks have one replication more. Returns (first replication, count).
std::pair<std::uint64_t, std::uint64_t> block_of(std::uint64_t first, std::uint64_t count, int rank,
                                                 int ranks);

// Whether this msout was built with MPI.
bool built_with_mpi();

}  // namespace msout::montecarlo
