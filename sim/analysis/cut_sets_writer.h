// The cut-set analysis written out: a plain-columns table, or versioned JSON with
// "format": "msout-cut-sets/1" (docs/analyses.md). Entities are named by id, sorted by id
// (each pair too), so the output depends only on the inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/frozen_graph.h"
#include "model/model.h"
#include "sim/analysis/cut_sets.h"
#include "sim/report/applied_overlay.h"

namespace msout::analysis {

inline constexpr const char* kCutSetsFormat = "msout-cut-sets/1";

struct CutSetsReport {
  const model::Model* model = nullptr;         // for names; outlives the report
  std::vector<report::AppliedOverlay> whatif;  // overlays applied to the model, in order
  std::string candidates;                      // provider|service|organisation|all
  std::size_t candidate_count = 0;
  bool include_disputed = false;
  std::uint32_t entities = 0;      // of the graph
  std::uint32_t dependencies = 0;  // edges of the graph
  std::vector<CutSets> functions;  // in the order to print
  // Set to draw the functions' dependency trees in the document (msout analyze cut-sets
  // --function): the graph the cut sets were found on, frozen from `model`.
  const model::FrozenGraph* graph = nullptr;
};

std::string cut_sets_table(const CutSetsReport& result);
std::string cut_sets_json(const CutSetsReport& result);

// One function's cut sets as ids, each list (and each pair) in id order: what both the
// writers and the document show.
struct NamedCutSets {
  std::vector<std::string> single_points;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> degrading;
};
NamedCutSets named_cut_sets(const model::Model& model, const CutSets& sets);

// The candidates, for headers: "27 entities other than functions", "12 providers".
std::string candidates_text(const CutSetsReport& result);

}  // namespace msout::analysis
