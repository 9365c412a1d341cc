#!/usr/bin/env python3
"""Writes the tables of a model's README from the model's JSON files, so that the table a
policy reader checks is always the data the simulator runs.

Usage: model_table.py MODEL_DIR            rewrite MODEL_DIR/README.md below the marker
       model_table.py MODEL_DIR --check    exit 1 if the README is not up to date

Everything above the marker line in README.md is hand-written and kept.
"""
import glob
import json
import os
import sys

MARKER = "<!-- Generated from the JSON files by docs/model_table.py: do not edit below. -->"


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def source(evidence):
    if not evidence:
        return ""
    src = evidence.get("source", "")
    return f"[link]({src})" if src.startswith("http") else cell(src)


def duration_text(d):
    """A duration, or a distribution of one (docs/uncertainty.md)."""
    if not isinstance(d, dict):
        return d
    kind = d["distribution"]
    if kind == "fixed":
        return d["value"]
    if kind == "uniform":
        return f"uniform {d['min']}-{d['max']}"
    if kind == "triangular":
        return f"triangular {d['min']}-{d['max']}, mode {d['mode']}"
    return f"log-normal, median {d['median']}, P90 {d['p90']}"


def member_text(m, effect=None):
    bits = []
    if "weight" in m:
        bits.append(f"weight {m['weight']}")
    if m.get("layer"):
        bits.append(m["layer"])
    if m.get("tolerance", "0s") not in ("0s", "0"):
        bits.append("tolerance " + duration_text(m["tolerance"]))
    if m.get("recovery", "0s") not in ("0s", "0"):
        bits.append("recovery " + duration_text(m["recovery"]))
    eff = effect or m.get("effect", "down")
    if eff != "down":
        bits.append(eff)
    if m.get("degraded_propagates"):
        bits.append("degraded propagates")
    conf = (m.get("evidence") or {}).get("confidence")
    text = f"`{m['on']}`" + (f" ({', '.join(bits)})" if bits else "")
    if conf:
        text += f" [{conf}" + (f", {source(m['evidence'])}" if m["evidence"].get("source") else "") + "]"
    for a in m.get("assumptions", []):
        text += f" *assumption: {cell(a)}*"
    return text


def group_text(r):
    """A group's own evidence, common cause and assumptions."""
    text = ""
    if r.get("common_cause"):
        text += f", common cause {r['common_cause']}"
    ev = r.get("evidence")
    if ev:
        text += f" [{ev['confidence']}" + (f", {source(ev)}" if ev.get("source") else "") + "]"
    for a in r.get("assumptions", []):
        text += f" *assumption: {cell(a)}*"
    return text


def requirement_text(r):
    if "any" in r:
        inner = "; ".join(member_text(m, r.get("effect", "down")) for m in r["any"])
        return f"any of ({inner}), switchover {duration_text(r.get('switchover', '0s'))}" + (
            f", {r['effect']}" if r.get("effect", "down") != "down" else "") + group_text(r)
    if "one_of" in r:
        inner = "; ".join(member_text(m, r.get("effect", "down")) for m in r["one_of"])
        return f"one of ({inner}), by weight" + (
            f", {r['effect']}" if r.get("effect", "down") != "down" else "") + group_text(r)
    if "of" in r:
        inner = "; ".join(member_text(m, r.get("effect", "down")) for m in r["of"])
        return f"{r['k']} of ({inner})" + (
            f", {r['effect']}" if r.get("effect", "down") != "down" else "") + group_text(r)
    return member_text(r)


def table(path):
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    lines = [f"### {os.path.basename(path)}", ""]
    lines.append("| entity | kind · sector | jurisdiction | depends on | evidence | confidence | assumptions |")
    lines.append("|---|---|---|---|---|---|---|")
    for e in doc.get("entities", []):
        name = f"**{cell(e['name'])}** `{e['id']}`"
        if e.get("count", 1) != 1:
            name += f" ×{e['count']}"
        if e.get("people_served"):
            name += f" — serves {e['people_served']:,}"
            if e.get("people_served_source"):
                ps = e["people_served_source"]
                name += f" ({'[source](' + ps + ')' if ps.startswith('http') else cell(ps)})"
        juris = e.get("jurisdiction", "")
        if e.get("controlled_by"):
            juris += f" (controlled by {cell(e['controlled_by'])})"
        deps = "<br>".join(requirement_text(r) for r in e.get("requires", [])) or "—"
        ev = e.get("evidence") or {}
        evidence = source(ev) + (f": “{cell(ev['quote'])}”" if ev.get("quote") else "")
        assumptions = "<br>".join(cell(a) for a in e.get("assumptions", [])) or "—"
        lines.append(f"| {name} | {e['kind']} · {cell(e.get('sector', ''))} | {cell(juris)} | {deps} | "
                     f"{evidence} | {ev.get('confidence', '')} | {assumptions} |")
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    model_dir, check = argv[1], "--check" in argv[2:]
    readme = os.path.join(model_dir, "README.md")
    with open(readme, encoding="utf-8") as f:
        current = f.read()
    if MARKER not in current:
        print(f"{readme}: marker line missing", file=sys.stderr)
        return 1
    head = current.split(MARKER)[0]
    files = sorted(glob.glob(os.path.join(model_dir, "*.json")))
    wanted = head + MARKER + "\n\n" + "\n".join(table(p) for p in files)
    if check:
        if wanted != current:
            print(f"{readme} is out of date: run python3 docs/model_table.py {model_dir}")
            print("0 passed, 1 failed")
            return 1
        print(f"{readme} matches the model")
        print("1 passed, 0 failed")
        return 0
    with open(readme, "w", encoding="utf-8") as f:
        f.write(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
