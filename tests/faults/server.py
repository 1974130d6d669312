"""A loopback HTTP server that plays the demo snapshot as the real sites, with faults per source.

The crawler reaches it through `STOPWIJZER_MIRROR`: https://host/path?q is asked as
http://127.0.0.1:PORT/host/path?q and answered from the snapshot, unless that source has a fault.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from crawlers.middlewares import snapshot_key

HOSTS = {"play.google.com": "googleplay", "itunes.apple.com": "appstore",
         "ggdappstore.nl": "ggdappstore", "ikstopnu.nl": "ikstopnu",
         "loketgezondleven.nl": "loketgezondleven"}
HUGE = 20 * 1024 * 1024


def source_of(host: str) -> str | None:
    return next((source for domain, source in HOSTS.items()
                 if host == domain or host.endswith("." + domain)), None)


def changed_layout(body: bytes) -> bytes:
    """What a redesign does to our selectors: other class names, other script blocks, and for
    the parsers that read no classes, other labels and links (intervention pages moved, store
    and programme links behind a redirect)."""
    return (body.replace(b'class="', b'class="v2-').replace(b"AF_initDataCallback", b"AF_dataV2")
            .replace(b'"results"', b'"items"').replace(b"application/ld+json", b"text/plain")
            .replace(b"/interventies-zoeken/", b"/interventie/")
            .replace(b'href="https://', b'href="/uit?naar=https://'))


class FaultyMirror:
    """`faults` maps a source to one of: http500, http429, retry_once (one 429 with Retry-After,
    then the page), timeout, reset, truncated, empty, layout, redirect_loop, huge, encoding."""

    def __init__(self, snapshot: Path, faults: dict[str, str] | None = None):
        self.snapshot, self.faults = snapshot, dict(faults or {})
        self.entries = {}
        for line in (snapshot / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                self.entries[snapshot_key(entry["method"], entry["url"])] = entry
        self.requests: list[str] = []
        self.answered_429: set[str] = set()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        mirror = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                mirror.answer(self)

        return Handler

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        host, _, rest = handler.path.lstrip("/").partition("/")
        original = f"https://{host}/{rest}"
        self.requests.append(original)
        source = source_of(host)
        entry = self.entries.get(snapshot_key("GET", original))
        if source is None or entry is None:
            return self._send(handler, 404, b"not found", "text/plain")
        body = (self.snapshot / entry["body"]).read_bytes()
        content_type = entry["headers"].get("Content-Type", "text/html; charset=utf-8")
        fault = self.faults.get(source)
        if fault == "http500":
            return self._send(handler, 500, b"<h1>Internal Server Error</h1>", "text/html")
        if fault == "http429" or (fault == "retry_once" and original not in self.answered_429):
            self.answered_429.add(original)
            return self._send(handler, 429, b"Too Many Requests", "text/plain",
                              {"Retry-After": "1"})
        if fault == "timeout":
            time.sleep(8)  # well past the crawler's DOWNLOAD_TIMEOUT
            return self._send(handler, 200, body, content_type)
        if fault == "reset":
            handler.connection.shutdown(2)  # close without an answer
            return None
        if fault == "truncated":
            return self._send(handler, 200, body[: len(body) // 3], content_type)
        if fault == "empty":
            body = (b'{"resultCount": 0, "results": []}' if b'"results"' in body
                    else b"<html><body><main></main></body></html>")
        if fault == "layout":
            body = changed_layout(body)
        if fault == "redirect_loop":
            return self._send(handler, 302, b"", "text/html", {"Location": handler.path})
        if fault == "huge":
            body = body + b" " * HUGE
        if fault == "encoding":
            body = body.decode("utf-8").encode("cp1252", errors="replace")
        return self._send(handler, 200, body, content_type)

    @staticmethod
    def _send(handler, status: int, body: bytes, content_type: str,
              headers: dict[str, str] | None = None) -> None:
        try:
            handler.send_response(status)
            handler.send_header("Content-Type", content_type)
            handler.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                handler.send_header(name, value)
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the crawler gave up on this answer (timeout, size cap)
