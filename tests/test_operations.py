"""What keeps the nightly safe in cron: backups and the run log."""

from stopwijzer.operations import RunLog, backup


def test_a_backup_is_made_before_each_run_and_only_the_newest_are_kept(db, load, monkeypatch):
    assert backup(db) is None  # nothing to back up yet
    load({})
    stamps = iter(f"20261120T0{n}0000Z" for n in range(9))
    monkeypatch.setattr("stopwijzer.operations.stamp", lambda: next(stamps))
    made = [backup(db, keep=3) for _ in range(5)]
    kept = sorted(p.name for p in (db.parent / "backups").iterdir())
    assert kept == [p.name for p in made[-3:]]
    assert made[-1].read_bytes() == db.read_bytes()


def test_the_run_log_keeps_every_progress_line(db):
    shown = []
    log = RunLog(db, shown.append)
    log("crawling googleplay")
    log("done")
    assert shown == ["crawling googleplay", "done"]
    lines = log.path.read_text().splitlines()
    assert [line.split(" ", 1)[1] for line in lines] == shown
