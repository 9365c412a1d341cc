"""Shared scaffolding for the command-line tests in tests/cli/.

Each script there runs the built msout binary as a user would and prints one line per check;
this module holds what they would otherwise each repeat. CTest runs the scripts by absolute
path with Debian's python3 (standard library only), so a script finds this module beside
itself:

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

What it offers:
  binary_and_repo_root(argv)  the usual MSOUT_BINARY REPO_ROOT arguments, as absolute paths
  MsoutBinary(path, ...)      runs msout with arguments and captures its output; .json(...)
                              also requires exit 0 and parses standard output as JSON
  check(name, condition, detail)
                              prints "ok    NAME" or "FAIL  NAME DETAIL" and counts it
  finish()                    prints "N passed, M failed" and exits 1 if any check failed
  Tally                       the counts behind check() and finish(), for scripts that print
                              their own lines (bad_input_test.py, check_schemas.py)
"""
import json
import os
import subprocess
import sys


def binary_and_repo_root(argv):
    """(MSOUT_BINARY, REPO_ROOT) from a script's command line, both made absolute."""
    return os.path.abspath(argv[1]), os.path.abspath(argv[2])


class MsoutBinary:
    """The msout binary under test. Calling it runs `msout ARGS...` and returns the
    subprocess.CompletedProcess, with stdout and stderr captured (bytes, or str with
    text=True). cwd given to a call overrides the default one."""

    def __init__(self, path, timeout_s=60, text=False, cwd=None):
        self.path = path
        self.timeout_s = timeout_s
        self.text = text
        self.cwd = cwd

    def __call__(self, *args, cwd=None):
        return subprocess.run([self.path, *args], capture_output=True, text=self.text,
                              cwd=self.cwd if cwd is None else cwd, timeout=self.timeout_s)

    def json(self, *args, cwd=None):
        """Runs `msout ARGS...` (the caller passes --format json where it is needed), asserts
        that it exits 0 and returns its standard output parsed as JSON."""
        result = self(*args, cwd=cwd)
        stderr = result.stderr if self.text else result.stderr.decode(errors="replace")
        assert result.returncode == 0, (
            f"msout {' '.join(args)}: exit {result.returncode}\n{stderr}")
        return json.loads(result.stdout)


class Tally:
    """Counts passed and failed checks; prints the summary line every script ends with."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def record(self, passed):
        """Counts one check; returns whether it passed."""
        if passed:
            self.passed += 1
        else:
            self.failed += 1
        return bool(passed)

    def check(self, name, condition, detail=""):
        """Counts the check and prints "ok    NAME", or "FAIL  NAME DETAIL" if it failed."""
        if self.record(condition):
            print(f"ok    {name}")
        else:
            print(f"FAIL  {name} {detail}")

    def print_summary(self):
        print(f"{self.passed} passed, {self.failed} failed")

    def exit_code(self):
        return 1 if self.failed else 0


CHECKS = Tally()


def check(name, condition, detail=""):
    """One check of the script, counted in CHECKS: prints "ok    NAME" or
    "FAIL  NAME DETAIL"."""
    CHECKS.check(name, condition, detail)


def finish():
    """Ends the script: prints "N passed, M failed" and exits 1 if any check failed, else 0."""
    CHECKS.print_summary()
    sys.exit(CHECKS.exit_code())
