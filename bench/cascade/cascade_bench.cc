// msout_cascade_bench: a US-sanction cascade on a (synthetic) graph, side by side with the
// floor — a plain Boost.Graph breadth-first search over the same graph from the same failed
// providers: no engine can propagate a static cascade faster than visiting it.
//
//   msout_cascade_bench --graph g.msout --scenario us.json --threads 1,2 --repeat 3
//
// Prints plain columns (load, simulation and BFS times, events per second, peak memory,
// bytes per edge) and appends them to --results.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <sys/resource.h>

#include <boost/graph/breadth_first_search.hpp>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/program_options.hpp>

#include "bench/bench_util.h"
#include "model/compact_model.h"
#include "model/entity_table.h"
#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"

namespace {

using namespace msout;
using bench::Clock;

double peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) * 1024.0;
}

using Csr = boost::compressed_sparse_row_graph<boost::directedS>;

// The floor: visit everything reachable from the failed providers along dependency ->
// dependent edges (ignores gates and time: an upper bound on what can fail).
std::size_t bfs_floor(const Csr& csr, const std::vector<std::uint32_t>& sources,
                      std::vector<boost::default_color_type>& color) {
  std::fill(color.begin(), color.end(), boost::white_color);
  boost::queue<Csr::vertex_descriptor> queue;
  std::size_t visited = 0;
  struct Counter : boost::default_bfs_visitor {
    std::size_t* n;
    void discover_vertex(Csr::vertex_descriptor, const Csr&) const { ++*n; }
  } visitor;
  visitor.n = &visited;
  auto color_map =
      boost::make_iterator_property_map(color.begin(), boost::get(boost::vertex_index, csr));
  boost::breadth_first_search(csr, sources.begin(), sources.end(), queue, visitor, color_map);
  return visited;
}

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  po::options_description options(
      "msout_cascade_bench: a US-sanction cascade versus the BFS floor");
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("graph", po::value<std::string>(), "graph: compact file (msout generate) or msout-model/1 JSON")
      ("scenario", po::value<std::string>(), "scenario file")
      ("threads", po::value<std::string>()->default_value("1,2"),
       "comma-separated thread counts (the frontier engine; 0 is taken as 1)")
      ("repeat", po::value<int>()->default_value(3), "runs per measurement (median reported)")
      ("label", po::value<std::string>()->default_value(""), "label for the results file")
      ("results", po::value<std::string>(), "append results (tab-separated) to this file");
  // clang-format on
  po::variables_map vm;
  if (auto stop = bench::parse_driver_options(argc, argv, options, vm, "msout_cascade_bench")) {
    return *stop;
  }
  if (vm.count("graph") == 0 || vm.count("scenario") == 0) {
    std::cerr << "msout_cascade_bench: --graph and --scenario are required\n" << options << "\n";
    return 2;
  }
  const std::string graph_path = vm["graph"].as<std::string>();
  const int repeat = std::max(1, vm["repeat"].as<int>());
  try {
    // Load.
    const auto load_start = Clock::now();
    model::EntityTable entities;
    model::FrozenGraph graph;
    std::string format;
    if (model::is_compact_file(graph_path)) {
      model::CompactModel m = model::read_compact(graph_path);
      entities = std::move(m.entities);
      graph = std::move(m.graph);
      format = "compact";
    } else {
      const model::Model m = model::load_model_path(graph_path);
      graph = model::FrozenGraph::freeze(m);
      entities = model::EntityTable::from(m);
      format = "json";
    }
    const double load_s = bench::seconds_since(load_start);
    const double loaded_bytes_per_edge = peak_rss_bytes() / static_cast<double>(graph.edge_count());
    const model::Scenario scenario = model::load_scenario_path(vm["scenario"].as<std::string>());
    model::Diagnostics diags;
    const auto selected = entities.resolve_levers(scenario, diags);
    if (diags.has_errors()) throw model::InputError(diags.errors());

    // The engine first, so that its peak memory is not the floor's.
    struct Row {
      std::string label;
      double sim_s;
      std::uint64_t events;
      std::size_t down;
      double bytes_per_edge;
    };
    std::vector<Row> rows;
    for (int threads : bench::parse_int_list(vm["threads"].as<std::string>())) {
      std::vector<double> times;
      Row row{std::to_string(std::max(1, threads)), 0, 0, 0, 0};
      for (int r = 0; r < repeat; ++r) {
        const auto start = Clock::now();
        const cascade::CascadeRun run = cascade::run_cascade(
            graph, scenario, selected, scenario.horizon.seconds, std::max(1, threads));
        times.push_back(bench::seconds_since(start));
        row.events = run.stats.events;
        row.down = static_cast<std::size_t>(
            std::count(run.final_state.begin(), run.final_state.end(), cascade::State::kDown));
      }
      row.sim_s = bench::median(times);
      // Peak resident memory of the process so far (graph, entities, engine, queue, result).
      row.bytes_per_edge = peak_rss_bytes() / static_cast<double>(graph.edge_count());
      rows.push_back(row);
    }

    // The floor, on a CSR of dependency -> dependent edges.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    pairs.reserve(graph.edge_count());
    for (const model::FrozenEdge& e : graph.all_edges()) pairs.emplace_back(e.dependency, e.owner);
    std::sort(pairs.begin(), pairs.end());
    const Csr csr(boost::edges_are_sorted, pairs.begin(), pairs.end(), graph.node_count());
    pairs.clear();
    pairs.shrink_to_fit();
    std::vector<std::uint32_t> sources;
    for (const auto& lever : selected) sources.insert(sources.end(), lever.begin(), lever.end());
    std::vector<boost::default_color_type> color(graph.node_count());
    std::vector<double> bfs_times;
    std::size_t reached = 0;
    for (int r = 0; r < repeat; ++r) {
      const auto start = Clock::now();
      reached = bfs_floor(csr, sources, color);
      bfs_times.push_back(bench::seconds_since(start));
    }
    const double bfs_s = bench::median(bfs_times);

    std::printf("peak memory after loading: %.1f bytes per edge\n", loaded_bytes_per_edge);
    std::printf("%-8s %10s %10s %8s %8s %10s %10s %12s %9s %10s %9s\n", "format", "nodes", "edges",
                "load_s", "threads", "sim_s", "bfs_s", "Mevents/s", "sim/bfs", "down", "B/edge");
    std::ofstream results;
    if (vm.count("results") != 0) results.open(vm["results"].as<std::string>(), std::ios::app);
    for (const Row& row : rows) {
      std::printf("%-8s %10u %10u %8.3f %8s %10.3f %10.3f %12.2f %9.2f %10zu %9.1f\n",
                  format.c_str(), graph.node_count(), graph.edge_count(), load_s, row.label.c_str(),
                  row.sim_s, bfs_s, static_cast<double>(row.events) / row.sim_s / 1e6,
                  row.sim_s / bfs_s, row.down, row.bytes_per_edge);
      if (results) {
        results << "cascade\t" << vm["label"].as<std::string>() << "\t" << format << "\t"
                << graph.node_count() << "\t" << graph.edge_count() << "\t" << load_s << "\t"
                << row.label << "\t" << row.sim_s << "\t" << bfs_s << "\t" << row.events << "\t"
                << row.down << "\t" << reached << "\t" << row.bytes_per_edge << "\n";
      }
    }
  } catch (const model::InputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 3;
  } catch (const model::IoError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 4;
  }
  return 0;
}
