"""Bad input to any command: one clear line and a non-zero exit, never a traceback."""

import subprocess
import sys

import pytest

from catalogue.store import connect_readonly
from stopwijzer import pipeline

GOOGLEPLAY_PAGE = pipeline.DEMO_SNAPSHOT / "bodies" / "googleplay" / "nl.trimbos.quiddy.html"
QUIDDY_URL = "https://play.google.com/store/apps/details?id=nl.trimbos.quiddy&hl=nl&gl=NL"


def stopwijzer(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "stopwijzer", *map(str, args)],
                          capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def garbage_db(tmp_path):
    path = tmp_path / "broken.duckdb"
    path.write_bytes(b"\x00not a duckdb file" * 100)
    return path


def test_parse_prints_the_records_of_a_saved_page_as_json_lines():
    result = stopwijzer("parse", "googleplay", GOOGLEPLAY_PAGE, "--url", QUIDDY_URL)
    assert result.returncode == 0, result.stderr
    assert '"title": "Quiddy - samen stoppen met roken"' in result.stdout
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["parse", "googleplay", "missing.html", "--url", QUIDDY_URL], "missing.html"),
    (["parse", "playstore", GOOGLEPLAY_PAGE, "--url", QUIDDY_URL], "unknown source 'playstore'"),
    (["parse", "appstore", GOOGLEPLAY_PAGE, "--url", "https://itunes.apple.com/lookup?id=1"],
     "appstore: https://itunes.apple.com/lookup?id=1: field 'results': not valid JSON"),
    (["parse", "googleplay", GOOGLEPLAY_PAGE, "--url", "https://play.google.com/store/x"],
     "field 'url'"),
    (["crawl", "--replay", "/nonexistent/snapshot"], "not a snapshot folder"),
    (["export", "--format", "xlsx", "--out", "x"], "no database yet"),
])
def test_bad_input_gives_one_line(tmp_path, args, message):
    result = stopwijzer("--db", tmp_path / "none.duckdb", *args, cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 or "Usage" in result.stderr


def test_a_broken_database_is_reported_not_crashed_on(garbage_db, tmp_path):
    for args in (["status"], ["export", "--out", tmp_path / "x"], ["site", "--out", tmp_path / "s"],
                 ["ingest", "googleplay", GOOGLEPLAY_PAGE, "--url", QUIDDY_URL]):
        result = stopwijzer("--db", garbage_db, *args)
        assert result.returncode == 1, args
        assert result.stderr.startswith("stopwijzer: error: ")
        assert "not a readable Stopwijzer database" in result.stderr
        assert "Traceback" not in result.stderr
    assert garbage_db.read_bytes() == b"\x00not a duckdb file" * 100


@pytest.mark.parametrize("content, message", [
    ("{not json", "not valid JSON"),
    ('{"description": "x"}', "needs at least 'name' and 'description'"),
    ("[1, 2]", "needs at least 'name' and 'description'"),
])
def test_rate_refuses_what_is_no_app_record(tmp_path, content, message):
    path = tmp_path / "app.json"
    path.write_text(content)
    result = stopwijzer("rate", path)
    assert result.returncode == 1
    assert message in result.stderr and "Traceback" not in result.stderr


def test_ingest_stores_a_saved_page_as_a_manual_observation(tmp_path):
    db = tmp_path / "stopwijzer.duckdb"
    result = stopwijzer("--db", db, "ingest", "googleplay", GOOGLEPLAY_PAGE, "--url", QUIDDY_URL)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("run 1 (manual): 1 apps seen, 1 new")
    with connect_readonly(db) as con:
        assert con.execute("SELECT app_id, status FROM app_current").fetchall() == [
            ("quiddy", "beschikbaar")]
        assert con.execute("SELECT mode, snapshot FROM crawl_run").fetchall() == [
            ("manual", str(GOOGLEPLAY_PAGE))]
