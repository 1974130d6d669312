"""Apple App Store through the iTunes Search and Lookup API (country=nl, lang=nl_nl).

Both APIs answer `{"resultCount": N, "results": [...]}`; one record per iOS app in the results.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import urlencode, urlparse

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed

SOURCE = "appstore"
API = "https://itunes.apple.com"
COMMON = {"country": "nl", "lang": "nl_nl", "entity": "software"}
APP_KIND = "software"  # iPhone/iPad apps; "mac-software" and non-software results are skipped
# Record field -> the API fields that can hold it, the first one present wins.
FIELD_MAP = {
    "title": ("trackName",),
    "developer": ("sellerName", "artistName"),
    "description": ("description",),
    "languages": ("languageCodesISO2A",),
    "version": ("version",),
    "updated": ("currentVersionReleaseDate",),
    "rating": ("averageUserRating",),
    "rating_count": ("userRatingCount",),
    "price": ("price",),
    "min_os": ("minimumOsVersion",),
    "content_rating": ("contentAdvisoryRating", "trackContentRating"),
    "screenshots": ("screenshotUrls",),
    "url": ("trackViewUrl",),
    "website": ("sellerUrl",),
}
NUMBERS = {"rating": float, "rating_count": int, "price": float}


def search_url(term: str) -> str:
    return f"{API}/search?{urlencode({'term': term, **COMMON, 'limit': 50})}"


def lookup_url(track_ids: list) -> str:
    return f"{API}/lookup?{urlencode({'id': ','.join(map(str, track_ids)), **COMMON})}"


def parse(text: str, url: str) -> Parsed:
    if urlparse(url).path not in ("/search", "/lookup"):
        raise ParseError(SOURCE, url, "url", "neither a search nor a lookup API URL")
    try:
        data = json.loads(text)
    except ValueError as error:
        raise ParseError(SOURCE, url, "results", f"not valid JSON ({error})") from None
    if not isinstance(data, dict) or not isinstance(data.get("results"), list):
        raise ParseError(SOURCE, url, "results", "no 'results' list in the response")
    return Parsed([parse_result(result, url) for result in data["results"]
                   if isinstance(result, dict) and result.get("kind") == APP_KIND], [])


def parse_result(result: dict, url: str) -> dict:
    try:
        track_id = str(int(str(result.get("trackId"))))  # the API gives a number; tolerate text
    except ValueError:
        raise ParseError(SOURCE, url, "trackId", f"no numeric trackId in a result: "
                                                 f"{result.get('trackId')!r}") from None
    raw = {field: next((result[key] for key in keys if result.get(key) not in (None, "")), None)
           for field, keys in FIELD_MAP.items()}
    if not isinstance(raw["title"], str):
        raise ParseError(SOURCE, url, "trackName", f"no trackName for trackId {track_id}")
    fields = {name: kind(raw[name]) if isinstance(raw[name], (int, float)) else None
              for name, kind in NUMBERS.items()}
    languages, shots = raw["languages"], raw["screenshots"]
    fields.update(
        languages=[code.lower() for code in languages] if isinstance(languages, list) else None,
        screenshots=len(shots) if isinstance(shots, list) else None,
        updated=_date(raw["updated"]),
        # The ?uo= tracking parameter differs per response; the page is the same.
        url=raw["url"].split("?")[0] if isinstance(raw["url"], str) else
        f"https://apps.apple.com/nl/app/id{track_id}")
    text = {name: value if isinstance(value, str) else None
            for name, value in raw.items() if name not in fields}
    return new_record(SOURCE, track_id, kind="app", platforms=["ios"],
                      links=[text["website"]] if text["website"] else [], **fields, **text)


def _date(timestamp) -> str | None:
    """'2018-10-16T17:36:21Z' -> '2018-10-16'; None when it is not a date."""
    try:
        return date.fromisoformat(timestamp[:10]).isoformat()
    except (TypeError, ValueError):
        return None
