// ModelShape: a model's requirement structure as flat arrays indexed by position, what
// compiling a graph (FrozenGraph) reads on every Monte Carlo replication. Walking the
// model's Dependency objects (hundreds of bytes each, with their strings) cost a cache miss
// per dependency; these arrays cost a few bytes each.
//
// Requirement ri (flat, in model order) belongs to entity e for req_offsets[e] <= ri <
// req_offsets[e + 1]; its members are mi in [member_offsets[ri], member_offsets[ri + 1]).
// Valid while the model it was built from is alive and unchanged.
#pragma once

#include <cstdint>
#include <vector>

#include "model/model.h"

namespace msout::model {

struct ModelShape {
  std::vector<std::uint32_t> req_offsets;         // per entity, and one past the end
  std::vector<std::uint32_t> member_offsets;      // per requirement, and one past the end
  std::vector<Gate> gate;                         // per requirement
  std::vector<std::uint32_t> k;                   // per requirement
  std::vector<Effect> effect;                     // per requirement
  std::vector<std::uint32_t> target;              // per member: the entity depended on
  std::vector<std::uint8_t> degraded_propagates;  // per member
  std::vector<const Requirement*> requirements;   // per requirement: the model's
  std::vector<const Dependency*> members;         // per member: the model's

  static ModelShape of(const Model& model);

  std::uint32_t entity_count() const { return static_cast<std::uint32_t>(req_offsets.size() - 1); }
  std::uint32_t requirement_count() const { return static_cast<std::uint32_t>(gate.size()); }
  std::uint32_t member_count() const { return static_cast<std::uint32_t>(target.size()); }
};

}  // namespace msout::model
