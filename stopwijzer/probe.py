"""`stopwijzer probe`: the first live run's dry run. For each source it fetches the entry page and
one page of each kind found from there, politely (robots.txt, our user agent, a pause between
requests), and counts per selector or label what it finds on the live page. A required one that
finds nothing (or a page its parser cannot read) makes the probe fail: fix the parser before the
nightly loses the source.

Writes nothing. A mirror of the sites (STOPWIJZER_MIRROR, as for the crawler) is probed instead
of the live sites when given: https://host/path?q is asked as MIRROR/host/path?q.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import warnings
from dataclasses import dataclass, field
from typing import Callable
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from parsel import Selector

from crawlers import parsers
from crawlers.errors import ParseError
from crawlers.parsers import appstore, ggdappstore, googleplay, ikstopnu, loketgezondleven
from crawlers.settings import DOWNLOAD_DELAY, USER_AGENT

TIMEOUT_SECONDS = 20
# The GGD AppStore's proven selectors counted per page kind (crawlers/parsers/ggdappstore.py).
GGD_PILLAR = ("apps", "cards", "name", "short_text", "pillar_icons", "score", "android", "ios",
              "web", "app_page")
GGD_APP = ("long_text_box", "long_text")


@dataclass
class PageProbe:
    source: str
    kind: str
    url: str
    counts: dict[str, int] = field(default_factory=dict)
    required: tuple[str, ...] = ()
    error: str | None = None

    @property
    def missing(self) -> list[str]:
        return [name for name in self.required if not self.counts.get(name)]

    @property
    def ok(self) -> bool:
        return self.error is None and not self.missing

    def line(self) -> str:
        found = ", ".join(f"{name} {n}" + ("" if name in self.required else " (optional)")
                          for name, n in self.counts.items())
        verdict = "ok" if self.ok else "FAILED: " + (self.error or "nothing found for "
                                                     + ", ".join(self.missing))
        return f"{self.source:<17} {self.kind:<12} {verdict}\n    {self.url}\n    {found}"


class Fetcher:
    """GET with our user agent, obeying robots.txt, at most one request per DOWNLOAD_DELAY."""

    def __init__(self, mirror: str | None = None, delay: float = DOWNLOAD_DELAY):
        self.mirror, self.delay = (mirror or "").rstrip("/") or None, delay
        self.robots: dict[str, RobotFileParser] = {}
        self.last = 0.0

    def address(self, url: str) -> str:
        if not self.mirror:
            return url
        parts = urlsplit(url)
        return f"{self.mirror}/{parts.netloc}{parts.path}" + (f"?{parts.query}"
                                                             if parts.query else "")

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        robots = self.robots.get(parts.netloc)
        if robots is None:
            robots = RobotFileParser()
            try:
                robots.parse(self._get(f"{parts.scheme}://{parts.netloc}/robots.txt")
                             .splitlines())
            except (urllib.error.URLError, OSError, ValueError):
                robots.parse([])  # no robots.txt: everything is allowed
            self.robots[parts.netloc] = robots
        return robots.can_fetch(USER_AGENT, url)

    def _get(self, url: str) -> str:
        wait = self.last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        request = urllib.request.Request(self.address(url), headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
                return response.read().decode(response.headers.get_content_charset() or "utf-8",
                                              errors="replace")
        finally:
            self.last = time.monotonic()

    def __call__(self, url: str) -> str:
        if not self._allowed(url):
            raise PermissionError(f"robots.txt does not allow {url}")
        return self._get(url)


def _css_counts(text: str, selectors: dict[str, str], names) -> dict[str, int]:
    page = Selector(text=text)
    return {name: len(page.css(selectors[name])) for name in names}


def _probe_page(source: str, kind: str, url: str, fetch, count=None,
                required: tuple[str, ...] = ()) -> tuple[PageProbe, parsers.Parsed | None]:
    """Fetch and parse one page; `count(text, parsed)` gives the counts to show."""
    probe = PageProbe(source, kind, url, required=required)
    try:
        text = fetch(url)
    except (urllib.error.URLError, OSError, ValueError) as error:
        probe.error = f"could not fetch: {error}"
        return probe, None
    parsed = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a fallback shows as a missing required count
            parsed = parsers.parse(source, text, url)
    except ParseError as error:
        probe.error = f"the parser cannot read it: field '{error.field}': {error.problem}"
    probe.counts = count(text, parsed) if count else {}
    probe.counts.setdefault("records", len(parsed.records) if parsed else 0)
    return probe, parsed


def _ggdappstore(fetch) -> list[PageProbe]:
    entry, parsed = _probe_page("ggdappstore", "entry", ggdappstore.START_URLS[0], fetch,
                                lambda text, _: _css_counts(text, ggdappstore.SELECTORS,
                                                            ["pillars"]), ("pillars",))
    found = [entry]
    pillars = parsed.follow if parsed else []
    if pillars:
        pillar, parsed = _probe_page(
            "ggdappstore", "pillar", pillars[0], fetch,
            lambda text, _: _css_counts(text, ggdappstore.SELECTORS, GGD_PILLAR),
            ("cards", "name", "app_page"))
        found.append(pillar)
        app_pages = [r["url"] for r in parsed.records if r["url"] != pillars[0]] if parsed else []
        if app_pages:
            found.append(_probe_page(
                "ggdappstore", "app page", app_pages[0], fetch,
                lambda text, _: {**_css_counts(text, ggdappstore.SELECTORS, GGD_APP),
                                 **_css_counts(text, ggdappstore.OPTIONAL, ["themes"])},
                ("long_text",))[0])
    return found


def _labels(text: str, _parsed) -> dict[str, int]:
    lines = loketgezondleven.Lines(Selector(text=text))
    return {field: int(lines.value(field)[0] is not None) for field in loketgezondleven.LABELS}


def _loketgezondleven(fetch) -> list[PageProbe]:
    listing, parsed = _probe_page(
        "loketgezondleven", "listing", loketgezondleven.START_URLS[0], fetch,
        lambda _, p: {"intervention links": len([u for u in p.follow if
                                                 loketgezondleven.DETAIL_URL.search(u)])
                      if p else 0}, ("intervention links",))
    found = [listing]
    details = [u for u in parsed.follow if loketgezondleven.DETAIL_URL.search(u)] if parsed else []
    if details:
        found.append(_probe_page("loketgezondleven", "intervention", details[0], fetch,
                                 _labels, ("records", "level"))[0])
    return found


def _store_links(_text, parsed) -> dict[str, int]:
    links = [link for r in (parsed.records if parsed else []) for link in r["links"] or []]
    return {"store links": sum(1 for link in links if urlsplit(link).hostname in
                               ikstopnu.STORE_HOSTS), "other links": len(links)}


def _ikstopnu(fetch) -> list[PageProbe]:
    return [_probe_page("ikstopnu", "selection", url, fetch, _store_links, ("records",))[0]
            for url in ikstopnu.START_URLS]


def _googleplay(fetch) -> list[PageProbe]:
    search_block, detail_block = (f"{key} data block" for key in (googleplay.SEARCH_BLOCK,
                                                                  googleplay.DETAIL_BLOCK))
    search, parsed = _probe_page("googleplay", "search", googleplay.search_url(
        googleplay.QUERIES[0]), fetch, lambda text, p: {
            search_block: int(googleplay.data_block(text, googleplay.SEARCH_BLOCK) is not None),
            "apps found": len(p.follow) if p else 0}, (search_block, "apps found"))
    found = [search]
    if parsed and parsed.follow:
        found.append(_probe_page("googleplay", "detail", parsed.follow[0], fetch,
                                 lambda text, _: {
                                     detail_block: int(googleplay.data_block(
                                         text, googleplay.DETAIL_BLOCK) is not None),
                                     "JSON-LD": int(googleplay.JSON_LD.search(text) is not None)},
                                 (detail_block, "records"))[0])
    return found


def _appstore(fetch) -> list[PageProbe]:
    def results(text, _parsed):
        try:
            data = json.loads(text)
        except ValueError:
            return {"results": 0}
        return {"results": len(data.get("results") or []) if isinstance(data, dict) else 0}
    return [_probe_page("appstore", "search", appstore.search_url(googleplay.QUERIES[0]),
                        fetch, results, ("results",))[0]]


PROBES: dict[str, Callable] = {"googleplay": _googleplay, "appstore": _appstore,
                               "ggdappstore": _ggdappstore, "ikstopnu": _ikstopnu,
                               "loketgezondleven": _loketgezondleven}


def probe(sources: list[str], fetch: Callable[[str], str], echo=print) -> bool:
    """Probe the sources; True when every required selector or label found something."""
    ok = True
    for source in sources:
        for page in PROBES[source](fetch):
            echo(page.line())
            ok = ok and page.ok
    return ok
