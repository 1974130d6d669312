"""Bad input to any command: one clear line and a non-zero exit, never a traceback."""

import subprocess
import sys

import pytest

from catalogue.store import connect_readonly
from crawlers.errors import InputError
from stopwijzer import cli, pipeline

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


@pytest.mark.parametrize("args, code, message", [
    (["parse", "googleplay", "missing.html", "--url", QUIDDY_URL], 1, "missing.html"),
    (["parse", "playstore", GOOGLEPLAY_PAGE, "--url", QUIDDY_URL], 2,
     "unknown source 'playstore'"),
    (["parse", "appstore", GOOGLEPLAY_PAGE, "--url", "https://itunes.apple.com/lookup?id=1"], 1,
     "appstore: https://itunes.apple.com/lookup?id=1: field 'results': not valid JSON"),
    (["parse", "googleplay", GOOGLEPLAY_PAGE, "--url", "https://play.google.com/store/x"], 1,
     "field 'url'"),
    (["crawl", "--replay", "/nonexistent/snapshot"], 1, "not a snapshot folder"),
    (["export", "--out", "x"], 1, "no database yet"),
    (["rate", "missing.json"], 1, "missing.json"),
    (["rate", GOOGLEPLAY_PAGE], 1, "nl.trimbos.quiddy.html: not valid JSON"),
])
def test_bad_input_gives_one_line(tmp_path, args, code, message):
    result = stopwijzer("--db", tmp_path / "none.duckdb", *args, cwd=tmp_path)
    assert result.returncode == code
    assert "Traceback" not in result.stderr
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("args, message", [
    (["export", "--format", "xlsx", "--out", "x"],
     "stopwijzer: error: Invalid value for --format: 'xlsx' is not one of parquet, csv "
     "(see 'stopwijzer export --help')"),
    (["crawl", "--bogus"], "stopwijzer: error: No such option: --bogus "
                           "(see 'stopwijzer crawl --help')"),
    (["crawl", "--source", "playstore"], "unknown source 'playstore'"),
    (["frobnicate"], "No such command 'frobnicate'"),
])
def test_a_usage_error_is_one_line_and_exit_code_2(tmp_path, args, message):
    result = stopwijzer("--db", tmp_path / "none.duckdb", *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_help_screens_are_plain_english():
    result = stopwijzer("export", "--help")
    assert result.returncode == 0
    assert "<bool>" not in result.stdout and "╭" not in result.stdout
    assert "--format <str>  parquet or csv" in result.stdout


def test_debug_shows_the_traceback_of_an_expected_error(tmp_path):
    result = stopwijzer("--db", tmp_path / "none.duckdb", "--debug", "status")
    assert result.returncode == 1
    assert "Traceback" in result.stderr and "CatalogueError" in result.stderr


def run_score_with(bug, tmp_path, monkeypatch, capsys) -> tuple[int, str]:
    """Exit code and stderr of `stopwijzer score` when scoring fails with `bug()`."""
    def broken(db_path, echo=None):
        return bug()
    monkeypatch.setattr(cli.pipeline, "score_only", broken)
    monkeypatch.setattr(sys, "argv", ["stopwijzer", "--db", str(tmp_path / "x.duckdb"), "score"])
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    return exit_.value.code, capsys.readouterr().err


@pytest.mark.parametrize("bug, name", [(lambda: {}["evidence"], "KeyError"),
                                       (lambda: int("vier"), "ValueError")])
def test_a_bug_shows_its_traceback_not_one_silent_line(bug, name, tmp_path, monkeypatch,
                                                       capsys):
    """A KeyError or a ValueError inside a command is a bug, not bad input: the user sees
    where it happened."""
    code, stderr = run_score_with(bug, tmp_path, monkeypatch, capsys)
    assert code == 1
    assert "Traceback" in stderr and "in broken" in stderr
    assert stderr.strip().splitlines()[-1].startswith(f"stopwijzer: error: unexpected {name}")


def test_our_own_input_check_is_one_line_without_a_traceback(tmp_path, monkeypatch, capsys):
    def bad_setting():
        raise InputError("STOPWIJZER_PROGRESS_SECONDS: not a number of seconds: 'vier'")
    code, stderr = run_score_with(bad_setting, tmp_path, monkeypatch, capsys)
    assert (code, stderr) == (1, "stopwijzer: error: STOPWIJZER_PROGRESS_SECONDS: not a number "
                                 "of seconds: 'vier'\n")


def test_restore_brings_back_the_database_and_the_site_together(tmp_path):
    db = tmp_path / "stopwijzer.duckdb"
    assert stopwijzer("--db", db, "ingest", "googleplay", GOOGLEPLAY_PAGE,
                      "--url", QUIDDY_URL).returncode == 0
    assert stopwijzer("--db", db, "score").returncode == 0
    saved = tmp_path / "saved.duckdb"
    saved.write_bytes(db.read_bytes())
    assert stopwijzer("--db", db, "ingest", "googleplay", GOOGLEPLAY_PAGE,
                      "--url", QUIDDY_URL).returncode == 0
    result = stopwijzer("--db", db, "restore", saved, "--site", tmp_path / "site")
    assert result.returncode == 0, result.stderr
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone()[0] == 1
    assert (tmp_path / "site" / "apps" / "quiddy" / "index.html").exists()
    assert "the replaced database is kept as" in result.stderr
