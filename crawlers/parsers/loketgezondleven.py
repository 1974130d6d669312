"""Loketgezondleven.nl interventiedatabase: the search listing for the theme roken and one page
per intervention with its Erkenningstraject level and date.

Intervention URLs (…/interventies-zoeken/<number>) and the labels on an intervention page
(Erkenningsstatus, Datum erkenning as dd-mm-yyyy, Doelgroep, Aanpak in het kort) are the real
site's; the Drupal field markup around them and the listing are modelled
(see snapshots/demo/parts/loketgezondleven.md).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed, listing_links

SOURCE = "loketgezondleven"
START_URLS = (
    "https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken"
    "?thema=roken",
)

LISTING_PATH = "/leefstijlinterventies/interventies-zoeken"
DETAIL_URL = re.compile(r"/leefstijlinterventies/interventies-zoeken/(\d+)/?$")


def _field(name: str) -> str:
    return f"div.field--name-field-{name} div.field__item"


SELECTORS = {
    # listing
    "results": "div.search-results li.search-result",
    "result_link": "h3.search-result__title a::attr(href)",
    "next_page": "ul.pager li.pager__item--next a::attr(href)",
    "no_results": "div.search-results p.search-results__empty",
    # intervention page
    "title": "h1.page-title",
    "level": _field("erkenningsstatus"),
    "date": _field("datum-erkenning"),
    "target_group": _field("doelgroep"),
    "description": _field("aanpak-kort"),
    "developer": _field("organisatie"),
    "website": "div.field--name-field-website a::attr(href)",
    "form": _field("vorm"),
}

# Phrases of the five Erkenningstraject levels, most specific first ('goede' before 'goed').
LEVELS = (
    ("sterke aanwijzingen", "Effectief volgens sterke aanwijzingen"),
    ("goede aanwijzingen", "Effectief volgens goede aanwijzingen"),
    ("eerste aanwijzingen", "Effectief volgens eerste aanwijzingen"),
    ("goed onderbouwd", "Goed onderbouwd"),
    ("goed beschreven", "Goed beschreven"),
)

MONTHS = {name: number for number, name in enumerate(
    ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"), start=1)}


def parse(text: str, url: str) -> Parsed:
    page = Selector(text=text)
    path = urlsplit(url).path
    detail = DETAIL_URL.search(path)
    if detail:
        return _parse_intervention(page, url, detail.group(1))
    if path.rstrip("/") == LISTING_PATH:
        return _parse_listing(page, url)
    raise ParseError(SOURCE, url, "url", "not an intervention search listing or intervention page")


def _parse_listing(page: Selector, url: str) -> Parsed:
    return listing_links(page, url, SOURCE, SELECTORS, key="results", link="result_link",
                         no_link="a search result has no link",
                         none_found="no search results and no 'geen resultaten' message",
                         join=lambda base, href: urljoin(base, href.strip()))


def _parse_intervention(page: Selector, url: str, intervention_id: str) -> Parsed:
    def text(key: str) -> str | None:
        return page.css(SELECTORS[key]).xpath("normalize-space()").get() or None

    title = text("title")
    if not title:
        raise ParseError(SOURCE, url, "title", "no intervention name (h1.page-title)")
    form = text("form") or ""
    record = new_record(
        SOURCE,
        intervention_id,
        url,
        kind="app" if re.search(r"\bapp\b", form, re.IGNORECASE) else "programme",
        title=title,
        description=text("description"),
        recognition_level=_level(text("level"), url),
        recognition_date=_date(text("date"), url),
        target_group=text("target_group"),
        developer=text("developer"),
        website=page.css(SELECTORS["website"]).get(),
    )
    return Parsed([record], [])


def _level(label: str | None, url: str) -> str | None:
    """One of the five level names; unknown wording means the site changed, so it fails."""
    if not label:
        return None
    lowered = label.lower()
    for phrase, level in LEVELS:
        if phrase in lowered:
            return level
    raise ParseError(SOURCE, url, "recognition_level", f"unknown Erkenningsstatus '{label}'")


def _date(label: str | None, url: str) -> str | None:
    """'25-05-2023' (the database's form) or '25 mei 2023' (news pages) -> '2023-05-25'."""
    if not label:
        return None
    numeric = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", label)
    written = re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", label.lower())
    try:
        if numeric:
            day, month, year = map(int, numeric.groups())
        elif written and written.group(2) in MONTHS:
            day, month, year = (int(written.group(1)), MONTHS[written.group(2)],
                                int(written.group(3)))
        else:
            raise ValueError(label)
        return date(year, month, day).isoformat()
    except ValueError:
        raise ParseError(SOURCE, url, "recognition_date", f"unreadable date '{label}'") from None
