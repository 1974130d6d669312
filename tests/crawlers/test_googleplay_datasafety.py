"""Google Play's Data safety page, on a real saved page (Google Translate, hl=en) and on the
demo's pages built from it."""

import copy
import json
from pathlib import Path

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawlers.errors import ParseError
from crawlers.parsers import googleplay
from crawlers.parsers.googleplay_datasafety import (BLOCK, datasafety_url, is_datasafety,
                                                    parse_datasafety)
from crawlers.spiders.googleplay import GooglePlaySpider
from tests import demo

FIXTURE = (Path(__file__).parents[1] / "fixtures" / "googleplay"
           / "play_datasafety_com.google.android.apps.translate_hl-en.html")
TRANSLATE = "com.google.android.apps.translate"
URL = f"https://play.google.com/store/apps/datasafety?id={TRANSLATE}&hl=en"
PAGE = FIXTURE.read_text(encoding="utf-8")


def test_the_real_page_declares_no_sharing_seven_kinds_collected_and_both_practices():
    assert parse_datasafety(PAGE, URL) == {
        "privacy_shares": False, "privacy_shared_kinds": [],
        "privacy_collects": True,
        "privacy_collected_kinds": ["Personal info", "Device or other IDs", "App activity",
                                    "Location", "Photos and videos",
                                    "App info and performance", "Contacts"],
        "privacy_encrypted": True, "privacy_deletion": True,
        "privacy_declaration_url": datasafety_url(TRANSLATE)}
    assert datasafety_url(TRANSLATE) == (
        "https://play.google.com/store/apps/datasafety?id=com.google.android.apps.translate&hl=nl")


def _with_block(change) -> str:
    """The real page with its ds:3 data changed by `change(declaration)`."""
    data = googleplay.data_block(PAGE, BLOCK)
    changed = copy.deepcopy(data)
    change(changed[1][2][1]["138"])
    start = PAGE.index("AF_initDataCallback({key: 'ds:3'")
    head, tail = PAGE[:start], PAGE[start:]
    data_start = tail.index("data:") + len("data:")
    end = json.JSONDecoder().raw_decode(tail, data_start)[1]
    return head + tail[:data_start] + json.dumps(changed) + tail[end:]


def test_shared_kinds_come_from_the_first_section():
    def share(declaration):
        declaration[4][0] = copy.deepcopy(declaration[4][1])
        declaration[4][0][0] = declaration[4][0][0][3:5]  # Location, Photos and videos
    fields = parse_datasafety(_with_block(share), URL)
    assert fields["privacy_shares"] is True
    assert fields["privacy_shared_kinds"] == ["Location", "Photos and videos"]


def test_a_denied_practice_is_false_and_a_missing_one_unknown():
    def deny(declaration):
        declaration[9][2][0][1] = "Data isn't encrypted"
        del declaration[9][2][1]  # no word about deletion
    fields = parse_datasafety(_with_block(deny), URL)
    assert fields["privacy_encrypted"] is False
    assert fields["privacy_deletion"] is None


def test_a_page_without_the_declaration_fails_loudly():
    with pytest.raises(ParseError, match="no data safety section"):
        parse_datasafety(PAGE.replace("AF_initDataCallback({key: 'ds:3'", "x({key: 'ds:9'"), URL)


def test_the_detail_page_leads_to_its_data_safety_page():
    [(entry, parsed)] = [(e, p) for e, p in demo.pages("googleplay")
                         if "id=nl.trimbos.quiddy&" in e["url"] and "/details" in e["url"]]
    assert parsed.follow == [datasafety_url("nl.trimbos.quiddy")]
    assert is_datasafety(parsed.follow[0]) and not is_datasafety(entry["url"])


def _spider_items(spider, url, body, meta=None):
    request = Request(url, meta=meta or {})
    return list(spider.parse(HtmlResponse(url, body=body.encode(), request=request)))


def test_the_spider_stores_the_record_with_its_declaration_or_without_it():
    spider = GooglePlaySpider.from_crawler(get_crawler(GooglePlaySpider))
    [detail] = [e for e in demo.entries("googleplay")
                if "details?id=nl.trimbos.quiddy&" in e["url"]]
    [follow] = _spider_items(spider, detail["url"],
                             (demo.DEMO / detail["body"]).read_text(encoding="utf-8"))
    assert follow.url == datasafety_url("nl.trimbos.quiddy")
    assert follow.meta["record"]["title"] == "Quiddy - samen stoppen met roken"
    record = follow.meta["record"]
    [merged] = _spider_items(spider, follow.url, PAGE.replace(TRANSLATE, "nl.trimbos.quiddy"),
                             meta={"record": record})
    assert merged["title"] == record["title"] and merged["privacy_encrypted"] is True
    [unchanged] = _spider_items(spider, follow.url, "<html>moved</html>", meta={"record": record})
    assert unchanged == record
    assert spider.crawler.stats.get_value("stopwijzer/parse_errors") == 1


@pytest.mark.parametrize("entry", demo.entries("googleplay-datasafety"),
                         ids=lambda e: e["body"])
def test_every_demo_data_safety_page_parses(entry):
    assert is_datasafety(entry["url"])
    text = (demo.DEMO / entry["body"]).read_text(encoding="utf-8")
    assert "DEMO" in text  # marked as made for the demo
    fields = parse_datasafety(text, entry["url"])
    assert fields["privacy_collects"] in (True, False)
    assert fields["privacy_encrypted"] is not None
