"""What the raters read from an app record, each text with where it came from.

Records come from crawled pages and from `stopwijzer rate FILE`: every field is untrusted and
only name and description are guaranteed, so everything here tolerates missing or mistyped
fields and bounds the text the rules run over.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TEXT_FIELDS = ("description", "summary", "target_group")
# Store descriptions are a few thousand characters; more is noise or abuse.
MAX_TEXT_CHARS = 20_000


@dataclass(frozen=True)
class Text:
    text: str
    source: str
    url: str | None = None
    seen: str | None = None


def plain(value) -> str | None:
    """A usable string, or None."""
    if isinstance(value, str) and value.strip():
        return value[:MAX_TEXT_CHARS]
    return None


def sources(record: dict, name: str | None = None) -> list[dict]:
    """The record's source entries that are still available, of one source or all."""
    entries = record.get("sources")
    if not isinstance(entries, list):
        return []
    return [s for s in entries if isinstance(s, dict) and s.get("available", True) is not False
            and (name is None or s.get("source") == name)]


def source_text(entry: dict, fact: str) -> Text:
    """A fact stated by a source, as a text to cite."""
    return Text(fact, plain(entry.get("source")) or "unknown", plain(entry.get("url")),
                plain(entry.get("seen_at")))


def app_texts(record: dict) -> list[Text]:
    """Every text of the app: each source's own fields, then the record's description when no
    source carries the same text."""
    texts = [source_text(entry, plain(entry.get(field)))
             for entry in sources(record) for field in TEXT_FIELDS if plain(entry.get(field))]
    description = plain(record.get("description"))
    if description and _key(description) not in {_key(t.text) for t in texts}:
        texts.append(Text(description, "description"))
    return texts


def _key(text: str) -> str:
    return " ".join(text.split()).lower()


def as_price(value) -> float | None:
    """A price in euros from a number or a text such as '€ 2,99' or 'Gratis'."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if value >= 0 else None
    if isinstance(value, str):
        if value.strip().lower() in ("gratis", "free"):
            return 0.0
        number = re.search(r"\d+(?:[.,]\d{1,2})?", value)
        return float(number.group().replace(",", ".")) if number else None
    return None


def languages(value) -> list[str]:
    """Language names or codes as given by a source."""
    if isinstance(value, str):
        value = re.split(r"[,;/]", value)
    if not isinstance(value, list):
        return []
    return [v.strip().lower() for v in value if isinstance(v, str) and v.strip()]
