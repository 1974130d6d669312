"""Is the app about quitting smoking? Store searches and the GGD AppStore also bring in games,
meditation and lifestyle apps; those stay in the catalogue but off the site (publish/data.py).

On topic: a text states a quitting aim for smoking, vaping or tobacco (rules `topic.quit`), and
that sentence does not list smoking as one subject among many lifestyle subjects; or the name
says quit or stop and a text speaks of cravings or smoking. Off topic:
no such aim, with the words about smoking found as the reason, if any. Rules match whole words,
so "ingesproken" holds no "roken" and "sprookjes" no "rook".
"""

from __future__ import annotations

import re

from scoring import rubric
from scoring.matching import find, negated
from scoring.reasons import rating, reason
from scoring.texts import Text, app_texts, plain, source_text, sources

SENTENCE_END = re.compile(r"[.!?\n]")


def topic(record: dict) -> dict:
    config = rubric.section("topic")
    titles = _titles(record)
    texts = titles + app_texts(record)
    aims = [found for text in texts if (found := _quitting_aim(text, config))] or \
        _quitting_name(titles, texts)
    if aims:
        confidence = "high" if len(aims) > 1 else "medium"
        return rating(True, config["labels"]["on"], confidence, aims)
    mentions = find(rubric.rule("topic", "mention"), texts)
    return rating(False, config["labels"]["off"], "medium" if mentions else "high", mentions)


def _titles(record: dict) -> list[Text]:
    titles = [source_text(entry, plain(entry.get("title"))) for entry in sources(record)
              if plain(entry.get("title"))]
    name = plain(record.get("name"))
    if name and name not in {t.text for t in titles}:
        titles.append(Text(name, "title"))
    return titles


def _quitting_name(titles: list[Text], texts: list[Text]) -> list[dict]:
    """A name that says quit or stop ("Quit Games"), given a text about cravings or smoking."""
    named = find(rubric.rule("topic", "name"), titles)
    context = find(rubric.rule("topic", "name_context"), texts) if named else []
    return named[:1] + context[:1] if context else []


def _quitting_aim(text: Text, config: dict) -> dict | None:
    """The reason for the first quitting aim in the text whose sentence is not a list of
    lifestyle subjects."""
    others = rubric.rule("topic", "other_subjects").pattern
    for rule in rubric.rules("topic", "quit"):
        for match in rule.pattern.finditer(text.text):
            start, end = match.span()
            if negated(text.text, start, end):
                continue
            sentence = _sentence(text.text, start, end)
            subjects = {m.group().lower() for m in others.finditer(sentence)}
            if len(subjects) < config["other_subjects_minimum"]:
                return reason(rule.id, text, start, end)
    return None


def _sentence(text: str, start: int, end: int) -> str:
    before = [m.end() for m in SENTENCE_END.finditer(text, 0, start)]
    after = SENTENCE_END.search(text, end)
    return text[before[-1] if before else 0:after.start() if after else len(text)]
