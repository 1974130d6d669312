"""The bundled snapshot holds every page the spiders ask for, and every page parses."""

import pytest
from scrapy.utils.test import get_crawler

from crawlers.items import SOURCES
from crawlers.middlewares import snapshot_key
from crawlers.spiders.appstore import AppStoreSpider
from crawlers.spiders.ggdappstore import GgdAppStoreSpider
from crawlers.spiders.googleplay import GooglePlaySpider
from crawlers.spiders.ikstopnu import IkStopNuSpider
from crawlers.spiders.loketgezondleven import LoketGezondLevenSpider
from tests import demo

SPIDERS = {s.name: s for s in (GooglePlaySpider, AppStoreSpider, GgdAppStoreSpider,
                               IkStopNuSpider, LoketGezondLevenSpider)}


def test_the_manifest_is_the_sum_of_the_parts():
    assert demo.entries() == [e for source in sorted(SOURCES) for e in demo.entries(source)]


@pytest.mark.parametrize("source", SOURCES)
def test_every_requested_page_is_recorded_and_nothing_else(source):
    spider = SPIDERS[source].from_crawler(get_crawler(SPIDERS[source]))
    pages = demo.pages(source)
    requested = set(spider.first_urls()) | {url for _, parsed in pages for url in parsed.follow}
    assert {snapshot_key("GET", u) for u in requested} == \
        {snapshot_key("GET", e["url"]) for e, _ in pages}


def test_the_demo_holds_its_seventeen_google_play_apps():
    play = demo.records("googleplay")
    # The data safety pages' records carry no title.
    assert sorted(title for title in play if title) == [
        "De Stopcoach", "Detour - afleiding bij trek", "Kwit - stop met roken",
        "Meditation Moments - slaap en ontspan", "MijnBreincoach",
        "Quiddy - samen stoppen met roken", "QuitNow! - Stop met roken",
        "Runkeeper - hardlopen met gps",
        "Smoke Free - Quit Smoking Now", "Smoke alert", "Stop Smoking - EasyQuit", "Stop Smoking Hypnosis - Quit Now",
        "Stopmaatje", "Stoppen Met Roken", "Stopstone", "Stoptober",
        "VapeStop - stoppen met de e-sigaret"]
    assert play["Detour - afleiding bij trek"]["price"] == 1.99
    assert demo.records("appstore")["QuitNow! Stop met roken"]["languages"][:2] == ["nl", "en"]
