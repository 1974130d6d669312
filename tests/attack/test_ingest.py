"""`stopwijzer ingest` refuses what the crawler refuses, in one line naming the field, and
stores nothing then."""

import json
import re

import pytest

from catalogue.load import ingest
from catalogue.store import connect_readonly, write_session
from crawlers.errors import ParseError
from crawlers.pipelines import record_problems
from stopwijzer import pipeline
from tests.records import itunes

LOOKUP = "https://itunes.apple.com/lookup?id=483994930&country=nl"
RESULT = {"kind": "software", "trackId": 483994930, "trackName": "QuitNow! Stop met roken",
          "sellerName": "Fewlaps", "description": "Stop met roken en blijf gestopt.",
          "averageUserRating": 4.6, "userRatingCount": 412871, "price": 0.0,
          "languageCodesISO2A": ["NL", "EN"], "version": "6.21.3",
          "currentVersionReleaseDate": "2026-10-14T08:00:00Z", "minimumOsVersion": "15.0",
          "trackContentRating": "4+", "trackViewUrl": "https://apps.apple.com/nl/app/id483994930"}


def page(tmp_path, body: bytes):
    path = tmp_path / "lookup.json"
    path.write_bytes(body)
    return path


def answer(**fields) -> bytes:
    return json.dumps({"resultCount": 1, "results": [{**RESULT, **fields}]},
                      allow_nan=True).encode()


def runs(db):
    with connect_readonly(db) as con:
        return con.execute("SELECT count(*) FROM crawl_run").fetchone()[0]


@pytest.fixture
def known(db, load):
    load({"appstore": [itunes(483994930, "QuitNow! Stop met roken", "Fewlaps")]})
    return db


def test_a_good_page_is_stored(known, tmp_path):
    summary = pipeline.ingest_file(known, "appstore", page(tmp_path, answer()), LOOKUP)
    assert summary.status == "manual" and runs(known) == 2


@pytest.mark.parametrize("body, message", [
    (answer(description="Stoppen met roken").replace(b"Stoppen", b"Stop\xff\xfeen"),
     "field 'description': text is not valid in the page's declared encoding"),
    (answer(averageUserRating=float("nan")), "field 'rating': nan is not a number"),
    (answer(averageUserRating=12), "field 'rating': 12.0 is outside 0-5"),
    (answer(price=-1), "field 'price': -1.0 is outside 0-10000"),
])
def test_a_field_the_crawler_would_refuse_or_empty_is_refused(known, tmp_path, body, message):
    with pytest.raises(ValueError) as error:
        pipeline.ingest_file(known, "appstore", page(tmp_path, body), LOOKUP)
    assert message in str(error.value) and "\n" not in str(error.value)
    assert runs(known) == 1


@pytest.mark.parametrize("body, exception", [
    (answer(userRatingCount=float("inf")), "OverflowError"),
    (answer(languageCodesISO2A=[1, 2]), "AttributeError"),
    (b'{"results": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "RecursionError"),
])
def test_a_page_the_parser_chokes_on_is_one_line(known, tmp_path, body, exception):
    with pytest.raises(ParseError, match=re.escape(f"appstore: {LOOKUP}: field 'page': cannot "
                                                   f"be read ({exception}")):
        pipeline.ingest_file(known, "appstore", page(tmp_path, body), LOOKUP)
    assert runs(known) == 1


@pytest.mark.parametrize("field, value, message", [
    ("rating", "abc", "str where DOUBLE is expected"),
    ("rating_count", True, "bool where BIGINT is expected"),
    ("languages", ["nl", 1], "a list with items that are not text"),
    ("quality_themes", {"privacy": {"a": [{}]}}, "a mapping with values that are not plain"),
])
def test_a_record_with_a_wrong_field_is_refused(known, field, value, message):
    record = itunes(1, "Stop nu", "Example", **{field: value})
    with pytest.raises(ValueError, match=f"appstore: page.json: record '1': field '{field}': "
                                         f"{re.escape(message)}"):
        with write_session(known) as con:
            ingest(con, "appstore", [record], "page.json")
    assert runs(known) == 1


@pytest.mark.parametrize("source_id", ["../../etc/passwd", "abc\0def", "123\n456", "..", ""])
def test_an_id_that_is_no_plain_id_is_refused(known, source_id):
    record = itunes(1, "Stop nu", "Example")
    record["source_id"] = source_id
    assert record_problems(record)[0].fatal
    with pytest.raises(ValueError, match="record without source_id|field 'source_id'"):
        with write_session(known) as con:
            ingest(con, "appstore", [record], "page.json")
    assert runs(known) == 1
