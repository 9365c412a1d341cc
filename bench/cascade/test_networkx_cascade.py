#!/usr/bin/python3
"""Self-check of networkx_cascade.py on tiny hand-computed models.

    /usr/bin/python3 bench/cascade/test_networkx_cascade.py
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "networkx_cascade.py")
spec = importlib.util.spec_from_file_location("networkx_cascade", SCRIPT)
nxc = importlib.util.module_from_spec(spec)
spec.loader.exec_module(nxc)

passed = 0
failures = []


def ent(id_, kind="service", jurisdiction="NL", requires=()):
    return {"id": id_, "name": id_, "kind": kind, "jurisdiction": jurisdiction,
            "requires": list(requires)}


def on(id_, **extra):
    return dict(on=id_, **extra)


def write(tmp, name, entities):
    path = os.path.join(tmp, name + ".json")
    with open(path, "w") as f:
        json.dump({"format": "msout-model/1", "name": name, "entities": entities}, f)
    return path


def check(name, path, expected, jurisdiction="US", kind="provider"):
    global passed
    G, need, _, _ = nxc.load(path)
    failed = nxc.cascade(G, need, nxc.select(G, jurisdiction, kind))
    if failed == set(expected):
        passed += 1
    else:
        failures.append(f"{name}: got {sorted(failed)}, expected {sorted(expected)}")


US = dict(kind="provider", jurisdiction="US")
EU = dict(kind="provider", jurisdiction="EU")

with tempfile.TemporaryDirectory() as tmp:
    # 1. all gate, any gate with one / both members failed.
    gates = write(tmp, "gates", [
        ent("us1", **US), ent("us2", **US), ent("eu1", **EU),
        ent("all_one", requires=[on("eu1"), on("us1")]),          # implicit all: down
        ent("all_none", requires=[on("eu1")]),                    # up
        ent("any_one", requires=[{"any": [on("us1"), on("eu1")]}]),   # up
        ent("any_both", requires=[{"any": [on("us1"), on("us2")]}]),  # down
        ent("fn", kind="function", requires=[on("all_one")]),     # down via all_one
        ent("fn2", kind="function", requires=[on("any_one")]),    # up
    ])
    check("all/any gates", gates, {"us1", "us2", "all_one", "any_both", "fn"})

    # 2. k-of-n below / at k.
    kofn = write(tmp, "kofn", [
        ent("us1", **US), ent("us2", **US), ent("eu1", **EU), ent("eu2", **EU),
        # 4 members, 2 failed: 2 left, k=2 -> met (at k)
        ent("at_k", requires=[{"k": 2, "of": [on("us1"), on("us2"), on("eu1"), on("eu2")]}]),
        # 4 members, 2 failed: 2 left, k=3 -> unmet (below k)
        ent("below_k", requires=[{"k": 3, "of": [on("us1"), on("us2"), on("eu1"), on("eu2")]}]),
        # k=1 of one failed, one fine -> met
        ent("k1", requires=[{"k": 1, "of": [on("us1"), on("eu1")]}]),
        ent("after", requires=[on("below_k")]),
    ])
    check("k-of-n", kofn, {"us1", "us2", "below_k", "after"})

    # 3. a cycle: entered from outside it fails entirely; a separate cycle stays up.
    cycle = write(tmp, "cycle", [
        ent("us1", **US), ent("eu1", **EU),
        ent("a", requires=[on("us1"), on("b")]),
        ent("b", requires=[on("c")]),
        ent("c", requires=[on("a")]),
        ent("d", requires=[on("c")]),
        ent("x", requires=[on("y"), on("eu1")]),
        ent("y", requires=[on("x")]),
        ent("self", requires=[on("self"), on("eu1")]),
    ])
    check("cycle", cycle, {"us1", "a", "b", "c", "d"})

    # 4. disputed dependencies and effect-degraded requirements.
    disputed = write(tmp, "disputed", [
        ent("us1", **US), ent("us2", **US), ent("eu1", **EU),
        # single disputed dependency: ignored
        ent("disp", requires=[on("us1", evidence={"source": "s", "confidence": "disputed"})]),
        ent("rep", requires=[on("us1", evidence={"source": "s", "confidence": "reported"})]),
        # disputed member dropped from an any group: only us2 left -> down
        ent("any_disp", requires=[{"any": [
            on("eu1", evidence={"source": "s", "confidence": "disputed"}), on("us2")]}]),
        # whole group disputed: left out
        ent("grp_disp", requires=[{"any": [on("us1"), on("us2")],
                                   "evidence": {"source": "s", "confidence": "disputed"}}]),
        # k=2 of 3, the fine member disputed: k clamped to 2 of the 2 kept, both failed
        ent("k_disp", requires=[{"k": 2, "of": [
            on("us1"), on("us2"), on("eu1", evidence={"source": "s", "confidence": "disputed"})]}]),
        # k=2 of 3, a failed member disputed: 1 of 2 kept left, k=2 -> unmet
        ent("k_disp2", requires=[{"k": 2, "of": [
            on("us1", evidence={"source": "s", "confidence": "disputed"}), on("us2"),
            on("eu1")]}]),
        # effect degraded: never down
        ent("deg", requires=[on("us1", effect="degraded")]),
        ent("deg_any", requires=[{"any": [on("us1"), on("us2")], "effect": "degraded"}]),
        ent("after_deg", requires=[on("deg")]),
    ])
    check("disputed/degraded", disputed, {"us1", "us2", "rep", "any_disp", "k_disp", "k_disp2"})

    # End to end: the command line and its JSON line.
    out = subprocess.run([sys.executable, SCRIPT, gates, "--jurisdiction", "US",
                          "--kind", "provider", "--repeat", "3"],
                         capture_output=True, text=True, check=False)
    try:
        line = [l for l in out.stdout.splitlines() if l.startswith("{")][-1]
        got = json.loads(line)
        want = {"entities": 9, "edges": 9, "initially_failed": 2, "failed": 5,
                "failed_functions": 1}
        bad = {k: got.get(k) for k in want if got.get(k) != want[k]}
        for k in ("load_s", "cascade_s"):
            if not isinstance(got.get(k), float):
                bad[k] = got.get(k)
        if bad:
            failures.append(f"command line: {bad}")
        else:
            passed += 1
    except (IndexError, ValueError):
        failures.append(f"command line: rc {out.returncode}, stdout {out.stdout!r}, "
                        f"stderr {out.stderr!r}")

for f in failures:
    print("FAIL", f)
print(f"{passed} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
