#!/usr/bin/env python3
"""The layers (README, Layout): model/ includes nothing from sim/, and the PDES kernel in
sim/kernel/ includes nothing from the domain (neither model/ nor the rest of sim/); the
renderers in sim/render/ include nothing from the rest of sim/.

Usage: layering_test.py REPO_ROOT
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import check, finish  # noqa: E402

ROOT = sys.argv[1]
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
RULES = [  # (folder, allowed prefixes of project includes)
    ("model", ("model/",)),
    ("sim/kernel", ("sim/kernel/",)),
    # The renderers never reach back into the engine or the results: only the neutral form
    # and model's text utilities.
    ("sim/render", ("sim/render/", "model/printable_text.h", "model/duration.h",
                    "model/saturating_sum.h")),
]

for folder, allowed in RULES:
    for dirpath, _, files in os.walk(os.path.join(ROOT, folder)):
        for name in sorted(files):
            if not name.endswith((".h", ".cc")):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding="utf-8") as f:
                includes = INCLUDE.findall(f.read())
            bad = [i for i in includes if not i.startswith(allowed)]
            check(os.path.relpath(path, ROOT), not bad,
                  f"includes {bad} (allowed: {', '.join(allowed)})")
finish()
