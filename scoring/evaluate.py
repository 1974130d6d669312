"""How well the rubric agrees with a labelled panel of app records, per dimension.

    python -m scoring.evaluate [PANEL.yaml]

Scalar dimensions count exact agreement per app; sets of codes (target groups, notification
kinds, checklist elements, flags) count agreement per app and code, so one missed code in eight
costs one eighth, not the whole app. Exits 1 when a dimension is below 90%.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from scoring import rate, rubric

PANEL = Path(__file__).resolve().parents[1] / "tests" / "scoring" / "panel.yaml"
MINIMUM = 0.9


def _codes(dimension: str) -> list[str]:
    config = rubric.load()
    return {"target_groups": list(config["target_groups"]["labels"]),
            "notification_kinds": [k for k in config["notifications"]["labels"]
                                   if k not in ("none", "unknown")],
            "checklist": [r["code"] for r in config["components"]["checklist"]],
            "flags": list(config["flags"]["labels"])}[dimension]


def compare(expected: dict, ratings: dict) -> dict[str, tuple[int, int, list[str]]]:
    """Per dimension: (agreements, decisions, what differed)."""
    got = {
        "evidence": ratings["evidence"]["value"],
        "dutch": ratings["language"]["value"]["dutch"],
        "notifications_has": ratings["notifications"]["value"]["has"],
        "referral": ratings["blended_care"]["value"]["refers_to_professional"],
        "aids": ratings["blended_care"]["value"]["advises_aids"],
        "view": ratings["blended_care"]["value"]["professional_can_view"],
        "target_groups": set(ratings["target_groups"]["value"]),
        "notification_kinds": set(ratings["notifications"]["value"]["kinds"]),
        "checklist": set(ratings["components"]["value"]["checklist"]),
        "flags": set(ratings["flags"]["value"]),
    }
    blended = expected.get("blended") or {}
    notifications = expected.get("notifications") or {}
    want = {
        "evidence": expected["evidence"], "dutch": expected["dutch"],
        "notifications_has": notifications.get("has"),
        "referral": blended.get("referral", False), "aids": blended.get("aids", False),
        "view": blended.get("view", False),
        "target_groups": set(expected.get("target_groups") or []),
        "notification_kinds": set(notifications.get("kinds") or []),
        "checklist": set(expected.get("checklist") or []),
        "flags": set(expected.get("flags") or []),
    }
    result = {}
    for name, value in want.items():
        if isinstance(value, set):
            codes = _codes(name)
            wrong = [c for c in codes if (c in value) != (c in got[name])]
            result[name] = (len(codes) - len(wrong), len(codes), wrong)
        else:
            same = value == got[name]
            result[name] = (int(same), 1, [] if same else [f"{got[name]} (expected {value})"])
    return result


def evaluate(panel: Path = PANEL) -> dict[str, float]:
    items = yaml.safe_load(panel.read_text(encoding="utf-8"))
    totals: dict[str, list[int]] = {}
    for item in items:
        record = {k: v for k, v in item.items() if k != "expect"}
        for name, (agree, total, wrong) in compare(item["expect"], rate(record)).items():
            totals.setdefault(name, [0, 0])
            totals[name][0] += agree
            totals[name][1] += total
            if wrong:
                print(f"  {item['name']}: {name}: {', '.join(map(str, wrong))}")
    return {name: agree / total for name, (agree, total) in totals.items()}


def main(argv: list[str]) -> int:
    panel = Path(argv[0]) if argv else PANEL
    print(f"Rubric {rubric.version()} against {panel}:")
    scores = evaluate(panel)
    print(f"\n{'dimension':<20} agreement")
    for name, score in scores.items():
        print(f"{name:<20} {score:6.1%}{'' if score >= MINIMUM else '  BELOW 90%'}")
    return 0 if all(score >= MINIMUM for score in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
