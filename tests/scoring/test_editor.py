"""The editor's day: corrections that change value and label, reviews that cover only what
existed when they were written, hidden and gone apps, and a change report that says what to do."""

import datetime as dt
import json

from catalogue.curation import Curation, record_audit
from catalogue.store import write_session
from publish.data import review_states, site_data, trends
from publish.report import change_report
from scoring.runs import apply_override, override_label, score_catalogue
from tests.records import play
from tests.scoring.test_runs import CLAIMING, QUITNOW, rate_by_words, score

HYPNOSIS = {**QUITNOW, "description": "Stoppen met roken met hypnose-sessies. Bewezen!"}


def entry(kind, **fields):
    return {"by": "redactie", "date": dt.date(2026, 11, 20), "why": "gecontroleerd",
            "__line__": 1, **fields}


def pending(db, curation):
    with write_session(db) as con:
        return review_states(con, curation)["quitnow"]["pending"]


def test_an_override_sets_the_label_of_its_value_and_its_reason_is_the_editors():
    ratings = rate_by_words({"description": "Wetenschappelijk bewezen", "sources": [
        {"seen_at": "2026-11-20"}]})
    ratings["evidence"]["label"] = "Alleen volgens de maker zelf"
    override = entry("ratings", app="quitnow", dimension="evidence", value="unknown")
    assert apply_override(ratings, override, "2026-11-20")
    evidence = ratings["evidence"]
    assert evidence["value"] == "unknown"
    assert evidence["label"] == override_label("evidence", "unknown") == "Geen onderbouwing bekend"
    assert evidence["reasons"][0]["status"] == "editor"
    assert evidence["reasons"][0]["text"] == "gecontroleerd"


def test_override_labels_follow_the_rubric_for_every_dimension():
    assert override_label("target_groups", ["jongeren"]) == "Jongeren (onder 18)"
    assert override_label("flags", []) == "Geen waarschuwingen"
    assert override_label("notifications", {"has": False}) == "Geen meldingen"
    assert override_label("language", {"dutch": False}) \
        != override_label("language", {"dutch": True})
    assert override_label("components", {"checklist": ["a", "b"]}).startswith("2 van 8")


def test_the_editors_own_correction_needs_no_review(db, load):
    load({"googleplay": [CLAIMING]})
    score(db)
    load({"googleplay": [CLAIMING]}, day=1)
    override = entry("ratings", app="quitnow", dimension="evidence", value="unknown",
                     date=dt.date(2026, 11, 21))
    curation = Curation(None, {"ratings": [override]})
    score(db, curation)
    with write_session(db) as con:
        assert con.execute("SELECT new_value, by_editor FROM advice_changes").fetchall() == [
            ('"unknown"', True)]
    assert pending(db, curation) is False


def test_a_review_does_not_cover_a_change_scored_after_the_run_that_applied_it(db, load):
    """Reviewed in the morning; the afternoon's run adds hypnosis: that waits for review."""
    load({"googleplay": [QUITNOW]})
    score_with_flags(db)
    load({"googleplay": [CLAIMING]}, day=1)
    score_with_flags(db)
    today = dt.datetime.now(dt.timezone.utc).date()
    review = Curation(None, {"reviews": [entry("reviews", app="quitnow", date=today)]})
    with write_session(db) as con:
        record_audit(review, con, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None))
    assert pending(db, review) is False            # the morning's review covers the claim
    load({"googleplay": [HYPNOSIS]}, day=2)
    score_with_flags(db)
    assert pending(db, review) is True             # same calendar day, but after the review


def score_with_flags(db):
    def rate(record):
        ratings = rate_by_words(record)
        hypnosis = "hypnose" in record["description"]
        ratings["flags"] = {"value": ["unproven_method"] if hypnosis else [], "label": "",
                            "confidence": "medium", "reasons": []}
        return ratings
    with write_session(db) as con:
        return score_catalogue(con, Curation(None), rate)


def test_a_review_with_a_time_covers_only_what_was_scored_before_it(db, load):
    load({"googleplay": [QUITNOW]})
    score(db)
    before = dt.datetime.now(dt.timezone.utc) - dt.timedelta(minutes=5)
    load({"googleplay": [CLAIMING]}, day=1)
    score(db)
    early = Curation(None, {"reviews": [entry("reviews", app="quitnow", date=before)]})
    late = Curation(None, {"reviews": [entry("reviews", app="quitnow",
                                             date=before + dt.timedelta(hours=1))]})
    assert pending(db, early) is True
    assert pending(db, late) is False


def test_hidden_apps_are_marked_and_left_out_of_the_trends(db, load):
    load({"googleplay": [QUITNOW, play("nl.example.other", "Rookvrij Nu", "Example")]})
    curation = Curation(None, {"hide": [entry("hide", app="rookvrij-nu")]})
    score(db, curation)
    with write_session(db) as con:
        assert con.execute("SELECT app_id, hidden FROM app_current ORDER BY app_id").fetchall() \
            == [("quitnow", False), ("rookvrij-nu", True)]
        assert [p["apps"] for p in trends(con, curation.hidden())] == [1]
        data = site_data(con, curation, {"evidence": {}})
    assert [a["app_id"] for a in data["apps"]] == ["quitnow"]
    assert data["trends"][0]["apps"] == 1


def test_a_gone_app_keeps_its_last_known_description_and_ratings(db, load):
    load({"googleplay": [CLAIMING, play("nl.example.other", "Rookvrij Nu", "Example")]})
    score(db)
    load({"googleplay": [play("nl.example.other", "Rookvrij Nu", "Example")]}, day=1)
    score(db)
    with write_session(db) as con:
        app = next(a for a in site_data(con, Curation(None), {})["apps"]
                   if a["app_id"] == "quitnow")
        gone_run = con.execute("SELECT run_id FROM app_history WHERE app_id = 'quitnow' "
                               "AND event = 'gone'").fetchone()[0]
    assert app["available"] is False and gone_run == 2
    assert app["description"] == CLAIMING["description"]
    assert app["ratings"]["evidence"]["value"] == "claimed"
    assert app["last_seen"].startswith("2026-11-20")


def test_the_report_escapes_store_text_and_lists_what_to_do(db, load):
    forged = play("nl.example.forged", "Stop\n## Nieuwe apps\n<img src=x onerror=alert(1)> "
                  "[klik](https://evil.example)", "Evil")
    override = entry("ratings", app="quitnow", dimension="evidence", value="trial")
    curation = Curation(None, {"ratings": [override]})
    load({"googleplay": [QUITNOW, forged]})
    score(db, curation)
    run = load({"googleplay": [CLAIMING, {**forged, "version": "<b>2</b>"}]}, day=1)
    with write_session(db) as con:
        scores = score_catalogue(con, curation, rate_by_words)
        report = change_report(con, run.run_id, scores.score_run_id, curation)
        stored = json.loads(con.execute("SELECT expired_overrides FROM score_run "
                                        "ORDER BY score_run_id DESC LIMIT 1").fetchone()[0])
    assert stored == ["quitnow/evidence"]
    assert report.count("## Nieuwe apps") == 1
    assert "<img" not in report and "<b>" not in report and "](https" not in report
    assert "&lt;b&gt;2&lt;/b&gt;" in report
    assert "## Correcties verlopen\n\n- `quitnow/evidence`: de app is veranderd" in report
    waiting = report.split("## Wacht op beoordeling\n\n")[1].split("\n\n")[0]
    assert waiting.startswith("- `quitnow`: onderbouwing, waarschuwingen of doelgroep veranderd")


def test_the_site_names_changed_fields_in_dutch(db, load):
    load({"googleplay": [QUITNOW]})
    score(db)
    load({"googleplay": [{**CLAIMING, "version": "2.0"}]}, day=1)
    score(db)
    with write_session(db) as con:
        app = site_data(con, Curation(None), {})["apps"][0]
    assert {(h["field"], h["field_name"]) for h in app["history"] if h["field"]} == {
        ("description", "beschrijving"), ("version", "versie")}
    described = next(h for h in app["history"] if h["field"] == "description")
    assert (described["old"], described["new"]) == (
        "Stoppen met roken met herinneringen.", "Wetenschappelijk bewezen: stoppen met roken!")
