"""Open data: every documented table and view as Parquet or CSV, plus a Frictionless
`datapackage.json` describing each resource, its fields and its primary key, so the data opens
directly in pandas, R or DuckDB and `frictionless validate datapackage.json` passes.

Honest types: JSON columns are written as JSON text and declared as strings; lists are written as
JSON text in both formats and declared as arrays (the form Frictionless reads arrays in; its
Parquet reader does not take native lists); timestamps are UTC and carry that zone (`...Z` in
CSV, UTC-adjusted in Parquet).

The output folder never enters SQL text: files are written through DuckDB's relation API with
the path as a Python argument.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import yaml

from catalogue.sql import queries
from crawlers.errors import InputError
from crawlers.items import FIELDS

# The stable tables and views researchers use, their meaning (documented in the README) and
# their primary key (None: a view without one, e.g. an event list).
EXPORTED = {
    "app": ("One app or programme with its stable id (the address of its page).", ["app_id"]),
    "app_current": ("Every app or programme as it is now, merged over its sources.", ["app_id"]),
    "app_gone": ("Apps no longer found in any source: kept, never deleted.", ["app_id"]),
    "app_history": ("New records, changed fields and disappearances per app.", None),
    "app_timeline": ("Which apps each crawl found.", ["run_id", "app_id"]),
    "app_link": ("Which app each source record belongs to, and by which rule.",
                 ["source", "source_id"]),
    "app_hidden": ("The apps the editor keeps off the site.", ["app_id"]),
    "record_current": ("Every source record's latest state, with first/last seen.",
                       ["source", "source_id"]),
    "record_changes": ("Every change of a tracked field between two states of a record.", None),
    "description_changes": ("What each new description added and removed.", None),
    "observation": ("Every distinct state of every source record (append-only).", ["obs_id"]),
    "sighting": ("Every time a record was seen.", ["run_id", "source", "source_id"]),
    "crawl_run": ("Every crawl run.", ["run_id"]),
    "source_run": ("Every source's health in every run.", ["run_id", "source"]),
    "source_last_ok": ("The latest ok run of each source.", ["source"]),
    "run_overview": ("The runs with their sources' health.", None),
    "recognition_levels": ("Loketgezondleven's recognition levels as codes with a rank.",
                           ["code"]),
    "score_run": ("Every scoring run with its rubric version.", ["score_run_id"]),
    "rating_current": ("Each app's ratings now, with reasons.", ["app_id", "dimension"]),
    "rating_history": ("Every rating with the period it was valid.", None),
    "advice_changes": ("Every change of an advice-relevant rating (what the editor reviews).",
                       None),
    "curation_audit": ("Every curation entry a run applied: what, who, when, why.", None),
}
FORMATS = ("parquet", "csv")
FRICTIONLESS_TYPES = {"VARCHAR": "string", "BIGINT": "integer", "INTEGER": "integer",
                      "HUGEINT": "integer", "DOUBLE": "number", "BOOLEAN": "boolean",
                      "DATE": "date", "TIMESTAMP": "datetime", "JSON": "string"}
FIELD_DESCRIPTIONS_FILE = Path(__file__).resolve().parent / "fields.yaml"
SQL = queries(Path(__file__).with_name("export.sql"))


def _field_type(duckdb_type: str) -> str:
    if duckdb_type.endswith("[]"):
        return "array"
    return FRICTIONLESS_TYPES.get(duckdb_type.split("(")[0], "any")


def _select(column: str, column_type: str, fmt: str) -> str:
    """The column as it is written: the name is ours (from the table), quoted all the same."""
    name = '"' + column.replace('"', '""') + '"'
    if column_type == "TIMESTAMP":
        return (f"strftime({name}, '%Y-%m-%dT%H:%M:%SZ') AS {name}" if fmt == "csv"
                else f"timezone('UTC', {name}) AS {name}")
    if column_type == "JSON":
        return f"CAST({name} AS VARCHAR) AS {name}"
    if column_type.endswith("[]"):
        return f"CAST(to_json({name}) AS VARCHAR) AS {name}"
    return name


def _field(column: str, column_type: str, fmt: str, descriptions: dict[str, str]) -> dict:
    field = {"name": column, "type": _field_type(column_type),
             "description": descriptions[column] + {"JSON": " (JSON text)",
                                                    "TIMESTAMP": " (UTC)"}.get(column_type, "")}
    if column_type.endswith("[]"):
        field["description"] += " (a JSON list)"
    if fmt == "parquet" and field["type"] in ("integer", "number"):
        # Readers that go through pandas (Frictionless among them) see a missing number as NaN.
        field["missingValues"] = ["", "nan"]
    return field


def export(con: duckdb.DuckDBPyConnection, out_dir: Path, fmt: str) -> Path:
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'; choose {' or '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    existing = {row[0] for row in con.execute(SQL["table_names"]).fetchall()}
    # Record fields are described where they are defined (crawlers/items.py); the rest here.
    descriptions = {name: meaning for name, (_, meaning) in FIELDS.items()}
    descriptions.update(yaml.safe_load(FIELD_DESCRIPTIONS_FILE.read_text(encoding="utf-8")))
    resources = []
    for name, (description, primary_key) in EXPORTED.items():
        if name not in existing:
            continue
        path = out_dir / f"{name}.{fmt}"
        table = con.table(name)
        columns = list(zip(table.columns, map(str, table.types)))
        relation = table.project(", ".join(_select(c, t, fmt) for c, t in columns))
        if fmt == "parquet":
            relation.write_parquet(str(path))
        else:
            relation.write_csv(str(path), header=True)
        rows = table.aggregate("count(*)").fetchall()[0][0]
        schema = {"fields": [_field(c, t, fmt, descriptions) for c, t in columns]}
        if primary_key:
            schema["primaryKey"] = primary_key
        resources.append({"name": name, "path": path.name, "format": fmt,
                          "description": description, "count_of_rows": rows, "schema": schema})
    package = {
        "name": "stopwijzer", "title": "Stopwijzer: stop-smoking apps and programmes (NL)",
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "licenses": [{"name": "CC-BY-4.0"}],
        "resources": resources}
    (out_dir / "datapackage.json").write_text(json.dumps(package, indent=2), encoding="utf-8")
    return out_dir / "datapackage.json"

