"""GGD AppStore parser and spider on pages built on the structure proven on the live site (the
selectors of a public spider that crawled it in 2024); the app texts, stars and links are those
of that crawl, the page addresses are invented."""

from pathlib import Path

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers.errors import ParseError
from crawlers.parsers import ggdappstore
from crawlers.spiders.ggdappstore import GgdAppStoreSpider
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "ggdappstore"
ENTRY = ggdappstore.START_URLS[0]
BASE = "https://ggdappstore.nl/Appstore/Apps/"
PAGES = {
    ENTRY: "homepage.html",
    BASE + "Pijler,Lichaamsfuncties": "pijler-lichaam.html",
    BASE + "Pijler,Mentaalwelbevinden": "pijler-psyche.html",
    BASE + "Pijler,Zingeving": "pijler-zingeving.html",
    BASE + "Pijler,Kwaliteitvanleven": "pijler-geluk.html",
    BASE + "Pijler,Meedoen": "pijler-relaties.html",
    BASE + "Pijler,Dagelijksfunctioneren": "pijler-dagelijksleven.html",
    BASE + "Details,Quiddy": "app-quiddy.html",
    BASE + "Details,Kwit": "app-kwit.html",
    BASE + "Details,MijnBreincoach": "app-mijnbreincoach.html",
    BASE + "Details,MeditationMoments": "app-meditation-moments.html",
    BASE + "Details,JABTalk": "app-jabtalk.html",
}


def html(url: str) -> str:
    return (FIXTURES / PAGES[url]).read_text(encoding="utf-8")


def test_the_entry_page_gives_the_pillars_with_every_space_removed():
    parsed = ggdappstore.parse(html(ENTRY), ENTRY)
    assert parsed.records == []
    assert len(parsed.follow) == 6
    # The href is " /Appstore/Apps/Pijler, Mentaal welbevinden ".
    assert BASE + "Pijler,Mentaalwelbevinden" in parsed.follow
    assert not any(" " in url for url in parsed.follow)


def test_a_pillar_page_gives_its_cards_with_stars_links_and_app_pages():
    url = BASE + "Pijler,Lichaamsfuncties"
    parsed = ggdappstore.parse(html(url), url)
    cards = {r["source_id"]: r for r in parsed.records}
    assert sorted(cards) == ["kwit", "meditation-moments", "quiddy"]
    kwit = cards["kwit"]
    assert kwit["title"] == "Kwit"
    assert kwit["url"] == BASE + "Details,Kwit"
    assert kwit["quality_score"] == 4.0
    assert kwit["summary"].startswith("De Kwit app helpt je om te stoppen met roken.")
    assert kwit["links"][:2] == [
        "https://play.google.com/store/apps/details?id=fr.kwit.android&referrer=utm_source%3Dfads"
        "%26utm_campaign%3Dhomer_banner&hl=en",
        "https://apps.apple.com/app/apple-store/id525441365?pt=1218180&ct=footer&mt=8"]
    assert kwit["website"] == "https://kwit.app/en"
    assert kwit["platforms"] == ["android", "ios", "web"]
    assert cards["quiddy"]["quality_score"] == 5.0
    assert cards["quiddy"]["platforms"] == ["android", "ios"]  # no website on its card
    assert parsed.follow[:2] == [BASE + "Details,Quiddy", BASE + "Details,Kwit"]


def test_an_app_page_gives_its_long_text_without_headings():
    url = BASE + "Details,Kwit"
    (page,) = ggdappstore.parse(html(url), url).records
    assert page["description"].startswith("Je kunt de app gebruiken in de aanloop naar het "
                                           "stoppen met roken")
    assert "Beschrijving" not in page["description"]  # a heading, not direct text
    assert page["quality_themes"] is None  # per-theme scores were never seen on the live site


def crawl(pages: dict[str, str]) -> tuple[list[dict], dict]:
    """Run the spider over the given pages (url -> html), offline, as Scrapy would."""
    crawler = get_crawler(GgdAppStoreSpider)
    spider = GgdAppStoreSpider.from_crawler(crawler)
    crawler.spider = spider
    queue, seen, records = [Request(ENTRY, callback=spider.parse)], set(), []
    while queue:
        request = queue.pop(0)
        if request.url in seen:
            continue  # Scrapy's duplicate filter
        seen.add(request.url)
        if request.url in pages:
            response = HtmlResponse(request.url, body=pages[request.url].encode(),
                                    encoding="utf-8", request=request)
            output = request.callback(response)
        else:
            output = request.errback(_NotFound(request))
        for item in output or []:
            (queue if isinstance(item, Request) else records).append(item)
    return records, crawler.stats.get_stats()


class _NotFound:
    """What Scrapy hands an errback: a failure with the request."""

    type = ConnectionRefusedError

    def __init__(self, request):
        self.request = request

    def getErrorMessage(self):
        return "connection refused"


def test_the_spider_gives_each_app_once_with_its_card_and_long_text():
    records, stats = crawl({url: html(url) for url in PAGES})
    by_id = {r["source_id"]: r for r in records}
    # Quiddy is listed under three pillars, Meditation Moments under five.
    assert sorted(r["source_id"] for r in records) == [
        "jabtalk", "kwit", "meditation-moments", "mijnbreincoach", "quiddy"]
    quiddy = by_id["quiddy"]
    assert quiddy["quality_score"] == 5.0
    assert "https://apps.apple.com/nl/app/quiddy/id1583560314" in quiddy["links"]
    assert quiddy["description"].startswith("Quiddy helpt jongvolwassenen om te stoppen")
    assert quiddy["summary"].startswith("Wil je stoppen met roken? Quiddy helpt je hierbij!")
    assert stats.get("stopwijzer/problems") is None


def test_a_card_whose_app_page_fails_keeps_its_facts_and_the_failure_is_counted():
    pages = {url: html(url) for url in PAGES if not url.endswith("Details,Kwit")}
    records, stats = crawl(pages)
    kwit = next(r for r in records if r["source_id"] == "kwit")
    assert kwit["quality_score"] == 4.0 and kwit["description"] is None
    assert stats["stopwijzer/fetch_errors"] == 1


def test_a_pillar_page_without_cards_is_a_counted_problem():
    pages = {url: html(url) for url in PAGES}
    pages[BASE + "Pijler,Lichaamsfuncties"] = html(ENTRY)  # the cards are gone
    _, stats = crawl(pages)
    assert stats["stopwijzer/parse_errors"] == 1
    assert any("Pijler,Lichaamsfuncties: field 'cards'" in p
               for p in stats["stopwijzer/problem_list"])


@pytest.mark.parametrize(
    "page, change, field",
    [
        (BASE + "Pijler,Lichaamsfuncties", ("col-md-4 app", "col-md-4 app-tile"), "cards"),
        (BASE + "Pijler,Lichaamsfuncties", ("<h3>", "<h2>"), "name"),
        (BASE + "Details,Kwit", ('class="col-xs-12"><h4>Beschrijving</h4>',
                                 'class="col-xs-12"><h4>Beschrijving</h4><p>'), "long_text"),
        (ENTRY, ('id="header-categorien"', 'id="menu"'), "pillars"),
    ],
)
def test_a_proven_selector_that_finds_nothing_fails_loudly(page, change, field):
    with pytest.raises(ParseError) as error:
        ggdappstore.parse(html(page).replace(*change), page)
    assert (error.value.url, error.value.field) == (page, field)


def test_optional_blocks_may_be_missing():
    url = BASE + "Pijler,Lichaamsfuncties"
    bare = html(url).replace('class="app-description-short"', 'class="x"').replace(
        "app-score", "x").replace("platform-", "x-")
    kwit = next(r for r in ggdappstore.parse(bare, url).records if r["source_id"] == "kwit")
    assert (kwit["summary"], kwit["quality_score"], kwit["links"]) == (None, None, None)


def test_demo_records():
    cards = {}
    for _, parsed in demo.pages("ggdappstore"):
        for record in parsed.records:
            cards.setdefault(record["source_id"], record)
    assert {"de-stopcoach", "quiddy", "stoptober", "quitnow", "smoke-free", "kwit",
            "mijnbreincoach", "meditation-moments", "runkeeper"} <= set(cards)
    assert cards["de-stopcoach"]["quality_score"] == 4.5
    assert "https://apps.apple.com/nl/app/quitnow/id483994930" in cards["quitnow"]["links"]
