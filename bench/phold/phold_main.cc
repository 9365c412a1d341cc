// msout_phold: PHOLD on msout's kernel, sequential and parallel, in the two standard
// configurations (E: classic; L: ties). Prints committed events and event-loop rate, and
// appends the figures to a results file.
//
//   msout_phold --config E --threads 1,2 --repeat 5 --results bench/results/phold.tsv
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "bench/bench_util.h"
#include "bench/phold/phold.h"
#include "sim/kernel/parallel_scheduler.h"
#include "sim/kernel/sequential_scheduler.h"

namespace {

using msout::bench::Clock;
using msout::bench::Phold;
using msout::bench::PholdConfig;

struct Result {
  std::uint64_t events;
  double seconds;
};

// threads == 0: the sequential reference scheduler.
template <class Scheduler>
Result run(Scheduler& scheduler, Phold& phold, const PholdConfig& config) {
  for (std::uint32_t lp = 0; lp < config.lps; ++lp) {
    scheduler.inject(phold.first_time(lp), lp, 0, 0);
  }
  const auto start = Clock::now();
  const auto stats = scheduler.run_until(msout::kernel::SimTime{config.end - 1});
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return {stats.events, seconds};
}

Result run_once(const PholdConfig& config, int threads) {
  Phold phold(config);
  if (threads == 0) {
    msout::kernel::SequentialScheduler<Phold> scheduler(config.lps, phold);
    return run(scheduler, phold, config);
  }
  msout::kernel::ParallelScheduler<Phold> scheduler(config.lps, phold, threads,
                                                    msout::kernel::SimTime{config.lookahead});
  return run(scheduler, phold, config);
}

}  // namespace

int main(int argc, char** argv) {
  namespace po = boost::program_options;
  po::options_description options("msout_phold: PHOLD on msout's kernel");
  // clang-format off
  options.add_options()
      ("help,h", "show this help")
      ("config", po::value<std::string>()->default_value("E"),
       "E (classic: lookahead 0.1) or L (ties: lookahead 1.0, every delay exactly 1.0)")
      ("lps", po::value<std::uint32_t>()->default_value(32768), "logical processes")
      ("end", po::value<double>()->default_value(300.0), "end time")
      ("threads", po::value<std::string>()->default_value("0,1,2"),
       "comma-separated thread counts; 0 = the sequential reference scheduler")
      ("repeat", po::value<int>()->default_value(5), "runs per thread count (median reported)")
      ("seed", po::value<std::uint64_t>()->default_value(1), "random seed")
      ("results", po::value<std::string>(), "append results (tab-separated) to this file");
  // clang-format on
  po::variables_map vm;
  if (auto stop = msout::bench::parse_driver_options(argc, argv, options, vm, "msout_phold")) {
    return *stop;
  }
  PholdConfig config;
  const std::string name = vm["config"].as<std::string>();
  if (name == "E") {
    config.lookahead = 100'000;
  } else if (name == "L") {
    config.lookahead = 1'000'000;
  } else {
    std::cerr << "msout_phold: --config must be E or L\n";
    return 2;
  }
  config.lps = vm["lps"].as<std::uint32_t>();
  config.end = static_cast<std::int64_t>(vm["end"].as<double>() * 1e6);
  config.seed = vm["seed"].as<std::uint64_t>();
  const int repeat = std::max(1, vm["repeat"].as<int>());

  std::ofstream results;
  if (vm.count("results") != 0) {
    results.open(vm["results"].as<std::string>(), std::ios::app);
    if (!results) {
      std::cerr << "msout_phold: cannot open " << vm["results"].as<std::string>() << "\n";
      return 4;
    }
  }
  std::printf("%-8s %-7s %8s %14s %12s %12s %12s\n", "config", "threads", "lps", "events",
              "median_s", "Mevents/s", "min_s");
  std::uint64_t expected_events = 0;
  for (int threads : msout::bench::parse_int_list(vm["threads"].as<std::string>())) {
    std::vector<double> seconds;
    std::uint64_t events = 0;
    for (int r = 0; r < repeat; ++r) {
      const Result result = run_once(config, threads);
      seconds.push_back(result.seconds);
      events = result.events;
    }
    if (expected_events == 0) expected_events = events;
    if (events != expected_events) {
      std::cerr << "msout_phold: committed events differ between schedulers (" << events << " vs "
                << expected_events << ")\n";
      return 1;
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    const std::string label = threads == 0 ? "seq" : std::to_string(threads);
    std::printf("%-8s %-7s %8u %14llu %12.4f %12.3f %12.4f\n", name.c_str(), label.c_str(),
                config.lps, static_cast<unsigned long long>(events), median,
                static_cast<double>(events) / median / 1e6, seconds.front());
    if (results) {
      results << "phold\t" << name << "\t" << label << "\t" << config.lps << "\t" << events << "\t"
              << median << "\t" << static_cast<double>(events) / median / 1e6 << "\n";
    }
  }
  return 0;
}
