"""A store record cannot take over a trusted app, and the editor's links can be undone."""

from catalogue.curation import Curation
from catalogue.linking import open_suggestions
from catalogue.store import connect_readonly, write_session
from crawlers.items import new_record
from publish.report import change_report
from stopwijzer.operations import status
from tests.records import itunes, play

QUIDDY_PLAY = "https://play.google.com/store/apps/details?id=nl.trimbos.quiddy"
HYPNOSIS = "Totally different app: stop smoking in one hypnosis session, no willpower needed."


def quiddy():
    return play("nl.trimbos.quiddy", "Quiddy - Stop met roken", "Trimbos-instituut",
                description="Quiddy helpt jongeren van 16 tot 25 jaar stoppen met roken.")


def impostor(**fields):
    return itunes(999000111, "Totally different app", "Hypno Ltd", description=HYPNOSIS,
                  links=[QUIDDY_PLAY], website=QUIDDY_PLAY, **fields)


def links(db):
    with connect_readonly(db) as con:
        return dict(((s, i), (a, m)) for s, i, a, m in con.execute(
            "SELECT source, source_id, app_id, method FROM app_link").fetchall())


def test_a_store_record_linking_to_another_app_is_only_a_suggestion(db, load):
    load({"googleplay": [quiddy()]})
    summary = load({"googleplay": [quiddy()], "appstore": [impostor()]}, day=1)
    assert links(db)[("appstore", "999000111")] == ("totally-different-app", "new")
    assert summary.apps_new == 1
    with connect_readonly(db) as con:
        assert open_suggestions(con) == [
            ("appstore", "999000111", "Totally different app", "quiddy",
             "the record links to googleplay:nl.trimbos.quiddy", 2)]
        report = change_report(con, summary.run_id)
        shown = status(con, db, Curation(None))
    assert "- App Store `999000111` (Totally different app) zegt bij `quiddy` te horen" in report
    assert "link suggestions for the editor: 1\n  appstore:999000111 ('Totally different app') " \
           "may belong to quiddy: the record links to googleplay:nl.trimbos.quiddy" in shown


def test_a_seller_website_of_a_known_app_is_only_a_suggestion(db, load):
    load({"appstore": [itunes(999000112, "Stop nu", "Someone",
                              website="https://www.stoptober.nl/app")]})
    assert links(db)[("appstore", "999000112")] == ("stop-nu", "new")
    with connect_readonly(db) as con:
        assert [row[3:5] for row in open_suggestions(con)] == [
            ("stoptober", "its website is https://www.stoptober.nl")]


def test_a_curated_source_still_links_a_store_record(db, load):
    load({"googleplay": [quiddy(),
                         play("nl.example.rookvrij", "Rookvrij Samen", "Example Zorg")]})
    card = new_record("ggdappstore", "rookvrij-samen-ggd", "https://www.ggdappstore.nl/app/1",
                      title="Samen rookvrij (GGD)", kind="app",
                      links=["https://play.google.com/store/apps/details?id=nl.example.rookvrij"])
    load({"googleplay": [quiddy(), play("nl.example.rookvrij", "Rookvrij Samen", "Example Zorg")],
          "ggdappstore": [card]}, day=1)
    assert links(db)[("ggdappstore", "rookvrij-samen-ggd")] == ("rookvrij-samen", "store_link")


def test_a_takeover_made_by_an_older_version_is_undone(db, load):
    load({"googleplay": [quiddy()], "appstore": [itunes(999000111, "Totally different app",
                                                         "Hypno Ltd", description=HYPNOSIS)]})
    with write_session(db) as con:  # what the old store_link rule made of the impostor
        con.execute("UPDATE app_link SET app_id = 'quiddy', method = 'store_link' "
                    "WHERE source = 'appstore'")
    load({"googleplay": [quiddy()], "appstore": [impostor()]}, day=1)
    assert links(db)[("appstore", "999000111")][0] != "quiddy"


def test_removing_an_editor_link_puts_the_record_back(db, load):
    records = {"googleplay": [quiddy(), play("com.example.quit", "Stop nu", "Example")]}
    load(records)
    before = links(db)
    moved = load(records, day=1, editor_links={("googleplay", "com.example.quit"): "quiddy"})
    assert links(db)[("googleplay", "com.example.quit")] == ("quiddy", "editor")
    assert moved.apps_gone == 0  # merged into quiddy, not gone: as the change report says
    undone = load(records, day=2)
    assert links(db) == before
    assert undone.apps_gone == 0
    with connect_readonly(db) as con:
        assert con.execute("SELECT app_id FROM app_current WHERE available ORDER BY 1"
                           ).fetchall() == [("quiddy",), ("stop-nu",)]


def test_a_record_the_editor_moves_onto_an_app_never_renames_it(db, load):
    """Issue 19.5: the app keeps its own record's name, whatever the source of the moved one."""
    programme = new_record("ggdappstore", "rookvrij-samen", "https://ggdappstore.nl/x",
                           title="Rookvrij Samen", kind="programme")
    store = play("com.example.quit", "Stop nu - de app", "Example")
    load({"ggdappstore": [programme], "googleplay": [store]},
         editor_links={("googleplay", "com.example.quit"): "rookvrij-samen"})
    with connect_readonly(db) as con:
        assert con.execute("SELECT app_id, name FROM app_current").fetchall() == [
            ("rookvrij-samen", "Rookvrij Samen")]
