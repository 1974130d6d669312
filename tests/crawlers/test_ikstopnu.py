"""ikstopnu.nl parser on a hand-made page modelled on the Trimbos site's app selection."""

from pathlib import Path

import pytest

from crawlers.errors import ParseError
from crawlers.parsers import ikstopnu
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ikstopnu"
URL = ikstopnu.START_URLS[0]

PAGE_HTML = (FIXTURES / "apps-om-te-stoppen-met-roken.html").read_text(encoding="utf-8")
page = ikstopnu.parse(PAGE_HTML, URL)
records = {record["source_id"]: record for record in page.records}


def test_one_recommended_record_per_card_and_nothing_to_follow():
    assert list(records) == ["quiddy", "quitnow", "rookvrije-ouders"]
    assert page.follow == []
    assert all(record["recommended"] is True for record in page.records)
    assert all(record["source"] == "ikstopnu" for record in page.records)


def test_app_with_a_website():
    quiddy = records["quiddy"]
    assert quiddy["title"] == "Quiddy"
    assert quiddy["kind"] == "app"
    assert quiddy["url"] == URL + "#quiddy"
    assert quiddy["summary"].startswith("Ben je tussen de 16 en 25 jaar?")
    assert quiddy["links"] == ["https://www.quiddy.nl"]
    assert quiddy["website"] == "https://www.quiddy.nl"


def test_app_with_store_links_only_has_no_website():
    quitnow = records["quitnow"]
    assert quitnow["title"] == "QuitNow!"
    assert quitnow["links"] == [
        "https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa",
        "https://apps.apple.com/nl/app/quitnow/id483994930",
    ]
    assert quitnow["website"] is None


def test_card_type_sets_the_kind():
    assert records["rookvrije-ouders"]["kind"] == "website"


def test_empty_selection_says_so_and_yields_nothing():
    html = (FIXTURES / "apps-geen-selectie.html").read_text(encoding="utf-8")
    assert ikstopnu.parse(html, URL) == ([], [])


@pytest.mark.parametrize(
    "html, url, field",
    [
        (PAGE_HTML.replace('class="app-selectie"', 'class="app-grid"'), URL, "cards"),
        (PAGE_HTML.replace('<h3 class="app-card__title">Quiddy</h3>', ""), URL, "title"),
        (PAGE_HTML.replace(">Website</span>", ">Podcast</span>"), URL, "kind"),
        (PAGE_HTML, "https://www.ikstopnu.nl/stoplijn/", "url"),
    ],
)
def test_changed_layout_fails_loudly(html, url, field):
    with pytest.raises(ParseError) as error:
        ikstopnu.parse(html, url)
    assert (error.value.url, error.value.field) == (url, field)
    assert url in str(error.value)


def test_demo_records():
    assert list(demo.records("ikstopnu")) == [
        "De Stopcoach", "Quiddy", "Stoptober", "QuitNow!", "Smoke Free"]
