"""Loading a crawl folder (or an editor's manual ingest) into the catalogue as one new run.

Only new or changed record states become observations; every record seen gets a sighting. A
source judged failed (catalogue.health) is recorded with its reason and nothing of it is applied.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from catalogue.health import Health, judge
from catalogue.linking import Linker
from crawlers.items import FIELDS
from crawlers.pipelines import record_problems

COLUMNS = list(FIELDS)
INSERT_OBSERVATION = (
    f"INSERT INTO observation (run_id, seen_at, content_hash, {', '.join(COLUMNS)}, raw) "
    f"VALUES (?, ?, ?, {', '.join('?' for _ in COLUMNS)}, ?) RETURNING obs_id")


@dataclass
class SourceResult:
    health: Health
    records: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    gone: int = 0


@dataclass
class RunSummary:
    run_id: int
    status: str
    sources: dict[str, SourceResult] = field(default_factory=dict)
    apps_seen: int = 0
    apps_new: int = 0
    apps_changed: int = 0
    apps_gone: int = 0

    def line(self) -> str:
        failed = [s for s, r in self.sources.items() if r.health.status == "failed"]
        text = (f"run {self.run_id} ({self.status}): {self.apps_seen} apps seen, "
                f"{self.apps_new} new, {self.apps_changed} changed, {self.apps_gone} gone")
        return text + (f"; failed sources: {', '.join(failed)}" if failed else "")


def utc_naive(moment: datetime) -> datetime:
    """The catalogue stores UTC timestamps without zone (TIMESTAMP), for plain exports."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


def content_hash(record: dict) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def read_records(path: Path) -> list[dict]:
    records = []
    with path.open(encoding="utf-8") as f:
        for line_no, line in enumerate(f, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except ValueError as error:
                    raise ValueError(f"{path}: line {line_no}: not JSON ({error})") from None
    return records


class RunLoader:
    """Writes one run. Use `load_crawl` or `ingest` rather than this class directly."""

    def __init__(self, con: duckdb.DuckDBPyConnection, mode: str, started: datetime,
                 snapshot: str | None, editor_links: dict | None):
        self.con, self.mode, self.started = con, mode, utc_naive(started)
        self.run_id = con.execute("SELECT nextval('run_id_seq')").fetchone()[0]
        self.available_before = self._available_apps()
        con.execute("INSERT INTO crawl_run VALUES (?, ?, NULL, 'running', ?, ?, NULL)",
                    [self.run_id, self.started, mode, snapshot])
        self.linker = Linker(con, self.run_id, editor_links)
        self.summary = RunSummary(self.run_id, "running")

    def _available_apps(self) -> set[str]:
        return {row[0] for row in self.con.execute(
            "SELECT app_id FROM app_current WHERE available").fetchall()}

    def previous_coverage(self, source: str) -> dict | None:
        row = self.con.execute(
            """SELECT coverage FROM source_run WHERE source = ? AND status = 'ok'
               ORDER BY run_id DESC LIMIT 1""", [source]).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def apply_source(self, source: str, health: Health, records: list[dict]) -> None:
        result = SourceResult(health, records=len(records))
        if health.status != "failed":
            available_before = self._available_records(source)
            for record in records:
                self._apply_record(record, result)
            if health.status == "ok":
                result.gone = len(available_before - {r["source_id"] for r in records})
        self.con.execute(
            "INSERT INTO source_run VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
            [self.run_id, source, health.status, health.reason, result.records, result.new,
             result.changed, result.unchanged, result.gone, json.dumps(health.problems),
             json.dumps(health.coverage)])
        self.summary.sources[source] = result

    def _available_records(self, source: str) -> set[str]:
        return {row[0] for row in self.con.execute(
            "SELECT source_id FROM record_current WHERE source = ? AND available",
            [source]).fetchall()}

    def _apply_record(self, record: dict, result: SourceResult) -> None:
        record = {name: record.get(name) for name in COLUMNS}
        digest = content_hash(record)
        key = [record["source"], record["source_id"]]
        latest = self.con.execute(
            """SELECT obs_id, content_hash FROM observation WHERE source = ? AND source_id = ?
               ORDER BY obs_id DESC LIMIT 1""", key).fetchone()
        if latest and latest[1] == digest:
            obs_id = latest[0]
            result.unchanged += 1
        else:
            values = [json.dumps(v) if FIELDS[n][0] == "JSON" and v is not None else v
                      for n, v in record.items()]
            obs_id = self.con.execute(
                INSERT_OBSERVATION,
                [self.run_id, self.started, digest, *values, json.dumps(record)]).fetchone()[0]
            if latest:
                result.changed += 1
            else:
                result.new += 1
        self.con.execute("INSERT OR IGNORE INTO sighting VALUES (?, ?, ?, ?)",
                         [self.run_id, *key, obs_id])
        self.linker.link(record)

    def finish(self) -> RunSummary:
        statuses = {r.health.status for r in self.summary.sources.values()}
        if self.mode == "manual":
            status = "manual"
        elif statuses <= {"ok"}:
            status = "ok"
        elif statuses == {"failed"}:
            status = "failed"
        else:
            status = "partial"
        counts = {s: r.records for s, r in self.summary.sources.items()}
        self.con.execute("UPDATE crawl_run SET finished = ?, status = ?, source_counts = ? "
                         "WHERE run_id = ?",
                         [utc_naive(datetime.now(timezone.utc)), status, json.dumps(counts), self.run_id])
        summary = self.summary
        summary.status = status
        summary.apps_seen = self._count(
            "SELECT count(DISTINCT k.app_id) FROM sighting s JOIN app_link k "
            "USING (source, source_id) WHERE s.run_id = ?")
        summary.apps_new = self._count("SELECT count(*) FROM app WHERE created_run = ?")
        summary.apps_changed = self._count(
            """SELECT count(DISTINCT k.app_id) FROM observation o JOIN app_link k
               USING (source, source_id) WHERE o.run_id = ? AND k.run_id < o.run_id""")
        # Gone is what app_gone (and the change report) shows: an app that lost its last
        # record to another app by an editor's link was merged, not gone.
        summary.apps_gone = len(self.available_before & {row[0] for row in self.con.execute(
            "SELECT app_id FROM app_gone").fetchall()})
        return summary

    def _count(self, sql: str) -> int:
        return self.con.execute(sql, [self.run_id]).fetchone()[0]


def load_crawl(con: duckdb.DuckDBPyConnection, crawl_dir: Path, sources: list[str], *,
               mode: str, started: datetime, snapshot: str | None = None,
               editor_links: dict | None = None) -> RunSummary:
    """Load the records and stats that `crawlers.run` wrote into crawl_dir."""
    loader = RunLoader(con, mode, started, snapshot, editor_links)
    for source in sources:
        stats_path, items_path = crawl_dir / f"{source}.stats.json", crawl_dir / f"{source}.jsonl"
        stats = json.loads(stats_path.read_text(encoding="utf-8")) if stats_path.exists() else {}
        try:
            records = read_records(items_path) if items_path.exists() else []
        except ValueError as error:
            loader.apply_source(source, Health("failed", str(error)), [])
            continue
        health = judge(source, stats, records, loader.previous_coverage(source))
        loader.apply_source(source, health, records)
    return loader.finish()


def ingest(con: duckdb.DuckDBPyConnection, source: str, records: list[dict], file: str,
           editor_links: dict | None = None) -> RunSummary:
    """Store records an editor parsed from a saved page as a manual observation. A record the
    crawler would refuse or empty a field of is refused, naming the field: nothing is stored."""
    for record in records:
        problems = record_problems(record)
        if problems and problems[0].problem == "missing":
            missing = [p.field for p in problems if p.problem == "missing"]
            raise ValueError(f"{source}: {file}: record without {', '.join(missing)}")
        if problems:
            field, problem, _ = problems[0]
            raise ValueError(f"{source}: {file}: record {str(record.get('source_id'))[:60]!r}: "
                             f"field '{field}': {problem}")
    loader = RunLoader(con, "manual", datetime.now(timezone.utc), file, editor_links)
    loader.apply_source(source, Health("manual", f"added by hand from {file}"), records)
    return loader.finish()
