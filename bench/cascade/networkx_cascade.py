#!/usr/bin/python3
"""Baseline: the static US-sanction cascade as an analyst would write it with networkx.

    /usr/bin/python3 bench/cascade/networkx_cascade.py MODEL.json \
        --jurisdiction US --kind provider [--repeat 3]

Reads ONE msout-model/1 file (a model split over a directory must be merged first), builds
a networkx.DiGraph with an edge dependency -> dependent for every dependency (group members
included), fails every entity with the given jurisdiction and kind, and computes the static
cascade (no time, no tolerance, no switchover): the fixed point of "an entity is down if any
of its requirements with effect down is unmet".

- single dependency: unmet when its dependency has failed;
- any group: unmet when all members have failed;
- k-of-n group: unmet when fewer than k members have not failed.

As in msout (model/frozen_graph.cc), dependencies whose evidence (or whose group's evidence)
is "disputed" are left out; a group with every member left out is dropped, and a k-of-n
group's k is clamped to the members kept. Requirements with effect "degraded" get their
edges but never fail anything (only down counts).

The cascade is a worklist over G.successors from the failed set with one counter of failed
members per requirement, so each edge is visited once. Load (JSON parse + graph build) and
cascade are timed separately; with --repeat the cascade is run that many times and the
median is reported. Prints one line of plain columns and one JSON line.
"""
import argparse
import collections
import json
import statistics
import sys
import time

import networkx as nx


class ModelError(Exception):
    pass


def load(path):
    """Parse one model file and build the graph.

    Returns (G, need, owner, dependencies):
      G     networkx.DiGraph; node attributes kind, jurisdiction; edge attribute reqs, the
            list of down-requirement indices the edge's dependency is a member of (once per
            membership, so a dependency listed twice in one group counts twice);
      need  need[r] = number of failed members that make requirement r unmet;
      owner owner[r] = the entity whose requirement r is;
      dependencies = number of member dependencies kept (msout's edge count; the DiGraph
            merges parallel edges).
    """
    with open(path, "rb") as f:
        doc = json.load(f)
    if doc.get("format") != "msout-model/1":
        raise ModelError(f"{path}: not an msout-model/1 file (format {doc.get('format')!r})")

    G = nx.DiGraph()
    entities = doc.get("entities", [])
    for e in entities:
        if e["id"] in G:
            raise ModelError(f"{path}: duplicate id {e['id']!r}")
        G.add_node(e["id"], kind=e["kind"], jurisdiction=e.get("jurisdiction"))

    need = []
    owner = []
    dependencies = 0
    for e in entities:
        dependent = e["id"]
        for req in e.get("requires", ()):
            if "on" in req:
                members, k_of = [req], None
            elif "any" in req:
                members, k_of = req["any"], None
            else:
                members, k_of = req["of"], req["k"]
            group_disputed = (req.get("evidence") or {}).get("confidence") == "disputed"
            kept = [m for m in members
                    if not group_disputed
                    and (m.get("evidence") or {}).get("confidence") != "disputed"]
            if not kept:
                continue
            counts = req.get("effect", "down") == "down"
            r = len(need)
            if counts:
                if "on" in req:
                    need.append(1)
                elif "any" in req:
                    need.append(len(kept))
                else:
                    k = min(k_of, len(kept))
                    need.append(len(kept) - k + 1)  # failed > n - k  <=>  fewer than k left
                owner.append(dependent)
            for m in kept:
                dep = m["on"]
                if dep not in G:
                    raise ModelError(f"{path}: {dependent!r} requires unknown id {dep!r}")
                dependencies += 1
                if G.has_edge(dep, dependent):
                    reqs = G[dep][dependent]["reqs"]
                else:
                    reqs = []
                    G.add_edge(dep, dependent, reqs=reqs)
                if counts:
                    reqs.append(r)
    return G, need, owner, dependencies


def select(G, jurisdiction, kind):
    return [n for n, a in G.nodes(data=True)
            if a["jurisdiction"] == jurisdiction and a["kind"] == kind]


def cascade(G, need, initial):
    """Static cascade from the initially failed entities; returns the set of failed ones."""
    failed_members = [0] * len(need)
    failed = set(initial)
    queue = collections.deque(failed)
    while queue:
        d = queue.popleft()
        for s, attrs in G.succ[d].items():  # dependents of d
            if s in failed:
                continue
            for r in attrs["reqs"]:
                failed_members[r] += 1
                if failed_members[r] == need[r]:
                    failed.add(s)
                    queue.append(s)
                    break
    return failed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model", help="one msout-model/1 JSON file")
    ap.add_argument("--jurisdiction", required=True, help="e.g. US")
    ap.add_argument("--kind", required=True,
                    choices=["provider", "service", "organisation", "function"])
    ap.add_argument("--repeat", type=int, default=1, help="cascade runs; median reported")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    try:
        G, need, owner, dependencies = load(args.model)
    except (ModelError, KeyError, OSError, ValueError) as err:
        print(f"networkx_cascade: {err!r}", file=sys.stderr)
        return 1
    load_s = time.perf_counter() - t0

    times = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        initial = select(G, args.jurisdiction, args.kind)
        failed = cascade(G, need, initial)
        times.append(time.perf_counter() - t0)
    cascade_s = statistics.median(times)

    kinds = G.nodes(data="kind")
    failed_functions = sum(1 for n in failed if kinds[n] == "function")
    functions = sum(1 for _, k in kinds if k == "function")

    result = {
        "entities": G.number_of_nodes(),
        "edges": G.number_of_edges(),
        "dependencies": dependencies,
        "initially_failed": len(initial),
        "failed": len(failed),
        "failed_functions": failed_functions,
        "functions": functions,
        "load_s": round(load_s, 6),
        "cascade_s": round(cascade_s, 6),
        "cascade_runs_s": [round(t, 6) for t in times],
    }
    print(f"# networkx {nx.__version__}  {'entities':>9} {'edges':>10} {'init_failed':>11} "
          f"{'failed':>9} {'failed_fn':>9} {'functions':>9} {'load_s':>9} "
          f"{'cascade_s':>9}")
    print(f"networkx-cascade  {result['entities']:>9} {result['edges']:>10} "
          f"{result['initially_failed']:>11} {result['failed']:>9} {failed_functions:>9} "
          f"{functions:>9} {load_s:>9.3f} {cascade_s:>9.3f}")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
