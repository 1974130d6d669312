"""Google Play parser on real saved pages (shared/research_samples, hl=en)."""

from pathlib import Path

import pytest

from crawlers.errors import ParseError
from crawlers.parsers import googleplay

FIXTURES = Path(__file__).parents[1] / "fixtures" / "googleplay"
WHEREAMI_URL = "https://play.google.com/store/apps/details?id=com.adex77.WhereAmI&hl=en"
MINECRAFT_URL = "https://play.google.com/store/apps/details?id=com.mojang.minecraftpe&hl=en"
SEARCH_URL = "https://play.google.com/store/search?q=where%20am%20i&c=apps&hl=en"

WHEREAMI_HTML = (FIXTURES / "play_details_com.adex77.WhereAmI_hl-en.html").read_text()
whereami = googleplay.parse(WHEREAMI_HTML, WHEREAMI_URL).records[0]
minecraft = googleplay.parse((FIXTURES / "play_details_com.mojang.minecraftpe_hl-en.html")
                             .read_text(), MINECRAFT_URL).records[0]
search = googleplay.parse((FIXTURES / "play_search_where-am-i_hl-en.html").read_text(), SEARCH_URL)


def test_detail_page_fields():
    assert whereami["source"] == "googleplay"
    assert whereami["source_id"] == "com.adex77.WhereAmI"
    assert whereami["url"] == ("https://play.google.com/store/apps/details"
                               "?id=com.adex77.WhereAmI&hl=nl&gl=NL")
    assert whereami["title"] == "Where Am I? - GeoGuess Game"
    assert whereami["developer"] == "Adex77"
    assert whereami["installs"] == "10,000+"
    assert whereami["rating"] == pytest.approx(4.16)
    assert whereami["rating_count"] == 336
    assert whereami["price"] == 0.0
    assert whereami["content_rating"] == "Teen"
    assert whereami["version"] == "4.0.7"
    assert whereami["updated"] == "2026-06-25"
    assert whereami["privacy_url"] == "https://whereamigame.app/privacy-policy.html"
    assert whereami["website"] == "https://whereamigame.app"
    assert whereami["screenshots"] == 24
    assert whereami["platforms"] == ["android"]


def test_description_is_plain_text_with_line_breaks():
    description = whereami["description"]
    assert description.startswith("Discover the World with Where Am I? – A Thrilling Free GeoGu")
    assert "<br>" not in description and "&amp;" not in description
    assert "\n" in description


def test_paid_app_price_and_rating():
    assert minecraft["title"] == "Minecraft: Dream it, Build it!"
    assert minecraft["price"] == 6.99
    assert minecraft["rating_count"] == 5715302
    assert minecraft["version"] == "1.26.32.2"
    assert minecraft["content_rating"] == "Everyone 10+"


def test_search_page_follows_every_result_to_its_dutch_detail_page():
    assert search.records == []
    assert len(search.follow) == 30
    assert search.follow[:2] == [
        "https://play.google.com/store/apps/details?id=net.aleksandre.android.whereami&hl=nl&gl=NL",
        "https://play.google.com/store/apps/details?id=com.bigdatacloud.whereami&hl=nl&gl=NL"]


def test_the_data_block_is_chosen_by_key_not_by_position():
    # Move ds:5 to the front of the page: the same record comes out.
    start = WHEREAMI_HTML.index("<script class=\"ds:5\"")
    end = WHEREAMI_HTML.index("</script>", start) + len("</script>")
    moved = WHEREAMI_HTML[start:end] + WHEREAMI_HTML[:start] + WHEREAMI_HTML[end:]
    assert googleplay.parse(moved, WHEREAMI_URL).records[0] == whereami


def test_without_the_data_block_the_json_ld_gives_the_main_fields():
    without = WHEREAMI_HTML.replace("key: 'ds:5'", "key: 'ds:99'")
    record = googleplay.parse(without, WHEREAMI_URL).records[0]
    assert (record["title"], record["developer"], record["rating_count"]) == (
        "Where Am I? - GeoGuess Game", "Adex77", 336)
    assert record["version"] is None


def test_a_page_with_neither_fails_loudly_naming_url_and_field():
    broken = WHEREAMI_HTML.replace("key: 'ds:5'", "key: 'ds:99'").replace(
        "application/ld+json", "text/plain")
    with pytest.raises(ParseError, match=r"googleplay: .*id=com\.adex77\.WhereAmI.*field 'title'"):
        googleplay.parse(broken, WHEREAMI_URL)


def test_a_search_page_without_results_block_fails_loudly():
    with pytest.raises(ParseError, match="field 'results'"):
        googleplay.parse("<html><body>Er ging iets mis</body></html>", SEARCH_URL)
