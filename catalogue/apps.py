"""Each app as one merged record: the shape scoring reads (and `stopwijzer rate FILE` accepts)."""

from __future__ import annotations

import json
from datetime import date, datetime

import duckdb

SOURCE_FIELDS = ("source", "source_id", "url", "title", "developer", "description", "summary",
                 "languages", "platforms", "price", "rating", "rating_count", "version", "updated",
                 "installs", "content_rating", "target_group", "quality_score", "quality_themes",
                 "recognition_level", "recognition_date", "recommended", "website", "links",
                 "available", "privacy_shares", "privacy_shared_kinds", "privacy_collects",
                 "privacy_collected_kinds", "privacy_encrypted", "privacy_deletion",
                 "privacy_declaration_url")


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return value


def source_entries(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every app's current source records, each with the date its current state was first seen."""
    rows = con.execute(
        f"""SELECT app_id, seen_at, last_seen, {', '.join(SOURCE_FIELDS)} FROM record_current
            WHERE app_id IS NOT NULL ORDER BY app_id, source, source_id""").fetchall()
    by_app: dict[str, list[dict]] = {}
    for app_id, seen_at, last_seen, *values in rows:
        entry = {name: _plain(value) for name, value in zip(SOURCE_FIELDS, values)}
        if isinstance(entry["quality_themes"], str):
            entry["quality_themes"] = json.loads(entry["quality_themes"])
        entry["seen_at"], entry["last_seen"] = _plain(seen_at), _plain(last_seen)
        by_app.setdefault(app_id, []).append(entry)
    return by_app


def app_records(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every app with the description app_current chose for it (the one rule, in views.sql)."""
    entries = source_entries(con)
    apps = con.execute(
        """SELECT app_id, name, developer, kind, description, platforms, languages, min_price
           FROM app_current ORDER BY app_id""").fetchall()
    return [{"app_id": app_id, "name": name, "developer": developer, "kind": kind,
             "description": description or "", "languages": list(languages or []),
             "platforms": list(platforms or []), "price": min_price,
             "sources": entries.get(app_id, [])}
            for app_id, name, developer, kind, description, platforms, languages, min_price
            in apps]
