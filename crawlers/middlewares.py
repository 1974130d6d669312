"""Downloader middlewares: polite retries, and recording/replaying whole crawls.

A snapshot folder holds `manifest.jsonl` (one line per response: url, method, status, headers,
recorded_at, body) and the bodies beside it. Replay serves a crawl from it with no network, through
the same spiders and requests as a live run; record writes one while crawling live.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.responsetypes import responsetypes
from w3lib.url import canonicalize_url

from crawlers.errors import InputError

logger = logging.getLogger(__name__)

MANIFEST = "manifest.jsonl"
# Stats that tell crawlers.extensions.ProgressEvents about a retry's wait while it lasts.
RETRY_WAIT_UNTIL, RETRY_WAIT_KIND = "stopwijzer/retry_wait_until", "stopwijzer/retry_wait_kind"


def snapshot_key(method: str, url: str) -> str:
    return f"{method.upper()} {canonicalize_url(url)}"


def report_problem(crawler, problem: str) -> None:
    """Problems end up in the crawl's stats file, which decides the source's health."""
    crawler.stats.inc_value("stopwijzer/problems")
    problems = crawler.stats.get_value("stopwijzer/problem_list") or []
    if len(problems) < 50:
        crawler.stats.set_value("stopwijzer/problem_list", [*problems, problem])
    logger.error(problem)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, but waiting before each one: Retry-After when the site sends it,
    otherwise exponential backoff, capped."""

    async def process_response(self, request, response):
        result = super().process_response(request, response)
        if isinstance(result, Response):
            return result
        await self._wait(*self._wait_seconds(request, response))
        return result

    async def process_exception(self, request, exception):
        result = super().process_exception(request, exception)
        if result is not None:
            await self._wait(*self._wait_seconds(request, None))
        return result

    async def _wait(self, seconds: float, kind: str) -> None:
        """Sleep, and let the progress display and the stats file know about it."""
        stats = self.crawler.stats
        until = time.monotonic() + seconds
        if until > (stats.get_value(RETRY_WAIT_UNTIL) or 0):
            stats.set_value(RETRY_WAIT_UNTIL, until)
            stats.set_value(RETRY_WAIT_KIND, kind)
        stats.inc_value("stopwijzer/retry_wait_seconds", seconds, start=0.0)
        await asyncio.sleep(seconds)

    def _wait_seconds(self, request, response) -> tuple[float, str]:
        settings = self.crawler.settings
        cap = settings.getfloat("RETRY_BACKOFF_MAX")
        retry_after = response.headers.get(b"Retry-After") if response is not None else None
        if retry_after and retry_after.strip().isdigit():
            return min(float(retry_after), cap), "Retry-After"
        attempt = request.meta.get("retry_times", 0)
        return min(settings.getfloat("RETRY_BACKOFF_BASE") * 2**attempt, cap), "backoff"


class ReplayMiddleware:
    """Answers every request from a recorded snapshot (setting STOPWIJZER_REPLAY_DIR)."""

    def __init__(self, crawler, folder: Path):
        self.crawler, self.folder = crawler, folder
        self.entries = {}
        with (folder / MANIFEST).open(encoding="utf-8") as f:
            for line_no, line in enumerate(f, 1):
                if line.strip():
                    try:
                        entry = json.loads(line)
                        self.entries[snapshot_key(entry["method"], entry["url"])] = entry
                    except (ValueError, KeyError) as error:
                        raise InputError(f"{folder / MANIFEST}: line {line_no}: {error}") from error

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("STOPWIJZER_REPLAY_DIR")
        if not folder:
            raise NotConfigured
        return cls(crawler, Path(folder))

    def process_request(self, request):
        entry = self.entries.get(snapshot_key(request.method, request.url))
        if entry is None:
            raise IgnoreRequest(f"no recorded response for {request.method} {request.url} "
                                f"in snapshot {self.folder}")
        body_path = (self.folder / entry["body"]).resolve()
        if not body_path.is_relative_to(self.folder.resolve()):
            raise IgnoreRequest(f"snapshot body outside its folder: {entry['body']}")
        headers = entry.get("headers") or {}
        cls = responsetypes.from_args(headers=headers, url=request.url)
        if not issubclass(cls, TextResponse):
            cls = HtmlResponse if "html" in str(headers).lower() else TextResponse
        return cls(url=entry["url"], status=int(entry["status"]), headers=headers,
                   body=body_path.read_bytes(), request=request)


class RecordMiddleware:
    """Writes every response into a snapshot folder (setting STOPWIJZER_RECORD_DIR)."""

    def __init__(self, folder: Path):
        self.folder = folder
        (folder / "bodies").mkdir(parents=True, exist_ok=True)

    @classmethod
    def from_crawler(cls, crawler):
        folder = crawler.settings.get("STOPWIJZER_RECORD_DIR")
        if not folder:
            raise NotConfigured
        return cls(Path(folder))

    def process_response(self, request, response):
        url = request.meta.get("mirrored_from", request.url)
        if urlsplit(url).path == "/robots.txt":  # replay does not ask for robots.txt
            return response
        # Bodies are named by their request, not by the untrusted URL text.
        name = hashlib.sha256(snapshot_key(request.method, url).encode()).hexdigest()[:24]
        body = f"bodies/{name}"
        (self.folder / body).write_bytes(response.body)
        headers = {k.decode(): v[0].decode("latin-1") for k, v in response.headers.items()
                   if k.lower() not in (b"content-encoding", b"set-cookie", b"content-length")}
        entry = {"url": url, "method": request.method, "status": response.status,
                 "headers": headers, "recorded_at": datetime.now(timezone.utc).isoformat(),
                 "body": body}
        with (self.folder / MANIFEST).open("a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
        return response


class MirrorMiddleware:
    """Sends every request to a mirror of the sites (setting STOPWIJZER_MIRROR, e.g. the loopback
    server of the fault tests, or a staging copy): https://host/path?q -> MIRROR/host/path?q.
    Responses keep the original URL, so parsers, stats and snapshots see the real site."""

    def __init__(self, mirror: str):
        self.mirror = mirror.rstrip("/")
        self.mirror_host = urlsplit(mirror).netloc

    @classmethod
    def from_crawler(cls, crawler):
        mirror = crawler.settings.get("STOPWIJZER_MIRROR")
        if not mirror:
            raise NotConfigured
        return cls(mirror)

    def process_request(self, request):
        parts = urlsplit(request.url)
        if "mirrored_from" in request.meta or parts.netloc == self.mirror_host:
            return None
        url = f"{self.mirror}/{parts.netloc}{parts.path}" + (f"?{parts.query}" if parts.query else "")
        return request.replace(url=url, dont_filter=True, meta={
            **request.meta, "mirrored_from": request.url, "allow_offsite": True})

    def process_response(self, request, response):
        original = request.meta.get("mirrored_from")
        return response.replace(url=original) if original else response
