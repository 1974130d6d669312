"""Schema versions: each database records the migrations it has had, and opening it for writing
applies the missing ones in order (catalogue.store.ensure_schema).

New columns and tables need no migration: schema.sql adds them with `IF NOT EXISTS`, which every
database gains when it is next opened for writing. A migration is for what cannot be said that
way (moving or backfilling data, changing a column's meaning). It runs inside the run's working
copy, so a migration that fails leaves the database as it was. A database whose version is newer
than this code is refused: an older Stopwijzer must not write to it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb

from catalogue.sql import queries
from catalogue.store import CatalogueError

SQL = queries(Path(__file__).with_name("migrations.sql"))

# (version, what it does, SQL). Append only; never change a migration once released.
MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "baseline: the tables of schema.sql", ""),
)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    con.execute(SQL["create_version_table"])
    return con.execute(SQL["current_version"]).fetchone()[0]


def migrate(con: duckdb.DuckDBPyConnection,
            migrations: tuple[tuple[int, str, str], ...] = MIGRATIONS) -> list[int]:
    """Apply the migrations this database has not had; returns their versions."""
    have = current_version(con)
    known = max((version for version, _, _ in migrations), default=0)
    if have > known:
        raise CatalogueError(f"the database has schema version {have}, newer than this "
                             f"Stopwijzer knows ({known}); update Stopwijzer before writing")
    applied = []
    for version, description, sql in migrations:
        if version <= have:
            continue
        if sql:
            con.execute(sql)
        con.execute(SQL["record_migration"],
                    {"version": version, "description": description,
                     "applied_at": datetime.now(timezone.utc).replace(tzinfo=None)})
        applied.append(version)
    return applied
