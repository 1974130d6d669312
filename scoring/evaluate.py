"""How well the rubric agrees with the labelled sets of app records, per dimension.

    python -m scoring.evaluate [SET.yaml …]
    python -m scoring.evaluate --between FIRST.yaml SECOND.yaml   (two labellers, same texts)

Two sets are kept apart (tests/scoring/): `tuning.yaml`, the texts the rules may be changed
for, and `heldout.yaml`, texts labelled and committed before the rubric was scored on them and
never used to change a rule. Without arguments both are reported; the held-out figures are the
measure.

Scalar dimensions count exact agreement per app; sets of codes (target groups, notification
kinds, checklist elements, flags) count agreement per app and code, so one missed code in eight
costs one eighth, not the whole app. Cost and ads count only where a set labels them. Inverted
advice is counted apart: a specific target group the labels do not give (the default 'all
adult smokers' in place of a group is a miss, not an inversion), an unproven-method flag on a
text that does not promote one, a promoted method missed. Exits 1 when a held-out dimension is
below TARGET or a held-out text gets inverted advice; the test suite fails when a held-out figure
falls below the one first scored (tests/scoring/test_rate.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from scoring import rate, rubric

SETS = Path(__file__).resolve().parents[1] / "tests" / "scoring"
TUNING = SETS / "tuning.yaml"
HELDOUT = SETS / "heldout.yaml"
# Issue 16's aim per dimension on the held-out set.
TARGET = 0.95
# Keys of a labelled item that describe the item, not the app record.
NOT_RECORD = ("expect", "origin")


def label_codes(dimension: str) -> list[str]:
    config = rubric.load()
    return {"target_groups": list(config["target_groups"]["labels"]),
            "notification_kinds": [k for k in config["notifications"]["labels"]
                                   if k not in ("none", "unknown")],
            "checklist": [r["code"] for r in config["components"]["checklist"]],
            "flags": list(config["flags"]["labels"])}[dimension]


def compare(expected: dict, ratings: dict) -> dict[str, tuple[int, int, list[str]]]:
    """Per dimension: (agreements, decisions, what differed)."""
    blended_value = ratings["blended_care"]["value"]
    got = {
        "evidence": ratings["evidence"]["value"],
        "dutch": ratings["language"]["value"]["dutch"],
        "notifications_has": ratings["notifications"]["value"]["has"],
        "referral": blended_value["refers_to_professional"],
        "aids": blended_value["advises_aids"],
        "view": blended_value["professional_can_view"],
        "cost": blended_value["cost"],
        "ads": blended_value["ads"],
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
    want.update({name: blended[name] for name in ("cost", "ads") if name in blended})
    result = {}
    for name, value in want.items():
        if isinstance(value, set):
            codes = label_codes(name)
            wrong = [c for c in codes if (c in value) != (c in got[name])]
            result[name] = (len(codes) - len(wrong), len(codes), wrong)
        else:
            same = value == got[name]
            result[name] = (int(same), 1, [] if same else [f"{got[name]} (expected {value})"])
    return result


def inversions(expected: dict, ratings: dict) -> list[str]:
    """Ratings that turn the advice upside down, in words."""
    wanted_groups = set(expected.get("target_groups") or [])
    default = rubric.section("target_groups", "default")
    found = [f"target group {code} not given by the labels"
             for code in ratings["target_groups"]["value"]
             if code not in wanted_groups and code != default]
    flagged = "unproven_method" in ratings["flags"]["value"]
    promoted = "unproven_method" in (expected.get("flags") or [])
    if flagged and not promoted:
        found.append("unproven-method flag on a text that does not promote one")
    if promoted and not flagged:
        found.append("promoted unproven method missed")
    return found


def labelled_items(path: Path) -> list[dict]:
    """A labelled set, read with libyaml's loader where PyYAML has it: the sets are large, and the
    pure-Python loader took longer than rating them."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def evaluate(labelled: Path = HELDOUT, show: bool = True) -> tuple[dict[str, float], list[str]]:
    """Agreement per dimension and every inverted rating ('name: what')."""
    return _score(labelled_items(labelled), show)


def _add(totals: dict[str, list[int]], compared: dict[str, tuple[int, int, list[str]]]) -> None:
    """Add one text's agreements and decisions per dimension to the running totals."""
    for name, (agree, total, _) in compared.items():
        totals.setdefault(name, [0, 0])
        totals[name][0] += agree
        totals[name][1] += total


def _score(items: list[dict], show: bool) -> tuple[dict[str, float], list[str]]:
    totals: dict[str, list[int]] = {}
    inverted = []
    for item in items:
        record = {k: v for k, v in item.items() if k not in NOT_RECORD}
        ratings = rate(record)
        compared = compare(item["expect"], ratings)
        _add(totals, compared)
        for name, (_, _, wrong) in compared.items():
            if wrong and show:
                print(f"  {item['name']}: {name}: {', '.join(map(str, wrong))}")
        inverted += [f"{item['name']}: {what}" for what in inversions(item["expect"], ratings)]
    return {name: agree / total for name, (agree, total) in totals.items()}, inverted


def as_ratings(expected: dict) -> dict:
    """A labeller's labels in the shape `rate` gives, so two labellers can be compared the way
    the rubric is compared with one."""
    blended = expected.get("blended") or {}
    notifications = expected.get("notifications") or {}
    value = {"refers_to_professional": blended.get("referral", False),
             "advises_aids": blended.get("aids", False),
             "professional_can_view": blended.get("view", False),
             "cost": blended.get("cost"), "ads": blended.get("ads")}
    return {"evidence": {"value": expected["evidence"]},
            "language": {"value": {"dutch": expected["dutch"]}},
            "notifications": {"value": {"has": notifications.get("has"),
                                        "kinds": notifications.get("kinds") or []}},
            "blended_care": {"value": value},
            "target_groups": {"value": expected.get("target_groups") or []},
            "components": {"value": {"checklist": expected.get("checklist") or []}},
            "flags": {"value": expected.get("flags") or []}}


def between(first: Path, second: Path) -> dict[str, float]:
    """How far two labellers agree on the texts both labelled (matched by name): the ceiling
    for any rubric measured against one of them."""
    others = {item["name"]: item["expect"] for item in labelled_items(second)}
    totals: dict[str, list[int]] = {}
    for item in labelled_items(first):
        if item["name"] in others:
            _add(totals, compare(item["expect"], as_ratings(others[item["name"]])))
    return {name: agree / total for name, (agree, total) in totals.items()}


def report(labelled: Path) -> bool:
    """Print one set's figures; True when it meets TARGET without inverted advice."""
    items = labelled_items(labelled)
    print(f"\n{labelled.name} ({len(items)} texts), rubric {rubric.version()}:")
    scores, inverted = _score(items, show=True)
    print(f"{'dimension':<20} agreement")
    for name, score in scores.items():
        print(f"{name:<20} {score:6.1%}{'' if score >= TARGET else f'  BELOW {TARGET:.0%}'}")
    print(f"inverted advice: {len(inverted)}")
    for line in inverted:
        print(f"  {line}")
    return not inverted and all(score >= TARGET for score in scores.values())


USAGE = __doc__.split("\n\n")[1]


def main(argv: list[str]) -> int:
    between_form = argv[:1] == ["--between"] and len(argv) == 3
    paths = argv[1:] if between_form else argv
    missing = [arg for arg in paths if arg.startswith("-") or not Path(arg).is_file()]
    if missing:
        # "--help", a mistyped option or path: the usage in one message, not a traceback.
        print(f"not a labelled set: {missing[0]}\nusage:\n{USAGE}", file=sys.stderr)
        return 2
    if between_form:
        for name, score in between(Path(argv[1]), Path(argv[2])).items():
            print(f"{name:<20} {score:6.1%}")
        return 0
    if argv:
        return 0 if all([report(Path(arg)) for arg in argv]) else 1
    report(TUNING)
    return 0 if report(HELDOUT) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
