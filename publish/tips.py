"""Blended-care tips per consult, from what this app really offers (its ratings) and the practice
in shared/DOMAIN.md (seed 003): look at the app together at the intake, fold it into the stop
plan, come back to its statistics every follow-up, treat a slip as a learning moment."""

from __future__ import annotations

STORE_NAMES = {"android": "Google Play", "ios": "de App Store"}
STATISTICS = {
    "dagen_rookvrij": "de teller van dagen rookvrij (\"98 dagen niet gerookt: wat doet dat met je?\")",
    "geld_bespaard": "het bespaarde geld (waar gaat de patiënt het aan uitgeven?)",
    "sigaretten_niet_gerookt": "het aantal niet-gerookte sigaretten",
    "gezondheid_mijlpalen": "de gezondheidsmijlpalen (wat merkt de patiënt zelf al?)",
    "dagboek": "het dagboek (welke momenten waren moeilijk, en wat hielp?)",
    "beloningen": "de behaalde badges of prestaties",
}


def _value(app: dict, dimension: str) -> dict | list:
    return (app.get("ratings") or {}).get(dimension, {}).get("value") or {}


def _components(app: dict) -> tuple[list[str], list[str]]:
    components = _value(app, "components")
    return components.get("checklist", []), components.get("features", [])


def _labels(codes, labels: dict) -> list[str]:
    return [labels.get(code, code).lower() for code in codes]


def _names(codes, labels: dict) -> str:
    names = _labels(codes, labels)
    return ", ".join(names[:-1]) + (" en " if len(names) > 1 else "") + names[-1] if names else ""


def intake(app: dict, labels: dict) -> list[str]:
    name, (checklist, features) = app["name"], _components(app)
    stores = [STORE_NAMES[p] for p in app.get("platforms") or [] if p in STORE_NAMES]
    tips = [f"Vertel waarom u {name} aanraadt en bekijk de app samen met de patiënt op uw "
            "eigen telefoon of tablet, zodat de patiënt ziet wat hem te wachten staat."]
    if stores:
        tips.append(f"Laat de patiënt de app in het consult downloaden via {' of '.join(stores)} "
                    "en help bij het aanmaken van een account, als de app daarom vraagt.")
    elif app.get("store_links"):
        tips.append("Open samen de website en maak daar een account aan.")
    else:
        tips.append("Dit programma staat niet in de app-winkels: zoek samen uit hoe de patiënt "
                    "zich aanmeldt (zie de bronnen onderaan).")
    if "intake" in checklist:
        tips.append(f"{name} heeft een eigen intake: laat de patiënt die invullen en bespreek de "
                    "antwoorden meteen.")
    if {"dagen_rookvrij", "geld_bespaard"} & set(features):
        tips.append("Vul samen de stopdag, het aantal sigaretten per dag en de prijs per pakje "
                    "in, zodat de tellers vanaf dag één kloppen.")
    if "buddy" in features:
        tips.append("Leg uit hoe de buddy of het maatje werkt en dat de patiënt die zelf kan "
                    "benaderen.")
    notifications = _value(app, "notifications")
    if notifications.get("has") and notifications.get("configurable"):
        tips.append("Stel samen de meldingen in op momenten die bij de patiënt passen.")
    elif notifications.get("has") is False:
        tips.append(f"{name} stuurt geen meldingen: spreek af op welk moment van de dag de "
                    "patiënt de app opent.")
    return tips


def second_consult(app: dict, labels: dict) -> list[str]:
    name, (checklist, features) = app["name"], _components(app)
    evidence = app.get("ratings", {}).get("evidence", {})
    tips = []
    if "stopplan" in checklist:
        tips.append(f"Neem het stopplan uit {name} over in het stopplan van het consult en zet "
                    "dezelfde stopdatum in beide.")
    else:
        tips.append(f"{name} heeft geen stopplan: maak het stopplan in het consult en schrijf erin "
                    "welke onderdelen van de app de patiënt gaat gebruiken.")
    if "moeilijke_momenten" in checklist or "noodknop" in features:
        tips.append("Spreek af wat de patiënt bij trek doet: "
                    + ("de noodknop in de app gebruiken" if "noodknop" in features
                       else "de oefeningen voor moeilijke momenten in de app doen") + ".")
    aids = evidence.get("guideline_aids") or []
    if aids:
        tips.append(f"De app noemt {_names(aids, labels.get('guideline_aids', {}))}: sluit daarop "
                    "aan bij het gesprek over medicatie.")
    else:
        tips.append("De app zegt niets over bewezen hulpmiddelen: bespreek zelf "
                    "nicotinevervangers, varenicline of cytisine volgens de richtlijn.")
    return tips


def follow_ups(app: dict, labels: dict) -> list[str]:
    name, (_, features) = app["name"], _components(app)
    statistics = [STATISTICS[f] for f in features if f in STATISTICS]
    tips = []
    if statistics:
        tips.append(f"Vraag elk consult naar {statistics[0]}" +
                    (f", en bespreek ook {', '.join(statistics[1:])}." if statistics[1:] else "."))
    else:
        tips.append(f"{name} houdt geen voortgang bij: vraag zelf naar het aantal rookvrije "
                    "dagen en de moeilijke momenten.")
    if _value(app, "blended_care").get("professional_can_view"):
        tips.append("Vraag de patiënt het overzicht of rapport uit de app vóór het consult met u "
                    "te delen, zodat u snel feedback kunt geven.")
    first = next(iter(_labels(features, labels.get("features", {}))), None)
    tips.append("Heeft de patiënt de app nog niet gebruikt? Open hem samen en kies één onderdeel "
                "om mee te beginnen" + (f", bijvoorbeeld: {first}." if first else "."))
    return tips


def relapse_prevention(app: dict, labels: dict) -> list[str]:
    name, (checklist, features) = app["name"], _components(app)
    tips = []
    if "terugvalpreventie" in checklist:
        tips.append(f"{name} helpt na een uitglijder: bespreek samen wat de app adviseert en "
                    "benadruk dat een uitglijder een leermoment is, geen mislukking.")
    else:
        tips.append(f"{name} biedt niets na een uitglijder: bespreek zelf dat een uitglijder een "
                    "leermoment is en plan sneller een extra contact.")
    support = _labels([f for f in ("buddy", "community", "coach") if f in features],
                      labels.get("features", {}))
    if support:
        tips.append(f"Moedig aan om na een moeilijk moment steun te zoeken via de app ({', '.join(support)}).")
    if _value(app, "blended_care").get("refers_to_professional"):
        tips.append("De app verwijst zelf naar professionele hulp; herinner de patiënt eraan dat "
                    "hij ook u of de Stoplijn kan bellen.")
    return tips


def not_suitable(app: dict, labels: dict) -> list[str]:
    ratings = app.get("ratings") or {}
    flags = _value(app, "flags") or []
    language = _value(app, "language")
    reasons = []
    if "unproven_method" in flags:
        reasons.append("Niet aanbevelen: de app promoot een methode die niet bewezen werkt.")
    if "no_dutch" in flags:
        reasons.append("… de patiënt weinig Engels of andere talen leest: de app is niet in het "
                       "Nederlands.")
    readability = language.get("readability") or {}
    if readability.get("score") is not None and readability["score"] < readability.get("b1_minimum", 60):
        reasons.append("… de patiënt moeite heeft met lezen: de tekst is waarschijnlijk moeilijker "
                       f"dan B1 (indicatie, Flesch-Douma {readability['score']:.0f}).")
    cost = _value(app, "blended_care").get("cost")
    if cost in ("betaald", "gratis met betaalde extra's"):
        reasons.append("… de patiënt niet kan of wil betalen: " +
                       ("de app kost geld." if cost == "betaald" else
                        "voor een deel van de app is een betaald abonnement nodig."))
    platforms = set(app.get("platforms") or [])
    if platforms == {"android"}:
        reasons.append("… de patiënt een iPhone heeft: de app is alleen voor Android.")
    elif platforms == {"ios"}:
        reasons.append("… de patiënt een Android-telefoon heeft: de app is alleen voor iPhone.")
    groups = _value(app, "target_groups") or []
    if groups and "algemeen" not in groups:
        reasons.append("… de patiënt niet tot de doelgroep hoort: de app is gemaakt voor "
                       f"{_names(groups, labels.get('target_groups', {}))}.")
    if ratings.get("evidence", {}).get("value") in ("claimed", "onbekend"):
        reasons.append("… u bewezen effect zoekt: er is geen onafhankelijke onderbouwing bekend; "
                       "gebruik de app naast uw begeleiding, niet in plaats daarvan.")
    return reasons or ["Geen bijzondere beperkingen gevonden in de beschrijving."]


CONSULTS = (("Intake", intake), ("Tweede consult: het stopplan", second_consult),
            ("Vervolgconsulten", follow_ups), ("Terugvalpreventie", relapse_prevention),
            ("Niet geschikt als…", not_suitable))


def consult_tips(app: dict, labels: dict) -> list[tuple[str, list[str]]]:
    return [(title, tips(app, labels)) for title, tips in CONSULTS]
