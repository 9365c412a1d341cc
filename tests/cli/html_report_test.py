#!/usr/bin/python3
"""Every kind of HTML report, opened in a real browser (Debian's headless Chromium).

Usage: html_report_test.py MSOUT_BINARY REPO_ROOT [OUTPUT_DIR]

For each result (a run of the national model, a focus view, a run of the example hospital,
two comparisons, Monte Carlo, and the four analyses) msout writes `--format html --out X.html`
and `--format json --out X.json`. Then:

- the page is self-contained, by reading it: no <script src>, no stylesheet <link>, no
  <img>/<use>/<image>/<source> other than data: and #fragments, no <iframe>/<object>/
  <embed>/<base>/<meta refresh>, no @import, no url() other than data: and #fragments, no
  relative link; links to the sources (<a href="https://...">) are allowed;
- in the browser (tests/cli/browser.py): no console error or warning, no request other than
  the page itself and data: URLs, and the DOM against the JSON (docs/report-format.md
  "HTML" and sim/render/html_renderer.h): `<body data-kind data-json-format>`, one
  `svg.timeline g.timeline-row` per critical function of the JSON in a run, a focus view and
  both timelines of a comparison (with data-final = the JSON's state at the horizon), one
  `svg.chart[data-chart="p-down"] g.series` per function in Monte Carlo, the main
  `table.data` of each analysis as long as the JSON's list, every `details.chain` about an
  entity that failed;
- a screenshot of the whole page, A4-wide, written to OUTPUT_DIR (default: a temporary
  folder, printed) and not blank. With MSOUT_UPDATE_SCREENSHOT=1, the first A4 page of the
  national run's is also written to docs/images/report.png, which the README shows.

Fails (not skipped) without Chromium, naming .ci/setup.
"""
import html.parser
import json
import os
import re
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from browser import (A4_HEIGHT_PX, Browser, BrowserError, BrowserMissing,  # noqa: E402
                     not_blank, png_summary)
from cli_support import MsoutBinary, binary_and_repo_root, check, finish  # noqa: E402
from report_support import cases, entities_with_a_cause  # noqa: E402

MSOUT, ROOT = binary_and_repo_root(sys.argv)
msout = MsoutBinary(MSOUT, timeout_s=600, text=True)
if len(sys.argv) > 3:
    OUT = os.path.abspath(sys.argv[3])
    os.makedirs(OUT, exist_ok=True)
else:
    OUT = tempfile.mkdtemp(prefix="msout-html-reports-")
UPDATE_README_SCREENSHOT = os.environ.get("MSOUT_UPDATE_SCREENSHOT") == "1"
README_SCREENSHOT = os.path.join(ROOT, "docs", "images", "report.png")


# Self-contained, by reading the page --------------------------------------------------------

LOCAL_REFERENCE = re.compile(r"^\s*(data:|#)", re.I)
WEB_LINK = re.compile(r"^\s*https?://", re.I)
CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)


class ExternalReferences(html.parser.HTMLParser):
    """Collects every reference of a page that a browser would fetch or follow to another
    file, and the CSS it holds."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.css = []
        self.links_to_sources = 0
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in ("iframe", "object", "embed", "base", "frame", "applet", "portal"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "link":
            href = attributes.get("href") or ""
            if not LOCAL_REFERENCE.match(href):
                self.problems.append(f"<link rel={attributes.get('rel')} href={href!r}>")
        if tag == "style":
            self._in_style = True
        if attributes.get("style"):
            self.css.append(attributes["style"])
        for name, value in attrs:
            value = value or ""
            if name in ("src", "srcset", "poster", "data", "action", "formaction",
                        "background", "xlink:href", "href", "ping", "manifest"):
                if LOCAL_REFERENCE.match(value):
                    continue
                if tag == "a" and name == "href" and WEB_LINK.match(value):
                    self.links_to_sources += 1  # a link to a source, followed only by a click
                    continue
                if tag == "link" and name == "href":
                    continue  # reported above
                self.problems.append(f"<{tag} {name}={value!r}>")

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.css.append(data)


def self_contained_problems(page):
    parser = ExternalReferences()
    parser.feed(page)
    parser.close()
    problems = list(parser.problems)
    for css in parser.css:
        if "@import" in css.lower():
            problems.append("@import in CSS")
        for _, target in CSS_URL.findall(css):
            if not LOCAL_REFERENCE.match(target):
                problems.append(f"url({target}) in CSS")
    # Presentation attributes of SVG (fill="url(#hatch)") are CSS too.
    for _, target in CSS_URL.findall(re.sub(r"<style.*?</style>", "", page, flags=re.S | re.I)):
        if not LOCAL_REFERENCE.match(target):
            problems.append(f"url({target})")
    return sorted(set(problems)), parser.links_to_sources


# The DOM against the JSON -------------------------------------------------------------------

DOM_QUERIES = """(() => {
  const ids = (selector) => [...document.querySelectorAll(selector)].map(e => e.dataset.id);
  const timelines = {};
  for (const svg of document.querySelectorAll('svg.timeline')) {
    timelines[svg.dataset.timeline || ''] = [...svg.querySelectorAll('g.timeline-row')]
        .map(g => [g.dataset.id, g.dataset.final,
                   [...g.querySelectorAll('rect[data-state]')].map(r => r.dataset.state)]);
  }
  const charts = {};
  for (const svg of document.querySelectorAll('svg.chart')) {
    charts[svg.dataset.chart || ''] = [...svg.querySelectorAll('g.series')]
        .map(g => g.dataset.id);
  }
  const tables = {};
  for (const table of document.querySelectorAll('table.data')) {
    const body = table.tBodies.length ? [...table.tBodies] : [table];
    tables[table.dataset.table || ''] = body.reduce((n, b) => n + b.rows.length, 0);
  }
  const viewport = document.documentElement.clientWidth;
  const cutOff = (selector) => [...document.querySelectorAll(selector)]
      .filter(e => e.getBoundingClientRect().right > viewport + 1)
      .map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}[${
          e.dataset.chart || e.dataset.timeline || e.dataset.table}] right edge at ${
          Math.round(e.getBoundingClientRect().right)} px`);
  return {kind: document.body.dataset.kind,
          graphicsCutOff: cutOff('svg.timeline, svg.chart'),
          tablesCutOff: cutOff('table.data'), jsonFormat: document.body.dataset.jsonFormat,
          title: document.title, text: document.body.innerText.length,
          timelines, charts, tables, chains: ids('details.chain'),
          chainsWithoutId: document.querySelectorAll('details.chain:not([data-id])').length,
          width: document.documentElement.scrollWidth};
})()"""


def function_rows(functions):
    return [[f["id"], f["state_at_horizon"], [span["state"] for span in f["timeline"]]]
            for f in functions]


def check_timeline(name, dom, timeline, expected_rows, compare_final=True):
    rows = dom["timelines"].get(timeline)
    check(f"{name}.timeline_{timeline or 'unnamed'}.present", rows is not None,
          f"timelines: {sorted(dom['timelines'])}")
    if rows is None:
        return
    check(f"{name}.timeline_{timeline or 'unnamed'}.one_row_per_function_in_json_order",
          [r[0] for r in rows] == [r[0] for r in expected_rows],
          f"page {[r[0] for r in rows]} json {[r[0] for r in expected_rows]}")
    if compare_final:
        wrong = [(r[:2], e[:2]) for r, e in zip(rows, expected_rows) if r[1] != e[1]]
        check(f"{name}.timeline_{timeline or 'unnamed'}.final_state_as_json", not wrong,
              f"(page, json): {wrong[:5]}")
        # Each row's bars: the states of the JSON's timeline, in order (up drawn or not).
        wrong = [(r[0], r[2], e[2]) for r, e in zip(rows, expected_rows)
                 if r[2] != e[2] and r[2] != [state for state in e[2] if state != "up"]]
        check(f"{name}.timeline_{timeline or 'unnamed'}.spans_as_json", not wrong,
              f"(id, page, json): {wrong[:3]}")


def single_timeline(dom):
    """The run's or focus view's one timeline, whatever its name."""
    return next(iter(dom["timelines"])) if len(dom["timelines"]) == 1 else None


def check_dom_against_json(name, kind, dom, report):
    if kind in ("run", "focus", "compare"):
        rows = dom["tables"].get("functions")
        check(f"{name}.table_functions.rows_as_json", rows == len(report["functions"]),
              f"page {rows} rows, json {len(report['functions'])} functions")
    if kind == "run":
        timeline = single_timeline(dom)
        check(f"{name}.one_timeline", timeline is not None, sorted(dom["timelines"]))
        if timeline is not None:
            check_timeline(name, dom, timeline, function_rows(report["functions"]))
    elif kind == "focus":
        # The timeline of the functions the organisation provides (the JSON's functions);
        # a page may draw the organisation and its systems in timelines of their own.
        names = list(dom["timelines"])
        expected = function_rows(report["functions"])
        matching = [t for t in names if [r[0] for r in dom["timelines"][t]] ==
                    [r[0] for r in expected]]
        check(f"{name}.a_timeline_of_the_json_functions", bool(matching),
              f"timelines {json.dumps(dom['timelines'])[:600]} json {expected}")
        if matching:
            check_timeline(name, dom, matching[0], expected)
    elif kind == "compare":
        for side in ("baseline", "whatif"):
            expected = [[f["id"], (f[side] or {}).get("state_at_horizon")]
                        for f in report["functions"]]
            rows = dom["timelines"].get(side)
            check_timeline(name, dom, side, expected, compare_final=False)
            if rows is not None:
                wrong = [(r[:2], e) for r, e in zip(rows, expected) if e[1] and r[1] != e[1]]
                check(f"{name}.timeline_{side}.final_state_as_json", not wrong,
                      f"(page, json): {wrong[:5]}")
    elif kind == "montecarlo":
        series = dom["charts"].get("p-down")
        check(f"{name}.chart_p_down.present", series is not None, sorted(dom["charts"]))
        expected = [f["id"] for f in report["functions"]]
        if series is not None:
            check(f"{name}.chart_p_down.one_series_per_function",
                  sorted(series) == sorted(expected) and len(series) == len(expected),
                  f"page {series} json {expected}")
    else:
        table, expected = main_table(kind, report)
        rows = dom["tables"].get(table)
        check(f"{name}.table_{table}.present", rows is not None, sorted(dom["tables"]))
        if rows is not None:
            check(f"{name}.table_{table}.rows_as_json", rows == expected,
                  f"page {rows} rows, json {expected}")


def main_table(kind, report):
    """(data-table of the analysis's main table, its number of rows per the JSON)."""
    if kind == "blast-radius":
        return "ranking", len(report["ranking"])
    if kind == "concentration":
        return "sectors", 1 + len(report["sectors"])
    if kind == "cut-sets":
        return "functions", len(report["functions"])
    if kind == "exposure":
        return "exposures", sum(len(o["exposures"]) for o in report["organisations"])
    raise ValueError(kind)


# The test -----------------------------------------------------------------------------------

def write(name, args, format_):
    path = os.path.join(OUT, f"{name}.{format_}")
    result = msout(*args, "--format", format_, "--out", path)
    check(f"{name}.{format_}.exit_0", result.returncode == 0,
          f"msout {' '.join(args)} --format {format_}: exit {result.returncode}\n"
          f"{result.stderr}")
    check(f"{name}.{format_}.nothing_on_stdout", result.stdout == "", result.stdout[:200])
    return path if result.returncode == 0 and os.path.isfile(path) else None


print(f"reports and screenshots: {OUT}")
results = []
for name, kind, args in cases(ROOT):
    json_path = write(name, args, "json")
    html_path = write(name, args, "html")
    report = None
    if json_path:
        with open(json_path) as f:
            report = json.load(f)
    if html_path:
        with open(html_path, encoding="utf-8") as f:
            page = f.read()
        problems, source_links = self_contained_problems(page)
        check(f"{name}.self_contained", not problems, problems[:10])
        check(f"{name}.starts_as_html", page.lstrip().lower().startswith("<!doctype html"),
              page[:80])
    results.append((name, kind, report, html_path))

screenshots = []
try:
    with Browser(timeout_s=60) as chromium:
        for name, kind, report, html_path in results:
            if not html_path or report is None:
                continue
            began = time.monotonic()
            try:
                page = chromium.open(html_path)
                dom = page.evaluate(DOM_QUERIES)
                page.refresh(0.1)
                check(f"{name}.no_console_error", page.console_errors == [],
                      page.console_errors[:10])
                check(f"{name}.no_network_request", page.network_requests == [],
                      page.network_requests[:10])
                check(f"{name}.body_kind", dom["kind"] == kind, dom["kind"])
                check(f"{name}.body_json_format", dom["jsonFormat"] == report["format"],
                      (dom["jsonFormat"], report["format"]))
                check(f"{name}.has_text", dom["text"] > 200, dom["text"])
                check(f"{name}.fits_a4_width", dom["width"] <= 794 + 1,
                      f"scroll width {dom['width']} px")
                # The timelines and charts are what the screenshot (and the README) shows:
                # at A4 width none may be cut off at the right (later times hidden behind a
                # scroll bar). Wide tables may scroll on screen; those that do not fit on
                # paper either are listed (print media), not failed.
                check(f"{name}.graphics_fit_a4_width", dom["graphicsCutOff"] == [],
                      dom["graphicsCutOff"][:4])
                check_dom_against_json(name, kind, dom, report)
                failed = entities_with_a_cause(report)
                strangers = sorted(set(dom["chains"]) - failed)
                check(f"{name}.chains_about_failed_entities", not strangers,
                      f"chains about entities without a cause in the JSON: {strangers[:10]}")
                check(f"{name}.chains_have_ids", dom["chainsWithoutId"] == 0,
                      dom["chainsWithoutId"])
                if kind in ("run", "focus"):
                    check(f"{name}.chains_shown", bool(dom["chains"]) == bool(failed),
                          f"{len(dom['chains'])} chains, {len(failed)} failed in the JSON")
                shot = os.path.join(OUT, f"{name}.png")
                width, height = page.screenshot(shot)
                summary = png_summary(shot)
                check(f"{name}.screenshot_written",
                      (summary["width"], summary["height"]) == (width, height),
                      (summary, width, height))
                check(f"{name}.screenshot_not_blank", not_blank(summary), summary)
                screenshots.append(shot)
                if name == "run-national" and UPDATE_README_SCREENSHOT:
                    os.makedirs(os.path.dirname(README_SCREENSHOT), exist_ok=True)
                    page.screenshot(README_SCREENSHOT, max_height=A4_HEIGHT_PX)
                    check("readme_screenshot.not_blank",
                          not_blank(png_summary(README_SCREENSHOT)))
                    print(f"README screenshot written: {README_SCREENSHOT}")
                chromium.send("Emulation.setEmulatedMedia", {"media": "print"},
                              session=page.session)
                printed = page.evaluate(DOM_QUERIES)
                check(f"{name}.graphics_fit_a4_in_print", printed["graphicsCutOff"] == [],
                      printed["graphicsCutOff"][:4])
                if printed["tablesCutOff"]:
                    print(f"note  {name}: wider than A4 in print: "
                          + "; ".join(printed["tablesCutOff"][:4]))
                page.close()
            except BrowserError as error:
                check(f"{name}.browser", False, str(error))
            print(f"      {name}: {time.monotonic() - began:.1f}s in the browser")
except BrowserMissing as error:
    check("chromium.installed", False, str(error))

for shot in screenshots:
    print(f"screenshot: {shot}")
if len(sys.argv) <= 3 and not screenshots:
    shutil.rmtree(OUT, ignore_errors=True)
finish()
