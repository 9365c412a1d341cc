#include "sim/cascade/cause_chain.h"

namespace msout::cascade {

CauseChain trace_cause(const model::FrozenGraph& graph,
                       const std::vector<std::vector<StateRecord>>& history, std::uint32_t node,
                       std::size_t record) {
  CauseChain chain;
  StateRecord current = history[node][record];
  for (;;) {
    chain.steps.push_back({node, current});
    if (current.cause == CauseKind::kLever) {
      chain.lever = current.ref;
      return chain;
    }
    if (current.cause != CauseKind::kDependency) return chain;
    const std::uint32_t dependency = graph.edge(current.ref).dependency;
    const std::vector<StateRecord>& log = history[dependency];
    // The dependency's last worsening before this change is what the edge reacted to.
    const StateRecord* previous = nullptr;
    for (const StateRecord& r : log) {
      if (!happened_before(r, current)) break;
      if (r.cause != CauseKind::kNone) previous = &r;
    }
    if (previous == nullptr) return chain;
    node = dependency;
    current = *previous;
  }
}

}  // namespace msout::cascade
