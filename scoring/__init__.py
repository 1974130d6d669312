"""Stage 3: rating each app on what a POH needs to know, with the reason behind every rating.

`rate(record)` takes one merged app record (see catalogue/apps.py; `stopwijzer rate FILE` takes
the same shape) and returns the ratings per dimension. The rules are data: scoring/rubric.yaml.
"""

from __future__ import annotations

from datetime import date

from catalogue.curation import DIMENSIONS  # what an editor may override: every dimension
from scoring import raters, rubric
from scoring.evidence import evidence, unproven_methods
from scoring.language import language
from scoring.privacy import privacy
from scoring.topic import topic

__all__ = ["DIMENSIONS", "rate"]


def rate(record: dict, today: date | None = None) -> dict:
    """`today` decides whether a recognition is older than it is valid."""
    unproven = unproven_methods(record)
    rated_evidence = evidence(record, today or date.today(), promotes_unproven=bool(unproven))
    rated_language = language(record)
    blended = raters.blended_care(record, rated_evidence["guideline_aids"])
    return {
        "rubric_version": rubric.version(),
        "topic": topic(record),
        "recommendable": not unproven,
        "evidence": rated_evidence,
        "target_groups": raters.target_groups(record),
        "language": rated_language,
        "notifications": raters.notifications(record),
        "blended_care": blended,
        "components": raters.components(record),
        "privacy": privacy(record),
        "flags": raters.flags(unproven, rated_language["value"]["dutch"],
                              blended["value"]["cost"]),
    }
