#!/usr/bin/python3
"""Run msout on the bad-input corpus and check that every case fails the way it should.

Usage: bad_input_test.py MSOUT_BINARY CORPUS_DIR

Each sub-directory of CORPUS_DIR is one case:
  cmd     the msout arguments on one line (shell-like quoting); the word {dir} stands for the
          case directory, e.g. `run --model {dir}/model.json --scenario {dir}/scenario.json`
  expect  first line: the exit code; every further non-empty line: a substring that must
          appear in stderr ({dir} is replaced there too)
  absent  optional: paths ({dir} allowed), one a line, that must not exist after the run
  refute  optional: substrings, one a line, that must NOT appear in stderr (e.g. a doubled
          "----focus", or a raw control character written as \x1b)
plus the input files the command reads.

For every case the binary must: exit with the expected code within 30 seconds; print every
expected substring on stderr; print nothing on stdout when it fails (except `validate`,
which prints OK lines for the files that are valid); not crash (no death by signal, no
sanitizer report); and create no file in the case directory.

Prints one line per case, then "N passed, M failed"; exits 1 if any case failed.
Uses only the Python standard library.
"""
import os
import shlex
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import Tally  # noqa: E402

TIMEOUT_S = 30
CRASH_MARKERS = (
    "ERROR: AddressSanitizer",
    "ERROR: LeakSanitizer",
    "WARNING: ThreadSanitizer",
    "runtime error:",
    "msout: internal error",
)


def substitute(text, case_dir):
    return text.replace("{dir}", case_dir)


def snapshot(directory):
    """Every path under directory (files and directories), relative to it."""
    paths = set()
    for dirpath, dirnames, filenames in os.walk(directory):
        for name in dirnames + filenames:
            paths.add(os.path.relpath(os.path.join(dirpath, name), directory))
    return paths


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def run_case(binary, case_dir):
    """Returns a list of problems; empty if the case passed."""
    problems = []
    try:
        cmd_lines = [line for line in read_lines(os.path.join(case_dir, "cmd")) if line.strip()]
        expect = read_lines(os.path.join(case_dir, "expect"))
    except OSError as e:
        return ["cannot read the case: %s" % e]
    if len(cmd_lines) != 1:
        return ["cmd must hold exactly one line, found %d" % len(cmd_lines)]
    try:
        expected_code = int(expect[0].strip())
    except (IndexError, ValueError):
        return ["expect must start with the exit code"]
    substrings = [substitute(line, case_dir) for line in expect[1:] if line.strip()]
    absent_file = os.path.join(case_dir, "absent")
    absent = []
    if os.path.exists(absent_file):
        absent = [substitute(line.strip(), case_dir)
                  for line in read_lines(absent_file) if line.strip()]

    refute_file = os.path.join(case_dir, "refute")
    refuted = []
    if os.path.exists(refute_file):
        refuted = [substitute(line, case_dir).encode("utf-8").decode("unicode_escape")
                   for line in read_lines(refute_file) if line.strip()]

    args = [substitute(arg, case_dir) for arg in shlex.split(cmd_lines[0])]
    before = snapshot(case_dir)
    try:
        result = subprocess.run([binary] + args, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return ["timed out after %d s" % TIMEOUT_S]
    except OSError as e:
        return ["cannot run %s: %s" % (binary, e)]
    stdout = result.stdout.decode("utf-8", errors="replace")
    stderr = result.stderr.decode("utf-8", errors="replace")

    if result.returncode < 0:
        problems.append("crashed: killed by signal %d" % -result.returncode)
    for marker in CRASH_MARKERS:
        if marker in stderr:
            problems.append("crash report in stderr: %r" % marker)
    if result.returncode != expected_code:
        problems.append("exit code %d, expected %d" % (result.returncode, expected_code))
    for s in substrings:
        if s not in stderr:
            problems.append("stderr lacks %r" % s)
    for s in refuted:
        if s in stderr:
            problems.append("stderr holds %r, which it must not" % s)
    is_validate = bool(args) and args[0] == "validate"
    if result.returncode != 0 and not is_validate and stdout:
        problems.append("stdout not empty for a failing run: %r" % stdout[:200])
    created = sorted(snapshot(case_dir) - before)
    if created:
        problems.append("created in the case directory: %s" % ", ".join(created))
    for path in absent:
        if os.path.lexists(path):
            problems.append("must not exist after the run: %s" % path)
    if problems:
        problems.append("stderr was:\n" + "\n".join("      " + l for l in stderr.splitlines()))
    return problems


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: bad_input_test.py MSOUT_BINARY CORPUS_DIR\n")
        return 2
    binary = os.path.abspath(argv[1])
    corpus = os.path.abspath(argv[2])
    if not os.access(binary, os.X_OK):
        sys.stderr.write("bad_input_test.py: %s is not an executable\n" % binary)
        return 2
    cases = sorted(name for name in os.listdir(corpus)
                   if os.path.isdir(os.path.join(corpus, name)))
    tally = Tally()
    if not cases:
        print("no cases found in %s" % corpus)
    for name in cases:
        problems = run_case(binary, os.path.join(corpus, name))
        if tally.record(not problems):
            print("PASS %s" % name)
        else:
            print("FAIL %s" % name)
            for p in problems:
                print("    " + p)
    tally.print_summary()
    return 1 if tally.failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
