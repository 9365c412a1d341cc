// Black-start analysis: which down entities could run if they all restarted together, but
// cannot because each waits for another (docs/semantics.md, "Black start").
#pragma once

#include <cstdint>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/state.h"

namespace msout::cascade {

struct BlackStart {
  std::vector<std::uint32_t> blocked;              // every blocked entity, ascending
  std::vector<std::vector<std::uint32_t>> cycles;  // cycles among them (the ones to restart)
  // Requirement members looked at to find `blocked`: at most a small multiple of the edge
  // count, whatever the order of the entities (tests check the cost by it, not by time).
  std::uint64_t members_examined = 0;
};

// `state` and `imposed` are per entity at the horizon. Linear in entities plus edges.
BlackStart find_black_start(const model::FrozenGraph& graph, const std::vector<State>& state,
                            const std::vector<State>& imposed);

}  // namespace msout::cascade
