"""Realistic records and crawl folders for tests, written as `crawlers.run` writes them."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

from crawlers.items import new_record

T0 = datetime(2026, 11, 20, 2, 0, tzinfo=timezone.utc)


def play(package, title, developer, **fields):
    fields.setdefault("description", f"{title}: stoppen met roken met dagelijkse herinneringen.")
    fields.setdefault("rating", 4.5)
    fields.setdefault("installs", "100.000+")
    fields.setdefault("updated", "2026-10-01")
    fields.setdefault("version", "1.0")
    fields.setdefault("price", 0.0)
    fields.setdefault("content_rating", "PEGI 3")
    fields.setdefault("privacy_url", "https://example.org/privacy")
    fields.setdefault("screenshots", 6)
    return new_record("googleplay", package,
                      f"https://play.google.com/store/apps/details?id={package}&hl=nl&gl=NL",
                      title=title, developer=developer, kind="app", platforms=["android"], **fields)


def itunes(track_id, title, developer, **fields):
    fields.setdefault("description", f"{title} helpt je stoppen met roken.")
    for name, value in (("languages", ["nl", "en"]), ("version", "2.0"), ("updated", "2026-09-01"),
                        ("rating", 4.6), ("rating_count", 1200), ("price", 0.0),
                        ("min_os", "15.0"), ("content_rating", "4+")):
        fields.setdefault(name, value)
    return new_record("appstore", str(track_id), f"https://apps.apple.com/nl/app/id{track_id}",
                      title=title, developer=developer, kind="app", platforms=["ios"], **fields)


def write_crawl(folder: Path, by_source: dict[str, list[dict]], stats: dict | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source, records in by_source.items():
        with (folder / f"{source}.jsonl").open("w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(record) + "\n")
        source_stats = {"finish_reason": "finished", "stopwijzer/pages": len(records) + 1,
                        **(stats or {}).get(source, {})}
        (folder / f"{source}.stats.json").write_text(json.dumps(source_stats))
    return folder


