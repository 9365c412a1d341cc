#!/usr/bin/env python3
"""`msout import dora-roi`: the shipped register of the fictional Voorbeeldbank, as a risk
officer uses it (scenarios/bank/README.md).

Usage: import_dora_test.py MSOUT_BINARY REPO_ROOT

Imports the register as a directory and as a ZIP (the same overlay but for the file names in
the evidence), checks the overlay against the national model, and checks the outcomes worked
out by hand in scenarios/bank/README.md: under Microsoft-out the payments, online banking,
lending and mail go down at once (CoreBank runs on Azure), card payments and customer service
keep working; under AWS-out customer service is down until EuroStack takes over after its
24-hour RTO; CoreBank is a single point of failure of payments. Then the failure paths: a
ZIP without report.json, --out naming the register, nothing written on failure.
"""
import json
import os
import shutil
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, text=True)
REGISTER = os.path.join(ROOT, "scenarios", "bank", "register", "voorbeeldbank")
H = 3600

F1 = "voorbeeldbank-f1-payments-sepa-credit-transfers"
F2 = "voorbeeldbank-f2-card-payments-issuing-and"
F3 = "voorbeeldbank-f3-online-and-mobile-banking"
F4 = "voorbeeldbank-f4-lending-mortgages-and-consumer"
F5 = "voorbeeldbank-f5-customer-service-and-contact"
F6 = "voorbeeldbank-f6-internal-mail-and-collaboration"


def zip_register(path, with_report=True):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for dirpath, _, filenames in os.walk(REGISTER):
            for name in sorted(filenames):
                if name == "report.json" and not with_report:
                    continue
                full = os.path.join(dirpath, name)
                z.write(full, os.path.join("voorbeeldbank", os.path.relpath(full, REGISTER)))


def without_sources(node):
    """The overlay with the evidence's file names and the description left out."""
    if isinstance(node, dict):
        return {k: without_sources(v) for k, v in node.items()
                if k not in ("source", "description")}
    if isinstance(node, list):
        return [without_sources(v) for v in node]
    return node


def focus(overlay, scenario):
    result = msout("run", "--whatif", overlay, "--focus", "voorbeeldbank", "--scenario", scenario,
                   "--format", "json")
    check(f"run {scenario} succeeds", result.returncode == 0, result.stderr)
    return {f["id"]: f for f in json.loads(result.stdout)["functions"]}


work = tempfile.mkdtemp(prefix="msout-import-")
try:
    overlay = os.path.join(work, "bank.json")
    result = msout("import", "dora-roi", REGISTER, "--out", overlay)
    check("import of the directory succeeds", result.returncode == 0, result.stderr)
    out = result.stdout
    check("summary names the bank and its counts",
          "Voorbeeldbank N.V. (LEI 7245VOORBEELDBANK088, id voorbeeldbank): 6 functions "
          "(4 critical or important), 12 ICT providers (7 linked to the model)" in out, out)
    check("the Microsoft link is reported with its rule",
          'linked "Microsoft Ireland Operations Limited" by name, company "Microsoft" -> '
          "azure-westeurope, azure-northeurope, microsoft-sovereign-cloud" in out, out)
    check("three things to check", "check (3):" in out, out)
    check("the unknown parent is a check line",
          'provider "Datacentrum Noord B.V.": ultimate parent' in out, out)
    check("the alternative it cannot find is a check line", '"Adyen N.V."' in out, out)

    doc = json.load(open(overlay, encoding="utf-8"))
    entities = {e["id"]: e for e in doc["add_entities"]}
    check("format", doc["format"] == "msout-overlay/1")
    check("bank, 12 providers and 6 functions", len(entities) == 19, sorted(entities))
    ms = entities["microsoft-ireland-operations"]
    check("Microsoft Ireland is controlled from the US (the model's company)",
          ms["jurisdiction"] == "US" and ms["controlled_by"] == "Microsoft (US)", ms)
    check("Worldline Nederland takes its parent's country",
          entities["worldline-nederland"]["jurisdiction"] == "FR"
          and entities["worldline-nederland"]["controlled_by"] == "Worldline SA (FR)")
    check("CoreBank requires Microsoft (B_05.02)",
          entities["corebank-cloud"]["requires"][0]["on"] == "microsoft-ireland-operations")
    f3 = entities[F3]["requires"]
    group = [r for r in f3 if "any" in r]
    check("online banking: Microsoft or EuroStack, switchover = the 8h RTO",
          len(group) == 1 and [m["on"] for m in group[0]["any"]]
          == ["microsoft-ireland-operations", "eurostack-cloud"]
          and group[0]["switchover"] == "8h", group)
    evidence = [r["evidence"] for r in f3 if r.get("on") == "corebank-cloud"][0]
    check("evidence names file, table, row and columns",
          evidence["source"] == "voorbeeldbank/reports/b_02.02.csv"
          and evidence["confidence"] == "confirmed"
          and evidence["quote"].startswith("B_02.02 row 4 (line 5): \"c0010\" = CA-002;"),
          evidence)

    result = msout("validate", "--model", os.path.join(ROOT, "model", "nl"), overlay)
    check("the overlay validates against the national model", result.returncode == 0,
          result.stdout + result.stderr)

    ms_out = focus(overlay, "microsoft-out")
    for f in (F1, F3, F4, F6):
        check(f"Microsoft-out: {f} down at 0s for the whole week",
              ms_out[f]["first_down_s"] == 0 and ms_out[f]["time_down_s"] == 7 * 24 * H,
              ms_out[f]["first_down_s"])
    for f in (F2, F5):
        check(f"Microsoft-out: {f} keeps working", ms_out[f]["first_degraded_s"] is None)

    aws_out = focus(overlay, "aws-out")
    check("AWS-out: customer service down at 0s until EuroStack takes over after 24h",
          aws_out[F5]["first_down_s"] == 0 and aws_out[F5]["time_down_s"] == 24 * H
          and aws_out[F5]["state_at_horizon"] == "up", aws_out[F5])
    for f in (F1, F2, F3, F4, F6):
        check(f"AWS-out: {f} keeps working", aws_out[f]["first_degraded_s"] is None)

    result = msout("analyze", "cut-sets", "--whatif", overlay, "--function", F1, "--format", "json")
    check("cut-sets succeeds", result.returncode == 0, result.stderr)
    cut = json.loads(result.stdout)
    singles = cut["functions"][0]["single_points_of_failure"]
    check("CoreBank and Microsoft Ireland are single points of failure of payments",
          "corebank-cloud" in singles and "microsoft-ireland-operations" in singles, singles)

    result = msout("montecarlo", "--whatif", overlay, "--focus", "voorbeeldbank",
                   "--replications", "200", "--format", "json", "--quiet")
    check("Monte Carlo runs on the imported overlay", result.returncode == 0, result.stderr)

    # The same register as a ZIP: the same overlay but for the evidence's file names.
    archive = os.path.join(work, "voorbeeldbank.zip")
    zip_register(archive)
    zipped = os.path.join(work, "zipped.json")
    result = msout("import", "dora-roi", archive, "--out", zipped)
    check("import of the ZIP succeeds", result.returncode == 0, result.stderr)
    zdoc = json.load(open(zipped, encoding="utf-8"))
    check("ZIP and directory give the same overlay", without_sources(zdoc) == without_sources(doc))
    check("evidence names the file inside the ZIP",
          zdoc["evidence"]["source"] == "voorbeeldbank.zip:voorbeeldbank/reports/b_01.01.csv",
          zdoc["evidence"])

    # Onto an empty model: nothing to link; the bank's own graph still runs.
    empty = os.path.join(work, "empty.json")
    json.dump({"format": "msout-model/1", "name": "empty", "entities": []}, open(empty, "w"))
    alone = os.path.join(work, "alone.json")
    result = msout("import", "dora-roi", REGISTER, "--model", empty, "--out", alone)
    check("import onto an empty model succeeds, linking nothing",
          result.returncode == 0 and "(0 linked to the model)" in result.stdout, result.stderr)
    scenario = os.path.join(work, "corebank-down.json")
    json.dump({"format": "msout-scenario/1", "name": "CoreBank down", "horizon": "1d",
               "levers": [{"id": "l", "name": "CoreBank down", "at": "1h", "action": "down",
                           "select": {"ids": ["corebank-cloud"]}}]}, open(scenario, "w"))
    result = msout("run", "--model", empty, "--whatif", alone, "--scenario", scenario,
                   "--focus", "voorbeeldbank", "--format", "json")
    check("runs on the empty model", result.returncode == 0, result.stderr)
    alone_f = {f["id"]: f for f in json.loads(result.stdout)["functions"]}
    check("CoreBank down at 1h takes payments, online banking and lending down at 1h",
          all(alone_f[f]["first_down_s"] == H for f in (F1, F3, F4))
          and alone_f[F6]["first_degraded_s"] is None, alone_f[F1]["first_down_s"])

    # Failure paths: nothing written, the register untouched.
    bad = os.path.join(work, "no-report.zip")
    zip_register(bad, with_report=False)
    target = os.path.join(work, "never.json")
    result = msout("import", "dora-roi", bad, "--out", target)
    check("a ZIP without report.json is refused", result.returncode == 3, result.returncode)
    check("... naming it", "no-report.zip: no report.json" in result.stderr, result.stderr)
    check("... and nothing is written", not os.path.exists(target))
    before = open(archive, "rb").read()
    result = msout("import", "dora-roi", archive, "--out", archive)
    check("--out naming the register is refused", result.returncode == 2, result.stderr)
    check("... and the register is untouched", open(archive, "rb").read() == before)
    result = msout("import", "dora-roi", REGISTER, "--org", "azure-westeurope", "--out", target)
    check("--org naming an id of the model is refused",
          result.returncode == 3 and "already has an entity" in result.stderr, result.stderr)
    check("... and nothing is written", not os.path.exists(target))
finally:
    shutil.rmtree(work, ignore_errors=True)

finish()
