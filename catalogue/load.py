"""Loading a crawl folder (or an editor's manual ingest) into the catalogue as one new run.

Only new or changed record states become observations; every record seen gets a sighting. A
source judged failed (catalogue.health) is recorded with its reason and nothing of it is applied.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import pyarrow as pa

from catalogue.health import Health, judge
from catalogue.linking import Linker
from catalogue.sql import queries
from crawlers.errors import InputError
from crawlers.items import FIELDS
from crawlers.pipelines import record_problems

COLUMNS = list(FIELDS)
SQL = queries(Path(__file__).resolve().parent / "load.sql")
# How each catalogue type travels from the crawl's JSON to DuckDB (JSON columns as JSON text).
ARROW_TYPES = {"VARCHAR": pa.string(), "VARCHAR[]": pa.list_(pa.string()), "DATE": pa.date32(),
               "DOUBLE": pa.float64(), "BIGINT": pa.int64(), "INTEGER": pa.int32(),
               "BOOLEAN": pa.bool_(), "JSON": pa.string()}
# source_run's timing columns and the crawl stats they come from (crawlers.extensions and
# Scrapy's own stats). A counter the crawl did not write (no retry) is 0; without a stats file
# (a manual ingest, a crawl that broke off) they are NULL.
TIMING_STATS = {"pages": "response_received_count", "bytes": "downloader/response_bytes",
                "duration": "elapsed_time_seconds", "retries": "retry/count",
                "throttle_wait": "stopwijzer/throttle_wait_seconds",
                "retry_wait": "stopwijzer/retry_wait_seconds"}


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
                    raise InputError(f"{path}: line {line_no}: not JSON ({error})") from None
    return records


def incoming_table(source: str, records: list[dict]) -> pa.Table:
    """The records as an Arrow table with the catalogue's column types, plus their order, content
    hash and raw JSON. A value of the wrong type names its source, record and field."""
    arrays = {"ord": pa.array(range(len(records)), pa.int64()),
              "content_hash": pa.array([content_hash(r) for r in records], pa.string()),
              "raw": pa.array([json.dumps(r) for r in records], pa.string())}
    for name in COLUMNS:
        kind = FIELDS[name][0]
        values = [_typed(r, name, kind) for r in records]
        try:
            arrays[name] = pa.array(values, ARROW_TYPES[kind])
        except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as error:
            bad = next(r for r, v in zip(records, values) if not _fits(v, ARROW_TYPES[kind]))
            raise InputError(f"{source}: {bad.get('url')}: field '{name}': not a valid "
                             f"{kind} ({error})") from None
    return pa.table(arrays)


def _typed(record: dict, name: str, kind: str):
    value = record.get(name)
    if value is None:
        return None
    if kind == "JSON":
        return json.dumps(value)
    if kind == "DATE" and isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise InputError(f"{record.get('source')}: {record.get('url')}: field '{name}': "
                             f"not a date (YYYY-MM-DD): {value[:40]!r}") from None
    return value


def _fits(value, arrow_type) -> bool:
    try:
        pa.array([value], arrow_type)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError):
        return False
    return True


class RunLoader:
    """Writes one run. Use `load_crawl` or `ingest` rather than this class directly."""

    def __init__(self, con: duckdb.DuckDBPyConnection, mode: str, started: datetime,
                 snapshot: str | None, editor_links: dict | None):
        self.con, self.mode, self.started = con, mode, utc_naive(started)
        self.run_id = con.execute(SQL["next_run_id"]).fetchone()[0]
        self.available_before = self._available_apps()
        con.execute(SQL["start_run"], {"run_id": self.run_id, "started": self.started,
                                       "mode": mode, "snapshot": snapshot})
        self.linker = Linker(con, self.run_id, editor_links)
        self.summary = RunSummary(self.run_id, "running")

    def _available_apps(self) -> set[str]:
        return {row[0] for row in self.con.execute(SQL["available_apps"]).fetchall()}

    def previous_coverage(self, source: str) -> dict | None:
        row = self.con.execute(SQL["previous_coverage"], {"source": source}).fetchone()
        return json.loads(row[0]) if row and row[0] else None

    def apply_source(self, source: str, health: Health, records: list[dict],
                     stats: dict | None = None) -> None:
        """Apply a source's records as its health allows, and store its health and timing; a
        record that does not fit the catalogue's types raises ValueError before anything is
        written."""
        result = SourceResult(health, records=len(records))
        if health.status != "failed":
            unique: dict[str, dict] = {}
            for record in records:
                unique.setdefault(record["source_id"], record)
            shaped = [{name: record.get(name) for name in COLUMNS} for record in unique.values()]
            incoming = incoming_table(source, shaped)
            available_before = self._available_records(source)
            self._apply_records(source, shaped, incoming, result)
            result.unchanged += len(records) - len(unique)  # a record listed twice is one record
            if health.status == "ok":
                result.gone = len(available_before - {r["source_id"] for r in records})
        timing = {column: None if not stats else stats.get(key, None if column == "duration" else 0)
                  for column, key in TIMING_STATS.items()}
        self.con.execute(SQL["insert_source_run"], {
            "run_id": self.run_id, "source": source, "status": health.status,
            "reason": health.reason, "records": result.records, "new": result.new,
            "changed": result.changed, "unchanged": result.unchanged, "gone": result.gone,
            "problems": json.dumps(health.problems), "coverage": json.dumps(health.coverage),
            **timing})
        self.summary.sources[source] = result

    def _available_records(self, source: str) -> set[str]:
        return {row[0] for row in self.con.execute(SQL["available_records"],
                                                   {"source": source}).fetchall()}

    def _apply_records(self, source: str, shaped: list[dict], incoming: pa.Table,
                       result: SourceResult) -> None:
        """All records of a source at once: a handful of set-based statements, however long the
        history behind them; only records without an app yet are linked one by one."""
        self.con.register("incoming", incoming)
        try:
            self.con.execute(SQL["compare_with_latest"], {"source": source})
            self.con.execute(SQL["insert_new_states"],
                             {"run_id": self.run_id, "seen_at": self.started})
            self.con.execute(SQL["insert_sightings"], {"run_id": self.run_id})
            (result.new, result.changed, result.unchanged), = \
                self.con.execute(SQL["count_states"]).fetchall()
        finally:
            self.con.unregister("incoming")
        for record in shaped:
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
        self.con.execute(SQL["finish_run"], {"finished": utc_naive(datetime.now(timezone.utc)),
                                             "status": status, "source_counts": json.dumps(counts),
                                             "run_id": self.run_id})
        summary = self.summary
        summary.status = status
        summary.apps_seen = self._count("apps_seen")
        summary.apps_new = self._count("apps_new")
        summary.apps_changed = self._count("apps_changed")
        # Gone is what app_gone (and the change report) shows: an app that lost its last
        # record to another app by an editor's link was merged, not gone.
        summary.apps_gone = len(self.available_before & {row[0] for row in self.con.execute(
            SQL["gone_apps"]).fetchall()})
        return summary

    def _count(self, name: str) -> int:
        """A count of the run by the named statement in load.sql."""
        return self.con.execute(SQL[name], {"run_id": self.run_id}).fetchone()[0]


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
            loader.apply_source(source, Health("failed", str(error)), [], stats)
            continue
        health = judge(source, stats, records, loader.previous_coverage(source))
        try:
            loader.apply_source(source, health, records, stats)
        except ValueError as error:  # raised before anything of the source was written
            loader.apply_source(source, Health("failed", str(error)), [], stats)
    return loader.finish()


def ingest(con: duckdb.DuckDBPyConnection, source: str, records: list[dict], file: str,
           editor_links: dict | None = None) -> RunSummary:
    """Store records an editor parsed from a saved page as a manual observation. A record the
    crawler would refuse or empty a field of is refused, naming the field: nothing is stored."""
    for record in records:
        problems = record_problems(record)
        if problems and problems[0].problem == "missing":
            missing = [p.field for p in problems if p.problem == "missing"]
            raise InputError(f"{source}: {file}: record without {', '.join(missing)}")
        if problems:
            field, problem, _ = problems[0]
            raise InputError(f"{source}: {file}: record {str(record.get('source_id'))[:60]!r}: "
                             f"field '{field}': {problem}")
    loader = RunLoader(con, "manual", datetime.now(timezone.utc), file, editor_links)
    loader.apply_source(source, Health("manual", f"added by hand from {file}"), records)
    return loader.finish()
