"""Kills around the swaps, a server running through a nightly, and clumsy paths."""

import os
import subprocess
import sys
import threading
import urllib.request

import pytest

from catalogue.store import CatalogueBusy, connect_readonly, run_lock, write_session
from publish import build
from stopwijzer import pipeline

HOLD_LOCK = """
import sys, time
from pathlib import Path
from catalogue.store import run_lock
with run_lock(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(30)
"""


class Killed(BaseException):
    """What a SIGKILL at that moment would leave: nothing after it runs."""


def runs(db):
    with connect_readonly(db) as con:
        return con.execute("SELECT count(*) FROM crawl_run").fetchone()[0]


def nightly(db, site):
    return pipeline.nightly(db, site, ["ikstopnu"], replay=pipeline.DEMO_SNAPSHOT,
                            echo=lambda m: None)


@pytest.fixture
def after_one_night(tmp_path):
    db, site = tmp_path / "data" / "stopwijzer.duckdb", tmp_path / "build" / "site"
    nightly(db, site)
    return db, site


def published(site):
    return site.resolve().name


def test_a_kill_at_the_database_swap_leaves_the_site_as_it_was(after_one_night, monkeypatch):
    db, site = after_one_night
    before = published(site)
    real_replace = os.replace

    def killed_at_db_swap(src, dst):
        if str(dst) == str(db):
            raise Killed
        real_replace(src, dst)
    monkeypatch.setattr("catalogue.store.os.replace", killed_at_db_swap)
    with pytest.raises(Killed):
        nightly(db, site)
    assert runs(db) == 1
    assert published(site) == before  # not a new site over the old database


def test_what_a_kill_leaves_is_removed_by_the_next_run(after_one_night, monkeypatch):
    db, site = after_one_night
    monkeypatch.setattr(pipeline, "publish", lambda target, out: (_ for _ in ()).throw(Killed))
    with pytest.raises(Killed):
        nightly(db, site)
    assert runs(db) == 2  # the database is the commit point; its site comes with the next run
    (site.parent / ".docs-killed").mkdir()
    (site.parent / ".site-replaced").mkdir()  # a user's folder: never removed
    monkeypatch.undo()
    nightly(db, site)
    assert sorted(p.name for p in site.parent.iterdir()) == sorted(
        [".site-replaced", ".site.lock", published(site), "site"])


def test_serve_keeps_showing_the_site_after_a_nightly(after_one_night):
    db, site = after_one_night
    server = build.site_server(site, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert urllib.request.urlopen(url).status == 200
        nightly(db, site)
        assert urllib.request.urlopen(url).status == 200
    finally:
        server.shutdown()
        server.server_close()


def test_a_symlinked_database_is_updated_through_the_link(tmp_path, load, db):
    load({})
    link = tmp_path / "link.duckdb"
    link.symlink_to(db)
    with write_session(link) as con:
        con.execute("INSERT INTO app VALUES ('quiddy', 'Quiddy', 1)")
    assert link.is_symlink()
    with connect_readonly(db) as con:
        assert con.execute("SELECT app_id FROM app").fetchall() == [("quiddy",)]


def test_an_existing_folder_is_never_moved_away_for_the_site(tmp_path):
    folder = tmp_path / "mijn-documenten"
    folder.mkdir()
    (folder / "brief.txt").write_text("van de POH")
    with pytest.raises(FileExistsError, match="is not a site built by Stopwijzer"):
        build.build_site({"apps": []}, folder)
    assert (folder / "brief.txt").read_text() == "van de POH"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".mijn-documenten.lock") == [
        "mijn-documenten"]


@pytest.mark.parametrize("site", [".", "..", "crawls", "backups/site"])
def test_a_site_over_the_database_folder_is_refused_before_anything_runs(tmp_path, site):
    db = tmp_path / "data" / "stopwijzer.duckdb"
    with pytest.raises(ValueError, match="must be outside the database folder"):
        nightly(db, db.parent / site)
    assert not db.parent.exists()


def test_deleting_the_lock_file_does_not_let_a_second_run_in(db):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        db.with_name(db.name + ".lock").unlink()
        with pytest.raises(CatalogueBusy, match="another Stopwijzer run is busy"):
            with run_lock(db):
                pass
    finally:
        holder.kill()
        holder.wait()
    with run_lock(db):
        pass
