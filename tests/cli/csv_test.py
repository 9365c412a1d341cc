#!/usr/bin/python3
"""Every CSV output, parsed back with Python's csv module and compared with the JSON of the
same result, row by row.

Usage: csv_test.py MSOUT_BINARY REPO_ROOT

For each result (run, focus view, comparison, Monte Carlo, the four analyses) msout writes
`--format csv --out-dir DIR` (one file per table and chart, DIR/<name>-<table>.csv,
sim/cli/document_output.h) and `--format json`. Each file must be RFC 4180 (CRLF line ends,
a header row of the columns' keys, every row as long as the header) and each table named
below must hold one row per item of a list of the JSON, in the JSON's order, identified by
its id; every column whose key names a figure of that JSON item (the item's keys, nested
objects joined with "_": `baseline_first_down_s` is `baseline.first_down_s`) must hold the
same value: ids and words exactly, seconds and counts as integers, probabilities and
people-hours to the digits the CSV gives; a JSON null is an empty field. The columns each
table must have are listed with it, so that no comparison is empty. Charts (`at_s`, then
`<key>:<series id>` per series) are compared with the JSON's curves point by point. Without
--out-dir, --format csv writes the first table to --out.
"""
import csv
import io
import json
import math
import re
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402
from report_support import cases  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=600, text=True)
work = tempfile.mkdtemp(prefix="msout-csv-")


def flatten(item, prefix=""):
    """{"a": 1, "b": {"c": 2}} -> {"a": 1, "b_c": 2}: the scalars of a JSON item by the
    keys a CSV column would give them."""
    flat = {}
    for key, value in item.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}_"))
        elif not isinstance(value, list) or all(isinstance(v, str) for v in value):
            flat[f"{prefix}{key}"] = value
    return flat


def same(csv_text, json_value):
    """A CSV field against a JSON scalar, or against a JSON list of ids (the field lists
    them in order, separated by commas, spaces, semicolons or plus signs)."""
    if isinstance(json_value, list):
        return re.findall(r"[^\s,;+]+", csv_text) == json_value
    if json_value is None:
        return csv_text == ""
    if isinstance(json_value, bool):
        return csv_text in (str(json_value).lower(), "1" if json_value else "0")
    if isinstance(json_value, int):
        try:
            return int(csv_text) == json_value
        except ValueError:
            try:
                return float(csv_text) == json_value
            except ValueError:
                return False
    if isinstance(json_value, float):
        try:
            value = float(csv_text)
        except ValueError:
            return False
        decimals = len(csv_text.split(".")[1]) if "." in csv_text and "e" not in \
            csv_text.lower() else None
        tolerance = 0.5 * 10 ** -decimals if decimals is not None else 0
        return math.isclose(value, json_value, rel_tol=1e-9, abs_tol=tolerance + 1e-9)
    return csv_text == str(json_value)


def read_csv(name, path):
    with open(path, "rb") as f:
        data = f.read()
    text = data.decode("utf-8")
    bare_lf = text.replace("\r\n", "").count("\n")
    # A line break inside a quoted field may be a bare LF; the record ends are CRLF.
    rows = list(csv.reader(io.StringIO(text, newline="")))
    check(f"{name}.crlf", text.endswith("\r\n") and (bare_lf == 0 or '"' in text),
          repr(text[:120]))
    check(f"{name}.has_header", len(rows) >= 1, path)
    if not rows:
        return [], []
    header, body = rows[0], rows[1:]
    check(f"{name}.rows_as_long_as_header", all(len(r) == len(header) for r in body),
          [len(r) for r in body if len(r) != len(header)][:5])
    check(f"{name}.header_unique", len(set(header)) == len(header), header)
    return header, body


def compare_rows(name, header, body, items, id_column="id", required=()):
    """Each CSV row against the JSON item at the same place."""
    missing = [c for c in (id_column, *required) if c not in header]
    check(f"{name}.has_columns", not missing, f"missing {missing}; header {header}")
    check(f"{name}.one_row_per_json_item", len(body) == len(items),
          f"csv {len(body)} rows, json {len(items)}")
    if id_column in header:
        at = header.index(id_column)
        csv_ids = [r[at] for r in body]
        json_ids = [flatten(i).get(id_column) for i in items]
        check(f"{name}.ids_in_json_order", len(csv_ids) == len(json_ids) and
              all(same(c, j) for c, j in zip(csv_ids, json_ids)),
              f"csv {csv_ids[:8]} json {json_ids[:8]}")
    compared, wrong = set(), []
    for row, item in zip(body, items):
        flat = flatten(item)
        for column, text in zip(header, row):
            if column in flat:
                compared.add(column)
                if not same(text, flat[column]):
                    wrong.append(f"{flat.get(id_column)}.{column}: csv {text!r} json "
                                 f"{flat[column]!r}")
    check(f"{name}.values_as_json", not wrong, wrong[:8])
    print(f"      {name}: {len(body)} rows, compared columns {sorted(compared)}")
    return compared


def compare_chart(name, header, body, series, key):
    """A chart (at_s, then `key:id` per series) against JSON step curves:
    series = {id: [(at_s, value), ...]}, value holding from one point to the next."""
    check(f"{name}.has_at_s", header[:1] == ["at_s"], header[:3])
    columns = {c.split(":", 1)[1]: i for i, c in enumerate(header) if c.startswith(key + ":")}
    check(f"{name}.one_column_per_series", sorted(columns) == sorted(series),
          f"csv {sorted(columns)[:8]} json {sorted(series)[:8]}")
    wrong = []
    for row in body:
        at = int(row[0])
        for sid, points in series.items():
            if sid not in columns:
                continue
            value = 0.0
            for point_at, point_value in points:
                if point_at <= at:
                    value = point_value
            if not same(row[columns[sid]], float(value)):
                wrong.append(f"{sid} at {at}: csv {row[columns[sid]]} json {value}")
    check(f"{name}.values_as_json_curves", not wrong, wrong[:8])
    moments = sorted({p[0] for points in series.values() for p in points})
    check(f"{name}.a_row_per_moment", {int(r[0]) for r in body} >= set(moments),
          f"missing moments {sorted(set(moments) - {int(r[0]) for r in body})[:8]}")


def write_csv_dir(name, args):
    """Runs `msout ARGS --format csv --out-dir DIR`; returns {table: path}."""
    directory = os.path.join(work, name)
    os.makedirs(directory)
    result = msout(*args, "--format", "csv", "--out-dir", directory)
    check(f"{name}.csv.exit_0", result.returncode == 0,
          f"msout {' '.join(args)}: exit {result.returncode}\n{result.stderr}")
    files = {}
    for entry in sorted(os.listdir(directory)) if os.path.isdir(directory) else []:
        check(f"{name}.csv.file_name {entry}", entry.endswith(".csv") and "-" in entry, entry)
        files[entry] = os.path.join(directory, entry)
    return files


def json_of(args):
    result = msout(*args, "--format", "json")
    assert result.returncode == 0, f"msout {' '.join(args)}: {result.stderr}"
    return json.loads(result.stdout)


FUNCTION_COLUMNS = ("first_degraded_s", "first_down_s", "time_down_s", "state_at_horizon")

# Which JSON list each table holds: (table, the JSON items, id column, required columns).
EXPECTED = {
    "run": lambda r: [
        ("functions", r["functions"], "id",
         (*FUNCTION_COLUMNS, "people_served", "time_degraded_s", "people_hours_down",
          "black_start_blocked")),
        ("organisations", r["organisations_affected"], "id", ("count", "first_down_s")),
        ("levers", r["scenario"]["levers"], "id", ("at_s", "action"))],
    "focus": lambda r: [
        ("functions", r["functions"], "id", FUNCTION_COLUMNS),
        ("systems", [r["organisation"], *r["systems"]], "id", FUNCTION_COLUMNS),
        ("moments", r["moments"], "at_s", ("up", "degraded", "down")),
        ("single-points-of-failure", r["single_points_of_failure"], "outage", ("takes_down",)),
        ("pairs", r["pairs"], "outage", ("takes_down",))],
    "compare": lambda r: [
        ("functions", r["functions"], "id",
         ("change", "direction", "by_s", "baseline_first_down_s", "whatif_first_down_s"))],
    "montecarlo": lambda r: [("functions", r["functions"], "id", ())],
    "blast-radius": lambda r: [
        ("ranking", r["ranking"], "id", ("rank", "functions_down", "people_down"))],
    "concentration": lambda r: [
        ("groups", [r["national"], *r["sectors"]], "sector",
         ("functions", "largest_share", "hhi"))],
    "cut-sets": lambda r: [("functions", r["functions"], "id", ("people_served",))],
    "exposure": lambda r: [
        ("exposures", [dict(e, organisation=o["id"]) for o in r["organisations"]
                       for e in o["exposures"]], "organisation", ("level", "jurisdiction"))],
}

for name, kind, args in cases(ROOT):
    report = json_of(args)
    files = write_csv_dir(name, args)
    check(f"{name}.csv.some_files", bool(files), "no file in --out-dir")
    parsed = {}
    for entry, path in files.items():
        parsed[entry] = read_csv(f"{name}.{entry}", path)
    for table_name, items, id_column, required in EXPECTED[kind](report):
        entry = next((e for e in files if e.endswith(f"-{table_name}.csv")), None)
        if entry is None and not items:
            print(f"      {name}.{table_name}: not written, the JSON's list is empty")
            continue
        check(f"{name}.table_{table_name}.written", entry is not None, sorted(files))
        if entry is None:
            continue
        header, body = parsed[entry]
        compare_rows(f"{name}.{table_name}", header, body, items, id_column, required)
    if kind == "run":
        entry = next((e for e in files if e.endswith("-functions-over-time.csv")), None)
        check(f"{name}.chart_functions_over_time.written", entry is not None, sorted(files))
        if entry:
            header, body = parsed[entry]
            over_time = report["summary"]["over_time"]
            compare_chart(f"{name}.functions-over-time", header, body,
                          {state: [(p["at_s"], p[state]) for p in over_time]
                           for state in ("down", "degraded")}, "functions")
    if kind == "montecarlo":
        entry = next((e for e in files if e.endswith("-p-down.csv")), None)
        check(f"{name}.chart_p_down.written", entry is not None, sorted(files))
        if entry:
            header, body = parsed[entry]
            curves = {f["id"]: [(p["t_s"], p["p"]) for p in f.get("curve_down", [])]
                      for f in report["functions"]}
            key = header[1].split(":", 1)[0] if len(header) > 1 else "p_down"
            compare_chart(f"{name}.p-down", header, body, curves, key)

    # Without --out-dir: the first table to --out, the same bytes as its file in --out-dir.
    single = os.path.join(work, f"{name}-single.csv")
    result = msout(*args, "--format", "csv", "--out", single)
    check(f"{name}.csv.out_exit_0", result.returncode == 0, result.stderr)
    if result.returncode == 0 and files:
        with open(single, "rb") as f:
            written = f.read()
        tables = {}
        for entry, path in files.items():
            with open(path, "rb") as f:
                tables[entry] = f.read()
        check(f"{name}.csv.out_is_one_of_the_tables", written in tables.values(),
              written[:120])

subprocess.run(["rm", "-rf", work])
finish()
