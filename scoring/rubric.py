"""The rubric (scoring/rubric.yaml): its version, labels and compiled rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RUBRIC_FILE = Path(__file__).resolve().parent / "rubric.yaml"
FLAGS = re.I | re.S


# `<<name>>` in a pattern stands for the rubric's term of that name: one list of words for a
# concept (e-cigarettes and the like) that several rules use.
TERM = re.compile(r"<<(\w+)>>")

# A letter that can stand inside a word. Chinese and Japanese write no spaces between words,
# and Korean joins its particles to the word ("금연클리닉을"): their letters bound no word, so
# "禁煙外来" is found in "完全遠隔禁煙外来は".
WORD_CHAR = r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"


def compile_pattern(pattern: str) -> re.Pattern:
    """Whole words and phrases only: 'pro' must not match in 'programma'."""
    terms = load().get("terms", {})
    # A term may use another term (a sentence window inside a trial); a cycle stops after
    # one pass per term instead of looping.
    for _ in range(len(terms) + 1):
        pattern = TERM.sub(lambda m: f"(?:{terms[m.group(1)]})", pattern)
    # A phrase that ends in a space ("zwanger of ") has ended its last word already.
    return re.compile(rf"(?<!{WORD_CHAR})(?:{pattern})(?:(?<=\s)|(?!{WORD_CHAR}))", FLAGS)


@dataclass(frozen=True)
class Rule:
    id: str
    code: str | None
    pattern: re.Pattern
    unless: re.Pattern | None = None
    negatable: bool = True
    # Words that void a match anywhere in its sentence, for this rule only ("vanaf 18 jaar"
    # voids the young, not the pregnant, named in the same sentence).
    excluded_when: re.Pattern | None = None
    # A mention naming the thing as the habit the user quits: a text with one reads every
    # mention of it so (for e-cigarettes: "stoppen met vapen").
    habit: re.Pattern | None = None

    @classmethod
    def from_entry(cls, entry: dict, group: dict | None = None) -> "Rule":
        """A rule from its rubric entry; a group's `unless` adds to the rule's, a group's
        `excluded_when` applies where the rule has none."""
        group = group or {}
        unless = "|".join(p for p in (entry.get("unless"), group.get("unless")) if p)
        optional = {key: compile_pattern(entry.get(key) or group.get(key))
                    for key in ("excluded_when", "habit") if entry.get(key) or group.get(key)}
        return cls(entry["id"], entry.get("code"), compile_pattern(entry["pattern"]),
                   compile_pattern(unless) if unless else None, entry.get("negatable", True),
                   **optional)


@cache
def load() -> dict:
    with RUBRIC_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def version() -> str:
    return load()["version"]



def section(*path: str):
    node = load()
    for key in path:
        node = node[key]
    return node


@cache
def rules(*path: str) -> tuple[Rule, ...]:
    """The rules at a path of the rubric: a list of rules, a group with `rules` (and perhaps a
    group-wide `unless` or `excluded_when`), or one rule, e.g. rules("components", "checklist")."""
    node = section(*path)
    group = {}
    if isinstance(node, dict) and "rules" in node:
        group, node = node, node["rules"]
    entries = node if isinstance(node, list) else [node]
    return tuple(Rule.from_entry(entry, group) for entry in entries)


def rule(*path: str) -> Rule:
    return rules(*path)[0]


def labels() -> dict[str, dict[str, str]]:
    """Dutch labels for every code, per dimension, for the site."""
    rubric = load()
    component_labels = rubric["components"]["labels"]
    return {
        "evidence": rubric["evidence"]["labels"],
        "guideline_aids": rubric["guideline_aids"]["labels"],
        "target_groups": rubric["target_groups"]["labels"],
        "notification_kinds": {code: rubric["notifications"]["labels"][code]
                               for code in codes("notifications", "kinds")},
        "checklist": {code: component_labels[code] for code in codes("components", "checklist")},
        "features": {code: component_labels[code] for code in codes("components", "features")},
        "blended_care": rubric["blended_care"]["labels"],
        "cost": rubric["blended_care"]["cost"]["labels"],
        "confidence": rubric["confidence"]["labels"],
        "flags": rubric["flags"]["labels"],
        "languages": rubric["language"]["dutch_names"],
    }


def codes(*path: str) -> list[str]:
    """The codes of a list of rules, in rubric order."""
    return [entry["code"] for entry in section(*path)]
