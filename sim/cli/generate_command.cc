// `msout generate`: write a synthetic society graph (seeded, deterministic).
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <boost/program_options.hpp>

#include "model/compact_model.h"
#include "model/output_file.h"
#include "model/synthetic_graph.h"
#include "sim/cli/commands.h"
#include "sim/cli/option_values.h"
#include "sim/cli/progress_bar.h"

namespace msout::cli {
namespace po = boost::program_options;

namespace {

constexpr const char* kGenerateHelp = R"(Usage: msout generate --nodes N [options] --out FILE

Writes a synthetic society graph: a few providers with regions and identity services (a
cycle each), platform services on them, applications with heavy-tailed fan-in onto the
platforms, organisations, and critical functions; any-groups with switchover and 2-of-3
groups; tolerances and recoveries drawn from the distributions in
docs/synthetic-graphs.md. The same options give the same bytes.

Formats: compact (binary columns; loads a 10-million-edge graph in seconds) or json
(msout-model/1; for small graphs).

Options)";

}  // namespace

int generate_command(const std::vector<std::string>& args) {
  po::options_description options(kGenerateHelp);
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("nodes,n", po::value<std::uint64_t>(), "number of entities (at least 100)")
      ("degree,d", po::value<double>()->default_value(10), "mean dependencies per entity")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed")
      ("format,f", po::value<std::string>()->default_value("compact"), "compact or json")
      ("out,o", po::value<std::string>(), "output file")
      ("claims", po::value<double>()->default_value(0),
       "json only: share of dependencies (0 to 1) resting on a claim of a drawn confidence "
       "level, for msout montecarlo")
      ("choices", po::value<double>()->default_value(0),
       "json only: share of single dependencies on a provider (0 to 1) written as a one_of "
       "choice of three providers")
      ("scenario-out", po::value<std::string>(),
       "also write a US-sanction scenario for the graph to this file");
  // clang-format on
  po::variables_map vm;
  if (!parse_arguments(args, options, vm)) return kExitOk;
  if (vm.count("nodes") == 0 || vm.count("out") == 0) {
    throw UsageError("generate: --nodes and --out are required");
  }
  const std::string format = one_of(vm, "format", {"compact", "json"});
  model::SyntheticOptions synthetic;
  synthetic.nodes = vm["nodes"].as<std::uint64_t>();
  synthetic.degree = vm["degree"].as<double>();
  synthetic.seed = vm["seed"].as<std::uint64_t>();
  if (synthetic.nodes < 100 || synthetic.nodes > 100'000'000) {
    throw UsageError("--nodes must be between 100 and 100000000");
  }
  if (!(synthetic.degree >= 1 && synthetic.degree <= 100)) {
    throw UsageError("--degree must be between 1 and 100");
  }
  model::SyntheticUncertainty uncertainty;
  uncertainty.claims = vm["claims"].as<double>();
  uncertainty.choices = vm["choices"].as<double>();
  uncertainty.seed = synthetic.seed;
  for (double share : {uncertainty.claims, uncertainty.choices}) {
    if (!(share >= 0 && share <= 1)) throw UsageError("--claims and --choices must be from 0 to 1");
  }
  if (format == "compact" && (uncertainty.claims > 0 || uncertainty.choices > 0)) {
    throw UsageError(
        "--claims and --choices need --format json (the compact format has no "
        "evidence)");
  }
  const auto start = std::chrono::steady_clock::now();
  const bool show_progress = ProgressBar::on_terminal();
  const model::SyntheticGraph graph = [&] {
    ProgressBar bar("generate", synthetic.nodes, "entities", show_progress);
    return model::generate_synthetic(synthetic, [&](std::uint64_t done) { bar.update(done); });
  }();
  const std::filesystem::path out = vm["out"].as<std::string>();
  if (format == "compact") {
    model::write_compact(out, graph.entities, graph.graph);
  } else {
    ProgressBar bar("write json", graph.entities.size(), "entities", show_progress);
    model::write_output_file(out, [&](std::ostream& s) {
      model::write_model_json(s, graph, uncertainty, [&](std::uint64_t done) { bar.update(done); });
    });
  }
  if (vm.count("scenario-out") != 0) {
    model::write_output_file(vm["scenario-out"].as<std::string>(),
                             [](std::ostream& s) { model::write_us_sanction_scenario(s); });
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "msout generate: " << graph.entities.size() << " entities, "
            << graph.graph.requirement_count() << " requirements, " << graph.graph.edge_count()
            << " dependencies -> " << out.string() << " (" << format << ", " << seconds << " s)\n";
  return kExitOk;
}

}  // namespace msout::cli
