#!/usr/bin/python3
"""Where msout writes its outputs (model/output_file.h, docs/report-format.md "Output files").

Usage: outputs_test.py MSOUT_BINARY REPO_ROOT

One regression test per defect of issue 10 (items 10 and 11): --out onto a device, onto
/dev/stdout, through a symlink, onto a read-only file, onto a file with mode 0600, onto a
directory; a generate killed by SIGTERM or SIGINT while writing; two generates to the same
--out at once. Uses msout run, msout generate and msout analyze.
"""
import glob
import os
import signal
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402

binary, repo = binary_and_repo_root(sys.argv)
msout = MsoutBinary(binary, timeout_s=300, text=True)
work = tempfile.mkdtemp(prefix="msout-outputs-")


def path(name):
    return os.path.join(work, name)


def leftovers():
    """Temporary files of the writer left anywhere under the work directory."""
    return glob.glob(os.path.join(work, "**", ".*.tmp-*"), recursive=True)


def write(name, text, mode=None):
    with open(path(name), "w") as f:
        f.write(text)
    if mode is not None:
        os.chmod(path(name), mode)


def read(name):
    with open(path(name)) as f:
        return f.read()


reference = msout("run", "--format", "json")
check("run.reference", reference.returncode == 0 and reference.stdout.startswith("{"),
      reference.stderr)

# --out /dev/null: written through, the device stays a device (as root it was replaced by
# a regular file).
for args in (["run"], ["analyze", "concentration"], ["generate", "--nodes", "1000"]):
    result = msout(*args, "--out", "/dev/null")
    check(f"dev_null.{args[0]}.exit_0", result.returncode == 0, result.stderr)
    check(f"dev_null.{args[0]}.still_a_character_device",
          stat.S_ISCHR(os.stat("/dev/null").st_mode))

# --out /dev/stdout: the report arrives on standard output.
result = msout("run", "--format", "json", "--out", "/dev/stdout")
check("dev_stdout.run.writes_stdout",
      result.returncode == 0 and result.stdout == reference.stdout, result.stderr)
result = msout("analyze", "concentration", "--format", "json", "--out", "/dev/stdout")
check("dev_stdout.analyze.writes_stdout",
      result.returncode == 0 and result.stdout.startswith("{"), result.stderr)

# Through a symlink: the target is written, the link stays.
os.makedirs(path("real"))
write("real/report.json", "old")
os.symlink("real/report.json", path("link.json"))
result = msout("run", "--format", "json", "--out", path("link.json"))
check("symlink.exit_0", result.returncode == 0, result.stderr)
check("symlink.link_kept", os.path.islink(path("link.json")))
check("symlink.target_written", read("real/report.json") == reference.stdout)

# A read-only file is refused and unchanged (also as root).
write("frozen.json", "keep me", mode=0o444)
for args in (["run"], ["generate", "--nodes", "1000"]):
    result = msout(*args, "--out", path("frozen.json"))
    check(f"read_only.{args[0]}.exit_4", result.returncode == 4, result.stderr)
    check(f"read_only.{args[0]}.says_why", "read-only (mode 0444)" in result.stderr,
          result.stderr)
    check(f"read_only.{args[0]}.unchanged",
          read("frozen.json") == "keep me" and
          stat.S_IMODE(os.stat(path("frozen.json")).st_mode) == 0o444)

# An existing file keeps its mode.
write("private.json", "old", mode=0o600)
result = msout("run", "--format", "json", "--out", path("private.json"))
check("mode_0600.exit_0", result.returncode == 0, result.stderr)
check("mode_0600.kept", stat.S_IMODE(os.stat(path("private.json")).st_mode) == 0o600)
check("mode_0600.replaced", read("private.json") == reference.stdout)

# A directory is refused.
os.makedirs(path("a-directory"))
for args in (["run"], ["analyze", "exposure"], ["generate", "--nodes", "1000"]):
    result = msout(*args, "--out", path("a-directory"))
    check(f"directory.{args[0]}.exit_4", result.returncode == 4, result.stderr)
    check(f"directory.{args[0]}.says_why", "is a directory" in result.stderr, result.stderr)
check("directory.left_empty", os.listdir(path("a-directory")) == [])

check("no_temporary_files_so_far", leftovers() == [], leftovers())

# A generate killed while it writes leaves neither its temporary file nor a partial output.
for sig in (signal.SIGTERM, signal.SIGINT):
    name = f"killed-{sig.name}.msout"
    process = subprocess.Popen([binary, "generate", "--nodes", "2000000", "--out", path(name)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    while not leftovers() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    writing = bool(leftovers())
    process.send_signal(sig)
    code = process.wait(timeout=120)
    check(f"killed.{sig.name}.was_writing", writing)
    check(f"killed.{sig.name}.ended_by_the_signal", code == -sig, f"exit {code}")
    check(f"killed.{sig.name}.no_temporary_file", leftovers() == [], leftovers())
    check(f"killed.{sig.name}.no_output", not os.path.exists(path(name)))

# Two generates to the same --out at once (they shared one fixed temporary name and
# corrupted each other): the result is one complete file, equal to one of them.
expected = []
for seed in ("1", "2"):
    result = msout("generate", "--nodes", "100000", "--seed", seed, "--out",
                   path(f"alone-{seed}.msout"))
    check(f"concurrent.reference_{seed}", result.returncode == 0, result.stderr)
    with open(path(f"alone-{seed}.msout"), "rb") as f:
        expected.append(f.read())
for round_number in range(3):
    writers = [subprocess.Popen([binary, "generate", "--nodes", "100000", "--seed", seed,
                                 "--out", path("shared.msout")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
               for seed in ("1", "2")]
    codes = [w.wait(timeout=300) for w in writers]
    check(f"concurrent.{round_number}.both_exit_0", codes == [0, 0], codes)
    with open(path("shared.msout"), "rb") as f:
        shared = f.read()
    check(f"concurrent.{round_number}.one_complete_file", shared in expected, len(shared))
    result = msout("validate", path("shared.msout"))
    check(f"concurrent.{round_number}.validates",
          result.returncode == 0 and "100000 entities" in result.stdout, result.stderr)
check("concurrent.no_temporary_files", leftovers() == [], leftovers())

# The report formats of issue 11 (html, csv, dot) follow the same rules.
HOSPITAL = os.path.join(repo, "scenarios", "hospital")
HOSPITAL_RUN = ["run", "--model", os.path.join(HOSPITAL, "model"),
                "--scenario", os.path.join(HOSPITAL, "microsoft-out.json")]
for format_, args in (("html", ["run"]), ("csv", ["run"]), ("dot", ["run"]),
                      ("html", ["analyze", "concentration"]),
                      ("dot", ["analyze", "cut-sets", "--function", "fn-hospital-care"])):
    label = f"{format_}.{args[0]}" + (f".{args[1]}" if args[0] == "analyze" else "")
    good = msout(*args, "--format", format_)
    check(f"formats.{label}.writes", good.returncode == 0 and good.stdout != "", good.stderr)
    # A read-only file is refused and unchanged.
    write(f"frozen.{format_}", "keep me", mode=0o444)
    result = msout(*args, "--format", format_, "--out", path(f"frozen.{format_}"))
    check(f"formats.{label}.read_only.exit_4", result.returncode == 4, result.stderr)
    check(f"formats.{label}.read_only.unchanged", read(f"frozen.{format_}") == "keep me")
    # Written whole: the file is what standard output gets.
    result = msout(*args, "--format", format_, "--out", path(f"whole.{format_}"))
    check(f"formats.{label}.out_is_stdout",
          result.returncode == 0 and read(f"whole.{format_}") == good.stdout, result.stderr)
    # A run that fails writes nothing: an existing file stays, a new one is not created.
    write(f"existing.{format_}", "old")
    for target in (f"existing.{format_}", f"new-{label}.{format_}"):
        result = msout(*args, "--format", format_, "--out", path(target),
                       "--model", path("no-such-model"))
        check(f"formats.{label}.failed_run.{target.split('.')[0]}.exit_nonzero",
              result.returncode != 0, result.stderr)
    check(f"formats.{label}.failed_run.existing_unchanged", read(f"existing.{format_}") == "old")
    check(f"formats.{label}.failed_run.nothing_created",
          not os.path.exists(path(f"new-{label}.{format_}")))
    os.chmod(path(f"frozen.{format_}"), 0o644)
    os.remove(path(f"frozen.{format_}"))

# A result without a graph: --format dot is refused before anything is written.
result = msout("analyze", "concentration", "--format", "dot", "--out", path("none.dot"))
check("formats.dot_without_graph.exit_2", result.returncode == 2, result.stderr)
check("formats.dot_without_graph.nothing_written", not os.path.exists(path("none.dot")))

# csv --out-dir: one file per table, all of them or a clean failure.
os.makedirs(path("csv-all"))
result = msout(*HOSPITAL_RUN, "--format", "csv", "--out-dir", path("csv-all"))
tables = sorted(os.listdir(path("csv-all")))
check("csv_out_dir.exit_0", result.returncode == 0, result.stderr)
check("csv_out_dir.several_tables", len(tables) >= 2 and
      all(t.startswith("microsoft-out-") and t.endswith(".csv") for t in tables), tables)
complete = {}
for table in tables:
    with open(path(f"csv-all/{table}"), "rb") as f:
        complete[table] = f.read()
# The same again over the files: replaced, whole.
result = msout(*HOSPITAL_RUN, "--format", "csv", "--out-dir", path("csv-all"))
check("csv_out_dir.again_exit_0", result.returncode == 0, result.stderr)
check("csv_out_dir.again_same_files", sorted(os.listdir(path("csv-all"))) == tables)
# One of the tables read-only: exit 4, that file unchanged, every other file either absent or
# whole (never half a table), no temporary file.
if tables:
    os.makedirs(path("csv-frozen"))
    frozen = tables[len(tables) // 2]
    write(f"csv-frozen/{frozen}", "keep me", mode=0o444)
    result = msout(*HOSPITAL_RUN, "--format", "csv", "--out-dir", path("csv-frozen"))
    check("csv_out_dir.read_only_table.exit_4", result.returncode == 4, result.stderr)
    check("csv_out_dir.read_only_table.named", frozen in result.stderr, result.stderr)
    check("csv_out_dir.read_only_table.unchanged", read(f"csv-frozen/{frozen}") == "keep me")
    others = [t for t in os.listdir(path("csv-frozen")) if t != frozen]
    partial = []
    for table in others:
        with open(path(f"csv-frozen/{table}"), "rb") as f:
            if f.read() != complete.get(table):
                partial.append(table)
    check("csv_out_dir.read_only_table.others_whole_or_absent", not partial, partial)
    print(f"      with {frozen} read-only, written: {sorted(others)}")
# A directory that does not exist: an error, nothing created.
result = msout(*HOSPITAL_RUN, "--format", "csv", "--out-dir", path("csv-missing/sub"))
check("csv_out_dir.missing_dir.exit_4", result.returncode == 4, result.stderr)
check("csv_out_dir.missing_dir.nothing_created", not os.path.exists(path("csv-missing")))
check("formats.no_temporary_files", leftovers() == [], leftovers())

subprocess.run(["rm", "-rf", work])
finish()
