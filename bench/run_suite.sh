#!/usr/bin/env bash
# Runs msout's benchmark suite on an optimised build and writes the figures to a results
# file (tab-separated) as well as to standard output.
# Usage: bash bench/run_suite.sh [results-file]     (default: bench/results/latest.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
results=${1:-bench/results/latest.tsv}
mkdir -p "$(dirname "$results")"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DMSOUT_MPI="$(command -v mpiexec >/dev/null && echo ON || echo OFF)" >/dev/null
cmake --build build -j "$(nproc)" --target msout msout_phold msout_cascade_bench >/dev/null
graphs=${TMPDIR:-/tmp}/msout-bench-graphs
mkdir -p "$graphs"
sizes=${MSOUT_BENCH_SIZES:-"1000 10000 100000 1000000"}
networkx_max=${MSOUT_BENCH_NETWORKX_MAX:-100000}
# msout's own JSON loader keeps the whole document (about 1.9 kB per edge): 10^6 nodes would
# need some 19 GB.
json_max=${MSOUT_BENCH_JSON_MAX:-100000}

{
  echo "# msout benchmark suite, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  printf 'workload\tconfig\tthreads\tlps\tevents\tmedian_s\tMevents_per_s\n'
} > "$results"

# PHOLD as ROSS defines it: E (classic) and L (ties); seq = the sequential reference scheduler.
for config in E L; do
  ./build/bench/msout_phold --config "$config" --threads "0,1,$(nproc)" --repeat 5 --results "$results"
done
# The US-sanction cascade on synthetic graphs: compact and JSON loading, the engine
# (sequential and parallel) against the BFS floor, and the same static cascade in networkx.
printf 'workload\tlabel\tformat\tnodes\tedges\tload_s\tthreads\tsim_s\tbfs_s\tevents\tdown\treached\tbytes_per_edge\n' >> "$results"
for n in $sizes; do
  ./build/msout generate --nodes "$n" --seed 1 --out "$graphs/g$n.msout" --scenario-out "$graphs/us.json"
  ./build/bench/msout_cascade_bench --graph "$graphs/g$n.msout" --scenario "$graphs/us.json" \
    --threads "1,$(nproc)" --repeat 3 --label "n=$n" --results "$results"
  if [ "$n" -le "$networkx_max" ]; then
    ./build/msout generate --nodes "$n" --seed 1 --format json --out "$graphs/g$n.json"
    if [ "$n" -le "$json_max" ]; then
      ./build/bench/msout_cascade_bench --graph "$graphs/g$n.json" --scenario "$graphs/us.json" \
        --threads 1 --repeat 3 --label "n=$n" --results "$results"
    fi
    if /usr/bin/python3 -c "import networkx" 2>/dev/null; then
      line=$(/usr/bin/python3 bench/cascade/networkx_cascade.py "$graphs/g$n.json" \
               --jurisdiction US --kind provider --repeat 3 | grep '^{' | tail -n 1)
      echo "networkx n=$n: $line"
      printf 'networkx\tn=%s\t%s\n' "$n" "$line" >> "$results"
    fi
  fi
done
# Monte Carlo: the national model (threads, MPI processes) and an uncertain synthetic graph.
mpiexec=$(command -v mpiexec || true)
/usr/bin/python3 bench/montecarlo/montecarlo_bench.py build/msout --repeat 5 --synthetic-repeat 1 \
  ${mpiexec:+--mpiexec "$mpiexec"} --graphs "$graphs" --results "${results%.tsv}-montecarlo.tsv"
echo "results: $results"
