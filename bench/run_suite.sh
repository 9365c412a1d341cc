#!/usr/bin/env bash
# Runs msout's benchmark suite on an optimised build and writes the figures to a results
# file (tab-separated) as well as to standard output.
# Usage: bash bench/run_suite.sh [results-file]     (default: bench/results/latest.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:-bench/results/latest.tsv}
mkdir -p "$(dirname "$results")"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)" --target msout_phold >/dev/null

{
  echo "# msout benchmark suite, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf 'workload\tconfig\tthreads\tlps\tevents\tmedian_s\tMevents_per_s\n'
} > "$results"

# PHOLD as ROSS defines it: E (classic) and L (ties); seq = the sequential reference scheduler.
for config in E L; do
  ./build/bench/msout_phold --config "$config" --threads "0,1,$(nproc)" --repeat 5 --results "$results"
done
echo "results: $results"
