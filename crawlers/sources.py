"""The one registry of sources: every stage reads what it needs to know about a source here.

Adding a source means one entry below, a parser (crawlers/parsers/<name>.py), a spider
(crawlers/spiders/<name>.py) and fixtures; the catalogue, scoring and site take it from here.
The order of the entries is the priority of their facts: when several sources describe one app,
the first source (that still lists the app) gives its name, developer and description.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Source:
    name: str
    label: str                  # as the site and the reports show it (Dutch)
    expected: tuple[str, ...]   # fields it should fill: their coverage per run shows a layout change
    store: bool = False         # an app store: its record URL is where the app is downloaded


REGISTRY: dict[str, Source] = {source.name: source for source in (
    Source("googleplay", "Google Play",
           ("title", "developer", "description", "rating", "installs", "updated", "version",
            "price", "content_rating", "privacy_url", "screenshots", "privacy_declaration_url"),
           store=True),
    Source("appstore", "App Store",
           ("title", "developer", "description", "languages", "version", "updated", "rating",
            "rating_count", "price", "min_os", "content_rating"), store=True),
    Source("ggdappstore", "GGD AppStore", ("title", "description", "summary", "quality_score",
                                            "links")),
    Source("loketgezondleven", "Loketgezondleven",
           ("title", "recognition_level", "recognition_date", "description")),
    Source("ikstopnu", "ikstopnu.nl", ("title", "summary", "links")),
)}


def names() -> tuple[str, ...]:
    return tuple(REGISTRY)


def get(name: str) -> Source:
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown source '{name}'; choose from {', '.join(REGISTRY)}") from None


def priority(name: str) -> int:
    """0 for the source whose facts win, then 1, 2, …; unknown sources come last."""
    order = names()
    return order.index(name) if name in order else len(order)
