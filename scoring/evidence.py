"""How far an app rests on research: verified source facts first, the maker's claims never
count as proof; plus the guideline aids it names and the unproven methods it promotes."""

from __future__ import annotations

from datetime import date

from scoring import rubric
from scoring.matching import find, find_codes
from scoring.raters import redirected_group
from scoring.reasons import rating, reason
from scoring.texts import Text, app_texts, plain, source_text, sources

VERIFIED = "verified"


def unproven_methods(record: dict) -> list[dict]:
    """Reasons for every unproven method the app promotes (not merely names as unproven)."""
    texts = app_texts(record)
    return [r for rule in rubric.rules("unproven_methods")
            for r in find(rule, texts, look_ahead=True, once_negated=True)]


def _loket_level(entry: dict) -> str | None:
    level = plain(entry.get("recognition_level"))
    return rubric.section("evidence", "loketgezondleven_levels").get(level.strip().lower()) \
        if level else None


def _loket(record: dict) -> dict[str, list[dict]]:
    found: dict[str, list[dict]] = {}
    for entry in sources(record, "loketgezondleven"):
        code = _loket_level(entry)
        if code:
            fact = f"{plain(entry.get('title')) or 'Loketgezondleven'}: " \
                   f"{entry['recognition_level']} " \
                   f"(erkend {plain(entry.get('recognition_date')) or 'datum onbekend'})"
            found.setdefault(code, []).append(
                reason("loket_level", source_text(entry, fact), status=VERIFIED))
    return found


def _old_recognition(record: dict, code: str, today: date) -> str | None:
    """The date of a recognition at this level granted longer ago than it is valid."""
    years = rubric.section("evidence", "recognition_valid_years")
    for entry in sources(record, "loketgezondleven"):
        granted = plain(entry.get("recognition_date"))
        try:
            age = today - date.fromisoformat(granted[:10])
        except (TypeError, ValueError):
            continue
        if _loket_level(entry) == code and age.days > years * 365.25:
            return granted[:10]
    return None


def _trials(record: dict) -> list[dict]:
    links = record.get("evidence_links")
    return [{"rule": "editor_trial", "text": (plain(link.get("title")) or link["url"])[:200],
             "source": "editor", "url": link["url"], "seen": plain(link.get("added")),
             "status": VERIFIED}
            for link in links if isinstance(link, dict) and plain(link.get("url"))] \
        if isinstance(links, list) else []


def _ggd_positive(judgement) -> bool:
    """Stars from the minimum on, or a judgement text with a positive and no negative verdict."""
    config = rubric.section("evidence")
    if isinstance(judgement, (int, float)) and not isinstance(judgement, bool):
        return judgement >= config["ggd_onderbouwing_minimum"]
    text = plain(judgement)
    if not text:
        return False
    as_text = [Text(text, "ggdappstore")]
    return bool(find(rubric.rule("evidence", "ggd_judgement", "positive"), as_text)) and \
        not find(rubric.rule("evidence", "ggd_judgement", "negative"), as_text)


def _ggd(record: dict) -> dict[str, list[dict]]:
    """The GGD AppStore lists only apps that pass its test: the listing is its judgement. A
    page that scores the theme onderbouwing says more, and then decides alone."""
    found: dict[str, list[dict]] = {}
    for entry in sources(record, "ggdappstore"):
        themes = entry.get("quality_themes")
        judgement = themes.get("onderbouwing") if isinstance(themes, dict) else None
        if judgement is not None:
            if _ggd_positive(judgement):
                shown = f"{judgement} van 5" if isinstance(judgement, (int, float)) else judgement
                found.setdefault("ggd_onderbouwing", []).append(reason(
                    "ggd_onderbouwing", source_text(
                        entry, f"GGD AppStore, thema onderbouwing: {shown}"), status=VERIFIED))
            continue
        stars = entry.get("quality_score")
        shown = f" ({stars:g} van 5 sterren)" if isinstance(stars, (int, float)) \
            and not isinstance(stars, bool) else ""
        found.setdefault("ggd_opgenomen", []).append(reason("ggd_listed", source_text(
            entry, f"Opgenomen in de GGD AppStore{shown}, die alleen apps opneemt die haar "
                   "test doorstaan"), status=VERIFIED))
    return found


def _ikstopnu(record: dict) -> list[dict]:
    return [reason("ikstopnu_selection", source_text(
        entry, "In de selectie van ikstopnu.nl: "
               f"{plain(entry.get('summary')) or plain(entry.get('title')) or ''}"),
        status=VERIFIED)
        for entry in sources(record, "ikstopnu") if entry.get("recommended") is True]


def evidence(record: dict, today: date, promotes_unproven: bool) -> dict:
    config = rubric.section("evidence")
    found = {**_loket(record), **_ggd(record)}
    for code, reasons in (("trial", _trials(record)), ("ikstopnu_selectie", _ikstopnu(record))):
        if reasons:
            found[code] = reasons
    texts = app_texts(record)
    claims = [r for rule in rubric.rules("evidence", "claims")
              for r in find(rule, texts, look_ahead=True, status="claimed")]
    verified = [code for code in config["order"] if code in found]
    best = verified[0] if verified else ("claimed" if claims else "unknown")
    notes = []
    old = _old_recognition(record, best, today)
    if old:
        notes.append(config["notes"]["recognition_old"].format(
            years=config["recognition_valid_years"], date=old))
    if promotes_unproven and verified:
        # The verified source stays visible; `recommendable` keeps the app from being advised.
        notes.append(config["notes"]["unproven"])
    confidence = "low" if not verified else ("medium" if notes else "high")
    aids, aid_reasons = find_codes(rubric.rules("guideline_aids"), texts,
                                   vetoed_by=redirected_group())
    # The best source first, then the other verified ones, the maker's own claims, the aids.
    reasons = [r for code in verified for r in found[code]] + claims + aid_reasons
    return rating(best, "; ".join([config["labels"][best], *notes]), confidence, reasons,
                  guideline_aids=aids)
