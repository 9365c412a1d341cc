#!/usr/bin/python3
"""Hindcasts: every scenario under scenarios/nl/history/ replays a real outage and carries what
really happened as "reported" outcomes; a run must reproduce each of them, except those with
a known_gap, which it must still not reproduce (a known gap that is reproduced now has been
fixed, or the claim has changed: either way someone should look).

Usage: hindcasts_test.py MSOUT_BINARY REPO_ROOT

1. The checker on tests/cli/data/hindcast/ (a tiny model and a scenario with six claims):
   it flags exactly the claim that fails without a known gap and the known gap that holds,
   and the table, CSV and compare handle a scenario with reported outcomes.
2. Every scenarios/nl/history/*.json, run with `msout run --model model/nl --format json`
   (the model files as they are now, not the copy embedded at build time): each failing
   claim is printed with its entity, what the run gave and its source. No scenario there is
   no failure: the test says so and passes.

Uses only the Python standard library.
"""
import csv
import glob
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

BINARY, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(BINARY, timeout_s=300, text=True, cwd=ROOT)
DATA = os.path.join(ROOT, "tests", "cli", "data", "hindcast")
HISTORY = os.path.join(ROOT, "scenarios", "nl", "history")


def failures(report):
    """The reported outcomes of a run's JSON that are not as the scenario says: a claim
    without a known gap that is not reproduced, or one with a known gap that is."""
    out = []
    for r in report["reported"]:
        if r["known_gap"] is None and not r["reproduced"]:
            out.append((r, f"not reproduced: {r['why_not']}"))
        elif r["known_gap"] is not None and r["reproduced"]:
            out.append((r, "known gap now reproduced: remove its known_gap, or say why it "
                           f"still is one (gap: {r['known_gap']})"))
    return out


def describe(r, problem):
    return (f"\"{r['claim']}\" [{r['entity']}, expect {r['expect']}]: {problem}; "
            f"this run: {r['run']['text']}; source: {r['evidence']['source']}")


# 1. The checker, on data whose answers are known.
model = os.path.join(DATA, "model.json")
scenario = os.path.join(DATA, "scenario.json")
report = msout.json("run", "--model", model, "--scenario", scenario, "--format", "json")
verdicts = [r["verdict"] for r in report["reported"]]
check("fixture: one verdict per claim, in file order",
      verdicts == ["reproduced", "reproduced", "reproduced", "known_gap", "not_reproduced",
                   "known_gap_reproduced"], verdicts)
flagged = [r["claim"] for r, _ in failures(report)]
check("fixture: the checker flags the failing claim and the reproduced known gap",
      flagged == ["Care stopped at once", "Post kept working"], flagged)
check("fixture: summary.reported counts them",
      report["summary"]["reported"] == {"claims": 6, "reproduced": 4, "not_reproduced": 1,
                                        "known_gaps": 2, "known_gaps_reproduced": 1},
      report["summary"]["reported"])
care = report["reported"][0]
check("fixture: what the run gave for care",
      care["run"] == {"first_degraded_s": 3600, "first_down_s": 3600, "recovered_s": 23400,
                      "state_at_horizon": "up", "text": "down at 1h, back up at 6h30m"},
      care["run"])

table = msout("run", "--model", model, "--scenario", scenario)
lines = " ".join(table.stdout.split())  # the terminal wraps long lines
check("fixture: the table has the section, the headline and each claim with its verdict",
      table.returncode == 0 and "REPORTED IN HISTORY VS THIS RUN" in table.stdout
      and "History: 4 of 6 reported outcomes reproduced; 2 known gaps; 1 not reproduced "
          "without a known gap; 1 known gap now reproduced." in lines
      and "not reproduced \u2014 Care stopped at once [care]; expected down, first within "
          "[0s, 0s]; this run: down at 1h, back up at 6h30m (first down at 1h, later than 0s); "
          "source: https://example.org/at-once (reported)" in lines
      and "known gap now reproduced \u2014 Post kept working [post]" in lines,
      table.stdout[-2000:] + table.stderr)

with tempfile.TemporaryDirectory() as out_dir:
    csv_run = msout("run", "--model", model, "--scenario", scenario, "--format", "csv",
                    "--out-dir", out_dir)
    path = os.path.join(out_dir, "scenario-reported.csv")
    rows = []
    if os.path.exists(path):
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
    check("fixture: CSV holds the reported table, one row per claim",
          csv_run.returncode == 0 and len(rows) == 6
          and [r["verdict"] for r in rows] == verdicts
          and rows[4]["why_not"] == "first down at 1h, later than 0s",
          f"{sorted(os.listdir(out_dir))} {rows[:1]} {csv_run.stderr}")

compare = msout("compare", "--model", model, "--scenario", scenario, "--whatif",
                os.path.join(DATA, "overlay.json"), "--format", "json")
check("fixture: compare runs on a scenario with reported outcomes",
      compare.returncode == 0 and '"msout-compare/1"' in compare.stdout, compare.stderr)

validate = msout("validate", "--model", model, scenario)
check("fixture: validate counts the reported outcomes",
      validate.returncode == 0 and "6 reported outcomes" in validate.stdout,
      validate.stdout + validate.stderr)

# 2. The history scenarios against the model as it is now.
scenarios = sorted(glob.glob(os.path.join(HISTORY, "*.json")))
if not scenarios:
    print(f"no hindcast scenarios in {os.path.relpath(HISTORY, ROOT)}/ (none to check yet)")
for path in scenarios:
    name = os.path.relpath(path, ROOT)
    result = msout("run", "--model", "model/nl", "--scenario", path, "--format", "json")
    if result.returncode != 0:
        check(f"{name}: runs", False, f"exit {result.returncode}: {result.stderr.strip()}")
        continue
    history = json.loads(result.stdout)
    claims = history["reported"]
    check(f"{name}: reports what happened", len(claims) > 0,
          "no \"reported\" outcomes: a hindcast without claims checks nothing")
    bad = failures(history)
    for r, problem in bad:
        print(f"      {describe(r, problem)}")
    s = history["summary"]["reported"]
    check(f"{name}: {s['reproduced']} of {s['claims']} reproduced, {s['known_gaps']} known "
          "gaps, every claim as the scenario says", not bad,
          f"{len(bad)} claim(s) not as the scenario says (listed above)")

finish()
