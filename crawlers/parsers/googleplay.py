"""Google Play store pages (hl=nl, gl=NL): search results and app detail pages.

The data is in `AF_initDataCallback({key: 'ds:N', hash: '…', data: [...], sideChannel: {}})`
script blocks. A block is chosen by its key, never by position (the order changes per page), and
only its data literal is decoded, with the json module (never eval). When the detail block is
missing, the page's JSON-LD gives the fields it has, and a `FallbackWarning` says so (the spider
counts it as a problem, `stopwijzer parse` prints it). Prices are taken as shown: the spider asks
for gl=NL, where they are in EUR.
"""

from __future__ import annotations

import html
import json
import re
import warnings
from datetime import datetime
from urllib.parse import parse_qs, quote, urlparse
from zoneinfo import ZoneInfo

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed, googleplay_datasafety

SOURCE = "googleplay"
QUERIES = ("stoppen met roken", "stop met roken", "rookvrij", "quit smoking")

# Everything the parser reads, in one table. A path steps into decoded data: an int is a
# list index, a string a dict key. The detail paths are google-play-scraper's ElementSpecs.Detail
# (constants/element.py), relative to DETAIL_ROOT in the ds:5 data.
DETAIL_BLOCK, DETAIL_ROOT = "ds:5", [1, 2]
DETAIL_PATHS = {
    "title": [0, 0],
    "description": [72, 0, 1],
    "description_old": [12, 0, 0, 1],  # the older layout, still tried by google-play-scraper
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
    "version": [140, 0, 0, 0],  # absent when the page says "Varies with device"
}
SEARCH_BLOCK = "ds:4"
SEARCH_PATHS = {
    "sections": [0, 1],  # the section holding the result list differs per locale: try each
    "results": [22, 0],  # in a section
    "package": [0, 0, 0],  # in a result
    "top_package": [23, 16, 11, 0, 0],  # in a section: the highlighted first hit, if any
}
JSON_LD_TYPE = "SoftwareApplication"
JSON_LD_PATHS = {
    "title": ["name"],
    "developer": ["author", "name"],
    "website": ["author", "url"],
    "description": ["description"],  # only the short summary
    "rating": ["aggregateRating", "ratingValue"],
    "rating_count": ["aggregateRating", "ratingCount"],
    "price": ["offers", 0, "price"],
    "content_rating": ["contentRating"],
}
BLOCK = r"AF_initDataCallback\(\s*\{{\s*key:\s*'{key}'[^\[\]{{}}]*?\bdata:\s*"
JSON_LD = re.compile(r"<script[^>]+type=\"application/ld\+json\"[^>]*>(.*?)</script>", re.S)

PACKAGE = re.compile(r"[A-Za-z]\w*(\.\w+)+")
NUMBERS = {"rating": float, "rating_count": int, "price": float, "screenshots": int}
# The page shows the update date in the visitor's time zone; ours is the Dutch one (its tz data
# comes with pandas' tzdata dependency).
TIME_ZONE = ZoneInfo("Europe/Amsterdam")
LINE_BREAK, TAG = re.compile(r"<br\s*/?>", re.I), re.compile(r"<[^>]+>")


def detail_url(package: str) -> str:
    return f"https://play.google.com/store/apps/details?id={quote(package)}&hl=nl&gl=NL"


def search_url(query: str) -> str:
    return f"https://play.google.com/store/search?q={quote(query)}&c=apps&hl=nl&gl=NL"


def parse(text: str, url: str) -> Parsed:
    path = urlparse(url).path
    if path.endswith("/store/apps/details"):
        record = parse_detail(text, url)
        # The spider completes the record with the maker's privacy declaration from this page.
        return Parsed([record], [googleplay_datasafety.datasafety_url(record["source_id"])])
    if googleplay_datasafety.is_datasafety(url):
        fields = googleplay_datasafety.parse_datasafety(text, url)
        package = googleplay_datasafety.package_of(url)
        return Parsed([new_record(SOURCE, package, detail_url(package), **fields)], [])
    if path.endswith("/store/search"):
        return Parsed([], parse_search(text, url))
    raise ParseError(SOURCE, url, "url", "neither a detail nor a search page")


def lookup(data, path):
    """The value at `path` in nested lists/dicts, or None where the structure ends early."""
    for step in path:
        if not isinstance(data, (list, dict)):
            return None
        try:
            data = data[step]
        except (IndexError, KeyError, TypeError):
            return None
    return data


def data_block(text: str, key: str):
    """The decoded data of the AF_initDataCallback block with this key; None if there is none.

    raw_decode reads exactly one JSON literal and finds its end itself, so unlike a regex up to
    "sideChannel" it does not depend on what follows the data.
    """
    start = re.search(BLOCK.format(key=re.escape(key)), text)
    if start is None:
        return None
    try:
        return json.JSONDecoder().raw_decode(text, start.end())[0]
    except ValueError:
        return None


def html_to_text(fragment: str | None) -> str | None:
    """Play descriptions are HTML (<br>, <b>, entities): plain text with newlines."""
    if not isinstance(fragment, str) or not fragment.strip():
        return None
    text = html.unescape(TAG.sub("", LINE_BREAK.sub("\n", fragment)))
    return text.replace("\r\n", "\n").strip()


class FallbackWarning(UserWarning):
    """A detail page read from its JSON-LD because its data block is missing: fewer fields."""


def parse_detail(text: str, url: str) -> dict:
    package = parse_qs(urlparse(url).query).get("id", [""])[0]
    if not package:
        raise ParseError(SOURCE, url, "source_id", "no ?id= in the URL")
    app = lookup(data_block(text, DETAIL_BLOCK), DETAIL_ROOT)
    if app is None:
        found = _json_ld(text)
        if found is None:
            raise ParseError(SOURCE, url, "title", f"neither a {DETAIL_BLOCK} data block nor "
                                                   f"{JSON_LD_TYPE} JSON-LD: the layout changed")
        warnings.warn(FallbackWarning(
            f"{SOURCE}: {url}: no {DETAIL_BLOCK} data block, read from the JSON-LD fallback "
            f"({', '.join(JSON_LD_PATHS)} only): the layout may have changed"))
        return _record(package, {name: lookup(found, p) for name, p in JSON_LD_PATHS.items()})
    raw = {name: lookup(app, path) for name, path in DETAIL_PATHS.items()}
    if not isinstance(raw["title"], str) or not raw["title"]:
        raise ParseError(SOURCE, url, "title", f"no title in the {DETAIL_BLOCK} data block")
    older_description = raw.pop("description_old")
    micros = _number(raw.pop("price_micros"), float)
    shots = raw["screenshots"]
    raw.update(description=raw["description"] or older_description,
               price=None if micros is None else micros / 1_000_000,
               updated=_day(raw.pop("updated_epoch")),
               screenshots=len(shots) if isinstance(shots, list) else None)
    return _record(package, raw)


def _json_ld(text: str) -> dict | None:
    for block in JSON_LD.findall(text):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("@type") == JSON_LD_TYPE and data.get("name"):
            return data
    return None


def _record(package: str, raw: dict) -> dict:
    """A record from raw values read at the paths above, whatever their JSON types."""
    fields = {}
    for name, value in raw.items():
        if name in NUMBERS:
            fields[name] = _number(value, NUMBERS[name])
        elif name == "description":
            fields[name] = html_to_text(value)
        else:
            fields[name] = value if isinstance(value, str) and value else None
    return new_record(SOURCE, package, detail_url(package), kind="app", platforms=["android"],
                      links=[fields["website"]] if fields["website"] else [], **fields)


def _number(value, kind):
    """value as int/float also when it is given as text ("336", "4.16"); None otherwise."""
    if value is None or isinstance(value, (bool, list, dict)):
        return None
    try:
        return kind(float(value)) if kind is int else kind(value)
    except (TypeError, ValueError, OverflowError):
        return None


def _day(epoch_seconds) -> str | None:
    seconds = _number(epoch_seconds, float)
    try:
        return datetime.fromtimestamp(seconds, TIME_ZONE).date().isoformat()
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def parse_search(text: str, url: str) -> list[str]:
    sections = lookup(data_block(text, SEARCH_BLOCK), SEARCH_PATHS["sections"])
    if not isinstance(sections, list):
        raise ParseError(SOURCE, url, "results", f"no {SEARCH_BLOCK} data block with results")
    found = []
    for section in sections:
        results = lookup(section, SEARCH_PATHS["results"])
        found.append(lookup(section, SEARCH_PATHS["top_package"]))
        found += [lookup(result, SEARCH_PATHS["package"])
                  for result in (results if isinstance(results, list) else [])]
    packages = dict.fromkeys(p for p in found if isinstance(p, str) and PACKAGE.fullmatch(p))
    return [detail_url(package) for package in packages]
