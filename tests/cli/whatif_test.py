#!/usr/bin/env python3
"""What-if overlays end to end: `msout run --whatif` and `msout validate` on overlay files.

Usage: whatif_test.py MSOUT_BINARY REPO_ROOT
Runs the example hospital with each of the white paper's five EPD hosting options
(scenarios/hospital/whatif/*.json) under Microsoft-out, the staged US sanctions and the
Azure West Europe outage, and checks the EPD-dependent functions against times derived by
hand from the model and the overlays (scenarios/hospital/README.md, "What-if: five ways to
host the EPD"). Also: the report names the overlays (table and JSON), overlays apply in the
order given, the embedded default model can be patched, reruns are byte-identical, and
validate checks overlays against the model they are meant for.
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
WHATIF = os.path.join(HOSPITAL, "whatif")
M, H, D = 60, 3600, 86400


def report(scenario, *overlays, model=MODEL):
    args = ["run", "--format", "json", "--scenario", os.path.join(HOSPITAL, scenario)]
    if model:
        args += ["--model", model]
    for overlay in overlays:
        args += ["--whatif", overlay]
    return msout.json(*args)


def timeline(function):
    """[(from_s, state), ...] of a function's report entry."""
    return [(i["from_s"], i["state"]) for i in function["timeline"]]


def option(name):
    return os.path.join(WHATIF, name + ".json")


# The five options of the white paper, and the model as shipped (HiX on Azure) for reference.
US_SAAS = option("epd-us-saas")
NL_SAAS_AZURE = option("epd-nl-saas-on-azure")
NL_SAAS_NL_CLOUD = option("epd-nl-saas-on-nl-cloud")
SELF_NL = option("epd-self-hosted-nl-software")
SELF_OPEN = option("epd-self-hosted-open-source")
ON_AZURE = {"as shipped": None, "US SaaS": US_SAAS, "Dutch SaaS on Azure": NL_SAAS_AZURE}
OFF_AZURE = {"Dutch SaaS on a Dutch cloud": NL_SAAS_NL_CLOUD,
             "self-hosted Dutch software": SELF_NL, "self-hosted open source": SELF_OPEN}


def run_option(scenario, overlay):
    return report(scenario, *([overlay] if overlay else []))


# ---- Microsoft-out (scenarios/hospital/microsoft-out.json, horizon 3d) -----------------------
# Microsoft cloud down from 0s. The desktops (Citrix on Azure) go down at 0s in every option,
# so the functions that use them are degraded everywhere and the outpatient clinics stop at
# 15m (their 15m tolerance on the desktops). What differs is the EPD:
#   EPD on Azure (as shipped, US SaaS, Dutch SaaS on Azure): down at 0s (both regions gone,
#     the DR region too). Emergency care: down 0s, then 30m switchover to the downtime viewer
#     -> degraded. Surgery: 1h switchover. Lab degraded 0s (paper requests). Radiology: PACS
#     degraded at 0s (no worklists), 30m tolerance -> degraded 30m. Patient communication:
#     only Zivver left of three channels -> degraded 0s.
#   EPD off Azure (Dutch cloud, self-hosted x2): the EPD stays up. Emergency care and surgery
#     only degraded (desktops), never down; lab, radiology and patient communication (Zivver
#     and the EPD: 2 of 3 channels) never affected.
MO_ON_AZURE = {
    "emergency-care": [(0, "down"), (30 * M, "degraded")],
    "surgery": [(0, "down"), (H, "degraded")],
    "inpatient-care": [(0, "degraded")],
    "outpatient-clinic": [(0, "up"), (15 * M, "down")],
    "lab-diagnostics": [(0, "degraded")],
    "radiology": [(0, "up"), (30 * M, "degraded")],
    "hospital-pharmacy": [(0, "degraded")],
    "incoming-referrals": [(0, "degraded")],
    "patient-communication": [(0, "degraded")],
    "on-site-card-payments": [(0, "up")],
}
MO_OFF_AZURE = {
    "emergency-care": [(0, "degraded")],
    "surgery": [(0, "degraded")],
    "inpatient-care": [(0, "degraded")],
    "outpatient-clinic": [(0, "up"), (15 * M, "down")],
    "lab-diagnostics": [(0, "up")],
    "radiology": [(0, "up")],
    "hospital-pharmacy": [(0, "degraded")],
    "incoming-referrals": [(0, "degraded")],
    "patient-communication": [(0, "up")],
    "on-site-card-payments": [(0, "up")],
}
for options, expected in ((ON_AZURE, MO_ON_AZURE), (OFF_AZURE, MO_OFF_AZURE)):
    for label, overlay in options.items():
        rep = run_option("microsoft-out.json", overlay)
        functions = {f["id"]: f for f in rep["functions"]}
        for fid, want in expected.items():
            got = timeline(functions[fid])
            check(f"microsoft-out, EPD {label}: {fid} {want}", got == want, f"got {got}")
        ever_down = sorted(f for f, t in expected.items() if any(s == "down" for _, s in t))
        still = sorted(rep["summary"]["still_working"])
        check(f"microsoft-out, EPD {label}: still working",
              still == sorted(f for f, t in expected.items() if t == [(0, "up")]), f"got {still}")
        got_down = sorted(f["id"] for f in rep["functions"] if f["first_down_s"] is not None)
        check(f"microsoft-out, EPD {label}: functions ever down {ever_down}", got_down == ever_down,
              f"got {got_down}")

# The report names the overlay, and the cause chain's evidence for the EPD's link comes from
# the overlay (the US vendor's hosting), not from the model it patched.
rep = report("microsoft-out.json", US_SAAS)
check("report names the overlay",
      rep["whatif"] == [{"name": "EPD as US SaaS",
                         "description": rep["whatif"][0]["description"], "file": US_SAAS}],
      str(rep["whatif"]))
chain = {f["id"]: f for f in rep["functions"]}["emergency-care"]["cause"]["chain"]
epd_step = [s for s in chain if s["id"] == "hix-epd"]
check("cause chain runs through the overlay's EPD",
      len(epd_step) == 1 and epd_step[0]["name"] == "EPD as US SaaS (vendor-managed, on Azure)",
      str(chain))
check("cause chain evidence for the EPD's hosting is the overlay's",
      epd_step and epd_step[0]["via"]["on"] == "azure-westeurope"
      and any("vendor's primary region" in a for a in epd_step[0]["via"]["assumptions"]),
      str(epd_step))
check("the model as shipped has no what-if", report("microsoft-out.json")["whatif"] == [])

# ---- US sanctions, staged (scenarios/hospital/us-sanctions.json, horizon 35d) ----------------
# Card schemes cut at 14d (every option). At 21d the US-managed services go: Entra ID (its
# 1h token tolerance ends at 21d1h for the EPD and the desktops), Microsoft 365, Zivver,
# Citrix Cloud, and the US SaaS EPD itself. At 28d the Azure regions go.
#   as shipped / Dutch SaaS on Azure: EPD down at 21d1h (Entra ID sign-in) -> emergency care
#     down 21d1h, degraded after the 30m switchover; patient communication degraded at 21d
#     (Zivver and Exchange gone), down at 21d1h (the EPD channel too).
#   US SaaS: the EPD is cut off at 21d itself: everything one hour earlier.
#   off Azure: the EPD stays up; emergency care only degraded from 21d1h (desktops), patient
#     communication only degraded (the EPD channel remains).
SANCTIONS = {
    "as shipped": {"emergency-care": [(0, "up"), (21 * D + H, "down"),
                                      (21 * D + H + 30 * M, "degraded")],
                   "patient-communication": [(0, "up"), (21 * D, "degraded"), (21 * D + H, "down")],
                   "lab-diagnostics": [(0, "up"), (21 * D + H, "degraded")]},
    "US SaaS": {"emergency-care": [(0, "up"), (21 * D, "down"), (21 * D + 30 * M, "degraded")],
                "patient-communication": [(0, "up"), (21 * D, "down")],
                "lab-diagnostics": [(0, "up"), (21 * D, "degraded")]},
    "Dutch SaaS on Azure": {"emergency-care": [(0, "up"), (21 * D + H, "down"),
                                               (21 * D + H + 30 * M, "degraded")],
                            "patient-communication": [(0, "up"), (21 * D, "degraded"),
                                                      (21 * D + H, "down")],
                            "lab-diagnostics": [(0, "up"), (21 * D + H, "degraded")]},
}
for label in OFF_AZURE:
    SANCTIONS[label] = {"emergency-care": [(0, "up"), (21 * D + H, "degraded")],
                        "patient-communication": [(0, "up"), (21 * D, "degraded")],
                        "lab-diagnostics": [(0, "up")]}
for label, expected in SANCTIONS.items():
    overlay = {**ON_AZURE, **OFF_AZURE}[label]
    functions = {f["id"]: f for f in run_option("us-sanctions.json", overlay)["functions"]}
    for fid, want in expected.items():
        got = timeline(functions[fid])
        check(f"us-sanctions, EPD {label}: {fid}", got == want, f"got {got}")
    card = functions["on-site-card-payments"]
    check(f"us-sanctions, EPD {label}: card payments down at 14d", card["first_down_s"] == 14 * D,
          str(card["first_down_s"]))

# ---- Azure West Europe down 0h-10h (scenarios/hospital/azure-westeurope-down.json) ----------
# As shipped the EPD is back at 12h (10h + 2h restart): lab up 13h (1h back-entry), radiology
# up 12h. US SaaS fails over to North Europe in 1h: lab up 2h, radiology up 1h. Dutch SaaS on
# Azure fails over in 4h: lab up 5h, radiology up 4h. Off Azure: neither is affected.
REGIONAL = {
    "as shipped": ([(0, "degraded"), (13 * H, "up")],
                   [(0, "up"), (30 * M, "degraded"), (12 * H, "up")]),
    "US SaaS": ([(0, "degraded"), (2 * H, "up")], [(0, "up"), (30 * M, "degraded"), (H, "up")]),
    "Dutch SaaS on Azure": ([(0, "degraded"), (5 * H, "up")],
                            [(0, "up"), (30 * M, "degraded"), (4 * H, "up")]),
}
for label in OFF_AZURE:
    REGIONAL[label] = ([(0, "up")], [(0, "up")])
for label, (lab, radiology) in REGIONAL.items():
    overlay = {**ON_AZURE, **OFF_AZURE}[label]
    functions = {f["id"]: f for f in run_option("azure-westeurope-down.json", overlay)["functions"]}
    check(f"azure-westeurope-down, EPD {label}: lab-diagnostics",
          timeline(functions["lab-diagnostics"]) == lab,
          f"got {timeline(functions['lab-diagnostics'])}")
    check(f"azure-westeurope-down, EPD {label}: radiology",
          timeline(functions["radiology"]) == radiology, f"got {timeline(functions['radiology'])}")

# ---- the command line ------------------------------------------------------------------------
with tempfile.TemporaryDirectory() as tmp:
    # Overlays apply in the order given: the second needs the entity the first adds.
    first = os.path.join(tmp, "first.json")
    second = os.path.join(tmp, "second.json")
    with open(first, "w") as f:
        json.dump({"format": "msout-overlay/1", "name": "A second EPD host",
                   "add_entities": [{"id": "epd-dr-site", "name": "EPD disaster-recovery site",
                                     "kind": "provider", "jurisdiction": "NL"}]}, f)
    with open(second, "w") as f:
        json.dump({"format": "msout-overlay/1", "name": "EPD fails over to it",
                   "add_alternatives": [{"from": "hix-epd", "on": "azure-westeurope",
                                         "switchover": "45m",
                                         "alternatives": [{"on": "epd-dr-site"}]}]}, f)
    args = ["run", "--model", MODEL, "--scenario", os.path.join(HOSPITAL, "microsoft-out.json"),
            "--whatif", first, "--whatif", second]
    table = msout(*args)
    text = table.stdout.decode()
    check("two overlays in order: exit 0", table.returncode == 0, table.stderr.decode())
    check("table header names both overlays in order",
          f'what-if "A second EPD host" ({first})\n  what-if "EPD fails over to it" ({second})'
          in text, text[:400])
    rep = json.loads(msout(*args, "--format", "json").stdout)
    check("json names both overlays in order",
          [w["file"] for w in rep["whatif"]] == [first, second], str(rep["whatif"]))
    # The EPD fails over to the new site at 45m, but its Entra ID sign-in (1h tolerance)
    # takes it down again at 1h, before the lab's 1h back-entry after 45m is over: the lab
    # stays degraded throughout. (A new host does not help while sign-in is Microsoft's.)
    functions = {f["id"]: f for f in rep["functions"]}
    check("the patched model runs: lab degraded throughout (EPD back 45m-1h only)",
          timeline(functions["lab-diagnostics"]) == [(0, "degraded")],
          str(timeline(functions["lab-diagnostics"])))
    check("a rerun with overlays is byte-identical", msout(*args).stdout == table.stdout)
    wrong_order = msout(*args[:-4], "--whatif", second, "--whatif", first)
    check("overlays in the wrong order: exit 3", wrong_order.returncode == 3)
    check("overlays in the wrong order: error names the overlay and the place",
          f"{second}: /add_alternatives/0/alternatives/0/on" in wrong_order.stderr.decode()
          and 'unknown entity "epd-dr-site"' in wrong_order.stderr.decode(),
          wrong_order.stderr.decode())
    check("a failing run prints no report", wrong_order.stdout == b"")

    # No --model: the embedded Netherlands model, patched.
    nl_overlay = os.path.join(tmp, "nl.json")
    with open(nl_overlay, "w") as f:
        json.dump({"format": "msout-overlay/1", "name": "A function on Azure",
                   "add_entities": [{"id": "fn-whatif-probe", "name": "Probe", "kind": "function",
                                     "requires": [{"on": "azure-westeurope", "tolerance": "2h"}]}]},
                  f)
    default = msout("run", "--format", "json", "--whatif", nl_overlay, cwd=tmp)
    check("embedded default with an overlay: exit 0", default.returncode == 0,
          default.stderr.decode())
    rep = json.loads(default.stdout)
    probe = {f["id"]: f for f in rep["functions"]}.get("fn-whatif-probe")
    check("embedded default with an overlay: the added function fails at 2h",
          probe is not None and probe["first_down_s"] == 2 * H, str(probe))
    check("embedded default with an overlay: the report names it",
          [w["name"] for w in rep["whatif"]] == ["A function on Azure"], str(rep["whatif"]))

# ---- validate ------------------------------------------------------------------------------
result = msout("validate", WHATIF)
out = result.stdout.decode()
check("validate whatif/: exit 0", result.returncode == 0, result.stderr.decode())
check("validate whatif/: each overlay applied to the hospital model (found beside whatif/)",
      out.count("applied to the model") == 5, out)
result = msout("validate", "--model", os.path.join(ROOT, "model", "nl"), US_SAAS)
check("validate an overlay against the wrong model: exit 3", result.returncode == 3)
check("validate an overlay against the wrong model: names the overlay and the place",
      f"{US_SAAS}: /remove_entities/0" in result.stderr.decode(), result.stderr.decode())

finish()
