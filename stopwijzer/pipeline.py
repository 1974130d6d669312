"""The nightly pipeline as functions: crawl -> catalogue -> score -> site.

The CLI (stopwijzer.cli) is a thin wrapper over these, and a researcher or a test can call them
from Python just the same. Every writing step holds the run lock of the database.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from catalogue.load import RunSummary, ingest, load_crawl
from catalogue.store import run_lock, write_session
from crawlers import parsers
from crawlers.items import SOURCES

ROOT = Path(__file__).resolve().parent.parent
DEMO_SNAPSHOT = ROOT / "snapshots" / "demo"
DEFAULT_DB = Path("data") / "stopwijzer.duckdb"
DEFAULT_SITE = Path("build") / "site"

# Scrapy log lines worth showing while a crawl runs; the full log goes to crawl.log.
PROGRESS_MARKERS = ("logstats", "Spider closed", "ERROR")


def crawl_dir_for(db_path: Path, started: datetime) -> Path:
    return db_path.parent / "crawls" / started.strftime("%Y%m%dT%H%M%S%fZ")


def run_spiders(out_dir: Path, sources: list[str], *, replay: Path | None = None,
                record: Path | None = None, settings: dict[str, str] | None = None,
                cache_dir: Path | None = None, echo: Callable[[str], None] = print) -> int:
    """Run the spiders in their own process, writing records and stats into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "crawlers.run", str(out_dir)]
    for source in sources:
        command += ["--source", source]
    if replay:
        command += ["--replay", str(replay)]
    if record:
        command += ["--record", str(record)]
    overrides = {"LOG_FORMAT": "%(name)s %(levelname)s: %(message)s", **(settings or {})}
    if cache_dir:
        overrides["HTTPCACHE_DIR"] = str(cache_dir.resolve())
    for name, value in overrides.items():
        command += ["--set", f"{name}={value}"]
    with (out_dir / "crawl.log").open("w", encoding="utf-8") as log, subprocess.Popen(
            command, stderr=subprocess.PIPE, stdout=log, text=True, cwd=ROOT) as process:
        for line in process.stderr:
            log.write(line)
            if any(marker in line for marker in PROGRESS_MARKERS):
                echo("  " + line.rstrip()[:200])
    return process.returncode


def crawl(db_path: Path, sources: list[str] | None = None, *, replay: Path | None = None,
          settings: dict[str, str] | None = None, editor_links: dict | None = None,
          echo: Callable[[str], None] = print) -> RunSummary:
    """Crawl (live or replayed) and load the result as one run of the catalogue."""
    sources = list(sources or SOURCES)
    if replay and not (replay / "manifest.jsonl").exists():
        raise FileNotFoundError(f"{replay}: not a snapshot folder (no manifest.jsonl)")
    with run_lock(db_path):
        started = datetime.now(timezone.utc)
        out_dir = crawl_dir_for(db_path, started)
        echo(f"crawling {', '.join(sources)} ({'replay of ' + str(replay) if replay else 'live'})")
        code = run_spiders(out_dir, sources, replay=replay, settings=settings,
                           cache_dir=db_path.parent / "httpcache", echo=echo)
        if code:
            echo(f"  the crawler process exited with code {code}; see {out_dir / 'crawl.log'}")
        with write_session(db_path) as con:
            return load_crawl(con, out_dir, sources, mode="replay" if replay else "live",
                              started=started, snapshot=str(replay) if replay else None,
                              editor_links=editor_links)


def record(snapshot_dir: Path, sources: list[str] | None = None,
           echo: Callable[[str], None] = print) -> int:
    """Crawl live and keep every response in snapshot_dir, for `crawl --replay`."""
    sources = list(sources or SOURCES)
    return run_spiders(snapshot_dir / "crawl", sources, record=snapshot_dir, echo=echo)


def parse_file(source: str, path: Path, url: str) -> parsers.Parsed:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return parsers.parse(source, text, url)


def ingest_file(db_path: Path, source: str, path: Path, url: str,
                editor_links: dict | None = None) -> RunSummary:
    parsed = parse_file(source, path, url)
    if not parsed.records:
        raise ValueError(f"{source}: {url}: the page holds no app record to store")
    with write_session(db_path) as con:
        return ingest(con, source, parsed.records, str(path), editor_links)
