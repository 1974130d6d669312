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
from pathlib import Path

import duckdb

from catalogue.sql import queries
from catalogue.store import CatalogueError

SQL = queries(Path(__file__).with_name("migrations.sql"))

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
    if not con.execute(SQL["rating_table_exists"]).fetchone()[0]:
        return  # a catalogue that was never scored holds no ratings
    con.executemany(SQL["rename_evidence_code"],
                    [{"old": old, "new": json.dumps(new)} for old, new in RENAMED_EVIDENCE.items()])
    con.executemany(SQL["rename_confidence"],
                    [{"old": old, "new": new} for old, new in RENAMED_CONFIDENCE.items()])
    _rewrite_json(con, "cost_ratings", "update_rating_value", list(RENAMED_COST), _english_cost)
    _rewrite_json(con, "reason_source_ratings", "update_rating_reasons",
                  list(RENAMED_REASON_SOURCES), _english_sources)


def _english_cost(value: dict) -> dict:
    return {**value, "cost": RENAMED_COST.get(value["cost"], value["cost"])}


def _english_sources(reasons: list[dict]) -> list[dict]:
    """A reason's source was 'onbekend' or 'catalogus' for a price without its store."""
    return [{**r, "source": RENAMED_REASON_SOURCES.get(r.get("source"), r.get("source"))}
            for r in reasons]


def _rewrite_json(con: duckdb.DuckDBPyConnection, select: str, update: str, old_codes: list[str],
                  change: Callable) -> None:
    """Rewrite a JSON column of the ratings that hold old codes, row by row, and write it as
    scoring writes JSON (sorted keys), so that the next scoring run finds an unchanged rating
    the same as before."""
    rows = con.execute(SQL[select], {"old_codes": old_codes}).fetchall()
    if rows:
        con.executemany(SQL[update],
                        [{"new": json.dumps(change(json.loads(text)), sort_keys=True,
                                            ensure_ascii=False),
                          "score_run_id": score_run_id, "app_id": app_id, "dimension": dimension}
                         for score_run_id, app_id, dimension, text in rows])


# (version, what it does, SQL or a function of the connection). Append only; never change a
# migration once released.
Migration = tuple[int, str, str | Callable[[duckdb.DuckDBPyConnection], None]]
MIGRATIONS: tuple[Migration, ...] = (
    (1, "baseline: the tables of schema.sql", ""),
    (2, "rating codes in English (rubric 2026.12.3)", english_rating_codes),
)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(SQL["create_version_table"])
    return con.execute(SQL["current_version"]).fetchone()[0]


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
        con.execute(SQL["record_migration"],
                    {"version": version, "description": description,
                     "applied_at": datetime.now(timezone.utc).replace(tzinfo=None)})
        applied.append(version)
    return applied
