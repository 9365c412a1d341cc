#!/usr/bin/env python3
"""End-to-end: the command line helps a user who is stuck, and never quietly does something
else than asked (issue 10).

Usage: command_line_test.py MSOUT_BINARY REPO_ROOT
Checks `msout list` (entities by kind, sector and text, within 120 columns; the shipped
scenarios), `--scenario NAME` for a shipped scenario, the warnings of --until and --threads,
that `validate` and `run` agree on the dependency counts they print, that `compare --focus`
takes an organisation an overlay adds, and "did you mean" for ids.
"""
import glob
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=120, text=True)
NATIONAL = os.path.join(ROOT, "scenarios", "nl")
HOSPITAL = os.path.join(ROOT, "scenarios", "hospital")

# msout list: every entity of the embedded model, with the ids users must type.
listed = msout.json("list", "--format", "json")
entities = listed["entities"]
NATIONAL_ENTITIES = sum(
    len(json.load(open(path, encoding="utf-8"))["entities"])
    for path in glob.glob(os.path.join(ROOT, "model", "nl", "*.json")))
check("list: every entity of the national model", len(entities) == NATIONAL_ENTITIES,
      (len(entities), NATIONAL_ENTITIES))
table = msout("list")
check("list: table exits 0", table.returncode == 0, table.stderr)
widest = max(len(line) for line in table.stdout.splitlines())
check("list: the table fits 120 columns", widest <= 120, widest)
check("list: the table shows the ids", "fn-hospital-care" in table.stdout
      and "hospitals-hix-on-azure" in table.stdout)
functions = msout.json("list", "--kind", "function", "--format", "json")["entities"]
check("list --kind function: only functions, all of them",
      functions and all(e["kind"] == "function" for e in functions)
      and len(functions) == sum(e["kind"] == "function" for e in entities), len(functions))
health = msout.json("list", "--sector", "Healthcare", "--format", "json")["entities"]
check("list --sector: case does not matter, only that sector",
      health and all(e["sector"] == "healthcare" for e in health))
hix = msout.json("list", "--match", "HIX", "--format", "json")["entities"]
check("list --match: id or name contains the text",
      hix and all("hix" in (e["id"] + e["name"]).lower() for e in hix))
hospital = msout.json("list", "--model", os.path.join(HOSPITAL, "model"), "--kind",
                      "organisation", "--format", "json")["entities"]
check("list --model: the hospital's organisations", any(e["id"] for e in hospital))

# Every organisation list shows is one --focus accepts.
organisation = next(e["id"] for e in entities if e["kind"] == "organisation")
focus = msout("run", "--focus", organisation, "--until", "1h")
check("an id from msout list works with --focus", focus.returncode == 0, focus.stderr)

# The shipped scenarios, by the name --scenario takes.
shipped = msout.json("list", "scenarios", "--format", "json")["scenarios"]
names = {s["name"] for s in shipped}
on_disk = {f[:-5] for f in os.listdir(NATIONAL) if f.endswith(".json")}
check("list scenarios: every national scenario file, by name", names == on_disk,
      sorted(names ^ on_disk))
by_name = msout.json("run", "--scenario", "aws-out", "--format", "json")
by_path = msout.json("run", "--scenario", os.path.join(NATIONAL, "aws-out.json"),
                     "--format", "json")
check("--scenario aws-out runs the shipped file",
      by_name["functions"] == by_path["functions"]
      and by_name["scenario"]["name"] == by_path["scenario"]["name"])

# --until before later levers: warned on stderr and in the report.
staged = msout("run", "--scenario", "us-sanctions-staged", "--until", "1d", "--format", "json")
check("--until 1d: exit 0", staged.returncode == 0, staged.stderr)
left_out = re.findall(r'lever "([^"]+)" at \S+ comes after --until 1d', staged.stderr)
check("--until 1d: every later lever of the staged sanctions is named",
      len(left_out) == 5 and "sovereign-clouds" in left_out, left_out)
check("--until 1d: the report's warnings name them too",
      sum("comes after --until 1d" in w for w in json.loads(staged.stdout)
          ["warnings"]) == 5)
whole = msout("run", "--scenario", "us-sanctions-staged", "--until", "60d")
check("--until at the last lever: no warning", "comes after" not in whole.stderr, whole.stderr)

# --threads above the cores: a warning, and the same bytes.
one = msout("run", "--threads", "1", "--format", "json")
many = msout("run", "--threads", "4096", "--format", "json")
check("--threads 4096: a warning that says what is used",
      "warning: --threads 4096 is more than the" in many.stderr and "using" in many.stderr,
      many.stderr)
check("--threads 4096: the same report as one thread", one.stdout == many.stdout)
check("--threads: no TBB warning", "TBB Warning" not in many.stderr, many.stderr)

# validate and run give the same counts, and say why simulated ones are fewer.
validated = msout("validate", os.path.join(ROOT, "model", "nl"))
counts = re.search(r"(\d+) dependencies, .*msout run simulates (\d+) of the dependencies",
                   validated.stdout)
check("validate: says how many dependencies msout run simulates", counts, validated.stdout)
run_json = msout.json("run", "--format", "json")
if counts:
    check("validate and run agree on both counts",
          int(counts.group(1)) == run_json["model"]["dependencies_in_model"]
          and int(counts.group(2)) == run_json["model"]["dependencies"],
          (counts.groups(), run_json["model"]))
header = msout("run").stdout.splitlines()[:4]
check("run's header explains the difference",
      any("the model has %d dependencies" % run_json["model"]["dependencies_in_model"] in line
          for line in header), header)

# compare --focus on an organisation that only the what-if has.
compared = msout("compare", "--model", os.path.join(HOSPITAL, "model"),
                 "--scenario", os.path.join(HOSPITAL, "microsoft-out.json"),
                 "--whatif", os.path.join(HOSPITAL, "whatif", "epd-self-hosted-open-source.json"),
                 "--focus", "epd-application-team", "--format", "json")
check("compare --focus: an organisation the overlay adds is accepted",
      compared.returncode == 0, compared.stderr)
check("compare --focus: says the baseline lacks it",
      "is not in the baseline model: the what-if adds it" in compared.stderr, compared.stderr)
missing = msout("compare", "--model", os.path.join(HOSPITAL, "model"),
                "--scenario", os.path.join(HOSPITAL, "microsoft-out.json"),
                "--whatif", os.path.join(HOSPITAL, "whatif", "epd-self-hosted-open-source.json"),
                "--focus", "epd-aplication-team")
check("compare --focus: an id in neither model is an error with a suggestion",
      missing.returncode == 3 and 'did you mean "epd-application-team"' in missing.stderr
      and "----focus" not in missing.stderr, missing.stderr)

# Did you mean, for an analysis' ids.
cut = msout("analyze", "cut-sets", "--function", "fn-hospital-cre")
check("cut-sets --function: suggests the id", cut.returncode == 3
      and 'did you mean "fn-hospital-care"' in cut.stderr, cut.stderr)

# What msout echoes of a hostile argument is escaped and shortened.
huge = msout("run", "--focus", "x" * 100000)
check("a 100,000-byte id is shortened in the error",
      huge.returncode == 3 and len(huge.stderr) < 1000 and "(100000 bytes)" in huge.stderr,
      len(huge.stderr))
forged = msout("run", "--scenario", "nope\nerror: forged line")
check("a newline in an argument cannot forge an error line",
      forged.returncode == 4 and "\nerror: forged" not in forged.stderr
      and "nope\\nerror: forged line" in forged.stderr, forged.stderr)

finish()
