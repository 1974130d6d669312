"""Tips per consult for a POH, from the guideline (shared seeds 001-003: the NHG course, the
Kwaliteitsregister's requirements, Trimbos' study of blended care) and what this app or programme
really offers. Each tip names its guideline rule and, where it rests on one, the app's feature."""

from __future__ import annotations

from publish.advice.facts import Facts, joined, lower_first, without_parentheses
from publish.advice.guideline import MEDICATION, Tip

STATISTICS = {
    "dagen_rookvrij": "de teller van dagen rookvrij (\"98 dagen niet gerookt: wat doet dat met je?\")",
    "geld_bespaard": "het bespaarde geld (waar gaat de patiënt het aan uitgeven?)",
    "sigaretten_niet_gerookt": "het aantal niet-gerookte sigaretten",
    "gezondheid_mijlpalen": "de gezondheidsmijlpalen (wat merkt de patiënt zelf al?)",
    "dagboek": "het dagboek (welke momenten waren moeilijk, en wat hielp?)",
    "beloningen": "de behaalde badges of prestaties",
}
COUNTERS = ("dagen_rookvrij", "geld_bespaard", "sigaretten_niet_gerookt")
SUPPORT = {"buddy": "bij de buddy", "community": "in de community", "coach": "bij de coach"}


def _link(f: Facts) -> str:
    return f" ({f.websites[0]})" if f.websites else " (zie de bronnen onderaan)"


def intake(f: Facts) -> list[Tip]:
    tips = [
        Tip("Doe eerst de verwijscheck: vraag naar lichamelijke ziekten (zoals COPD, hart- en "
            "vaatziekten of diabetes), psychische klachten, een andere verslaving, zwangerschap "
            "of een zwangerschapswens en medicijnen. Speelt er een, werk dan samen met de "
            "huisarts (bij zwangerschap ook de verloskundige) of verwijs door.", "verwijzing"),
        Tip("Vraag hoe belangrijk stoppen is voor de patiënt en hoeveel vertrouwen hij heeft dat "
            "het lukt, elk op een schaal van 0 tot 10, en vraag door: \"Waarom een 6 en geen 4? "
            "Wat is er nodig voor een punt hoger?\"", "motivatie"),
        Tip("Twijfelt de patiënt nog (overweger)? Geef dan een korte motiverende interventie: "
            "laat hem de voor- en nadelen van roken en van stoppen noemen, spreek nog geen "
            "stopdag af en kom er in het volgende contact op terug.", "overweger"),
    ]
    shows_benefits = [c for c in ("voor_nadelen", "gezondheid_mijlpalen") if f.has(c)]
    if shows_benefits and f.kind != "programme":
        tips.append(Tip(f"{f.name} laat zien wat stoppen oplevert; dat kan een overweger helpen "
                        "bij het afwegen.", "overweger", f.label(shows_benefits[0])))
    tips += _offer(f)
    if f.target_groups:
        groups = f.names(f.target_groups, "target_groups")
        if f.kind == "programme":
            tips.append(Tip(f"{f.name} is vooral bedoeld voor {groups}. Hoort de patiënt niet "
                            "tot die groep, vraag de aanbieder dan of hij toch kan meedoen.",
                            "doelgroep"))
        else:
            tips.append(Tip(f"{f.name} is vooral gemaakt voor {groups}. Dat is een voorkeur, "
                            f"geen voorwaarde: ook andere patiënten kunnen {f.it} gebruiken.",
                            "doelgroep"))
    if "intake" in f.checklist:
        tips.append(Tip(f"{f.name} heeft een eigen intake: " +
                        ("vraag de aanbieder, met toestemming van de patiënt, om de uitkomst."
                         if f.kind == "programme" else
                         "laat de patiënt die invullen en bespreek de antwoorden meteen."),
                        "verwijzing", f.label("intake")))
    return tips


def _offer(f: Facts) -> list[Tip]:
    """Ask whether the patient wants it at all, then look at it together or arrange enrolment."""
    if f.kind == "programme":
        return [
            Tip(f"Vraag of de patiënt begeleiding bij {f.name} wil, naast of in plaats van uw "
                "eigen begeleiding. Het is een aanbod: beslis samen.", "samen_beslissen"),
            Tip("Zoek samen uit hoe de patiënt zich aanmeldt: via de aanbieder" + _link(f) +
                ". Vraag of er een aanbieder in de buurt is en of de zorgverzekeraar het vergoedt.",
                "aanmelden"),
            Tip("Verwijs met toestemming van de patiënt, en spreek met de begeleider af "
                "wie wat doet en hoe u elkaar op de hoogte houdt.", "verwijzing"),
        ]
    what = "een app" if f.is_app else "een online programma"
    tips = [Tip(f"Vraag of de patiënt {what} wil gebruiken naast de gesprekken. Het is een "
                f"aanbod: wil hij dat niet, dan begeleidt u hem zonder.", "samen_beslissen")]
    if not f.is_app:
        tips.append(Tip(f"Wil hij het proberen? Bekijk dan samen de website van {f.name}" +
                        _link(f) + " en maak daar samen een account aan.", "samen_bekijken"))
        return tips
    tips.append(Tip(f"Wil hij het proberen? Bekijk {f.name} dan samen op uw eigen telefoon of "
                    "tablet, zodat de patiënt ziet wat de app hem biedt.", "samen_bekijken"))
    if f.stores:
        tips.append(Tip(f"Laat de patiënt {f.name} in het consult downloaden via "
                        f"{' of '.join(f.stores)} en help bij het aanmaken van een account, als "
                        "de app daarom vraagt.", "samen_bekijken"))
    else:
        tips.append(Tip(f"Zoek samen uit waar de patiënt {f.name} kan downloaden" + _link(f) +
                        ".", "samen_bekijken"))
    if "buddy" in f.features:
        tips.append(Tip("Leg uit hoe de buddy of het maatje werkt en dat de patiënt die zelf kan "
                        "benaderen.", "samen_bekijken", f.label("buddy")))
    notifications = f.notifications
    if notifications.get("has") and notifications.get("configurable"):
        tips.append(Tip("Stel samen de meldingen in op momenten die bij de patiënt passen.",
                        "samen_bekijken", "meldingen, in te stellen"))
    elif notifications.get("has") is False:
        tips.append(Tip(f"{f.name} stuurt geen meldingen: spreek af op welk moment van de dag de "
                        "patiënt de app opent.", "samen_bekijken", "geen meldingen"))
    return tips


def stop_plan(f: Facts) -> list[Tip]:
    tips = [Tip("Is de patiënt gemotiveerd? Spreek dan samen een stopdag af en schrijf die in het "
                "stopplan, met de afspraken over " + (f"{f.name}" if f.kind != "app" else
                                                       f"het gebruik van {f.name}") +
                ". Sommige POH's ondertekenen het plan samen met de patiënt.", "stopplan")]
    if f.kind == "programme":
        tips.append(Tip(f"Stem de stopdag af met de begeleider van {f.name}, zodat de "
                        "patiënt één stopdag en één plan heeft.", "stopplan"))
    elif "stopplan" in f.checklist:
        tips.append(Tip(f"Neem het stopplan uit {f.name} over in uw stopplan en zet dezelfde "
                        "stopdag in beide.", "stopplan", f.label("stopplan")))
    else:
        tips.append(Tip(f"{f.name} heeft geen eigen stopplan: schrijf in uw stopplan welke "
                        f"onderdelen de patiënt gaat gebruiken.", "stopplan"))
    counters = [c for c in COUNTERS if c in f.features]
    if counters:
        tips.append(Tip("Vul samen de stopdag, het aantal sigaretten per dag en de prijs per pakje "
                        "in de app in, zodat de tellers vanaf de stopdag kloppen.", "stopplan",
                        f.label(counters[0])))
    if "functie_roken" in f.checklist and f.kind != "programme":
        tips.append(Tip(f"{f.name} helpt de patiënt ontdekken waarom en wanneer hij rookt: gebruik "
                        "dat bij het bespreken van de rookmomenten.", "functie_roken",
                        f.label("functie_roken")))
    tips.append(_difficult_moments(f))
    tips.append(_preparation(f))
    tips += medication(f)
    if f.kind == "programme":
        tips.append(Tip(f"Vraag hoeveel gesprekken {f.name} biedt (minstens vier van tien "
                        "minuten) en plan uw eigen vervolgafspraken ertussen.", "proactief"))
    else:
        tips.append(Tip("Plan nu de vervolgafspraken: in totaal minstens vier consulten van tien "
                        "minuten, en een belafspraak in de eerste week na de stopdag.",
                        "proactief"))
    return tips


def _difficult_moments(f: Facts) -> Tip:
    ideas = "bedenk samen vier dingen die de patiënt bij trek anders kan doen"
    if "noodknop" in f.features:
        return Tip(f"Spreek af wat de patiënt bij trek doet: de noodknop in de app gebruiken, en "
                   f"{ideas.replace('vier', 'nog drie')}.", "moeilijke_momenten",
                   f.label("noodknop"))
    if "oefeningen" in f.features:
        return Tip(f"Spreek af wat de patiënt bij trek doet: een oefening in de app doen, en "
                   f"{ideas.replace('vier', 'nog drie')}.", "moeilijke_momenten",
                   f.label("oefeningen"))
    if "moeilijke_momenten" in f.checklist:
        return Tip(f"{f.name} besteedt aandacht aan moeilijke momenten: kijk samen wat er staat, "
                   f"en {ideas}.", "moeilijke_momenten", f.label("moeilijke_momenten"))
    return Tip(f"Vraag wanneer de patiënt trek verwacht, en {ideas}.", "moeilijke_momenten")


def _preparation(f: Facts) -> Tip:
    symptoms = ("prikkelbaar of gespannen zijn, slecht slapen, moeite met concentreren en meer "
                "trek in eten")
    if "voorbereiding" in f.checklist and f.kind != "programme":
        return Tip(f"{f.name} legt uit hoe verslaving en ontwenning werken: bespreek samen welke "
                   f"ontwenningsverschijnselen de patiënt kan verwachten ({symptoms}).",
                   "voorbereiding", f.label("voorbereiding"))
    return Tip("Leg uit hoe de verslaving aan nicotine werkt en welke ontwenningsverschijnselen "
               f"kunnen komen: {symptoms}. Ze worden na een paar weken minder.", "voorbereiding")


def medication(f: Facts) -> list[Tip]:
    tips = [
        Tip(f"Bespreek medicatie bij de stopdag, altijd in overleg met de huisarts: "
            f"{joined(list(MEDICATION), 'of')}. Begeleiding samen met medicatie werkt het best.",
            "medicatie"),
        Tip("Stem de start af op de stopdag: varenicline en bupropion één tot twee weken vóór de "
            "stopdag, nortriptyline ongeveer een week ervoor, cytisine tot vijf dagen ervoor, "
            "nicotinevervangers vanaf de stopdag. De huisarts schrijft voor en bepaalt de dosis.",
            "medicatie"),
    ]
    if f.aids:
        tips.append(Tip(f"{f.name} noemt {f.names(f.aids, 'guideline_aids')}: sluit daarop aan "
                        "in dit gesprek.", "medicatie", "bewezen hulpmiddelen in de beschrijving"))
    if "zwanger" in f.target_groups:
        tips.append(Tip(f"Bij zwangerschap of een zwangerschapswens, de groep waarvoor {f.name} "
                        "vooral is: overleg over medicatie met de verloskundige en de huisarts. "
                        "Begin met begeleiding "
                        "zonder medicatie; nicotinevervangers alleen in overleg met hen; "
                        "varenicline, cytisine, bupropion en nortriptyline zijn in de "
                        "zwangerschap geen keuze.", "zwangerschap",
                        f.names(["zwanger"], "target_groups")))
    else:
        tips.append(Tip("Is de patiënte zwanger of wil ze zwanger worden? Overleg dan met de "
                        "verloskundige en de huisarts voordat u medicatie bespreekt.",
                        "zwangerschap"))
    return tips


def follow_ups(f: Facts) -> list[Tip]:
    if f.kind == "programme":
        tips = [Tip(f"Spreek af wie de patiënt in de eerste week na de stopdag belt: u of de "
                    f"begeleider van {f.name}. Wacht niet tot de patiënt zelf belt.", "proactief")]
    else:
        tips = [Tip("Bel de patiënt zelf in de eerste week na de stopdag; wacht niet tot hij "
                    "belt. Gaat een afspraak niet door, neem dan zelf contact op.", "proactief")]
    if f.kind == "programme":
        tips.append(Tip(f"Vraag elk consult hoe het gaat bij {f.name}: welke gesprekken of "
                        "bijeenkomsten waren er, en wat nam de patiënt mee? Haakt hij af, neem "
                        "dan contact op met de begeleider.", "vervolg"))
        return tips
    statistics = [c for c in STATISTICS if c in f.features]
    if statistics:
        tips.append(Tip(f"Vraag elk consult naar {STATISTICS[statistics[0]]}" +
                        (f", en bespreek ook {joined([STATISTICS[s] for s in statistics[1:]])}."
                         if statistics[1:] else "."), "vervolg", f.label(statistics[0])))
    elif f.is_app:
        tips.append(Tip(f"{f.name} houdt geen voortgang bij: vraag zelf naar het aantal rookvrije "
                        "dagen en de moeilijke momenten.", "vervolg"))
    if f.blended_care.get("professional_can_view"):
        tips.append(Tip(f"Vraag de patiënt het overzicht of rapport uit {f.name} vóór het consult "
                        "met u te delen, zodat u snel feedback kunt geven.", "feedback",
                        "zorgverlener kan meekijken"))
    if f.is_app:
        first = next((lower_first(without_parentheses(f.label(c))) for c in f.features), None)
        tips.append(Tip(f"Heeft de patiënt {f.name} nog niet gebruikt? Moedig hem aan: open de "
                        "app samen en kies één onderdeel om mee te beginnen" +
                        (f", bijvoorbeeld: {first}." if first else "."), "vervolg"))
    else:
        tips.append(Tip(f"Geef snel feedback op de onderdelen die de patiënt in {f.name} heeft "
                        "gedaan: wie lang op feedback wacht, haakt makkelijk af.", "feedback"))
    return tips


def relapse_prevention(f: Facts) -> list[Tip]:
    tips = [Tip("Na een uitglijder (een paar trekjes of één sigaret): bespreek samen waar, "
                "wanneer en waarom het misging en wat de patiënt de volgende keer anders doet. "
                "Het is een leermoment, geen mislukte stoppoging.", "uitglijder")]
    if "terugvalpreventie" in f.checklist:
        tips.append(Tip(f"{f.name} helpt ook na een uitglijder: bespreek samen wat "
                        f"{f.it} adviseert.", "uitglijder",
                        f.label("terugvalpreventie")))
    tips.append(Tip("Rookt de patiënt weer zoals vroeger (terugval)? Vraag opnieuw naar belang en "
                    "vertrouwen, bespreek wat de poging opleverde en bied een nieuwe poging met "
                    "een nieuwe stopdag aan: stoppen lukt vaak pas na meerdere pogingen.",
                    "terugval"))
    support = [c for c in SUPPORT if c in f.features]
    if support and f.is_app:
        tips.append(Tip("Moedig aan om na een moeilijk moment steun te zoeken in de app, "
                        f"{joined([SUPPORT[c] for c in support], 'of')}.", "uitglijder",
                        f.label(support[0])))
    tips.append(Tip("Bel de patiënt zelf na een uitglijder of een gemiste afspraak. Geef ook het "
                    "nummer van de Stoplijn mee (0800-1995, gratis) voor vragen tussendoor; dat "
                    "vervangt uw eigen contact niet.", "proactief"))
    return tips


def not_suitable(f: Facts) -> list[Tip]:
    reasons = []
    if "no_dutch" in f.flags:
        reasons.append("… de patiënt weinig Engels of andere talen leest: de app is niet in het "
                       "Nederlands.")
    # A programme's text is a description for professionals, not what the patient reads.
    readability = (f.ratings.get("language") or {}).get("value", {}).get("readability") or {}
    if f.kind != "programme" and readability.get("score") is not None and \
            readability["score"] < readability.get("b1_minimum", 60):
        reasons.append("… de patiënt moeite heeft met lezen: de tekst is waarschijnlijk moeilijker "
                       f"dan B1 (indicatie, Flesch-Douma {readability['score']:.0f}).")
    if f.cost in ("paid", "free_with_paid_extras"):
        reasons.append("… de patiënt niet kan of wil betalen: " +
                       ("de app kost geld." if f.cost == "paid" else
                        "voor een deel van de app is een betaald abonnement nodig."))
    platforms = set(f.platforms)
    if platforms == {"android"}:
        reasons.append("… de patiënt een iPhone heeft: de app is alleen voor Android.")
    elif platforms == {"ios"}:
        reasons.append("… de patiënt een Android-telefoon heeft: de app is alleen voor iPhone.")
    evidence = (f.ratings.get("evidence") or {}).get("value")
    if evidence in ("claimed", "unknown"):
        reasons.append("… u bewezen effect zoekt: er is geen onafhankelijke onderbouwing bekend; "
                       f"gebruik {f.it} naast uw "
                       "begeleiding, niet in plaats daarvan.")
    if not reasons:
        reasons = ["Geen bijzondere beperkingen gevonden in de beschrijving."]
    return [Tip(text, "geschiktheid") for text in reasons]


CONSULTS = (("Intake", intake), ("Tweede consult: het stopplan", stop_plan),
            ("Vervolgconsulten", follow_ups), ("Terugvalpreventie", relapse_prevention),
            ("Niet geschikt als…", not_suitable))


def consult_tips(app: dict, labels: dict) -> list[tuple[str, list[Tip]]]:
    """The tips per consult; none for an app that is not recommended (see not_recommended)."""
    facts = Facts(app, labels)
    if not facts.recommended:
        return []
    return [(title, tips(facts)) for title, tips in CONSULTS]
