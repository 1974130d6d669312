"""Plain-text helpers every stage shares: one way to fold text for comparing and for ids."""

from __future__ import annotations

import re
import unicodedata


def folded(text: str | None) -> str:
    """Lower case without accents or other non-ASCII marks: 'Café Rookvrij' -> 'cafe rookvrij'."""
    return unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()


def slug(text: str | None) -> str:
    """'Stop Smoking - EasyQuit free' -> 'stop-smoking-easyquit-free': also the id of a record
    a source names but does not number."""
    return re.sub(r"[^a-z0-9]+", "-", folded(text)).strip("-")
