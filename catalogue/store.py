"""Opening the catalogue: one writer at a time, readers never blocked, no half-written state.

DuckDB lets one process write a file. A run therefore writes a copy beside the database and
swaps it in with an atomic rename when everything succeeded. Readers (the researcher, the site
build) keep reading the old file meanwhile; a run that fails or is killed leaves the database
exactly as it was, and only its unfinished copy behind, which the next run removes.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import duckdb

SQL_DIR = Path(__file__).resolve().parent
_held_locks: dict[Path, int] = {}


class CatalogueBusy(RuntimeError):
    """Another run holds the lock."""


class CatalogueError(RuntimeError):
    """The database file cannot be used."""


@contextmanager
def run_lock(db_path: Path):
    """Hold the run lock of this database; refuse at once if another process holds it.

    Re-entrant within one process, so `nightly` can hold it around crawl, score and site."""
    key = db_path.resolve()
    if key in _held_locks:
        _held_locks[key] += 1
        try:
            yield
        finally:
            _held_locks[key] -= 1
        return
    key.parent.mkdir(parents=True, exist_ok=True)
    lock_path = key.with_name(key.name + ".lock")
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "another process"
        os.close(fd)
        raise CatalogueBusy(f"another Stopwijzer run is busy with {db_path} ({holder}); "
                            "try again when it has finished") from None
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
    _held_locks[key] = 1
    try:
        yield
    finally:
        del _held_locks[key]
        os.close(fd)  # closing the descriptor releases the lock, also when the process dies


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    from catalogue.migrations import migrate  # imported here: it uses CatalogueError from here
    for name in ("schema.sql", "views.sql"):
        con.execute((SQL_DIR / name).read_text(encoding="utf-8"))
        if name == "schema.sql":
            migrate(con)  # the tables exist; the views are made on what migrations left


def extra_sql(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Later stages (scoring, curation) add their own tables and views to the same file."""
    con.execute(path.read_text(encoding="utf-8"))


@contextmanager
def working_copy(db_path: Path):
    """The path of a copy of the database, swapped in only if the block succeeds."""
    with run_lock(db_path):
        work = db_path.with_name(db_path.name + ".next")
        for stale in (work, work.with_name(work.name + ".wal")):
            stale.unlink(missing_ok=True)
        if db_path.exists():
            shutil.copy2(db_path, work)
        try:
            yield work
        except BaseException:
            work.unlink(missing_ok=True)
            raise
        os.replace(work, db_path)


@contextmanager
def open_for_write(path: Path):
    """A connection with the catalogue's schema; checkpointed and closed when the block ends."""
    try:
        con = duckdb.connect(str(path))
    except duckdb.Error as error:
        raise CatalogueError(f"{path}: not a readable Stopwijzer database ({error})") from None
    try:
        ensure_schema(con)
        yield con
        con.execute("CHECKPOINT")
    finally:
        con.close()


@contextmanager
def write_session(db_path: Path):
    """A connection to a working copy of the database, swapped in only if the block succeeds."""
    with working_copy(db_path) as work, open_for_write(work) as con:
        yield con


def connect_readonly(db_path: Path) -> duckdb.DuckDBPyConnection:
    """Read the last finished state; safe while a run is writing its copy."""
    if not db_path.exists():
        raise CatalogueError(f"{db_path}: no database yet; run 'stopwijzer nightly' or "
                             "'make demo' first")
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        raise CatalogueError(f"{db_path}: not a readable Stopwijzer database ({error})") from None
