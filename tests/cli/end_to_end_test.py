#!/usr/bin/env python3
"""End-to-end: the built msout binary run as a user would, on the shipped example.

Usage: end_to_end_test.py MSOUT_BINARY REPO_ROOT
Checks exit codes, the table and JSON reports of the example hospital's scenarios against
hand-derived expectations, byte-identical reruns, --out, --until, validate and --help.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT)
HOSPITAL = os.path.join(ROOT, "scenarios", "hospital")
MODEL = os.path.join(HOSPITAL, "model")
H, M = 3600, 60


def report(*args):
    return msout.json("run", "--format", "json", *args)


def by_id(rep):
    return {f["id"]: f for f in rep["functions"]}


with tempfile.TemporaryDirectory() as elsewhere:
    # The embedded default works from any directory.
    table = msout("run", cwd=elsewhere)
    text = table.stdout.decode()
    check("default run exits 0", table.returncode == 0, table.stderr.decode())
    for needle in ["CRITICAL FUNCTIONS THAT FAIL", "WHY AND WHEN", "STILL WORKING THROUGHOUT",
                   "FUNCTIONS DOWN OVER TIME", "Netherlands",
                   "\u2190 lever \"Azure, Microsoft 365 and Entra ID unavailable\" at 0s"]:
        # The terminal wraps long chains: compare with the line breaks folded into spaces.
        check(f"table mentions {needle!r}", needle in " ".join(text.split()))
    check("default run writes nothing to stderr", table.stderr == b"", table.stderr.decode())

    first = msout("run", "--format", "json", cwd=elsewhere)
    second = msout("run", "--format", "json", cwd=elsewhere)
    check("json run is byte-identical on a second run", first.stdout == second.stdout)
    check("table run is byte-identical on a second run", msout("run").stdout == table.stdout)

    out_file = os.path.join(elsewhere, "report.json")
    written = msout("run", "--format", "json", "--out", out_file)
    check("--out exits 0 and prints nothing", written.returncode == 0 and written.stdout == b"")
    with open(out_file, "rb") as f:
        check("--out file holds the report", f.read() == first.stdout)
    check("--out leaves no temporary file", os.listdir(elsewhere) == ["report.json"],
          str(os.listdir(elsewhere)))

# The embedded default is the Netherlands model under Microsoft-out.
default = json.loads(first.stdout)
national = report("--model", os.path.join(ROOT, "model", "nl"),
                  "--scenario", os.path.join(ROOT, "scenarios", "nl", "microsoft-out.json"))
check("default run is the Netherlands under Microsoft-out",
      default["functions"] == national["functions"] and default["scenario"]["name"] == national["scenario"]["name"])
check("default run: some critical functions fail", default["summary"]["failed"] > 0)
check("default run: every failed function has a cause chain ending in a lever",
      all(f["cause"]["lever"] is not None for f in default["functions"] if f["first_degraded_s"] is not None))

# Microsoft-out on the example hospital.
rep = report("--model", MODEL, "--scenario", os.path.join(HOSPITAL, "microsoft-out.json"))
fn = by_id(rep)
check("report format is versioned", rep["format"] == "msout-report/1")
check("horizon is the scenario's 3d", rep["horizon_s"] == 3 * 24 * H)
ed = fn["emergency-care"]
# The EPD fails with Azure at 0s; the ED switches to the downtime viewer in 30m and works
# degraded on it for the rest of the run.
check("ED first down at 0s", ed["first_down_s"] == 0, str(ed))
check("ED down for exactly the 30m switchover", ed["time_down_s"] == 30 * M, str(ed["time_down_s"]))
check("ED degraded at the horizon", ed["state_at_horizon"] == "degraded")
check("ED timeline", [(t["from_s"], t["state"]) for t in ed["timeline"]] ==
      [(0, "down"), (30 * M, "degraded")], str(ed["timeline"]))
chain = [step["id"] for step in ed["cause"]["chain"]]
check("ED cause chain reaches Azure West Europe", chain[:3] == ["emergency-care", "hix-epd",
                                                             "azure-westeurope"], str(chain))
check("ED cause chain names the lever", ed["cause"]["lever"]["id"] == "microsoft-cloud-out")
check("ED people hours = people x hours down",
      abs(ed["people_hours_down"] - ed["people_served"] * 0.5) < 1e-6)
check("card payments keep working", "on-site-card-payments" in rep["summary"]["still_working"])
check("still-working functions have no failure",
      all(fn[i]["first_degraded_s"] is None for i in rep["summary"]["still_working"]))
check("over_time starts at 0", rep["summary"]["over_time"][0]["at_s"] == 0)
check("no black start under Microsoft-out", rep["black_start"]["cycles"] == [])


# Regional outage: Azure West Europe down 0h-10h. Entra ID survives on North Europe.
region = by_id(report("--model", MODEL, "--scenario", os.path.join(HOSPITAL, "azure-westeurope-down.json")))
check("regional: ED down during switchover only", region["emergency-care"]["time_down_s"] == 30 * M)
check("regional: ED back up by the horizon", region["emergency-care"]["state_at_horizon"] == "up")
check("regional: mail unaffected (M365 and Entra ID survive)",
      region["patient-communication"]["first_down_s"] is None)

# Power cut in the hospital's own datacenter: AD and vSphere cannot restart by themselves.
power = report("--model", MODEL, "--scenario", os.path.join(HOSPITAL, "datacenter-power-cut.json"))
check("power cut: black-start cycle is AD <-> vSphere",
      [sorted(c) for c in power["black_start"]["cycles"]] == [["active-directory", "vsphere-cluster"]],
      str(power["black_start"]))
check("power cut: lab diagnostics blocked by black start",
      by_id(power)["lab-diagnostics"]["black_start_blocked"])

# --until replaces the horizon.
short = report("--model", MODEL, "--scenario", os.path.join(HOSPITAL, "microsoft-out.json"), "--until", "1h")
check("--until sets the horizon", short["horizon_s"] == H)
check("--until cuts the timeline", all(t["to_s"] <= H for f in short["functions"] for t in f["timeline"]))

# A batch of scenarios runs concurrently; each report equals the one from its own run.
NATIONAL = os.path.join(ROOT, "scenarios", "nl")
batch = ["microsoft-out", "aws-out", "card-schemes-cut", "us-sanctions-staged"]
with tempfile.TemporaryDirectory() as out_dir:
    result = msout("run", "--model", os.path.join(ROOT, "model", "nl"), "--format", "json",
                   "--threads", "2", "--out-dir", out_dir,
                   *[arg for name in batch for arg in ("--scenario", os.path.join(NATIONAL, name + ".json"))])
    check("batch run exits 0", result.returncode == 0, result.stderr.decode())
    check("batch writes one report per scenario", sorted(os.listdir(out_dir)) == sorted(n + ".json" for n in batch),
          str(os.listdir(out_dir)))
    for name in batch:
        single = msout("run", "--model", os.path.join(ROOT, "model", "nl"), "--format", "json",
                       "--threads", "1", "--scenario", os.path.join(NATIONAL, name + ".json"))
        with open(os.path.join(out_dir, name + ".json"), "rb") as f:
            check(f"batch report {name} equals its own run", f.read() == single.stdout)
two = ["--scenario", os.path.join(NATIONAL, "aws-out.json"), "--scenario", os.path.join(NATIONAL, "google-out.json")]
check("several JSON reports without --out-dir is a usage error",
      msout("run", "--model", os.path.join(ROOT, "model", "nl"), "--format", "json", *two).returncode == 2)
check("--out with several scenarios is a usage error",
      msout("run", "--model", os.path.join(ROOT, "model", "nl"), "--out", "/tmp/x.txt", *two).returncode == 2)
tables = msout("run", "--model", os.path.join(ROOT, "model", "nl"), *two)
check("several table reports print one after another",
      tables.returncode == 0 and tables.stdout.decode().count("CRITICAL FUNCTIONS THAT FAIL") == 2)

# validate and help. Every scenario file shipped (national, their hindcasts, the hospital's);
# the what-if overlays are checked as overlays.
SHIPPED_SCENARIOS = sum(
    1 for folder in ("scenarios/nl", "scenarios/nl/history", "scenarios/hospital")
    for name in os.listdir(os.path.join(ROOT, folder)) if name.endswith(".json"))
valid = msout("validate", os.path.join(ROOT, "scenarios"))
check("validate scenarios/ exits 0", valid.returncode == 0, valid.stderr.decode())
check("validate prints OK for the models and scenarios",
      valid.stdout.decode().count("OK  ") >= 14, valid.stdout.decode())
# A model argument after a directory holding another model: national scenarios are still
# checked against the national model (regression: the wrong model was picked by position).
reordered = msout("validate", os.path.join(ROOT, "scenarios"), os.path.join(ROOT, "model", "nl"))
check("validate scenarios model/nl checks the national scenarios against model/nl",
      reordered.returncode == 0 and b"selects no entity" not in reordered.stderr and
      reordered.stdout.count(b"checked against the model") == SHIPPED_SCENARIOS,
      reordered.stderr.decode())
for args in (["--help"], ["run", "--help"], ["validate", "--help"]):
    result = msout(*args)
    check(f"msout {' '.join(args)} exits 0 with usage", result.returncode == 0 and
          b"Usage" in result.stdout)
version = msout("--version")
check("msout --version", version.returncode == 0 and version.stdout.startswith(b"msout "))
check("msout without a command is a usage error", msout().returncode == 2)

finish()
