"""Run the spiders once: live, replaying a snapshot, or recording one.

    python -m crawlers.run OUT_DIR [--source NAME ...] [--replay DIR | --record DIR]

Writes `<source>.jsonl` (records, via Scrapy's feed exports) and `<source>.stats.json` per source
into OUT_DIR. The catalogue loads that folder; the crawler never touches the database. It runs
in its own process because Twisted's reactor cannot be restarted within one process.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from scrapy.crawler import AsyncCrawlerProcess
from scrapy.settings import Settings

from crawlers.items import SOURCES

# Replaying is reading local files: no robots.txt, cache, throttling or waiting.
REPLAY_SETTINGS = {
    "ROBOTSTXT_OBEY": False, "HTTPCACHE_ENABLED": False, "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "RETRY_BACKOFF_BASE": 0,
    "LOGSTATS_INTERVAL": 0,
}
RECORD_SETTINGS = {"HTTPCACHE_ENABLED": False}


def crawl_settings(out_dir: Path, replay: Path | None, record: Path | None,
                   overrides: dict[str, str]) -> dict:
    settings = Settings()
    settings.setmodule("crawlers.settings", priority="project")
    settings.set("STOPWIJZER_OUT_DIR", str(out_dir))
    settings.set("FEEDS", {str(out_dir / "%(name)s.jsonl"): {"format": "jsonlines",
                                                             "encoding": "utf-8"}})
    if replay:
        settings.setdict(REPLAY_SETTINGS)
        settings.set("STOPWIJZER_REPLAY_DIR", str(replay))
    if record:
        settings.setdict(RECORD_SETTINGS)
        settings.set("STOPWIJZER_RECORD_DIR", str(record))
    settings.setdict(overrides)
    return settings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--source", action="append", choices=SOURCES)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--replay", type=Path)
    mode.add_argument("--record", type=Path)
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting (tests use this)")
    args = parser.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    overrides = dict(item.split("=", 1) for item in args.set)
    process = AsyncCrawlerProcess(crawl_settings(args.out_dir, args.replay, args.record,
                                                 overrides))
    for source in args.source or SOURCES:
        process.crawl(source)
    process.start()


if __name__ == "__main__":
    main()
