"""The shape of a rating and of the reasons behind it."""

from __future__ import annotations

from scoring.texts import Text

SNIPPET_CHARS = 120
MAX_REASON_CHARS = 200


def reason(rule_id: str, text: Text, start: int = 0, end: int | None = None,
           status: str = "derived") -> dict:
    """The rule and the snippet around text[start:end] it matched (or the whole fact), with
    its source. The snippet is raw source text: whoever shows it must escape it."""
    end = len(text.text) if end is None else end
    left = max(0, start - SNIPPET_CHARS // 3)
    snippet = " ".join(text.text[left:max(end, left + SNIPPET_CHARS)].split())
    snippet = ("…" if left else "") + snippet
    return {"rule": rule_id, "text": snippet[:MAX_REASON_CHARS], "source": text.source,
            "url": text.url, "seen": text.seen, "status": status}


def rating(value, label: str, confidence: str, reasons: list[dict], **extra) -> dict:
    """One dimension's rating; confidence is 'high', 'medium' or 'low'."""
    return {"value": value, "label": label, "confidence": confidence, "reasons": reasons,
            **extra}
