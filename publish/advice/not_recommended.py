"""For an app that is not recommended (an unproven method): no tips for using it, but an answer
to "Gebruikt uw patiënt deze app al?" - what to say about the method, which proven help to offer
(seed 002: unproven methods are never promoted, proven aids are preferred), and which harmless
parts may stay in use."""

from __future__ import annotations

from publish.advice.facts import Facts, joined
from publish.advice.guideline import Tip

METHODS = {"unproven_hypnosis": "hypnose", "unproven_laser": "lasertherapie",
           "unproven_acupuncture": "acupunctuur", "unproven_ecig": "overstappen op de e-sigaret",
           "unproven_easyway": "stoppen \"zonder wilskracht\" of met succes gegarandeerd"}
# Parts that only count and show progress: they carry no method of their own.
HARMLESS = {"dagen_rookvrij": "de teller van dagen rookvrij",
            "sigaretten_niet_gerookt": "de teller van niet-gerookte sigaretten",
            "geld_bespaard": "de teller van bespaard geld",
            "gezondheid_mijlpalen": "het overzicht van wat stoppen de gezondheid oplevert",
            "dagboek": "het dagboek"}


def already_using(app: dict, labels: dict) -> list[Tip]:
    f = Facts(app, labels)
    if f.recommended:
        return []
    methods = list(dict.fromkeys(METHODS.get(rule, "de methode die de app aanprijst")
                                 for rule in f.unproven_rules)) or ["de methode die de app "
                                                                    "aanprijst"]
    tips = [
        Tip(f"Zeg eerlijk dat {joined(methods)} niet bewezen {'helpen' if methods[1:] else 'helpt'} bij stoppen met roken. Keur "
            "de patiënt niet af: dat hij wil stoppen is een goede stap, en daar helpt u bij.",
            "bewezen_hulp"),
        Tip("Bied bewezen hulp: begeleiding door u of de Stoplijn (0800-1995, gratis), eventueel "
            "met nicotinevervangers, varenicline of cytisine in overleg met de huisarts. Samen "
            "werken die het best.", "bewezen_hulp"),
    ]
    harmless = [c for c in HARMLESS if c in f.features]
    if harmless:
        tips.append(Tip(f"Wat mag blijven: {joined([HARMLESS[c] for c in harmless])} in de app. "
                        "Dat houdt alleen bij hoe het gaat en mag naast de bewezen hulp in "
                        "gebruik blijven.", "bewezen_hulp", f.label(harmless[0])))
    else:
        tips.append(Tip("De app heeft geen onderdeel dat los van de methode bruikbaar is: bied de "
                        "bewezen hulp in plaats van deze app.", "bewezen_hulp"))
    return tips
