// `msout run --summary`, and every `msout run` on a compact model (msout generate): the
// run's summary (sim/report/run_summary.h) instead of the full report, which names every
// function with its evidence and is meant for models of hundreds of entities. A compact
// model is read as it is (docs/compact-format.md): no names, evidence, population or
// what-ifs; a JSON model is loaded with its --whatif overlays as for the full report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/program_options/variables_map.hpp>

#include "sim/cli/document_output.h"

namespace msout::cli {

struct SummaryRunOptions {
  std::string format;  // table, json, csv or html (dot is refused before)
  std::size_t top = 10;
  std::optional<std::int64_t> until;
  int threads = 1;
  bool include_disputed = false;
};

// Loads the model and the scenarios of `vm`, runs each scenario (a batch concurrently) and
// returns one summary per scenario, in order. Bad input throws before anything runs.
std::vector<Result> run_summaries(const boost::program_options::variables_map& vm,
                                  const SummaryRunOptions& options);

}  // namespace msout::cli
