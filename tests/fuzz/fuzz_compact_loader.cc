// libFuzzer harness: the compact loader (model/compact_model.h) on arbitrary bytes, read
// from memory through the same reader as files. An accepted file must be a graph that is
// safe to walk: every requirement's members and every dependency index in range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/compact_model.h"
#include "model/diagnostics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const msout::model::CompactModel m = msout::model::parse_compact(bytes, "fuzz.msout");
    const msout::model::FrozenGraph& g = m.graph;
    if (g.node_count() != m.entities.size()) std::abort();
    for (std::uint32_t v = 0; v < g.node_count(); ++v) {
      (void)m.entities.id(v);
      for (const msout::model::FrozenRequirement& r : g.requirements_of(v)) {
        if (r.k == 0 || r.k > r.end_edge - r.first_edge) std::abort();
        for (const msout::model::FrozenEdge& e : g.members(r)) {
          if (e.owner != v || e.dependency >= g.node_count()) std::abort();
        }
      }
      for (std::uint32_t e : g.dependents_of(v)) {
        if (g.edge(e).dependency != v) std::abort();
      }
    }
  } catch (const msout::model::InputError& e) {
    for (const auto& d : e.diagnostics()) (void)d.to_string();
  }
  return 0;
}
