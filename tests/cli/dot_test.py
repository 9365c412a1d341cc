#!/usr/bin/python3
"""Every DOT output, rendered by Graphviz (`dot -Tsvg`) and counted against the JSON.

Usage: dot_test.py MSOUT_BINARY REPO_ROOT

- `msout run --format dot` (the national model; the example hospital; a focus view, whose
  chains are the organisation's own and its functions'): the graph of "the
  entities that failed and the dependency edges of their cause chains" (issue 11). From the
  JSON of the same run: the nodes are the distinct ids on all functions' cause chains
  (`functions[].cause.chain`, function → … → the entity the lever acted on), the edges the
  distinct pairs of consecutive steps, from the dependent to its dependency. The SVG's nodes
  (`<g class="node">`, by their <title>: the DOT node id, the model's id) and edges
  (`<g class="edge">`, "dependent->dependency") must be exactly those.
- `msout analyze cut-sets --function F --format dot` (national `fn-hospital-care`, the
  hospital's `emergency-care`): the function's dependency tree with its gates. The JSON
  (msout-cut-sets/1, docs/analyses.md) holds the cut sets, not the tree, so the tree is
  checked against the model files: F is a node, every other node that is not a gate is an
  entity of the model that F requires (directly or not), every entity of a single point of
  failure, a pair or a degrading outage of the JSON is a node, every node is reachable from F
  along the edges, and the hospital's any group (EPD or downtime viewer) is a gate.
- `dot -Tsvg` exits 0 and warns of nothing; a command that draws no graph refuses
  `--format dot` (exit 2).

Fails (not skipped) without Graphviz, naming .ci/setup.
"""
import glob
import html
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402
from report_support import cause_chain_graph, find_dot  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=600, text=True)
work = tempfile.mkdtemp(prefix="msout-dot-")
DOT = find_dot()
HOSPITAL = os.path.join(ROOT, "scenarios", "hospital")
HOSPITAL_MODEL = os.path.join(HOSPITAL, "model")
NATIONAL_MODEL = os.path.join(ROOT, "model", "nl")

SVG_ITEM = re.compile(r'<g id="(?:node|edge)\d+" class="(node|edge)">\s*<title>(.*?)</title>',
                      re.S)


def render_svg(name, dot_path):
    """Runs dot -Tsvg; returns (node titles, edge (tail, head) pairs) or None."""
    svg_path = dot_path[:-4] + ".svg"
    result = subprocess.run([DOT, "-Tsvg", dot_path, "-o", svg_path], capture_output=True,
                            text=True, timeout=300)
    check(f"{name}.dot_renders", result.returncode == 0 and os.path.isfile(svg_path),
          f"exit {result.returncode}: {result.stderr[-2000:]}")
    check(f"{name}.dot_warns_of_nothing", result.stderr.strip() == "", result.stderr[-2000:])
    if result.returncode != 0:
        return None
    with open(svg_path, encoding="utf-8") as f:
        svg = f.read()
    nodes, edges = [], []
    for kind, title in SVG_ITEM.findall(svg):
        title = html.unescape(title)
        if kind == "node":
            nodes.append(title)
        else:
            tail, _, head = title.partition("->")
            edges.append((tail.split(":")[0], head.split(":")[0]))
    check(f"{name}.svg_counted", len(nodes) == svg.count('class="node"') and
          len(edges) == svg.count('class="edge"'), "a node or edge without a <title>")
    return nodes, edges


def write(name, args, format_):
    path = os.path.join(work, f"{name}.{format_}")
    result = msout(*args, "--format", format_, "--out", path)
    check(f"{name}.{format_}.exit_0", result.returncode == 0,
          f"msout {' '.join(args)} --format {format_}: exit {result.returncode}\n"
          f"{result.stderr}")
    return path if result.returncode == 0 else None


def model_requirements(model_dir):
    """{entity id: ids it requires directly, any member of any group} of a model folder."""
    requires = {}

    def members(requirement):
        if "on" in requirement:
            yield requirement["on"]
        for key, value in requirement.items():
            if isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        yield from members(item)
                    elif isinstance(item, str) and key in ("of", "members"):
                        yield item
    for path in sorted(glob.glob(os.path.join(model_dir, "*.json"))):
        with open(path) as f:
            document = json.load(f)
        for entity in document.get("entities", []):
            requires.setdefault(entity["id"], set())
            for requirement in entity.get("requires", []):
                requires[entity["id"]].update(members(requirement))
    return requires


def simulated_tree(model_dir, function):
    """What the model says the function's tree is, as a run simulates it (docs/semantics.md,
    report-format.md): disputed links left out, a one_of choice as one link. Returns
    (entities reached, number of groups that keep two or more members: the gates)."""
    entities = {}
    for path in sorted(glob.glob(os.path.join(model_dir, "*.json"))):
        with open(path) as f:
            for entity in json.load(f).get("entities", []):
                entities[entity["id"]] = entity

    def disputed(link):
        return (link.get("evidence") or {}).get("confidence") == "disputed"
    reached, gates, todo = {function}, 0, [function]
    while todo:
        entity = entities.get(todo.pop(), {})
        for requirement in entity.get("requires", []):
            if disputed(requirement):
                continue
            if "on" in requirement:
                members = [requirement["on"]]
            elif "one_of" in requirement:
                # The run assumes the heaviest member (report-format.md, assumptions).
                heaviest = max(requirement["one_of"], key=lambda m: m.get("weight", 0))
                members = [heaviest["on"]]
            else:
                group = requirement.get("any") or requirement.get("of") or []
                members = [m["on"] for m in group if not disputed(m)]
                gates += len(members) >= 2
            for member in members:
                if member not in reached:
                    reached.add(member)
                    todo.append(member)
    return reached, gates


def reachable(start, edges):
    seen, todo = {start}, [start]
    while todo:
        node = todo.pop()
        for nxt in edges.get(node, ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


if not DOT:
    check("graphviz.installed", False,
          "dot not found (MSOUT_DOT, PATH): run `bash .ci/setup` (it installs graphviz)")
    finish()

# Runs: the failed entities and the edges of their cause chains (a focus view: the chains of
# the organisation itself and of the functions it provides).
for name, args in [("run-national", ["run"]),
                   ("focus-hospitals", ["run", "--focus", "hospitals-hix-on-azure"]),
                   ("run-hospital", ["run", "--model", HOSPITAL_MODEL, "--scenario",
                                     os.path.join(HOSPITAL, "microsoft-out.json")])]:
    json_path, dot_path = write(name, args, "json"), write(name, args, "dot")
    if not (json_path and dot_path):
        continue
    with open(json_path) as f:
        report = json.load(f)
    with open(dot_path) as f:
        code = [line for line in f if line.strip() and not line.lstrip().startswith(("//", "#"))]
    check(f"{name}.is_a_digraph", code[:1] and code[0].lstrip().startswith("digraph"),
          code[:1])
    drawn = render_svg(name, dot_path)
    if drawn is None:
        continue
    nodes, edges = drawn
    explained = report["functions"] + ([report["organisation"]] if "organisation" in report
                                       else [])
    expected_nodes, expected_edges = cause_chain_graph(explained)
    check(f"{name}.something_failed", expected_nodes != set(), "no cause chain in the JSON")
    check(f"{name}.node_count_as_json", len(nodes) == len(expected_nodes),
          f"svg {len(nodes)} nodes, json {len(expected_nodes)} entities on cause chains")
    check(f"{name}.edge_count_as_json", len(edges) == len(expected_edges),
          f"svg {len(edges)} edges, json {len(expected_edges)} links on cause chains")
    check(f"{name}.nodes_are_the_chains_entities", set(nodes) == expected_nodes,
          f"only in svg {sorted(set(nodes) - expected_nodes)[:10]}, only in json "
          f"{sorted(expected_nodes - set(nodes))[:10]}")
    check(f"{name}.edges_are_the_chains_links", set(edges) == expected_edges,
          f"only in svg {sorted(set(edges) - expected_edges)[:10]}, only in json "
          f"{sorted(expected_edges - set(edges))[:10]}")
    check(f"{name}.no_duplicate_nodes", len(set(nodes)) == len(nodes))

# Cut sets: the function's dependency tree with its gates.
for name, model_dir, function, model_args in [
        ("cut-sets-national", NATIONAL_MODEL, "fn-hospital-care", []),
        ("cut-sets-hospital", HOSPITAL_MODEL, "emergency-care", ["--model", HOSPITAL_MODEL])]:
    args = ["analyze", "cut-sets", *model_args, "--function", function]
    json_path, dot_path = write(name, args, "json"), write(name, args, "dot")
    if not (json_path and dot_path):
        continue
    with open(json_path) as f:
        cut_sets = json.load(f)
    drawn = render_svg(name, dot_path)
    if drawn is None:
        continue
    nodes, edges = drawn
    requires = model_requirements(model_dir)
    in_tree = reachable(function, requires)
    entities = [n for n in nodes if n in requires]
    gates = [n for n in nodes if n not in requires]
    check(f"{name}.function_is_a_node", function in nodes, nodes[:20])
    check(f"{name}.entities_are_the_functions_requirements", set(entities) <= in_tree,
          f"not required by {function}: {sorted(set(entities) - in_tree)[:10]}")
    entry = next((f for f in cut_sets["functions"] if f["id"] == function), None)
    check(f"{name}.json_has_the_function", entry is not None)
    if entry:
        members = set(entry["single_points_of_failure"]) | set(entry["degrading"])
        for pair in entry["pairs"]:
            members.update(pair)
        check(f"{name}.cut_set_members_are_nodes", members <= set(nodes),
              f"missing: {sorted(members - set(nodes))[:10]}")
    outgoing = {}
    for tail, head in edges:
        outgoing.setdefault(tail, set()).add(head)
    check(f"{name}.edges_join_nodes", all(t in nodes and h in nodes for t, h in edges),
          [e for e in edges if e[0] not in nodes or e[1] not in nodes][:10])
    check(f"{name}.a_tree_from_the_function", set(nodes) <= reachable(function, outgoing),
          f"unreachable from {function}: "
          f"{sorted(set(nodes) - reachable(function, outgoing))[:10]}")
    check(f"{name}.gates_lead_somewhere", all(outgoing.get(g) for g in gates),
          [g for g in gates if not outgoing.get(g)][:10])
    tree, groups = simulated_tree(model_dir, function)
    check(f"{name}.every_entity_of_the_tree_drawn", tree <= set(entities),
          f"missing: {sorted(tree - set(entities))[:10]}")
    check(f"{name}.one_gate_per_group", len(gates) == groups,
          f"{len(gates)} gates drawn, {groups} groups of two or more in the tree")
    if function == "emergency-care":
        # Its EPD requirement is an any group: HiX or the downtime viewer.
        check(f"{name}.has_a_gate", any({"hix-epd", "epd-downtime-viewer"} <= outgoing.get(g,
                                                                                     set())
                                        for g in gates),
              f"gates {gates} edges {sorted(edges)[:30]}")
    print(f"      {name}: {len(entities)} entities, {len(gates)} gates, {len(edges)} edges")

# A result without a graph refuses --format dot as a usage error.
result = msout("analyze", "concentration", "--format", "dot")
check("concentration.dot_refused", result.returncode == 2 and "dot" in result.stderr,
      f"exit {result.returncode}: {result.stderr}")

subprocess.run(["rm", "-rf", work])
finish()
