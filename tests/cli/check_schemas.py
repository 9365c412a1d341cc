#!/usr/bin/python3
"""Check msout's JSON Schemas against the repository's data files and schema cases.

Usage: check_schemas.py REPO_ROOT [MSOUT_BINARY]
(with the binary, also checks that `msout validate` agrees with the schema on every case)

Needs python3-jsonschema (4.10 or later, for Draft 2020-12).

1. Checks model/schema/*.schema.json themselves (Draft202012Validator.check_schema), and
   that the overlay schema's copies of the model schema's definitions (entity, requirement,
   ...) are still equal to them.
2. Validates every *.json under REPO_ROOT/scenarios and REPO_ROOT/model (recursively,
   excluding model/schema) against the schema named by its "format" key; a file without a
   known format is an error, except the registers `msout import` reads (an xBRL-CSV
   package's report.json, a CycloneDX BOM), which `msout validate` checks instead.
3. Validates tests/schema_cases/valid/*.json (must pass) and tests/schema_cases/invalid/*.json
   (must fail the schema).

Prints one line per file, then "N passed, M failed"; exits 0 only if M is 0.
"""
import json
import os
import sys

import jsonschema
from jsonschema import Draft202012Validator

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, Tally  # noqa: E402

SCHEMA_FILES = {
    "msout-model/1": "msout-model.schema.json",
    "msout-scenario/1": "msout-scenario.schema.json",
    "msout-overlay/1": "msout-overlay.schema.json",
}


def json_files(root, exclude=None):
    """All *.json files under root, recursively, sorted; files under exclude are skipped."""
    out = []
    skip = os.path.abspath(exclude) + os.sep if exclude else None
    for dirpath, _dirnames, filenames in os.walk(root):
        for f in filenames:
            path = os.path.join(dirpath, f)
            if f.endswith(".json") and not (skip and os.path.abspath(path).startswith(skip)):
                out.append(path)
    return sorted(out)


def pointer(path):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in path)


def leaf_errors(err):
    """The specific errors behind err. For a failed oneOf/anyOf (a requirement, a selector),
    follow the alternative that fits best: the one whose own required keys and type are
    present, then the one with fewest errors."""
    if not err.context:
        return [err]
    branches = {}
    for sub in err.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)

    def misfit(errs):
        own = sum(1 for e in errs if not e.relative_path and e.validator in ("required", "type"))
        return own, len(errs)

    best = min(branches.values(), key=misfit)
    return [leaf for sub in best for leaf in leaf_errors(sub)]


def check_file(path, validators):
    """Returns a list of error strings (empty if the file is valid), or None for an input of
    `msout import`, which has no msout format."""
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, UnicodeDecodeError) as e:
        return [f"cannot read: {e}"]
    except json.JSONDecodeError as e:
        return [f"malformed JSON at line {e.lineno} column {e.colno}: {e.msg}"]
    fmt = doc.get("format") if isinstance(doc, dict) else None
    if fmt is None and isinstance(doc, dict) and ("documentInfo" in doc or "bomFormat" in doc):
        return None  # an input of `msout import` (xBRL-CSV package, CycloneDX): not msout's format
    if fmt not in validators:
        return [f"no known \"format\" (got {fmt!r}; expected one of {sorted(validators)})"]
    errors = []
    for err in sorted(validators[fmt].iter_errors(doc), key=lambda e: list(map(str, e.absolute_path))):
        for leaf in leaf_errors(err):
            errors.append(f"{pointer(leaf.absolute_path)}: {leaf.message}")
    return errors


def main(argv):
    if len(argv) not in (2, 3):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    repo = argv[1]
    msout = MsoutBinary(argv[2], timeout_s=30) if len(argv) == 3 else None
    schema_dir = os.path.join(repo, "model", "schema")
    tally = Tally()

    validators = {}
    schemas = {}
    for fmt, name in SCHEMA_FILES.items():
        path = os.path.join(schema_dir, name)
        try:
            with open(path, encoding="utf-8") as f:
                schema = json.load(f)
            Draft202012Validator.check_schema(schema)
        except (OSError, ValueError, jsonschema.exceptions.SchemaError) as e:
            tally.record(False)
            print(f"{path}: SCHEMA ERROR: {getattr(e, 'message', e)}")
            continue
        validators[fmt] = Draft202012Validator(schema)
        schemas[fmt] = schema
        tally.record(True)
        print(f"{path}: schema OK")

    # An overlay adds and replaces entities as in a model file: its schema carries copies of
    # the model schema's definitions, which must not drift from them.
    if "msout-model/1" in schemas and "msout-overlay/1" in schemas:
        model_defs = schemas["msout-model/1"]["$defs"]
        overlay_defs = schemas["msout-overlay/1"]["$defs"]
        stale = sorted(k for k in model_defs if overlay_defs.get(k) != model_defs[k])
        if tally.record(not stale):
            print(f"{SCHEMA_FILES['msout-overlay/1']}: model definitions in step")
        else:
            print(f"{SCHEMA_FILES['msout-overlay/1']}: FAILED: $defs {', '.join(stale)} differ from "
                  f"{SCHEMA_FILES['msout-model/1']}'s; copy them over")

    data = (json_files(os.path.join(repo, "scenarios"))
            + json_files(os.path.join(repo, "model"), exclude=schema_dir))
    for path in data:
        errors = check_file(path, validators)
        if errors is None:
            print(f"{path}: skipped (read by msout import; msout validate checks it)")
            continue
        if tally.record(not errors):
            print(f"{path}: OK")
        else:
            print(f"{path}: FAILED")
            for e in errors:
                print(f"    {e}")

    cases = os.path.join(repo, "tests", "schema_cases")
    for path in json_files(os.path.join(cases, "valid")):
        errors = check_file(path, validators)
        if tally.record(not errors):
            print(f"{path}: OK (valid)")
        else:
            print(f"{path}: FAILED (should be valid)")
            for e in errors:
                print(f"    {e}")
    for path in json_files(os.path.join(cases, "invalid")):
        errors = check_file(path, validators)
        if tally.record(errors):
            print(f"{path}: OK (rejected as expected)")
            for e in errors:
                print(f"    {e}")
        else:
            print(f"{path}: FAILED (should be rejected, but the schema accepts it)")

    # The loader is the authority; the schema must agree with it on every case: valid cases
    # load (a model case alone, a scenario or overlay case on its own), invalid ones are
    # refused.
    if msout:
        for expect_ok, sub in ((True, "valid"), (False, "invalid")):
            for path in json_files(os.path.join(cases, sub)):
                result = msout("validate", path)
                agrees = (result.returncode == 0) == expect_ok and result.returncode in (0, 3)
                if tally.record(agrees):
                    print(f"{path}: msout validate agrees (exit {result.returncode})")
                else:
                    print(f"{path}: msout validate DISAGREES (exit {result.returncode}): "
                          f"{result.stderr.decode().strip()}")

    tally.print_summary()
    return tally.exit_code()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
