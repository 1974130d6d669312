"""GGD AppStore (ggdappstore.nl): the stop-smoking listing and one page per judged app.

The listing markup (Bootstrap cards in div#apps, Font Awesome stars, platform-* links, an orange
'Meer info' button) follows a public scraper of the live site; the listing URL and the detail
page's facts and judgement blocks are modelled (see snapshots/demo/parts/ggdappstore.md).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed, listing_links

SOURCE = "ggdappstore"
START_URLS = ("https://ggdappstore.nl/Appstore/Categorie/Roken",)

LISTING_PATH = "/Appstore/Categorie/"
DETAIL_PATH = "/Appstore/App/"

SELECTORS = {
    # listing
    "cards": "div#apps div.app",
    "card_link": "a.btn.btn-orange::attr(href)",
    "next_page": "ul.pager li.next a::attr(href)",
    "no_results": "div#apps p.geen-resultaten",
    # detail
    "title": "div#app-header h1",
    "score": "div#app-header div.app-score",
    "full_star": "i.fa-star",
    "half_star": "i.fa-star-half-o",
    "description": "div#beschrijving div.row div.col-xs-12 p",
    "fact_terms": "dl#app-gegevens dt",
    "links": "div#app-header a[class*='platform-']::attr(href)",
    "themes": "div#beoordeling div.thema",
    "theme_name": "h4",
    "theme_score": "div.app-score",
    "theme_judgement": "p",
}

# 'Beschikbaar voor' words -> platform names used by every source.
PLATFORM_WORDS = {"android": "android", "ios": "ios", "iphone": "ios", "website": "web"}


def parse(text: str, url: str) -> Parsed:
    path = urlsplit(url).path
    page = Selector(text=text)
    if path.startswith(LISTING_PATH):
        return _parse_listing(page, url)
    if path.startswith(DETAIL_PATH):
        return _parse_app(page, url)
    raise ParseError(SOURCE, url, "url", "not a category listing or app page")


def _parse_listing(page: Selector, url: str) -> Parsed:
    return listing_links(page, url, SOURCE, SELECTORS, key="cards", link="card_link",
                         no_link="an app card has no link to its app page",
                         none_found="no app cards and no 'geen resultaten' message",
                         join=_absolute)


def _parse_app(page: Selector, url: str) -> Parsed:
    title = page.css(SELECTORS["title"]).xpath("normalize-space()").get()
    if not title:
        raise ParseError(SOURCE, url, "title", "no app name (h1) in the app header")
    facts = _facts(page)
    website = facts.get("website")
    description = "\n".join(
        p.xpath("normalize-space()").get() for p in page.css(SELECTORS["description"])
    )
    record = new_record(
        SOURCE,
        urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1],
        url,
        kind="app",
        title=title,
        developer=facts.get("aanbieder"),
        description=description or None,
        target_group=facts.get("doelgroep"),
        price=_price(facts.get("prijs")),
        platforms=_platforms(facts.get("beschikbaar voor")),
        website=website,
        links=_links(page, url, website),
        quality_score=_stars(page.css(SELECTORS["score"])),
        quality_themes=_themes(page),
    )
    return Parsed([record], [])


def _absolute(base: str, href: str) -> str:
    # The live site's hrefs contain stray spaces inside the path (noted by its public scraper).
    return urljoin(base, "".join(href.split()))


def _facts(page: Selector) -> dict[str, str]:
    """The dt/dd facts keyed by lower-case label; a link's href stands in for its text."""
    facts = {}
    for term in page.css(SELECTORS["fact_terms"]):
        value = term.xpath("following-sibling::dd[1]")
        href = value.css("a::attr(href)").get()
        facts[term.xpath("normalize-space()").get().rstrip(":").lower()] = (
            href or value.xpath("normalize-space()").get() or None
        )
    return facts


def _stars(box) -> float | None:
    if not box:
        return None
    return len(box.css(SELECTORS["full_star"])) + 0.5 * len(box.css(SELECTORS["half_star"]))


def _themes(page: Selector) -> dict | None:
    """Theme -> stars, or the judgement text where a theme has no stars."""
    themes = {}
    for theme in page.css(SELECTORS["themes"]):
        name = theme.css(SELECTORS["theme_name"]).xpath("normalize-space()").get() or ""
        key = re.sub(r"[^a-z]+", "_", name.lower()).strip("_")
        score = _stars(theme.css(SELECTORS["theme_score"]))
        if key:
            themes[key] = score if score is not None else (
                theme.css(SELECTORS["theme_judgement"]).xpath("normalize-space()").get()
            )
    return themes or None


def _price(text: str | None) -> float | None:
    if not text:
        return None
    if "gratis" in text.lower():
        return 0.0
    amount = re.search(r"\d+(?:,\d{1,2})?", text)
    return float(amount.group().replace(",", ".")) if amount else None


def _platforms(text: str | None) -> list[str] | None:
    if not text:
        return None
    words = re.findall(r"[a-z]+", text.lower())
    found = {PLATFORM_WORDS[w] for w in words if w in PLATFORM_WORDS}
    return sorted(found) or None


def _links(page: Selector, url: str, website: str | None) -> list[str] | None:
    links = [_absolute(url, href) for href in page.css(SELECTORS["links"]).getall()]
    if website and website not in links:
        links.append(website)
    return links or None
