"""Open data: every documented view as Parquet or CSV, plus a Frictionless `datapackage.json`
describing tables and fields, so the data opens directly in pandas, R or DuckDB."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb

# The stable views and tables researchers use; their meaning is documented in the README.
EXPORTED = {
    "app_current": "Every app or programme as it is now, merged over its sources.",
    "app_history": "New records, changed fields and disappearances per app.",
    "app_timeline": "Which apps each crawl found.",
    "record_current": "Every source record's latest state, with first/last seen.",
    "record_changes": "Every change of a tracked field between two states of a record.",
    "observation": "Every distinct state of every source record (append-only).",
    "sighting": "Every time a record was seen.",
    "app_link": "Which app each source record belongs to, and by which rule.",
    "crawl_run": "Every crawl run.",
    "source_run": "Every source's health in every run.",
    "rating_current": "Each app's ratings now, with reasons.",
    "rating_history": "Every rating with the period it was valid.",
    "score_run": "Every scoring run with its rubric version.",
}
FORMATS = ("parquet", "csv")
FRICTIONLESS_TYPES = {"VARCHAR": "string", "BIGINT": "integer", "INTEGER": "integer",
                      "DOUBLE": "number", "BOOLEAN": "boolean", "DATE": "date",
                      "TIMESTAMP": "datetime", "JSON": "object"}


def _field_type(duckdb_type: str) -> str:
    if duckdb_type.endswith("[]"):
        return "array"
    return FRICTIONLESS_TYPES.get(duckdb_type.split("(")[0], "any")


def export(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> Path:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format '{fmt}'; choose {' or '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables").fetchall()}
    resources = []
    for name, description in EXPORTED.items():
        if name not in existing:
            continue
        path = out_dir / f"{name}.{fmt}"
        options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
        # CSV has no lists or JSON: those columns are written as JSON text.
        select = "*" if fmt == "parquet" else ", ".join(
            f"to_json({column}) AS {column}" if column_type.endswith("[]") else column
            for column, column_type in _columns(con, name))
        con.execute(f"COPY (SELECT {select} FROM {name}) TO '{path}' ({options})")
        rows = con.execute(f"SELECT count(*) FROM {name}").fetchone()[0]
        resources.append({
            "name": name, "path": path.name, "format": fmt, "description": description,
            "count_of_rows": rows,
            "schema": {"fields": [{"name": column, "type": _field_type(column_type)}
                                  for column, column_type in _columns(con, name)]}})
    package = {
        "name": "stopwijzer", "title": "Stopwijzer: stop-smoking apps and programmes (NL)",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "licenses": [{"name": "CC-BY-4.0"}],
        "resources": resources}
    (out_dir / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    return out_dir / "datapackage.json"


def _columns(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple[str, str]]:
    return [(row[0], row[1]) for row in con.execute(f"DESCRIBE {name}").fetchall()]
