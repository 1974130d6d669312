"""The one registry of sources: what every stage needs to know about a source in general.

Adding a source means one entry below, a parser (crawlers/parsers/<name>.py), a spider
(crawlers/spiders/<name>.py), a probe (PROBES in stopwijzer/probe.py; a test checks there is one
per source) and fixtures. The catalogue, scoring and site then store, link, rate and show its
records from what the entry says. What only one source has is read by that source's name where
it is used: the GGD AppStore's score, Loketgezondleven's recognition level and ikstopnu.nl's
selection (catalogue/views.sql, scoring/evidence.py, the app page), the store ids of Google Play
and the App Store (catalogue/linking.py) and Google Play's privacy declaration
(scoring/privacy.py).
The order of the entries is the priority of their facts: when several sources describe one app,
the first source (that still lists the app) gives its name, developer and description
(catalogue/views.sql reads it from the table source_info).
"""

from __future__ import annotations

from dataclasses import dataclass

from crawlers.errors import InputError


@dataclass(frozen=True)
class Source:
    name: str
    label: str                  # as the site and the reports show it (Dutch)
    expected: tuple[str, ...]   # fields it should fill: their coverage per run shows a layout change
    store: bool = False         # an app store: its record URL is where the app is downloaded
    # An editor (the GGD, Trimbos) selects the apps and writes about them: its links to store
    # pages are that editor's judgement, so they link records to one app.
    curated: bool = False
    # Its description is written by the app's maker: what it says is a claim, and its language
    # is the app's own (a curated source writes in Dutch about an app in any language).
    maker_text: bool = False


REGISTRY: dict[str, Source] = {source.name: source for source in (
    Source("googleplay", "Google Play",
           ("title", "developer", "description", "rating", "installs", "updated", "version",
            "price", "content_rating", "privacy_url", "screenshots", "privacy_declaration_url"),
           store=True, maker_text=True),
    Source("appstore", "App Store",
           ("title", "developer", "description", "languages", "version", "updated", "rating",
            "rating_count", "price", "min_os", "content_rating"), store=True, maker_text=True),
    Source("ggdappstore", "GGD AppStore", ("title", "description", "summary", "quality_score",
                                            "links"), curated=True),
    Source("loketgezondleven", "Loketgezondleven",
           ("title", "recognition_level", "recognition_date", "description"), maker_text=True),
    Source("ikstopnu", "ikstopnu.nl", ("title", "summary", "links"), curated=True),
)}


def names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def lookup(name: str) -> Source:
    """The named source's entry; one no longer in the registry (its old records stay in the
    catalogue) is shown by its name and has no flag set."""
    return REGISTRY.get(name) or Source(name, name, ())


def get(name: str) -> Source:
    try:
        return REGISTRY[name]
    except KeyError:
        raise InputError(f"unknown source '{name}'; choose from {', '.join(REGISTRY)}") from None
