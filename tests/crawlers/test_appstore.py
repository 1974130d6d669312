"""App Store parser on real iTunes Search API data (tests/fixtures/appstore/) and the demo part."""

import json
from pathlib import Path

import pytest

from catalogue.linking import developer_key, short_title
from crawlers.errors import ParseError
from crawlers.known_apps import known_apps
from crawlers.parsers import appstore, googleplay
from tests import demo

FIXTURES = Path(__file__).parents[1] / "fixtures" / "appstore"
SEARCH_URL = "https://itunes.apple.com/search?term=x&country=us&entity=software"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def parse_results(results: list[dict]) -> list[dict]:
    return appstore.parse(json.dumps({"resultCount": len(results), "results": results}),
                          SEARCH_URL).records


RESPONSE = fixture("itunes_search_software_us_2018_200results.json")
records = appstore.parse(RESPONSE, SEARCH_URL).records
by_id = {r["source_id"]: r for r in records}
MYFITNESSPAL = json.loads(fixture("itunes_result_excerpt_341232718_myfitnesspal_2018.json"))


def test_one_record_per_software_result():
    assert len(by_id) == len(records) == 200
    assert [(r["source_id"], r["title"]) for r in records[:3]] == [
        ("1094591345", "Pokémon GO"), ("341232718", "MyFitnessPal"), ("462638897", "Fitbit")]
    assert all(r["source"] == "appstore" and r["platforms"] == ["ios"] for r in records)


def test_result_fields():
    pokemon = by_id["1094591345"]
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
    assert pokemon["url"] == "https://itunes.apple.com/us/app/pok%C3%A9mon-go/id1094591345"
    assert pokemon["website"] == "http://pokemongo.nianticlabs.com"
    assert pokemon["description"].startswith("Pokémon GO has now introduced social and trading")


@pytest.mark.parametrize("track_id", [341232718, "341232718"])
def test_track_id_as_number_or_text(track_id):
    [record] = parse_results([{**MYFITNESSPAL, "trackId": track_id}])
    assert (record["source_id"], record["title"]) == ("341232718", "MyFitnessPal")


def test_missing_fields_fall_back_or_are_none():
    result = {key: value for key, value in MYFITNESSPAL.items()
              if key not in ("sellerName", "contentAdvisoryRating", "languageCodesISO2A")}
    [record] = parse_results([result])
    assert record["developer"] == MYFITNESSPAL["artistName"]
    assert record["content_rating"] == MYFITNESSPAL["trackContentRating"]
    assert record["languages"] is None


def test_results_that_are_not_ios_apps_are_skipped():
    mac_app = {**MYFITNESSPAL, "kind": "mac-software", "trackId": 1}
    artist = {"wrapperType": "artist", "artistType": "Software Artist", "artistId": 2}
    assert [r["source_id"] for r in parse_results([mac_app, artist, MYFITNESSPAL])] == [
        "341232718"]


def test_urls_for_the_dutch_store():
    assert appstore.search_url("stop met roken") == (
        "https://itunes.apple.com/search?term=stop+met+roken&country=nl&lang=nl_nl"
        "&entity=software&limit=50")
    assert appstore.lookup_url(["483994930", 577767592]) == (
        "https://itunes.apple.com/lookup?id=483994930%2C577767592&country=nl&lang=nl_nl"
        "&entity=software")


@pytest.mark.parametrize("body, field, problem", [
    (RESPONSE[: len(RESPONSE) // 2], "results", "not valid JSON"),
    ('{"resultCount": 0, "items": []}', "results", "no 'results' list"),
    ('[{"results": []}]', "results", "no 'results' list"),
    ('{"results": [{"kind": "software", "trackId": "x1", "trackName": "A"}]}', "trackId",
     "no numeric trackId"),
    ('{"results": [{"kind": "software", "trackId": 7}]}', "trackName", "no trackName"),
])
def test_broken_responses_fail_loudly(body, field, problem):
    with pytest.raises(ParseError) as error:
        appstore.parse(body, SEARCH_URL)
    assert str(error.value).startswith(f"appstore: {SEARCH_URL}: field '{field}': {problem}")


def test_an_empty_result_list_is_no_error():
    assert appstore.parse('{"resultCount": 0, "results": []}', SEARCH_URL).records == []


# The demo part (snapshots/demo/parts/appstore.jsonl): responses the offline demo crawl replays.
DEMO_PAGES = demo.pages("appstore")


def test_the_demo_has_every_query_and_the_lookup_of_the_known_ids_in_csv_order():
    known = [app["ios_track_id"] for app in known_apps() if app["ios_track_id"]]
    assert {entry["url"] for entry, _ in DEMO_PAGES} == {
        *(appstore.search_url(query) for query in googleplay.QUERIES), appstore.lookup_url(known)}


@pytest.mark.parametrize("entry, parsed", DEMO_PAGES, ids=[e["body"] for e, _ in DEMO_PAGES])
def test_every_demo_response_parses_into_complete_dutch_records(entry, parsed):
    assert parsed.records
    for record in parsed.records:
        assert all(record[name] is not None for name in (
            "title", "developer", "description", "languages", "version", "updated", "rating",
            "rating_count", "price", "min_os", "content_rating"))
        assert record["url"] == f"https://apps.apple.com/nl/app/id{record['source_id']}"


def test_every_demo_app_links_to_its_google_play_record():
    """By the known ids in curation/known_apps.csv, otherwise by title and developer."""
    known = {app["ios_track_id"] for app in known_apps() if app["ios_track_id"]}
    play = {(short_title(r["title"]), developer_key(r["developer"]))
            for r in demo.records("googleplay").values()}
    ios = [r for r in demo.records("appstore").values() if r["source_id"] not in known]
    assert sorted(r["title"] for r in ios) == [
        "De Stopcoach", "Meditation Moments", "MijnBreincoach", "Runkeeper: hardlopen en wandelen",
        "Stop Smoking Hypnosis", "Stopmaatje", "Stopstone", "Stoptober"]
    assert {(short_title(r["title"]), developer_key(r["developer"])) for r in ios} <= play
