#!/usr/bin/env python3
"""msout run, validate and analyze blast-radius on the graphs msout generate writes, and
msout run --summary on any model.

Usage: compact_model_test.py MSOUT_BINARY REPO_ROOT

A compact model (the default of msout generate) gets the run summary: entities by kind, the
functions that fail first and those that serve the most people with their cause chains,
figures over time (sim/report/run_summary.h). Checked here as a user runs it: every format,
the same bytes for any thread count, --top, the options a compact model cannot honour
refused before anything is written, a damaged file named, validate --model on it, and on
the national model the summary's figures over time equal the full report's. The blast
radius of an outage on a compact model is the summary of the run "that entity down alone".
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

BINARY, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(BINARY, timeout_s=300, text=True, cwd=ROOT)
work = tempfile.mkdtemp(prefix="msout-summary-")
graph = os.path.join(work, "g.msout")
scenario = os.path.join(work, "us.json")

result = msout("generate", "--nodes", "3000", "--seed", "3", "--out", graph,
               "--scenario-out", scenario)
check("generate.exit_0", result.returncode == 0, result.stderr)

# The terminal table.
result = msout("run", "--model", graph, "--scenario", scenario)
check("table.exit_0", result.returncode == 0, result.stderr)
check("table.is_the_summary", "(summary)" in result.stdout and "ENTITIES BY KIND" in result.stdout,
      result.stdout[:400])
check("table.says_the_format_has_no_names",
      "compact model: entities are named by their ids" in result.stdout)

# JSON: consistent figures.
report = msout.json("run", "--model", graph, "--scenario", scenario, "--format", "json")
summary = report["summary"]
functions = [k for k in summary["kinds"] if k["kind"] == "function"][0]
check("json.format", report["format"] == "msout-summary/1", report["format"])
check("json.model_format", report["model"]["format"] == "compact")
check("json.functions_counted", summary["functions"] == functions["entities"] > 0, summary)
check("json.some_fail", 0 < summary["failed"] <= summary["functions"], summary["failed"])
check("json.entities_add_up",
      sum(k["entities"] for k in summary["kinds"]) == report["model"]["entities"] == 3000)
check("json.top_10", len(report["first_to_fail"]) == min(10, summary["failed"]))
first = report["first_to_fail"]
keys = [(f["first_down_s"] if f["first_down_s"] is not None else 2**62,
         f["first_degraded_s"], f["id"]) for f in first]
check("json.first_to_fail_in_order", keys == sorted(keys), keys)
people = [f["people_served"] for f in report["widest_reach"]]
check("json.widest_reach_in_order", people == sorted(people, reverse=True), people)
check("json.chains_end_at_a_lever",
      all(f["cause"]["lever"] == "us-cut" for f in first if f["cause"]), first[:2])
over_time = summary["over_time"]
check("json.over_time_from_0s", over_time[0]["at_s"] == 0)
check("json.over_time_ascending",
      all(a["at_s"] < b["at_s"] for a, b in zip(over_time, over_time[1:])))
check("json.peak_is_the_most_down",
      summary["peak"]["down"] == max(p["down"] for p in over_time))
check("json.down_never_more_than_functions",
      all(p["down"] + p["degraded"] <= summary["functions"] for p in over_time))
check("json.people_at_most_the_widest",
      summary["people_down_at_least"] <= max(people, default=0))

# The same bytes for any number of threads.
outputs = [msout("run", "--model", graph, "--scenario", scenario, "--format", "json",
                 "--threads", t).stdout for t in ("1", "2", "3")]
check("threads.identical", outputs[0] == outputs[1] == outputs[2])

# --top sets the lists, not the counts.
top3 = msout.json("run", "--model", graph, "--scenario", scenario, "--format", "json",
                  "--top", "3")
check("top.three", len(top3["first_to_fail"]) == 3 and len(top3["widest_reach"]) == 3)
check("top.counts_unchanged", top3["summary"]["failed"] == summary["failed"])
table = msout("run", "--model", graph, "--scenario", scenario, "--top", "3").stdout
check("top.table_says_three", "THE 3 FUNCTIONS THAT FAIL FIRST" in table, table[:2000])

# csv (one file per table) and html.
out_dir = os.path.join(work, "csv")
os.makedirs(out_dir)
result = msout("run", "--model", graph, "--scenario", scenario, "--format", "csv",
               "--out-dir", out_dir)
check("csv.exit_0", result.returncode == 0, result.stderr)
check("csv.tables", sorted(os.listdir(out_dir)) ==
      ["us-first-to-fail.csv", "us-kinds.csv", "us-over-time.csv", "us-widest-reach.csv"],
      os.listdir(out_dir))
html = os.path.join(work, "s.html")
result = msout("run", "--model", graph, "--scenario", scenario, "--format", "html",
               "--out", html)
check("html.exit_0", result.returncode == 0, result.stderr)
with open(html, encoding="utf-8") as f:
    page = f.read()
check("html.page", page.startswith("<!DOCTYPE html>") and "that fail first" in page)

# What a compact model cannot do is refused before anything runs or is written.
for name, extra in (("focus", ["--focus", "org1"]), ("dot", ["--format", "dot"]),
                    ("whatif", ["--whatif", os.path.join(ROOT, "scenarios/nl/whatif/"
                                                         "icc-moved-to-opendesk.json")]),
                    ("include_disputed", ["--include-disputed"])):
    out = os.path.join(work, f"refused-{name}.txt")
    result = msout("run", "--model", graph, "--scenario", scenario, "--out", out, *extra)
    check(f"refused.{name}.exit_2", result.returncode == 2, (result.returncode, result.stderr))
    check(f"refused.{name}.says_why", "compact" in result.stderr or "summary" in result.stderr,
          result.stderr)
    check(f"refused.{name}.nothing_written", not os.path.exists(out))

# A damaged compact file is named, with the place.
with open(graph, "rb") as f:
    head = f.read(200)
damaged = os.path.join(work, "damaged.msout")
with open(damaged, "wb") as f:
    f.write(head)
result = msout("run", "--model", damaged, "--scenario", scenario)
check("damaged.exit_3", result.returncode == 3, (result.returncode, result.stderr))
check("damaged.named", "damaged.msout" in result.stderr and "byte" in result.stderr,
      result.stderr)
check("damaged.no_report", result.stdout == "")

# validate --model on a compact model checks the scenario's selectors against it.
result = msout("validate", "--model", graph, scenario)
check("validate.exit_0", result.returncode == 0, result.stderr)
check("validate.against_compact", "checked against the compact model" in result.stdout,
      result.stdout)
unknown = os.path.join(work, "unknown.json")
with open(scenario, encoding="utf-8") as f:
    document = json.load(f)
document["levers"][0]["select"] = {"ids": ["no-such-entity"]}
with open(unknown, "w", encoding="utf-8") as f:
    json.dump(document, f)
result = msout("validate", "--model", graph, unknown)
check("validate.unknown_id.exit_3", result.returncode == 3, (result.returncode, result.stderr))
check("validate.unknown_id.named", "no-such-entity" in result.stderr, result.stderr)

# analyze blast-radius on a compact model: entities named by their ids, no population.
blast = msout.json("analyze", "blast-radius", "--model", graph, "--ids", "p0-r0,p1-r0",
                   "--format", "json")
check("blast.format", blast["format"] == "msout-blast-radius/1")
check("blast.model", blast["model"]["name"] == "g.msout" and blast["model"]["population"] is None,
      blast["model"])
check("blast.two_outages", sorted(r["id"] for r in blast["ranking"]) == ["p0-r0", "p1-r0"])
check("blast.names_are_ids", all(r["name"] == r["id"] for r in blast["ranking"]))
outputs = [msout("analyze", "blast-radius", "--model", graph, "--kind", "provider", "--top", "5",
                 "--format", "json", "--threads", t).stdout for t in ("1", "2")]
check("blast.threads_identical", outputs[0] == outputs[1] and outputs[0].count('"rank"') == 5)
# The same outage as a scenario: the summary says what the blast radius says.
alone = os.path.join(work, "p0-r0-alone.json")
with open(scenario, encoding="utf-8") as f:
    document = json.load(f)
document["levers"] = [{"id": "outage", "name": "p0-r0 down", "at": "0s", "action": "down",
                       "select": {"ids": ["p0-r0"]}}]
with open(alone, "w", encoding="utf-8") as f:
    json.dump(document, f)
run = msout.json("run", "--model", graph, "--scenario", alone, "--format", "json")
outage = [r for r in blast["ranking"] if r["id"] == "p0-r0"][0]
check("blast.agrees_with_run.down", outage["functions_down"] == run["summary"]["down"],
      (outage["functions_down"], run["summary"]["down"]))
check("blast.agrees_with_run.degraded",
      outage["functions_degraded"] == run["summary"]["failed"] - run["summary"]["down"])
check("blast.agrees_with_run.people", outage["people_down"] == run["summary"]["people_down_at_least"])
for name, extra in (("whatif", ["--whatif", os.path.join(ROOT, "scenarios/nl/whatif/"
                                                         "icc-moved-to-opendesk.json")]),
                    ("include_disputed", ["--include-disputed"])):
    result = msout("analyze", "blast-radius", "--model", graph, *extra)
    check(f"blast.refused.{name}", result.returncode == 2 and "compact" in result.stderr,
          (result.returncode, result.stderr))
result = msout("analyze", "blast-radius", "--model", graph, "--ids", "p0-r9x")
check("blast.unknown_id", result.returncode == 3 and "unknown entity" in result.stderr,
      (result.returncode, result.stderr))

# --summary on the national model: the full report's figures over time, and its counts.
full = msout.json("run", "--format", "json")
short = msout.json("run", "--summary", "--format", "json")
check("national.over_time_equal", short["summary"]["over_time"] == full["summary"]["over_time"])
check("national.failed_equal", short["summary"]["failed"] == full["summary"]["failed"])
check("national.population_kept",
      short["model"]["population"] == full["model"]["population"] is not None)
check("national.first_equal", short["first_to_fail"][0]["id"] == full["functions"][0]["id"])

finish()
