#!/usr/bin/env python3
"""`msout import cyclonedx`: the example hospital's CycloneDX service inventory
(scenarios/hospital/inventory/), imported onto the Netherlands model as a hospital of its own.

Usage: import_cyclonedx_test.py MSOUT_BINARY REPO_ROOT

Checks the overlay (the hospital, its four functions, the model's Azure, Entra ID and
Microsoft 365 named by msout:entity, ChipSoft, Citrix, ZorgDomein and Zivver linked by name,
the speech-recognition vendor a provider of its own), that it validates against the national
model, and the outcomes worked out by hand under Microsoft-out: the outpatient clinics down at
15m and the emergency department at 30m (their tolerances; the EPD and the desktops run on
Azure with Entra ID sign-in), secure communication with GPs degraded at 4h (Microsoft 365),
the laboratory (own datacenter) up throughout; the hospital itself degraded, never down.
"""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, text=True)
BOM = os.path.join(ROOT, "scenarios", "hospital", "inventory", "voorbeeldziekenhuis.cdx.json")
M = 60

work = tempfile.mkdtemp(prefix="msout-cdx-")
try:
    overlay = os.path.join(work, "hospital.json")
    result = msout("import", "cyclonedx", BOM, "--out", overlay)
    check("import succeeds", result.returncode == 0, result.stderr)
    out = result.stdout
    check("summary", "Voorbeeldziekenhuis (id voorbeeldziekenhuis): 14 services and components "
          "(4 functions, 3 entities of the model), 1 providers of their own, 4 items linked"
          in out, out)
    check("the Citrix link is reported",
          'linked "Virtual workplace (Citrix desktops)" (provider "Citrix Systems Netherlands '
          'B.V.") by name, company "Citrix"' in out, out)
    doc = json.load(open(overlay, encoding="utf-8"))
    entities = {e["id"]: e for e in doc["add_entities"]}
    check("no entity added for the model's own Azure, Entra ID and Microsoft 365",
          not any(i in entities for i in ("azure-westeurope", "entra-id", "microsoft-365")))
    epd = entities["hix-epd-production"]
    check("the EPD runs on the model's Azure West Europe with Entra ID sign-in",
          [r.get("on") for r in epd["requires"]][1:] == ["azure-westeurope", "entra-id"], epd)
    check("the EPD is linked to ChipSoft by name, presumed",
          epd["requires"][0]["on"] == "chipsoft-hix"
          and epd["requires"][0]["evidence"]["confidence"] == "presumed", epd["requires"][0])
    check("the EPD's data classification and trust zone become tags",
          "data-phi" in epd["tags"] and "trust-zone-hospital-cloud-tenant" in epd["tags"],
          epd["tags"])
    check("evidence names the file and the JSON pointer",
          epd["evidence"]["source"] == "voorbeeldziekenhuis.cdx.json"
          and epd["evidence"]["quote"].startswith("/services/4: HiX EPD (production)"),
          epd["evidence"])

    result = msout("validate", "--model", os.path.join(ROOT, "model", "nl"), overlay)
    check("the overlay validates against the national model", result.returncode == 0,
          result.stdout + result.stderr)

    result = msout("run", "--whatif", overlay, "--focus", "voorbeeldziekenhuis", "--format", "json")
    check("Microsoft-out run succeeds", result.returncode == 0, result.stderr)
    view = json.loads(result.stdout)
    f = {x["id"]: x for x in view["functions"]}
    check("outpatient clinics down at 15m",
          f["voorbeeldziekenhuis-outpatient-clinics"]["first_down_s"] == 15 * M)
    check("emergency department down at 30m",
          f["voorbeeldziekenhuis-emergency-department"]["first_down_s"] == 30 * M)
    gp = f["voorbeeldziekenhuis-secure-communication-with-gps"]
    check("GP communication degraded at 4h, never down",
          gp["first_degraded_s"] == 4 * 3600 and gp["first_down_s"] is None, gp)
    check("laboratory keeps working",
          f["voorbeeldziekenhuis-laboratory-diagnostics"]["first_degraded_s"] is None)
    check("250,000 people per function, as the inventory says",
          f["voorbeeldziekenhuis-emergency-department"]["people_served"] == 250000)

    result = msout("analyze", "cut-sets", "--whatif", overlay, "--function",
                   "voorbeeldziekenhuis-emergency-department", "--format", "json")
    check("cut-sets succeeds", result.returncode == 0, result.stderr)
    singles = json.loads(result.stdout)["functions"][0]["single_points_of_failure"]
    check("the EPD, Azure West Europe and Entra ID are single points of failure of the ED",
          all(s in singles for s in ("hix-epd-production", "azure-westeurope", "entra-id")),
          singles)

    bad = os.path.join(work, "bad.cdx.json")
    bom = json.load(open(BOM, encoding="utf-8"))
    bom["dependencies"][0]["dependsOn"].append("svc-ghost")
    json.dump(bom, open(bad, "w"))
    target = os.path.join(work, "never.json")
    result = msout("import", "cyclonedx", bad, "--out", target)
    check("a dependency on an unknown bom-ref is refused with its pointer",
          result.returncode == 3 and "bad.cdx.json: /dependencies/0/dependsOn/5: no component or "
          "service has bom-ref \"svc-ghost\"" in result.stderr, result.stderr)
    check("... and nothing is written", not os.path.exists(target))
finally:
    shutil.rmtree(work, ignore_errors=True)

finish()
