"""What the advice may rely on about one app: its kind, short name and the features its ratings
show, read conservatively. A tip names a feature only when the app itself offers it, for free."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from scoring import rubric

STORE_NAMES = {"android": "Google Play", "ios": "de App Store"}
# A store title's tail after " - " or ": " is a slogan ("QuitNow! - Stop met roken").
STORE_TAIL = re.compile(r"\s+[-–—|]\s+|:\s+")
# "stoppen-met-rokencoach" or "Stopcoach" in a text refers to a person or to the app's name; a
# coach inside the app is named as a word of its own ("een virtuele coach", "coaching").
OWN_COACH = re.compile(r"(?<![\w-])coach", re.I)
PAID = re.compile(r"premium|betaald\w*|paid|pro-versie|abonnement\w*|subscription|upgrade|"
                  r"in-app", re.I)
ONLINE = re.compile(r"\bonline\b|internet|e-learning|website", re.I)
IN_PERSON = re.compile(r"groep|coach|consult|huisbezoek|training|bijeenkomst|verpleegkundig",
                       re.I)


def tidy(text: str) -> str:
    """A name ending in '!' or '?' ends the sentence itself: "QuitNow!." reads "QuitNow!"."""
    return re.sub(r"([!?])\.", r"\1", text)


def lower_first(label: str) -> str:
    """'Buddy of maatje' -> 'buddy of maatje', but 'SMS-coach' and '(lage SEP)' keep capitals."""
    if len(label) > 1 and label[1].isupper():
        return label
    return label[:1].lower() + label[1:]


def joined(names: list[str], last: str = "en") -> str:
    if len(names) < 2:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {last} " + names[-1]


def without_parentheses(label: str) -> str:
    """A label for inside parentheses of its own: no nested ones ("coach (virtueel of …)")."""
    return re.sub(r"\s*\([^)]*\)", "", label)


def short_name(title: str) -> str:
    name = STORE_TAIL.split(" ".join(str(title or "").split()), maxsplit=1)[0].strip()
    return (name or str(title or "").strip() or "deze app")[:60]


def _value(ratings: dict, dimension: str):
    rating = ratings.get(dimension)
    return (rating.get("value") if isinstance(rating, dict) else None) or {}


@dataclass
class Facts:
    app: dict
    labels: dict

    @property
    def ratings(self) -> dict:
        return self.app.get("ratings") or {}

    @cached_property
    def name(self) -> str:
        return short_name(self.app.get("name"))

    @cached_property
    def kind(self) -> str:
        """app, online (an online programme on a website) or programme (coaching, a group,
        home visits: people deliver it). ikstopnu calls online programmes 'programme' too, so a
        programme described as online and by no person counts as online."""
        if self.platforms or self.app.get("kind") == "app":
            return "app"
        if self.app.get("kind") == "website":
            return "online"
        text = " ".join([self.app.get("description") or "", self.app.get("summary") or ""])
        return "online" if ONLINE.search(text) and not IN_PERSON.search(text) else "programme"

    @property
    def it(self) -> str:
        """How running text refers to it: "de app", "de website" or "het programma"."""
        return {"app": "de app", "online": "de website", "programme": "het programma"}[self.kind]

    @property
    def is_app(self) -> bool:
        return self.kind == "app"

    @property
    def recommended(self) -> bool:
        return self.ratings.get("recommendable") is not False

    @cached_property
    def platforms(self) -> list[str]:
        return [p for p in self.app.get("platforms") or [] if p in STORE_NAMES]

    @property
    def stores(self) -> list[str]:
        return [STORE_NAMES[p] for p in self.platforms]

    @property
    def websites(self) -> list[str]:
        return [link["url"] for link in self.app.get("store_links") or []
                if link.get("label") == "Website" and link.get("url")]

    @property
    def checklist(self) -> list[str]:
        return list(_value(self.ratings, "components").get("checklist") or [])

    @cached_property
    def features(self) -> list[str]:
        """The features a tip or card may name: a coach only when the app has one itself, and
        nothing that the texts put behind payment."""
        features = list(_value(self.ratings, "components").get("features") or [])
        if "coach" in features and not any(OWN_COACH.search(r.get("text") or "")
                                           for r in self._reasons("components", "feat_coach")):
            features.remove("coach")
        return [f for f in features if f not in self.paid_features]

    @cached_property
    def paid_features(self) -> set[str]:
        """Features named in a sentence about paying ("a premium upgrade for the diary")."""
        sentences = [s for r in self._reasons("blended_care")
                     for s in re.split(r"(?<=[.!?])\s+", r.get("text") or "") if PAID.search(s)]
        return {rule.code for rule in rubric.rules("components", "features")
                for s in sentences if rule.pattern.search(s)}

    def _reasons(self, dimension: str, rule: str | None = None) -> list[dict]:
        rating = self.ratings.get(dimension) or {}
        return [r for r in rating.get("reasons") or [] if rule is None or r.get("rule") == rule]

    def has(self, *codes: str) -> bool:
        return any(code in self.features or code in self.checklist for code in codes)

    def label(self, code: str) -> str:
        labels = {**self.labels.get("checklist", {}), **self.labels.get("features", {})}
        return labels.get(code, code)

    def names(self, codes, group: str) -> str:
        """Labels in running text, lower-cased where that keeps acronyms ('lage SEP')."""
        return joined([lower_first(self.labels.get(group, {}).get(c, c)) for c in codes])

    @property
    def notifications(self) -> dict:
        return _value(self.ratings, "notifications")

    @property
    def blended_care(self) -> dict:
        return _value(self.ratings, "blended_care")

    @property
    def cost(self) -> str | None:
        return self.blended_care.get("cost")

    @property
    def ads(self) -> bool | None:
        return self.blended_care.get("ads")

    @property
    def privacy(self) -> dict | None:
        rating = self.ratings.get("privacy")
        return rating if isinstance(rating, dict) else None

    @property
    def target_groups(self) -> list[str]:
        return [g for g in _value(self.ratings, "target_groups") or [] if g != "algemeen"]

    @property
    def aids(self) -> list[str]:
        return list((self.ratings.get("evidence") or {}).get("guideline_aids") or [])

    @property
    def flags(self) -> list[str]:
        return list(_value(self.ratings, "flags") or [])

    @property
    def unproven_rules(self) -> list[str]:
        return [r.get("rule", "") for r in self._reasons("flags")
                if str(r.get("rule", "")).startswith("unproven_")]
