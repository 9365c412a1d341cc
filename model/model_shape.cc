#include "model/model_shape.h"

namespace msout::model {

ModelShape ModelShape::of(const Model& model) {
  ModelShape s;
  s.req_offsets.reserve(model.entities.size() + 1);
  for (const Entity& entity : model.entities) {
    s.req_offsets.push_back(static_cast<std::uint32_t>(s.gate.size()));
    for (const Requirement& req : entity.requirements) {
      s.member_offsets.push_back(static_cast<std::uint32_t>(s.target.size()));
      s.gate.push_back(req.gate);
      s.k.push_back(req.k);
      s.effect.push_back(req.effect);
      s.requirements.push_back(&req);
      for (const Dependency& dep : req.members) {
        s.target.push_back(dep.target);
        s.degraded_propagates.push_back(dep.degraded_propagates ? 1 : 0);
        s.members.push_back(&dep);
      }
    }
  }
  s.req_offsets.push_back(static_cast<std::uint32_t>(s.gate.size()));
  s.member_offsets.push_back(static_cast<std::uint32_t>(s.target.size()));
  return s;
}

}  // namespace msout::model
