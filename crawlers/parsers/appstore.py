"""Apple App Store through the iTunes Search and Lookup API (country=nl, lang=nl_nl).

Both APIs answer `{"resultCount": N, "results": [...]}`; one record per software result.
"""

from __future__ import annotations

import json
from urllib.parse import urlencode, urlparse

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed

SOURCE = "appstore"
API = "https://itunes.apple.com"
COMMON = {"country": "nl", "lang": "nl_nl", "entity": "software"}
SOFTWARE_KINDS = ("software", "mac-software")
# Record field -> API field.
FIELD_MAP = {
    "title": "trackName",
    "description": "description",
    "version": "version",
    "rating": "averageUserRating",
    "rating_count": "userRatingCount",
    "price": "price",
    "min_os": "minimumOsVersion",
    "content_rating": "contentAdvisoryRating",
    "website": "sellerUrl",
}


def search_url(term: str) -> str:
    return f"{API}/search?{urlencode({'term': term, **COMMON, 'limit': 50})}"


def lookup_url(track_ids: list[str]) -> str:
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
    records = [parse_result(result, url) for result in data["results"]
               if isinstance(result, dict) and result.get("kind") in SOFTWARE_KINDS]
    return Parsed(records, [])


def parse_result(result: dict, url: str) -> dict:
    track_id = result.get("trackId")
    if track_id in (None, ""):
        raise ParseError(SOURCE, url, "trackId", "a software result without trackId")
    fields = {name: result.get(api_name) for name, api_name in FIELD_MAP.items()}
    for name, kind in (("rating", float), ("price", float), ("rating_count", int)):
        if fields[name] is not None:
            fields[name] = kind(fields[name])
    released = result.get("currentVersionReleaseDate") or result.get("releaseDate")
    return new_record(
        SOURCE, str(int(track_id)), result.get("trackViewUrl") or url, kind="app",
        platforms=["ios"], developer=result.get("sellerName") or result.get("artistName"),
        languages=[code.lower() for code in result.get("languageCodesISO2A") or []],
        updated=released[:10] if isinstance(released, str) else None,
        content_rating=fields.pop("content_rating") or result.get("trackContentRating"),
        screenshots=len(result.get("screenshotUrls") or []) or None,
        links=[link for link in (result.get("sellerUrl"),) if link], **fields)
