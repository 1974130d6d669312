"""Item pipelines: keep every record honest before it leaves the crawler.

Counters follow All the Places: `stopwijzer/field/<name>/missing|wrong_type` per source run, so a
silently broken spider shows up in the nightly stats (and in the catalogue's health check).
"""

from __future__ import annotations

import datetime as dt

from scrapy.exceptions import DropItem

from crawlers import sources
from crawlers.items import FIELDS, REQUIRED
from crawlers.middlewares import report_problem

PY_TYPES = {
    "VARCHAR": str, "VARCHAR[]": list, "DATE": str, "DOUBLE": (int, float),
    "BIGINT": int, "INTEGER": int, "BOOLEAN": bool, "JSON": dict,
}


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


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
        missing = [f for f in REQUIRED if not record.get(f)]
        if missing:
            report_problem(self.crawler, f"{record.get('source')}: {record.get('url')}: "
                                         f"record without {', '.join(missing)}")
            raise DropItem(f"missing required fields {missing}")
        garbled = [name for name, value in record.items()
                   if isinstance(value, str) and "\ufffd" in value]
        if garbled:
            # Text decoded with the wrong charset: storing it would overwrite good text.
            stats.inc_value("stopwijzer/wrong_encoding")
            report_problem(self.crawler, f"{record['source']}: {record['url']}: field "
                                         f"'{garbled[0]}': text is not valid in the page's "
                                         "declared encoding")
            raise DropItem(f"garbled text in {garbled}")
        key = (record["source"], record["source_id"])
        if key in self.seen:
            raise DropItem(f"duplicate record {key}")
        self.seen.add(key)
        for name, value in record.items():
            sql_type = FIELDS[name][0]
            if value is None or isinstance(value, PY_TYPES[sql_type]) and not (
                    sql_type == "DATE" and not _is_iso_date(value)):
                continue
            stats.inc_value(f"stopwijzer/field/{name}/wrong_type")
            record[name] = None
        for name in sources.get(record["source"]).expected:
            if record.get(name) in (None, "", [], {}):
                stats.inc_value(f"stopwijzer/field/{name}/missing")
        stats.inc_value("stopwijzer/items")
        return record
