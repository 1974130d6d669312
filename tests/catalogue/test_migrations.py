"""Schema versions: migrations applied once, in order, when a database is opened for writing."""

import duckdb
import pytest

from catalogue.migrations import MIGRATIONS, current_version, migrate
from catalogue.store import CatalogueError, write_session


def test_a_new_database_records_every_migration(db, load):
    load({})
    with write_session(db) as con:
        rows = con.execute("SELECT version, description FROM schema_version").fetchall()
    assert rows == [(v, d) for v, d, _ in MIGRATIONS]


def test_missing_migrations_are_applied_once_in_order(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    con.execute("CREATE TABLE app (app_id VARCHAR, name VARCHAR)")
    con.execute("INSERT INTO app VALUES ('quiddy', 'Quiddy')")
    later = (*MIGRATIONS,
             (2, "names in lower case", "UPDATE app SET name = lower(name)"),
             (3, "a column with a default", "ALTER TABLE app ADD COLUMN note VARCHAR DEFAULT 'x'"))
    assert migrate(con, MIGRATIONS) == [1]
    assert migrate(con, later) == [2, 3]
    assert migrate(con, later) == []
    assert con.execute("SELECT name, note FROM app").fetchall() == [("quiddy", "x")]
    assert current_version(con) == 3


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    migrate(con, (*MIGRATIONS, (9, "from the future", "")))
    with pytest.raises(CatalogueError, match="schema version 9, newer than this Stopwijzer"):
        migrate(con)
