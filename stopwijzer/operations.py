"""What makes `stopwijzer nightly` safe to run from cron: backups and restoring one, a log per
run, the change report, retention of old logs and crawl folders, and `stopwijzer status` for a
quick look at the health of the last runs."""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from catalogue.curation import Curation
from catalogue.linking import open_suggestions
from catalogue.sql import queries
from catalogue.store import CatalogueError, run_lock
from catalogue.timing import bytes_text, duration_text, source_timings
from publish.data import off_topic_apps, review_states

SQL = queries(Path(__file__).with_name("operations.sql"))
BACKUPS_KEPT = 7
# Crawl folders and run logs older than this are removed after a nightly; the newest
# RETENTION_KEPT of each always stay. The catalogue keeps everything they recorded.
RETENTION_DAYS = 30
RETENTION_KEPT = 7


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def backup(db_path: Path, keep: int = BACKUPS_KEPT) -> Path | None:
    """Copy the database before a run; keep the newest `keep` good copies.

    A database that does not open is never backed up (it would push good copies out), a copy
    appears under its final name only once it is complete and opens, and a file in the folder
    that does not open (a copy killed halfway by an older version) never counts as one of the
    `keep`, so the last good copies are never rotated out by bad ones."""
    if not db_path.exists():
        return None
    check_database(db_path)
    folder = db_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    for leftover in folder.glob(".*.partial"):  # copies killed halfway
        leftover.unlink()
    target = folder / f"{db_path.stem}-{stamp()}{db_path.suffix}"
    partial = folder / f".{target.name}.partial"
    shutil.copyfile(db_path, partial)
    with partial.open("rb") as f:
        os.fsync(f.fileno())
    if partial.stat().st_size != db_path.stat().st_size:
        partial.unlink()
        raise CatalogueError(f"{partial}: the backup copy is incomplete; disk full?")
    check_database(partial)
    os.replace(partial, target)
    good = [p for p in sorted(folder.glob(f"{db_path.stem}-*{db_path.suffix}"))
            if p == target or opens(p)]
    for old in good[:-keep]:
        old.unlink()
    return target


def check_database(path: Path) -> None:
    if not opens(path, read_all=True):
        raise CatalogueError(f"{path}: not a readable Stopwijzer database; not backed up, "
                             "and the backups in data/backups are kept as they are")


def opens(path: Path, read_all: bool = False) -> bool:
    """The file opens as a catalogue; with read_all, its observations are read to the end."""
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            con.execute(SQL["last_run_id"]).fetchall()
            if read_all:
                con.execute(SQL["observations_read_through"]).fetchall()
    except duckdb.Error:
        return False
    return True


class RunLog:
    """Progress lines go to the terminal and to data/logs/nightly-<time>.log."""

    def __init__(self, db_path: Path, echo):
        folder = db_path.parent / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"nightly-{stamp()}.log"
        self.echo = echo

    def __call__(self, message: str) -> None:
        with self.path.open("a", encoding="utf-8") as f:
            f.write(f"{datetime.now(timezone.utc):%H:%M:%S} {message}\n")
        self.echo(message)


def write_report(db_path: Path, text: str, run_id: int) -> Path:
    folder = db_path.parent / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{run_id:05d}.md"
    path.write_text(text, encoding="utf-8")
    return path


def time_per_source(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Where the time of the last crawl (not a manual ingest) went, source by source."""
    row = con.execute(SQL["last_crawl_id"]).fetchone()
    if row[0] is None:
        return []
    lines = ["", f"time per source (run {row[0]}):"]
    for t in source_timings(con, row[0]):
        slow = (f"; SLOW: usually {duration_text(t['usual'])}" if t["slow"] else "")
        lines.append(f"  {t['source']:<17} {t['pages'] if t['pages'] is not None else '-'} pages, "
                     f"{bytes_text(t['bytes'])}, {duration_text(t['duration'])}, "
                     f"{t['retries'] if t['retries'] is not None else '-'} retries, waited "
                     f"{duration_text(t['throttle_wait'])} (throttle) + "
                     f"{duration_text(t['retry_wait'])} (retries){slow}")
    return lines


def status(con: duckdb.DuckDBPyConnection, db_path: Path, curation: Curation) -> str:
    lines = [f"database: {db_path} ({db_path.stat().st_size / 1e6:.1f} MB)", "", "last runs:"]
    for run_id, started, status_, mode, counts in con.execute(SQL["latest_runs"],
                                                              {"limit": 5}).fetchall():
        lines.append(f"  {run_id:>5}  {started:%Y-%m-%d %H:%M}  {status_:<8} {mode:<7} "
                     f"{counts or ''}")
    lines += ["", "sources (latest run of each):"]
    for source, run_id, status_, records, reason, coverage in con.execute(
            SQL["latest_source_runs"]).fetchall():
        missing = [f"{f} {1 - c:.0%}" for f, c in json.loads(coverage or "{}").items() if c < 1]
        lines.append(f"  {source:<17} run {run_id}: {status_:<8} {records} records"
                     + (f"; missing: {', '.join(missing)}" if missing else "")
                     + (f"; {reason}" if reason else ""))
    lines += time_per_source(con)
    has_ratings = con.execute(SQL["has_ratings"]).fetchone()[0]
    pending = sorted(app_id for app_id, state in review_states(con, curation).items()
                     if state["pending"]) if has_ratings else []
    lines += ["", f"waiting for review: {len(pending)}" + (f" ({', '.join(pending)})"
                                                          if pending else "")]
    off_topic = off_topic_apps(con) if has_ratings else []
    lines.append(f"not about quitting smoking (kept off the site): {len(off_topic)}"
                 + (f" ({', '.join(off_topic)})" if off_topic else ""))
    suggestions = open_suggestions(con)
    lines.append(f"link suggestions for the editor: {len(suggestions)}")
    lines += [f"  {source}:{source_id} ({(title or '')[:60]!r}) may belong to {app_id}: {reason}; "
              f"add a `links` entry if it does" for source, source_id, title, app_id, reason, _
              in suggestions]
    return "\n".join(lines)


def restore(backup_path: Path, db_path: Path) -> Path | None:
    """Put a backup in place of the database with an atomic rename, after checking that it opens
    as a Stopwijzer database. The database it replaces is backed up first; returns that backup.
    The caller rebuilds the site from the restored database, so both show the same state."""
    if not backup_path.is_file():
        raise FileNotFoundError(f"{backup_path}: no such backup file")
    try:
        with duckdb.connect(str(backup_path), read_only=True) as con:
            con.execute(SQL["run_count"]).fetchone()
    except duckdb.Error as error:
        raise CatalogueError(f"{backup_path}: not a readable Stopwijzer database "
                             f"({str(error).splitlines()[0]})") from None
    with run_lock(db_path):
        # Copy first: backing up the current database may rotate out the very backup we restore.
        work = db_path.with_name(db_path.name + ".restore")
        shutil.copy2(backup_path, work)
        try:
            saved = backup(db_path)
            os.replace(work, db_path)
        finally:
            work.unlink(missing_ok=True)
    return saved


def prune(db_path: Path, days: int = RETENTION_DAYS, keep: int = RETENTION_KEPT,
          now: float | None = None) -> list[Path]:
    """Remove crawl folders (data/crawls/<time>/) and run logs (data/logs/nightly-*.log) older
    than `days`, always keeping the newest `keep` of each. Returns what was removed."""
    limit = (now or time.time()) - days * 86400
    removed = []
    for pattern in ("crawls/*/", "logs/nightly-*.log"):
        entries = sorted(db_path.parent.glob(pattern), key=lambda p: p.stat().st_mtime)
        for path in entries[:-keep] if keep else entries:
            if path.stat().st_mtime < limit:
                shutil.rmtree(path) if path.is_dir() else path.unlink()
                removed.append(path)
    return removed
