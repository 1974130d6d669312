"""Opening the catalogue: one writer at a time, readers never blocked, no half-written state.

DuckDB lets one process write a file. A run therefore writes a copy beside the database and
swaps it in with an atomic rename when everything succeeded. Readers (the researcher, the site
build) keep reading the old file meanwhile; a run that fails or is killed leaves the database
exactly as it was, and only its unfinished copy behind, which the next run removes.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import socket
import sys
from contextlib import contextmanager
from pathlib import Path

import duckdb

from catalogue.load import ARROW_TYPES
from catalogue.sql import queries
from crawlers.items import FIELDS
from crawlers.sources import REGISTRY

SQL_DIR = Path(__file__).resolve().parent
SQL = queries(SQL_DIR / "store.sql")
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
    try:
        guard = _name_lock(key)
    except CatalogueBusy:
        os.close(fd)
        raise
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"pid {os.getpid()}".encode(), 0)
    _held_locks[key] = 1
    try:
        yield
    finally:
        del _held_locks[key]
        if guard:
            guard.close()
        os.close(fd)  # closing the descriptor releases the lock, also when the process dies


def _name_lock(key: Path) -> socket.socket | None:
    """A second lock that no file operation can remove: a Linux abstract socket named after the
    database. Someone deleting the lock file during a run (which frees the file lock for the
    next process) still cannot start a second run. The kernel frees it when the process dies."""
    if not sys.platform.startswith("linux"):
        return None
    name = "\0stopwijzer-run-" + hashlib.sha256(str(key).encode()).hexdigest()[:32]
    guard = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        guard.bind(name)
    except OSError:
        guard.close()
        raise CatalogueBusy(f"another Stopwijzer run is busy with {key} (its lock file was "
                            "removed); try again when it has finished") from None
    return guard


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    from catalogue.migrations import migrate  # imported here: it uses CatalogueError from here
    con.execute((SQL_DIR / "schema.sql").read_text(encoding="utf-8"))
    migrate(con)  # the tables exist; the views are made on what migrations left
    _add_record_columns(con)
    con.execute(SQL["clear_source_info"])
    con.executemany(SQL["insert_source_info"],
                    [{"source": s.name, "label": s.label, "priority": n, "store": s.store}
                     for n, s in enumerate(REGISTRY.values())])
    con.execute((SQL_DIR / "views.sql").read_text(encoding="utf-8"))


def _add_record_columns(con: duckdb.DuckDBPyConnection) -> None:
    """One typed observation column per record field (crawlers/items.py FIELDS), added to a
    database made before the field existed. Names and types are the code's own constants."""
    have = {row[0] for row in con.execute(SQL["observation_columns"]).fetchall()}
    for name, (sql_type, _) in FIELDS.items():
        if name not in have:
            # DDL cannot bind a column's name or type as a parameter, so both are formatted in,
            # and only a plain name and a type the loader fills (catalogue/load.py) ever are.
            if not (name.isascii() and name.isidentifier()) or sql_type not in ARROW_TYPES:
                raise ValueError(f"crawlers/items.py: field {name!r} of type {sql_type!r}: not a "
                                 "plain name or not a type the catalogue loads")
            con.execute(f'ALTER TABLE observation ADD COLUMN "{name}" {sql_type}')


def extra_sql(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    """Later stages (scoring, curation) add their own tables and views to the same file."""
    con.execute(path.read_text(encoding="utf-8"))


@contextmanager
def working_copy(db_path: Path):
    """The path of a copy of the database, swapped in only if the block succeeds."""
    with run_lock(db_path):
        # Through a symlinked --db to the real file: replacing the symlink itself would leave
        # the real database behind, never updated again.
        db_path = Path(os.path.realpath(db_path))
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
