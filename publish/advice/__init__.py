"""Advice for a POH per app or programme, from the guideline and the app's verified features:
tips per consult, "check zelf eerst", the answer for an app that is not recommended, and the
patient card."""

from __future__ import annotations

from publish.advice.card import patient_card
from publish.advice.checks import check_first
from publish.advice.consults import consult_tips
from publish.advice.facts import Facts
from publish.advice.guideline import SOURCES
from publish.advice.not_recommended import already_using


def advice(app: dict, labels: dict) -> dict:
    facts = Facts(app, labels)
    return {"recommended": facts.recommended, "kind": facts.kind,
            "short_name": facts.name,
            # Where the texts name nothing, a programme's element is unknown, not absent.
            "checklist_unknown": not facts.is_app,
            "tips": consult_tips(app, labels), "sources": SOURCES, "check_first": check_first(app, labels),
            "already_using": already_using(app, labels), "card": patient_card(app, labels)}
