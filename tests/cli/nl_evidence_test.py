#!/usr/bin/env python3
"""The national model's confidence levels follow the sources' own wording and links.

Usage: nl_evidence_test.py REPO_ROOT [SEEDS_DIR]

model/nl/README.md ("How to read the evidence") maps the sources' wording to a confidence
level. A claim-by-claim review (issue 12) found edges that broke the mapping: an unlinked
half of a sentence marked confirmed because the other half carried a link (RegioGroei on
AWS, Topicus on AWS), organisations' own home pages cited as confirmed evidence that no
source gives, and hedged text ("vermoedelijk", "vertellen me", "of het ook gebeurd is")
marked confirmed. This test checks every evidence object of model/nl and scenarios/nl
(entities, dependencies, requirement groups, levers) against the rules that would have
caught them:

1. `confirmed` carries a quote (what the source says), and is never seed 000 itself: the
   README reserves confirmed for what seed 000 backs with a link (seed 003, the white
   paper, is a published document and may be cited as itself).
2. `confirmed` with a link that seed 000 or 003 gives: the quote is text of the seeds
   (each part between "..." found there, ignoring markup and spacing), so the link and the
   quote belong to one claim of the source; the quote must contain the link's anchor text,
   or lie in the same list item as the link (seed 000 is a list of items, each with its
   links), so that an unlinked item cannot borrow another item's link.
3. A quote with a hedge word is not `confirmed`; a quote about a migration or a plan is
   `planned` unless it says what is already done ("inmiddels"), hedges that it presumably
   is done (then `presumed`), or the evidence is disputed.
4. `definition` (a function defined as an organisation's work) is not a claim: it sits on
   dependencies of a function only.
The seeds are found in ../shared/seeds beside the repository (or SEEDS_DIR).
"""
import glob
import json
import os
import re
import sys

ROOT = sys.argv[1]
SEEDS = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared", "seeds")
SEED_000 = "000_7f268916f40f026b.txt"
SEED_003 = "003_74a405e2ef5b365d.txt"

HEDGES = ["vermoedelijk", "naar verluidt", "schijnt", "het lijkt erop", "in ieder geval",
          "volgens vele bronnen", "vertellen me", "of het ook gebeurd is", "zou tegen kunnen vallen"]
# Ongoing or intended, not done ("heeft ... verhuisd" is done and not listed).
MIGRATING = ["verhuist", "worden verhuisd", "wordt verhuisd", "aan het migreren", "migreert",
             "van plan", "bezig", "voornemens"]

failures = []


def fail(where, message):
    failures.append(f"{where}: {message}")


def repair_mojibake(text):
    """Seed 000 holds UTF-8 read as Latin-1 in places ("patiÃ«nt"): decode those runs."""
    def fix(match):
        try:
            return match.group(0).encode("latin-1").decode("utf-8")
        except UnicodeError:
            return match.group(0)
    return re.sub(r"[\u00c2-\u00f4][\u0080-\u00bf]+", fix, text)


def plain(text):
    """Seed or quote text without markdown links, emphasis and odd spacing, lower case."""
    text = re.sub(r"\]\([^)]*\)", "]", text)  # [anchor](url) -> [anchor]
    text = re.sub(r"[\[\]*_~>`]", "", text)
    text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def read_seeds():
    seeds = {}
    for name in (SEED_000, SEED_003):
        path = os.path.join(SEEDS, name)
        if not os.path.exists(path):
            print(f"nl_evidence_test: seeds not found at {SEEDS}; skipped")
            sys.exit(0)
        with open(path, encoding="utf-8", errors="replace") as f:
            seeds[name] = repair_mojibake(f.read())
    return seeds


SEED_TEXT = read_seeds()
PLAIN_SEEDS = plain(SEED_TEXT[SEED_000] + "\n" + SEED_TEXT[SEED_003])


def strip_url(url):
    return url.split("#")[0].split("?")[0].rstrip("/")


def seed_links():
    """url (without query/fragment) -> list of (anchor text, plain text of its list item)."""
    links = {}
    for text in SEED_TEXT.values():
        for item in re.split(r"\n\s*\n|\n\s*\* ", text):
            for anchor, url in re.findall(r"\[([^\]]*)\]\((https?://[^)\s]+)\)", item):
                links.setdefault(strip_url(url), []).append((plain(anchor), plain(item)))
    return links


LINKS = seed_links()


def quote_parts(quote):
    return [p.strip(" .,;:\"'") for p in re.split(r"\.\.\.|\u2026|\(\.\.\.\)", plain(quote))
            if len(p.strip(" .,;:\"'")) >= 3]


def evidences(node, pointer):
    if isinstance(node, dict):
        if "confidence" in node and "source" in node:
            yield pointer, node
        for key, value in node.items():
            yield from evidences(value, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from evidences(value, f"{pointer}/{i}")


def check_evidence(where, ev, in_function_dependency):
    confidence, source, quote = ev["confidence"], ev["source"], ev.get("quote", "")
    lowered = plain(quote)
    if confidence == "definition":
        if not in_function_dependency:
            fail(where, "a definition belongs on a function's dependency on its performer")
        return
    if confidence == "confirmed":
        if not quote:
            fail(where, f"confirmed without a quote (source {source})")
        if source == SEED_000:
            fail(where, "confirmed on seed 000 itself: the seed gives no link for it (reported)")
        for hedge in HEDGES:
            if hedge in lowered:
                fail(where, f"confirmed, but the quote hedges ('{hedge}'): {quote}")
        url = strip_url(source)
        if source.startswith("http") and url in LINKS and quote:
            for part in quote_parts(quote):
                if part not in PLAIN_SEEDS:
                    fail(where, f"quote not found in the seeds: '{part}'")
            if not any(anchor and anchor in lowered or all(p in item for p in quote_parts(quote))
                       for anchor, item in LINKS[url]):
                fail(where, f"the seeds link {source} for another claim than '{quote}'")
    hedged = any(hedge in lowered for hedge in HEDGES)
    if confidence not in ("planned", "disputed") and "inmiddels" not in lowered and not (
            hedged and confidence == "presumed"):
        for word in MIGRATING:
            if re.search(r"\b" + word + r"\b", lowered):
                fail(where, f"{confidence}, but the quote speaks of a migration or plan "
                            f"('{word}'): planned, unless it says what is already done")


def main():
    files = sorted(glob.glob(os.path.join(ROOT, "model", "nl", "*.json")))
    files += sorted(glob.glob(os.path.join(ROOT, "scenarios", "nl", "*.json")))
    checked = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        rel = os.path.relpath(path, ROOT)
        functions = {e["id"] for e in document.get("entities", []) if e.get("kind") == "function"}
        for i, entity in enumerate(document.get("entities", [])):
            for pointer, ev in evidences(entity, f"/entities/{i}"):
                dependency = pointer != f"/entities/{i}/evidence"
                checked += 1
                check_evidence(f"{rel}{pointer} ({entity['id']})", ev,
                               dependency and entity["id"] in functions)
        for i, lever in enumerate(document.get("levers", [])):
            for pointer, ev in evidences(lever, f"/levers/{i}"):
                checked += 1
                check_evidence(f"{rel}{pointer}", ev, False)
    for line in failures:
        print("FAIL", line)
    print(f"nl_evidence_test: {checked} evidence objects, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
