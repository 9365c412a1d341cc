#!/usr/bin/env python3
"""End-to-end: `msout compare` on the example hospital, with the overlays in tests/cli/data/.

Usage: compare_test.py MSOUT_BINARY REPO_ROOT
Checks the table and the JSON (msout-compare/1) against hand-derived expectations, that the
baseline side equals `msout run`, byte-identical output for --threads 1 and 4, overlays
applied in the order given, functions only in one model, --until, several scenarios with
--out-dir, --out, and the embedded default.

Hand-derived expectations (docs/semantics.md, scenarios/hospital/model): under Microsoft-out
the outpatient clinics lose the Citrix desktops at 0s (tolerance 15m: down at 15m) and the
EPD at 0s (tolerance 1h: down at 1h), and neither comes back within the 3d horizon.
outpatient-bcp-pcs.json gives the desktops a self-hosted alternative with no switchover, so
the clinics go down only when the EPD's tolerance runs out: 45m later, 45m less down, and
150,000 people x 0.75h = 112,500 people-hours down fewer for that function. Nothing else
changes.
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=120)
HOSPITAL = os.path.join(ROOT, "scenarios", "hospital")
MODEL = os.path.join(HOSPITAL, "model")
MICROSOFT_OUT = os.path.join(HOSPITAL, "microsoft-out.json")
REGIONAL = os.path.join(HOSPITAL, "azure-westeurope-down.json")
DATA = os.path.join(ROOT, "tests", "cli", "data")
BCP_PCS = os.path.join(DATA, "outpatient-bcp-pcs.json")
TRIAGE = os.path.join(DATA, "telephone-triage.json")
M, H, D = 60, 3600, 86400


def compare_json(*args):
    return msout.json("compare", "--format", "json", *args)


def by_id(comparison):
    return {f["id"]: f for f in comparison["functions"]}


HOSPITAL_ARGS = ["--model", MODEL, "--scenario", MICROSOFT_OUT]

# The table.
table = msout("compare", "--whatif", BCP_PCS, *HOSPITAL_ARGS)
text = table.stdout.decode()
check("table exits 0", table.returncode == 0, table.stderr.decode())
check("table writes nothing to stderr", table.stderr == b"", table.stderr.decode())
for needle in [
        'scenario "Microsoft-out (example hospital)", horizon 3d',
        'with "BCP PCs in the outpatient clinics"',
        "10 functions: 1 improved, 0 worsened, 0 mixed, 9 unchanged",
        "IMPROVED (1)",
        "UNCHANGED (9)",
        "down 45m later",
        "15m \u2192 1h",
        "2d23h45m \u2192 2d23h",
        "-112,500",
        "works in both",
        "what-if:  Outpatient clinics (poliklinieken) \u2190 HiX electronic patient record",
        "DISRUPTION OVER 3d, OVER THE 10 FUNCTIONS IN BOTH RUNS",
        "function-people-hours down"]:
    check(f"table mentions {needle!r}", needle in text)
improved = text[text.index("IMPROVED"):text.index("UNCHANGED")]
check("only the outpatient clinics are improved",
      "Outpatient clinics" in improved and "Emergency" not in improved, improved)

# The JSON.
comparison = compare_json("--whatif", BCP_PCS, *HOSPITAL_ARGS)
fn = by_id(comparison)
check("format is versioned", comparison["format"] == "msout-compare/1")
check("horizon is the scenario's 3d", comparison["horizon_s"] == 3 * D)
check("the overlay is named", [o["name"] for o in comparison["whatif"]["overlays"]] ==
      ["BCP PCs in the outpatient clinics"], str(comparison["whatif"]))
clinic = fn["outpatient-clinic"]
check("outpatient clinics: fails_later, improved, at level down",
      (clinic["change"], clinic["direction"], clinic["level"]) == ("fails_later", "improved", "down"),
      str(clinic))
check("outpatient clinics: by 45m", clinic["by_s"] == 45 * M, str(clinic["by_s"]))
check("outpatient clinics: down at 15m, then at 1h",
      (clinic["baseline"]["first_down_s"], clinic["whatif"]["first_down_s"]) == (15 * M, H))
check("outpatient clinics: 45m less down", clinic["delta"]["time_down_s"] == -45 * M)
check("outpatient clinics: 112,500 people-hours down fewer",
      clinic["delta"]["people_hours_down"] == -112500, str(clinic["delta"]))
check("outpatient clinics: the what-if's cause is the EPD",
      "HiX electronic patient record" in clinic["whatif"]["cause"], clinic["whatif"]["cause"])
check("outpatient clinics listed first", comparison["functions"][0]["id"] == "outpatient-clinic")
check("every other function is unchanged",
      all(f["change"] == "unchanged" for i, f in fn.items() if i != "outpatient-clinic"))
check("card payments work in both", fn["on-site-card-payments"]["level"] is None)
check("summary counts", comparison["summary"] ==
      {"functions": 10, "improved": 1, "worsened": 0, "mixed": 0, "unchanged": 9,
       "only_in_baseline": 0, "only_in_whatif": 0}, str(comparison["summary"]))
# People-hours over several functions count a person once (docs/compare-format.md): at each
# instant the widest function down. Baseline: 0-30m the ED's 350,000, 30m-3d the clinics'
# 150,000 (down from 15m). What-if: the clinics down only from 1h, so 30m-1h only the
# theatres' 20,000 (down until 1h): 130,000 x 0.5h = 65,000 people-hours fewer, at least.
check("total change in people-hours down, counting a person once",
      comparison["totals"]["delta"]["people_hours_down"] == -65000, str(comparison["totals"]))
check("baseline people-hours down, at least: 350,000 x 0.5h + 150,000 x 71.5h",
      comparison["totals"]["baseline"]["people_hours_down"] == 350000 * 0.5 + 150000 * 71.5)
check("total change in function-people-hours down: the clinics' 150,000 x 0.75h",
      comparison["totals"]["delta"]["function_people_hours_down"] == -112500)
check("total change in time down", comparison["totals"]["delta"]["time_down_s"] == -45 * M)
check("total change in people-hours degraded",
      comparison["totals"]["delta"]["people_hours_degraded"] == 0)

# The baseline side is exactly what `msout run` reports.
run = msout("run", "--format", "json", *HOSPITAL_ARGS)
report = {f["id"]: f for f in json.loads(run.stdout)["functions"]}
keys = ["first_degraded_s", "first_down_s", "time_down_s", "time_degraded_s",
        "people_hours_down", "state_at_horizon"]
check("baseline side equals msout run",
      all({k: fn[i]["baseline"][k] for k in keys} == {k: report[i][k] for k in keys}
          for i in report))

# Byte-identical for any thread count.
for fmt in ["table", "json"]:
    one = msout("compare", "--whatif", BCP_PCS, "--threads", "1", "--format", fmt, *HOSPITAL_ARGS)
    four = msout("compare", "--whatif", BCP_PCS, "--threads", "4", "--format", fmt, *HOSPITAL_ARGS)
    check(f"{fmt}: --threads 1 and 4 give the same bytes",
          one.returncode == 0 and one.stdout == four.stdout)

# Two overlays, in order: the second uses the entity the first adds, removes a function and
# adds one.
both = compare_json("--whatif", BCP_PCS, "--whatif", TRIAGE, *HOSPITAL_ARGS)
fn2 = by_id(both)
check("two overlays: both named, in order",
      [o["file"] for o in both["whatif"]["overlays"]] == [BCP_PCS, TRIAGE])
check("removed function is only in the baseline",
      fn2["on-site-card-payments"]["change"] == "only_in_baseline"
      and fn2["on-site-card-payments"]["whatif"] is None
      and fn2["on-site-card-payments"]["delta"] is None)
triage = fn2["telephone-triage"]
# Needs the EPD with tolerance 4h, effect degraded: degraded from 4h to the 3d horizon.
check("added function is only in the what-if, degraded from 4h",
      triage["change"] == "only_in_whatif" and triage["baseline"] is None
      and triage["whatif"]["first_degraded_s"] == 4 * H
      and triage["whatif"]["time_degraded_s"] == 3 * D - 4 * H, str(triage))
check("functions in one model are listed last, baseline's first",
      [f["id"] for f in both["functions"][-2:]] == ["on-site-card-payments", "telephone-triage"])
check("added function's people-hours are summed apart, not in the delta",
      both["totals"]["only_in_whatif"]["people_hours_degraded"] == 50000 * 68
      and both["totals"]["delta"]["people_hours_degraded"] == 0, str(both["totals"]))
wrong_order = msout("compare", "--whatif", TRIAGE, "--whatif", BCP_PCS, *HOSPITAL_ARGS)
check("overlays in the wrong order: invalid input (3)", wrong_order.returncode == 3)
check("overlays in the wrong order: the error names the overlay and the missing entity",
      "telephone-triage.json" in wrong_order.stderr.decode()
      and "outpatient-bcp-pcs" in wrong_order.stderr.decode(), wrong_order.stderr.decode())
check("overlays in the wrong order: nothing on stdout", wrong_order.stdout == b"")

# --until 30m: the clinics go down at 15m in the baseline, and not before 1h in the what-if.
short = by_id(compare_json("--whatif", BCP_PCS, "--until", "30m", *HOSPITAL_ARGS))
check("--until 30m: outpatient clinics no longer fail",
      short["outpatient-clinic"]["change"] == "no_longer_fails"
      and short["outpatient-clinic"]["whatif"]["first_degraded_s"] is None,
      str(short["outpatient-clinic"]))

with tempfile.TemporaryDirectory() as out:
    # Several scenarios: one comparison each, the same as a comparison of its own.
    result = msout("compare", "--whatif", BCP_PCS, "--model", MODEL, "--scenario", MICROSOFT_OUT,
                   "--scenario", REGIONAL, "--format", "json", "--out-dir", out)
    check("--out-dir exits 0 and prints nothing", result.returncode == 0 and result.stdout == b"",
          result.stderr.decode())
    check("--out-dir writes one file per scenario",
          sorted(os.listdir(out)) == ["azure-westeurope-down.json", "microsoft-out.json"],
          str(os.listdir(out)))
    for scenario in [MICROSOFT_OUT, REGIONAL]:
        alone = msout("compare", "--whatif", BCP_PCS, "--model", MODEL, "--scenario", scenario,
                      "--format", "json")
        name = os.path.splitext(os.path.basename(scenario))[0] + ".json"
        with open(os.path.join(out, name), "rb") as f:
            check(f"--out-dir {name} equals its comparison alone", f.read() == alone.stdout)

    out_file = os.path.join(out, "comparison.txt")
    result = msout("compare", "--whatif", BCP_PCS, "--out", out_file, *HOSPITAL_ARGS)
    with open(out_file, "rb") as f:
        check("--out writes the table", result.returncode == 0 and f.read() == table.stdout)

# Without --model and --scenario: the embedded Netherlands model under Microsoft-out. An
# overlay that changes nothing leaves every function unchanged.
with tempfile.TemporaryDirectory() as elsewhere:
    empty = os.path.join(elsewhere, "nothing.json")
    with open(empty, "w") as f:
        json.dump({"format": "msout-overlay/1", "name": "Nothing"}, f)
    default = compare_json("--whatif", empty)
    national = json.loads(msout("run", "--format", "json", cwd=elsewhere).stdout)
    check("default: the Netherlands under Microsoft-out",
          default["scenario"]["name"] == national["scenario"]["name"]
          and default["baseline"]["model"]["name"] == national["model"]["name"])
    check("default: an empty overlay changes nothing",
          default["summary"]["unchanged"] == default["summary"]["functions"] == len(national["functions"]),
          str(default["summary"]))

help_text = msout("compare", "--help")
check("--help exits 0 and names --whatif",
      help_text.returncode == 0 and b"--whatif" in help_text.stdout)

# One hosting option against another: --baseline-whatif patches the baseline. Dutch SaaS
# on Azure (baseline) versus Dutch SaaS on a Dutch cloud (what-if) under Microsoft-out:
# the EPD no longer falls with Azure, so the ED and the theatres are no longer down (they
# were down during the 30m / 1h switchover to the downtime viewer), the lab and radiology
# (which need the EPD) and patient communication (2 of 3 channels left) are no longer
# degraded; the outpatient clinics still stop at 15m (desktops on Azure).
WHATIF_DIR = os.path.join(HOSPITAL, "whatif")
AZURE = os.path.join(WHATIF_DIR, "epd-nl-saas-on-azure.json")
NL_CLOUD = os.path.join(WHATIF_DIR, "epd-nl-saas-on-nl-cloud.json")
options = compare_json(*HOSPITAL_ARGS, "--baseline-whatif", AZURE, "--whatif", NL_CLOUD)
check("baseline overlays named", [o["file"] for o in options["baseline"]["overlays"]] == [AZURE])
check("what-if overlays named", [o["file"] for o in options["whatif"]["overlays"]] == [NL_CLOUD])
f = by_id(options)
for fid in ["emergency-care", "surgery"]:
    check(f"{fid}: no longer down with the EPD on a Dutch cloud",
          f[fid]["change"] == "no_longer_fails" and f[fid]["level"] == "down", f[fid]["change"])
for fid in ["lab-diagnostics", "radiology", "patient-communication"]:
    check(f"{fid}: no longer degraded", f[fid]["change"] == "no_longer_fails"
          and f[fid]["level"] == "degraded", f[fid]["change"])
check("outpatient clinics unchanged", f["outpatient-clinic"]["change"] == "unchanged")
same = compare_json(*HOSPITAL_ARGS, "--baseline-whatif", AZURE, "--whatif", AZURE)
check("an option against itself is unchanged throughout",
      all(x["direction"] == "unchanged" for x in same["functions"]))
check("no baseline overlays without --baseline-whatif",
      compare_json(*HOSPITAL_ARGS, "--whatif", AZURE)["baseline"]["overlays"] == [])

# --focus: the organisation and the functions it provides. The HiX-on-Azure hospitals with
# a Dutch disaster-recovery copy: the EPD fails over in 4h, inside the hospitals' 8h
# tolerance, so they go down only when Microsoft 365's 3d tolerance runs out: 2d16h later.
# Hospital care (all hospital groups) is unchanged: the other groups still fall at 3d.
NL_DR = os.path.join(ROOT, "scenarios", "nl", "whatif", "hix-disaster-recovery-at-dutch-cloud.json")
focused = compare_json("--focus", "hospitals-hix-on-azure", "--whatif", NL_DR)
check("focus named", focused["focus"] == "hospitals-hix-on-azure")
check("focus rows: the organisation, then its function",
      [x["id"] for x in focused["functions"]] == ["hospitals-hix-on-azure", "fn-hospital-care"],
      [x["id"] for x in focused["functions"]])
org = focused["functions"][0]
check("hospitals go down 2d16h later", org["change"] == "fails_later" and org["by_s"] == 64 * 3600,
      (org["change"], org.get("by_s")))
check("hospital care unchanged", focused["functions"][1]["change"] == "unchanged")
check("no focus without --focus", compare_json(*HOSPITAL_ARGS, "--whatif", AZURE)["focus"] is None)
unknown = msout("compare", "--focus", "no-such-org", "--whatif", NL_DR)
check("unknown --focus is invalid input", unknown.returncode == 3
      and b'--focus: unknown entity "no-such-org"' in unknown.stderr, unknown.stderr)

# CSV and HTML, drawn from the comparison's document (docs/compare-format.md, "CSV and HTML").
with tempfile.TemporaryDirectory() as tmp:
    result = msout("compare", "--whatif", BCP_PCS, "--format", "csv", "--out-dir", tmp,
                   *HOSPITAL_ARGS)
    check("csv --out-dir: the functions, why and totals tables", result.returncode == 0 and
          sorted(os.listdir(tmp)) == ["microsoft-out-functions.csv", "microsoft-out-totals.csv",
                                      "microsoft-out-why.csv"], str(os.listdir(tmp)))
    import csv
    with open(os.path.join(tmp, "microsoft-out-functions.csv"), newline="") as f:
        rows = {r["id"]: r for r in csv.DictReader(f)}
    clinics = rows.get("outpatient-clinic", {})
    check("csv: the clinics fail 45m later, 112,500 people-hours down fewer",
          clinics.get("change") == "fails_later" and clinics.get("by_s") == "2700" and
          clinics.get("delta_people_hours_down") == "-112500.0", str(clinics))
html = msout("compare", "--whatif", BCP_PCS, "--format", "html", *HOSPITAL_ARGS).stdout.decode()
check("html: both runs as timelines, one row per function each",
      'data-kind="compare"' in html and 'data-timeline="baseline"' in html and
      'data-timeline="whatif"' in html and
      html.count('class="timeline-row"') == 2 * len(comparison["functions"]))

finish()
