#!/usr/bin/env python3
"""End-to-end: no people figure msout prints or writes exceeds the model's population.

Usage: people_figures_test.py MSOUT_BINARY REPO_ROOT

Runs, on the national model (model/nl, which declares its population): `msout run` under
every scenario in scenarios/nl/ (table and JSON, also with a what-if overlay and with
--focus), `msout compare` with each overlay of scenarios/nl/whatif/, `msout analyze
blast-radius --kind all` and `msout analyze concentration` (table and JSON), and a short
`msout montecarlo`. Then, for every output (docs/report-format.md, "People figures"):

- JSON: every number under a key that names people (`people_down`, `people_served`, ...)
  is at most the population; every number under a `people_hours*` key is at most
  population x horizon in hours (in absolute value: deltas); keys `function_people_*` are
  function-weighted measures, labelled so, and not checked against the population.
- Tables: every number in a column whose header names people, or in a row whose label
  names people, and every "N people" in the text, obeys the same bounds; columns and rows
  labelled "function-people-hours" are the function-weighted measure.
- The at-least figures are what the docs define: over_time's people_down is the widest
  function down at that moment, capped; a blast radius's people_down the widest function
  down in that outage; the ranking sorts by it; concentration's national people_served is
  the widest function.

Before issue 11 the same outputs held 223 M (run, Microsoft-out), 332 M (US sanctions, day
24), 186.6 M (blast radius of Entra ID) and 470 M (concentration) people in a country of 18 M.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=300, text=True)
MODEL = os.path.join(ROOT, "model", "nl")
SCENARIOS = sorted(glob.glob(os.path.join(ROOT, "scenarios", "nl", "*.json")))
OVERLAYS = sorted(glob.glob(os.path.join(ROOT, "scenarios", "nl", "whatif", "*.json")))
FOCUS = "hospitals-hix-on-azure"


def declared_population():
    """The population model/nl declares, read from its files: exactly one value."""
    found = []
    for path in sorted(glob.glob(os.path.join(MODEL, "*.json"))):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        if doc.get("format") == "msout-model/1" and "population" in doc:
            found.append(doc["population"])
    assert found, "model/nl declares no population"
    assert all(p == found[0] for p in found), found
    return found[0]


POPULATION = declared_population()
PEOPLE = POPULATION["people"]
check("model/nl declares its population with a CBS source",
      PEOPLE > 17_000_000 and "CBS" in POPULATION["source"], str(POPULATION))


def number_keys(doc, path=""):
    """(path, key, value) for every number in a JSON document."""
    if isinstance(doc, dict):
        for key, value in doc.items():
            here = f"{path}/{key}"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                yield here, key, value
            else:
                yield from number_keys(value, here)
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            yield from number_keys(value, f"{path}/{i}")


def json_problems(doc, horizon_s):
    """Every people figure of a JSON output that exceeds its bound, as text."""
    hours_bound = PEOPLE * horizon_s / 3600
    problems = []
    seen = 0
    for path, key, value in number_keys(doc):
        if "people" not in key or key.startswith("function_people"):
            continue
        seen += 1
        if "hours" in key:
            if abs(value) > hours_bound * (1 + 1e-12) + 1:
                problems.append(f"{path} = {value} > population x horizon = {hours_bound}")
        elif value > PEOPLE:
            problems.append(f"{path} = {value} > population {PEOPLE}")
    return problems, seen


NUMBER = re.compile(r"^(?:at least )?[+-]?\d[\d,]*$")


def as_number(cell):
    return int(cell.replace("at least ", "").replace(",", "").replace("+", ""))


def bound_for(label, horizon_s):
    """The bound for a column or row labelled `label`, or None if it is not about people."""
    if "people" not in label or "function-people" in label:
        return None
    if "people-hours" in label or "people hours" in label:
        return PEOPLE * horizon_s / 3600 + 1
    return PEOPLE


def table_problems(text, horizon_s):
    """Every people figure of a table output that exceeds its bound, as text."""
    problems = []
    seen = 0
    for m in re.finditer(r"(\d[\d,]*) people(?![-\w])", text):
        seen += 1
        if as_number(m.group(1)) > PEOPLE:
            problems.append(f"{m.group(0)!r} > population {PEOPLE}")
    lines = text.splitlines()
    columns = None  # [(start, end, bound)] of the table being read, from its header line
    for line in lines:
        if not line.strip():
            columns = None
            continue
        cells = [(m.start(), m.group(0)) for m in re.finditer(r"\S+(?: \S+)*", line)]
        labels = [c for _, c in cells]
        if any("people" in c for c in labels) and not any(NUMBER.match(c) for c in labels):
            # A header: TextTable pads columns to the widest cell, so each column's cells start
            # where its header does.
            starts = [start for start, _ in cells] + [None]
            columns = [(starts[k], starts[k + 1], bound_for(labels[k], horizon_s))
                       for k in range(len(cells))]
            continue
        if columns:
            for start, end, bound in columns:
                cell = line[start:end].strip() if end else line[start:].strip()
                if bound is not None and NUMBER.match(cell):
                    seen += 1
                    if abs(as_number(cell)) > bound:
                        problems.append(f"{cell} > {bound} in {line.strip()!r}")
        # A row labelled by its first cell: "people-hours down (at least)  9,520  7,700  -1,820".
        if len(labels) > 1 and bound_for(labels[0], horizon_s) is not None:
            for cell in labels[1:]:
                if NUMBER.match(cell):
                    seen += 1
                    if abs(as_number(cell)) > bound_for(labels[0], horizon_s):
                        problems.append(f"{cell} > bound in {line.strip()!r}")
    return problems, seen


def check_output(name, args, horizon_s=None):
    """Runs msout twice (table, JSON) and checks both; returns the parsed JSON."""
    doc = msout.json(*args, "--format", "json")
    horizon = horizon_s if horizon_s is not None else doc["horizon_s"]
    problems, seen = json_problems(doc, horizon)
    check(f"{name}: JSON people figures within the population ({seen} checked)",
          not problems and seen > 0, "; ".join(problems[:5]))
    table = msout(*args, "--format", "table")
    check(f"{name}: table exits 0", table.returncode == 0, table.stderr)
    problems, seen = table_problems(table.stdout, horizon)
    check(f"{name}: table people figures within the population ({seen} checked)",
          not problems and seen > 0, "; ".join(problems[:5]))
    return doc


def state_at(function, at):
    for interval in function["timeline"]:
        if interval["from_s"] <= at < interval["to_s"]:
            return interval["state"]
    return function["timeline"][-1]["state"]


# --- msout run, every national scenario ------------------------------------------------------
for scenario in SCENARIOS:
    name = os.path.basename(scenario)
    report = check_output(f"run {name}", ["run", "--model", MODEL, "--scenario", scenario])
    check(f"run {name}: the report names the population",
          report["model"]["population"] == {**{"as_of": ""}, **POPULATION},
          str(report["model"]["population"]))
    wrong = []
    for point in report["summary"]["over_time"]:
        for state, key in (("down", "people_down"), ("degraded", "people_degraded")):
            widest = max([f["people_served"] for f in report["functions"]
                          if state_at(f, point["at_s"]) == state], default=0)
            if point[key] != min(widest, PEOPLE):
                wrong.append(f"{point['at_s']}s {key} {point[key]} != {widest}")
    check(f"run {name}: over_time people are the widest function in that state, never a sum",
          not wrong, "; ".join(wrong[:3]))

check_output("run microsoft-out --include-disputed",
             ["run", "--model", MODEL, "--include-disputed"])
check_output("run microsoft-out --whatif", ["run", "--model", MODEL, "--whatif", OVERLAYS[0]])
check_output("run --focus", ["run", "--model", MODEL, "--focus", FOCUS])

# The first example: under Microsoft-out the sum reached 223 M; at least 18 M is true.
ms_out = msout.json("run", "--model", MODEL, "--format", "json")
peak = max(p["people_down"] for p in ms_out["summary"]["over_time"])
check("run microsoft-out: at most the population at every moment (was 223 M)",
      0 < peak <= PEOPLE, str(peak))

# --- msout compare ---------------------------------------------------------------------------
for overlay in OVERLAYS:
    for scenario in ("microsoft-out.json", "us-sanctions-staged.json"):
        path = os.path.join(ROOT, "scenarios", "nl", scenario)
        doc = check_output(f"compare {os.path.basename(overlay)} under {scenario}",
                           ["compare", "--model", MODEL, "--scenario", path, "--whatif", overlay])
        totals = doc["totals"]
        check(f"compare {os.path.basename(overlay)} under {scenario}: totals keep the "
              "function-weighted sum apart",
              all("function_people_hours_down" in totals[k] for k in totals)
              and doc["baseline"]["model"]["population"]["people"] == PEOPLE)
check_output("compare --focus",
             ["compare", "--model", MODEL, "--whatif", OVERLAYS[0], "--focus", FOCUS])

# --- msout analyze blast-radius --------------------------------------------------------------
blast = check_output("analyze blast-radius --kind all",
                     ["analyze", "blast-radius", "--model", MODEL, "--kind", "all"])
wrong = []
for entry in blast["ranking"]:
    widest = max([f["people_served"] for f in entry["functions"] if f["first_down_s"] is not None],
                 default=0)
    if entry["people_down"] != min(widest, PEOPLE):
        wrong.append(f"{entry['id']}: {entry['people_down']} != {widest}")
check("blast radius: people_down is the widest function down, never a sum (Entra ID was 186.6 M)",
      not wrong, "; ".join(wrong[:3]))
keys = [(-e["people_down"], -e["functions_down"], -e["functions_degraded"], e["id"])
        for e in blast["ranking"]]
check("blast radius: ranked by the at-least people down, then functions down",
      keys == sorted(keys))
entra = [e for e in blast["ranking"] if e["id"] == "entra-id"]
check("blast radius: Entra ID takes at least the whole-population functions down",
      entra and entra[0]["people_down"] == 18_000_000, str(entra[:1]))

# --- msout analyze concentration -------------------------------------------------------------
for kinds in ("provider", "provider,service"):
    conc = check_output(f"analyze concentration --providers-kind {kinds}",
                        ["analyze", "concentration", "--model", MODEL, "--providers-kind", kinds],
                        horizon_s=0)
    widest = max(f["people_served"] for f in ms_out["functions"])
    check(f"concentration {kinds}: national people served is the widest function (was 470 M)",
          conc["national"]["people_served"] == min(widest, PEOPLE),
          str(conc["national"]["people_served"]))

# --- msout montecarlo: per-function figures only ---------------------------------------------
mc = msout.json("montecarlo", "--model", MODEL, "--replications", "50", "--quiet",
                "--format", "json")
problems, seen = json_problems(mc, 7 * 86400)
check(f"montecarlo: JSON people figures within the population ({seen} checked)",
      not problems and seen > 0, "; ".join(problems[:5]))

finish()
