// The blast-radius analysis written out: a plain-columns table, or versioned JSON with
// "format": "msout-blast-radius/1" (docs/analyses.md). The output depends only on the
// inputs: two runs, at any thread count, give identical bytes.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/catalogue.h"
#include "sim/analysis/blast_radius.h"
#include "sim/report/applied_overlay.h"

namespace msout::analysis {

inline constexpr const char* kBlastRadiusFormat = "msout-blast-radius/1";

struct BlastRadiusReport {
  model::Catalogue names;                      // ids, names, model name, population
  std::vector<report::AppliedOverlay> whatif;  // overlays applied to the model, in order
  std::string kind;                            // provider|service|organisation|all; empty with ids
  std::vector<std::string> ids;                // the --ids asked for, if any
  std::int64_t horizon = 0;                    // seconds
  bool include_disputed = false;
  std::uint32_t entities = 0;       // of the graph
  std::uint32_t dependencies = 0;   // edges of the graph
  std::size_t analysed = 0;         // entities whose outage was run
  std::vector<BlastRadius> ranked;  // worst first; the first --top of them
};

std::string blast_radius_table(const BlastRadiusReport& result);
std::string blast_radius_json(const BlastRadiusReport& result);

// What was run, for headers: "27 providers", "2 entities named by --ids".
std::string blast_radius_scope(const BlastRadiusReport& result);

}  // namespace msout::analysis
