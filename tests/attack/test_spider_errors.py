"""A page that cannot be read makes its source partial at most: it never declares apps gone.

The hostile App Store answers are the ones the attack found: JSON that Python reads but the
parser chokes on (`Infinity`, deep nesting)."""

import json
import logging
import re
import shutil

import pytest
from scrapy.http import Request, TextResponse
from scrapy.utils.test import get_crawler

from catalogue.health import judge
from catalogue.store import connect_readonly
from crawlers.spiders.appstore import AppStoreSpider
from stopwijzer import pipeline

SEARCH = "https://itunes.apple.com/search?term=stoppen+met+roken&country=nl&entity=software"
RESULT = {"kind": "software", "trackId": 483994930, "trackName": "QuitNow! Stop met roken",
          "sellerName": "Fewlaps", "description": "Stop met roken.", "averageUserRating": 4.6,
          "userRatingCount": 412871, "price": 0.0}


@pytest.fixture
def spider():
    crawler = get_crawler(AppStoreSpider)
    crawler.stats.open_spider()
    return AppStoreSpider.from_crawler(crawler)


def crawl_page(spider, body: str) -> list:
    response = TextResponse(SEARCH, body=body.encode(), encoding="utf-8",
                            request=Request(SEARCH))
    return list(spider.parse(response))


def stats(spider) -> dict:
    return spider.crawler.stats.get_stats()


def test_a_readable_page_gives_its_records(spider):
    records = crawl_page(spider, json.dumps({"resultCount": 1, "results": [RESULT]}))
    assert [r["title"] for r in records] == ["QuitNow! Stop met roken"]
    assert stats(spider).get("stopwijzer/parse_errors") is None


@pytest.mark.parametrize("body, error", [
    ('{"resultCount": 1, "results": [{"kind": "software", "trackId": 1, "trackName": "X", '
     '"userRatingCount": Infinity}]}', "OverflowError"),
    ('{"results": ' + "[" * 100_000 + "]" * 100_000 + "}", "RecursionError"),
])
def test_a_bug_while_parsing_fails_the_page_with_its_traceback(spider, body, error, caplog):
    with caplog.at_level(logging.ERROR):
        assert crawl_page(spider, body) == []
    assert stats(spider)["stopwijzer/parse_errors"] == 1
    problem = stats(spider)["stopwijzer/problem_list"][0]
    assert problem.startswith(f"appstore: {SEARCH}: unexpected {error}")
    assert any(r.exc_info and r.exc_info[0].__name__ == error for r in caplog.records)


def test_a_layout_change_is_reported_without_a_traceback(spider, caplog):
    with caplog.at_level(logging.ERROR):
        crawl_page(spider, '{"resultCount": 0}')
    assert stats(spider)["stopwijzer/problem_list"] == [
        f"appstore: {SEARCH}: field 'results': no 'results' list in the response"]
    assert not any(r.exc_info for r in caplog.records)


def test_one_unreadable_page_makes_the_source_partial_so_no_app_is_gone(spider):
    for _ in range(3):
        crawl_page(spider, json.dumps({"resultCount": 1, "results": [RESULT]}))
    crawl_page(spider, '{"results": [{"kind": "software", "trackId": 1, "trackName": "X", '
                       '"price": -Infinity, "userRatingCount": Infinity}]}')
    health = judge("appstore", {**stats(spider), "finish_reason": "finished"},
                   [dict(RESULT, title="QuitNow!")], None)
    assert health.status == "partial"
    assert "OverflowError" in health.reason


def test_infinity_in_a_replayed_search_answer_declares_no_app_gone(tmp_path):
    """The attack itself: a whole crawl of the App Store with one poisoned answer."""
    snapshot = tmp_path / "snapshot"
    shutil.copytree(pipeline.DEMO_SNAPSHOT, snapshot)
    db = tmp_path / "stopwijzer.duckdb"
    assert pipeline.crawl(db, ["appstore"], replay=snapshot, echo=lambda m: None) \
        .sources["appstore"].health.status == "ok"
    before = available(db)
    search = snapshot / "bodies" / "appstore" / "search-0.json"
    search.write_text(re.sub(r'"userRatingCount": \d+', '"userRatingCount": Infinity',
                             search.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    result = pipeline.crawl(db, ["appstore"], replay=snapshot, echo=lambda m: None)
    appstore = result.sources["appstore"]
    assert appstore.health.status == "partial" and "OverflowError" in appstore.health.reason
    assert (appstore.gone, result.apps_gone) == (0, 0)
    assert available(db) == before


def available(db):
    with connect_readonly(db) as con:
        return con.execute("SELECT app_id FROM app_current WHERE available ORDER BY 1").fetchall()
