"""ikstopnu.nl parser on a hand-made page modelled on the Trimbos site's app selection (its real
markup is unknown), and on other markups of the same recommendations: the parser anchors on store
and programme links and the headings that name them."""

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


def test_other_classes_give_the_same_records():
    assert ikstopnu.parse(PAGE_HTML.replace('class="', 'class="v2-'), URL) == page


FLAT = """<html><body><main><h1>Apps om te stoppen met roken</h1>
<p>Onze selectie.</p>
<h2>QuitNow!</h2><p>QuitNow! houdt bij hoeveel dagen je rookvrij bent.</p>
<p><a href="https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa">Android</a>
 | <a href="https://apps.apple.com/nl/app/quitnow/id483994930">iPhone</a></p>
<h2>Voor jongeren</h2><p>Stoppen voor 18-24 jaar, met een eigen programma.</p>
<p><a href="https://jongvolwassenen.ikstopnu.nl/">Naar het programma</a></p>
<h2>Meer weten?</h2><p>Bel de <a href="/stoplijn/">Stoplijn</a> of volg ons op
 <a href="https://www.facebook.com/ikstopnu">Facebook</a>.</p>
</main><footer><a href="https://www.trimbos.nl">Trimbos-instituut</a></footer></body></html>"""


def test_flat_markup_names_each_link_by_the_heading_before_it():
    found = {r["source_id"]: r for r in ikstopnu.parse(FLAT, URL).records}
    assert list(found) == ["quitnow", "voor-jongeren"]  # own pages and social media are no items
    assert found["quitnow"]["kind"] == "app"
    assert found["quitnow"]["links"] == [
        "https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa",
        "https://apps.apple.com/nl/app/quitnow/id483994930"]
    assert found["quitnow"]["summary"].startswith("QuitNow! houdt bij")
    # A subdomain of ikstopnu.nl is a programme of its own.
    assert found["voor-jongeren"]["website"] == "https://jongvolwassenen.ikstopnu.nl/"
    assert found["voor-jongeren"]["kind"] is None  # no type label, no store link


def test_a_link_without_a_heading_is_named_by_its_text():
    html = '<main><p><a href="https://www.stoptober.nl">Stoptober</a></p></main>'
    (record,) = ikstopnu.parse(html, URL).records
    assert (record["title"], record["website"]) == ("Stoptober", "https://www.stoptober.nl")


def test_an_unknown_type_label_is_no_reason_to_fail():
    html = PAGE_HTML.replace(">Website</span>", ">Podcast</span>")
    kinds = {r["source_id"]: r["kind"] for r in ikstopnu.parse(html, URL).records}
    assert kinds["rookvrije-ouders"] is None and kinds["quitnow"] == "app"


@pytest.mark.parametrize(
    "html, url, field",
    [
        (PAGE_HTML.replace("https://", "/"), URL, "links"),
        (PAGE_HTML, "https://www.ikstopnu.nl/stoplijn/", "url"),
    ],
)
def test_no_recommendation_links_fails_loudly(html, url, field):
    with pytest.raises(ParseError) as error:
        ikstopnu.parse(html, url)
    assert (error.value.url, error.value.field) == (url, field)
    assert url in str(error.value)


def test_demo_records():
    assert list(demo.records("ikstopnu")) == [
        "De Stopcoach", "Quiddy", "Stoptober", "QuitNow!", "Smoke Free"]
