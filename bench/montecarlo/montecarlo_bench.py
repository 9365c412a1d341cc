"""Monte Carlo benchmark: whole-process times of `msout montecarlo`, measured side by side.

Usage: montecarlo_bench.py MSOUT_BINARY [--repeat R] [--results FILE] [--mpiexec PATH]
                           [--synthetic-nodes N] [--synthetic-replications M]
                           [--synthetic-repeat S] [--graphs DIR]

Workloads (bench/README.md):
  national   the Netherlands model under us-sanctions-staged, 10,000 replications, whole
             process (load included): 1 vs 2 threads, and 1 vs 2 MPI processes when msout
             was built with MPI and an mpiexec is given;
  synthetic  a synthetic graph (default 10^5 nodes) with uncertain claims and weighted
             choices (msout generate --claims 0.5 --choices 0.2), M replications (default
             1,000): replications/s, engine events/s, and the cost of one replication against
             one deterministic `msout run` of the same model and scenario.

The commands of one comparison run interleaved (A B A B ...) R times, so that a busy machine
slows both alike; figures are medians, ratios are of medians. Prints a table and appends
tab-separated rows to the results file. Standard library only.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def timed(cmd):
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{result.stderr.decode(errors='replace')}")
    return elapsed, result.stdout


def side_by_side(commands, repeat):
    """Runs the commands interleaved `repeat` times; returns the median seconds of each and
    the last standard output of each."""
    times = [[] for _ in commands]
    outputs = [b""] * len(commands)
    for _ in range(repeat):
        for i, cmd in enumerate(commands):
            t, outputs[i] = timed(cmd)
            times[i].append(t)
    return [statistics.median(t) for t in times], outputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("msout")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--results", default="bench/results/montecarlo-latest.tsv")
    parser.add_argument("--mpiexec", default="")
    parser.add_argument("--synthetic-nodes", type=int, default=100000)
    parser.add_argument("--synthetic-replications", type=int, default=1000)
    parser.add_argument("--synthetic-repeat", type=int, default=3)
    parser.add_argument("--graphs", default=os.path.join(os.environ.get("TMPDIR", "/tmp"),
                                                         "msout-bench-graphs"))
    a = parser.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    staged = os.path.join(root, "scenarios", "nl", "us-sanctions-staged.json")
    rows = []

    # National model, 10,000 replications: threads, then processes.
    n = 10000
    base = [a.msout, "montecarlo", "--scenario", staged, "--replications", str(n), "--quiet",
            "--format", "json"]
    (t1, t2), (o1, o2) = side_by_side([base + ["--threads", "1"], base + ["--threads", "2"]],
                                      a.repeat)
    assert o1 == o2, "thread counts gave different output"
    events = json.loads(o1)["engine"]["events"]
    rows.append(("national-staged", "threads=1", n, t1, n / t1, events / t1))
    rows.append(("national-staged", "threads=2", n, t2, n / t2, events / t2))
    print(f"national, us-sanctions-staged, {n} replications (whole process, median of {a.repeat}):", flush=True)
    print(f"  1 thread  {t1:.3f} s  {n / t1:,.0f} replications/s", flush=True)
    print(f"  2 threads {t2:.3f} s  {n / t2:,.0f} replications/s  (speed-up {t1 / t2:.2f})", flush=True)
    if a.mpiexec:
        mpi = [a.mpiexec, "--allow-run-as-root", "--oversubscribe"]
        (p1, p2), (q1, q2) = side_by_side(
            [mpi + ["-np", "1"] + base + ["--threads", "1"],
             mpi + ["-np", "2"] + base + ["--threads", "1"]], a.repeat)
        assert q1 == q2 == o1, "process counts gave different output"
        rows.append(("national-staged", "mpi-np=1,threads=1", n, p1, n / p1, events / p1))
        rows.append(("national-staged", "mpi-np=2,threads=1", n, p2, n / p2, events / p2))
        print(f"  mpirun -np 1 {p1:.3f} s, -np 2 {p2:.3f} s (speed-up {p1 / p2:.2f}; "
              "includes MPI start-up)")

    # Synthetic graph with uncertain claims: replications against one deterministic run.
    os.makedirs(a.graphs, exist_ok=True)
    nodes, m = a.synthetic_nodes, a.synthetic_replications
    graph = os.path.join(a.graphs, f"uncertain{nodes}.json")
    scenario = os.path.join(a.graphs, "us.json")
    if not os.path.exists(graph):
        subprocess.run([a.msout, "generate", "--nodes", str(nodes), "--format", "json",
                        "--claims", "0.5", "--choices", "0.2", "--out", graph,
                        "--scenario-out", scenario], check=True, capture_output=True)
    common = ["--model", graph, "--scenario", scenario]
    det = [a.msout, "run"] + common + ["--threads", "1", "--format", "json"]
    one = [a.msout, "montecarlo"] + common + ["--replications", "1", "--quiet", "--threads", "1",
                                              "--format", "json"]
    many = [a.msout, "montecarlo"] + common + ["--replications", str(m), "--quiet",
                                               "--format", "json"]
    (td, t_one, t_many), (_, _, out) = side_by_side([det, one, many], a.synthetic_repeat)
    events = json.loads(out)["engine"]["events"]
    per_replication = (t_many - t_one) / (m - 1)
    rows.append((f"synthetic-{nodes}", "deterministic-run", 1, td, 1 / td, 0))
    rows.append((f"synthetic-{nodes}", "montecarlo-1", 1, t_one, 1 / t_one, 0))
    rows.append((f"synthetic-{nodes}", f"montecarlo-{m}", m, t_many, m / t_many, events / t_many))
    print(f"synthetic, {nodes} nodes, claims 0.5, choices 0.2 "
          f"(whole process, median of {a.synthetic_repeat}):")
    print(f"  one deterministic msout run   {td:.3f} s", flush=True)
    print(f"  montecarlo, 1 replication     {t_one:.3f} s (load, plan, one replication)", flush=True)
    print(f"  montecarlo, {m} replications {t_many:.3f} s: {m / t_many:,.1f} replications/s, "
          f"{events / t_many / 1e6:.2f} M events/s")
    print(f"  one more replication costs {per_replication * 1000:.1f} ms "
          f"({per_replication / td:.3f} of a whole deterministic run, load included)")

    new = not os.path.exists(a.results)
    os.makedirs(os.path.dirname(os.path.abspath(a.results)), exist_ok=True)
    with open(a.results, "a") as f:
        if new:
            f.write("workload\tconfig\treplications\tmedian_s\treplications_per_s\tevents_per_s\n")
        for r in rows:
            f.write("\t".join(str(x) if not isinstance(x, float) else f"{x:.4f}" for x in r) + "\n")
    print(f"results: {a.results}", flush=True)


if __name__ == "__main__":
    main()
