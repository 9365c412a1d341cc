#!/usr/bin/env python3
"""The README's "For a risk officer" walkthrough, run as written on the Netherlands model.

Usage: risk_officer_test.py MSOUT_BINARY REPO_ROOT
Each claim the walkthrough makes about the answers is checked here; the expected values
follow from model/nl by hand (tolerances and groups noted beside each check).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
# The walkthrough's commands run from the repository root, as the README gives them.
msout = MsoutBinary(MSOUT, timeout_s=120, text=True, cwd=ROOT)
ORG = "hospitals-hix-on-azure"
H = 3600


def msout_json(*args):
    return msout.json(*args, "--format", "json")


# 1. What still works: degraded at once (EPD, mail, desktops), down at 8h when the
# downtime procedures (8h tolerance on the EPD) run out.
focus = msout_json("run", "--focus", ORG)
check("1: degraded at 0s", focus["organisation"]["first_degraded_s"] == 0)
check("1: down at 8h", focus["organisation"]["first_down_s"] == 8 * H)
singles = {c["outage"][0] for c in focus["single_points_of_failure"] if ORG in c["takes_down"]}
check("1: Azure West Europe, Entra ID, Microsoft 365 and the EDR agent are single points",
      {"azure-westeurope", "entra-id", "microsoft-365", "crowdstrike-falcon-sensor"} <= singles,
      singles)

# 2. The shipped overlays validate against the national model.
validate = msout("validate", "--model", "model/nl", "scenarios/nl/whatif")
check("2: the example overlays validate", validate.returncode == 0, validate.stdout + validate.stderr)

# 3. Compare: with a disaster-recovery copy (4h failover < 8h tolerance) the hospitals go
# down only when Microsoft 365's 3d tolerance runs out: 2d16h later.
compared = msout_json("compare", "--focus", ORG, "--whatif",
                      "scenarios/nl/whatif/hix-disaster-recovery-at-dutch-cloud.json")
row = compared["functions"][0]
check("3: the hospitals go down 2d16h later",
      row["id"] == ORG and row["change"] == "fails_later" and row["by_s"] == 64 * H, row)

# 4. Azure West Europe, Entra ID and Microsoft 365 top the blast radius of every entity: each
# takes at least the whole population (a function serving everyone) and 13 or more functions
# down (Azure West Europe 13, Entra ID and Microsoft 365 14: the organisations on Microsoft 365
# alone also fall with them).
blast = msout_json("analyze", "blast-radius", "--kind", "all", "--top", "3")
check("4: Azure West Europe, Entra ID and Microsoft 365 top the blast radius",
      sorted(r["id"] for r in blast["ranking"]) == ["azure-westeurope", "entra-id",
                                                     "microsoft-365"], str(blast["ranking"]))
check("4: 13 or more functions down each",
      sorted(r["functions_down"] for r in blast["ranking"]) == [13, 14, 14], str(blast["ranking"]))
check("4: at least 18,000,000 people down each, never more than the population",
      all(r["people_down"] == 18000000 <= blast["model"]["population"]["people"]
          for r in blast["ranking"]))
cuts = msout_json("analyze", "cut-sets", "--function", "fn-hospital-care")["functions"][0]
check("4: Azure West and North Europe are a pair for hospital care",
      ["azure-northeurope", "azure-westeurope"] in cuts["pairs"], cuts["pairs"])
check("4: neither region alone is a single point of failure",
      not {"azure-northeurope", "azure-westeurope"} & set(cuts["single_points_of_failure"]))
check("4: Entra ID is one", "entra-id" in cuts["single_points_of_failure"])
exposure = msout_json("analyze", "exposure", "--organisation", ORG)["organisations"][0]
check("4: the hospitals' data is exposed at Microsoft 365",
      any(x["entity"]["id"] == "microsoft-365" and x["level"] == "exposed"
          for x in exposure["exposures"]))
concentration = msout_json("analyze", "concentration")
check("4: concentration answers", concentration["format"] == "msout-concentration/1")

finish()
