"""A small headless-Chromium driver for the HTML report tests (standard library only).

It speaks the Chrome DevTools Protocol over `--remote-debugging-pipe`: the browser reads
commands from its file descriptor 3 and writes replies and events to its descriptor 4, each
message one JSON text ended by a NUL byte. No websocket, no port, no third-party package.

    from browser import Browser, BrowserMissing, png_summary
    with Browser() as browser:                    # Debian's chromium, or BrowserMissing
        page = browser.open("/abs/path/report.html")
        page.network_requests                     # URLs other than the page and data:
        page.console_errors                       # console errors/warnings, exceptions, log
        page.evaluate("document.title")           # JSON-able value of an expression
        page.screenshot("/tmp/x.png")             # full page, A4-wide; returns (w, h)
    png_summary("/tmp/x.png")                     # size and colour statistics (pure Python)

Bounded: every wait has a timeout (BrowserError on expiry), the browser runs in its own
process group and is killed with it on close, and its temporary profile is removed.
"""
import base64
import collections
import ctypes
import json
import os
import select
import shutil
import signal
import struct
import subprocess
import tempfile
import time
import urllib.parse
import zlib

# A4 at 96 CSS pixels per inch: 210 mm wide, 297 mm high.
A4_WIDTH_PX = 794
A4_HEIGHT_PX = 1123

PR_SET_PDEATHSIG = 1  # linux/prctl.h

SETUP_HINT = "run `bash .ci/setup` (it installs Debian's chromium and graphviz)"


class BrowserMissing(RuntimeError):
    """No Chromium on this machine."""


class BrowserError(RuntimeError):
    """The browser did not answer in time, failed a command, or died."""


def find_chromium():
    """The Chromium executable: MSOUT_CHROMIUM if set, else Debian's binary behind the
    /usr/bin/chromium launcher (the launcher adds flags of its own: remote extensions and
    pinging settings), else `chromium` on the PATH. None if there is none."""
    candidates = [os.environ.get("MSOUT_CHROMIUM"), "/usr/lib/chromium/chromium",
                  shutil.which("chromium"), shutil.which("chromium-browser")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


# Flags: headless, no sandbox as root, a fresh profile, and nothing that talks to the network
# on its own (component and extension updates, safe browsing, metrics, translation, sync,
# variations), so that the only requests are the page's.
QUIET_FLAGS = [
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-component-extensions-with-background-pages",
    "--disable-default-apps",
    "--disable-extensions",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--disable-dev-shm-usage",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "AutofillServerCommunication,CertificateTransparencyComponentUpdater,"
    "InterestFeedContentSuggestions,CalculateNativeWinOcclusion",
    "--disable-popup-blocking",
    "--disable-prompt-on-repost",
    "--metrics-recording-only",
    "--no-pings",
    "--safebrowsing-disable-auto-update",
    "--password-store=basic",
    "--use-mock-keychain",
    "--hide-scrollbars",
    "--mute-audio",
    "--force-color-profile=srgb",
    "--font-render-hinting=none",
    "--remote-debugging-pipe",
]


class Browser:
    """One headless Chromium. Use as a context manager, or call close()."""

    def __init__(self, executable=None, timeout_s=30.0, extra_flags=()):
        self.executable = executable or find_chromium()
        if not self.executable:
            raise BrowserMissing("chromium not found (looked for MSOUT_CHROMIUM, "
                                 f"/usr/lib/chromium/chromium, chromium on PATH): {SETUP_HINT}")
        self.timeout_s = timeout_s
        self.profile = tempfile.mkdtemp(prefix="msout-chromium-")
        self.log_path = os.path.join(self.profile, "chromium-stderr.log")
        self._next_id = 0
        self._buffer = b""
        self._events = []  # (session id, method, params) not yet taken
        self.process = None
        to_browser_read, to_browser_write = os.pipe()
        from_browser_read, from_browser_write = os.pipe()
        flags = list(QUIET_FLAGS) + list(extra_flags) + [f"--user-data-dir={self.profile}"]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox

        def put_pipes_on_3_and_4():
            # In the child, before exec: the browser reads fd 3 and writes fd 4. dup2 leaves
            # the copies inheritable; every other descriptor of this process is close-on-exec.
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)
            # Should this test die without closing (CTest's timeout kills it), the browser
            # gets SIGKILL (its helpers end with it: they watch their pipe to it).
            try:
                ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            except (OSError, AttributeError):
                pass

        log = open(self.log_path, "wb")
        try:
            self.process = subprocess.Popen(
                [self.executable, *flags, "about:blank"], stdin=subprocess.DEVNULL,
                stdout=log, stderr=log, close_fds=False, preexec_fn=put_pipes_on_3_and_4,
                start_new_session=True)
        except BaseException:
            log.close()
            for fd in (to_browser_read, to_browser_write, from_browser_read,
                       from_browser_write):
                os.close(fd)
            shutil.rmtree(self.profile, ignore_errors=True)
            raise
        log.close()
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._write_fd = to_browser_write
        self._read_fd = from_browser_read
        try:
            self.version = self.send("Browser.getVersion")
        except BaseException:
            self.close()
            raise

    # Lifetime -------------------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        """Kills the browser and every process it started (its process group), removes the
        temporary profile. Safe to call twice."""
        if self.process is not None:
            try:
                os.killpg(self.process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            # Its children (zygote, renderers, GPU and network services) die with the group
            # but are reaped by init a moment later: wait, boundedly, until none is left.
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    break
                time.sleep(0.05)
            self.process = None
        for name in ("_write_fd", "_read_fd"):
            fd = getattr(self, name, None)
            if fd is not None:
                try:
                    os.close(fd)
                except OSError:
                    pass
                setattr(self, name, None)
        if self.profile:
            shutil.rmtree(self.profile, ignore_errors=True)
            self.profile = None

    def stderr_tail(self, lines=20):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return ""

    # Protocol -----------------------------------------------------------------------------

    def _write(self, message):
        data = json.dumps(message).encode() + b"\0"
        deadline = time.monotonic() + self.timeout_s
        while data:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError("timed out writing to the browser")
            _, writable, _ = select.select([], [self._write_fd], [], left)
            if writable:
                try:
                    data = data[os.write(self._write_fd, data):]
                except BrokenPipeError:
                    raise BrowserError("the browser closed its pipe\n" + self.stderr_tail())

    def _read_message(self, deadline):
        """The next message from the browser, or None when `deadline` passes."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            readable, _, _ = select.select([self._read_fd], [], [], left)
            if not readable:
                return None
            chunk = os.read(self._read_fd, 1 << 20)
            if not chunk:
                raise BrowserError("the browser exited (exit status "
                                   f"{self.process.poll() if self.process else '?'})\n"
                                   + self.stderr_tail())
            self._buffer += chunk
        text, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(text)

    def send(self, method, params=None, session=None, timeout_s=None):
        """Sends one command and returns its result; events that arrive meanwhile are kept
        for wait_event()/take_events(). BrowserError on an error reply or a timeout."""
        self._next_id += 1
        message_id = self._next_id
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self._write(message)
        deadline = time.monotonic() + (timeout_s or self.timeout_s)
        while True:
            reply = self._read_message(deadline)
            if reply is None:
                raise BrowserError(f"no reply to {method} within "
                                   f"{timeout_s or self.timeout_s:.0f}s")
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append((reply.get("sessionId"), reply["method"],
                                     reply.get("params", {})))

    def pump(self, seconds):
        """Collects the events that arrive within `seconds`."""
        deadline = time.monotonic() + seconds
        while True:
            message = self._read_message(deadline)
            if message is None:
                return
            if "method" in message:
                self._events.append((message.get("sessionId"), message["method"],
                                     message.get("params", {})))

    def wait_event(self, method, session=None, timeout_s=None):
        """Waits for an event (kept events first); returns its params."""
        deadline = time.monotonic() + (timeout_s or self.timeout_s)
        while True:
            for index, (event_session, event_method, params) in enumerate(self._events):
                if event_method == method and (session is None or event_session == session):
                    del self._events[index]
                    return params
            message = self._read_message(deadline)
            if message is None:
                raise BrowserError(f"no {method} within {timeout_s or self.timeout_s:.0f}s")
            if "method" in message:
                self._events.append((message.get("sessionId"), message["method"],
                                     message.get("params", {})))

    def take_events(self, session):
        """Removes and returns the kept events of one session."""
        mine = [(m, p) for s, m, p in self._events if s == session]
        self._events = [e for e in self._events if e[0] != session]
        return mine

    # Pages --------------------------------------------------------------------------------

    def open(self, path_or_url, width=A4_WIDTH_PX, height=A4_HEIGHT_PX, settle_s=0.5):
        """Opens a page in a new tab and waits for its load event (and `settle_s` more for
        late console messages and requests). Returns a Page."""
        if "://" in path_or_url:
            url = path_or_url
        else:
            url = "file://" + urllib.parse.quote(os.path.abspath(path_or_url))
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, target, session, url)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=session)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1,
                   "mobile": False}, session=session)
        self.take_events(session)  # about:blank's own events
        navigation = self.send("Page.navigate", {"url": url}, session=session)
        if navigation.get("errorText"):
            raise BrowserError(f"cannot open {url}: {navigation['errorText']}")
        self.wait_event("Page.loadEventFired", session=session)
        self.pump(settle_s)
        page.record(self.take_events(session))
        return page


class Page:
    """One open tab: what it requested and logged, and what it shows."""

    def __init__(self, browser, target, session, url):
        self.browser = browser
        self.target = target
        self.session = session
        self.url = url
        self.requests = []           # every URL the page requested (its own included)
        self.network_requests = []   # those that are neither the page nor data:
        self.console_errors = []     # "kind: text" for errors, warnings and exceptions

    def record(self, events):
        for method, params in events:
            if method == "Network.requestWillBeSent":
                request_url = params["request"]["url"]
                self.requests.append(request_url)
                if request_url != self.url and not request_url.startswith("data:"):
                    self.network_requests.append(request_url)
            elif method == "Runtime.consoleAPICalled" and params.get("type") in (
                    "error", "warning", "assert"):
                text = " ".join(str(a.get("value", a.get("description", a.get("type"))))
                                for a in params.get("args", []))
                self.console_errors.append(f"console.{params['type']}: {text}")
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                description = details.get("exception", {}).get("description") or details.get(
                    "text", "")
                self.console_errors.append(f"exception: {description}")
            elif method == "Log.entryAdded":
                entry = params.get("entry", {})
                if entry.get("level") in ("error", "warning"):
                    self.console_errors.append(
                        f"log {entry.get('source')} {entry['level']}: {entry.get('text')}"
                        + (f" ({entry['url']})" if entry.get("url") else ""))

    def refresh(self, seconds=0.2):
        """Collects what happened since (e.g. after evaluate() made the page act)."""
        self.browser.pump(seconds)
        self.record(self.browser.take_events(self.session))

    def evaluate(self, expression, await_promise=False):
        """The value of a JavaScript expression in the page (JSON-able values only)."""
        result = self.browser.send(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                 "awaitPromise": await_promise}, session=self.session)
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise BrowserError("evaluate: " + (details.get("exception", {}).get("description")
                                               or details.get("text", "exception")))
        return result["result"].get("value")

    def screenshot(self, path, max_height=16000):
        """Writes a PNG of the whole page (A4-wide), or of its top `max_height` CSS pixels, to
        `path`; returns (width, height)."""
        metrics = self.browser.send("Page.getLayoutMetrics", session=self.session)
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        width = max(1, int(round(size["width"])))
        height = max(1, min(int(round(size["height"])), max_height))
        shot = self.browser.send(
            "Page.captureScreenshot",
            {"format": "png", "captureBeyondViewport": True,
             "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}},
            session=self.session, timeout_s=max(60, self.browser.timeout_s))
        data = base64.b64decode(shot["data"])
        temporary = path + ".part"
        with open(temporary, "wb") as f:
            f.write(data)
        os.replace(temporary, path)
        return width, height

    def close(self):
        self.browser.send("Target.closeTarget", {"targetId": self.target})


# PNG, decoded in pure Python -----------------------------------------------------------------

def _paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def _unfilter(filter_type, line, previous, bpp):
    """One scanline's bytes without its filter (PNG specification, section 9)."""
    if filter_type == 0:
        return bytearray(line)
    out = bytearray(line)
    n = len(out)
    if filter_type == 1:  # Sub
        for i in range(bpp, n):
            out[i] = (out[i] + out[i - bpp]) & 0xFF
    elif filter_type == 2:  # Up
        out = bytearray((x + y) & 0xFF for x, y in zip(line, previous))
    elif filter_type == 3:  # Average
        for i in range(n):
            left = out[i - bpp] if i >= bpp else 0
            out[i] = (out[i] + ((left + previous[i]) >> 1)) & 0xFF
    elif filter_type == 4:  # Paeth
        for i in range(n):
            if i >= bpp:
                a, c = out[i - bpp], previous[i - bpp]
            else:
                a = c = 0
            out[i] = (out[i] + _paeth(a, previous[i], c)) & 0xFF
    else:
        raise ValueError(f"PNG: unknown filter type {filter_type}")
    return out


def png_summary(path, max_rows=A4_HEIGHT_PX):
    """Reads a PNG (8-bit grey, RGB, grey+alpha or RGBA, not interlaced: what Chromium
    writes) and returns a dict: width, height, rows_checked, colours (distinct colours in the
    first `max_rows` rows), background (the most common of them) and foreground_share (the
    share of those pixels that differ from it). The whole image data is decompressed and its
    length checked; only the first rows are unfiltered (top to bottom, as PNG requires), which
    keeps a tall page quick in pure Python. ValueError for a file that is not such a PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG signature")
    position = 8
    header = None
    compressed = []
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        crc = struct.unpack(">I", data[position + 8 + length:position + 12 + length])[0]
        if zlib.crc32(kind + body) & 0xFFFFFFFF != crc:
            raise ValueError(f"PNG: bad CRC in chunk {kind!r}")
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            compressed.append(body)
        elif kind == b"IEND":
            break
        position += 12 + length
    if header is None:
        raise ValueError("PNG: no IHDR")
    width, height, depth, colour_type, _, _, interlace = header
    channels = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour_type)
    if depth != 8 or channels is None or interlace:
        raise ValueError(f"PNG: unsupported depth {depth} colour type {colour_type} "
                         f"interlace {interlace}")
    raw = zlib.decompress(b"".join(compressed))
    stride = width * channels
    if len(raw) != height * (stride + 1):
        raise ValueError(f"PNG: {len(raw)} bytes of image data, expected "
                         f"{height * (stride + 1)}")
    rows = min(height, max_rows)
    counts = collections.Counter()
    previous = bytearray(stride)
    for y in range(rows):
        start = y * (stride + 1)
        line = _unfilter(raw[start], raw[start + 1:start + 1 + stride], previous, channels)
        row = bytes(line)
        counts.update(row[x:x + channels] for x in range(0, stride, channels))
        previous = line
    total = rows * width
    background, background_count = max(counts.items(), key=lambda kv: kv[1])
    return {"width": width, "height": height, "rows_checked": rows, "colours": len(counts),
            "background": background.hex(), "foreground_share": 1 - background_count / total}


def not_blank(summary, min_colours=16, min_foreground=0.01):
    """Whether a png_summary looks like a rendered page rather than an empty one: several
    distinct colours (text is anti-aliased, charts are coloured) and a fair share of pixels
    that are not the background."""
    return summary["colours"] >= min_colours and summary["foreground_share"] >= min_foreground
