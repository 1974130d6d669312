"""One run at a time; a broken database file is reported, not crashed on."""

import subprocess
import sys

import pytest

from catalogue.store import CatalogueBusy, CatalogueError, connect_readonly, run_lock, write_session

HOLD_LOCK = """
import sys, time
from pathlib import Path
from catalogue.store import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(30)
"""


def test_a_second_run_at_the_same_time_is_refused(db):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(CatalogueBusy, match=f"another Stopwijzer run is busy with {db}"):
            with run_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(db):  # the lock dies with its process
        pass


def test_the_lock_is_reentrant_within_one_run(db):
    with run_lock(db), write_session(db) as con:
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone() == (0,)


def test_a_file_that_is_no_database_gives_a_clear_error_and_stays(db):
    db.parent.mkdir(parents=True)
    db.write_text("this is not a database")
    with pytest.raises(CatalogueError, match="not a readable Stopwijzer database"):
        with write_session(db):
            pass
    with pytest.raises(CatalogueError, match="not a readable Stopwijzer database"):
        connect_readonly(db)
    assert db.read_text() == "this is not a database"


def test_reading_a_missing_database_says_what_to_do(db):
    with pytest.raises(CatalogueError, match="no database yet"):
        connect_readonly(db)


def test_a_database_from_before_a_new_record_field_gains_its_column(tmp_path, monkeypatch):
    """Record fields are defined once (crawlers/items.py); older databases get new ones."""
    from catalogue.store import open_for_write
    from crawlers import items

    db = tmp_path / "old.duckdb"
    with open_for_write(db):
        pass
    monkeypatch.setitem(items.FIELDS, "stop_line", ("VARCHAR", "a field added later"))
    with open_for_write(db) as con:
        columns = [row[0] for row in con.execute("DESCRIBE observation").fetchall()]
    assert columns[-1] == "stop_line"
    assert {"title", "description", "languages", "raw"} <= set(columns)


@pytest.mark.parametrize("name, sql_type", [
    ("stop_line VARCHAR; DROP TABLE app; --", "VARCHAR"),
    ("stop_line", "VARCHAR; DROP TABLE app"),
])
def test_a_field_that_is_no_plain_name_and_type_never_reaches_the_ddl(tmp_path, monkeypatch,
                                                                      name, sql_type):
    """A column's name and type cannot be bound, so they are checked before they are formatted
    into ALTER TABLE."""
    from catalogue.store import open_for_write
    from crawlers import items

    db = tmp_path / "old.duckdb"
    with open_for_write(db):
        pass
    monkeypatch.setitem(items.FIELDS, name, (sql_type, "a field added later"))
    with pytest.raises(ValueError, match="not a plain name or not a type the catalogue loads"):
        with open_for_write(db):
            pass
    monkeypatch.delitem(items.FIELDS, name)
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM app").fetchone() == (0,)
