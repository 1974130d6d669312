"""ikstopnu.nl (Trimbos-instituut): the page with the selection of recommended stop-smoking apps.

Known of the real site: its URL shapes (/bibliotheek/<slug>/, /motivatie/<slug>/ and the
subdomain jongvolwassenen.ikstopnu.nl). Its markup is not known (no saved copy was found; the
demo page is modelled, see snapshots/demo/parts/ikstopnu.md), so the parser anchors on what
styling cannot take away: store links (a Play package id, an App Store id) and links to programme
sites, each named by the nearest heading before it (or by its own text when there is none). The
text under that heading is what ikstopnu says about it. A type label in the item's own block
("App", "Website", "Programma") is read when present.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed
from crawlers.text import slug

SOURCE = "ikstopnu"
START_URLS = ("https://www.ikstopnu.nl/bibliotheek/apps-om-te-stoppen-met-roken/",)

STORE_HOSTS = ("play.google.com", "apps.apple.com", "itunes.apple.com")
OWN_HOSTS = ("ikstopnu.nl", "www.ikstopnu.nl")  # other subdomains are programmes of their own
NOT_PROGRAMMES = ("facebook.com", "twitter.com", "x.com", "instagram.com", "youtube.com",
                  "linkedin.com", "tiktok.com", "whatsapp.com", "trimbos.nl")
HEADINGS = ("h2", "h3", "h4")
NO_SELECTION = re.compile(r"geen apps", re.IGNORECASE)
# Type label -> record kind.
KINDS = {"app": "app", "website": "website", "programma": "programme",
         "online programma": "programme"}


def parse(text: str, url: str) -> Parsed:
    if urlsplit(url).path.rstrip("/") != urlsplit(START_URLS[0]).path.rstrip("/"):
        raise ParseError(SOURCE, url, "url", "not the app selection page")
    page = Selector(text=text)
    main = page.root.find(".//main")
    items = _items(main if main is not None else page.root, url)
    if not items:
        if NO_SELECTION.search(" ".join(page.xpath("//body//text()").getall())):
            return Parsed([], [])
        raise ParseError(SOURCE, url, "links", "no store links or programme links and no "
                                               "'geen apps' message")
    return Parsed([_record(item, url) for item in items], [])


def is_recommendation(href: str) -> bool:
    """A store page or an outside site that is not social media: what a recommendation links."""
    host = (urlsplit(href).hostname or "").lower()
    if urlsplit(href).scheme not in ("http", "https") or host in OWN_HOSTS:
        return False
    return host in STORE_HOSTS or not any(host == h or host.endswith("." + h)
                                          for h in NOT_PROGRAMMES)


def _items(root, url: str) -> list[dict]:
    """Each heading (or link text) with the recommendation links and paragraphs under it."""
    items, current = [], None
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in HEADINGS:
            current = {"name": _text(element), "heading": element, "links": [], "texts": []}
            items.append(current)
        elif element.tag == "p" and current is not None and _text(element):
            current["texts"].append(_text(element))
        elif element.tag == "a" and element.get("href"):
            href = urljoin(url, element.get("href").strip())
            if not is_recommendation(href):
                continue
            if current is None:
                current = {"name": _text(element), "heading": None, "links": [], "texts": []}
                items.append(current)
            if href not in current["links"]:
                current["links"].append(href)
    return [item for item in items if item["links"] and item["name"]]


def _record(item: dict, url: str) -> dict:
    links = item["links"]
    store = [link for link in links if urlsplit(link).hostname in STORE_HOSTS]
    return new_record(
        SOURCE,
        slug(item["name"]),
        f"{url}#{slug(item['name'])}",
        kind=_kind(item["heading"]) or ("app" if store else None),
        title=item["name"],
        summary="\n".join(item["texts"]) or None,
        links=links,
        website=next((link for link in links if link not in store), None),
        recommended=True,
    )


def _kind(heading) -> str | None:
    """The type label in the heading's own block (a block holding no other heading)."""
    block = heading.getparent() if heading is not None else None
    if block is None or len([e for e in block.iter(*HEADINGS)]) != 1:
        return None
    for element in block.iter():
        if isinstance(element.tag, str) and element is not heading:
            kind = KINDS.get(_text(element).lower()) if not len(element) else None
            if kind:
                return kind
    return None


def _text(element) -> str:
    return " ".join(element.text_content().split())
