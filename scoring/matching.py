"""Finding a rule in an app's texts: whole words, within the sentence, minding negation and
warnings, and (for target groups) a sentence that excludes what it names."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from scoring import rubric
from scoring.reasons import reason
from scoring.texts import Text


@cache
def _negation() -> dict:
    config = rubric.section("negation")
    return {**config, "clause_breaks": re.compile(config["clause_breaks"], re.I),
            "warnings": rubric.compile_pattern(config["warnings"]),
            "warning_scope_breaks": re.compile(config["warning_scope_breaks"], re.I),
            "contrast": re.compile(config["contrast"], re.I),
            "listing": re.compile(config["listing"], re.I),
            "examples": re.compile(config["examples"], re.I),
            "promotion_before": re.compile(config["promotion_before"], re.I),
            "promotion_after": re.compile(config["promotion_after"], re.I),
            "described": re.compile(config["described"], re.I),
            "pronouns": rubric.compile_pattern(config["pronouns"]),
            "smoke_free": re.compile(config["smoke_free"], re.I),
            "continuation": re.compile(config["continuation"], re.I)}


# A sentence ends at . ! ? followed by a space, or at a line break or a dash before a capital:
# store texts list features on lines of their own, or run them on as "- Item - Item".
# Abbreviations ("U.S.", "e.g.", "bijv.") end no sentence. Japanese ends one at 。 without a space.
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<![A-Z]\.[A-Z]\.)(?<!\b[A-Z]\.)(?<!e\.g\.)(?<!i\.e\.)"
                           r"(?<!bijv\.)(?<!o\.a\.)(?<!bv\.)(?<!ca\.)(?<!vs\.)\s+|\n+|"
                           r"(?<=\w)\s+[-•]\s+(?=[A-Z])|(?<=[。！？])")


def sentence_scope(text: str, start: int) -> str:
    """The sentence around text[start], with the next sentence when it is a question and the
    question before it when it answers one: "Zwanger? Gebruik deze app dan niet." is one
    thought from either side."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    index = max(i for i, b in enumerate(bounds[:-1]) if b <= start)
    begin, end = bounds[index], bounds[index + 1]
    if text[:end].rstrip().endswith("?") and index + 2 < len(bounds):
        end = bounds[index + 2]
    elif index and text[:begin].rstrip().endswith("?"):
        begin = bounds[index - 1]
    return text[begin:end]


def _carried_scope(text: str, start: int, scope: str) -> str:
    """The sentence before the scope with it, when the scope goes on from it ("Ben je zwanger,
    gebruik deze app dan niet. Voor jou is er begeleiding via je verloskundige")."""
    if not _negation()["continuation"].search(scope):
        return scope
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text[:start])]
    return text[starts[-2] if len(starts) > 1 else 0:starts[-1]] + scope


def _warned(text: str, start: int, end: int) -> bool:
    """A warning in the match's part of its sentence, up to a contrast ("maar", "but"); a
    question is answered by the next sentence ("Hypnose of laser? Daar is geen bewijs voor."),
    a next sentence or contrast that turns on the method by a pronoun carries its warning back
    ("laser klinkt aantrekkelijk, maar er is geen bewijs dat het helpt"), and a warning carries
    forward to a sentence that lists its examples."""
    config = _negation()
    breaks = config["warning_scope_breaks"]
    before = breaks.split(text[:start])[-1]
    after = breaks.split(text[end:], maxsplit=1)[0]
    tail = text[end + len(after):]
    # The next part runs to the end of its sentence: "Er is echter geen bewijs dat deze
    # behandelingen helpen" turns on them after its own contrast word.
    following = re.split(r"[.!?;]", breaks.sub("", tail, count=1), maxsplit=1)[0] if tail else ""
    # The next sentence answers a question, or turns on the method by a pronoun ("Die raden
    # we af"); a contrast does the same within the sentence.
    if tail.startswith("?") or (tail[:1] in ".:;" or config["contrast"].match(tail)) and \
            config["pronouns"].search(following):
        after += " " + following
    return bool(config["warnings"].search(before + text[start:end] + after)) or \
        _listed_after_warning(text, start)


def _listed_after_warning(text: str, start: int) -> bool:
    """The match's sentence lists examples ("Het gaat dan om hypnose, laser …") of what the
    sentence before it warned against."""
    bounds = [0] + [m.end() for m in _SENTENCE_END.finditer(text[:start])]
    if len(bounds) < 2 or not _negation()["listing"].match(text[bounds[-1]:start]):
        return False
    return bool(_negation()["warnings"].search(text[bounds[-2]:bounds[-1]]))


def _clause_before(text: str, start: int) -> str:
    """The words before a match, back to the start of its clause."""
    before = text[:start]
    breaks = list(_negation()["clause_breaks"].finditer(before))
    return before[breaks[-1].end():] if breaks else before


def _words(text: str) -> list[str]:
    """The lower-cased words of a text, for the negation windows."""
    return re.findall(r"[\w'-]+", text.lower())


def _negating(words: list[str]) -> bool:
    window = _negation()["smoke_free"].sub(" ", " ".join(words))
    # "non-profit" and "no-nonsense" negate nothing.
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", window) for n in _negation()["before"])


# A negated list says "or": "never sells detox teas, magnets or an 'easy way'", "geen kruiden,
# magneten of hypnose". A list with "and" is read item by item: "geen reclame, dagelijkse tips
# en meldingen" has notifications.
_OR = re.compile(r"(?<!\w)(or|of|nor|noch|eller|ou|oder|o|ni|né|ani|lub|albo)(?!\w)", re.I)
_LIST_ITEM_WORDS = 5


def _later_item_of_negated_list(text: str, start: int) -> bool:
    """The match is a later item of a list whose first item its sentence negates."""
    config = _negation()
    sentence_start = ([0] + [m.end() for m in _SENTENCE_END.finditer(text[:start])])[-1]
    head, *items = text[sentence_start:start].split(",")
    if not items or any(config["clause_breaks"].search(part) for part in items):
        return False
    rest = re.split(r"[.!?;:]", text[start:], maxsplit=1)[0][:60]
    if any(len(_words(item)) > _LIST_ITEM_WORDS for item in items) or \
            not _OR.search(items[-1] + rest.split(",")[0]):
        return False
    head_words = _words(config["clause_breaks"].split(head)[-1])
    # "Als jouw vraag er niet tussen staat, bel dan de Stoplijn of …" is a condition, no list.
    if head_words[:1] and head_words[0] in config["conditions"]:
        return False
    return _negating(head_words[-(config["window_words"] + 3):])


def _negated_examples(text: str, start: int) -> bool:
    """The match is an example or the other choice of something negated: "zonder chemische
    middelen zoals pleisters", "zonder pleisters of medicatie van de dokter"."""
    config = _negation()
    head = config["examples"].search(_clause_before(text, start))
    words = _words(head.string[:head.start()]) if head else []
    return _negating(words[-config["window_words"]:])


def negated(text: str, start: int, end: int, look_ahead: bool = False) -> bool:
    """True when a negation voids the match at text[start:end]: a negating word or phrase
    shortly before it in its clause, 'raden ... af' around it, or (with look_ahead) a verdict
    such as 'is niet bewezen' shortly after it in its sentence."""
    config = _negation()
    words = _words(_clause_before(text, start))
    # A match that begins with a negation of its own ("sans effort et sans volonté", "zonder
    # wilskracht, zonder ontwenningsverschijnselen") says what it says, whatever stands before.
    own = _words(text[start:end])[:1]
    if not _negating(own) and (_negating(words[-config["window_words"]:]) or
                               _negated_examples(text, start) or
                               _later_item_of_negated_list(text, start)):
        return True
    after_words = _words(re.split(r"[.!?;]", text[end:], maxsplit=1)[0])
    if set(words[-6:]) & set(config["split_before"]) and \
            set(after_words[:3]) & set(config["split_after"]):
        return True
    if look_ahead:
        after = re.split(r"[.!?;]", text[end:end + config["after_window_chars"]], maxsplit=1)[0]
        return any(phrase in after.lower() for phrase in config["after"]) or \
            _warned(text, start, end)
    return False


def _promoted(text: str, start: int, end: int) -> bool:
    """The match's clause uses it as the way to quit ("met hypnose ben je er in één sessie
    vanaf", "hypnose is bij uitstek geschikt")."""
    config = _negation()
    after = config["clause_breaks"].split(text[end:], maxsplit=1)[0]
    if config["promotion_after"].search(after):
        return True
    # "met" in a sentence that describes how a treatment is used ("wordt gebruikt … met behulp
    # van lasers") reports the method instead of offering it.
    return bool(config["promotion_before"].search(_clause_before(text, start))) and \
        not config["described"].search(sentence_scope(text, start))


def _inside(pattern: re.Pattern | None, text: str, start: int, end: int) -> bool:
    return bool(pattern) and any(m.start() <= start and end <= m.end()
                                 for m in pattern.finditer(text))


def _excluded(rule: rubric.Rule, text: str, start: int, end: int) -> bool:
    return _inside(rule.unless, text, start, end) or _inside(rule.habit, text, start, end)


def _critical(rule: rubric.Rule, text: str, void: Callable[[int, int], bool]) -> bool:
    """The text negates or warns against the rule once (`void`), or names it as the habit the
    user quits ("stoppen met vapen"), anywhere: then every mention in it reads that way."""
    return any(void(*m.span()) or _inside(rule.habit, text, *m.span())
               for m in rule.pattern.finditer(text))


def find_negated(rule: rubric.Rule, texts: list[Text], unless: re.Pattern | None) -> list[dict]:
    """One reason per text where the rule is only ever named negated ("zonder notificaties",
    "geen enkele melding"): the text says the thing is absent, unless `unless` is in it
    ("no notifications unless you switch them on")."""
    found = []
    for text in texts:
        if unless and unless.search(text.text):
            continue
        spans = [m.span() for m in rule.pattern.finditer(text.text)]
        if spans and all(negated(text.text, start, end) for start, end in spans):
            found.append(reason(rule.id, text, *spans[0]))
    return found


def find(rule: rubric.Rule, texts: list[Text], look_ahead: bool = False,
         status: str = "derived", vetoed_by: re.Pattern | None = None,
         once_negated: bool = False) -> list[dict]:
    """One reason per text where the rule holds (its first valid match); a snippet already
    given for another source (a store text copied to another store) is given once. A match
    whose sentence scope holds the rule's `excluded_when` does not count, nor one whose scope,
    with the sentence it goes on from (`_carried_scope`), holds `vetoed_by`. With
    `once_negated`, a text that negates, warns against or names the rule as the habit quit once
    is read as critical of it throughout: "hypnosis has little evidence … hypnosis can also be
    expensive" promotes nothing, unless a mention uses it as the way to quit ("met hypnose ben
    je er vanaf")."""
    found, snippets = [], set()
    for text in texts:
        # Whether a match is negated: asked once per match, by the text-wide check and here.
        void = cache(lambda start, end, t=text.text:
                     rule.negatable and negated(t, start, end, look_ahead))
        critical = once_negated and _critical(rule, text.text, void)
        for match in rule.pattern.finditer(text.text):
            start, end = match.span()
            if void(start, end) or (critical and not _promoted(text.text, start, end)):
                continue
            scope = sentence_scope(text.text, start)
            # The carried scope holds the scope, so `vetoed_by` is searched once, there.
            if _excluded(rule, text.text, start, end) or (
                    rule.excluded_when and rule.excluded_when.search(scope)) or (
                    vetoed_by and vetoed_by.search(_carried_scope(text.text, start, scope))):
                continue
            found_reason = reason(rule.id, text, start, end, status)
            if found_reason["text"] not in snippets:
                snippets.add(found_reason["text"])
                found.append(found_reason)
            break
    return found


def find_codes(rules, texts: list[Text], **options) -> tuple[list[str], list[dict]]:
    """The codes of the rules that hold, in rubric order, and their reasons."""
    codes, reasons = [], []
    for rule in rules:
        found = find(rule, texts, **options)
        if found:
            codes.append(rule.code)
            reasons += found
    return codes, reasons
