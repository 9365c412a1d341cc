"""msout montecarlo under a real `mpirun`: the replications split across processes give
byte-identical output to one process (fixed and automatic replication counts, JSON and
table), and every rank but 0 stays silent.

Usage: montecarlo_mpi_test.py MSOUT_BINARY REPO_ROOT MPIEXEC
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, check, finish  # noqa: E402

BINARY, ROOT, MPIEXEC = (os.path.abspath(a) for a in sys.argv[1:4])
msout = MsoutBinary(BINARY, timeout_s=300)
STAGED = os.path.join(ROOT, "scenarios", "nl", "us-sanctions-staged.json")


def mpirun(processes, *args):
    # --allow-run-as-root: CI runs as root; --oversubscribe: more ranks than cores is fine.
    return subprocess.run([MPIEXEC, "--allow-run-as-root", "--oversubscribe", "-np",
                           str(processes), BINARY, *args],
                          capture_output=True, timeout=300)


for label, args in [
        ("3001 replications, JSON", ["--replications", "3001", "--format", "json"]),
        ("staged sanctions, table", ["--scenario", STAGED, "--replications", "2000"]),
        ("auto, JSON", ["--format", "json", "--target", "0.02"])]:
    one = msout("montecarlo", "--quiet", *args)
    check(f"{label}: one process runs", one.returncode == 0 and one.stdout, one.stderr)
    for processes in (2, 3):
        split = mpirun(processes, "montecarlo", "--quiet", *args)
        check(f"{label}: mpirun -np {processes} gives the same bytes as one process",
              split.returncode == 0 and split.stdout == one.stdout,
              (split.returncode, split.stderr.decode(errors="replace")[-2000:]))

finish()
