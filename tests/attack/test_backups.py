"""Backups survive failing nightlies, corrupt databases and copies killed halfway."""

import pytest

from catalogue.store import CatalogueError
from stopwijzer.operations import backup


@pytest.fixture
def stamps(monkeypatch):
    moments = iter(f"20261120T{n:02d}0000Z" for n in range(24))
    monkeypatch.setattr("stopwijzer.operations.stamp", lambda: next(moments))


def backups(db):
    return sorted(p.name for p in (db.parent / "backups").iterdir())


def test_a_corrupt_database_is_not_backed_up_and_the_good_backups_stay(db, load, stamps):
    load({})
    good = [backup(db, keep=3) for _ in range(3)]
    contents = [p.read_bytes() for p in good]
    db.write_bytes(db.read_bytes()[:4096] + b"\0garbage" * 1000)
    for _ in range(5):  # five failing nightlies in a row
        with pytest.raises(CatalogueError, match="not a readable Stopwijzer database"):
            backup(db, keep=3)
    assert backups(db) == [p.name for p in good]
    assert [p.read_bytes() for p in good] == contents


def test_a_copy_killed_halfway_neither_counts_nor_stays(db, load, stamps):
    load({})
    good = [backup(db, keep=2) for _ in range(2)]
    folder = db.parent / "backups"
    # what a kill during the copy leaves: a truncated file, under the old or the new name
    (folder / f"{db.stem}-20261120T220000Z{db.suffix}").write_bytes(db.read_bytes()[:3000])
    (folder / f".{db.stem}-20261120T230000Z{db.suffix}.partial").write_bytes(b"half")
    made = backup(db, keep=2)
    # the truncated file is no backup: the two good ones are kept beside it, not rotated out
    assert backups(db) == sorted([good[1].name, made.name,
                                  f"{db.stem}-20261120T220000Z{db.suffix}"])
    assert made.read_bytes() == db.read_bytes()
