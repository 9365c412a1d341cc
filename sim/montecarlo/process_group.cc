#include "sim/montecarlo/process_group.h"

#include <algorithm>
#include <cstdlib>
#include <vector>

#ifdef MSOUT_WITH_MPI
#include <mpi.h>
#endif

namespace msout::montecarlo {
namespace {

#ifdef MSOUT_WITH_MPI
// Started by mpirun (Open MPI, or a PMI launcher): only then is MPI initialised, so a plain
// `msout montecarlo` does not pay for (or depend on) an MPI runtime.
bool launched_by_mpirun() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_RANK"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

template <class T>
void gather_cells(const std::vector<T>& mine, std::vector<T>& all, const std::vector<int>& counts,
                  MPI_Datatype type, int rank) {
  std::vector<int> displacements(counts.size(), 0);
  for (std::size_t i = 1; i < counts.size(); ++i) {
    displacements[i] = displacements[i - 1] + counts[i - 1];
  }
  if (rank == 0) all.resize(static_cast<std::size_t>(displacements.back() + counts.back()));
  MPI_Gatherv(mine.data(), static_cast<int>(mine.size()), type, all.data(), counts.data(),
              displacements.data(), type, 0, MPI_COMM_WORLD);
}
#endif

}  // namespace

bool built_with_mpi() {
#ifdef MSOUT_WITH_MPI
  return true;
#else
  return false;
#endif
}

ProcessGroup::ProcessGroup() {
#ifdef MSOUT_WITH_MPI
  if (launched_by_mpirun()) {
    MPI_Init(nullptr, nullptr);
    initialised_ = true;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
  }
#endif
}

ProcessGroup::~ProcessGroup() {
#ifdef MSOUT_WITH_MPI
  if (initialised_) MPI_Finalize();
#endif
}

std::pair<std::uint64_t, std::uint64_t> block_of(std::uint64_t first, std::uint64_t count,
                                                 int rank_index, int ranks) {
  const auto size = static_cast<std::uint64_t>(ranks);
  const auto rank = static_cast<std::uint64_t>(rank_index);
  const std::uint64_t base = count / size;
  const std::uint64_t extra = count % size;
  const std::uint64_t begin = rank * base + std::min(rank, extra);
  return {first + begin, base + (rank < extra ? 1 : 0)};
}

std::pair<std::uint64_t, std::uint64_t> ProcessGroup::block(std::uint64_t first,
                                                            std::uint64_t count) const {
  return block_of(first, count, rank_, size_);
}

ReplicationTable ProcessGroup::gather(const ReplicationTable& mine, std::uint64_t first,
                                      std::uint64_t count) const {
  if (size_ == 1) return mine;
#ifdef MSOUT_WITH_MPI
  std::vector<std::uint64_t> rows(static_cast<std::size_t>(size_));
  for (int r = 0; r < size_; ++r) {
    rows[static_cast<std::size_t>(r)] = block_of(first, count, r, size_).second;
  }
  auto counts_of = [&](std::uint64_t per_row) {
    std::vector<int> counts;
    for (std::uint64_t n : rows) counts.push_back(static_cast<int>(n * per_row));
    return counts;
  };
  ReplicationTable all;
  all.first = first;
  all.count = rank_ == 0 ? count : 0;
  all.columns = mine.columns;
  all.claim_words = mine.claim_words;
  gather_cells(mine.first_degraded, all.first_degraded, counts_of(mine.columns), MPI_INT64_T,
               rank_);
  gather_cells(mine.first_down, all.first_down, counts_of(mine.columns), MPI_INT64_T, rank_);
  gather_cells(mine.time_down, all.time_down, counts_of(mine.columns), MPI_INT64_T, rank_);
  gather_cells(mine.claim_holds, all.claim_holds, counts_of(mine.claim_words), MPI_UINT64_T, rank_);
  gather_cells(mine.events, all.events, counts_of(1), MPI_UINT64_T, rank_);
  return all;
#else
  (void)first;
  (void)count;
  return mine;
#endif
}

bool ProcessGroup::broadcast(bool value) const {
#ifdef MSOUT_WITH_MPI
  if (size_ > 1) {
    int flag = value ? 1 : 0;
    MPI_Bcast(&flag, 1, MPI_INT, 0, MPI_COMM_WORLD);
    return flag != 0;
  }
#endif
  return value;
}

}  // namespace msout::montecarlo
