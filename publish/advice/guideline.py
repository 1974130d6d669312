"""The guideline rules the advice rests on, each with the source a POH can look up (shared seeds
001-003). A tip names one of these rules; the site shows it beside the tip."""

from __future__ import annotations

from dataclasses import dataclass

from publish.advice.facts import tidy

# The sources, named once above the tips (see SOURCES) and by their short name beside each tip.
SOURCES = {"Kwaliteitsregister": "toetsingskader intensieve stoppen-met-rokenbegeleiding van het "
                                 "Kwaliteitsregister Stoppen met Roken",
           "NHG": "NHG-cursus Starten met Stoppen",
           "Trimbos": "Trimbos-verkenning van blended care bij stoppen met roken"}

RULES = {  # rule -> (source, what it says), short: the page shows one beside every tip
    # seed 002: "adequate samenwerking of verwijzing, in elk geval bij ..."
    "verwijzing": ("Kwaliteitsregister", "samenwerken of verwijzen bij ziekte, verslaving, "
                                         "zwangerschap, medicatie"),
    # seed 001: scaling importance and confidence 0-10; "Overweger => korte motivatieverhogende
    # interventie"; "Ongemotiveerd => in volgend contact terugkomen"
    "motivatie": ("NHG", "belang en vertrouwen (0-10)"),
    "overweger": ("NHG", "overweger: korte motiverende interventie"),
    # seed 003: "Ik leg de patiënt niks op, we beslissen samen"
    "samen_beslissen": ("Trimbos", "samen beslissen"),
    # seed 003: "samen de website of de app bekijken"; download and account at the intake
    "samen_bekijken": ("Trimbos", "samen de app of website bekijken"),
    "stopplan": ("Kwaliteitsregister", "stopplan opstellen"),
    # seed 002: "Stoppen voorbereiden (o.a. uitleggen hoe verslaving werkt,
    # ontwenningsverschijnselen bespreken)"; seed 001 lists the withdrawal symptoms
    "voorbereiding": ("Kwaliteitsregister", "stoppen voorbereiden"),
    "functie_roken": ("Kwaliteitsregister", "functie van het roken"),
    "moeilijke_momenten": ("Kwaliteitsregister", "moeilijke momenten bespreken"),
    # seed 001: nicotine replacement, bupropion, nortriptyline, varenicline (+ cytisine in the
    # current guideline); behavioural support with medication works best
    "medicatie": ("NHG", "medicamenteus beleid, met de huisarts"),
    "zwangerschap": ("Kwaliteitsregister", "samenwerken bij zwangerschap"),
    # seed 002: "Minimaal 4 consulten van 10 minuten"; the coach "plant actief contactmomenten";
    # "Louter 'beschikbaar zijn' van de coach volstaat niet"
    "proactief": ("Kwaliteitsregister", "proactief contact, minimaal 4 consulten"),
    # seed 003: come back to the app, its statistics, timely feedback on online modules
    "vervolg": ("Trimbos", "elk consult erop terugkomen"),
    "feedback": ("Trimbos", "tijdig feedback geven"),
    # seed 002: a slip is a learning moment; seed 001: slip versus real relapse
    "uitglijder": ("Kwaliteitsregister", "uitglijder is een leermoment"),
    "terugval": ("NHG", "terugval is geen vergissing"),
    "doelgroep": ("Trimbos", "voor wie het aanbod vooral is"),
    "geschiktheid": ("Trimbos", "e-health past niet bij iedereen"),
    "bewezen_hulp": ("Kwaliteitsregister", "geen onbewezen methoden"),
    "aanmelden": ("Kwaliteitsregister", "samenwerken met andere professionals"),
}

# The five first-choice aids, in the order a POH would name them.
MEDICATION = ("nicotinevervangers (pleister, kauwgom, zuigtablet)", "varenicline", "cytisine",
              "bupropion", "nortriptyline")


@dataclass(frozen=True)
class Tip:
    """One piece of advice, with the guideline rule it follows and, where it rests on one, the
    app's feature (its Dutch label)."""
    text: str
    rule: str
    feature: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "text", tidy(self.text))

    @property
    def basis(self) -> str:
        source, says = RULES[self.rule]
        return f"{source}, {says}"
