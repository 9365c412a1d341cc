#!/usr/bin/python3
"""Self-test of tests/cli/browser.py, the headless-Chromium driver of the HTML report tests.

Usage: browser_selftest.py

Hand-made pages, written to a temporary folder: a clean page passes (no console error, no
network request, the DOM answers, a screenshot that is not blank); a console.error, an
uncaught exception, a fetch, an <img> and a stylesheet from the network or from another file,
and a request refused by a Content-Security-Policy are each caught; a blank page's screenshot
is blank; a page that never finishes loading ends in a timeout and the browser is gone
afterwards. The only addresses the pages name are loopback ones (port 9, "discard", which
Chromium refuses to connect to). Also: the pure-Python PNG decoder against PNGs written with
each of the five filters, and the message when there is no Chromium.
"""
import os
import shutil
import struct
import sys
import tempfile
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402
from browser import Browser, BrowserError, BrowserMissing, not_blank, png_summary  # noqa: E402
from cli_support import check, finish  # noqa: E402

work = tempfile.mkdtemp(prefix="msout-browser-selftest-")


def page(name, body, head=""):
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(f"<!doctype html><html><head><meta charset='utf-8'><title>{name}</title>"
                f"{head}</head><body>{body}</body></html>")
    return path


def png(path, width, height, pixels, filters):
    """Writes an RGBA PNG, each row filtered with filters[y % len(filters)]."""
    bpp, stride = 4, width * 4
    raw = bytearray()
    previous = bytearray(stride)
    for y in range(height):
        row = pixels[y * stride:(y + 1) * stride]
        kind = filters[y % len(filters)]
        out = bytearray(stride)
        for i in range(stride):
            a = row[i - bpp] if i >= bpp else 0
            b = previous[i]
            c = previous[i - bpp] if i >= bpp else 0
            predictor = [0, a, b, (a + b) >> 1, browser._paeth(a, b, c)][kind]
            out[i] = (row[i] - predictor) & 0xFF
        raw += bytes([kind]) + out
        previous = row

    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body +
                struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" +
                chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(bytes(raw))) + chunk(b"IEND", b""))


try:
    # The PNG decoder: every filter type, against known pixels.
    width, height = 23, 17
    pixels = bytearray()
    for y in range(height):
        for x in range(width):
            pixels += bytes([(x * 11 + y * 3) & 0xFF, (x * y) & 0xFF, (255 - x * 7) & 0xFF,
                             255 if (x + y) % 5 else 128])
    expected_colours = len({bytes(pixels[i:i + 4]) for i in range(0, len(pixels), 4)})
    for filters in ([0], [1], [2], [3], [4], [0, 1, 2, 3, 4]):
        path = os.path.join(work, f"filters-{''.join(map(str, filters))}.png")
        png(path, width, height, pixels, filters)
        summary = png_summary(path)
        check(f"png.filters_{''.join(map(str, filters))}.decoded",
              (summary["width"], summary["height"], summary["colours"]) ==
              (width, height, expected_colours), summary)
    white = os.path.join(work, "white.png")
    png(white, 40, 30, bytearray(b"\xff" * 40 * 30 * 4), [1, 2, 4])
    summary = png_summary(white)
    check("png.white_is_blank", not not_blank(summary) and summary["colours"] == 1, summary)
    with open(os.path.join(work, "broken.png"), "wb") as f:
        f.write(b"not a png")
    try:
        png_summary(os.path.join(work, "broken.png"))
        check("png.garbage_refused", False)
    except ValueError:
        check("png.garbage_refused", True)

    # Without Chromium: a clear message that names the set-up.
    real_find = browser.find_chromium
    browser.find_chromium = lambda: None
    try:
        Browser()
        check("missing.raises", False)
    except BrowserMissing as error:
        check("missing.raises", True)
        check("missing.names_setup", ".ci/setup" in str(error), str(error))
    finally:
        browser.find_chromium = real_find
    if browser.find_chromium() is None:
        check("chromium.installed", False, "chromium not found: " + browser.SETUP_HINT)
        raise SystemExit(finish())

    clean = page("clean.html", """
      <h1 id="title">A clean report</h1><p>Inline style, inline SVG, a data: image.</p>
      <svg class="timeline" width="600" height="80">
        <g class="timeline-row" data-id="a"><rect width="300" height="30" fill="#d55e00"/></g>
        <g class="timeline-row" data-id="b"><rect y="40" width="500" height="30"
           fill="#0072b2"/></g></svg>
      <img alt="dot" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==">
      <script>document.body.dataset.kind = "selftest";</script>""",
                 head="<style>body{font-family:sans-serif} h1{color:#333}</style>"
                      "<meta http-equiv='Content-Security-Policy' content=\"default-src 'none';"
                      " style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")
    noisy = page("console-error.html", "<p>x</p><script>console.error('boom from page');"
                 "</script>")
    warning = page("console-warning.html", "<p>x</p><script>console.warn('careful');"
                   "</script>")
    throws = page("exception.html", "<p>x</p><script>null.property;</script>")
    fetches = page("fetch.html", "<p>x</p><script>fetch('http://127.0.0.1:9/x')"
                   ".catch(function () {});</script>")
    image = page("image.html", "<img alt='' src='http://127.0.0.1:9/picture.png'>")
    relative = page("relative.html", "<p>x</p>",
                    head="<link rel='stylesheet' href='style.css'>")
    with open(os.path.join(work, "style.css"), "w") as f:
        f.write("p { color: red }")
    csp = page("csp.html", "<img alt='' src='http://127.0.0.1:9/blocked.png'>",
               head="<meta http-equiv='Content-Security-Policy' content=\"default-src 'none'\">")
    blank = page("blank.html", "")
    hanging = page("hanging.html", "<script>while (true) {}</script>")

    started = time.monotonic()
    with Browser() as chromium:
        process = chromium.process
        profile = chromium.profile
        check("browser.version", "Chrome" in chromium.version.get("product", ""),
              chromium.version)

        p = chromium.open(clean)
        check("clean.no_console_error", p.console_errors == [], p.console_errors)
        check("clean.no_network_request", p.network_requests == [], p.network_requests)
        check("clean.page_itself_requested", p.requests[:1] == [p.url], p.requests)
        check("clean.dom_answers", p.evaluate(
            "[...document.querySelectorAll('svg.timeline g.timeline-row')]"
            ".map(g => g.dataset.id)") == ["a", "b"])
        check("clean.script_ran", p.evaluate("document.body.dataset.kind") == "selftest")
        shot = os.path.join(work, "clean.png")
        size = p.screenshot(shot)
        summary = png_summary(shot)
        check("clean.screenshot_a4_wide", size[0] == browser.A4_WIDTH_PX and
              summary["width"] == size[0] and summary["height"] == size[1], (size, summary))
        check("clean.screenshot_not_blank", not_blank(summary), summary)
        p.close()

        p = chromium.open(noisy)
        check("console_error.caught", any("boom from page" in e for e in p.console_errors),
              p.console_errors)
        p = chromium.open(warning)
        check("console_warning.caught", any("careful" in e for e in p.console_errors),
              p.console_errors)
        p = chromium.open(throws)
        check("exception.caught", any("exception" in e for e in p.console_errors),
              p.console_errors)
        p = chromium.open(fetches)
        check("fetch.caught", "http://127.0.0.1:9/x" in p.network_requests,
              p.network_requests)
        p = chromium.open(image)
        check("image.caught", "http://127.0.0.1:9/picture.png" in p.network_requests,
              p.network_requests)
        p = chromium.open(relative)
        check("relative_file.caught",
              any(u.endswith("/style.css") for u in p.network_requests), p.network_requests)
        p = chromium.open(csp)
        check("csp_violation.caught",
              any("Content Security Policy" in e or "Content-Security-Policy" in e
                  for e in p.console_errors), p.console_errors)
        p = chromium.open(blank)
        shot = os.path.join(work, "blank.png")
        p.screenshot(shot)
        summary = png_summary(shot)
        check("blank.screenshot_is_blank", not not_blank(summary), summary)
        p.close()

        # A page that never loads: a timeout, not a hang.
        chromium.timeout_s = 3
        began = time.monotonic()
        try:
            chromium.open(hanging)
            check("hanging.times_out", False)
        except BrowserError as error:
            check("hanging.times_out", time.monotonic() - began < 15, str(error))
    check("close.browser_killed", process.poll() is not None)
    try:
        os.killpg(process.pid, 0)
        check("close.process_group_gone", False, f"group {process.pid} still has processes")
    except ProcessLookupError:
        check("close.process_group_gone", True)
    check("close.profile_removed", not os.path.exists(profile), profile)
    print(f"browser self-test took {time.monotonic() - started:.1f}s")
finally:
    shutil.rmtree(work, ignore_errors=True)
finish()
