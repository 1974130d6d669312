"""The texts of an app that the raters read, each with where it came from, and finding rule
matches in them with their snippet and negation handling."""

from __future__ import annotations

import re
from dataclasses import dataclass

from scoring import rubric

TEXT_FIELDS = ("description", "summary", "target_group")
SNIPPET_CHARS = 90


@dataclass(frozen=True)
class Text:
    text: str
    source: str
    url: str | None = None
    seen: str | None = None


def app_texts(record: dict) -> list[Text]:
    """Every text of the app: each source's own fields, or the bare description."""
    texts = []
    for entry in record.get("sources") or []:
        for field in TEXT_FIELDS:
            if isinstance(entry.get(field), str) and entry[field].strip():
                texts.append(Text(entry[field], entry.get("source", "onbekend"), entry.get("url"),
                                  entry.get("seen_at")))
    if not texts and isinstance(record.get("description"), str):
        texts.append(Text(record["description"], "description"))
    return texts


def reason(rule_id: str, text: Text, start: int = 0, end: int | None = None,
           status: str = "derived") -> dict:
    end = len(text.text) if end is None else end
    left = max(0, start - SNIPPET_CHARS // 3)
    snippet = text.text[left:max(end, left + SNIPPET_CHARS)].replace("\n", " ").strip()
    return {"rule": rule_id, "text": ("…" if left else "") + snippet[:200], "source": text.source,
            "url": text.url, "seen": text.seen, "status": status}


def negated(text: str, start: int, end: int, check_after: bool = False) -> bool:
    negation = rubric.load()["negation"]
    before = re.findall(r"[\w'-]+", text[:start].lower())[-negation["window_words"]:]
    if any(word in before for word in negation["before"] if " " not in word):
        return True
    if check_after:
        after = text[end:end + negation["after_window_chars"]].lower()
        return any(phrase in after for phrase in negation["after"])
    return False


def find(rule: rubric.Rule, texts: list[Text], negatable: bool = True,
         check_after: bool = False, status: str = "derived") -> list[dict]:
    """One reason per text where the rule matches (and is not negated); the same snippet seen
    in several sources (a store text copied to another store) is given once."""
    found, snippets = [], set()
    for text in texts:
        for match in rule.pattern.finditer(text.text):
            if negatable and negated(text.text, match.start(), match.end(), check_after):
                continue
            found_reason = reason(rule.id, text, match.start(), match.end(), status)
            if found_reason["text"] not in snippets:
                snippets.add(found_reason["text"])
                found.append(found_reason)
            break
    return found
