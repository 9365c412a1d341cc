#!/usr/bin/env python3
"""`msout run --focus`: the example hospital seen from the hospital, as a user runs it.

Usage: focus_test.py MSOUT_BINARY REPO_ROOT
Expectations derived by hand from scenarios/hospital/model under Microsoft-out: which
functions the hospital provides, what fails first, what still works, its single points of
failure and pairs (a redundant EPD pair is a pair, not two single points of failure).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, text=True)
MODEL = os.path.join(ROOT, "scenarios", "hospital", "model")
SCENARIO = os.path.join(ROOT, "scenarios", "hospital", "microsoft-out.json")
M = 60


def run(*args):
    return msout("run", "--model", MODEL, "--scenario", SCENARIO,
                 "--focus", "voorbeeldziekenhuis", *args)


result = run("--format", "json")
check("json run succeeds", result.returncode == 0, result.stderr)
view = json.loads(result.stdout)
check("format", view["format"] == "msout-focus/1")
functions = {f["id"]: f for f in view["functions"]}
check("the ten functions that require the hospital", len(functions) == 10, sorted(functions))
# The ED switches from HiX (down with Azure) to the downtime viewer: down during the 30m
# switchover. Outpatient clinics need the virtual workplace (tolerance 15m, no fallback).
check("ED first down at 0s", functions["emergency-care"]["first_down_s"] == 0)
check("outpatient clinics down at 15m", functions["outpatient-clinic"]["first_down_s"] == 15 * M)
check("card payments keep working", functions["on-site-card-payments"]["first_degraded_s"] is None)
check("first down is the ED", view["first_down"] == "emergency-care")
check("cause chain reaches the lever",
      functions["outpatient-clinic"]["cause"]["lever"]["id"] is not None)
systems = [s["id"] for s in view["systems"]]
check("systems include the EPD and the datacenter's LIMS",
      "hix-epd" in systems and "lab-system" in systems, systems)
check("the hospital itself is not a system", "voorbeeldziekenhuis" not in systems)
first = view["moments"][0]
check("moment 0 lists every function and system once",
      len(first["up"]) + len(first["degraded"]) + len(first["down"]) == 1 + 10 + len(systems))
check("at 15m the outpatient clinics are down",
      any(m["at_s"] == 15 * M and "outpatient-clinic" in m["down"] for m in view["moments"]))

singles = {tuple(c["outage"]): c["takes_down"] for c in view["single_points_of_failure"]}
pairs = {tuple(c["outage"]): c["takes_down"] for c in view["pairs"]}
# The datacenter carries the LIMS and PACS: losing it for good takes lab and radiology down.
check("datacenter is a single point of failure for lab and radiology",
      sorted(singles.get(("hospital-dc",), [])) == ["lab-diagnostics", "radiology"], singles)
check("Azure West Europe takes the outpatient clinics down",
      singles.get(("azure-westeurope",)) == ["outpatient-clinic"], singles)
# HiX and the downtime viewer are an any group for the ED: neither alone is a single point.
check("HiX alone is not a single point of failure for the ED",
      "emergency-care" not in singles.get(("hix-epd",), []))
check("HiX + the downtime viewer is a pair for the ED",
      "emergency-care" in pairs.get(("hix-epd", "epd-downtime-viewer"), []), pairs)
check("the hospital is not its own single point of failure",
      ("voorbeeldziekenhuis",) not in singles)

table = run()
check("table run succeeds", table.returncode == 0, table.stderr)
for section in ["FUNCTIONS IT PROVIDES (10)", "WHAT FAILS FIRST, AND WHY",
                "SYSTEMS AND SUPPLIERS IT USES DIRECTLY", "WHAT STILL WORKS, MOMENT BY MOMENT",
                "ITS SINGLE POINTS OF FAILURE", "PAIRS OF OUTAGES"]:
    check("table has " + section, section in table.stdout)
check("identical reruns", run("--format", "json").stdout == result.stdout)
check("identical on 4 threads", run("--format", "json", "--threads", "4").stdout == result.stdout)

# With the EPD self-hosted (Dutch software) the ED keeps its record: degraded (virtual
# workplace, mail), never down; the view names the overlay.
OVERLAY = os.path.join(ROOT, "scenarios", "hospital", "whatif", "epd-self-hosted-nl-software.json")
patched = run("--format", "json", "--whatif", OVERLAY)
check("what-if run succeeds", patched.returncode == 0, patched.stderr)
patched_view = json.loads(patched.stdout)
check("what-if named", [w["file"] for w in patched_view["whatif"]] == [OVERLAY])
check("no what-if named without one", view["whatif"] == [])
patched_functions = {f["id"]: f for f in patched_view["functions"]}
check("ED never down with a self-hosted EPD",
      patched_functions["emergency-care"]["first_down_s"] is None)
check("outpatient clinics still down at 15m (desktops on Azure)",
      patched_functions["outpatient-clinic"]["first_down_s"] == 15 * M)

# The national model: the HiX-on-Azure hospitals. Their own outage counts too (they have
# requirements of their own): Azure West Europe alone takes them down (the EPD, 8h
# tolerance) until a disaster-recovery copy at a Dutch cloud makes it a pair with that
# cloud; they then last until Microsoft 365's 3d tolerance runs out.
def nl_focus(*args):
    return msout.json("run", "--focus", "hospitals-hix-on-azure", "--format", "json", *args)


H = 3600
nl = nl_focus()
nl_singles = {tuple(c["outage"]): c["takes_down"] for c in nl["single_points_of_failure"]}
check("NL: the hospitals go down at 8h", nl["organisation"]["first_down_s"] == 8 * H)
check("NL: Azure West Europe takes the hospitals down alone",
      "hospitals-hix-on-azure" in nl_singles.get(("azure-westeurope",), []), nl_singles)
DR = os.path.join(ROOT, "scenarios", "nl", "whatif", "hix-disaster-recovery-at-dutch-cloud.json")
nl_dr = nl_focus("--whatif", DR)
dr_singles = {tuple(c["outage"]): c["takes_down"] for c in nl_dr["single_points_of_failure"]}
dr_pairs = {frozenset(c["outage"]): c["takes_down"] for c in nl_dr["pairs"]}
check("NL + DR: the hospitals go down at 3d", nl_dr["organisation"]["first_down_s"] == 72 * H)
check("NL + DR: Azure West Europe is no longer a single point of failure",
      ("azure-westeurope",) not in dr_singles, dr_singles)
check("NL + DR: Azure West Europe with the Dutch cloud is a pair",
      "hospitals-hix-on-azure" in dr_pairs.get(frozenset({"azure-westeurope", "intermax-cloud"}), []),
      dr_pairs)

# --- issue 10: the view is about the organisation itself -------------------------------------
# focus-org-down-explained: the HiX-on-Azure hospitals go down at 8h; the headline and the
# cause chain are theirs (through their EPD and Azure), never "nothing fails".
check("focus-org-down-explained: headline is the organisation's own state",
      nl["headline"].endswith("goes down at 8h (degraded from 0s); at 7d it is down"), nl["headline"])
chain = [step["id"] for step in nl["organisation"]["cause"]["chain"]]
check("focus-org-down-explained: its own chain runs through its EPD to Azure",
      chain[:3] == ["hospitals-hix-on-azure", "hix-epd-on-azure", "azure-westeurope"], chain)
nl_table = msout("run", "--focus", "hospitals-hix-on-azure")
check("focus-org-down-explained: table explains the organisation first",
      "WHAT FAILS FIRST, AND WHY: THE ORGANISATION ITSELF" in nl_table.stdout and
      "nothing fails" not in nl_table.stdout, nl_table.stdout[:2000])
# focus-peer-failure-not-blamed: the national function goes down through another hospital
# group; the view says so and does not list the peers' outages as the organisation's.
hospital_care = {f["id"]: f for f in nl["functions"]}["fn-hospital-care"]
check("focus-peer-failure-not-blamed: hospital care fails through a peer",
      hospital_care["fails_through"]["route"] == "peer" and
      hospital_care["fails_through"]["via"] != "hospitals-hix-on-azure", hospital_care["fails_through"])
check("focus-peer-failure-not-blamed: shared with the other hospital entries",
      sorted(hospital_care["shared_with"]) ==
      ["erasmus-mc", "hospitals-other", "isala", "umcs-migrating-to-azure"],
      hospital_care["shared_with"])
check("focus-peer-failure-not-blamed: no cut set takes down the shared national function",
      all("fn-hospital-care" not in c["takes_down"]
          for c in nl["single_points_of_failure"] + nl["pairs"]))
# focus-nothing-fails-only-when-nothing-fails: the example hospital stays up while its
# functions fail: the table must not say "nothing fails".
check("focus-nothing-fails-only-when-nothing-fails: the hospital stays up, its functions fail",
      view["headline"] == "Voorbeeldziekenhuis stays up throughout 3d" and
      "nothing fails" not in table.stdout and view["first_to_fail"] is not None)
check("focus-nothing-fails-only-when-nothing-fails: the ED fails through a system of its own",
      functions["emergency-care"]["fails_through"] == {"route": "system", "via": "hix-epd"},
      functions["emergency-care"]["fails_through"])
quiet = msout("run", "--model", MODEL, "--scenario",
              os.path.join(ROOT, "scenarios", "hospital", "us-sanctions.json"),
              "--focus", "voorbeeldziekenhuis", "--format", "json")
check("focus on another scenario runs", quiet.returncode == 0, quiet.stderr)
quiet_view = json.loads(quiet.stdout)
check("focus-nothing-fails-only-when-nothing-fails: first_to_fail null only if all stay up",
      (quiet_view["first_to_fail"] is None) ==
      all(m["degraded"] == [] and m["down"] == [] for m in quiet_view["moments"]))

finish()
