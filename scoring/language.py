"""Is the app in Dutch, and how hard is its Dutch text to read (an indication, never a test)."""

from __future__ import annotations

import re
from functools import cache

from lingua import IsoCode639_1, LanguageDetectorBuilder
from textstat.textstat import textstatistics

from crawlers import sources as registry
from scoring import rubric
from scoring.reasons import rating, reason
from scoring.texts import Text, app_texts, languages, plain, source_text, sources

# An own instance: textstat.set_lang() would change the language for every other user of
# textstat in the process. With 'nl', Flesch Reading Ease uses Douma's constants.
_DUTCH = textstatistics()
_DUTCH.set_lang("nl")


@cache
def _detector():
    """Lingua's n-gram models for the languages we look for. Low-accuracy mode loads only its
    trigram models: as accurate on our labelled texts, and 0.03 s to load instead of 6 s."""
    config = rubric.section("language", "detection")
    codes = [IsoCode639_1.from_str(code) for code in config["languages"]]
    return (LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
            .with_minimum_relative_distance(config["minimum_relative_distance"])
            .with_low_accuracy_mode().build())


def detect(text: str) -> str | None:
    """The text's language (ISO 639-1), or None when it is too short or too mixed to say."""
    config = rubric.section("language", "detection")
    if len(re.findall(r"[^\W\d_]+", text)) < config["minimum_words"]:
        return None
    found = _detector().detect_language_of(text)
    return found.iso_code_639_1.name.lower() if found else None


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


def _read_for_language(source_name: str | None) -> bool:
    """A source's description tells the app's language when the maker wrote it (curated sources
    write about an app in Dutch whatever its language) and the source does not state the app's
    languages itself (the App Store does: no guess is needed)."""
    source = registry.lookup(source_name)
    return source.maker_text and "languages" not in source.expected


def _detected(record: dict) -> list[tuple[str, Text]]:
    """(language, text) for the maker's own texts: the descriptions of the sources read for
    their language (crawlers/sources.py), and the app's main description."""
    texts = [source_text(entry, plain(entry.get("description"))) for entry in sources(record)
             if _read_for_language(entry.get("source")) and plain(entry.get("description"))]
    description = plain(record.get("description"))
    if description and all(t.text != description for t in texts):
        texts.append(Text(description, "description"))
    return [(code, text) for text in texts if (code := detect(text.text))]


def language(record: dict) -> dict:
    config = rubric.section("language")
    names = config["dutch_names"]
    found: dict[str, list[dict]] = {}  # language -> where it came from
    reasons = []
    for entry in sources(record):
        stated = _codes(languages(entry.get("languages")))
        if stated:
            for code in stated:
                found.setdefault(code, []).append({"source": entry.get("source"), "how": "stated"})
            fact = f"Talen volgens {entry.get('source')}: {', '.join(stated)}"
            reasons.append(reason("store_languages", source_text(entry, fact),
                                  status="verified"))
    if not found:  # a record without sources (`stopwijzer rate FILE`) states its own
        for code in _codes(languages(record.get("languages"))):
            found.setdefault(code, []).append({"source": "catalogus", "how": "stated"})
    listed = set(found)
    detected_texts = _detected(record)
    for code, text in detected_texts:
        if {"source": text.source, "how": "detected"} not in found.get(code, []):
            found.setdefault(code, []).append({"source": text.source, "how": "detected"})
            reasons.append(reason("detected_language", text, 0, 0))
    detected = next((code for code, text in detected_texts if text.source == "description"),
                    detected_texts[0][0] if detected_texts else None)
    dutch = "nl" in found
    dutch_texts = [t.text for t in app_texts(record) if detect(t.text) == "nl"]
    level = readability(max(dutch_texts, key=len)) if dutch_texts else None
    label = config["labels"]["dutch" if dutch else "not_dutch"]
    others = sorted(set(found) - {"nl"})
    if others:
        label += f"; {config['labels']['also']}: {', '.join(names.get(c, c) for c in others)}"
    if level and level["score"] is not None:
        label += ". " + config["labels"]["readability"].format(
            indication=level["b1_indication"], method=level["method"],
            score=f"{level['score']:.0f}")
    value = {"dutch": dutch, "languages": sorted(found), "detected": detected,
             "readability": level, "sources": found}
    return rating(value, label, "high" if listed else ("medium" if found else "low"),
                  reasons)
