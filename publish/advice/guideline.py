"""The guideline rules the advice rests on, each with the source a POH can look up. A tip names
one of these keys; the site shows the source beside the tip."""

from __future__ import annotations

from dataclasses import dataclass

from publish.advice.facts import tidy

KWALITEITSREGISTER = "Kwaliteitsregister Stoppen met Roken, toetsingskader"
NHG_COURSE = "NHG-cursus Starten met Stoppen"
BLENDED_CARE = "Trimbos, verkenning blended care bij stoppen met roken"

RULES = {
    # seed 002: "adequate samenwerking of verwijzing, in elk geval bij ..."
    "verwijzing": f"{KWALITEITSREGISTER}: samenwerken of verwijzen bij lichamelijke of psychische "
                  "ziekte, een andere verslaving, zwangerschap of zwangerschapswens en medicatie",
    # seed 001: scaling importance and confidence 0-10; "Overweger => korte motivatieverhogende
    # interventie"; "Ongemotiveerd => in volgend contact terugkomen"
    "motivatie": f"{NHG_COURSE}: motivatie in kaart brengen met belang en vertrouwen (0-10)",
    "overweger": f"{NHG_COURSE}: een overweger krijgt een korte motiverende interventie",
    # seed 003: "Ik leg de patiënt niks op, we beslissen samen"
    "samen_beslissen": f"{BLENDED_CARE}: samen beslissen, de patiënt niets opleggen",
    # seed 003: "samen de website of de app bekijken"; download and account at the intake
    "samen_bekijken": f"{BLENDED_CARE}: bij de intake samen de app of website bekijken",
    "stopplan": f"{KWALITEITSREGISTER}: stopplan opstellen; {BLENDED_CARE}: afspraken over de "
                "app in het stopplan",
    # seed 002: "Stoppen voorbereiden (o.a. uitleggen hoe verslaving werkt,
    # ontwenningsverschijnselen bespreken)"; seed 001 lists the withdrawal symptoms
    "voorbereiding": f"{KWALITEITSREGISTER}: stoppen voorbereiden, uitleggen hoe verslaving werkt "
                     "en ontwenningsverschijnselen bespreken",
    "functie_roken": f"{KWALITEITSREGISTER}: functie van het roken bespreken",
    "moeilijke_momenten": f"{KWALITEITSREGISTER}: moeilijke momenten bespreken; {NHG_COURSE}: "
                          "oefening omgaan met trek",
    # seed 001: nicotine replacement, bupropion, nortriptyline, varenicline (+ cytisine in the
    # current guideline); behavioural support with medication works best
    "medicatie": f"{NHG_COURSE}: medicamenteus beleid; {KWALITEITSREGISTER}: samenwerken bij "
                 "medicatie",
    "zwangerschap": f"{KWALITEITSREGISTER}: samenwerken bij zwangerschap of zwangerschapswens",
    # seed 002: "Minimaal 4 consulten van 10 minuten"; the coach "plant actief contactmomenten"
    "proactief": f"{KWALITEITSREGISTER}: proactief contact, minimaal 4 consulten van 10 minuten; "
                 "alleen 'beschikbaar zijn' volstaat niet",
    # seed 003: come back to the app, its statistics, timely feedback on online modules
    "vervolg": f"{BLENDED_CARE}: in elk vervolgconsult terugkomen op de app en de statistieken",
    "feedback": f"{BLENDED_CARE}: tijdig feedback op doorlopen online modules",
    # seed 002: a slip is a learning moment; seed 001: slip versus real relapse
    "uitglijder": f"{KWALITEITSREGISTER}: een uitglijder is een leermoment, geen mislukte "
                  "stoppoging",
    "terugval": f"{NHG_COURSE}: echte terugval is iets anders dan een vergissing; de ervaring "
                "helpt bij een volgende poging",
    "doelgroep": "Beschrijving van de app: voor wie hij vooral gemaakt is",
    "geschiktheid": f"{BLENDED_CARE}: e-health past niet bij iedereen (taal, lezen, digitale "
                    "vaardigheden)",
    "bewezen_hulp": f"{KWALITEITSREGISTER}: onbewezen methoden worden niet gepromoot; bewezen "
                    "hulp heeft de voorkeur",
    "aanmelden": f"{KWALITEITSREGISTER}: samenwerken met andere professionals",
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
        return RULES[self.rule]
