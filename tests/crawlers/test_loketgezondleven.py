"""Loketgezondleven interventiedatabase parser on hand-made pages: the real site's HTML is not
known, so the same text is given in three markups, and the parser must read them alike.

The Voel je Vrij! page carries the real id, level and date; Stopstone's id and date are invented;
1400743's two levels and dates are those of two stored versions of the real page.
"""

from pathlib import Path

import pytest

from catalogue.store import connect_readonly
from crawlers.errors import ParseError
from crawlers.parsers import loketgezondleven
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "loketgezondleven"
LISTING_URL = loketgezondleven.START_URLS[0]
DETAIL = "https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken/"
VOEL_JE_VRIJ_URL = DETAIL + "1403240"
STOPSTONE_URL = DETAIL + "1401875"

LISTING_HTML = (FIXTURES / "interventies-zoeken-roken.html").read_text(encoding="utf-8")
VOEL_JE_VRIJ_HTML = (FIXTURES / "interventie-1403240.html").read_text(encoding="utf-8")
listing = loketgezondleven.parse(LISTING_HTML, LISTING_URL)
(voel_je_vrij,) = loketgezondleven.parse(VOEL_JE_VRIJ_HTML, VOEL_JE_VRIJ_URL).records
(stopstone,) = loketgezondleven.parse(
    (FIXTURES / "interventie-1401875.html").read_text(encoding="utf-8"), STOPSTONE_URL).records


def test_listing_follows_every_intervention_and_the_next_page():
    assert listing.records == []
    assert listing.follow == [
        DETAIL + "1403240",
        DETAIL + "1401875",
        "https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken"
        "?thema=roken&page=1",
    ]


def test_group_programme_page():
    assert voel_je_vrij["source"] == "loketgezondleven"
    assert voel_je_vrij["source_id"] == "1403240"
    assert voel_je_vrij["url"] == VOEL_JE_VRIJ_URL
    assert voel_je_vrij["kind"] == "programme"
    assert voel_je_vrij["title"] == "Voel je Vrij! Doorlopende groepstraining Stoppen met Roken"
    assert voel_je_vrij["recognition_level"] == "Goed onderbouwd"
    assert voel_je_vrij["recognition_date"] == "2018-03-29"
    assert voel_je_vrij["description"].startswith("Een individuele intake en een doorlopende")
    assert voel_je_vrij["target_group"].startswith("Rokers met een lage opleiding of een laag")
    assert voel_je_vrij["developer"] == "Momentum Training en Coaching"
    assert voel_je_vrij["website"] == "https://www.momentumtraining.nl"


def test_app_page_without_website():
    assert stopstone["title"] == "Stopstone"
    assert stopstone["kind"] == "app"
    assert stopstone["recognition_level"] == "Goed onderbouwd"
    assert stopstone["recognition_date"] == "2020-11-12"
    assert stopstone["developer"] == "Trimbos-instituut"
    assert stopstone["website"] is None


@pytest.mark.parametrize(
    "shown, level",
    [
        ("Goed beschreven", "Goed beschreven"),
        ("Erkend: Goed onderbouwd (niveau I)", "Goed onderbouwd"),
        ("Eerste aanwijzingen voor effectiviteit (niveau II)",
         "Effectief volgens eerste aanwijzingen"),
        ("Goede aanwijzingen voor effectiviteit (niveau III)",
         "Effectief volgens goede aanwijzingen"),
        ("Effectief volgens sterke aanwijzingen", "Effectief volgens sterke aanwijzingen"),
    ],
)
def test_level_wording_is_normalised(shown, level):
    html = VOEL_JE_VRIJ_HTML.replace(">Goed onderbouwd<", f">{shown}<")
    (record,) = loketgezondleven.parse(html, VOEL_JE_VRIJ_URL).records
    assert record["recognition_level"] == level


def test_written_dutch_date_is_read():
    html = VOEL_JE_VRIJ_HTML.replace(">29-03-2018<", ">25 mei 2023<")
    (record,) = loketgezondleven.parse(html, VOEL_JE_VRIJ_URL).records
    assert record["recognition_date"] == "2023-05-25"


def test_empty_search_says_so_and_yields_nothing():
    html = ('<div class="search-results">'
            '<p class="search-results__empty">Geen resultaten gevonden.</p></div>')
    assert loketgezondleven.parse(html, LISTING_URL) == ([], [])


@pytest.mark.parametrize(
    "html, url, field",
    [
        (LISTING_HTML.replace("/interventies-zoeken/14", "/interventies/14"), LISTING_URL,
         "results"),
        (VOEL_JE_VRIJ_HTML.replace("h1", "div"), VOEL_JE_VRIJ_URL, "title"),
        (VOEL_JE_VRIJ_HTML.replace(">Goed onderbouwd<", ">Niveau onbekend<"), VOEL_JE_VRIJ_URL,
         "recognition_level"),
        (VOEL_JE_VRIJ_HTML.replace(">29-03-2018<", ">31-02-2018<"), VOEL_JE_VRIJ_URL,
         "recognition_date"),
        (VOEL_JE_VRIJ_HTML.replace(">29-03-2018<", ">voorjaar 2018<"), VOEL_JE_VRIJ_URL,
         "recognition_date"),
        (LISTING_HTML, "https://www.loketgezondleven.nl/leefstijlinterventies", "url"),
    ],
)
def test_changed_layout_fails_loudly(html, url, field):
    with pytest.raises(ParseError) as error:
        loketgezondleven.parse(html, url)
    assert (error.value.url, error.value.field) == (url, field)
    assert url in str(error.value)


def test_demo_records():
    records = demo.records("loketgezondleven")
    assert len(records) == 6
    assert records["Stopstone"]["recognition_level"] == "Goed onderbouwd"
    rookvrij = records["Rookvrij! Ook jij?"]
    assert (rookvrij["recognition_level"], rookvrij["recognition_date"]) == (
        "Effectief volgens goede aanwijzingen", "2023-05-25")


MARKUPS = ["interventie-1403240.html", "markup-dl-1403240.html", "markup-lines-1403240.html"]


@pytest.mark.parametrize("name", MARKUPS)
def test_the_same_text_in_three_markups_gives_the_same_record(name):
    html = (FIXTURES / name).read_text(encoding="utf-8")
    (record,) = loketgezondleven.parse(html, VOEL_JE_VRIJ_URL).records
    assert record == voel_je_vrij


def test_css_classes_do_not_matter():
    html = VOEL_JE_VRIJ_HTML.replace('class="', 'class="v2-')
    (record,) = loketgezondleven.parse(html, VOEL_JE_VRIJ_URL).records
    assert record == voel_je_vrij


def test_listing_found_by_its_links_to_interventions_whatever_its_classes():
    assert loketgezondleven.parse(LISTING_HTML.replace('class="', 'class="v2-'),
                                  LISTING_URL) == listing


def test_a_level_change_is_a_change_in_the_history_not_a_second_intervention(load, db):
    url = DETAIL + "1400743"
    versions = [loketgezondleven.parse(
        (FIXTURES / f"interventie-1400743-{tag}.html").read_text(encoding="utf-8"), url)
        .records[0] for tag in ("beschreven", "onderbouwd")]
    assert [(r["recognition_level"], r["recognition_date"]) for r in versions] == [
        ("Goed beschreven", "2018-04-04"), ("Goed onderbouwd", "2022-03-24")]
    load({"loketgezondleven": [versions[0]]}, day=0)
    load({"loketgezondleven": [versions[1]]}, day=1)
    with connect_readonly(db) as con:
        assert con.execute("SELECT count(*) FROM app_link WHERE source = 'loketgezondleven'"
                           ).fetchone()[0] == 1
        assert con.execute("SELECT recognition_level FROM record_current").fetchall() == [
            ("Goed onderbouwd",)]
        assert con.execute("SELECT recognition_date FROM record_current").fetchone()[0] \
            .isoformat() == "2022-03-24"
        changes = con.execute("SELECT field, old_value, new_value FROM record_changes "
                              "WHERE field = 'recognition_level'").fetchall()
    assert changes == [("recognition_level", "Goed beschreven", "Goed onderbouwd")]
