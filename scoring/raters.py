"""The raters for who an app is for, its notifications, its fit for blended care, its
components and the warnings about it. Evidence and language have their own modules."""

from __future__ import annotations

import re
from functools import cache

from scoring import rubric
from scoring.matching import find, find_codes, find_negated, sentence_scope
from scoring.reasons import rating, reason
from scoring.texts import Text, app_texts, as_price, plain, sources


@cache
def _excluded_when():
    """Words that say a group named in the sentence is not served (see the rubric)."""
    return rubric.compile_pattern(rubric.section("target_groups", "excluded_when"))


@cache
def redirected_group() -> re.Pattern:
    """A sentence that names a target group to send it elsewhere ("Zwanger? Dan helpt je
    verloskundige je verder met begeleiding; deze app is daar niet op ingericht"): the help it
    names is for that group instead of the app, not advice the app gives."""
    groups = "|".join([rule.pattern.pattern for rule in rubric.rules("target_groups")] +
                      [rf"\b{rubric.section('target_groups', 'named')}\b"])
    return re.compile(rf"^(?=.*?(?:{groups}))(?=.*?{_excluded_when().pattern})", re.I | re.S)


@cache
def _of_others() -> re.Pattern:
    """Words just before an age range that make it someone else's ("ouders van kinderen")."""
    return re.compile(rubric.section("target_groups", "age_range", "of_others"), re.I)


def _bound(match: re.Match, name: str) -> int | None:
    """The range's `low` or `high` end, whichever of the pattern's alternatives gave it
    (low, low2, …: a name can stand only once in a pattern)."""
    return next((int(value) for group, value in match.groupdict().items()
                 if value and group.rstrip("0123456789") == name), None)


def _open_ended(low: int, config: dict) -> list[str]:
    """'13 jaar en ouder' serves every adult and the under-18s; '18+' every adult only."""
    adults, minors = config["open_ended"]["adults"], config["open_ended"]["minors"]
    return [adults] + ([minors] if low <= config["groups"][minors][1] else [])


def _age_groups(texts: list[Text]) -> tuple[list[str], list[dict]]:
    """Groups overlapping a stated age range: '16 tot 25 jaar' is young people and young
    adults; 'niet geschikt voor 12 tot 16 jaar' is neither."""
    config = rubric.section("target_groups", "age_range")
    rule = rubric.rule("target_groups", "age_range")
    codes, reasons = [], []
    for text in texts:
        for match in rule.pattern.finditer(text.text):
            if _excluded_when().search(sentence_scope(text.text, match.start())) or \
                    _of_others().search(text.text[max(0, match.start() - 80):match.start()]):
                continue
            low, high = _bound(match, "low") or 0, _bound(match, "high")
            if high is None:
                overlapping = _open_ended(low, config)
            elif high > config["oldest_young"]:
                continue
            else:
                overlapping = [code for code, (first, last) in config["groups"].items()
                               if low <= last and high >= first and low <= high]
            if overlapping:
                codes += overlapping
                reasons.append(reason(rule.id, text, *match.span()))
    return codes, reasons


def target_groups(record: dict) -> dict:
    config = rubric.section("target_groups")
    texts = app_texts(record)
    stated = [t for t in texts if t.source != "description"
              and any(t.text == plain(s.get("target_group")) for s in sources(record))]
    by_age, age_reasons = _age_groups(texts)
    by_words, reasons = find_codes(rubric.rules("target_groups"), texts,
                                   vetoed_by=_excluded_when())
    young = config["age_range"]["groups"]
    if any(c in young for c in by_age):
        # A stated age range says which of the young it serves ("students aged 14 to 18");
        # an adults' range ("30+") says nothing about them.
        by_words = [c for c in by_words if c not in young]
    codes = [c for c in config["labels"] if c in by_age or c in by_words]
    if not codes:
        return rating([config["default"]], config["labels"][config["default"]], "low", [])
    confidence = "high" if stated else "medium"
    return rating(codes, ", ".join(config["labels"][c] for c in codes), confidence,
                  age_reasons + reasons)


def notifications(record: dict) -> dict:
    config = rubric.section("notifications")
    texts = app_texts(record)
    has_rule, none_rule = rubric.rule("notifications", "has"), rubric.rule("notifications", "none")
    has = find(has_rule, texts)
    # "Geen meldingen" said in so many words, or every notification word negated.
    none = find(none_rule, texts) or \
        ([] if has else find_negated(has_rule, texts, none_rule.unless))
    if none:
        return rating({"has": False, "kinds": [], "configurable": None},
                      config["labels"]["none"], "medium", none)
    configurable = find(rubric.rule("notifications", "configurable"), texts)
    kinds, kind_reasons = find_codes(rubric.rules("notifications", "kinds"), texts) \
        if has or configurable else ([], [])
    if not has and not configurable:
        return rating({"has": None, "kinds": [], "configurable": None},
                      config["labels"]["unknown"], "low", [])
    label = "; ".join(config["labels"][k] for k in kinds) or config["labels"]["some"]
    if configurable:
        label += f" ({config['labels']['configurable']})"
    return rating({"has": True, "kinds": kinds, "configurable": True if configurable else None},
                  label, "medium", has + kind_reasons + configurable)


def _store_price(record: dict) -> tuple[float | None, list[dict]]:
    """The highest price any store asks, with the store that asks it."""
    prices = [(as_price(s.get("price")), s) for s in sources(record)]
    prices = [(p, s) for p, s in prices if p is not None]
    if prices:
        price, entry = max(prices, key=lambda pair: pair[0])
        fact = Text(f"Prijs: € {price:.2f}", plain(entry.get("source")) or "unknown",
                    plain(entry.get("url")), plain(entry.get("seen_at")))
        return price, [reason("store_price", fact, status="verified")]
    price = as_price(record.get("price"))
    if price is None:
        return None, []
    return price, [reason("store_price", Text(f"Prijs: € {price:.2f}", "catalogue"),
                          status="verified")]


def cost(record: dict, texts: list[Text]) -> tuple[str, list[dict]]:
    """The cost code ('free', 'paid', 'free_with_paid_extras' or 'unknown') and why."""
    price, price_reasons = _store_price(record)
    paid = find(rubric.rule("blended_care", "cost", "paid_text"), texts)
    # Paying to remove the ads is a paid extra too ("de versie zonder banners kost € 1,99").
    removal = find(rubric.rule("blended_care", "ads", "paid_removal"), texts)
    extras = find(rubric.rule("blended_care", "cost", "paid_extras"), texts) or removal
    ordered = find(rubric.rule("blended_care", "cost", "ordered_in_app"), texts)
    free = find(rubric.rule("blended_care", "cost", "free_text"), texts)
    trial = find(rubric.rule("blended_care", "cost", "free_trial"), texts)
    reimbursed = find(rubric.rule("blended_care", "cost", "reimbursed"), texts)
    if price:
        return "paid", price_reasons + paid
    if reimbursed and not extras:
        # The insurer pays; a deductible or own contribution named makes it paid.
        return ("paid", paid) if paid else ("free", reimbursed)
    if (price == 0 or free or removal) and (extras or paid or ordered):
        # Free to download, paid to unlock more (a trial of the extras included) or to order
        # its products; an app one pays to rid of its ads is free with them.
        return "free_with_paid_extras", extras + paid + ordered
    if trial and paid:
        # "Een week gratis, daarna € 4,99 per maand": free only to try.
        return "paid", trial + paid
    if paid:
        return "paid", paid
    if extras:
        return "free_with_paid_extras", extras
    if price == 0 or free:
        return "free", price_reasons + free
    return "unknown", []


def ads(texts: list[Text]) -> tuple[bool | None, list[dict]]:
    """Whether the app shows ads: a paid tier that removes them means the free app has them;
    then a text saying it has none; then ads named without a negation."""
    for code, value in (("paid_removal", True), ("none", False), ("shown", True)):
        found = find(rubric.rule("blended_care", "ads", code), texts)
        if found:
            return value, found
    return None, []


def blended_care(record: dict, aids: list[str]) -> dict:
    config = rubric.section("blended_care")
    texts = app_texts(record)
    # Naming where an excluded group goes instead is no referral by the app.
    referral = find(rubric.rule("blended_care", "referral"), texts, vetoed_by=redirected_group())
    sharing = find(rubric.rule("blended_care", "sharing"), texts)
    price, cost_reasons = cost(record, texts)
    shows_ads, ads_reasons = ads(texts)
    value = {"refers_to_professional": bool(referral), "advises_aids": bool(aids),
             "professional_can_view": bool(sharing), "cost": price, "ads": shows_ads}
    said = [config["labels"][k] for k in ("refers_to_professional", "advises_aids",
                                          "professional_can_view") if value[k]]
    label = f"{'; '.join(said) or config['labels']['none']}. {config['cost']['labels'][price]}"
    if shows_ads is not None:
        label += f", {config['ads']['labels'][shows_ads]}"
    # Aids are explained in the evidence rating, which carries their reasons.
    return rating(value, label, "medium", referral + sharing + cost_reasons + ads_reasons)


def components(record: dict) -> dict:
    config = rubric.section("components")
    texts = app_texts(record)
    checklist, reasons = find_codes(rubric.rules("components", "checklist"), texts)
    features, feature_reasons = find_codes(rubric.rules("components", "features"), texts)
    label = config["summary"].format(count=len(checklist))
    if features:
        label += "; " + ", ".join(config["labels"][f].lower() for f in features)
    return rating({"checklist": checklist, "features": features}, label,
                  "medium" if checklist or features else "low", reasons + feature_reasons)


def flags(unproven: list[dict], dutch: bool, price: str) -> dict:
    config = rubric.section("flags")
    codes = [code for code, applies in (("unproven_method", bool(unproven)),
                                        ("no_dutch", not dutch), ("paid", price == "paid"))
             if applies]
    return rating(codes, "; ".join(config["labels"][c] for c in codes) or config["none"],
                  "medium", unproven)
