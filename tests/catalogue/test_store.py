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
