"""What the report-format tests (html_report_test.py, dot_test.py, csv_test.py) share: the
results they render, each as the msout command that makes it, and ways to read the JSON of
the same result.

Every check compares a format with the JSON of the same result (docs/report-format.md,
compare-format.md, analyses.md, uncertainty.md), never with a stored copy of the output.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))


def cases(root):
    """(name, kind, msout arguments) of every kind of result: the body's data-kind of the
    HTML page is `kind`."""
    hospital = os.path.join(root, "scenarios", "hospital")
    hospital_args = ["--model", os.path.join(hospital, "model"),
                     "--scenario", os.path.join(hospital, "microsoft-out.json")]
    return [
        ("run-national", "run", ["run"]),
        ("focus-hospitals", "focus", ["run", "--focus", "hospitals-hix-on-azure"]),
        ("run-hospital", "run", ["run", *hospital_args]),
        ("compare-hospital", "compare",
         ["compare", *hospital_args, "--whatif",
          os.path.join(HERE, "data", "outpatient-bcp-pcs.json")]),
        ("compare-focus-national", "compare",
         ["compare", "--focus", "hospitals-hix-on-azure", "--whatif",
          os.path.join(root, "scenarios", "nl", "whatif",
                       "hix-disaster-recovery-at-dutch-cloud.json")]),
        ("montecarlo", "montecarlo", ["montecarlo", "--replications", "200", "--quiet"]),
        ("blast-radius", "blast-radius", ["analyze", "blast-radius"]),
        ("concentration", "concentration", ["analyze", "concentration"]),
        ("cut-sets", "cut-sets", ["analyze", "cut-sets", "--function", "fn-hospital-care"]),
        ("exposure", "exposure", ["analyze", "exposure"]),
    ]


def find_dot():
    """Graphviz's dot: MSOUT_DOT if set (CTest sets it from find_program), else on PATH."""
    candidate = os.environ.get("MSOUT_DOT") or shutil.which("dot")
    return candidate if candidate and os.access(candidate, os.X_OK) else None


def entities_with_a_cause(document):
    """Ids of every object in a JSON result that has an `id` and a non-null `cause`: the
    entities that failed (functions; in a focus view also the organisation and its
    systems)."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("id"), str) and value.get("cause"):
                found.add(value["id"])
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)
    walk(document)
    return found


def cause_chain_graph(functions):
    """The entities and dependency edges of the cause chains of `functions` (run JSON):
    (set of ids, set of (dependent, dependency) pairs), each chain read from the function
    back to the entity the lever acted on."""
    nodes, edges = set(), set()
    for function in functions:
        cause = function.get("cause")
        if not cause:
            continue
        chain = [step["id"] for step in cause.get("chain", [])]
        nodes.update(chain)
        edges.update(zip(chain, chain[1:]))
    return nodes, edges
