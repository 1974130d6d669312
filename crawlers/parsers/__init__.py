"""Pure page parsers, one module per source, shared by the spiders and `stopwijzer parse`.

Each module exposes `parse(text: str, url: str) -> Parsed`: the records found on the page and the
URLs to follow from it. The page type is chosen from the URL. A page whose structure is not what
the parser expects raises `crawlers.errors.ParseError`; it never returns a silently empty result.
"""

from __future__ import annotations

import importlib
from typing import NamedTuple

from crawlers import sources


class Parsed(NamedTuple):
    records: list[dict]
    follow: list[str]


def parse(source: str, text: str, url: str) -> Parsed:
    sources.get(source)  # an unknown source fails with the list of known ones
    module = importlib.import_module(f"crawlers.parsers.{source}")
    return module.parse(text, url)
