"""The catalogue keeps every state of every record over time and never forgets an app."""

import duckdb
import pytest

from catalogue.store import connect_readonly

from tests.records import itunes, play

QUITNOW = play("com.EAGINsoftware.dejaloYa", "QuitNow! - Stop smoking", "Fewlaps")
SMOKEFREE = play("com.portablepixels.smokefree", "Smoke Free - Quit smoking now", "David Crane")
QUIDDY = play("nl.trimbos.quiddy", "Quiddy", "Trimbos-instituut")


def query(db, sql, *params):
    with connect_readonly(db) as con:
        return con.execute(sql, params).fetchall()


def test_rerun_of_the_same_crawl_adds_no_observation_but_moves_last_seen(db, load):
    first = load({"googleplay": [QUITNOW, SMOKEFREE]}, day=0)
    second = load({"googleplay": [QUITNOW, SMOKEFREE]}, day=1)
    assert (first.apps_new, first.apps_seen) == (2, 2)
    assert (second.apps_new, second.apps_changed, second.apps_gone, second.apps_seen) == (0, 0, 0, 2)
    assert query(db, "SELECT count(*) FROM observation") == [(2,)]
    assert query(db, "SELECT count(*) FROM sighting") == [(4,)]
    last_seen = query(db, "SELECT DISTINCT strftime(last_seen, '%Y-%m-%d') FROM record_current")
    assert last_seen == [("2026-11-21",)]


def test_a_changed_record_is_a_new_observation_and_a_change(db, load):
    load({"googleplay": [QUITNOW]}, day=0)
    summary = load({"googleplay": [{**QUITNOW, "version": "5.2", "rating": 4.7}]}, day=1)
    assert summary.apps_changed == 1
    assert query(db, "SELECT count(*) FROM observation") == [(2,)]
    changes = query(db, "SELECT field, old_value, new_value FROM record_changes ORDER BY field")
    assert changes == [("rating", "4.5", "4.7"), ("version", "1.0", "5.2")]
    events = query(db, "SELECT event, field FROM app_history WHERE app_id = 'quitnow' "
                       "ORDER BY happened_at, field")
    assert events == [("new", None), ("changed", "rating"), ("changed", "version")]
    assert query(db, "SELECT version FROM record_current") == [("5.2",)]


def test_a_vanished_app_is_kept_and_marked(db, load):
    load({"googleplay": [QUITNOW, QUIDDY]}, day=0)
    summary = load({"googleplay": [QUITNOW]}, day=1)
    assert summary.apps_gone == 1
    assert summary.sources["googleplay"].gone == 1
    rows = query(db, "SELECT app_id, status, strftime(gone_since, '%Y-%m-%d') FROM app_current "
                     "ORDER BY app_id")
    assert rows == [("quiddy", "gone", "2026-11-21"),
                    ("quitnow", "available", None)]
    assert query(db, "SELECT app_id FROM app_gone") == [("quiddy",)]
    assert query(db, "SELECT event FROM app_history WHERE app_id = 'quiddy' "
                     "ORDER BY happened_at DESC LIMIT 1") == [("gone",)]
    # It comes back: available again, with its history intact.
    load({"googleplay": [QUITNOW, QUIDDY]}, day=2)
    assert query(db, "SELECT status FROM app_current WHERE app_id = 'quiddy'") == [("available",)]


def test_a_source_with_problems_cannot_declare_apps_gone(db, load):
    load({"googleplay": [QUITNOW, QUIDDY]}, day=0)
    problems = {"googleplay": {"stopwijzer/problem_list": ["googleplay: url: HTTP 500"],
                               "stopwijzer/fetch_errors": 1, "stopwijzer/pages": 3}}
    summary = load({"googleplay": [QUITNOW]}, day=1, stats=problems)
    assert summary.sources["googleplay"].health.status == "partial"
    assert query(db, "SELECT count(*) FROM app_current WHERE available") == [(2,)]


def test_a_layout_change_fails_the_source_and_keeps_what_was_known(db, load):
    load({"googleplay": [QUITNOW, SMOKEFREE], "appstore": [itunes(483994930, "QuitNow!", "Fewlaps")]})
    before = query(db, "SELECT * FROM record_current WHERE source = 'googleplay' ORDER BY source_id")
    broken = [{**r, "rating": None, "installs": None, "description": None}
              for r in (QUITNOW, SMOKEFREE)]
    summary = load({"googleplay": broken, "appstore": [itunes(483994930, "QuitNow!", "Fewlaps",
                                                             version="2.1")]}, day=1)
    health = summary.sources["googleplay"].health
    assert health.status == "failed"
    assert "layout change" in health.reason and "'description'" in health.reason
    assert summary.sources["appstore"].health.status == "ok"
    assert summary.status == "partial"
    assert query(db, "SELECT * FROM record_current WHERE source = 'googleplay' "
                     "ORDER BY source_id") == before
    assert query(db, "SELECT version FROM record_current WHERE source = 'appstore'") == [("2.1",)]
    assert query(db, "SELECT status, reason IS NOT NULL FROM source_run WHERE run_id = 2 "
                     "AND source = 'googleplay'") == [("failed", True)]


def test_a_failed_run_leaves_the_database_byte_for_byte_as_before(db, load, monkeypatch):
    load({"googleplay": [QUITNOW]})
    before = db.read_bytes()

    def explode(*args, **kwargs):
        raise RuntimeError("disk full halfway")
    monkeypatch.setattr("catalogue.load.RunLoader.finish", explode)
    with pytest.raises(RuntimeError):
        load({"googleplay": [QUITNOW, QUIDDY]}, day=1)
    assert db.read_bytes() == before
    assert not db.with_name(db.name + ".next").exists()


def test_records_from_all_sources_link_to_one_app(db, load):
    ggd = {**play("x", "x", "x"), "source": "ggdappstore", "source_id": "quitnow",
           "url": "https://www.ggdappstore.nl/Appstore/Detail/quitnow", "title": "QuitNow!",
           "developer": None, "links": ["https://apps.apple.com/nl/app/quitnow/id483994930"]}
    load({"googleplay": [QUITNOW, SMOKEFREE],
          "appstore": [itunes(483994930, "QuitNow! Stop smoking", "Fewlaps S.L."),
                       itunes(999, "Smoke Free: quit smoking", "David Crane")],
          "ggdappstore": [ggd]})
    links = query(db, "SELECT source, app_id, method FROM app_link ORDER BY app_id, source")
    assert links == [
        ("appstore", "quitnow", "known_app"), ("ggdappstore", "quitnow", "known_app"),
        ("googleplay", "quitnow", "known_app"), ("appstore", "smoke-free", "known_app"),
        ("googleplay", "smoke-free", "known_app")]


def test_an_unrelated_app_gets_a_new_stable_id(db, load):
    load({"googleplay": [play("com.example.quit", "Quit Tracker: stop smoking", "Example")]})
    load({"googleplay": [play("com.example.quit", "Quit Tracker Pro", "Example")]}, day=1)
    assert query(db, "SELECT app_id, name FROM app") == [("quit-tracker", "Quit Tracker: stop smoking")]
    assert query(db, "SELECT name FROM app_current") == [("Quit Tracker Pro",)]


def test_readers_see_the_old_state_while_a_run_writes(db, load):
    load({"googleplay": [QUITNOW]})
    reader = duckdb.connect(str(db), read_only=True)
    load({"googleplay": [QUITNOW, QUIDDY]}, day=1)
    assert reader.execute("SELECT count(*) FROM app").fetchone() == (1,)
    reader.close()
    assert query(db, "SELECT count(*) FROM app") == [(2,)]
