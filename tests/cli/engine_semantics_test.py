#!/usr/bin/env python3
"""End-to-end: the engine rules of issue 10 that a wrong run would hide (docs/semantics.md).

Usage: engine_semantics_test.py MSOUT_BINARY REPO_ROOT
Each check writes a small model and scenario, runs msout and compares with hand-derived
expectations:
- disputed-two-of-three-survives: a 2-of-3 group with two disputed members imposes nothing
  by default (the left-out members count as working) and fails with --include-disputed;
- disputed-alternative-satisfies-any-group, and k-of-n needs k minus the members left out;
- compare-horizon-100-years-no-overflow: `compare` on a 36500d horizon with many functions
  prints exact, non-negative totals;
- montecarlo-lognormal-tail-clamped: log-normal lever times with a 100-year P90 stay within
  100 years (no negative or wrapped times);
- many-levers-each-selects-its-entity: 20,000 levers by id on a 20,000-entity model each act
  on their own entity (the selector index gives the same answers as matching them all);
- black-start-chain-either-order: a long chain listed dependents first or last gives the
  same black-start result.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=120)
H, D = 3600, 86400
DISPUTED = {"source": "s", "confidence": "disputed"}
WORK = tempfile.mkdtemp(prefix="msout-engine-")


def write(name, document):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f)
    return path


def model(name, entities):
    return write(name, {"format": "msout-model/1", "entities": entities})


def scenario(name, levers, horizon="1d"):
    return write(name, {"format": "msout-scenario/1", "name": name, "horizon": horizon,
                        "levers": levers})


def provider(i):
    return {"id": i, "name": i, "kind": "provider"}


def function(i, requires, people=0):
    return {"id": i, "name": i, "kind": "function", "requires": requires,
            "people_served": people}


def down(lever_id, at, ids):
    return {"id": lever_id, "at": at, "action": "down", "select": {"ids": ids}}


def run_json(*args):
    return msout.json("run", "--format", "json", *args)


def first_down(report, fid):
    return {f["id"]: f for f in report["functions"]}[fid]["first_down_s"]


# disputed-two-of-three-survives
two_of_three = model("two-of-three.json", [provider("a"), provider("b"), provider("c"), function(
    "f", [{"k": 2, "of": [{"on": "a"}, {"on": "b", "evidence": DISPUTED},
                          {"on": "c", "evidence": DISPUTED}]}])])
a_then_b = scenario("a-then-b.json", [down("la", "1h", ["a"]), down("lb", "2h", ["b"])])
default = run_json("--model", two_of_three, "--scenario", a_then_b)
check("disputed-two-of-three-survives: never down by default",
      first_down(default, "f") is None, str(default["functions"]))
included = run_json("--model", two_of_three, "--scenario", a_then_b, "--include-disputed")
check("disputed-two-of-three-survives: down at 2h with --include-disputed",
      first_down(included, "f") == 2 * H, str(included["functions"]))

# disputed-alternative-satisfies-any-group; k-of-n needs k minus the members left out
groups = model("groups.json", [provider("a"), provider("b"), provider("c"), provider("d"),
                               function("any", [{"any": [{"on": "a"},
                                                         {"on": "b", "evidence": DISPUTED}],
                                                 "switchover": "15m"}]),
                               function("three-of-four", [{"k": 3, "of": [
                                   {"on": "a"}, {"on": "b"}, {"on": "c"},
                                   {"on": "d", "evidence": DISPUTED}]}])])
report = run_json("--model", groups, "--scenario", a_then_b)
check("disputed-alternative-satisfies-any-group", first_down(report, "any") is None,
      str(report["functions"]))
check("disputed-k-of-n-needs-k-less-left-out: 3-of-4 with one left out fails at the 2nd loss",
      first_down(report, "three-of-four") == 2 * H, str(report["functions"]))
report = run_json("--model", groups, "--scenario", a_then_b, "--include-disputed")
check("with --include-disputed the any group is down from 1h (switchover) and 3-of-4 at 2h",
      first_down(report, "any") == 1 * H and first_down(report, "three-of-four") == 2 * H,
      str(report["functions"]))

# compare-horizon-100-years-no-overflow
N = 200
many = [provider("cloud"), provider("local")] + [
    function(f"f{i}", [{"on": "cloud", "tolerance": f"{i}d"}], people=1000 * (i + 1))
    for i in range(N)]
baseline = model("many.json", many)
overlay = write("local.json", {"format": "msout-overlay/1", "name": "local",
                               "replace_entities": [function("f0", [{"on": "local"}], 1000)]})
century = scenario("century.json", [down("out", "0s", ["cloud"])], horizon="36500d")
result = msout("compare", "--format", "json", "--model", baseline, "--scenario", century,
               "--whatif", overlay)
if result.returncode != 0:
    check("compare-horizon-100-years-no-overflow: exits 0", False, result.stderr.decode())
else:
    c = json.loads(result.stdout)
    horizon = 36500 * D
    expected = sum(horizon - i * D for i in range(N))
    totals = c["totals"]
    check("compare-horizon-100-years-no-overflow: exact baseline total",
          totals["baseline"]["time_down_s"] == expected, str(totals))
    check("compare-horizon-100-years-no-overflow: what-if total without f0",
          totals["whatif"]["time_down_s"] == expected - horizon, str(totals))
    check("compare-horizon-100-years-no-overflow: no negative time anywhere",
          all(f[side]["time_down_s"] >= 0 for f in c["functions"]
              for side in ("baseline", "whatif") if f.get(side)), "")
    table = msout("compare", "--model", baseline, "--scenario", century, "--whatif", overlay)
    # The totals line reads baseline, what-if, then the (negative) change: exact days.
    totals_line = [l for l in table.stdout.decode().splitlines() if l.strip().startswith("time down")]
    check("compare-horizon-100-years-no-overflow: table totals exact, only the change negative",
          table.returncode == 0 and totals_line
          and totals_line[0].split()[2:] == [f"{expected // D}d", f"{(expected - horizon) // D}d",
                                              "-36500d"], totals_line)

# montecarlo-lognormal-tail-clamped
tail = scenario("tail.json", [{"id": "late", "action": "down", "select": {"ids": ["a"]},
                               "at": {"distribution": "lognormal", "median": "1d",
                                      "p90": "36500d"}}], horizon="36500d")
mc_model = model("mc.json", [provider("a"), function("f", [{"on": "a"}])])
result = msout("montecarlo", "--format", "json", "--model", mc_model, "--scenario", tail,
               "--replications", "2000", "--seed", "3")
if result.returncode != 0:
    check("montecarlo-lognormal-tail-clamped: exits 0", False, result.stderr.decode())
else:
    text = result.stdout.decode()
    mc = json.loads(text)
    numbers = []

    def collect(value):
        if isinstance(value, dict):
            for k, v in value.items():
                if k.endswith("_s") and isinstance(v, (int, float)):
                    numbers.append(v)
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)
    collect(mc)
    check("montecarlo-lognormal-tail-clamped: every time within [0, 100 years]",
          numbers and all(0 <= v <= 36500 * D for v in numbers), str(numbers[:20]))

# many-levers-each-selects-its-entity
M = 20000
big = model("big.json", [provider(f"p{i}") for i in range(M)] +
            [function("f", [{"k": 1, "of": [{"on": f"p{i}"} for i in range(0, M, 1000)]}])])
levers = scenario("levers.json", [down(f"l{i}", f"{i}s", [f"p{i}"]) for i in range(M)],
                  horizon="1d")
report = run_json("--model", big, "--scenario", levers)
# f needs one of p0, p1000, ..., p19000: down when p19000 falls, at 19000s.
check("many-levers-each-selects-its-entity: f down when its last provider falls",
      first_down(report, "f") == 19000, str(report["functions"]))

# black-start-chain-either-order: c0 <- c1 <- ... <- c(n-1) waits on a 2-cycle x <-> y that a
# lever took down and restored.
C = 3000
chain = [{"id": f"c{i}", "name": f"c{i}", "kind": "service",
          "requires": [{"on": f"c{i + 1}" if i + 1 < C else "x"}]} for i in range(C)]
cycle = [{"id": "x", "name": "x", "kind": "service", "requires": [{"on": "y"}]},
         {"id": "y", "name": "y", "kind": "service", "requires": [{"on": "x"}]}]
restart = scenario("restart.json", [down("lx", "1h", ["x"]),
                                    {"id": "rx", "at": "2h", "action": "restore",
                                     "select": {"ids": ["x"]}}])
blocked = []
for name, entities in (("dependents-first.json", chain + cycle),
                       ("dependencies-first.json", cycle + chain[::-1])):
    report = run_json("--model", model(name, entities + [function("f", [{"on": "c0"}])]),
                      "--scenario", restart)
    blocked.append(sorted(report["black_start"]["blocked"]))
check("black-start-chain-either-order: the whole chain and the cycle are blocked",
      len(blocked[0]) == C + 3, str(len(blocked[0])))
check("black-start-chain-either-order: the same in either order", blocked[0] == blocked[1])

finish()
