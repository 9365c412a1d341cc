#!/usr/bin/env python3
"""End-to-end: `msout analyze cut-sets` on the example hospital, checked against single
points of failure and pairs derived by hand from scenarios/hospital/model (see
docs/analyses.md for the definition), plus options, --whatif (the self-hosted EPD overlay),
--out and errors.

Usage: analyze_cut_sets_test.py MSOUT_BINARY REPO_ROOT
"""
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT)
MODEL = os.path.join(ROOT, "scenarios", "hospital", "model")


def cut_sets(*args):
    document = msout.json("analyze", "cut-sets", "--format", "json", *args)
    return {f["id"]: f for f in document["functions"]}


hospital = cut_sets("--model", MODEL)

# By hand. Every function needs the hospital organisation itself. The EPD (hix-epd) fails
# with Azure West Europe or Entra ID (Entra ID runs in West or North Europe: only both take
# it down, and West Europe alone already takes the EPD down, so that pair is not minimal).
# The downtime viewer fails with the vSphere cluster, AD or the datacenter (AD and the
# cluster need each other). The ED, the wards and the theatres need the EPD or the viewer:
# no single point but those two groups crossed, 3 x 4 = 12 pairs.
EPD = ["azure-westeurope", "entra-id", "hix-epd"]
VIEWER = ["active-directory", "epd-downtime-viewer", "hospital-dc", "vsphere-cluster"]
EPD_OR_VIEWER = sorted(sorted([a, b]) for a in EPD for b in VIEWER)
SELF_HOSTED = ["active-directory", "hospital-dc", "vsphere-cluster"]
expected_single = {
    "emergency-care": ["voorbeeldziekenhuis"],
    "inpatient-care": ["voorbeeldziekenhuis"],
    "surgery": ["voorbeeldziekenhuis"],
    "hospital-pharmacy": ["voorbeeldziekenhuis"],
    # Desktops (Citrix Cloud, Azure West Europe, Entra ID, the endpoint agents) and the EPD.
    "outpatient-clinic": sorted(["voorbeeldziekenhuis", "virtual-workplace", "citrix-cloud",
                                 "azure-westeurope", "entra-id", "endpoint-security",
                                 "hix-epd"]),
    "lab-diagnostics": sorted(["voorbeeldziekenhuis", "lab-system"] + SELF_HOSTED),
    "radiology": sorted(["voorbeeldziekenhuis", "pacs"] + SELF_HOSTED),
    "incoming-referrals": ["aws-eu-central-1", "voorbeeldziekenhuis", "zorgdomein"],
    "patient-communication": ["voorbeeldziekenhuis"],
    "on-site-card-payments": sorted(["voorbeeldziekenhuis", "pin-terminals", "worldline",
                                     "card-schemes", "google-cloud-europe"]),
}
check("every function of the hospital is analysed",
      sorted(hospital) == sorted(expected_single), str(sorted(hospital)))
for function, single in expected_single.items():
    got = hospital.get(function, {}).get("single_points_of_failure")
    check(f"{function}: single points of failure", got == single, f"{got} != {single}")
for function in ["emergency-care", "inpatient-care", "surgery"]:
    got = hospital[function]["pairs"]
    check(f"{function}: the 12 pairs EPD side x viewer side", got == EPD_OR_VIEWER, str(got))
# Patient communication needs one of Zivver, Exchange Online or the EPD portal: Entra ID
# takes both Microsoft channels down, so Entra ID with either end of the Zivver channel.
check("patient-communication: Entra ID with the Zivver channel",
      hospital["patient-communication"]["pairs"] == [["entra-id", "secure-mail"],
                                                      ["entra-id", "zivver"]],
      str(hospital["patient-communication"]["pairs"]))
for function in ["outpatient-clinic", "lab-diagnostics", "radiology", "incoming-referrals",
                 "hospital-pharmacy", "on-site-card-payments"]:
    check(f"{function}: no pairs", hospital[function]["pairs"] == [])
# The ChipSoft update channel only degrades the EPD, and no function lets that through.
check("a degraded-only dependency is no cut set",
      all("chipsoft" not in f["single_points_of_failure"] for f in hospital.values()))
check("radiology is degraded by losing the EPD's worklists",
      hospital["radiology"]["degrading"] == ["azure-westeurope", "entra-id", "hix-epd"],
      str(hospital["radiology"]["degrading"]))

providers = cut_sets("--model", MODEL, "--candidates", "provider")
check("--candidates provider: outpatient clinic hangs on Azure West Europe",
      providers["outpatient-clinic"]["single_points_of_failure"] == ["azure-westeurope"])
check("--candidates provider: the ED's one provider pair",
      providers["emergency-care"]["pairs"] == [["azure-westeurope", "hospital-dc"]])

only = msout("analyze", "cut-sets", "--model", MODEL, "--format", "json", "--function",
             "radiology", "--function", "surgery,emergency-care")
doc = json.loads(only.stdout)
check("JSON names its format", doc.get("format") == "msout-cut-sets/1")
check("--function keeps the order given",
      [f["id"] for f in doc["functions"]] == ["radiology", "surgery", "emergency-care"])
check("candidates reported", doc["candidates"] == {"kind": "all", "count": 27})

table = msout("analyze", "cut-sets", "--model", MODEL, "--function", "emergency-care")
text = table.stdout.decode()
check("table exits 0", table.returncode == 0, table.stderr.decode())
for needle in ["CUT SETS PER CRITICAL FUNCTION", "single points of failure: voorbeeldziekenhuis",
               "    epd-downtime-viewer + hix-epd\n"]:
    check(f"table shows {needle.strip()!r}", needle in text)
check("table run is byte-identical on a second run",
      msout("analyze", "cut-sets", "--model", MODEL, "--function", "emergency-care").stdout
      == table.stdout)

nl = msout("analyze", "cut-sets", "--format", "json")
check("default: the embedded Netherlands model", nl.returncode == 0 and
      json.loads(nl.stdout)["model"]["name"].startswith("Netherlands"), nl.stderr.decode())

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "cuts.json")
    written = msout("analyze", "cut-sets", "--model", MODEL, "--format", "json", "--out", out)
    check("--out prints nothing", written.returncode == 0 and written.stdout == b"")
    with open(out, "rb") as f:
        check("--out holds what standard output would",
              f.read() == msout("analyze", "cut-sets", "--model", MODEL, "--format", "json").stdout)
    check("--out leaves no temporary file", os.listdir(tmp) == ["cuts.json"], str(os.listdir(tmp)))

# --whatif: the EPD self-hosted (scenarios/hospital/whatif/epd-self-hosted-nl-software.json
# replaces hix-epd: it now requires the vSphere cluster and Active Directory, ChipSoft still
# only degrades it). By hand: the cluster, AD and the datacenter took only the downtime viewer
# down; now they take the EPD down too, so they become single points of failure of the ED,
# the wards and the theatres (and of the outpatient clinics, which need the EPD itself).
# Azure West Europe and Entra ID no longer reach the EPD, so of the 12 EPD x viewer pairs only
# the two services themselves remain. Patient communication loses its pairs: Entra ID now
# takes only Exchange down, no longer the EPD portal as well. Radiology's EPD worklists are
# degraded only by the EPD itself (the cluster side already takes radiology down).
SELF_HOSTED_EPD = os.path.join(ROOT, "scenarios", "hospital", "whatif",
                               "epd-self-hosted-nl-software.json")
check("without --whatif the JSON names no overlay", doc["whatif"] == [])
patched_doc = json.loads(msout("analyze", "cut-sets", "--model", MODEL, "--whatif",
                               SELF_HOSTED_EPD, "--format", "json").stdout)
check("--whatif: the JSON names the overlay applied",
      patched_doc["whatif"] == [{"name": "EPD self-hosted (Dutch software)",
                                 "file": SELF_HOSTED_EPD}], str(patched_doc["whatif"]))
patched = {f["id"]: f for f in patched_doc["functions"]}
for function in ["emergency-care", "inpatient-care", "surgery"]:
    check(f"--whatif self-hosted EPD: {function} hangs on the hospital's own cluster",
          patched[function]["single_points_of_failure"] ==
          sorted(["voorbeeldziekenhuis"] + SELF_HOSTED),
          str(patched[function]["single_points_of_failure"]))
    check(f"--whatif self-hosted EPD: {function} keeps one pair, the EPD and its viewer",
          patched[function]["pairs"] == [["epd-downtime-viewer", "hix-epd"]],
          str(patched[function]["pairs"]))
check("--whatif self-hosted EPD: the outpatient clinics gain the cluster side",
      patched["outpatient-clinic"]["single_points_of_failure"] ==
      sorted(expected_single["outpatient-clinic"] + SELF_HOSTED),
      str(patched["outpatient-clinic"]["single_points_of_failure"]))
check("--whatif self-hosted EPD: patient communication's Entra ID pairs disappear",
      patched["patient-communication"]["pairs"] == [])
check("--whatif self-hosted EPD: radiology degraded only by the EPD itself",
      patched["radiology"]["degrading"] == ["hix-epd"], str(patched["radiology"]["degrading"]))
patched_table = msout("analyze", "cut-sets", "--model", MODEL, "--whatif", SELF_HOSTED_EPD,
                      "--function", "emergency-care").stdout.decode()
check("--whatif: the table names the overlay in its header",
      patched_table.splitlines()[1] ==
      f'  what-if "EPD self-hosted (Dutch software)" ({SELF_HOSTED_EPD})', patched_table[:400])
check("without --whatif the table names none", "what-if" not in text)

unknown = msout("analyze", "cut-sets", "--model", MODEL, "--function", "emergency-cure")
check("unknown --function: exit 3 naming the option and the id", unknown.returncode == 3 and
      b'--function: unknown entity "emergency-cure"' in unknown.stderr, unknown.stderr.decode())
not_function = msout("analyze", "cut-sets", "--model", MODEL, "--function", "hix-epd")
check("--function of a service: exit 3", not_function.returncode == 3 and
      b"is a service, not a function" in not_function.stderr, not_function.stderr.decode())
bad = msout("analyze", "cut-sets", "--model", MODEL, "--candidates", "cloud")
check("bad --candidates: exit 2", bad.returncode == 2 and b"--candidates" in bad.stderr)
check("help exits 0", msout("analyze", "cut-sets", "--help").returncode == 0)
listed = msout("analyze", "--help").stdout.decode()
check("msout analyze --help lists cut-sets", "cut-sets" in listed and "blast-radius" in listed)

# The other formats, drawn from the analysis' document (docs/analyses.md, "CSV, HTML and DOT").
dot = msout("analyze", "cut-sets", "--model", MODEL, "--function", "emergency-care", "--format",
            "dot").stdout.decode()
check("dot: the dependency tree, each entity once, with its gate",
      dot.startswith("//") and "digraph" in dot and dot.count('\n  "hix-epd" [label=') == 1 and
      '"emergency-care#2" [label="any of 2"' in dot, dot[:400])
check("dot: the cycle of AD and the vSphere cluster closes on the node already drawn",
      '"active-directory" -> "vsphere-cluster"' in dot and
      '"vsphere-cluster" -> "active-directory"' in dot)
no_graph = msout("analyze", "cut-sets", "--model", MODEL, "--format", "dot")
check("dot without --function: exit 2", no_graph.returncode == 2 and b"--function" in no_graph.stderr)
with tempfile.TemporaryDirectory() as tmp:
    run = msout("analyze", "cut-sets", "--model", MODEL, "--format", "csv", "--out-dir", tmp)
    check("csv --out-dir: one file per table", run.returncode == 0 and
          sorted(os.listdir(tmp)) == ["cut-sets-cut-sets.csv", "cut-sets-functions.csv"],
          str(os.listdir(tmp)))
    rows = open(os.path.join(tmp, "cut-sets-cut-sets.csv"), newline="").read().split("\r\n")
    check("csv: the ED's pairs, one row each", sum(
        1 for r in rows if r.startswith("emergency-care,pair,")) == len(EPD_OR_VIEWER))
html = msout("analyze", "cut-sets", "--model", MODEL, "--format", "html").stdout.decode()
check("html: a page with both tables", 'data-kind="cut-sets"' in html and
      'data-table="functions"' in html and 'data-table="cut-sets"' in html)

finish()
