#!/usr/bin/env python3
"""Progress bars on standard error: drawn on a terminal, absent everywhere else.

Usage: progress_test.py MSOUT_BINARY REPO_ROOT

Long work (msout generate, msout analyze blast-radius, msout montecarlo, a run summary)
draws a bar with the count done, the rate and the time left (a run: the simulated time) on standard error while it is a terminal
(sim/cli/progress_bar.h). Here standard error is a pseudo-terminal (Python's pty), so the
bar must appear and be cleared at the end; with standard error a pipe, as in CI and in
every other test, no bar may appear. Standard output (the report) never holds a bar.
"""
import os
import pty
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import binary_and_repo_root, check, finish  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)


def on_terminal(*args):
    """Runs msout with standard error on a pseudo-terminal; returns (rc, stdout, terminal)."""
    master, slave = pty.openpty()
    process = subprocess.Popen([MSOUT, *args], stdout=subprocess.PIPE, stderr=slave,
                               stdin=subprocess.DEVNULL, cwd=ROOT)
    os.close(slave)
    terminal = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the process closed its side
            break
        if not chunk:
            break
        terminal += chunk
    stdout = process.stdout.read()
    rc = process.wait(timeout=600)
    os.close(master)
    return rc, stdout, terminal.decode(errors="replace")


def on_pipe(*args):
    result = subprocess.run([MSOUT, *args], capture_output=True, cwd=ROOT, timeout=600)
    return result.returncode, result.stdout, result.stderr.decode(errors="replace")


with tempfile.TemporaryDirectory() as tmp:
    graph = os.path.join(tmp, "g.msout")
    scenario = os.path.join(tmp, "us.json")
    rc, _, terminal = on_terminal("generate", "--nodes", "200000", "--out", graph,
                                  "--scenario-out", scenario)
    check("generate on a terminal: exit 0", rc == 0, terminal[-500:])
    check("generate on a terminal: a bar with the count and the rate",
          "\rgenerate [" in terminal and " of 200,000 entities" in terminal and "/s" in terminal,
          repr(terminal[:300]))
    check("generate on a terminal: the bar is cleared before the summary",
          "\r\033[K" in terminal and "msout generate: 200000 entities" in terminal,
          repr(terminal[-300:]))
    piped = os.path.join(tmp, "g-piped.msout")
    rc, _, stderr = on_pipe("generate", "--nodes", "200000", "--out", piped)
    check("generate on a pipe: only the summary line, no bar",
          rc == 0 and "[" not in stderr and "\r" not in stderr and
          stderr.startswith("msout generate: 200000 entities"), repr(stderr))
    with open(graph, "rb") as a, open(piped, "rb") as b:
        check("generate: the bar changes nothing in the graph (same bytes)", a.read() == b.read())

    rc, stdout, terminal = on_terminal("run", "--model", graph, "--scenario", scenario)
    check("run on a compact model, on a terminal: a bar of the simulated time",
          rc == 0 and "\rsimulate [" in terminal and " of 30d simulated" in terminal,
          repr(terminal[:300]))
    check("run on a terminal: the summary on standard output has no bar",
          b"[#" not in stdout and b"\r" not in stdout and b"(summary)" in stdout, stdout[:300])
    rc, _, stderr = on_pipe("run", "--model", graph, "--scenario", scenario)
    check("run on a pipe: nothing on standard error", rc == 0 and stderr == "", repr(stderr))

rc, stdout, terminal = on_terminal("analyze", "blast-radius", "--kind", "all", "--top", "3")
check("blast radius on a terminal: a bar of the outages run",
      rc == 0 and "\rblast radius [" in terminal and " outages" in terminal, repr(terminal[:300]))
check("blast radius on a terminal: the report on standard output has no bar",
      b"[#" not in stdout and b"\r" not in stdout and b"msout analyze blast-radius" in stdout,
      stdout[:300])
rc, _, stderr = on_pipe("analyze", "blast-radius", "--kind", "all", "--top", "3")
check("blast radius on a pipe: nothing on standard error", rc == 0 and stderr == "", repr(stderr))

rc, _, terminal = on_terminal("montecarlo", "--replications", "2000")
check("montecarlo on a terminal: a bar of the replications",
      rc == 0 and "\rmontecarlo [" in terminal and " replications" in terminal,
      repr(terminal[:300]))
rc, _, terminal = on_terminal("montecarlo", "--replications", "2000", "--quiet")
check("montecarlo --quiet on a terminal: no bar", rc == 0 and "montecarlo [" not in terminal,
      repr(terminal[:300]))

finish()
