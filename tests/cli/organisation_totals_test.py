#!/usr/bin/env python3
"""Organisation totals in `msout run`: an entry without `count` is not counted as one.

Usage: organisation_totals_test.py MSOUT_BINARY REPO_ROOT
Regression for issue 10 (organisations-without-count-not-counted-as-one): "GP practices
using Nedap MediKit" is one entity for many practices, and the national model gives no
count for it; the totals say how many entries give no count instead of adding 1 for each.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, text=True)
SCENARIO = os.path.join(ROOT, "scenarios", "nl", "microsoft-out.json")

result = msout("run", "--scenario", SCENARIO, "--format", "json")
check("json run succeeds", result.returncode == 0, result.stderr)
report = json.loads(result.stdout)
entries = {o["id"]: o for o in report["organisations_affected"]}
totals = report["summary"]["organisations_affected"]
check("organisations-without-count-not-counted-as-one: an entry without count has count null",
      entries["gp-practices-nedap-medikit"]["count"] is None, entries.get("gp-practices-nedap-medikit"))
check("a given count stays", entries["municipalities"]["count"] == 342)
given = [o["count"] for o in report["organisations_affected"] if o["count"] is not None]
check("organisations-without-count-not-counted-as-one: counted sums only the given counts",
      totals["counted"] == sum(given) and totals["entries"] == len(entries) and
      totals["entries_without_count"] == len(entries) - len(given), totals)
table = msout("run", "--scenario", SCENARIO)
check("organisations-without-count-not-counted-as-one: the table says how many give no count",
      "{} entries: {:,} organisations in the {} with a count, {} without a count in the model".format(
          len(entries), sum(given), len(given), len(entries) - len(given)) in table.stdout,
      [line for line in table.stdout.splitlines() if "ORGANISATIONS" in line])
finish()
