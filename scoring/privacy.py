"""What an app does with its user's data, as its maker declares it on Google Play's Data safety
page, next to the GGD AppStore's judgement of privacy and security where there is one.

The declaration is the maker's own word, not checked by Google or by us: its reason is always
`claimed`. The GGD AppStore tested the app: its judgement is `verified`. Apple's Search API
publishes no privacy labels, so an app only on the App Store has no declaration we can read.
"""

from __future__ import annotations

from scoring import rubric
from scoring.reasons import rating, reason
from scoring.texts import Text, plain, sources


def _kinds(value) -> list[str]:
    return [k for k in value if isinstance(k, str) and k.strip()] if isinstance(value, list) \
        else []


def _state(value):
    return value if isinstance(value, bool) else None


def _declaration(entry: dict) -> dict:
    return {"shares": _state(entry.get("privacy_shares")),
            "shared_kinds": _kinds(entry.get("privacy_shared_kinds")),
            "collects": _state(entry.get("privacy_collects")),
            "collected_kinds": _kinds(entry.get("privacy_collected_kinds")),
            "encrypted": _state(entry.get("privacy_encrypted")),
            "deletion": _state(entry.get("privacy_deletion"))}


def privacy_label(declared: dict, labels: dict) -> str:
    parts = [labels["shares"] + ": " + ", ".join(declared["shared_kinds"])
             if declared["shares"] else labels["shares_nothing"]]
    if declared["collects"]:
        parts.append(labels["collects"] + ": " + ", ".join(declared["collected_kinds"]))
    elif declared["collects"] is False:
        parts.append(labels["collects_nothing"])
    for key in ("encrypted", "deletion"):
        if declared[key] is not None:
            parts.append(labels[f"{key}_{'yes' if declared[key] else 'no'}"])
    return "; ".join(parts)


def _ggd_judgement(record: dict) -> tuple[object, list[dict]]:
    """The GGD AppStore's privacy theme: stars (0-5) or its judgement text."""
    theme = rubric.section("privacy", "ggd_theme")
    for entry in sources(record, "ggdappstore"):
        themes = entry.get("quality_themes")
        judged = themes.get(theme) if isinstance(themes, dict) else None
        stars = isinstance(judged, (int, float)) and not isinstance(judged, bool)
        if stars or plain(judged):
            fact = Text(f"GGD AppStore, privacy & veiligheid: {judged}", "ggdappstore",
                        plain(entry.get("url")), plain(entry.get("seen_at")))
            return judged, [reason("ggd_privacy", fact, status="verified")]
    return None, []


def privacy(record: dict) -> dict:
    config = rubric.section("privacy")
    labels = config["labels"]
    ggd, ggd_reasons = _ggd_judgement(record)
    on_apple = bool(sources(record, "appstore"))  # whose labels the Search API does not give
    declared_on = [s for s in sources(record, "googleplay")
                   if plain(s.get("privacy_declaration_url")) and _state(s.get("privacy_shares"))
                   is not None]
    if not declared_on:
        only_apple = on_apple and not sources(record, "googleplay")
        label = labels["no_labels_apple" if only_apple else "none"]
        value = {"declared": False, "shares": None, "shared_kinds": [], "collects": None,
                 "collected_kinds": [], "encrypted": None, "deletion": None,
                 "source": None, "url": None, "seen": None, "ggd": ggd,
                 "apple_publishes_none": on_apple}
        return rating(value, label, "medium" if ggd_reasons else "low", ggd_reasons)
    entry = declared_on[0]
    declared = _declaration(entry)
    label = privacy_label(declared, labels)
    sharing = label.split("; ")[0]
    fact = Text(f"{labels['declaration']}: {sharing[:1].lower()}{sharing[1:]}", "googleplay",
                plain(entry["privacy_declaration_url"]), plain(entry.get("seen_at")))
    value = {"declared": True, **declared, "source": "googleplay", "url": fact.url,
             "seen": fact.seen, "ggd": ggd, "apple_publishes_none": on_apple}
    return rating(value, label, "medium",
                  [reason("store_privacy_declaration", fact, status="claimed"), *ggd_reasons])


DECLARED_FACTS = ("shares", "shared_kinds", "collects", "collected_kinds", "encrypted", "deletion")


def declaration_change(old: dict | None, new: dict) -> str | None:
    """How an app's declaration changed between two privacy ratings, in Dutch ("deelt gegevens
    met derden sinds …"); None when it did not change or there was none before."""
    if not isinstance(old, dict) or not old.get("declared") or not new.get("declared"):
        return None
    if all(old.get(fact) == new.get(fact) for fact in DECLARED_FACTS):
        return None
    labels = rubric.section("privacy", "changes")
    since = new.get("seen") or "onbekend"
    if new.get("shares") and not old.get("shares"):
        return labels["shares"].format(since=since, kinds=", ".join(new.get("shared_kinds") or []))
    if old.get("shares") and new.get("shares") is False:
        return labels["stopped_sharing"].format(since=since)
    return labels["changed"].format(since=since)
