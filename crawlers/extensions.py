"""Writes each spider's stats next to its items, for the catalogue's health check."""

from __future__ import annotations

import json
from pathlib import Path

from scrapy import signals
from scrapy.exceptions import NotConfigured


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
