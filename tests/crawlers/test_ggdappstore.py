"""GGD AppStore parser on hand-made pages modelled on ggdappstore.nl (scores are invented)."""

from pathlib import Path

import pytest

from crawlers.errors import ParseError
from crawlers.parsers import ggdappstore
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ggdappstore"
LISTING_URL = ggdappstore.START_URLS[0]
APP_URL = "https://ggdappstore.nl/Appstore/App/kwit"

LISTING_HTML = (FIXTURES / "categorie-roken.html").read_text(encoding="utf-8")
APP_HTML = (FIXTURES / "app-kwit.html").read_text(encoding="utf-8")
listing = ggdappstore.parse(LISTING_HTML, LISTING_URL)
(app,) = ggdappstore.parse(APP_HTML, APP_URL).records


def test_listing_follows_every_app_and_the_next_page():
    assert listing.records == []
    # The card hrefs hold a stray space, as on the live site; it must not reach the URL.
    assert listing.follow == [
        "https://ggdappstore.nl/Appstore/App/de-stopcoach",
        "https://ggdappstore.nl/Appstore/App/kwit",
        "https://ggdappstore.nl/Appstore/Categorie/Roken?pagina=2",
    ]


def test_app_page_identity():
    assert app["source"] == "ggdappstore"
    assert app["source_id"] == "kwit"
    assert app["url"] == APP_URL
    assert app["kind"] == "app"
    assert app["title"] == "Kwit"
    assert app["developer"] == "Kwit"


def test_app_page_score_and_themes():
    assert app["quality_score"] == 3.5
    assert app["quality_themes"] == {
        "gebruiksvriendelijkheid": 4.0,
        "betrouwbaarheid": 3.0,
        "onderbouwing": 3.5,
        # A theme without stars keeps its written judgement.
        "privacy_veiligheid": "Voldoende: er is een privacyverklaring, maar gegevens gaan naar "
                              "servers buiten de EU.",
    }


def test_app_page_profile_and_links():
    assert app["description"].startswith("Kwit maakt stoppen met roken tot een spel")
    assert app["description"].count("\n") == 1
    assert app["target_group"] == "Volwassen rokers die van stoppen een uitdaging willen maken."
    assert app["price"] is None  # this page states no price
    assert app["platforms"] == ["android", "ios"]
    assert app["website"] == "https://kwit.app"
    assert app["links"] == ["https://kwit.app"]


def test_empty_category_says_so_and_yields_nothing():
    html = '<div id="apps" class="row"><p class="geen-resultaten">Geen apps gevonden.</p></div>'
    assert ggdappstore.parse(html, LISTING_URL) == ([], [])


@pytest.mark.parametrize(
    "html, url, field",
    [
        (LISTING_HTML.replace("col-md-4 app", "col-md-4 app-tile"), LISTING_URL, "cards"),
        (APP_HTML.replace("<h1>Kwit</h1>", "<h2>Kwit</h2>"), APP_URL, "title"),
        (APP_HTML, "https://ggdappstore.nl/Appstore/Testmethode", "url"),
    ],
)
def test_changed_layout_fails_loudly(html, url, field):
    with pytest.raises(ParseError) as error:
        ggdappstore.parse(html, url)
    assert (error.value.url, error.value.field) == (url, field)
    assert url in str(error.value)


def test_demo_records():
    records = demo.records("ggdappstore")
    assert sorted(records) == ["De Stopcoach", "Quiddy", "QuitNow!", "Smoke Free", "Stoptober"]
    assert records["De Stopcoach"]["quality_score"] == 4.5
    assert "https://apps.apple.com/nl/app/quitnow/id483994930" in records["QuitNow!"]["links"]
