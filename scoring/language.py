"""Is the app in Dutch, and how hard is its Dutch text to read (an indication, never a test)."""

from __future__ import annotations

import re

from textstat.textstat import textstatistics

from scoring import rubric
from scoring.reasons import rating, reason
from scoring.texts import Text, app_texts, languages, plain, source_text, sources

# An own instance: textstat.set_lang() would change the language for every other user of
# textstat in the process. With 'nl', Flesch Reading Ease uses Douma's constants.
_DUTCH = textstatistics()
_DUTCH.set_lang("nl")


def detect(text: str) -> str | None:
    """The language whose function words make up the largest share of the text's words."""
    config = rubric.section("language")
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    if len(words) < config["minimum_words"]:
        return None
    shares = {lang: sum(w in set(vocabulary) for w in words) / len(words)
              for lang, vocabulary in config["stopwords"].items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= config["minimum_share"] else None


def _as_sentences(text: str) -> str:
    """Store texts list features on lines without a full stop; each line is a sentence."""
    lines = [line.strip(" \t-•*·–") for line in text.splitlines()]
    return " ".join(line if line[-1] in ".!?:;" else line + "." for line in lines if line)


def readability(text: str) -> dict:
    config = rubric.section("language", "readability")
    text = _as_sentences(text)
    if _DUTCH.lexicon_count(text) < config["minimum_words"]:
        return {"method": config["method"], "score": None, "b1_minimum": config["b1_minimum"],
                "b1_indication": config["labels"]["too_short"]}
    score = round(float(_DUTCH.flesch_reading_ease(text)), 1)
    return {"method": config["method"], "score": score, "b1_minimum": config["b1_minimum"],
            "b1_indication": config["labels"]["easy" if score >= config["b1_minimum"]
                                              else "hard"]}


def _codes(names: list[str]) -> list[str]:
    known = rubric.section("language", "names")
    return [known.get(name, name) for name in names]


def language(record: dict) -> dict:
    config = rubric.section("language")
    listed = set(_codes(languages(record.get("languages"))))
    reasons = []
    for entry in sources(record):
        stated = _codes(languages(entry.get("languages")))
        if stated:
            listed.update(stated)
            fact = f"Talen volgens {entry.get('source')}: {', '.join(stated)}"
            reasons.append(reason("store_languages", source_text(entry, fact),
                                  status="verified"))
    description = plain(record.get("description")) or ""
    detected = detect(description)
    if detected:
        reasons.append(reason("detected_language", Text(description, "description"), 0, 0))
    dutch = "nl" in listed or detected == "nl"
    dutch_texts = [t.text for t in app_texts(record) if detect(t.text) == "nl"]
    level = readability(max(dutch_texts, key=len)) if dutch_texts else None
    label = config["labels"]["dutch" if dutch else "not_dutch"]
    others = sorted(listed - {"nl"})
    if others:
        label += f"; {config['labels']['also']}: {', '.join(others)}"
    if level and level["score"] is not None:
        label += ". " + config["labels"]["readability"].format(
            indication=level["b1_indication"], method=level["method"],
            score=f"{level['score']:.0f}")
    value = {"dutch": dutch, "languages": sorted(listed) or ([detected] if detected else []),
             "detected": detected, "readability": level}
    return rating(value, label, "hoog" if listed else ("middel" if detected else "laag"),
                  reasons)
