"""Item pipelines: keep every record honest before it leaves the crawler.

Counters follow All the Places: `stopwijzer/field/<name>/missing|wrong_type` per source run, so a
silently broken spider shows up in the nightly stats (and in the catalogue's health check).
`record_problems` is the one check of a record: the crawler and `stopwijzer ingest` both use it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import NamedTuple

from scrapy.exceptions import DropItem

from crawlers import sources
from crawlers.items import FIELDS, REQUIRED, SOURCES
from crawlers.middlewares import report_problem

PY_TYPES = {
    "VARCHAR": str, "VARCHAR[]": list, "DATE": str, "DOUBLE": (int, float),
    "BIGINT": int, "INTEGER": int, "BOOLEAN": bool, "JSON": dict,
}
# A source id becomes part of URLs, file names and the catalogue's keys: package names, track
# ids and slugs only, never a path, a NUL or a line break.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:~-]{0,199}")
# Numbers outside these ranges are no rating, price or count.
RANGES = {"rating": (0, 5), "quality_score": (0, 5), "price": (0, 10_000),
          "rating_count": (0, math.inf), "screenshots": (0, 10_000)}


class Problem(NamedTuple):
    field: str
    problem: str
    fatal: bool  # the record is refused; otherwise only this field is emptied


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _wrong_value(name: str, value) -> str | None:
    """Why a value of a field cannot be stored, or None when it can."""
    sql_type = FIELDS[name][0]
    if not isinstance(value, PY_TYPES[sql_type]) or (
            isinstance(value, bool) and sql_type != "BOOLEAN"):
        return f"{type(value).__name__} where {sql_type} is expected"
    if sql_type == "DATE" and not _is_iso_date(value):
        return f"'{value[:40]}' is not a date (YYYY-MM-DD)"
    if isinstance(value, float) and not math.isfinite(value):
        return f"{value} is not a number"
    low, high = RANGES.get(name, (-math.inf, math.inf))
    if isinstance(value, (int, float)) and not low <= value <= high:
        return f"{value} is outside {low}-{high}"
    if sql_type == "VARCHAR[]" and not all(isinstance(item, str) for item in value):
        return "a list with items that are not text"
    if sql_type == "JSON" and not all(
            isinstance(k, str) and (v is None or isinstance(v, (str, int, float, bool)))
            for k, v in value.items()):
        return "a mapping with values that are not plain text, numbers or yes/no"
    return None


def record_problems(record: dict) -> list[Problem]:
    """Everything wrong with a record, fatal problems first."""
    fatal = [Problem(name, "missing", True) for name in REQUIRED if not record.get(name)]
    if not fatal and record["source"] not in SOURCES:
        fatal.append(Problem("source", f"unknown source '{record['source']}'", True))
    source_id = record.get("source_id")
    if not fatal and not (isinstance(source_id, str) and SAFE_ID.fullmatch(source_id)
                          and ".." not in source_id):
        fatal.append(Problem("source_id", f"{str(source_id)[:60]!r} is not a plain id", True))
    for name, value in record.items():
        if name not in FIELDS:
            fatal.append(Problem(name, "unknown field", True))
        elif isinstance(value, str) and "\ufffd" in value:
            # Text decoded with the wrong charset: storing it would overwrite good text.
            fatal.append(Problem(name, "text is not valid in the page's declared encoding", True))
    wrong = [Problem(name, why, False) for name, value in record.items()
             if name in FIELDS and value is not None and not fatal
             and (why := _wrong_value(name, value))]
    return fatal + wrong


class ValidationPipeline:
    def __init__(self, crawler):
        self.crawler = crawler
        self.seen: set[tuple[str, str]] = set()

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_item(self, item):
        stats = self.crawler.stats
        record = dict(item)
        problems = record_problems(record)
        refused = [p for p in problems if p.fatal]
        if refused:
            first = refused[0]
            where = f"{record.get('source')}: {record.get('url')}"
            if first.problem == "missing":
                missing = [p.field for p in refused if p.problem == "missing"]
                report_problem(self.crawler, f"{where}: record without {', '.join(missing)}")
            else:
                if "encoding" in first.problem:
                    stats.inc_value("stopwijzer/wrong_encoding")
                report_problem(self.crawler, f"{where}: field '{first.field}': {first.problem}")
            raise DropItem(f"refused: field '{first.field}': {first.problem}")
        key = (record["source"], record["source_id"])
        if key in self.seen:
            raise DropItem(f"duplicate record {key}")
        self.seen.add(key)
        for problem in problems:
            stats.inc_value(f"stopwijzer/field/{problem.field}/wrong_type")
            record[problem.field] = None
        for name in sources.get(record["source"]).expected:
            if record.get(name) in (None, "", [], {}):
                stats.inc_value(f"stopwijzer/field/{name}/missing")
        stats.inc_value("stopwijzer/items")
        return record
