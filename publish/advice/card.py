"""The patient card: one printed page in plain Dutch (B1), only for a recommended app or
programme. The texts are short sentences with everyday words; tests/site/test_advice.py checks
them with the readability indication."""

from __future__ import annotations

from publish.advice.facts import Facts, tidy

COST = {"free": "De app is gratis.",
        "free_with_paid_extras": "Let op: een deel van de app kost geld.",
        "paid": "Let op: de app kost geld."}
# Only what the app offers for free (Facts.features), in plain words.
FIRST_WEEK = {
    "dagen_rookvrij": "Kijk elke dag hoeveel dagen je niet hebt gerookt.",
    "geld_bespaard": "Kijk hoeveel geld je niet aan roken hebt uitgegeven.",
    "noodknop": "Heb je trek? Druk op de noodknop in de app.",
    "oefeningen": "Heb je trek? Doe een oefening in de app.",  # when there is no emergency button
    "buddy": "Stuur je buddy een bericht als het moeilijk is.",
    "dagboek": "Schrijf in het dagboek wanneer je trek had.",
    "coach": "Lees de berichten van de coach.",
}
SLIP = ("Rook niet verder. Denk na: waar was je en wat gebeurde er? Vertel het je "
        "praktijkondersteuner. Samen kijken jullie wat je de volgende keer anders doet.")
HELP = ("Hulp nodig? Bel je praktijkondersteuner. Of bel de Stoplijn: 0800-1995. Bellen is "
        "gratis. De Stoplijn geeft uitleg en helpt je op weg.")
CALL = "Je praktijkondersteuner belt je in de eerste week na je stopdag."


def patient_card(app: dict, labels: dict) -> dict | None:
    f = Facts(app, labels)
    if not f.recommended:
        return None
    features = [c for c in FIRST_WEEK if c in f.features and f.is_app]
    if "noodknop" in features and "oefeningen" in features:
        features.remove("oefeningen")  # one thing to do when craving hits
    first_week = [FIRST_WEEK[c] for c in features]
    if f.kind == "programme":
        first_week.append(f"Ga naar elke afspraak van {f.name}. Ook als het moeilijk gaat.")
    return {"name": f.name, "start": [tidy(step) for step in _start(f)],
            "links": f.websites if not f.stores else [],
            "first_week": [tidy(item) for item in [*first_week, CALL]], "slip": SLIP, "help": HELP}


def _start(f: Facts) -> list[str]:
    if f.kind == "programme":
        return [f"Je praktijkondersteuner helpt je om je aan te melden bij {f.name}.",
                "Kies samen je stopdag."]
    if f.kind == "online":
        return [f"Ga naar de website van {f.name}.",
                "Maak een account. Je praktijkondersteuner helpt je daarbij.",
                "Vul je stopdag in."]
    where = (f"Zoek {f.name} in {' of '.join(f.stores)}." if f.stores
             else f"Ga naar de website van {f.name}.")
    return [where, ("Download de app. " + COST.get(f.cost, "")).strip(), "Vul je stopdag in.",
            "Laat de app zien aan je praktijkondersteuner bij je volgende afspraak."]
