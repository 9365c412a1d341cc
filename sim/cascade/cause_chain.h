// Cause chains: why an entity reached a state, followed back to the scenario lever.
#pragma once

#include <cstdint>
#include <vector>

#include "model/frozen_graph.h"
#include "sim/cascade/state_record.h"

namespace msout::cascade {

struct ChainStep {
  std::uint32_t node;
  StateRecord record;  // the change of `node` that the previous step points to
};

struct CauseChain {
  std::vector<ChainStep> steps;    // first: the entity asked about; last: the lever's target
  std::uint32_t lever = kNoIndex;  // the lever that started it, if the chain reached one
};

// The chain behind history[node][record]. Each step moves to the dependency's last change
// strictly before the current one, so the chain always ends (at a lever, or where the
// records stop).
CauseChain trace_cause(const model::FrozenGraph& graph,
                       const std::vector<std::vector<StateRecord>>& history, std::uint32_t node,
                       std::size_t record);

}  // namespace msout::cascade
