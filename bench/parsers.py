"""Parsing a Google Play detail page: Stopwijzer's parser against what a developer would
otherwise use (google-play-scraper's own page parsing) and a bare lxml parse of the page."""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
from google_play_scraper.features.app import parse_dom

from crawlers.parsers import googleplay

PAGES = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "googleplay")
               .glob("play_details_*.html"))
# Fields both parsers can fill, as (ours, google-play-scraper's).
COMPARED = [("title", "title"), ("developer", "developer"), ("description", "description"),
            ("installs", "installs"), ("rating", "score"), ("rating_count", "ratings"),
            ("price", "price"), ("content_rating", "contentRating"), ("updated", "updated"),
            ("version", "version"), ("privacy_url", "privacyPolicy"),
            ("screenshots", "screenshots"), ("website", "developerWebsite")]


def _seconds_per_page(parse, pages: list[tuple[str, str, str]], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for text, package, url in pages:
            parse(text, package, url)
    return (time.perf_counter() - start) / (rounds * len(pages))


def _filled(value) -> bool:
    return value not in (None, "", [], "Varies with device")


def bench(rounds: int = 20) -> list[dict]:
    pages = []
    for path in PAGES:
        package = path.stem.removeprefix("play_details_").removesuffix("_hl-en")
        url = googleplay.detail_url(package)
        pages.append((path.read_text(encoding="utf-8"), package, url))
    ours = [googleplay.parse(text, url).records[0] for text, _, url in pages]
    theirs = [parse_dom(text, package, url) for text, package, url in pages]
    runs = {
        "stopwijzer googleplay.parse": (
            lambda text, package, url: googleplay.parse(text, url),
            sum(_filled(r[a]) for r in ours for a, _ in COMPARED)),
        "google-play-scraper parse_dom": (
            lambda text, package, url: parse_dom(text, package, url),
            sum(_filled(r[b]) for r in theirs for _, b in COMPARED)),
        "bare lxml.html parse (no fields)": (
            lambda text, package, url: lxml.html.fromstring(text), 0),
    }
    timings = {name: _seconds_per_page(parse, pages, rounds) for name, (parse, _) in runs.items()}
    reference = timings["google-play-scraper parse_dom"]
    return [{"name": name, "ms_per_page": timings[name] * 1000,
             "ratio_vs_google_play_scraper": timings[name] / reference,
             "fields_filled": f"{filled}/{len(COMPARED) * len(pages)}"}
            for name, (_, filled) in runs.items()]
