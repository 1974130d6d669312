"""Google Play parser on real saved pages (tests/fixtures/googleplay/, hl=en) and on the demo
part."""

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.known_apps import known_apps
from crawlers.parsers import googleplay
from crawlers.spiders.googleplay import GooglePlaySpider
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "googleplay"
WHEREAMI_URL = "https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en"
MINECRAFT_URL = "https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en"
SEARCH_URL = "https://play.google.com/store/search?q=where%20am%20i&c=apps&hl=en"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse_fixture(name: str, url: str) -> googleplay.Parsed:
    return googleplay.parse(fixture(name), url)


WHEREAMI_HTML = fixture("play_details_com.adex77.WhereAmI_hl-en.html")
[whereami] = googleplay.parse(WHEREAMI_HTML, WHEREAMI_URL).records
[minecraft] = parse_fixture("play_details_com.mojang.minecraftpe_hl-en.html",
                            MINECRAFT_URL).records
search = parse_fixture("play_search_where-am-i_hl-en.html", SEARCH_URL)


def test_detail_page_fields():
    assert whereami == new_record(
        "googleplay", "com.adex77.WhereAmI",
        "https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=nl&gl=NL",
        kind="app", platforms=["android"], title="Where Am I? - GeoGuess Game",
        developer="Adex77", description=whereami["description"], installs="10,000+",
        rating=4.16, rating_count=336, price=0.0, content_rating="Teen", version="4.0.7",
        updated="2026-06-25", privacy_url="https://whereamigame.app/privacy-policy.html",
        website="https://whereamigame.app", links=["https://whereamigame.app"], screenshots=24)


def test_description_is_plain_text_with_line_breaks():
    assert whereami["description"].startswith(
        "Discover the World with Where Am I? – A Thrilling Free GeoGuessr Alternative!\n\n"
        "Explore. Guess. Compete. Win!\n\n")
    assert "Whether you're a world geograph" in whereami["description"]  # was &#39;
    assert "<br>" not in whereami["description"]


def test_paid_app():
    assert minecraft["title"] == "Minecraft: Dream it, Build it!"
    assert minecraft["developer"] == "Mojang"
    assert minecraft["price"] == 6.99
    assert minecraft["rating"] == 4.315863
    assert minecraft["rating_count"] == 5715302
    assert minecraft["installs"] == "50,000,000+"
    assert minecraft["version"] == "1.26.32.2"
    assert minecraft["content_rating"] == "Everyone 10+"


def test_update_date_is_the_dutch_calendar_day_the_page_shows():
    # Epoch 1782338684 is 24 June 22:04 UTC; the page says "Jun 25, 2026", as in Amsterdam.
    assert minecraft["updated"] == "2026-06-25"


def test_search_page_follows_every_result_to_its_dutch_detail_page():
    assert search.records == []
    assert len(search.follow) == 30
    assert search.follow[:3] == [googleplay.detail_url(package) for package in (
        "net.aleksandre.android.whereami", "com.bigdatacloud.whereami", "me.syncrex.where_am_i")]
    assert search.follow[-1] == googleplay.detail_url("com.amazon.mShop.android.shopping")


def _moved_to_front(page: str) -> str:
    start = page.index('<script class="ds:5"')
    end = page.index("</script>", start) + len("</script>")
    return page[start:end] + page[:start] + page[end:]


@pytest.mark.parametrize("change", [
    _moved_to_front,
    lambda page: page.replace("{key: 'ds:5', hash: '9', data:", "{ key:'ds:5',hash:'9',data: "),
], ids=["block moved", "spacing changed"])
def test_the_data_block_is_found_by_its_key_wherever_it_is(change):
    assert googleplay.parse(change(WHEREAMI_HTML), WHEREAMI_URL).records[0] == whereami


WITHOUT_DATA_BLOCK = WHEREAMI_HTML.replace("key: 'ds:5'", "key: 'ds:99'")


def test_without_the_data_block_the_json_ld_gives_the_fields_it_has():
    with pytest.warns(googleplay.FallbackWarning, match="no ds:5 data block, read from the "
                                                        "JSON-LD fallback"):
        record = googleplay.parse(WITHOUT_DATA_BLOCK, WHEREAMI_URL).records[0]
    assert {name: record[name] for name in ("title", "developer", "rating", "rating_count",
                                            "price", "content_rating", "website", "description")
            } == {"title": "Where Am I? - GeoGuess Game", "developer": "Adex77",
                  "rating": 4.159999847412109, "rating_count": 336, "price": 0.0,
                  "content_rating": "Teen", "website": "https://whereamigame.app",
                  "description": "Watch immersive street walk videos and put your geography "
                                 "skills to the test."}
    assert (record["version"], record["updated"], record["installs"]) == (None, None, None)


def test_the_fallback_is_a_counted_problem_of_the_crawl():
    crawler = get_crawler(GooglePlaySpider)
    spider = GooglePlaySpider.from_crawler(crawler)
    response = HtmlResponse(WHEREAMI_URL, body=WITHOUT_DATA_BLOCK.encode(), encoding="utf-8",
                            request=Request(WHEREAMI_URL))
    (privacy_page,) = list(spider.parse(response))  # the record waits for its Data safety page
    record = privacy_page.meta["record"]
    assert record["title"] == "Where Am I? - GeoGuess Game"
    stats = crawler.stats.get_stats()
    assert stats["stopwijzer/fallbacks"] == 1 and stats["stopwijzer/problems"] == 1
    assert "JSON-LD fallback" in stats["stopwijzer/problem_list"][0]


def test_parse_warns_about_the_fallback_on_stderr(tmp_path):
    page = tmp_path / "page.html"
    page.write_text(WITHOUT_DATA_BLOCK, encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "stopwijzer", "parse", "googleplay", page,
                             "--url", WHEREAMI_URL], capture_output=True, text=True)
    assert result.returncode == 0
    assert '"title": "Where Am I? - GeoGuess Game"' in result.stdout
    assert result.stderr.startswith(f"stopwijzer: warning: googleplay: {WHEREAMI_URL}: no ds:5")


def test_a_page_with_neither_fails_naming_url_and_field():
    broken = WHEREAMI_HTML.replace("key: 'ds:5'", "key: 'ds:99'").replace(
        "application/ld+json", "text/plain")
    with pytest.raises(ParseError) as error:
        googleplay.parse(broken, WHEREAMI_URL)
    assert (error.value.source, error.value.url, error.value.field) == (
        "googleplay", WHEREAMI_URL, "title")


@pytest.mark.parametrize("url, field", [
    (SEARCH_URL, "results"),
    (WHEREAMI_URL, "title"),
    ("https://play.google.com/store/apps/dev?id=5700313618786177705", "url"),
])
def test_an_error_page_fails_loudly(url, field):
    with pytest.raises(ParseError, match=f"field '{field}'"):
        googleplay.parse("<html><body>Er ging iets mis</body></html>", url)


def test_urls_for_the_dutch_store():
    assert googleplay.search_url("stop met roken") == (
        "https://play.google.com/store/search?q=stop%20met%20roken&c=apps&hl=nl&gl=NL")
    assert googleplay.detail_url("nl.trimbos.quiddy") == (
        "https://play.google.com/store/apps/details?id=nl.trimbos.quiddy&hl=nl&gl=NL")


# The demo part (snapshots/demo/parts/googleplay.jsonl): pages the offline demo crawl replays.
DEMO_PAGES = demo.pages("googleplay")
DEMO_URLS = {entry["url"] for entry, _ in DEMO_PAGES}
# What the demo's pages were made from (snapshots/demo/make_store_pages.py), by package.
DEMO_APPS = {app["package"]: app for app in yaml.safe_load(
    (demo.DEMO / "store_apps.yaml").read_text(encoding="utf-8")) if app.get("package")}


@pytest.mark.parametrize("entry, parsed", DEMO_PAGES, ids=[e["body"] for e, _ in DEMO_PAGES])
def test_every_demo_page_parses_from_its_data_block(entry, parsed):
    assert (demo.DEMO / entry["body"]).stat().st_size < 150_000
    if "/store/search" in entry["url"]:
        assert parsed.follow and set(parsed.follow) <= DEMO_URLS
        return
    if "/store/apps/datasafety" in entry["url"]:
        return  # tests/crawlers/test_googleplay_datasafety.py
    [record] = parsed.records
    assert record["url"] == entry["url"]
    # Fields only the ds:5 block has, so the page was not read through the JSON-LD fallback.
    assert record["version"] and record["updated"] and record["installs"]
    assert record["description"] == DEMO_APPS[record["source_id"]]["description"].strip()


def test_the_demo_has_every_query_and_every_known_package():
    assert {googleplay.search_url(query) for query in googleplay.QUERIES} <= DEMO_URLS
    assert {googleplay.detail_url(app["android_package"]) for app in known_apps()
            if app["android_package"]} <= DEMO_URLS
