"""What keeps the nightly safe in cron: backups and the run log."""

import os
import subprocess
import time
from pathlib import Path

import pytest

from catalogue.store import CatalogueError, connect_readonly
from stopwijzer.operations import RunLog, backup, prune, restore
from tests.records import play


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


def test_restore_puts_a_backup_in_place_and_backs_up_what_it_replaces(db, load):
    load({"googleplay": [play("nl.example.a", "Rookvrij A", "Example")]})
    good = backup(db)
    load({"googleplay": [play("nl.example.b", "Rookvrij B", "Example")]}, day=1)
    replaced = restore(good, db)
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone()[0] == 1
    with connect_readonly(replaced) as con:
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone()[0] == 2


def test_restore_refuses_a_file_that_is_no_database(db, load, tmp_path):
    load({})
    before = db.read_bytes()
    broken = tmp_path / "broken.duckdb"
    broken.write_bytes(b"\x00truncated" * 50)
    with pytest.raises(CatalogueError, match="not a readable Stopwijzer database"):
        restore(broken, db)
    assert db.read_bytes() == before


def test_prune_removes_old_crawls_and_logs_but_keeps_the_newest(db):
    now = time.time()
    for n in range(10):
        folder = db.parent / "crawls" / f"2026110{n}T020000Z"
        folder.mkdir(parents=True)
        (folder / "googleplay.jsonl").write_text("{}")
        log = db.parent / "logs" / f"nightly-2026110{n}T020000Z.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text("done")
        age = now - (40 - n) * 86400  # 40 .. 31 days old
        os.utime(folder, (age, age))
        os.utime(log, (age, age))
    removed = prune(db, days=30, keep=7, now=now)
    assert len(removed) == 6
    assert sorted(p.name for p in (db.parent / "crawls").iterdir())[0] == "20261103T020000Z"
    assert len(list((db.parent / "logs").iterdir())) == 7
    assert prune(db, days=60, keep=0, now=now) == []


def test_the_cron_mail_sends_the_latest_change_report(tmp_path):
    reports = tmp_path / "data" / "reports"
    reports.mkdir(parents=True)
    (reports / "run-00001.md").write_text("# run 1")
    (reports / "run-00002.md").write_text("# run 2")
    os.utime(reports / "run-00001.md", (1, 1))
    fake = tmp_path / "bin" / "mail"
    fake.parent.mkdir()
    fake.write_text('#!/bin/sh\necho "$@" > "$OUT"; cat >> "$OUT"\n')
    fake.chmod(0o755)
    script = Path(__file__).resolve().parents[1] / "deploy" / "mail-report.sh"
    env = {**os.environ, "PATH": f"{fake.parent}:{os.environ['PATH']}",
           "OUT": str(tmp_path / "sent")}
    subprocess.run(["sh", str(script), "redactie@example.org", "4"], cwd=tmp_path, env=env,
                   check=True)
    sent = (tmp_path / "sent").read_text().splitlines()
    assert sent == ["-s Stopwijzer: een bron is mislukt (zie het rapport) redactie@example.org",
                    "# run 2"]
