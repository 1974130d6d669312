"""The editor's curation file: mistakes are refused with their line, before anything is written."""

import textwrap

import duckdb
import pytest

from catalogue.curation import CurationError, check_app_ids, load_curation, record_audit
from catalogue.load import load_crawl
from catalogue.store import write_session
from tests.records import T0, play, write_crawl

VALID = """\
links:
  - record: "googleplay:com.example.quit"
    app: quitnow
    by: j.jansen
    date: 2026-11-20
    why: same app under another store title
ratings:
  - app: quitnow
    dimension: evidence
    value: trial
    by: j.jansen
    date: 2026-11-20
    why: RCT published
"""


def write(tmp_path, text):
    path = tmp_path / "curation.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_valid_file_gives_links_and_overrides(tmp_path):
    curation = load_curation(write(tmp_path, VALID))
    assert curation.editor_links() == {("googleplay", "com.example.quit"): "quitnow"}
    assert [e["value"] for e in curation.of("ratings", "quitnow")] == ["trial"]


@pytest.mark.parametrize("text, message", [
    (VALID.replace("    why: RCT published", "    valeu: x"), "line 8: ratings: unknown field 'valeu'"),
    (VALID + """\
  - app: quitnow
    dimension: evidence
    value: claimed
    by: p.de.vries
    date: 2026-11-21
""", "line 14: ratings: duplicate of the entry on line 8"),
    (VALID.replace("dimension: evidence", "dimension: stars"), "unknown dimension 'stars'"),
    (VALID.replace("date: 2026-11-20\n    why: same", "date: gisteren\n    why: same"),
     "line 2: links: field 'date' must be a date"),
    (VALID.replace("googleplay:com", "playstore:com"), "line 2: links: record 'playstore:com"),
    ("colours:\n  - app: x\n", "unknown section 'colours'"),
    ("links: [\n", "not valid YAML"),
])
def test_mistakes_are_refused_with_their_line(tmp_path, text, message):
    with pytest.raises(CurationError, match=message.replace("(", r"\(")) as error:
        load_curation(write(tmp_path, text))
    assert str(tmp_path / "curation.yaml") in str(error.value)


def test_an_unknown_app_is_refused_with_its_line(tmp_path):
    curation = load_curation(write(tmp_path, VALID.replace("app: quitnow\n    dimension",
                                                           "app: quitnoww\n    dimension")))
    con = duckdb.connect()
    con.execute("CREATE TABLE app (app_id VARCHAR)")
    con.execute("INSERT INTO app VALUES ('quitnow')")
    with pytest.raises(CurationError, match="line 8: ratings: unknown app 'quitnoww'"):
        check_app_ids(curation, con)


def test_an_editor_link_moves_a_record_to_the_named_app(db, load, tmp_path):
    load({"googleplay": [play("com.EAGINsoftware.dejaloYa", "QuitNow!", "Fewlaps"),
                         play("com.example.quit", "Stop nu", "Example")]})
    curation = load_curation(write(tmp_path, VALID))
    with write_session(db) as con:
        folder = write_crawl(tmp_path / "again", {"googleplay": [
            play("com.example.quit", "Stop nu", "Example")]})
        load_crawl(con, folder, ["googleplay"], mode="replay", started=T0,
                   editor_links=curation.editor_links())
        assert con.execute("SELECT app_id, method FROM app_link WHERE source_id = "
                           "'com.example.quit'").fetchall() == [("quitnow", "editor")]
        assert record_audit(curation, con, T0.replace(tzinfo=None)) == 2
        assert record_audit(curation, con, T0.replace(tzinfo=None)) == 0
        assert con.execute("SELECT kind, made_by FROM curation_audit ORDER BY kind").fetchall() \
            == [("links", "j.jansen"), ("ratings", "j.jansen")]
