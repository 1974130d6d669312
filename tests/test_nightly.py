"""The whole nightly pipeline on the demo snapshot, as `make demo` runs it, and killed halfway."""

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue.store import connect_readonly
from crawlers.items import SOURCES
from publish.data import off_topic_apps
from stopwijzer import pipeline

STOPWIJZER = [sys.executable, "-m", "stopwijzer"]


def nightly_command(db: Path, site: Path) -> list[str]:
    return [*STOPWIJZER, "--db", str(db), "nightly", "--replay", str(pipeline.DEMO_SNAPSHOT),
            "--site", str(site)]


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    db, site = folder / "data" / "stopwijzer.duckdb", folder / "build" / "site"
    first = subprocess.run(nightly_command(db, site), capture_output=True, text=True, cwd=folder)
    assert first.returncode == 0, first.stderr
    return db, site, first


def test_the_demo_run_prints_where_everything_is(demo_run):
    db, site, run = demo_run
    assert f"database:      {db}" in run.stdout
    assert f"site:          {site / 'index.html'}" in run.stdout
    with connect_readonly(db) as con:
        apps = con.execute("SELECT count(*) FROM app").fetchone()[0]
    summary = run.stdout.strip().splitlines()[-1]
    assert summary == f"run 1 (ok): {apps} apps seen, {apps} new, 0 changed, 0 gone"


def test_every_app_on_the_site_has_its_page_and_no_other_page_exists(demo_run):
    db, site, _ = demo_run
    with connect_readonly(db) as con:
        apps = {row[0] for row in con.execute("SELECT app_id FROM app_current").fetchall()}
        off_topic = off_topic_apps(con)  # kept off the site
    pages = {p.parent.name for p in (site / "apps").glob("*/index.html")}
    hidden = {e["app"] for e in pipeline.load_curation().of("hide")}
    assert off_topic and pages == apps - hidden - set(off_topic)


def test_a_rerun_on_the_same_snapshot_adds_no_observation(demo_run, tmp_path):
    db, site, _ = demo_run
    copy = tmp_path / "stopwijzer.duckdb"
    copy.write_bytes(db.read_bytes())
    with connect_readonly(copy) as con:
        before = con.execute("SELECT count(*) FROM observation").fetchone()
    again = subprocess.run(nightly_command(copy, tmp_path / "site"), capture_output=True,
                           text=True)
    assert again.returncode == 0, again.stderr
    assert ", 0 new, 0 changed, 0 gone" in again.stdout
    with connect_readonly(copy) as con:
        assert con.execute("SELECT count(*) FROM observation").fetchone() == before
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone() == (2,)


@pytest.mark.parametrize("stage", ["crawling", "scoring", "building the site"])
def test_a_run_killed_halfway_changes_nothing_and_the_next_run_works(demo_run, tmp_path, stage):
    db, site = tmp_path / "data" / "stopwijzer.duckdb", tmp_path / "site"
    db.parent.mkdir()
    db.write_bytes(demo_run[0].read_bytes())
    subprocess.run(nightly_command(db, site), check=True, capture_output=True)
    db_before, site_before = db.read_bytes(), tree_digest(site)

    process = subprocess.Popen(nightly_command(db, site), stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    for line in process.stderr:
        if line.startswith(stage):
            os.killpg(process.pid, signal.SIGKILL)
            break
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert db.read_bytes() == db_before
    assert tree_digest(site) == site_before

    after = subprocess.run(nightly_command(db, site), capture_output=True, text=True)
    assert after.returncode == 0, after.stderr
    with connect_readonly(db) as con:
        apps = con.execute("SELECT count(*) FROM app").fetchone()[0]
        records = dict(con.execute("SELECT source, records FROM source_run WHERE run_id = 3"
                                   ).fetchall())
    # Run 1 is the demo's, run 2 the one before the kill; the killed run left no trace.
    assert after.stdout.strip().splitlines()[-1] == \
        f"run 3 (ok): {apps} apps seen, 0 new, 0 changed, 0 gone"
    source_lines = [line for line in after.stderr.splitlines() if line.startswith("  ")]
    assert source_lines == [f"  {source}: ok, {records[source]} records (0 new, 0 changed, "
                            "0 gone)" for source in SOURCES]


def test_the_run_shows_progress_per_source_and_none_of_scrapys_log(demo_run):
    db, _, run = demo_run
    lines = run.stderr.splitlines()
    for source in SOURCES:
        assert f"{source}: started" in lines
        finished = [line for line in lines if line.startswith(f"{source}: finished, ")]
        assert len(finished) == 1, (source, lines)
        pages, cap = finished[0].split(", ")[1].removesuffix(" pages").split("/")
        assert int(pages) > 0 and cap == "400"
    for stage in ("scoring", "site"):
        assert [line for line in lines if line.startswith(f"{stage}: finished, ")], lines
    assert not [line for line in lines if "scrapy" in line or " INFO: " in line], lines
    log = next((db.parent / "crawls").iterdir()) / "crawl.log"
    assert "Spider closed (finished)" in log.read_text(encoding="utf-8")


def test_status_shows_pages_and_duration_per_source_of_the_last_run(demo_run):
    db, _, _ = demo_run
    status = subprocess.run([*STOPWIJZER, "--db", str(db), "status"], capture_output=True,
                            text=True, check=True).stdout
    section = status.split("time per source (run 1):\n")[1].split("\n\n")[0].splitlines()
    with connect_readonly(db) as con:
        stored = dict(con.execute("SELECT source, pages FROM source_run WHERE run_id = 1 "
                                  "AND duration > 0").fetchall())
    assert sorted(stored) == sorted(SOURCES)
    for source, pages in stored.items():
        line = next(line for line in section if line.split()[0] == source)
        assert f" {pages} pages, " in line and line.split(", ")[2].endswith(" s"), line


def test_verbose_shows_scrapys_log_too(tmp_path):
    run = subprocess.run([*STOPWIJZER, "--db", str(tmp_path / "s.duckdb"), "--verbose", "crawl",
                          "--replay", str(pipeline.DEMO_SNAPSHOT), "--source", "ikstopnu"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "scrapy.core.engine INFO: Spider closed (finished)" in run.stderr
    assert "ikstopnu: finished, 1/400 pages, 5 records" in run.stderr
