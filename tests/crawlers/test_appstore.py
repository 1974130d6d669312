"""App Store parser on a real iTunes Search API response (shared/research_samples)."""

import json
from pathlib import Path

import pytest

from crawlers.errors import ParseError
from crawlers.parsers import appstore

FIXTURES = Path(__file__).parents[1] / "fixtures" / "appstore"
SEARCH_URL = "https://itunes.apple.com/search?term=x&country=us&entity=software"
RESPONSE = (FIXTURES / "itunes_search_software_us_2018_200results.json").read_text()
records = {r["source_id"]: r for r in appstore.parse(RESPONSE, SEARCH_URL).records}


def test_one_record_per_software_result():
    assert len(records) == 200
    assert all(r["source"] == "appstore" and r["platforms"] == ["ios"] for r in records.values())


def test_result_fields():
    pokemon = records["1094591345"]
    assert pokemon["title"] == "Pokémon GO"
    assert pokemon["developer"] == "Niantic, Inc."
    assert pokemon["version"] == "1.91.2"
    assert pokemon["updated"] == "2018-10-16"
    assert pokemon["rating"] == 3.5
    assert pokemon["rating_count"] == 369852
    assert pokemon["price"] == 0.0
    assert pokemon["min_os"] == "9.0"
    assert pokemon["content_rating"] == "9+"
    assert pokemon["languages"] == ["en", "fr", "de", "it", "ja", "ko", "pt", "es", "zh"]
    assert pokemon["screenshots"] == 8
    assert pokemon["url"].startswith("https://itunes.apple.com/us/app/pok")


def test_track_id_given_as_text_is_normalised():
    result = json.loads((FIXTURES / "itunes_result_excerpt_341232718_myfitnesspal_2018.json")
                        .read_text())
    result["trackId"] = str(result["trackId"])
    record = appstore.parse(json.dumps({"resultCount": 1, "results": [result]}),
                            SEARCH_URL).records[0]
    assert record["source_id"] == "341232718"
    assert record["title"].startswith("MyFitnessPal")


def test_urls_for_the_dutch_store():
    assert appstore.search_url("stop met roken") == (
        "https://itunes.apple.com/search?term=stop+met+roken&country=nl&lang=nl_nl"
        "&entity=software&limit=50")
    assert appstore.lookup_url(["483994930", 577767592]) == (
        "https://itunes.apple.com/lookup?id=483994930%2C577767592&country=nl&lang=nl_nl"
        "&entity=software")


@pytest.mark.parametrize("body, problem", [
    (RESPONSE[: len(RESPONSE) // 2], "not valid JSON"),
    ('{"resultCount": 0, "items": []}', "no 'results' list"),
])
def test_broken_responses_fail_loudly(body, problem):
    with pytest.raises(ParseError) as error:
        appstore.parse(body, SEARCH_URL)
    assert str(error.value).startswith(f"appstore: {SEARCH_URL}: field 'results': {problem}")


def test_an_empty_result_list_is_no_error():
    assert appstore.parse('{"resultCount": 0, "results": []}', SEARCH_URL).records == []
