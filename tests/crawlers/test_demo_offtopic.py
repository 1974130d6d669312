"""The demo snapshot replayed and scored: the GGD AppStore's structure and the stores' off-topic
search hits end up as the POH should see them, and the editor can still see the off-topic ones."""

from datetime import date

import pytest

from catalogue.curation import load_curation
from catalogue.store import connect_readonly, write_session
from publish.data import site_data
from publish.report import change_report
from scoring import rate
from scoring.runs import score_catalogue
from stopwijzer import operations, pipeline

OFF_TOPIC = ["de-avonturen-van-glansje-tom", "jabtalk", "meditation-moments", "mijnbreincoach",
             "runkeeper"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "stopwijzer.duckdb"
    pipeline.crawl(db, replay=pipeline.DEMO_SNAPSHOT, echo=lambda m: None)
    pipeline.score_only(db)
    return db


def links(con, app_id):
    return sorted(con.execute("SELECT source, source_id FROM app_link WHERE app_id = ?",
                              [app_id]).fetchall())


def test_each_ggd_app_is_one_app_with_its_store_records(demo_db):
    with connect_readonly(demo_db) as con:
        ggd = con.execute("SELECT source_id FROM record_current WHERE source = 'ggdappstore' "
                          "ORDER BY 1").fetchall()
        assert len(ggd) == len(set(ggd)) == 14  # many are listed under several pillars
        # The GGD card and the store records share the real store ids: one app.
        assert links(con, "kwit") == [("appstore", "525441365"), ("ggdappstore", "kwit"),
                                      ("googleplay", "fr.kwit.android")]
        assert links(con, "easyquit") == [
            ("appstore", "1508110799"), ("ggdappstore", "stop-smoking-easyquit-free"),
            ("googleplay", "com.herzberg.easyquitsmoking")]
        quiddy = con.execute("SELECT quality_score, description, links FROM record_current "
                             "WHERE source = 'ggdappstore' AND source_id = 'quiddy'").fetchone()
    assert quiddy[0] == 5.0
    assert quiddy[1].startswith("Quiddy helpt jongvolwassenen om te stoppen met roken.")
    assert "https://apps.apple.com/nl/app/quiddy/id1583560314" in quiddy[2]


def test_off_topic_apps_stay_in_the_catalogue_and_off_the_site(demo_db):
    with connect_readonly(demo_db) as con:
        assert set(OFF_TOPIC) <= {a for (a,) in con.execute("SELECT app_id FROM app_current")
                                  .fetchall()}
        # The iTunes searches mix on- and off-topic hits: the off-topic ones are the same apps as
        # the GGD cards with their store ids.
        assert ("appstore", "1340163398") in links(con, "mijnbreincoach")
        assert ("appstore", "1434192937") in links(con, "meditation-moments")
        shown = {a["app_id"] for a in site_data(con, load_curation(), {})["apps"]}
        report = change_report(con, 1, score_run_id=1)
        status = operations.status(con, demo_db, load_curation())
    assert not shown & set(OFF_TOPIC)
    assert {"quiddy", "kwit", "easyquit", "stoppen-met-roken", "jellinek-online-zelfhulp",
            "detour", "stop-smoking-hypnosis"} <= shown
    section = report.split("## Niet over stoppen met roken, niet op de site\n\n")[1].split("\n\n")[0]
    assert sorted(section.splitlines()) == sorted(f"- `{app_id}`" for app_id in OFF_TOPIC)
    assert "- `mijnbreincoach`" in report
    assert f"not about quitting smoking (kept off the site): {len(OFF_TOPIC)} (" \
           f"{', '.join(OFF_TOPIC)})" in status


def test_the_editor_overrides_the_topic_either_way(demo_db, tmp_path):
    curation_file = tmp_path / "curation.yaml"
    curation_file.write_text(
        "ratings:\n"
        "  - {app: mijnbreincoach, dimension: topic, value: true, by: redactie,\n"
        "     date: {today}, why: 'Module roken is bruikbaar in het consult'}\n"
        "  - {app: detour, dimension: topic, value: false, by: redactie, date: {today},\n"
        "     why: 'Alleen afleiding, geen stoppen'}\n".replace("{today}", date.today().isoformat()),
        encoding="utf-8")
    curation = load_curation(curation_file)
    db = tmp_path / "stopwijzer.duckdb"
    db.write_bytes(demo_db.read_bytes())
    with write_session(db) as con:
        score_catalogue(con, curation, rate)
    with connect_readonly(db) as con:
        shown = {a["app_id"] for a in site_data(con, curation, {})["apps"]}
    assert "mijnbreincoach" in shown and "detour" not in shown
