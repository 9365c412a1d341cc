#!/usr/bin/python3
"""msout validate warns about dead levers: a lever whose selection nothing in the model depends
on changes no function (model/dead_levers.h, docs/model-format.md "Lever").

Usage: validate_dead_levers_test.py MSOUT_BINARY REPO_ROOT

On tests/cli/data/dead-levers/: the warnings name the file, the lever and its JSON pointer, the
ids selected and why; they are warnings (exit 0, the scenario still OK); the lever with only a
disputed dependent says so; the live lever and the restore are not named. The hindcast test
data, whose levers all act, gets no such warning.

Uses only the Python standard library.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

BINARY, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(BINARY, text=True, cwd=ROOT)
DATA = "tests/cli/data/dead-levers"

result = msout("validate", f"{DATA}/model.json", f"{DATA}/scenario.json")
warnings = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
check("dead levers are warnings: exit 0", result.returncode == 0, result.stderr)
check("the scenario is still OK",
      f"OK  {DATA}/scenario.json (scenario: 4 levers, selectors checked against the model)"
      in result.stdout, result.stdout)
check("the admin portal lever: file, pointer, lever, ids and why",
      f"warning: {DATA}/scenario.json: /levers/0: lever \"portal-off\" selects "
      "\"admin-portal\": nothing in the model depends on it, so this lever changes no function"
      in warnings, warnings)
check("the licence lever: only a disputed dependency depends on it",
      f"warning: {DATA}/scenario.json: /levers/1: lever \"licences-off\" selects "
      "\"licence-server\": only disputed dependencies depend on it, which a run leaves out "
      "without --include-disputed, so by default this lever changes no function" in warnings,
      warnings)
check("the live lever and the restore are not named",
      len(warnings) == 2 and not any("cloud-off" in w or "portal-back" in w for w in warnings),
      warnings)

# --model given: the same warnings.
given = msout("validate", "--model", f"{DATA}/model.json", f"{DATA}/scenario.json")
check("with --model: the same two warnings",
      given.returncode == 0 and given.stderr.count("this lever changes no function") == 2,
      given.stderr)

# A scenario whose levers all reach something: no warning.
clean = msout("validate", "tests/cli/data/hindcast/model.json",
              "tests/cli/data/hindcast/scenario.json")
check("no warning where every lever acts",
      clean.returncode == 0 and "changes no function" not in clean.stderr, clean.stderr)

# The shipped national scenarios: the staged sanctions' day-60 lever on the sovereign clouds
# acts only with the what-if that moves the HiX EPD onto one; validated together, that is
# said under the scenario's OK line and is no warning.
national = msout("validate", "model/nl", "scenarios/nl")
check("national: no dead lever", national.returncode == 0 and
      "changes no function" not in national.stderr, national.stderr)
check("national: the sovereign-cloud lever acts only with the HiX what-if",
      "    lever \"sovereign-clouds\" acts only with what-if "
      "\"scenarios/nl/whatif/hix-moved-to-microsoft-sovereign-cloud.json\"" in national.stdout,
      national.stdout)
alone = msout("validate", "model/nl", "scenarios/nl/us-sanctions-staged.json")
check("national: without the what-ifs the lever is a warning",
      alone.returncode == 0 and "lever \"sovereign-clouds\" selects" in alone.stderr,
      alone.stderr)

finish()
