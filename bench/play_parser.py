"""Parsing a saved Google Play detail page: Stopwijzer's parser against google-play-scraper's own
page parsing (`parse_dom`, what `google_play_scraper.app()` runs on the fetched HTML) and a bare
lxml parse, timed in one run on the same real pages. No network.

    python -m bench.play_parser [rounds]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import lxml.html
from google_play_scraper.features.app import parse_dom

from crawlers.parsers import googleplay

PAGES = sorted((Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "googleplay")
               .glob("play_details_*_hl-en.html"))
# The fields both parsers can fill: (Stopwijzer record field, google-play-scraper key).
COMPARED = (("title", "title"), ("developer", "developer"), ("description", "description"),
            ("installs", "installs"), ("rating", "score"), ("rating_count", "ratings"),
            ("price", "price"), ("content_rating", "contentRating"), ("updated", "updated"),
            ("version", "version"), ("privacy_url", "privacyPolicy"),
            ("screenshots", "screenshots"), ("website", "developerWebsite"))
GPS = "google-play-scraper parse_dom"


def _filled(value) -> bool:
    # google-play-scraper fills a missing version with this text instead of None.
    return value is not None and value not in ("", [], "Varies with device")


def _pages() -> list[tuple[str, str, str]]:
    """(html, package, url) of each saved detail page."""
    found = []
    for path in PAGES:
        package = path.stem.removeprefix("play_details_").removesuffix("_hl-en")
        found.append((path.read_text(encoding="utf-8"), package, googleplay.detail_url(package)))
    return found


def bench(rounds: int = 20) -> list[dict]:
    pages = _pages()
    runs = {  # name -> (parse one page, number of COMPARED fields it fills on one page)
        "stopwijzer googleplay.parse": (
            lambda text, package, url: googleplay.parse(text, url).records[0],
            lambda record: sum(_filled(record[ours]) for ours, _ in COMPARED)),
        GPS: (parse_dom, lambda app: sum(_filled(app[theirs]) for _, theirs in COMPARED)),
        "bare lxml.html.fromstring": (
            lambda text, package, url: lxml.html.fromstring(text), lambda tree: 0),
    }
    rows = []
    for name, (parse, count) in runs.items():
        filled = sum(count(parse(*page)) for page in pages)
        start = time.perf_counter()
        for _ in range(rounds):
            for page in pages:
                parse(*page)
        seconds = (time.perf_counter() - start) / (rounds * len(pages))
        rows.append({"name": name, "seconds_per_page": seconds, "fields_filled": filled,
                     "fields_compared": len(COMPARED) * len(pages)})
    reference = next(row["seconds_per_page"] for row in rows if row["name"] == GPS)
    return [{**row, "ratio_vs_gps": row["seconds_per_page"] / reference} for row in rows]


if __name__ == "__main__":
    rows = bench(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
    print(f"{len(PAGES)} real Google Play detail pages\n")
    print(f"{'parser':<32} {'ms/page':>9} {'vs gps':>8} {'fields':>8}")
    for row in rows:
        print(f"{row['name']:<32} {row['seconds_per_page'] * 1000:>9.2f} "
              f"{row['ratio_vs_gps']:>7.2f}x {row['fields_filled']:>4}/{row['fields_compared']}")
