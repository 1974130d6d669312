""""Check zelf eerst": what a POH should look at herself before she recommends an app or
programme (seed 003: nurses try an app first), filled in from what the catalogue knows."""

from __future__ import annotations

from publish.advice.facts import Facts, joined, lower_first, without_parentheses

GGD_PRIVACY_THEME = "privacy_veiligheid"


def check_first(app: dict, labels: dict) -> list[str]:
    f = Facts(app, labels)
    if not f.recommended:
        return []
    if f.kind == "programme":
        return [
            "Aanbod in de buurt: is er een aanbieder of groep bij de patiënt in de buurt, en hoe "
            "lang is de wachttijd?",
            _cost(f),
            "Samenwerking: hoe houdt de begeleider u op de hoogte, en wie belt de patiënt "
            "na de stopdag?",
        ]
    checks = [f"Probeer {f.name} eerst zelf: doorloop de eerste stappen, zodat u de vragen van "
              "de patiënt kunt beantwoorden.",
              "Account: moet de patiënt een account maken, en welke gegevens (e-mail, "
              "telefoonnummer, geboortedatum) worden daarvoor gevraagd?",
              _cost(f), _ads(f)]
    if "community" in f.features:
        checks.append(f"Chat: {f.it} heeft een community of chat met andere stoppers. Kijk of "
                      "die wordt gemodereerd en of de toon helpt bij stoppen.")
    checks.append(_privacy(f))
    return checks


def _cost(f: Facts) -> str:
    paid = sorted(f.paid_features)
    if f.cost == "free":
        return "Kosten: gratis volgens de app-winkel of de beschrijving."
    if f.cost == "free_with_paid_extras":
        part = (f" ({joined([lower_first(without_parentheses(f.label(c))) for c in paid])})"
                if paid else "")
        return (f"Kosten: een deel kost geld{part}. Is het gratis deel genoeg voor deze "
                "patiënt?")
    if f.cost == "paid":
        return f"Kosten: {f.it} kost geld. Kan en wil de patiënt dat betalen?"
    return ("Kosten: onbekend. Vraag het de aanbieder, en of de zorgverzekeraar het vergoedt.")


def _ads(f: Facts) -> str:
    if f.ads is True:
        return (f"Reclame: {f.it} toont reclame. Kijk of die past bij stoppen met roken (geen "
                "reclame voor e-sigaretten of tabak).")
    if f.ads is False:
        return "Reclame: volgens de beschrijving geen reclame."
    return f"Reclame: onbekend. Let erop als u {f.it} zelf probeert."


def _privacy(f: Facts) -> str:
    if f.privacy and f.privacy.get("label"):
        return f"Privacy: {f.privacy['label']}."
    scores = [s["quality_themes"][GGD_PRIVACY_THEME] for s in f.app.get("sources") or []
              if s.get("source") == "ggdappstore" and GGD_PRIVACY_THEME in
              (s.get("quality_themes") or {})]
    if scores:
        score = f"{scores[0]:g}".replace(".", ",")
        return (f"Privacy: de GGD AppStore geeft privacy & veiligheid {score} van 5. Lees "
                f"ook zelf welke gegevens {f.it} deelt.")
    return ("Privacy: geen beoordeling bekend. Lees de privacyverklaring: welke gegevens "
            f"verzamelt en deelt {f.it}?")
