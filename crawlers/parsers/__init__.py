"""Pure page parsers, one module per source, shared by the spiders and `stopwijzer parse`.

Each module exposes `parse(text: str, url: str) -> Parsed`: the records found on the page and the
URLs to follow from it. The page type is chosen from the URL. A page whose structure is not what
the parser expects raises `crawlers.errors.ParseError`; it never returns a silently empty result.
"""

from __future__ import annotations

import importlib
from typing import Callable, NamedTuple

from parsel import Selector, SelectorList

from crawlers import sources
from crawlers.errors import ParseError


class Parsed(NamedTuple):
    records: list[dict]
    follow: list[str]


def parse(source: str, text: str, url: str) -> Parsed:
    sources.get(source)  # an unknown source fails with the list of known ones
    module = importlib.import_module(f"crawlers.parsers.{source}")
    return module.parse(text, url)


def listed(page: Selector, url: str, source: str, selectors: dict, key: str,
           none_found: str) -> SelectorList:
    """The cards or results of a listing page (selector `key`). None at all is right only when
    the page says so (selector `no_results`); otherwise the layout changed."""
    found = page.css(selectors[key])
    if not found and not page.css(selectors["no_results"]):
        raise ParseError(source, url, key, none_found)
    return found


def listing_links(page: Selector, url: str, source: str, selectors: dict, *, key: str,
                  link: str, no_link: str, none_found: str,
                  join: Callable[[str, str], str]) -> Parsed:
    """A listing page: no records, but the link of every item (selector `link` inside `key`)
    and the next page (selector `next_page`) to follow, made absolute by `join(url, href)`."""
    items = listed(page, url, source, selectors, key, none_found)
    if not items:
        return Parsed([], [])
    follow = []
    for item in items:
        href = item.css(selectors[link]).get()
        if not href:
            raise ParseError(source, url, link, no_link)
        follow.append(join(url, href))
    next_page = page.css(selectors["next_page"]).get()
    if next_page:
        follow.append(join(url, next_page))
    return Parsed([], follow)

