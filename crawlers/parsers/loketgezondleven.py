"""Loketgezondleven.nl interventiedatabase: the search listing for the theme roken and one page
per intervention with its Erkenningstraject level and date.

Known of the real site: the intervention URLs (…/interventies-zoeken/<number>) and the visible
text of an intervention page, which puts each label with its value ("Erkenningsstatus Goed
onderbouwd", "Datum erkenning 24-03-2022", "Doelgroep", "Aanpak in het kort"). Its HTML is not
known. So the page is read by its visible labels and the level phrases, never by CSS classes: a
label's value is the rest of its line or the text that follows it, up to the next label or
heading. The listing is read by its links to intervention pages. The same id with a new level is
the same record with a change in its history (the catalogue keeps both states).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from urllib.parse import urljoin, urlsplit

from parsel import Selector

from crawlers.errors import ParseError
from crawlers.items import new_record
from crawlers.parsers import Parsed

SOURCE = "loketgezondleven"
START_URLS = (
    "https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken"
    "?thema=roken",
)

LISTING_PATH = "/leefstijlinterventies/interventies-zoeken"
DETAIL_URL = re.compile(r"/leefstijlinterventies/interventies-zoeken/(\d+)/?$")


# Visible labels on an intervention page, per field; the first is the one seen on the real site.
LABELS = {
    "level": ("Erkenningsstatus", "Erkenningsniveau", "Niveau van erkenning"),
    "date": ("Datum erkenning", "Datum beoordeling", "Erkend op", "Beoordeeld op"),
    "target_group": ("Doelgroep",),
    "description": ("Aanpak in het kort", "Korte beschrijving", "Samenvatting"),
    "developer": ("Organisatie", "Eigenaar", "Naam organisatie"),
    "website": ("Website",),
    "form": ("Vorm",),
    "aim": ("Doel",),
    "name": ("Naam interventie",),
}
MULTI_LINE = ("target_group", "description")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
SKIPPED = {"script", "style", "head", "template", "noscript"}
NO_RESULTS = re.compile(r"geen (resultaten|interventies)|0 resultaten", re.IGNORECASE)
NEXT_PAGE = ("//a[@rel='next' or contains(translate(normalize-space(.), 'VOLGENDE', 'volgende'), "
             "'volgende')]/@href")
DATE = re.compile(r"\b\d{1,2}-\d{1,2}-\d{4}\b")

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
    hrefs = [urljoin(url, href.strip()) for href in page.css("a::attr(href)").getall()]
    found = list(dict.fromkeys(h for h in hrefs if DETAIL_URL.search(urlsplit(h).path)))
    if not found:
        if NO_RESULTS.search(" ".join(page.xpath("//body//text()").getall())):
            return Parsed([], [])
        raise ParseError(SOURCE, url, "results", "no links to intervention pages and no "
                                                 "'geen resultaten' message")
    next_page = page.xpath(NEXT_PAGE).get()
    return Parsed([], found + ([urljoin(url, next_page.strip())] if next_page else []))


class Lines:
    """The page's visible text, one line per text node, each with the element that holds it."""

    def __init__(self, page: Selector):
        self.lines: list[tuple[str, object]] = []
        body = page.root.find("body") if page.root.find("body") is not None else page.root
        for element in body.iter():
            own = isinstance(element.tag, str) and element.tag not in SKIPPED  # not a comment
            for text, holder in (((element.text, element),) if own else ()) + (
                    (element.tail, element.getparent()),):
                if text and text.strip() and holder is not None and \
                        not any(e.tag in SKIPPED for e in holder.iterancestors()):
                    self.lines.append((" ".join(text.split()), holder))
        self.labels = {i for i, (text, _) in enumerate(self.lines)
                       if any(_label_rest(text, label) is not None
                              for labels in LABELS.values() for label in labels)}

    def value(self, field: str) -> tuple[str | None, object | None]:
        """The value after the field's label, and the element holding its first line."""
        for i, (text, holder) in enumerate(self.lines):
            rest = next((r for label in LABELS[field]
                         if (r := _label_rest(text, label)) is not None), None)
            if rest is None:
                continue
            following = list(itertools.takewhile(lambda j: not self._ends_value(j),
                                                 range(i + 1, len(self.lines))))
            parts = ([rest] if rest else []) + [self.lines[j][0] for j in following]
            if field not in MULTI_LINE:
                parts = parts[:1]
            first = self.lines[following[0]][1] if not rest and following else holder
            return (" ".join(parts) or None), first
        return None, None

    def _ends_value(self, j: int) -> bool:
        holder = self.lines[j][1]
        return j in self.labels or any(e.tag in HEADINGS
                                       for e in (holder, *holder.iterancestors()))


def _label_rest(text: str, label: str) -> str | None:
    """The rest of a line that begins with the label ('' when the line is only the label)."""
    match = re.match(rf"{re.escape(label)}(?![\w-])\s*:?\s*", text, re.IGNORECASE)
    return text[match.end():] if match else None


def _parse_intervention(page: Selector, url: str, intervention_id: str) -> Parsed:
    title = " ".join(page.xpath("normalize-space(//h1)").get("").split())
    if not title:
        raise ParseError(SOURCE, url, "title", "no intervention name (no h1 on the page)")
    lines = Lines(page)
    level_text, _ = lines.value("level")
    date_text, _ = lines.value("date")
    if not date_text and level_text and DATE.search(level_text):
        date_text = DATE.search(level_text).group()  # "Goed onderbouwd (24-03-2022)"
    website_text, website_node = lines.value("website")
    form = lines.value("form")[0] or ""
    record = new_record(
        SOURCE,
        intervention_id,
        url,
        kind="app" if re.search(r"\bapp\b", form, re.IGNORECASE) else "programme",
        title=title,
        description=lines.value("description")[0],
        recognition_level=_level(level_text, url),
        recognition_date=_date(date_text, url),
        target_group=lines.value("target_group")[0],
        developer=lines.value("developer")[0],
        website=_website(website_text, website_node, url),
    )
    return Parsed([record], [])


def _website(text: str | None, holder, url: str) -> str | None:
    link = next((e for e in (holder, *holder.iterancestors()) if e.tag == "a"), None) \
        if holder is not None else None
    href = link.get("href") if link is not None else None
    if href and href.strip().startswith(("https://", "http://")):
        return href.strip()
    if text and re.fullmatch(r"(https?://)?[\w.-]+\.[a-z]{2,}(/\S*)?", text):
        return text if text.startswith("http") else f"https://{text}"
    return None


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
    numeric = re.search(r"\b(\d{1,2})-(\d{1,2})-(\d{4})\b", label)
    written = re.search(r"\b(\d{1,2}) ([a-z]+) (\d{4})\b", label.lower())
    if numeric:
        day, month, year = map(int, numeric.groups())
    elif written and written.group(2) in MONTHS:
        day, month, year = int(written.group(1)), MONTHS[written.group(2)], int(written.group(3))
    else:
        raise _unreadable_date(label, url)
    try:
        return date(year, month, day).isoformat()
    except ValueError:  # no such day: 31-02-2023
        raise _unreadable_date(label, url) from None


def _unreadable_date(label: str, url: str) -> ParseError:
    return ParseError(SOURCE, url, "recognition_date", f"unreadable date '{label}'")
