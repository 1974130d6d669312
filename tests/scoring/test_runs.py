"""Scoring runs: ratings stored when they change, editor overrides that hold until the app changes."""

import datetime as dt
import json

import pandas as pd
import pytest

from catalogue.curation import Curation
from catalogue.export import export
from catalogue.store import write_session
from publish.data import review_states, trends
from publish.report import change_report
from scoring.runs import score_catalogue
from tests.records import play


def rate_by_words(record):
    """A small, transparent rater for testing the run logic (the real rubric is tested apart)."""
    claims = "bewezen" in record["description"]
    return {"rubric_version": "test-1", "recommendable": not claims,
            "evidence": {"value": "claimed" if claims else "unknown",
                         "label": "Alleen volgens de maker" if claims else "Onbekend",
                         "confidence": "low", "guideline_aids": [],
                         "reasons": [{"rule": "self_claim", "text": record["description"][:40],
                                      "source": "description", "url": None,
                                      "seen": record["sources"][0]["seen_at"],
                                      "status": "claimed"}] if claims else []}}


QUITNOW = play("com.EAGINsoftware.dejaloYa", "QuitNow!", "Fewlaps",
               description="Stoppen met roken met herinneringen.")
CLAIMING = {**QUITNOW, "description": "Wetenschappelijk bewezen: stoppen met roken!"}
OVERRIDE = {"app": "quitnow", "dimension": "evidence", "value": "trial", "by": "redactie",
            "date": dt.date(2026, 11, 20), "why": "RCT gelinkt", "__line__": 3}


def score(db, curation=None):
    with write_session(db) as con:
        return score_catalogue(con, curation or Curation(None), rate_by_words)


def ratings(db, dimension="evidence"):
    with write_session(db) as con:
        return con.execute("SELECT value, valid_until IS NULL, override IS NOT NULL "
                           "FROM rating_history WHERE dimension = ? ORDER BY valid_from",
                           [dimension]).fetchall()


def test_unchanged_ratings_are_not_stored_again(db, load):
    load({"googleplay": [QUITNOW]})
    assert score(db).changed == 2  # evidence and recommendable
    assert score(db).changed == 0
    assert ratings(db) == [('"unknown"', True, False)]


def test_a_changed_app_gets_a_new_rating_and_the_old_one_its_end(db, load):
    load({"googleplay": [QUITNOW]})
    score(db)
    load({"googleplay": [CLAIMING]}, day=1)
    summary = score(db)
    assert summary.changed == 2
    assert ratings(db) == [('"unknown"', False, False), ('"claimed"', True, False)]
    with write_session(db) as con:
        reasons = json.loads(con.execute("SELECT reasons FROM rating_current WHERE dimension = "
                                         "'evidence'").fetchone()[0])
    assert reasons[0]["status"] == "claimed" and reasons[0]["seen"] == "2026-11-21"


def test_an_override_holds_until_the_app_changes(db, load):
    curation = Curation(None, {"ratings": [OVERRIDE]})
    load({"googleplay": [QUITNOW]}, day=0)          # seen 2026-11-20, the override's date
    score(db, curation)
    load({"googleplay": [QUITNOW]}, day=1)          # no change: the override holds
    assert score(db, curation).expired_overrides == []
    assert ratings(db) == [('"trial"', True, True)]
    load({"googleplay": [CLAIMING]}, day=2)         # the app changed after the override
    summary = score(db, curation)
    assert summary.expired_overrides == ["quitnow/evidence"]
    assert ratings(db)[-1] == ('"claimed"', True, False)


def test_the_change_report_lists_what_changed_in_the_run(db, load):
    load({"googleplay": [QUITNOW, play("nl.example.gone", "Rookvrij Nu", "Example")]})
    score(db)
    run = load({"googleplay": [{**CLAIMING, "version": "6.0"}]}, day=1)
    scores = score(db)
    with write_session(db) as con:
        report = change_report(con, run.run_id, scores.score_run_id)
    assert "# Stopwijzer: run 2 (ok, replay) van 2026-11-21 02:00 UTC" in report
    assert "- Rookvrij Nu (`rookvrij-nu`): niet meer gevonden in Google Play " \
           "(nl\\.example\\.gone)" in report
    assert "- `quitnow` Google Play versie: 1\\.0 → 6\\.0" in report
    assert "- `quitnow` Google Play beschrijving: nieuwe tekst. Toegevoegd: Wetenschappelijk " \
           "bewezen\\: stoppen met roken\\!; verdwenen: Stoppen met roken met herinneringen\\." \
           in report
    assert "- `quitnow` onderbouwing: Onbekend → Alleen volgens de maker" in report
    assert report.split("## Nieuwe apps\n\n")[1].startswith("- geen")


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_an_export_reloads_with_the_same_row_counts(db, load, tmp_path, fmt):
    load({"googleplay": [QUITNOW]})
    score(db)
    load({"googleplay": [CLAIMING]}, day=1)
    score(db)
    with write_session(db) as con:
        package = json.loads(export(con, tmp_path / "out", fmt).read_text())
        for resource in package["resources"]:
            path = tmp_path / "out" / resource["path"]
            frame = pd.read_parquet(path) if fmt == "parquet" else pd.read_csv(path)
            expected = con.execute(f"SELECT count(*) FROM {resource['name']}").fetchone()[0]
            assert len(frame) == resource["count_of_rows"] == expected, resource["name"]
    names = {r["name"] for r in package["resources"]}
    assert {"app_current", "observation", "rating_history", "crawl_run"} <= names
    fields = {f["name"]: f["type"] for r in package["resources"] if r["name"] == "observation"
              for f in r["schema"]["fields"]}
    assert (fields["languages"], fields["updated"], fields["rating"]) == ("array", "date", "number")


def test_a_changed_advice_waits_for_review_until_the_editor_records_one(db, load):
    load({"googleplay": [QUITNOW]})
    score(db)
    with write_session(db) as con:
        assert review_states(con, Curation(None))["quitnow"]["pending"] is False  # first rating
    load({"googleplay": [CLAIMING]}, day=1)
    score(db)
    today = dt.datetime.now(dt.timezone.utc).date()
    reviewed = Curation(None, {"reviews": [{"app": "quitnow", "by": "redactie", "date": today,
                                            "__line__": 1}]})
    with write_session(db) as con:
        pending = review_states(con, Curation(None))["quitnow"]
        assert pending["pending"] is True
        assert pending["note"] == "Nog niet beoordeeld door de redactie."
        assert review_states(con, reviewed)["quitnow"]["pending"] is False


def test_trends_count_each_crawl_with_the_ratings_scored_after_it(db, load):
    load({"googleplay": [QUITNOW, play("nl.example.other", "Rookvrij Nu", "Example")]})
    score(db)
    load({"googleplay": [CLAIMING]}, day=1)
    score(db)
    with write_session(db) as con:
        points = trends(con)
    assert [(p["date"], p["apps"], p["evidence"]) for p in points] == [
        ("2026-11-20", 2, {"unknown": 2}), ("2026-11-21", 1, {"claimed": 1})]
