"""Schema versions: each database records the migrations it has had, and opening it for writing
applies the missing ones in order (catalogue.store.ensure_schema).

New columns and tables need no migration: schema.sql adds them with `IF NOT EXISTS`, which every
database gains when it is next opened for writing. A migration is for what cannot be said that
way (moving or backfilling data, changing a column's meaning, renaming stored codes). It is SQL,
or a function of the connection when it depends on what the database holds (a later stage's
table, which the catalogue only reaches through SQL). It runs inside the run's working copy, so a
migration that fails leaves the database as it was. A database whose version is newer
than this code is refused: an older Stopwijzer must not write to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timezone

import duckdb

from catalogue.store import CatalogueError

# The rating codes of rubrics before 2026.12.3 that were Dutch display text, with the English
# codes that replaced them (the Dutch words are now only labels). Part of migration 2: frozen.
RENAMED_EVIDENCE = {"onbekend": "unknown"}
RENAMED_COST = {"gratis": "free", "betaald": "paid",
                "gratis met betaalde extra's": "free_with_paid_extras", "onbekend": "unknown"}
RENAMED_CONFIDENCE = {"hoog": "high", "middel": "medium", "laag": "low"}
RENAMED_REASON_SOURCES = {"onbekend": "unknown", "catalogus": "catalogue"}


def english_rating_codes(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite the old Dutch codes in the stored ratings (scoring's table `rating`) to the
    English ones, so that a query over the whole history sees one set of codes.

    This is no overwriting of an observation: a rating stored as `onbekend` and one stored as
    `unknown` say the same thing, only the name of the code changed. Labels, reasons' texts,
    rubric versions and dates stay as they were, and so does every fact a source gave. The
    editor's override entry (`rating.override`) and `curation_audit` keep what the editor wrote.
    Without this rewrite, the first scoring run after the rename would also count every such
    rating as changed (a review to ask for, a feed entry) although nothing changed."""
    if not con.execute("SELECT count(*) FROM information_schema.tables "
                       "WHERE table_name = 'rating'").fetchone()[0]:
        return  # a catalogue that was never scored holds no ratings
    con.executemany("UPDATE rating SET value = ? WHERE dimension = 'evidence' "
                    "AND value ->> '$' = ?",
                    [(json.dumps(new), old) for old, new in RENAMED_EVIDENCE.items()])
    con.executemany("UPDATE rating SET confidence = ? WHERE confidence = ?",
                    [(new, old) for old, new in RENAMED_CONFIDENCE.items()])
    _rewrite_json(con, "value",
                  "dimension = 'blended_care' AND list_contains(?, value ->> '$.cost')",
                  [list(RENAMED_COST)], _english_cost)
    _rewrite_json(con, "reasons", "list_has_any(CAST(json_extract_string(reasons, '$[*].source') "
                                  "AS VARCHAR[]), ?)", [list(RENAMED_REASON_SOURCES)],
                  _english_sources)


def _english_cost(value: dict) -> dict:
    return {**value, "cost": RENAMED_COST.get(value["cost"], value["cost"])}


def _english_sources(reasons: list[dict]) -> list[dict]:
    """A reason's source was 'onbekend' or 'catalogus' for a price without its store."""
    return [{**r, "source": RENAMED_REASON_SOURCES.get(r.get("source"), r.get("source"))}
            for r in reasons]


def _rewrite_json(con: duckdb.DuckDBPyConnection, column: str, condition: str, params: list,
                  change: Callable) -> None:
    """Rewrite a JSON column of the ratings that meet a condition (both this module's constants),
    row by row, and write it as scoring writes JSON (sorted keys), so that the next scoring run
    finds an unchanged rating the same as before."""
    rows = con.execute(f"SELECT score_run_id, app_id, dimension, {column} FROM rating "
                       f"WHERE {condition}", params).fetchall()
    if rows:
        con.executemany(f"UPDATE rating SET {column} = ? WHERE score_run_id = ? AND app_id = ? "
                        "AND dimension = ?",
                        [(json.dumps(change(json.loads(text)), sort_keys=True, ensure_ascii=False),
                          score_run_id, app_id, dimension)
                         for score_run_id, app_id, dimension, text in rows])


# (version, what it does, SQL or a function of the connection). Append only; never change a
# migration once released.
Migration = tuple[int, str, str | Callable[[duckdb.DuckDBPyConnection], None]]
MIGRATIONS: tuple[Migration, ...] = (
    (1, "baseline: the tables of schema.sql", ""),
    (2, "rating codes in English (rubric 2026.12.3)", english_rating_codes),
)

VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  TIMESTAMP NOT NULL,    -- UTC
    description VARCHAR NOT NULL
);
"""


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(VERSION_TABLE)
    return con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection,
            migrations: tuple[Migration, ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations this database has not had; returns their versions."""
    have = current_version(con)
    known = max((version for version, _, _ in migrations), default=0)
    if have > known:
        raise CatalogueError(f"the database has schema version {have}, newer than this "
                             f"Stopwijzer knows ({known}); update Stopwijzer before writing")
    applied = []
    for version, description, step in migrations:
        if version <= have:
            continue
        if callable(step):
            step(con)
        elif step:
            con.execute(step)
        con.execute("INSERT INTO schema_version (version, applied_at, description) "
                    "VALUES (?, ?, ?)",
                    [version, datetime.now(timezone.utc).replace(tzinfo=None), description])
        applied.append(version)
    return applied
