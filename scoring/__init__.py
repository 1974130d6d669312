"""Stage 3: rating each app on what a POH needs to know, with the reason behind every rating.

`rate(record)` takes one merged app record (see catalogue/apps.py; `stopwijzer rate FILE` takes
the same shape) and returns the ratings per dimension. The rules are data: scoring/rubric.yaml.
"""

from __future__ import annotations

from scoring import raters, rubric

DIMENSIONS = ("evidence", "target_groups", "language", "notifications", "blended_care",
              "components", "flags")


def rate(record: dict) -> dict:
    unproven = raters.unproven_methods(record)
    evidence = raters.evidence(record)
    if unproven and evidence["value"] not in ("claimed", "onbekend"):
        # A verified source stays visible, but the app is never recommended (see flags).
        evidence["label"] += "; let op: promoot ook een onbewezen methode"
    language = raters.language(record)
    blended = raters.blended_care(record, evidence["guideline_aids"])
    return {
        "rubric_version": rubric.version(),
        "recommendable": not unproven,
        "evidence": evidence,
        "target_groups": raters.target_groups(record),
        "language": language,
        "notifications": raters.notifications(record),
        "blended_care": blended,
        "components": raters.components(record),
        "flags": raters.flags(record, unproven, language["value"], blended["value"]["cost"]),
    }
