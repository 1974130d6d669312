"""One rater per question a POH asks about an app. Each returns
{"value", "label", "confidence", "reasons"} with the rule, snippet, source and date behind it."""

from __future__ import annotations

import re

import textstat

from scoring import rubric
from scoring.texts import Text, app_texts, find, reason

textstat.set_lang("nl")


def _sources(record: dict, name: str) -> list[dict]:
    return [s for s in record.get("sources") or [] if s.get("source") == name
            and s.get("available", True)]


def _source_text(entry: dict, fact: str) -> Text:
    return Text(fact, entry["source"], entry.get("url"), entry.get("seen_at"))


def _result(value, label, confidence, reasons, **extra) -> dict:
    return {"value": value, "label": label, "confidence": confidence, "reasons": reasons, **extra}


def _codes(rules, texts, **options) -> tuple[list[str], list[dict]]:
    codes, reasons = [], []
    for rule in rules:
        found = find(rule, texts, **options)
        if found:
            codes.append(rule.code)
            reasons += found
    return codes, reasons


def unproven_methods(record: dict) -> list[dict]:
    return [r for rule in rubric.rules("unproven_methods", "rules")
            for r in find(rule, app_texts(record), check_after=True)]


def evidence(record: dict) -> dict:
    config = rubric.load()["evidence"]
    found: dict[str, list[dict]] = {}
    for entry in _sources(record, "loketgezondleven"):
        code = config["loketgezondleven_levels"].get(entry.get("recognition_level"))
        if code:
            fact = f"{entry.get('title')}: {entry['recognition_level']} " \
                   f"(beoordeeld {entry.get('recognition_date') or 'datum onbekend'})"
            found.setdefault(code, []).append(reason("loket_level", _source_text(entry, fact),
                                                     status="verified"))
    for link in record.get("evidence_links") or []:
        found.setdefault("trial", []).append({
            "rule": "editor_trial", "text": link.get("title") or link["url"], "source": "editor",
            "url": link["url"], "seen": link.get("added"), "status": "verified"})
    for entry in _sources(record, "ggdappstore"):
        score = (entry.get("quality_themes") or {}).get("onderbouwing")
        if isinstance(score, (int, float)) and score >= config["ggd_onderbouwing_minimum"]:
            fact = f"GGD AppStore, thema onderbouwing: {score} van 5"
            found.setdefault("ggd_onderbouwing", []).append(
                reason("ggd_onderbouwing", _source_text(entry, fact), status="verified"))
    for entry in _sources(record, "ikstopnu"):
        if entry.get("recommended"):
            fact = f"Staat in de selectie van ikstopnu.nl: {entry.get('summary') or entry.get('title')}"
            found.setdefault("ikstopnu_selectie", []).append(
                reason("ikstopnu_selection", _source_text(entry, fact), status="verified"))
    claims = [r for rule in rubric.rules("evidence", "claims")
              for r in find(rule, app_texts(record), status="claimed")]
    if claims:
        found.setdefault("claimed", claims)
    best = next((code for code in config["order"] if code in found), "onbekend")
    reasons = found.get(best, []) + (claims if best != "claimed" else [])
    aids, aid_reasons = _codes(rubric.rules("guideline_aids", "rules"), app_texts(record))
    confidence = "hoog" if best not in ("claimed", "onbekend") else "laag"
    return _result(best, config["labels"][best], confidence, reasons + aid_reasons,
                   guideline_aids=aids)


def target_groups(record: dict) -> dict:
    config = rubric.load()["target_groups"]
    stated = [Text(s["target_group"], s["source"], s.get("url"), s.get("seen_at"))
              for s in record.get("sources") or [] if s.get("target_group")]
    codes, reasons = _codes(rubric.rules("target_groups", "rules"), stated + app_texts(record))
    confidence = "hoog" if stated and codes else "middel"
    if not codes:
        codes, confidence = [config["default"]], "laag"
    labels = [config["labels"][c] for c in codes]
    return _result(codes, ", ".join(labels), confidence, reasons)


def detect_language(text: str) -> str | None:
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    if len(words) < 5:
        return None
    stopwords = rubric.load()["language"]["stopwords"]
    shares = {lang: sum(w in set(vocab) for w in words) / len(words)
              for lang, vocab in stopwords.items()}
    best = max(shares, key=shares.get)
    return best if shares[best] >= 0.05 else None


def readability(text: str) -> dict | None:
    config = rubric.load()["language"]["readability"]
    if textstat.lexicon_count(text) < config["minimum_words"]:
        return {"method": config["method"], "score": None,
                "b1_indication": config["labels"]["too_short"]}
    score = round(textstat.flesch_reading_ease(text), 1)
    easy = score >= config["b1_minimum"]
    return {"method": config["method"], "score": score, "b1_minimum": config["b1_minimum"],
            "b1_indication": config["labels"]["easy" if easy else "hard"]}


def language(record: dict) -> dict:
    config = rubric.load()["language"]
    listed = sorted({lang.lower() for lang in record.get("languages") or []})
    description = record.get("description") or ""
    detected = detect_language(description)
    reasons = []
    for entry in record.get("sources") or []:
        if entry.get("languages"):
            fact = f"Talen volgens {entry['source']}: {', '.join(entry['languages'])}"
            reasons.append(reason("store_languages", _source_text(entry, fact), status="verified"))
    if detected:
        reasons.append({"rule": "detected_language", "text": description[:120],
                        "source": "description", "url": None, "seen": None, "status": "derived"})
    dutch = "nl" in listed or detected == "nl"
    dutch_texts = [t.text for t in app_texts(record) if detect_language(t.text) == "nl"]
    level = readability(max(dutch_texts, key=len)) if dutch_texts else None
    others = [lang for lang in listed if lang != "nl"]
    label = config["labels"]["dutch" if dutch else "not_dutch"]
    if others:
        label += f"; ook in: {', '.join(others)}"
    if level and level["score"] is not None:
        label += f". Leesbaarheid (indicatie): {level['b1_indication']} " \
                 f"({level['method']} {level['score']:.0f})"
    return _result({"dutch": dutch, "languages": listed or ([detected] if detected else []),
                    "detected": detected, "readability": level},
                   label, "hoog" if listed else "middel", reasons)


def notifications(record: dict) -> dict:
    config = rubric.load()["notifications"]
    texts = app_texts(record)
    none = find(rubric.rules("notifications", "none")[0], texts, negatable=False)
    if none:
        return _result({"has": False, "kinds": [], "configurable": None},
                       config["labels"]["none"], "middel", none)
    has = find(rubric.rules("notifications", "has")[0], texts)
    kinds, kind_reasons = _codes(rubric.rules("notifications", "kinds"), texts)
    if not has and not kinds:
        return _result({"has": None, "kinds": [], "configurable": None},
                       config["labels"]["unknown"], "laag", [])
    configurable = find(rubric.rules("notifications", "configurable")[0], texts)
    label = "; ".join(config["labels"][k] for k in kinds) or "Stuurt meldingen"
    if configurable:
        label += " (zelf in te stellen)"
    return _result({"has": True, "kinds": kinds, "configurable": bool(configurable) or None},
                   label, "middel", has + kind_reasons + configurable)


def cost(record: dict, texts: list[Text]) -> tuple[str, list[dict]]:
    config = rubric.load()["blended_care"]["cost"]
    price = record.get("price")
    paid_text = find(rubric.rules("blended_care", "cost", "paid_text")[0], texts)
    if (isinstance(price, (int, float)) and price > 0) or paid_text:
        fact = [reason("store_price", Text(f"Prijs in de winkel: € {price:.2f}", "store"),
                       status="verified")] if price else []
        return "betaald", fact + paid_text
    extras = find(rubric.rules("blended_care", "cost", "paid_extras")[0], texts)
    if extras:
        return "extras", extras
    free = find(rubric.rules("blended_care", "cost", "free_text")[0], texts)
    if price == 0 or free:
        return "gratis", free
    return "onbekend", []


def blended_care(record: dict, aids: list[str]) -> dict:
    config = rubric.load()["blended_care"]
    texts = app_texts(record)
    referral = find(rubric.rules("blended_care", "referral")[0], texts)
    sharing = find(rubric.rules("blended_care", "sharing")[0], texts)
    price, cost_reasons = cost(record, texts)
    value = {"refers_to_professional": bool(referral), "advises_aids": bool(aids),
             "professional_can_view": bool(sharing), "cost": config["cost"]["labels"][price]}
    said = [config["labels"][k] for k in ("refers_to_professional", "advises_aids",
                                          "professional_can_view") if value[k]]
    label = "; ".join(said) if said else "Verwijst niet naar professionele hulp"
    return _result(value, f"{label}. {value['cost']}", "middel",
                   referral + sharing + cost_reasons)


def components(record: dict) -> dict:
    texts = app_texts(record)
    checklist, reasons = _codes(rubric.rules("components", "checklist"), texts)
    features, feature_reasons = _codes(rubric.rules("components", "features"), texts)
    labels = rubric.load()["components"]["labels"]
    label = f"{len(checklist)} van 8 onderdelen van de checklist"
    if features:
        label += "; " + ", ".join(labels[f].lower() for f in features)
    return _result({"checklist": checklist, "features": features}, label,
                   "middel" if checklist or features else "laag", reasons + feature_reasons)


def flags(record: dict, unproven: list[dict], language_value: dict, cost_label: str) -> dict:
    labels = rubric.load()["flags"]["labels"]
    codes, reasons = [], []
    if unproven:
        codes.append("unproven_method")
        reasons += unproven
    if not language_value["dutch"]:
        codes.append("no_dutch")
    if cost_label == rubric.load()["blended_care"]["cost"]["labels"]["betaald"]:
        codes.append("paid")
    return _result(codes, "; ".join(labels[c] for c in codes) or "Geen waarschuwingen",
                   "middel", reasons)
