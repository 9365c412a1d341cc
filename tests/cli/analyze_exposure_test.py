#!/usr/bin/env python3
"""`msout analyze exposure` and `msout analyze concentration`, run as a user would.

Usage: analyze_exposure_test.py MSOUT_BINARY REPO_ROOT
Checks the example hospital's exposure rows and concentration figures against values worked
out by hand from scenarios/hospital/model (see the comments), the options (--home,
--organisation, --include-disputed, --providers-kind, --whatif with the self-hosted EPD
overlay), byte-identical reruns, --out, and the Netherlands model's disputed claims.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT)
HOSPITAL = os.path.join(ROOT, "scenarios", "hospital", "model")
NL = os.path.join(ROOT, "model", "nl")


def as_json(*args):
    return msout.json(*args, "--format", "json")


def rows(document, organisation):
    """{(level, entity, via): path ids} of one organisation."""
    for o in document["organisations"]:
        if o["id"] == organisation:
            return {(r["level"], r["entity"]["id"], r["via"]["id"]): [s["id"] for s in r["path"]]
                    for r in o["exposures"]}
    raise KeyError(organisation)


# --- exposure on the example hospital -------------------------------------------------------
exposure = as_json("analyze", "exposure", "--model", HOSPITAL)
check("exposure JSON names its format", exposure["format"] == "msout-exposure/1")
check("default home is NL, EU", exposure["home"] == ["NL", "EU"])
hospital = rows(exposure, "voorbeeldziekenhuis")
# The hospital requires nothing itself; its functions bring its systems. Hand-derived:
# mail and SharePoint are SaaS at Microsoft 365 (exposed); HiX runs on Azure West Europe
# (infra: reduced) and signs in at Entra ID (saas: exposed); ZorgDomein (a Dutch SaaS) runs on
# AWS (reduced); Zivver is a US-owned SaaS (exposed); the card terminals' Worldline (EU, home)
# is planned on Google Cloud (reduced).
expected = {
    ("exposed", "microsoft-365", "hospital-mail"):
        ["patient-communication", "hospital-mail", "microsoft-365"],
    ("exposed", "entra-id", "hix-epd"): ["emergency-care", "hix-epd", "entra-id"],
    ("reduced", "azure-westeurope", "hix-epd"): ["emergency-care", "hix-epd", "azure-westeurope"],
    ("exposed", "zivver", "secure-mail"): ["patient-communication", "secure-mail", "zivver"],
    ("reduced", "aws-eu-central-1", "zorgdomein"):
        ["incoming-referrals", "zorgdomein", "aws-eu-central-1"],
    ("reduced", "google-cloud-europe", "pin-terminals"):
        ["on-site-card-payments", "pin-terminals", "worldline", "google-cloud-europe"],
    ("exposed", "citrix-cloud", "virtual-workplace"):
        ["emergency-care", "virtual-workplace", "citrix-cloud"],
    ("exposed", "card-schemes", "pin-terminals"):
        ["on-site-card-payments", "pin-terminals", "card-schemes"],
}
for key, path in expected.items():
    check(f"hospital row {key}", hospital.get(key) == path, f"got {hospital.get(key)}")
check("hospital has 19 rows over 9 foreign entities",
      len(hospital) == 19 and len({e for _, e, _ in hospital}) == 9, f"got {sorted(hospital)}")
entities = {e for _, e, _ in hospital}
# Self-hosted systems carry no data: the lab system, PACS and the downtime viewer run on the
# hospital's own cluster; ChipSoft is only a software supplier (and Dutch); CrowdStrike is
# reached only through the self-hosted endpoint agent.
check("no row via a self-hosted system",
      not {v for _, _, v in hospital} & {"lab-system", "pacs", "epd-downtime-viewer"})
check("no row for ChipSoft or CrowdStrike", not entities & {"chipsoft", "crowdstrike"})
check("Worldline (EU) is home", "worldline" not in entities)

everything_home = as_json("analyze", "exposure", "--model", HOSPITAL, "--home", "NL,EU,US")
check("--home NL,EU,US leaves nothing foreign",
      everything_home["organisations"][0]["exposures"] == [])
nl_only = rows(as_json("analyze", "exposure", "--model", HOSPITAL, "--home", "NL"),
               "voorbeeldziekenhuis")
check("--home NL makes Worldline (EU) foreign",
      nl_only.get(("exposed", "worldline", "pin-terminals")) ==
      ["on-site-card-payments", "pin-terminals", "worldline"])

table = msout("analyze", "exposure", "--model", HOSPITAL)
text = table.stdout.decode()
check("table exits 0", table.returncode == 0, table.stderr.decode())
check("table shows a route",
      "emergency-care \u2192 hix-epd (infra) \u2192 azure-westeurope (infra)" in text)
check("table header names the home jurisdictions", "home jurisdictions: NL, EU" in text)
check("table rerun is byte-identical", msout("analyze", "exposure", "--model", HOSPITAL).stdout
      == table.stdout)
check("--organisation selects", as_json("analyze", "exposure", "--model", HOSPITAL,
                                        "--organisation", "voorbeeldziekenhuis") == exposure)

bad = msout("analyze", "exposure", "--model", HOSPITAL, "--organisation", "hix-epd")
check("--organisation naming a service exits 3", bad.returncode == 3, bad.stderr.decode())
check("... and names the option",
      b'--organisation: "hix-epd" is a service, not an organisation' in bad.stderr)

# --whatif: the EPD self-hosted (scenarios/hospital/whatif/epd-self-hosted-nl-software.json:
# HiX runs on the hospital's own cluster, signs in at the on-premises AD, all layer self). By
# hand: the three routes via HiX go (Entra ID exposed; Azure West Europe reduced; Azure North
# Europe reduced, through Entra ID); the rows through the desktops, mail and SharePoint stay,
# so the hospital still reaches the same 9 foreign entities, by 16 routes.
SELF_HOSTED_EPD = os.path.join(ROOT, "scenarios", "hospital", "whatif",
                               "epd-self-hosted-nl-software.json")
OVERLAY_NAMED = [{"name": "EPD self-hosted (Dutch software)", "file": SELF_HOSTED_EPD}]
check("exposure without --whatif names no overlay", exposure["whatif"] == [])
patched_exposure = as_json("analyze", "exposure", "--model", HOSPITAL, "--whatif", SELF_HOSTED_EPD)
check("exposure --whatif: the JSON names the overlay applied",
      patched_exposure["whatif"] == OVERLAY_NAMED, str(patched_exposure["whatif"]))
patched_rows = rows(patched_exposure, "voorbeeldziekenhuis")
via_hix = {("exposed", "entra-id", "hix-epd"), ("reduced", "azure-westeurope", "hix-epd"),
           ("reduced", "azure-northeurope", "hix-epd")}
check("exposure --whatif self-hosted EPD: the three rows via HiX go, the others stay",
      set(hospital) - set(patched_rows) == via_hix and set(patched_rows) <= set(hospital),
      f"{sorted(set(hospital) ^ set(patched_rows))}")
check("exposure --whatif self-hosted EPD: 16 rows over the same 9 foreign entities",
      len(patched_rows) == 16 and {e for _, e, _ in patched_rows} == entities)
patched_table = msout("analyze", "exposure", "--model", HOSPITAL, "--whatif", SELF_HOSTED_EPD)
check("exposure --whatif: the table names the overlay in its header",
      f'\n  what-if "EPD self-hosted (Dutch software)" ({SELF_HOSTED_EPD})\n'
      in patched_table.stdout.decode().split("Levels")[0], patched_table.stderr.decode())
check("exposure without --whatif: the table names none", "what-if" not in text)

# --- exposure on the Netherlands model: disputed claims ---------------------------------------
# IND's Azure claim is struck through in the source (disputed): no exposure by default.
ind = as_json("analyze", "exposure", "--organisation", "ind")
check("IND has no exposure by default", ind["organisations"][0]["exposures"] == [])
ind_disputed = as_json("analyze", "exposure", "--organisation", "ind", "--include-disputed")
check("IND is exposed with --include-disputed",
      len(ind_disputed["organisations"][0]["exposures"]) > 0 and
      ind_disputed["include_disputed"] is True)
check("without --model: the embedded Netherlands model",
      as_json("analyze", "exposure")["organisations"] ==
      as_json("analyze", "exposure", "--model", NL)["organisations"])

# --- concentration on the example hospital ----------------------------------------------------
# Ten functions, all healthcare. Hand-derived reach: Azure West/North Europe (via HiX, the
# Citrix hosts, Entra ID) and ChipSoft (via HiX) 9 each (all but on-site card payments);
# CrowdStrike 6 (the functions using the virtual workplace); the hospital datacenter 5 (via
# the self-hosted lab, PACS and downtime viewer); AWS, the card schemes, Google 1 each.
# D = 41; HHI = 10000 * (3*81 + 36 + 25 + 3) / 41^2 = 3070000 / 1681 = 1826.3.
concentration = as_json("analyze", "concentration", "--model", HOSPITAL)
national = concentration["national"]
check("concentration JSON names its format",
      concentration["format"] == "msout-concentration/1")
check("ten functions, all on a provider",
      national["functions"] == 10 and national["functions_on_providers"] == 10)
ranking = [(p["id"], p["functions"]) for p in national["providers"]]
check("providers ranked by share", ranking == [
    ("azure-northeurope", 9), ("azure-westeurope", 9), ("chipsoft", 9), ("crowdstrike", 6),
    ("hospital-dc", 5), ("aws-eu-central-1", 1), ("card-schemes", 1),
    ("google-cloud-europe", 1)], f"got {ranking}")
check("largest share 0.9", national["largest_share"] == 0.9)
check("HHI 1826.3", national["hhi"] == 1826.3, f"got {national['hhi']}")
check("one sector, healthcare, equal to the national line",
      [s["sector"] for s in concentration["sectors"]] == ["healthcare"] and
      concentration["sectors"][0]["providers"] == national["providers"])
services = as_json("analyze", "concentration", "--model", HOSPITAL,
                   "--providers-kind", "provider,service")
check("--providers-kind provider,service counts Entra ID",
      ("entra-id", 9) in [(p["id"], p["functions"]) for p in services["national"]["providers"]])

# --whatif self-hosted EPD, by hand: lab diagnostics and radiology reached Azure West and
# North Europe only through HiX (9 -> 7 each); every function that reaches HiX now reaches the
# hospital datacenter through the cluster (5 -> 9); ChipSoft stays at 9.
# D = 9 + 9 + 7 + 7 + 6 + 3 = 41; HHI = 10000 * (2*81 + 2*49 + 36 + 3) / 41^2 = 1778.7.
check("concentration without --whatif names no overlay", concentration["whatif"] == [])
patched_concentration = as_json("analyze", "concentration", "--model", HOSPITAL, "--whatif",
                                SELF_HOSTED_EPD)
check("concentration --whatif: the JSON names the overlay applied",
      patched_concentration["whatif"] == OVERLAY_NAMED)
patched_ranking = [(p["id"], p["functions"]) for p in patched_concentration["national"]["providers"]]
check("concentration --whatif self-hosted EPD: the datacenter up, Azure down", patched_ranking == [
    ("chipsoft", 9), ("hospital-dc", 9), ("azure-northeurope", 7), ("azure-westeurope", 7),
    ("crowdstrike", 6), ("aws-eu-central-1", 1), ("card-schemes", 1),
    ("google-cloud-europe", 1)], f"got {patched_ranking}")
check("concentration --whatif self-hosted EPD: HHI 1778.7",
      patched_concentration["national"]["hhi"] == 1778.7,
      str(patched_concentration["national"]["hhi"]))
check("concentration --whatif: the table names the overlay in its header",
      f'  what-if "EPD self-hosted (Dutch software)" ({SELF_HOSTED_EPD})\n'
      in msout("analyze", "concentration", "--model", HOSPITAL, "--whatif",
               SELF_HOSTED_EPD).stdout.decode().split("SECTORS")[0])

with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "concentration.txt")
    written = msout("analyze", "concentration", "--model", HOSPITAL, "--out", out)
    shown = msout("analyze", "concentration", "--model", HOSPITAL)
    check("--out writes what stdout shows", written.returncode == 0 and written.stdout == b""
          and open(out, "rb").read() == shown.stdout)
    check("concentration table has the sector line", b"healthcare  10" in shown.stdout)

bad = msout("analyze", "concentration", "--providers-kind", "cloud")
check("--providers-kind cloud exits 2", bad.returncode == 2 and b"--providers-kind" in bad.stderr,
      bad.stderr.decode())

# --- issue 10 regressions ----------------------------------------------------------------------
# exposure-sign-in-not-data-location: Entra ID (tag identity) holds sign-ins, not the data.
nl_exposure = as_json("analyze", "exposure", "--organisation", "hospitals-hix-on-azure")
rows = nl_exposure["organisations"][0]["exposures"]
check("exposure-sign-in-not-data-location: Entra ID only as sign-in",
      {r["holds"] for r in rows if r["entity"]["id"] == "entra-id"} == {"sign-in"}, rows)
check("exposure-sign-in-not-data-location: the EPD's data is on Azure West Europe",
      any(r["holds"] == "data" and r["entity"]["id"] == "azure-westeurope"
          and r["via"]["id"] == "hix-epd-on-azure" for r in rows))
check("exposure-sign-in-not-data-location: data rows before sign-in rows",
      [r["holds"] for r in rows] == sorted((r["holds"] for r in rows),
                                           key=lambda h: h != "data"))
hospital_rows = as_json("analyze", "exposure", "--model", HOSPITAL)["organisations"][0]["exposures"]
check("exposure-sign-in-not-data-location: the hospital's Entra ID rows are sign-ins",
      all(r["holds"] == "sign-in" for r in hospital_rows if r["entity"]["id"] == "entra-id"))

# concentration-tie-reported: Azure North and West Europe tie; neither is crowned.
nl_concentration = as_json("analyze", "concentration")
tied = [s for s in nl_concentration["sectors"] if s["tie"]]
check("concentration-tie-reported: the national line is a tie of both Azure regions",
      nl_concentration["national"]["most_depended_on"] == ["azure-northeurope", "azure-westeurope"]
      and nl_concentration["national"]["tie"] is True, nl_concentration["national"])
check("concentration-tie-reported: every tied sector lists all tied providers",
      all(len(s["most_depended_on"]) > 1 for s in tied) and len(tied) >= 12, len(tied))
nl_table = msout("analyze", "concentration")
check("concentration-tie-reported: the table says tie and names both",
      b"tie: Microsoft Azure North Europe (Ireland), Microsoft Azure West Europe (Netherlands)"
      in nl_table.stdout)

finish()
