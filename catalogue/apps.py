"""Each app as one merged record: the shape scoring reads (and `stopwijzer rate FILE` accepts)."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import duckdb

from catalogue.sql import queries

SQL = queries(Path(__file__).with_name("apps.sql"))


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    return value


def source_entries(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict]]:
    """Every app's current source records, each with the date its current state was first seen."""
    result = con.execute(SQL["source_entries"])
    fields = [column[0] for column in result.description][3:]
    by_app: dict[str, list[dict]] = {}
    for app_id, seen_at, last_seen, *values in result.fetchall():
        entry = {name: _plain(value) for name, value in zip(fields, values)}
        if isinstance(entry["quality_themes"], str):
            entry["quality_themes"] = json.loads(entry["quality_themes"])
        entry["seen_at"], entry["last_seen"] = _plain(seen_at), _plain(last_seen)
        by_app.setdefault(app_id, []).append(entry)
    return by_app


def app_records(con: duckdb.DuckDBPyConnection) -> list[dict]:
    """Every app with the description app_current chose for it (the one rule, in views.sql)."""
    entries = source_entries(con)
    apps = con.execute(SQL["apps"]).fetchall()
    return [{"app_id": app_id, "name": name, "developer": developer, "kind": kind,
             "description": description or "", "languages": list(languages or []),
             "platforms": list(platforms or []), "price": min_price,
             "sources": entries.get(app_id, [])}
            for app_id, name, developer, kind, description, platforms, languages, min_price
            in apps]
