"""The rubric (scoring/rubric.yaml): its version, labels and compiled rules."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RUBRIC_FILE = Path(__file__).resolve().parent / "rubric.yaml"


@dataclass(frozen=True)
class Rule:
    id: str
    code: str | None
    pattern: re.Pattern

    @classmethod
    def from_entry(cls, entry: dict) -> "Rule":
        return cls(entry["id"], entry.get("code"),
                   re.compile(rf"(?<!\w){entry['pattern']}(?!\w)", re.I | re.S))


@cache
def load() -> dict:
    with RUBRIC_FILE.open(encoding="utf-8") as f:
        return yaml.safe_load(f)


def version() -> str:
    return load()["version"]


def rules(*path: str) -> list[Rule]:
    """The rules at a path of the rubric, e.g. rules("components", "checklist")."""
    node = load()
    for key in path:
        node = node[key]
    entries = node if isinstance(node, list) else [node]
    return [Rule.from_entry(entry) for entry in entries]


def labels() -> dict[str, dict[str, str]]:
    """Dutch labels for every code, per dimension, for the site."""
    rubric = load()
    return {
        "evidence": rubric["evidence"]["labels"],
        "guideline_aids": rubric["guideline_aids"]["labels"],
        "target_groups": rubric["target_groups"]["labels"],
        "notification_kinds": rubric["notifications"]["labels"],
        "checklist": {c: rubric["components"]["labels"][c] for c in
                      (r["code"] for r in rubric["components"]["checklist"])},
        "features": {c: rubric["components"]["labels"][c] for c in
                     (r["code"] for r in rubric["components"]["features"])},
        "blended_care": rubric["blended_care"]["labels"],
        "cost": rubric["blended_care"]["cost"]["labels"],
        "flags": rubric["flags"]["labels"],
    }
