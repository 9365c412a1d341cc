#include "sim/montecarlo/replications.h"

#include <algorithm>
#include <atomic>
#include <optional>

#include "model/frozen_graph.h"
#include "sim/cascade/cascade_run.h"
#include "sim/kernel/for_each_index.h"

namespace msout::montecarlo {
namespace {

constexpr std::uint64_t kBlock = 64;

struct Outcome {
  std::int64_t first_degraded = kNever;
  std::int64_t first_down = kNever;
  std::int64_t time_down = 0;
};

// First times and time down of one entity from its change log, within [0, until].
Outcome outcome_from(const std::vector<cascade::StateRecord>& history, std::int64_t until) {
  Outcome o;
  std::int64_t down_since = kNever;
  for (const cascade::StateRecord& record : history) {
    if (record.time > until) break;
    if (record.state != cascade::State::kUp && o.first_degraded == kNever) {
      o.first_degraded = record.time;
    }
    if (record.state == cascade::State::kDown) {
      if (o.first_down == kNever) o.first_down = record.time;
      if (down_since == kNever) down_since = record.time;
    } else if (down_since != kNever) {
      o.time_down += record.time - down_since;
      down_since = kNever;
    }
  }
  if (down_since != kNever) o.time_down += until - down_since;
  return o;
}

}  // namespace

void ReplicationTable::resize(std::uint64_t rows, std::uint32_t reported, std::uint32_t claims) {
  count = rows;
  columns = reported;
  claim_words = (claims + 63) / 64;
  first_degraded.assign(rows * reported, kNever);
  first_down.assign(rows * reported, kNever);
  time_down.assign(rows * reported, 0);
  claim_holds.assign(rows * claim_words, 0);
  events.assign(rows, 0);
}

void ReplicationTable::append(const ReplicationTable& next) {
  if (count == 0) first = next.first;
  columns = next.columns;
  claim_words = next.claim_words;
  count += next.count;
  first_degraded.insert(first_degraded.end(), next.first_degraded.begin(),
                        next.first_degraded.end());
  first_down.insert(first_down.end(), next.first_down.begin(), next.first_down.end());
  time_down.insert(time_down.end(), next.time_down.begin(), next.time_down.end());
  claim_holds.insert(claim_holds.end(), next.claim_holds.begin(), next.claim_holds.end());
  events.insert(events.end(), next.events.begin(), next.events.end());
}

ReplicationTable run_replications(const ReplicationInput& input, std::uint64_t first,
                                  std::uint64_t count, int threads, const ProgressFn& progress) {
  ReplicationTable table;
  table.first = first;
  const auto columns = static_cast<std::uint32_t>(input.reported.size());
  const auto claims = static_cast<std::uint32_t>(input.plan.claims().size());
  table.resize(count, columns, claims);
  std::atomic<std::uint64_t> done{0};
  const std::uint64_t blocks = (count + kBlock - 1) / kBlock;
  kernel::for_each_index(blocks, threads, [&](std::size_t block) {
    model::Realization draw;
    model::FrozenGraph graph;
    std::optional<cascade::CascadeWorkspace> workspace;  // made on the first graph
    const std::uint64_t begin = block * kBlock;
    const std::uint64_t end = std::min(count, begin + kBlock);
    for (std::uint64_t row = begin; row < end; ++row) {
      const std::uint64_t replication = first + row;
      model::draw_realization(input.plan, input.seed, replication, draw);
      graph.refreeze(input.plan, draw);
      if (!workspace) workspace.emplace(graph, input.scenario, input.selected);
      const kernel::RunStats stats = workspace->run(input.until, draw.lever_at);
      for (std::uint32_t j = 0; j < columns; ++j) {
        const Outcome o =
            outcome_from(workspace->behaviour().history(input.reported[j]), input.until);
        const std::uint64_t cell = row * columns + j;
        table.first_degraded[cell] = o.first_degraded;
        table.first_down[cell] = o.first_down;
        table.time_down[cell] = o.time_down;
      }
      for (std::uint32_t c = 0; c < claims; ++c) {
        if (draw.claim_holds[c] != 0) {
          table.claim_holds[row * table.claim_words + c / 64] |= std::uint64_t{1} << (c % 64);
        }
      }
      table.events[row] = stats.events;
    }
    const std::uint64_t now = done.fetch_add(end - begin) + (end - begin);
    if (progress) progress(now);
  });
  return table;
}

}  // namespace msout::montecarlo
