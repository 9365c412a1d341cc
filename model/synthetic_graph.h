// Synthetic society graphs for benchmarks: seeded and deterministic (the same options give
// the same bytes on every machine), shaped like the real thing. docs/synthetic-graphs.md
// documents the structure and every distribution.
//
//   SyntheticOptions options{.nodes = 1'000'000, .degree = 10, .seed = 1};
//   SyntheticGraph g = generate_synthetic(options);
//   write_compact("g.msout", g.entities, g.graph);
#pragma once

#include <cstdint>
#include <functional>
#include <ostream>

#include "model/entity_table.h"
#include "model/frozen_graph.h"

namespace msout::model {

struct SyntheticOptions {
  std::uint64_t nodes = 1000;  // total entities (>= 100)
  double degree = 10;          // mean requirements (edges) per entity, roughly
  std::uint64_t seed = 1;
};

// Told how many entities exist (or are written) so far, now and then (every 65,536), for a
// progress bar; it never changes what is generated.
using SyntheticProgress = std::function<void(std::uint64_t entities_done)>;

struct SyntheticGraph {
  EntityTable entities;
  FrozenGraph graph;
};

SyntheticGraph generate_synthetic(const SyntheticOptions& options,
                                  const SyntheticProgress& progress = {});

// What a JSON synthetic graph leaves uncertain, for Monte Carlo benchmarks
// (docs/synthetic-graphs.md): the share of dependencies that rest on a quoted claim of a
// drawn confidence level (about four dependencies a claim), and the share of single
// dependencies on a provider written as a one_of choice of it and two other providers.
struct SyntheticUncertainty {
  double claims = 0;
  double choices = 0;
  std::uint64_t seed = 1;
};

// Writes the graph as an msout-model/1 document (for small graphs and for tools that read
// JSON). Every entity gets its id as name.
// `progress` (optional) is told the entities written so far, now and then.
void write_model_json(std::ostream& out, const SyntheticGraph& g,
                      const SyntheticUncertainty& uncertainty = {},
                      const SyntheticProgress& progress = {});

// A US-sanction scenario for synthetic graphs: every US provider down at 0s, horizon 30d.
void write_us_sanction_scenario(std::ostream& out);

}  // namespace msout::model
