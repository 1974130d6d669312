"""Extensions: each spider's stats written next to its items (for the catalogue's health check
and the time per source), and progress events for the parent process while a crawl runs."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

from crawlers.middlewares import RETRY_WAIT_KIND, RETRY_WAIT_UNTIL

# Marks a progress event on the crawler's stdout (see stopwijzer.pipeline.run_spiders).
PROGRESS_PREFIX = "@progress "


class StatsFile:
    def __init__(self, crawler, out_dir: Path):
        self.crawler, self.out_dir = crawler, out_dir

    @classmethod
    def from_crawler(cls, crawler):
        out_dir = crawler.settings.get("STOPWIJZER_OUT_DIR")
        if not out_dir:
            raise NotConfigured
        extension = cls(crawler, Path(out_dir))
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_closed(self, spider, reason):
        stats = dict(self.crawler.stats.get_stats())
        stats["finish_reason"] = reason
        path = self.out_dir / f"{spider.name}.stats.json"
        path.write_text(json.dumps(stats, default=str, indent=1, sort_keys=True), encoding="utf-8")


class ProgressEvents:
    """Tells the parent process how a spider is doing: a JSON line on stdout when it opens,
    every STOPWIJZER_PROGRESS_INTERVAL seconds, and when it closes (stopwijzer.pipeline reads
    them; stdout carries nothing else, the log goes to stderr).

    It also adds up the download delay before each request (DOWNLOAD_DELAY as AutoThrottle set it
    for the site) into the stat `stopwijzer/throttle_wait_seconds`; the time spent waiting for
    retries is added by crawlers.middlewares.BackoffRetryMiddleware."""

    def __init__(self, crawler, interval: float, out=None):
        self.crawler, self.interval, self.out = crawler, interval, out or sys.stdout
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        interval = crawler.settings.getfloat("STOPWIJZER_PROGRESS_INTERVAL")
        if not interval:
            raise NotConfigured
        extension = cls(crawler, interval)
        for handler, signal in ((extension.spider_opened, signals.spider_opened),
                                (extension.spider_closed, signals.spider_closed),
                                (extension.request_reached, signals.request_reached_downloader)):
            crawler.signals.connect(handler, signal=signal)
        return extension

    def spider_opened(self, spider):
        self.emit(spider, "start")
        self.task = create_looping_call(self.emit, spider, "progress")
        self.task.start(self.interval, now=False)

    def spider_closed(self, spider, reason):
        if self.task and self.task.running:
            self.task.stop()
        self.emit(spider, "finish", reason=reason)

    def request_reached(self, request, spider):
        stats = self.crawler.stats
        if stats.get_value("stopwijzer/requests_sent"):  # nothing waits before the first one
            slot = self.crawler.engine.downloader.slots.get(request.meta.get("download_slot"))
            if slot is not None and slot.delay:
                stats.inc_value("stopwijzer/throttle_wait_seconds", slot.delay, start=0.0)
        stats.inc_value("stopwijzer/requests_sent")

    def current_wait(self) -> tuple[float, str | None]:
        """The wait the crawl is in now: a retry's (Retry-After or backoff), else the throttle's."""
        stats = self.crawler.stats
        retry_wait = (stats.get_value(RETRY_WAIT_UNTIL) or 0) - time.monotonic()
        if retry_wait > 0:
            return retry_wait, stats.get_value(RETRY_WAIT_KIND)
        slots = self.crawler.engine.downloader.slots.values()
        delay = max((slot.delay for slot in slots), default=0.0)
        return delay, "throttle" if delay else None

    def emit(self, spider, event: str, **extra) -> None:
        stats = self.crawler.stats
        wait, wait_kind = self.current_wait() if event == "progress" else (0.0, None)
        message = {
            "event": event, "source": spider.name,
            "pages": stats.get_value("response_received_count", 0),
            "cap": self.crawler.settings.getint("CLOSESPIDER_PAGECOUNT") or None,
            "records": stats.get_value("item_scraped_count", 0),
            "errors": stats.get_value("log_count/ERROR", 0),
            "retries": stats.get_value("retry/count", 0),
            "bytes": stats.get_value("downloader/response_bytes", 0),
            "wait": round(wait, 1), "wait_kind": wait_kind, **extra}
        self.out.write(PROGRESS_PREFIX + json.dumps(message) + "\n")
        self.out.flush()
