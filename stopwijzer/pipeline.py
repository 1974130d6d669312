"""The nightly pipeline as functions: crawl -> catalogue -> score -> site.

The CLI (stopwijzer.cli) is a thin wrapper over these, and a researcher or a test can call them
from Python just the same. Every writing step holds the run lock of the database.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
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
from crawlers.errors import InputError, ParseError
from crawlers.extensions import PROGRESS_PREFIX
from crawlers.items import SOURCES
from crawlers.known_apps import known_apps
from publish.build import build_site, prepare_site, publish, site_lock
from publish.data import site_data
from publish.report import change_report
from scoring import rate
from scoring.rubric import labels as rubric_labels
from scoring.runs import ScoreSummary, score_catalogue
from stopwijzer.operations import RunLog, backup, write_report
from stopwijzer.progress import Progress

ROOT = Path(__file__).resolve().parent.parent
DEMO_SNAPSHOT = ROOT / "snapshots" / "demo"
DEFAULT_DB = Path("data") / "stopwijzer.duckdb"
DEFAULT_SITE = Path("build") / "site"

# How a spider's finish reason reads in its last progress line.
FINISH_OUTCOMES = {"finished": "finished", "closespider_pagecount": "stopped at the page cap",
                   "shutdown": "interrupted"}


def crawl_dir_for(db_path: Path, started: datetime) -> Path:
    return db_path.parent / "crawls" / started.strftime("%Y%m%dT%H%M%S%fZ")


def verbose() -> bool:
    """`stopwijzer --verbose` (or STOPWIJZER_VERBOSE=1): show Scrapy's own log as well."""
    return os.environ.get("STOPWIJZER_VERBOSE", "") not in ("", "0")


def show_progress(progress: Progress, line: str) -> bool:
    """Pass one progress event of the crawler process on; False when the line is none."""
    if not line.startswith(PROGRESS_PREFIX):
        return False
    try:
        event = json.loads(line[len(PROGRESS_PREFIX):])
        kind, source = event.pop("event"), event.pop("source")
    except (ValueError, KeyError, AttributeError):
        return False
    if kind == "start":
        progress.start(source, cap=event.get("cap"))
    elif kind == "finish":
        reason = event.pop("reason", None)
        progress.finish(source, FINISH_OUTCOMES.get(reason, f"closed ({reason})"), **event)
    else:
        progress.update(source, **event)
    return True


def copy_log(stream, log, lock: threading.Lock, echo: Callable[[str], None] | None) -> None:
    for line in stream:
        with lock:
            log.write(line)
        if echo:
            echo("  " + line.rstrip())


def run_spiders(out_dir: Path, sources: list[str], *, replay: Path | None = None,
                record: Path | None = None, settings: dict[str, str] | None = None,
                cache_dir: Path | None = None, echo: Callable[[str], None] = print) -> int:
    """Run the spiders in their own process, writing records and stats into out_dir.

    The editor sees a progress line per source (stopwijzer.progress); Scrapy's log goes to
    out_dir/crawl.log, and to echo as well only when verbose()."""
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
    overrides = dict(settings or {})
    if cache_dir:
        overrides["HTTPCACHE_DIR"] = str(cache_dir.resolve())
    for name, value in overrides.items():
        command += ["--set", f"{name}={value}"]
    lock = threading.Lock()
    with (out_dir / "crawl.log").open("w", encoding="utf-8") as log, subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            encoding="utf-8", errors="replace", cwd=ROOT) as process, Progress(echo) as progress:
        # Two pipes, one reader each: a full stderr pipe would stall the crawler.
        log_copier = threading.Thread(target=copy_log, daemon=True, args=(
            process.stderr, log, lock, progress.say if verbose() else None))
        log_copier.start()
        for line in process.stdout:
            if not show_progress(progress, line):
                with lock:
                    log.write(line)
        log_copier.join()
        process.wait()
        progress.finish_running(f"broke off (crawler exit code {process.returncode})")
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


def stage_progress(echo: Callable[[str], None] | None) -> Progress:
    """Progress of a stage without pages (scoring, the site build); silent without echo."""
    return Progress(echo) if echo else Progress(lambda line: None, live=False, interval=0)


def known_app_ids() -> set[str]:
    return {slug(app["name"]) for app in known_apps()}


def check_curation(db_path: Path, curation: Curation) -> None:
    """The apps the curation file names exist: checked before a run backs up or crawls, so a
    mistake in the file stops it at once (and again after the crawl, in `score`)."""
    if db_path.exists():
        with connect_readonly(db_path) as con:
            check_app_ids(curation, con, known_app_ids())


def score(con, curation: Curation, echo: Callable[[str], None] | None = None) -> ScoreSummary:
    check_app_ids(curation, con, known_app_ids())
    record_audit(curation, con, datetime.now(timezone.utc).replace(tzinfo=None))
    with stage_progress(echo) as progress:
        progress.start("scoring")
        summary = score_catalogue(con, curation, rate)
        progress.finish("scoring", apps=summary.apps, note=f"{summary.changed} ratings changed")
    return summary


def score_only(db_path: Path, echo: Callable[[str], None] | None = None) -> ScoreSummary:
    curation = load_curation()
    with write_session(db_path) as con:
        return score(con, curation, echo)


def site_data_of(db_file: Path, curation: Curation) -> dict:
    with connect_readonly(db_file) as con:
        return site_data(con, curation, rubric_labels())


def built_site(data: dict, site_dir: Path, echo: Callable[[str], None] | None,
               build=build_site):
    """Build the site with progress lines; `build` is build_site (built and published) or
    prepare_site (built beside the published one, for nightly to publish after the database)."""
    with stage_progress(echo) as progress:  # the build is what takes time
        progress.start("site")
        result = build(data, site_dir)
        progress.finish("site", apps=len(data["apps"]))
    return result


def publish_site(db_file: Path, site_dir: Path, curation: Curation,
                 echo: Callable[[str], None] | None = None) -> Path:
    """Build the site from a database file; the old site stays until the new one is complete."""
    return built_site(site_data_of(db_file, curation), site_dir, echo)


# What a run keeps beside the database (backups, crawl folders, logs, change reports, cache).
DATA_FOLDERS = ("backups", "crawls", "logs", "reports", "httpcache")


def check_site_dir(db_path: Path, site_dir: Path) -> None:
    """The site folder is swapped and cleaned on every run: it must not be, hold or lie inside
    the database folder or what a run keeps there."""
    data, site = Path(os.path.realpath(db_path)).parent, Path(os.path.realpath(site_dir))
    if site == data or data.is_relative_to(site) or any(
            site.is_relative_to(data / name) for name in DATA_FOLDERS):
        raise InputError(f"{site_dir}: the site folder must be outside the database folder "
                         f"{data} and its {', '.join(DATA_FOLDERS)}; choose another --site")


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
    """Crawl, score and build the site as one run: if any step fails or the run is killed
    before the new database is in place, the database and the published site both stay as
    they were (see README, "Safety of a run")."""
    sources = list(sources or SOURCES)
    check_site_dir(db_path, site_dir)
    with run_lock(db_path), site_lock(site_dir):
        log = RunLog(db_path, echo)
        curation = load_curation()
        check_curation(db_path, curation)
        saved = backup(db_path)
        if saved:
            log(f"backup: {saved}")
        out_dir, started = collect(db_path, sources, replay, log, settings)
        # The database is swapped in first and the site right after it: a kill in between
        # leaves the new database with yesterday's site, which the next run (or `stopwijzer
        # site`) rebuilds, never a site showing what the database does not hold.
        with working_copy(db_path) as work:
            with open_for_write(work) as con:
                summary = load(con, out_dir, started, sources, replay, curation)
                log(f"scoring ({summary.line()})")
                scores = score(con, curation, log)
                log(scores.line())  # expired overrides reach the log as well as the report
                report = change_report(con, summary.run_id, scores.score_run_id, curation)
            log("building the site")
            built = built_site(site_data_of(work, curation), site_dir, log, prepare_site)
        # A kill before the next line leaves `built` behind, which the next build removes.
        publish(built, site_dir)
        index = site_dir / "index.html"
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
    """Parse a saved page. Bytes that are not UTF-8 become U+FFFD, which ingest refuses."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    try:
        return parsers.parse(source, text, url)
    except (RecursionError, ArithmeticError, TypeError, AttributeError) as error:
        # What a hostile page makes a parser choke on (deep nesting, Infinity, odd types): the
        # page is refused as the crawler refuses it, in one line that names the exception.
        raise ParseError(source, url, "page", f"cannot be read ({type(error).__name__}: "
                                              f"{str(error)[:120]})") from error


def ingest_file(db_path: Path, source: str, path: Path, url: str) -> RunSummary:
    parsed = parse_file(source, path, url)
    if not parsed.records:
        raise InputError(f"{source}: {url}: the page holds no app record to store")
    curation = load_curation()
    with write_session(db_path) as con:
        return ingest(con, source, parsed.records, str(path), curation.editor_links())
