"""ikstopnu.nl (Trimbos-instituut): the page with the selection of recommended stop-smoking apps.

One record per app card; the page links nowhere we need to follow. No saved copy of the real
page was found, so the markup is modelled (see snapshots/demo/parts/ikstopnu.md).
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed, listed

SOURCE = "ikstopnu"
START_URLS = ("https://www.ikstopnu.nl/bibliotheek/apps-om-te-stoppen-met-roken/",)

SELECTORS = {
    "cards": "section.app-selectie article.app-card",
    "no_results": "section.app-selectie p.geen-apps",
    "title": "h3.app-card__title",
    "type": "span.app-card__type",
    "summary": "div.app-card__text p",
    "links": "ul.app-card__links a::attr(href)",
}

# Card type label -> record kind.
KINDS = {"app": "app", "website": "website", "programma": "programme",
         "online programma": "programme"}
STORE_HOSTS = ("play.google.com", "apps.apple.com")


def parse(text: str, url: str) -> Parsed:
    if urlsplit(url).path.rstrip("/") != urlsplit(START_URLS[0]).path.rstrip("/"):
        raise ParseError(SOURCE, url, "url", "not the app selection page")
    page = Selector(text=text)
    cards = listed(page, url, SOURCE, SELECTORS, "cards", "no app cards and no 'geen apps' message")
    return Parsed([_parse_card(card, url) for card in cards], [])


def _parse_card(card: Selector, url: str) -> dict:
    title = card.css(SELECTORS["title"]).xpath("normalize-space()").get()
    if not title:
        raise ParseError(SOURCE, url, "title", "an app card has no name")
    links = [urljoin(url, href.strip()) for href in card.css(SELECTORS["links"]).getall()]
    summary = "\n".join(p.xpath("normalize-space()").get() for p in card.css(SELECTORS["summary"]))
    return new_record(
        SOURCE,
        _slug(title),
        f"{url}#{_slug(title)}",
        kind=_kind(card, url),
        title=title,
        summary=summary or None,
        links=links or None,
        website=next((link for link in links if urlsplit(link).hostname not in STORE_HOSTS), None),
        recommended=True,
    )


def _kind(card: Selector, url: str) -> str | None:
    label = card.css(SELECTORS["type"]).xpath("normalize-space()").get()
    if not label:
        return None
    try:
        return KINDS[label.lower()]
    except KeyError:
        raise ParseError(SOURCE, url, "kind", f"unknown card type '{label}'") from None


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
