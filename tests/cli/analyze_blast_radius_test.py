#!/usr/bin/env python3
"""End-to-end: `msout analyze blast-radius` on the example hospital, checked against times
and people derived by hand from scenarios/hospital/model and docs/semantics.md, plus the
ranking, --top, --ids, --whatif (the self-hosted EPD overlay, and two overlays in either
order), --out, identical bytes for 1 and 4 threads, and errors.

Usage: analyze_blast_radius_test.py MSOUT_BINARY REPO_ROOT
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=120)
MODEL = os.path.join(ROOT, "scenarios", "hospital", "model")
H, M, D = 3600, 60, 86400


def blast(*args):
    return msout.json("analyze", "blast-radius", "--format", "json", *args)


providers = blast("--model", MODEL)
check("JSON names its format", providers["format"] == "msout-blast-radius/1")
check("default: every provider, 30 days",
      providers["kind"] == "provider" and providers["analysed"] == 8 and
      providers["horizon_s"] == 30 * D, str(providers["analysed"]))
ranked = [r["id"] for r in providers["ranking"]]
check("Azure West Europe ranks first among the hospital's providers",
      ranked[0] == "azure-westeurope", str(ranked))

# Azure West Europe alone, by hand (as the regional scenario in the hospital README, but
# for 30 days): Entra ID switches to North Europe and stays up; the EPD and the desktops go
# down at 0s. ED: down for the 30m switchover to the downtime viewer; theatres: 1h;
# outpatient clinics: down from 15m (desktop tolerance) to the end; five functions only
# degraded; patient communication keeps Zivver and Exchange (2 of 3); card payments untouched.
azure = providers["ranking"][0]
functions = {f["id"]: f for f in azure["functions"]}
check("Azure West Europe: 3 functions down, 5 only degraded",
      (azure["functions_down"], azure["functions_degraded"]) == (3, 5))
# People are never summed over functions (docs/report-format.md, "People figures"): at least
# the people of the most widely used function down (ED 350,000; theatres 20,000 and the
# outpatient clinics 150,000 may be the same people), resp. only degraded.
check("Azure West Europe: people down = at least the ED's, not ED + theatres + clinics",
      azure["people_down"] == 350000, str(azure["people_down"]))
check("Azure West Europe: people degraded = at least the widest degraded function's",
      azure["people_degraded"] == 120000, str(azure["people_degraded"]))
check("ED down at 0s for the 30m switchover",
      functions["emergency-care"]["first_down_s"] == 0 and
      functions["emergency-care"]["time_down_s"] == 30 * M and
      functions["emergency-care"]["state_at_horizon"] == "degraded")
check("theatres down for the 1h switchover", functions["surgery"]["time_down_s"] == H)
check("outpatient clinics down from 15m to the horizon",
      functions["outpatient-clinic"]["first_down_s"] == 15 * M and
      functions["outpatient-clinic"]["time_down_s"] == 30 * D - 15 * M)
check("radiology degraded from 30m", functions["radiology"]["first_degraded_s"] == 30 * M and
      functions["radiology"]["first_down_s"] is None)
check("patient communication and card payments not hit",
      "patient-communication" not in functions and "on-site-card-payments" not in functions)
# At least: 0-30m the ED's 350,000; 30m-30d the clinics' 150,000 (theatres' 20,000 until 1h
# are within it).
check("people-hours down, at least: the widest function down at each instant",
      abs(azure["people_hours_down"] - (350000 * 0.5 + 150000 * (720 - 0.5))) < 1e-3,
      str(azure["people_hours_down"]))
check("function-people-hours down: summed over the functions, labelled function-weighted",
      abs(azure["function_people_hours_down"] -
          (350000 * 0.5 + 20000 * 1 + 150000 * (720 - 0.25))) < 1e-3,
      str(azure["function_people_hours_down"]))
check("Azure North Europe alone hits nothing (Entra ID stays in West Europe)",
      next(r for r in providers["ranking"] if r["id"] == "azure-northeurope")["functions"] == [])

everything = blast("--model", MODEL, "--kind", "all")
check("--kind all: the hospital organisation itself ranks first, all ten functions down",
      everything["ranking"][0]["id"] == "voorbeeldziekenhuis" and
      everything["ranking"][0]["functions_down"] == 10)
check("--kind all analyses every entity but the functions", everything["analysed"] == 27)
people = [r["people_down"] for r in everything["ranking"]]
check("ranked by people down", people == sorted(people, reverse=True))

top = blast("--model", MODEL, "--kind", "all", "--top", "3")
check("--top 3 keeps the first three", [r["id"] for r in top["ranking"]] ==
      [r["id"] for r in everything["ranking"][:3]] and top["analysed"] == 27)
short = blast("--model", MODEL, "--ids", "entra-id,hix-epd", "--horizon", "2h")
check("--ids runs exactly those", sorted(r["id"] for r in short["ranking"]) ==
      ["entra-id", "hix-epd"] and short["kind"] is None and short["ids"] == ["entra-id", "hix-epd"])
# Entra ID alone: EPD sessions and desktops last 1h on their tokens; then the ED switches to
# the downtime viewer (down 1h-1h30m) and the clinics stop 15m after their desktops.
entra = {f["id"]: f for f in next(r for r in short["ranking"] if r["id"] == "entra-id")["functions"]}
check("--horizon 2h: ED down 1h-1h30m after Entra ID's token tolerance",
      entra["emergency-care"]["first_down_s"] == H and entra["emergency-care"]["time_down_s"] == 30 * M)
check("--horizon 2h: outpatient clinics down at 1h15m, until the 2h horizon",
      entra["outpatient-clinic"]["first_down_s"] == H + 15 * M and
      entra["outpatient-clinic"]["time_down_s"] == 45 * M)

one = msout("analyze", "blast-radius", "--kind", "all", "--format", "json", "--threads", "1")
four = msout("analyze", "blast-radius", "--kind", "all", "--format", "json", "--threads", "4")
check("Netherlands, every entity: byte-identical for 1 and 4 threads",
      one.returncode == 0 and one.stdout == four.stdout, one.stderr.decode())
table1 = msout("analyze", "blast-radius", "--top", "10", "--threads", "1")
table4 = msout("analyze", "blast-radius", "--top", "10", "--threads", "4")
check("table: byte-identical for 1 and 4 threads", table1.stdout == table4.stdout)
text = table1.stdout.decode()
for needle in ["RANKING", "top 10 of 26", "CRITICAL FUNCTIONS HIT, PER OUTAGE", "Netherlands"]:
    check(f"table shows {needle!r}", needle in text)

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "blast.txt")
    written = msout("analyze", "blast-radius", "--model", MODEL, "--out", out)
    check("--out prints nothing", written.returncode == 0 and written.stdout == b"")
    with open(out, "rb") as f:
        check("--out holds what standard output would",
              f.read() == msout("analyze", "blast-radius", "--model", MODEL).stdout)
    check("--out leaves no temporary file", os.listdir(tmp) == ["blast.txt"])

# --whatif: the EPD self-hosted (white paper option 4). The overlay replaces hix-epd: it now
# runs on the hospital's own vSphere cluster (no tolerance) and signs in at Active Directory,
# not on Azure West Europe and Entra ID. By hand: Azure West Europe alone still takes the
# outpatient clinics down (their desktops run on Azure) and degrades the five functions that
# use those desktops, but no longer takes the ED or the theatres down (the EPD stays up, so
# no switchover), nor touches radiology or the lab (their EPD worklists stay up). The
# hospital datacenter now takes the EPD and its downtime viewer down together at 0s: the ED
# is down from 0s to the horizon, and the datacenter ranks first.
WHATIF = os.path.join(ROOT, "scenarios", "hospital", "whatif")
SELF_HOSTED_EPD = os.path.join(WHATIF, "epd-self-hosted-nl-software.json")
NL_CLOUD_EPD = os.path.join(WHATIF, "epd-nl-saas-on-nl-cloud.json")
check("without --whatif the JSON names no overlay", providers["whatif"] == [])
patched = blast("--model", MODEL, "--whatif", SELF_HOSTED_EPD)
check("--whatif: the JSON names the overlay applied",
      patched["whatif"] == [{"name": "EPD self-hosted (Dutch software)", "file": SELF_HOSTED_EPD}],
      str(patched["whatif"]))
by_id = {r["id"]: r for r in patched["ranking"]}
azure_patched = {f["id"]: f for f in by_id["azure-westeurope"]["functions"]}
check("--whatif self-hosted EPD: Azure West Europe takes only the outpatient clinics down",
      (by_id["azure-westeurope"]["functions_down"], by_id["azure-westeurope"]["people_down"]) ==
      (1, 150000), str(by_id["azure-westeurope"]["people_down"]))
check("--whatif self-hosted EPD: with Azure down the ED and theatres are only degraded",
      azure_patched["emergency-care"]["first_down_s"] is None and
      azure_patched["surgery"]["first_down_s"] is None and
      azure_patched["emergency-care"]["first_degraded_s"] == 0)
check("--whatif self-hosted EPD: Azure no longer touches radiology or the lab",
      "radiology" not in azure_patched and "lab-diagnostics" not in azure_patched)
datacenter = {f["id"]: f for f in by_id["hospital-dc"]["functions"]}
check("--whatif self-hosted EPD: the datacenter ranks first and takes the ED down for 30d",
      patched["ranking"][0]["id"] == "hospital-dc" and
      datacenter["emergency-care"]["first_down_s"] == 0 and
      datacenter["emergency-care"]["time_down_s"] == 30 * D,
      str([r["id"] for r in patched["ranking"]]))
# Applied in order: the Dutch cloud's overlay adds nl-cloud and puts HiX on it; the self-hosted
# one, applied after it, replaces HiX again (the datacenter takes the ED down), while nl-cloud
# stays (9 providers). The other way round HiX ends on the Dutch cloud: the ED survives the
# datacenter.
both = blast("--model", MODEL, "--whatif", NL_CLOUD_EPD, "--whatif", SELF_HOSTED_EPD)
check("two --whatif: named in the order given",
      [w["file"] for w in both["whatif"]] == [NL_CLOUD_EPD, SELF_HOSTED_EPD])
first_dc = {f["id"] for f in next(r for r in both["ranking"] if r["id"] == "hospital-dc")
            ["functions"] if f["first_down_s"] is not None}
check("two --whatif: the last one's EPD counts, the first one's entity stays",
      both["analysed"] == 9 and "emergency-care" in first_dc, str(first_dc))
swapped = blast("--model", MODEL, "--whatif", SELF_HOSTED_EPD, "--whatif", NL_CLOUD_EPD)
swapped_dc = {f["id"] for f in next(r for r in swapped["ranking"] if r["id"] == "hospital-dc")
              ["functions"] if f["first_down_s"] is not None}
check("two --whatif the other way round: the ED survives the datacenter",
      "emergency-care" not in swapped_dc, str(swapped_dc))
patched_table = msout("analyze", "blast-radius", "--model", MODEL, "--whatif", SELF_HOSTED_EPD)
check("--whatif: the table names the overlay in its header",
      f'  what-if "EPD self-hosted (Dutch software)" ({SELF_HOSTED_EPD})\n'
      in patched_table.stdout.decode().split("\n\n")[0] + "\n", patched_table.stderr.decode())
check("without --whatif the table names none",
      b"what-if" not in msout("analyze", "blast-radius", "--model", MODEL).stdout)

unknown = msout("analyze", "blast-radius", "--model", MODEL, "--ids", "hix-epd,azur")
check("unknown --ids: exit 3 naming the option and the id", unknown.returncode == 3 and
      b'--ids: unknown entity "azur"' in unknown.stderr and unknown.stdout == b"",
      unknown.stderr.decode())
for args, needle in [(["--kind", "cloud"], b"--kind"),
                     (["--kind", "service", "--ids", "hix-epd"], b"not both"),
                     (["--horizon", "0s"], b"--horizon"),
                     (["--horizon", "3days"], b"--horizon"),
                     (["--top", "-1"], b"--top")]:
    result = msout("analyze", "blast-radius", "--model", MODEL, *args)
    check(f"{' '.join(args)}: exit 2", result.returncode == 2 and needle in result.stderr,
          result.stderr.decode())
check("help exits 0", msout("analyze", "blast-radius", "--help").returncode == 0)

finish()
