"""Google Play store pages (hl=nl, gl=NL): search results and app detail pages.

The data is in `AF_initDataCallback({key: 'ds:N', ..., data: [...]})` script blocks. A block is
chosen by its key, never by position (detail data: ds:5, search results: ds:4), and only that
block is decoded, with `json.JSONDecoder.raw_decode` (never eval). Paths into the data follow
google-play-scraper's ElementSpecs; when the detail block is missing, the page's JSON-LD gives
the few fields it has.
"""

from __future__ import annotations

import html
import json
import re
from datetime import datetime, timezone
from urllib.parse import parse_qs, quote, urlparse

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed

SOURCE = "googleplay"
QUERIES = ("stoppen met roken", "stop met roken", "rookvrij", "quit smoking")
DETAIL_BLOCK, SEARCH_BLOCK = "ds:5", "ds:4"

# Paths into the ds:5 data (after [1][2]), as google-play-scraper's ElementSpecs.Detail.
DETAIL_PATHS = {
    "title": [0, 0],
    "description": [72, 0, 1],
    "description_old": [12, 0, 0, 1],
    "installs": [13, 0],
    "rating": [51, 0, 1],
    "rating_count": [51, 2, 1],
    "price_micros": [57, 0, 0, 0, 0, 1, 0, 0],
    "developer": [68, 0],
    "website": [69, 0, 5, 2],
    "privacy_url": [99, 0, 5, 2],
    "content_rating": [9, 0],
    "screenshots": [78, 0],
    "updated_epoch": [145, 0, 1, 0],
    "version": [140, 0, 0, 0],
}
DETAIL_ROOT = [1, 2]
# ds:4: [0][1][section][22][0] is the result list; each result's package is at [0][0][0];
# a highlighted top result sits at [0][1][section][23][16][11][0][0].
SEARCH_SECTIONS, SEARCH_LIST, SEARCH_ID = [0, 1], [22, 0], [0, 0, 0]
SEARCH_TOP_ID = [23, 16, 11, 0, 0]
BLOCK_START = "AF_initDataCallback({key: '{key}'"
JSON_LD = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.S)
TAG = re.compile(r"<[^>]+>")


def detail_url(package: str) -> str:
    return f"https://play.google.com/store/apps/details?id={quote(package)}&hl=nl&gl=NL"


def search_url(query: str) -> str:
    return f"https://play.google.com/store/search?q={quote(query)}&c=apps&hl=nl&gl=NL"


def lookup(data, path):
    for step in path:
        try:
            data = data[step]
        except (IndexError, KeyError, TypeError):
            return None
    return data


def data_block(text: str, key: str):
    """The decoded data of one AF_initDataCallback block, or None if the page has no such key."""
    start = text.find(BLOCK_START.replace("{key}", key))
    if start < 0:
        return None
    data_at = text.find("data:", start)
    if data_at < 0:
        return None
    try:
        return json.JSONDecoder().raw_decode(text, data_at + len("data:"))[0]
    except ValueError:
        return None


def html_to_text(fragment: str | None) -> str | None:
    if not fragment:
        return None
    text = TAG.sub("", re.sub(r"<br\s*/?>", "\n", fragment, flags=re.I))
    return html.unescape(text).replace("\r\n", "\n").strip()


def _epoch_date(seconds) -> str | None:
    if not isinstance(seconds, (int, float)):
        return None
    return datetime.fromtimestamp(seconds, timezone.utc).date().isoformat()


def parse(text: str, url: str) -> Parsed:
    path = urlparse(url).path
    if path.endswith("/store/apps/details"):
        return Parsed([parse_detail(text, url)], [])
    if path.endswith("/store/search"):
        return Parsed([], parse_search(text, url))
    raise ParseError(SOURCE, url, "url", "neither a detail nor a search page")


def parse_detail(text: str, url: str) -> dict:
    package = parse_qs(urlparse(url).query).get("id", [""])[0]
    if not package:
        raise ParseError(SOURCE, url, "source_id", "no ?id= in the URL")
    app = lookup(data_block(text, DETAIL_BLOCK), DETAIL_ROOT)
    if app is None:
        return _from_json_ld(text, url, package)
    field = {name: lookup(app, p) for name, p in DETAIL_PATHS.items()}
    if not isinstance(field["title"], str) or not field["title"]:
        raise ParseError(SOURCE, url, "title", f"no title in the {DETAIL_BLOCK} data block")
    price = field["price_micros"]
    screenshots = field["screenshots"]
    return new_record(
        SOURCE, package, detail_url(package), kind="app", platforms=["android"],
        title=field["title"], developer=field["developer"],
        description=html_to_text(field["description"] or field["description_old"]),
        installs=field["installs"],
        rating=float(field["rating"]) if isinstance(field["rating"], (int, float)) else None,
        rating_count=field["rating_count"] if isinstance(field["rating_count"], int) else None,
        price=price / 1_000_000 if isinstance(price, (int, float)) else None,
        content_rating=field["content_rating"], privacy_url=field["privacy_url"],
        website=field["website"], updated=_epoch_date(field["updated_epoch"]),
        version=field["version"] if isinstance(field["version"], str) else None,
        screenshots=len(screenshots) if isinstance(screenshots, list) else None,
        links=[link for link in (field["website"],) if link])


def _from_json_ld(text: str, url: str, package: str) -> dict:
    for block in JSON_LD.findall(text):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("@type") == "SoftwareApplication" and data.get("name"):
            rating = data.get("aggregateRating") or {}
            offers = data.get("offers") or [{}]
            offer = offers[0] if isinstance(offers, list) and offers else {}
            author = data.get("author") or {}
            return new_record(
                SOURCE, package, detail_url(package), kind="app", platforms=["android"],
                title=data["name"], developer=author.get("name"),
                description=html_to_text(data.get("description")),
                rating=float(rating["ratingValue"]) if rating.get("ratingValue") else None,
                rating_count=int(rating["ratingCount"]) if rating.get("ratingCount") else None,
                price=float(offer["price"]) if offer.get("price") is not None else None,
                content_rating=data.get("contentRating"), website=author.get("url"))
    raise ParseError(SOURCE, url, "title",
                     f"neither a {DETAIL_BLOCK} data block nor JSON-LD: the page layout changed")


def parse_search(text: str, url: str) -> list[str]:
    data = data_block(text, SEARCH_BLOCK)
    sections = lookup(data, SEARCH_SECTIONS)
    if not isinstance(sections, list):
        raise ParseError(SOURCE, url, "results", f"no {SEARCH_BLOCK} data block with results")
    packages: list[str] = []
    for section in sections:
        candidates = [lookup(section, SEARCH_TOP_ID)]
        candidates += [lookup(result, SEARCH_ID) for result in lookup(section, SEARCH_LIST) or []]
        packages += [p for p in candidates if isinstance(p, str) and p not in packages]
    return [detail_url(package) for package in packages]
