"""One registry of sources (crawlers/sources.py): a new source needs one entry there, and its
records flow through the catalogue, scoring and the site like any other's."""

import pytest

from catalogue.apps import app_records
from catalogue.load import load_crawl
from catalogue.store import connect_readonly, write_session
from crawlers import sources
from crawlers.items import new_record
from stopwijzer import pipeline
from tests.records import T0, play, write_crawl


@pytest.fixture
def new_source(monkeypatch):
    source = sources.Source("stopbieb", "De Stopbibliotheek", ("title", "summary"))
    monkeypatch.setitem(sources.REGISTRY, source.name, source)
    return source


def programme(slug, title, summary):
    return new_record("stopbieb", slug, f"https://stopbieb.example/{slug}", kind="programme",
                      title=title, summary=summary)


def test_a_new_source_flows_through_to_the_site(new_source, db, tmp_path):
    crawl = write_crawl(tmp_path / "crawl", {"stopbieb": [programme(
        "rookvrij-thuis", "Rookvrij Thuis",
        "Een online programma met een persoonlijke coach en dagelijkse herinneringen.")]})
    with write_session(db) as con:
        summary = load_crawl(con, crawl, ["stopbieb"], mode="replay", started=T0)
    assert summary.sources["stopbieb"].health.status == "ok"
    pipeline.score_only(db)
    site = tmp_path / "site"
    pipeline.publish_site(db, site, pipeline.load_curation())
    page = (site / "apps" / "rookvrij-thuis" / "index.html").read_text(encoding="utf-8")
    assert "De Stopbibliotheek" in page
    assert "persoonlijke coach" in page
    with connect_readonly(db) as con:
        assert con.execute("SELECT value FROM rating_current WHERE app_id = 'rookvrij-thuis' "
                           "AND dimension = 'notifications'").fetchone()[0] is not None


def test_a_curated_source_links_by_its_store_links_from_its_registry_entry(monkeypatch, db,
                                                                              load):
    """Linking reads `curated` and `store` from the registry, not from a list of names."""
    curated = sources.Source("stopbieb", "De Stopbibliotheek", ("title", "links"), curated=True)
    monkeypatch.setitem(sources.REGISTRY, curated.name, curated)
    link = "https://play.google.com/store/apps/details?id=nl.example.rookvrij"
    load({"googleplay": [play("nl.example.rookvrij", "Rookvrij App", "Voorbeeld")],
          "stopbieb": [new_record("stopbieb", "rookvrij", "https://stopbieb.example/rookvrij",
                                  title="Een andere naam", links=[link])]})
    with connect_readonly(db) as con:
        links = con.execute("SELECT source, app_id, method FROM app_link ORDER BY source"
                            ).fetchall()
    assert links == [("googleplay", "rookvrij-app", "new"),
                     ("stopbieb", "rookvrij-app", "store_link")]


def test_the_description_scoring_rates_is_the_one_the_site_shows(db, load, tmp_path):
    """The registry's order decides: the Google Play text wins over the App Store's."""
    load({"googleplay": [play("nl.example.stop", "Stop Nu", "Voorbeeld",
                              description="Google Play-tekst: stoppen met roken met dagelijkse herinneringen.")],
          "appstore": [new_record("appstore", "123", "https://apps.apple.com/nl/app/id123",
                                  kind="app", title="Stop Nu", developer="Voorbeeld",
                                  description="App Store-tekst: stop met roken, zonder meldingen.")]})
    with connect_readonly(db) as con:
        description, origin = con.execute(
            "SELECT description, description_source FROM app_current").fetchone()
        rated = app_records(con)[0]["description"]
    assert (description, origin) == ("Google Play-tekst: stoppen met roken met dagelijkse herinneringen.", "googleplay")
    assert rated == description
    pipeline.score_only(db)
    site = tmp_path / "site"
    pipeline.publish_site(db, site, pipeline.load_curation())
    page = (site / "apps" / "stop-nu" / "index.html").read_text(encoding="utf-8")
    shown = page.split('class="sw-description"')[1].split("</details>")[0]
    assert "Google Play-tekst" in shown and "App Store-tekst" not in shown


def test_a_record_that_does_not_fit_the_catalogue_fails_its_source_alone(db, tmp_path):
    good = play("nl.example.good", "Goed", "Voorbeeld")
    bad = {**play("nl.example.bad", "Fout", "Voorbeeld"), "rating": "vier sterren"}
    crawl = write_crawl(tmp_path / "crawl", {"googleplay": [good, bad], "appstore": [
        new_record("appstore", "9", "https://apps.apple.com/nl/app/id9", title="Negen")]})
    with write_session(db) as con:
        summary = load_crawl(con, crawl, ["googleplay", "appstore"], mode="replay", started=T0)
        assert con.execute("SELECT count(*) FROM observation WHERE source = 'googleplay'"
                           ).fetchone() == (0,)
    health = summary.sources["googleplay"].health
    assert health.status == "failed"
    assert health.reason.startswith("googleplay: https://play.google.com/store/apps/details?"
                                    "id=nl.example.bad&hl=nl&gl=NL: field 'rating': ")
    assert summary.sources["appstore"].health.status == "ok"


def test_an_unknown_source_names_the_known_ones():
    with pytest.raises(ValueError, match="unknown source 'playstore'; choose from googleplay"):
        sources.get("playstore")
