"""Language detection on the labelled texts of tests/scoring/languages.yaml, against the count
of function words it replaced, and the languages an app page lists with where each came from."""

import re
from pathlib import Path

import pytest
import yaml

from scoring import rubric
from scoring.language import detect, language

PANEL = yaml.safe_load((Path(__file__).parent / "languages.yaml").read_text(encoding="utf-8"))

# The function-word count scoring/language.py used before lingua, kept as the baseline.
STOPWORDS = {
    "nl": "de het een en je van met niet is dat op voor te in die ook om of zijn wat hoe jouw "
          "jij wij we naar bij als kun kunt",
    "en": "the and you your to of with is for in it that on are be this our can how will a an",
    "de": "der die das und mit nicht ist ein eine zu für auf du sie wir dein dir dem",
    "fr": "le la les et de des vous avec pour est une un votre pas du au",
    "es": "el la los las y de con para es una un tu del que sin por",
}


def by_stopwords(text: str) -> str | None:
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text.lower())
    if len(words) < 5:
        return None
    shares = {lang: sum(w in set(vocabulary.split()) for w in words) / len(words)
              for lang, vocabulary in STOPWORDS.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.05 else None


def accuracy(detector, part: str) -> float:
    texts = PANEL[part]
    return sum((detector(t["text"]) or "none") == t["lang"] for t in texts) / len(texts)


def test_lingua_beats_the_function_word_count_on_the_held_out_texts():
    lingua, baseline = accuracy(detect, "held_out"), accuracy(by_stopwords, "held_out")
    assert lingua >= 0.95  # 22 of 23 when measured; the miss is a 3-word app name
    assert baseline < 0.7  # 15 of 23: no Turkish, Arabic or Polish at all
    assert lingua > baseline


@pytest.mark.parametrize("lang", ["tr", "ar", "pl"])
def test_the_patients_languages_are_recognised(lang):
    for entry in PANEL["held_out"]:
        if entry["lang"] == lang:
            assert detect(entry["text"]) == lang, entry["text"]


def test_every_language_says_where_it_came_from():
    turkish = next(t["text"] for t in PANEL["held_out"] if t["lang"] == "tr")
    rated = language({
        "name": "Rookvrij", "description": "Stop met roken met dagelijkse tips en een plan.",
        "sources": [
            {"source": "appstore", "url": "https://apps.apple.com/nl/app/id1",
             "seen_at": "2026-11-20", "languages": ["nl", "en"], "description": "Stop nu."},
            {"source": "loketgezondleven", "url": "https://www.loketgezondleven.nl/x",
             "seen_at": "2026-11-21", "description": turkish},
            {"source": "ikstopnu", "url": "https://www.ikstopnu.nl", "seen_at": "2026-11-21",
             "description": "Deze Engelstalige app helpt je stoppen met roken."}]})
    sources = rated["value"]["sources"]
    assert sources["en"] == [{"source": "appstore", "how": "stated"}]
    assert sources["tr"] == [{"source": "loketgezondleven", "how": "detected"}]
    assert {"source": "appstore", "how": "stated"} in sources["nl"]
    assert {"source": "ikstopnu", "how": "detected"} not in sources["nl"]  # a curator's text
    assert rated["value"]["languages"] == ["en", "nl", "tr"]
    assert "ook in: Engels, Turks" in rated["label"]
    assert rubric.labels()["languages"]["ber"] == "Berbers"
