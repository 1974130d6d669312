"""GGD AppStore (ggdappstore.nl): the entry page, the six Positieve Gezondheid pillar pages with
their app cards, and one page per app with its long text.

PROVEN: the selectors in `SELECTORS` are those of a public Scrapy spider (GitHub
RogierHHS/Stage-map, SamenZoeterMeerGezond/spiders/GGD_APP.py) that crawled the live site in 2024
into 115 complete app records. Its route is ours: entry page -> pillar links in the header (their
hrefs hold stray spaces, all removed) -> cards -> each card's app page.
NOT PROVEN: the URL patterns of pillar and app pages, a stop-smoking category, per-theme scores,
a facts list. So a page is recognised by what it contains, never by its URL; the per-theme block
in `OPTIONAL` is read only when a page has it; and a page fails loudly only when a proven selector
finds nothing where it must find something.

A card carries the facts (name, short text, pillars, stars, links); its app page adds the long
text. The spider joins the two (crawlers/spiders/ggdappstore.py); an app listed under several
pillars is one record, keyed by the slug of its name.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed
from crawlers.text import slug

SOURCE = "ggdappstore"
START_URLS = ("https://ggdappstore.nl/Appstore/Homepage/Sessie,Medewerker,Button",)

# Proven on the live site (see the module docstring).
SELECTORS = {
    "pillars": "div#header-categorien a::attr(href)",
    "apps": "div#apps",
    "cards": "div#apps div.col-xs-12.col-sm-6.col-md-4.app",
    "name": "div.app-container h3::text",
    "short_text": "div.app-description-short::text",
    # The pillar icons (cat-lichaam, cat-psyche, ...): the catalogue has no field for them, so
    # only `stopwijzer probe` counts them, as a sign that the cards are still the proven ones.
    "pillar_icons": "div.app-element.app-category span.cat-icon",
    "score": "div.app-element.app-score",
    "full_star": "i.fa-star",
    "half_star": "i.fa-star-half-o",
    "android": "a.platform-android::attr(href)",
    "ios": "a.platform-ios::attr(href)",
    "web": "a.platform-internet::attr(href)",
    "app_page": "a.btn.btn-orange.pull-right::attr(href)",
    "long_text_box": "div#beschrijving",
    "long_text": "div#beschrijving div.row div.col-xs-12::text",
}

# Never seen on the live site: read when present, never required.
OPTIONAL = {
    "title": "h1::text",
    "themes": "div#beoordeling div.thema",
    "theme_name": "h4",
    "theme_score": "div.app-score",
    "theme_judgement": "p",
}

PLATFORMS = ("android", "ios", "web")  # also the keys of their links in SELECTORS


def parse(text: str, url: str) -> Parsed:
    """Any GGD AppStore page, recognised by its content: the pillar links to follow, the cards
    as records (their `url` is their app page) with their app pages to follow, and on an app page
    one record holding the long text (`description`) for the spider to join to its card."""
    page = Selector(text=text)
    pillars = [absolute(url, href) for href in page.css(SELECTORS["pillars"]).getall()]
    box = page.css(SELECTORS["long_text_box"])
    if box:
        return Parsed([_app_page(page, url)], [])
    if page.css(SELECTORS["apps"]):
        cards = [_card(card, url) for card in page.css(SELECTORS["cards"])]
        if not cards:
            raise ParseError(SOURCE, url, "cards", "a div#apps without app cards: the card "
                                                   "markup changed")
        app_pages = [r["url"] for r in cards if r["url"] != url]
        return Parsed(cards, _unique([*app_pages, *pillars]))
    if not pillars:
        raise ParseError(SOURCE, url, "pillars", "no pillar links (div#header-categorien a), "
                                                 "no app cards and no app text: the layout "
                                                 "changed")
    return Parsed([], _unique(pillars))


def absolute(base: str, href: str) -> str:
    """The live site's hrefs hold stray spaces, also inside the path; the working spider
    removed every one of them before following."""
    return urljoin(base, "".join(href.split()))


def _card(card: Selector, url: str) -> dict:
    name = " ".join((card.css(SELECTORS["name"]).get() or "").split())
    if not name:
        raise ParseError(SOURCE, url, "name", "an app card without a name (div.app-container h3)")
    app_page = card.css(SELECTORS["app_page"]).get()
    links = {platform: _clean(card.css(SELECTORS[platform]).get()) for platform in PLATFORMS}
    return new_record(
        SOURCE, slug(name), absolute(url, app_page) if app_page else url,
        kind="app",
        title=name,
        summary=" ".join((card.css(SELECTORS["short_text"]).get() or "").split()) or None,
        platforms=[platform for platform in PLATFORMS if links[platform]] or None,
        website=links["web"],
        links=[link for link in links.values() if link] or None,
        quality_score=_stars(card.css(SELECTORS["score"])),
    )


def _app_page(page: Selector, url: str) -> dict:
    long_text = " ".join(" ".join(page.css(SELECTORS["long_text"]).getall()).split())
    if not long_text:
        raise ParseError(SOURCE, url, "long_text", "an app page without its text (direct text "
                                                   "of div#beschrijving div.row div.col-xs-12)")
    title = " ".join((page.css(OPTIONAL["title"]).get() or "").split()) or None
    return new_record(SOURCE, slug(title) if title else "", url, kind="app", title=title,
                      description=long_text, quality_themes=_themes(page))


def _clean(href: str | None) -> str | None:
    """A store or web link as given (the live site has some with a leading space)."""
    href = (href or "").strip()
    return href if href.startswith(("https://", "http://")) else None


def _stars(box) -> float | None:
    if not box:
        return None
    return len(box.css(SELECTORS["full_star"])) + 0.5 * len(box.css(SELECTORS["half_star"]))


def _themes(page: Selector) -> dict | None:
    """Theme -> stars, or the judgement text where a theme has no stars (modelled, optional)."""
    themes = {}
    for theme in page.css(OPTIONAL["themes"]):
        name = theme.css(OPTIONAL["theme_name"]).xpath("normalize-space()").get() or ""
        key = re.sub(r"[^a-z]+", "_", name.lower()).strip("_")
        score = _stars(theme.css(OPTIONAL["theme_score"]))
        if key:
            themes[key] = score if score is not None else (
                theme.css(OPTIONAL["theme_judgement"]).xpath("normalize-space()").get())
    return themes or None


def _unique(urls: list[str]) -> list[str]:
    return list(dict.fromkeys(urls))
