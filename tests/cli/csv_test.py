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


def montecarlo_function(f):
    """A msout-montecarlo/1 function with its figures also under the CSV's keys."""
    item = dict(f)
    for moment in f["at"]:
        for state in ("down", "degraded"):
            key = f"p_{state}_at_{moment['t_s']}"
            item[key] = moment[state]["p"]
            item[key + "_low"] = moment[state]["low"]
            item[key + "_high"] = moment[state]["high"]
    for state in ("down", "degraded"):
        for part in ("p", "low", "high"):
            suffix = "" if part == "p" else "_" + part
            item[f"p_{state}_by_end{suffix}"] = f[f"{state}_by_end"][part]
    for q in ("10", "50", "90"):
        item[f"first_down_p{q}_s"] = (f["first_down_s"] or {}).get("p" + q)
    item["expected_time_down_s"] = f["time_down_s"]["mean"]
    item["expected_time_down_low_s"] = f["time_down_s"]["low"]
    item["expected_time_down_high_s"] = f["time_down_s"]["high"]
    item["people_hours_down"] = f["people_hours_down"]["mean"]
    item["people_hours_down_low"] = f["people_hours_down"]["low"]
    item["people_hours_down_high"] = f["people_hours_down"]["high"]
    for key in ("at", "down_by_end", "degraded_by_end", "first_down_s", "time_down_s"):
        item.pop(key, None)
    return item


def cut_sets_rows(r):
    rows = []
    for f in r["functions"]:
        rows += [{"function_id": f["id"], "type": "single", "first_id": i, "second_id": None}
                 for i in f["single_points_of_failure"]]
        rows += [{"function_id": f["id"], "type": "pair", "first_id": a, "second_id": b}
                 for a, b in f["pairs"]]
        rows += [{"function_id": f["id"], "type": "degrading", "first_id": i, "second_id": None}
                 for i in f["degrading"]]
    return rows


def exposure_rows(r):
    return [dict(e, organisation_id=o["id"], organisation_name=o["name"],
                 controlled_by=e["entity"].get("controlled_by"))
            for o in r["organisations"] for e in o["exposures"]]


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
         ("change", "direction", "level", "by_s", "baseline_first_down_s",
          "whatif_first_down_s", "baseline_time_down_s", "whatif_time_down_s",
          "baseline_state_at_horizon", "whatif_state_at_horizon"))],
    "montecarlo": lambda r: [
        ("functions", [montecarlo_function(f) for f in r["functions"]], "id",
         (*[f"p_down_at_{t}" for t in r["at_s"]], "first_down_p50_s", "expected_time_down_s",
          "people_hours_down", "p_down_by_end")),
        ("degraded", [montecarlo_function(f) for f in r["functions"]], "id",
         (*[f"p_degraded_at_{t}" for t in r["at_s"]], "p_degraded_by_end")),
        ("verify-first", r["verify_first"], "claim",
         ("share", "probability", "delta", "functions_down_if_holds")),
        ("claims", [dict(c, uses=len(c["uses"])) for c in r["claims"]], "claim",
         ("confidence", "probability", "uses")),
        ("claims-deciding",
         [dict(c, function_id=f["id"], p_down_by_end=f["down_by_end"]["p"], delta_se=c["se"])
          for f in r["functions"] for c in f["decisive_claims"]], "function_id",
         ("claim", "delta", "p_down_if_holds", "p_down_if_not"))],
    "blast-radius": lambda r: [
        ("ranking", r["ranking"], "id",
         ("rank", "functions_down", "functions_degraded", "people_down", "people_hours_down")),
        ("hits", [dict(f, outage_id=o["id"], function_id=f["id"], function_name=f["name"])
                  for o in r["ranking"] for f in o["functions"]], "function_id",
         ("outage_id", "first_down_s", "time_down_s", "state_at_horizon"))],
    "concentration": lambda r: [
        ("sectors", [r["national"], *r["sectors"]], "sector",
         ("functions", "functions_on_providers", "largest_share", "hhi", "most_depended_on")),
        ("providers", [dict(p, sector=g["sector"]) for g in [r["national"], *r["sectors"]]
                       for p in g["providers"]], "id",
         ("sector", "jurisdiction", "functions", "share", "people_served"))],
    "cut-sets": lambda r: [
        ("functions", [dict(f, single_points=len(f["single_points_of_failure"]),
                            pairs=len(f["pairs"]), degrading=len(f["degrading"]))
                       for f in r["functions"]], "id",
         ("people_served", "single_points", "pairs", "degrading")),
        ("cut-sets", cut_sets_rows(r), "function_id", ("type", "first_id", "second_id"))],
    "exposure": lambda r: [
        ("exposures", exposure_rows(r), "organisation_id",
         ("level", "jurisdiction", "holds", "entity_id", "via_id")),
        ("organisations",
         [dict(o, routes=len(o["exposures"]),
               foreign_entities=len({e["entity"]["id"] for e in o["exposures"]}))
          for o in r["organisations"]], "id", ("routes", "foreign_entities"))],
}


def curve_at(points, t):
    """A msout-montecarlo/1 curve ([{t_s, p}], a step function from 0) at time t."""
    value = 0.0
    for point in points:
        if point["t_s"] <= t:
            value = point["p"]
    return value


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
        # The chart of P(down by t) is drawn in HTML; its CSV form is the curves table
        # below. Where a file of the chart is written, it is checked too.
        entry = next((e for e in files if e.endswith("-p-down.csv")), None)
        if entry:
            header, body = parsed[entry]
            # The chart is in percent.
            curves = {f["id"]: [(p["t_s"], 100 * p["p"]) for p in f["curve_down"]]
                      for f in report["functions"]}
            compare_chart(f"{name}.p-down", header, body, curves, "p_down")
        # The curves table (as --format csv wrote it before issue 11): one row per function
        # and time, P(down by t) and P(degraded by t) read off the JSON's curves.
        entry = next((e for e in files if e.endswith("-curves.csv")), None)
        check(f"{name}.table_curves.written", entry is not None, sorted(files))
        if entry:
            header, body = parsed[entry]
            by_id = {f["id"]: f for f in report["functions"]}
            wrong, unknown = [], []
            for row in body:
                cell = dict(zip(header, row))
                f = by_id.get(cell.get("function_id"))
                if f is None:
                    unknown.append(cell.get("function_id"))
                    continue
                t = int(cell["t_s"])
                for state in ("down", "degraded"):
                    expected = curve_at(f[f"curve_{state}"], t)
                    if not same(cell[f"p_{state}"], float(expected)):
                        wrong.append(f"{f['id']} at {t}: p_{state} csv {cell[f'p_{state}']} "
                                     f"json {expected}")
            check(f"{name}.curves.functions_of_the_json", not unknown, unknown[:5])
            check(f"{name}.curves.every_function",
                  {r[0] for r in body} == set(by_id), len({r[0] for r in body}))
            check(f"{name}.curves.values_as_json_curves", not wrong, wrong[:8])

    # Without --out-dir: the first table to --out, the same bytes as its file in --out-dir.
    single = os.path.join(work, f"{name}-single.csv")
    result = msout(*args, "--format", "csv", "--out", single)
    check(f"{name}.csv.out_exit_0", result.returncode == 0, result.stderr)
    if result.returncode == 0 and files:
        # The same rows as one of the tables (quoting may differ: msout montecarlo keeps the
        # quoting its CSV had before issue 11).
        header, body = read_csv(f"{name}.single", single)
        check(f"{name}.csv.out_is_one_of_the_tables",
              [header, *body] in [[h, *b] for h, b in parsed.values()], header)

# msout list: its table as CSV, against its JSON.
for what, items_key, id_column in (("entities", "entities", "id"), ("scenarios", "scenarios", "name")):
    path = os.path.join(work, f"list-{what}.csv")
    result = msout("list", what, "--format", "csv", "--out", path)
    check(f"list.{what}.csv_exit_0", result.returncode == 0, result.stderr)
    listed = json_of(["list", what])
    if result.returncode == 0:
        header, body = read_csv(f"list.{what}", path)
        compare_rows(f"list.{what}", header, body, listed[items_key], id_column)

subprocess.run(["rm", "-rf", work])
finish()
