"""The nightly pipeline as functions: crawl -> catalogue -> score -> site.

The CLI (stopwijzer.cli) is a thin wrapper over these, and a researcher or a test can call them
from Python just the same. Every writing step holds the run lock of the database.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from catalogue.curation import Curation, check_app_ids, load_curation, record_audit
from catalogue.linking import slug
from catalogue.load import RunSummary, ingest, load_crawl
from catalogue.store import (connect_readonly, open_for_write, run_lock, working_copy,
                             write_session)
from crawlers import parsers
from crawlers.items import SOURCES
from crawlers.known_apps import known_apps
from publish.build import build_site
from publish.data import site_data
from publish.report import change_report
from scoring import rate
from scoring.rubric import labels as rubric_labels
from scoring.runs import ScoreSummary, score_catalogue
from stopwijzer.operations import RunLog, backup, write_report

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
    # The crawler runs in the repository (where Scrapy finds its project): absolute paths only.
    out_dir, replay, record = (p.resolve() if p else None for p in (out_dir, replay, record))
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


def collect(db_path: Path, sources: list[str], replay: Path | None, echo=print,
            settings: dict[str, str] | None = None) -> tuple[Path, datetime]:
    """Run the spiders; their records and stats land in a new folder under data/crawls."""
    if replay and not (replay / "manifest.jsonl").exists():
        raise FileNotFoundError(f"{replay}: not a snapshot folder (no manifest.jsonl)")
    started = datetime.now(timezone.utc)
    out_dir = crawl_dir_for(db_path, started)
    echo(f"crawling {', '.join(sources)} ({'replay of ' + str(replay) if replay else 'live'})")
    code = run_spiders(out_dir, sources, replay=replay, settings=settings,
                       cache_dir=db_path.parent / "httpcache", echo=echo)
    if code:
        echo(f"  the crawler process exited with code {code}; see {out_dir / 'crawl.log'}")
    return out_dir, started


def load(con, out_dir: Path, started: datetime, sources: list[str], replay: Path | None,
         curation: Curation) -> RunSummary:
    return load_crawl(con, out_dir, sources, mode="replay" if replay else "live",
                      started=started, snapshot=str(replay) if replay else None,
                      editor_links=curation.editor_links())


def score(con, curation: Curation) -> ScoreSummary:
    check_app_ids(curation, con, {slug(app["name"]) for app in known_apps()})
    record_audit(curation, con, datetime.now(timezone.utc).replace(tzinfo=None))
    return score_catalogue(con, curation, rate)


def score_only(db_path: Path) -> ScoreSummary:
    curation = load_curation()
    with write_session(db_path) as con:
        return score(con, curation)


def publish_site(db_file: Path, site_dir: Path, curation: Curation) -> Path:
    """Build the site from a database file; the old site stays until the new one is complete."""
    with connect_readonly(db_file) as con:
        data = site_data(con, curation, rubric_labels())
    return build_site(data, site_dir)


def crawl(db_path: Path, sources: list[str] | None = None, *, replay: Path | None = None,
          settings: dict[str, str] | None = None, echo: Callable[[str], None] = print
          ) -> RunSummary:
    """Crawl (live or replayed) and store the result as one run of the catalogue."""
    sources = list(sources or SOURCES)
    with run_lock(db_path):
        curation = load_curation()
        out_dir, started = collect(db_path, sources, replay, echo, settings)
        with write_session(db_path) as con:
            return load(con, out_dir, started, sources, replay, curation)


@dataclass
class NightlyResult:
    run: RunSummary
    scores: ScoreSummary
    site_index: Path
    report: Path
    log: Path


def nightly(db_path: Path, site_dir: Path, sources: list[str] | None = None, *,
            replay: Path | None = None, settings: dict[str, str] | None = None,
            echo: Callable[[str], None] = print) -> NightlyResult:
    """Crawl, score and build the site as one run: if any step fails or the run is killed,
    the database and the published site both stay as they were."""
    sources = list(sources or SOURCES)
    with run_lock(db_path):
        log = RunLog(db_path, echo)
        curation = load_curation()
        saved = backup(db_path)
        if saved:
            log(f"backup: {saved}")
        out_dir, started = collect(db_path, sources, replay, log, settings)
        with working_copy(db_path) as work:
            with open_for_write(work) as con:
                summary = load(con, out_dir, started, sources, replay, curation)
                log(f"scoring ({summary.line()})")
                scores = score(con, curation)
                log(scores.line())  # expired overrides reach the log as well as the report
                report = change_report(con, summary.run_id, scores.score_run_id, curation)
            log("building the site")
            index = publish_site(work, site_dir, curation)
        report_path = write_report(db_path, report, summary.run_id)
        log(f"done: {summary.line()}; change report: {report_path}")
        return NightlyResult(summary, scores, index, report_path, log.path)


def record(snapshot_dir: Path, sources: list[str] | None = None, *,
           settings: dict[str, str] | None = None, echo: Callable[[str], None] = print) -> int:
    """Crawl live and keep every response in snapshot_dir, for `crawl --replay`."""
    sources = list(sources or SOURCES)
    return run_spiders(snapshot_dir / "crawl", sources, record=snapshot_dir, settings=settings,
                       echo=echo)


def parse_file(source: str, path: Path, url: str) -> parsers.Parsed:
    text = path.read_bytes().decode("utf-8", errors="replace")
    return parsers.parse(source, text, url)


def ingest_file(db_path: Path, source: str, path: Path, url: str) -> RunSummary:
    parsed = parse_file(source, path, url)
    if not parsed.records:
        raise ValueError(f"{source}: {url}: the page holds no app record to store")
    curation = load_curation()
    with write_session(db_path) as con:
        return ingest(con, source, parsed.records, str(path), curation.editor_links())
