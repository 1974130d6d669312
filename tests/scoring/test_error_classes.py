"""Each error class of issue 16 with texts of its own (none of them is in the held-out set):
the errors that would turn a POH's advice upside down."""

import pytest

from scoring import rate


def rated(description, **record):
    return rate({"name": "Testapp", "description": description, **record})


def groups(description, **record):
    return rated(description, **record)["target_groups"]["value"]


@pytest.mark.parametrize("text", [
    "Niet geschikt voor wie jonger is dan 16: zij vinden hulp bij de jongerencoach.",
    "This app is not meant for people with heart disease.",
    "Overleg eerst met je arts als je zwanger bent, deze app is daar niet voor gemaakt.",
    "Zwangere vrouwen verwijzen we naar hun verloskundige.",
    "Teenagers should not use this app; ask your school nurse instead.",
    "Ben je zwanger? Download deze app dan niet en bel je verloskundige.",
    "Niet bedoeld voor mensen met COPD of astma.",
    "Not suitable for students aged 18 to 24.",
])
def test_a_group_named_to_exclude_or_redirect_it_is_no_target_group(text):
    assert groups(text) == ["algemeen"]


@pytest.mark.parametrize("text, expected", [
    ("Geschikt voor zwangere vrouwen en hun partner. Niet voor tieners.", ["zwanger"]),
    ("Voor tieners. Niet geschikt voor mensen met diabetes.", ["jongeren"]),
])
def test_an_exclusion_voids_only_the_group_in_its_own_sentence(text, expected):
    assert groups(text) == expected


@pytest.mark.parametrize("text", [
    "Stoppen verkleint de kans op chronische aandoeningen zoals COPD.",
    "Kies een thema, bijvoorbeeld diabetes, stress of slapen.",
    "Smoking is a leading cause of heart disease and asthma attacks.",
    "Wie stopt, heeft minder risico op hart- en vaatziekten.",
    "Lees artikelen over astma en roken.",
])
def test_a_condition_named_as_benefit_risk_or_topic_is_no_target_group(text):
    assert groups(text) == ["algemeen"]


@pytest.mark.parametrize("text", [
    "Heb je COPD? Stoppen is het beste wat je kunt doen.",
    "Speciaal voor mensen met diabetes die willen stoppen.",
    "Built for smokers living with heart disease.",
    "Voor hartpatiënten die na een infarct willen stoppen.",
    "Als je astma hebt, helpt deze app je stoppen.",
])
def test_a_text_aimed_at_people_with_a_condition_gives_the_chronic_group(text):
    assert groups(text) == ["chronisch"]


@pytest.mark.parametrize("text, group", [
    ("Zit je krap bij kas? Stoppen scheelt je honderden euro's.", "lage_sep"),
    ("Gemaakt voor wie met een klein budget moet rondkomen.", "lage_sep"),
    ("Voor mensen die van een uitkering moeten rondkomen.", "lage_sep"),
    ("Elke stap staat er als pictogram bij.", "laaggeletterd"),
    ("Alle uitleg is ook als gesproken tekst te beluisteren.", "laaggeletterd"),
    ("Vind je lezen lastig? Tik op de luidspreker.", "laaggeletterd"),
])
def test_target_groups_in_other_words(text, group):
    assert groups(text) == [group]


@pytest.mark.parametrize("text, expected", [
    ("Voor scholieren van 14 tot 18 jaar.", ["jongeren"]),
    ("Voor jonge rokers van 13 t/m 18 jaar.", ["jongeren"]),
    ("Voor jongvolwassenen van 18 tot 25 jaar.", ["jongvolwassenen"]),
    ("Voor iedereen van 16 tot 24 jaar.", ["jongeren", "jongvolwassenen"]),
])
def test_an_age_range_ending_at_18_is_the_young_not_young_adults(text, expected):
    assert groups(text) == expected


def test_an_excluded_age_range_gives_no_group():
    assert groups("Niet geschikt voor kinderen van 10 tot 15 jaar.") == ["algemeen"]


@pytest.mark.parametrize("text, price, cost, ads", [
    ("Voor €2,99 upgrade je naar alle oefeningen.", 0, "free_with_paid_extras", None),
    ("Gratis te gebruiken, met in-app aankopen voor extra thema's.", None,
     "free_with_paid_extras", None),
    ("De app is gratis en bevat reclame.", None, "free", True),
    ("Gratis, zonder reclame en zonder abonnement.", None, "free", False),
    ("Free app. Go Premium for an ad-free experience.", 0, "free_with_paid_extras", True),
    ("Met de betaalde versie verdwijnen de advertenties.", 0, "free_with_paid_extras",
     True),
    ("Stop met roken en zie je voortgang.", None, "unknown", None),
])
def test_cost_and_ads_in_other_words(text, price, cost, ads):
    value = rated(text, price=price)["blended_care"]["value"]
    assert (value["cost"], value["ads"]) == (cost, ads)


def test_ads_are_shown_with_their_reason():
    blended = rated("Deze gratis app toont advertenties.", price=0)["blended_care"]
    assert blended["value"]["ads"] is True
    assert "met reclame" in blended["label"]
    reason = next(r for r in blended["reasons"] if r["rule"] == "ads_shown")
    assert "advertenties" in reason["text"] and reason["source"] == "description"


@pytest.mark.parametrize("text", [
    "Stop met roken met onze kruidenpillen: honderd procent natuur.",
    "Een homeopathische kuur die de trek wegneemt.",
    "Begin met onze detox-week en je bent van de nicotine af.",
    "Draag de magneetarmband en de zin in roken verdwijnt.",
    "Bioresonantie verwijdert de verslaving in één behandeling.",
    "Switch to heated tobacco: the smarter way to quit cigarettes.",
    "Stap over op IQOS en laat de sigaret achter je.",
    "Stoppen zonder ontwenningsverschijnselen dankzij onze methode.",
    "Quit effortlessly with our audio programme.",
])
def test_unproven_methods_in_other_words_are_flagged(text):
    ratings = rated(text)
    assert "unproven_method" in ratings["flags"]["value"]
    assert ratings["recommendable"] is False


@pytest.mark.parametrize("text", [
    "Wij waarschuwen voor hypnose, laser en acupunctuur: daar is geen bewijs voor.",
    "Homeopathie en kruidenmiddelen helpen niet bij het stoppen.",
    "There is no good evidence that magnets or detox teas help you quit.",
    "E-sigaretten zijn geen stopmiddel; overstappen raden we af.",
    "We do not recommend switching to heated tobacco.",
])
def test_a_text_warning_against_a_method_is_not_flagged(text):
    ratings = rated(text)
    assert "unproven_method" not in ratings["flags"]["value"]
    assert ratings["recommendable"] is True


def test_a_warning_ends_at_a_contrast():
    text = "Laser is niet bewezen, maar onze hypnosesessie werkt echt."
    assert "unproven_method" in rated(text)["flags"]["value"]


@pytest.mark.parametrize("text", [
    "Onderzoek toont aan dat onze aanpak werkt.",
    "A science-backed programme for your quit attempt.",
    "Research shows our users quit faster.",
    "Uit onze eigen studie blijkt dat het werkt.",
    "92% van de gebruikers is na een maand nog rookvrij.",
    "Gebruikers hebben drie keer meer kans om te stoppen.",
])
def test_claims_in_other_words_are_claimed_never_verified(text):
    evidence = rated(text)["evidence"]
    assert evidence["value"] == "claimed"
    assert {r["status"] for r in evidence["reasons"]} == {"claimed"}


@pytest.mark.parametrize("text, has", [
    ("Je krijgt een pushmelding zodra je een mijlpaal haalt.", True),
    ("Elke ochtend een sms met een tip.", True),
    ("We sturen je wekelijks een e-mail met je voortgang.", True),
    ("De app herinnert je aan je stopdag.", True),
    ("Gentle nudges keep you on track.", True),
    ("Zet een alarm voor je moeilijke momenten.", True),
    ("De app stuurt je elke dag een nieuwe opdracht.", True),
    ("Je krijgt nooit een melding van ons.", False),
    ("This app never sends notifications.", False),
    ("Houd bij hoeveel je rookt.", None),
])
def test_notifications_in_other_words_and_channels(text, has):
    assert rated(text)["notifications"]["value"]["has"] is has


def test_a_reminder_every_evening_is_a_daily_checkin():
    notifications = rated("De app herinnert je elke avond aan je doel.")["notifications"]
    assert notifications["value"]["kinds"] == ["daily_checkin"]
    assert notifications["reasons"][0]["rule"] == "notif_any"


def test_an_app_that_refers_its_own_group_to_a_professional_still_serves_it():
    text = "Voor zwangere vrouwen: de app verwijst je naar je verloskundige voor begeleiding."
    assert groups(text) == ["zwanger"]


@pytest.mark.parametrize("text, flagged", [
    ("Stop met vapen: de app helpt je stoppen en telt je dagen zonder vape.", False),
    ("A quit-vaping and quit-smoking companion with a quit timer.", False),
    ("Vapen is dé manier om van de sigaret af te komen.", True),
    ("Quit smoking with an e-cigarette from our shop.", True),
    ("Stoppen met roken met de hulp van een e-sigaret.", True),
])
def test_an_e_cigarette_is_flagged_only_when_promoted_as_the_way_to_quit(text, flagged):
    assert ("unproven_method" in rated(text)["flags"]["value"]) is flagged


def test_an_age_range_reaching_old_age_speaks_of_all_ages():
    text = "Getest met 500 rokers van 18 tot 70 jaar: voor iedereen die wil stoppen."
    assert groups(text) == ["algemeen"]


def test_a_condition_in_a_story_about_someone_else_is_no_target_group():
    assert groups("Jan (58) heeft COPD en stopte met deze app.") == ["algemeen"]


def test_see_a_professional_first_excludes_the_groups_named_with_it():
    text = "Ask your GP, nurse or pharmacist first if you have asthma or are expecting a baby."
    assert groups(text) == ["algemeen"]


def test_a_disclaimer_naming_an_aid_advises_no_aid():
    text = "This tracker is no substitute for counselling or a quitline."
    assert rated(text)["blended_care"]["value"]["advises_aids"] is False


def test_an_expert_who_built_the_app_is_no_referral_but_a_claim():
    ratings = rated("A psychologist and two doctors worked on the app for years.")
    assert ratings["blended_care"]["value"]["refers_to_professional"] is False
    assert ratings["evidence"]["value"] == "claimed"


@pytest.mark.parametrize("text", [
    "Recommended by the WHO for everyone who wants to quit.",
    "In our survey, 61% reported they had stopped smoking.",
    "Developed by a medical doctor who quit himself.",
    "Bij de ontwikkeling zijn diverse studies geraadpleegd.",
])
def test_endorsements_own_figures_and_expert_backing_are_claimed(text):
    assert rated(text)["evidence"]["value"] == "claimed"


def test_human_stop_smoking_services_refer_and_support():
    value = rated("Talk to one of our certified advisors or your local stop smoking "
                  "services.")["blended_care"]["value"]
    assert value["refers_to_professional"] is True and value["advises_aids"] is True


@pytest.mark.parametrize("text", [
    "Elke week een tip om vol te houden.",
    "Je krijgt regelmatig een compliment als het goed gaat.",
])
def test_tips_and_compliments_the_app_gives_count_as_notifications(text):
    assert rated(text)["notifications"]["value"]["has"] is True


@pytest.mark.parametrize("text, code", [
    ("Voel je de drang naar een sigaret? Doe een ademhalingsoefening.", "moeilijke_momenten"),
    ("Stoppen verlaagt je risico op longkanker.", "voor_nadelen"),
    ("Ga je toch terug naar de sigaret? Begin gewoon opnieuw.", "terugvalpreventie"),
    ("Identify your triggers with the diary.", "functie_roken"),
])
def test_checklist_elements_in_other_words(text, code):
    assert code in rated(text)["components"]["value"]["checklist"]


def test_a_paid_tier_for_subscribers_is_a_paid_extra():
    value = rated("Subscribers unlock the coaching plans.", price=0)["blended_care"]["value"]
    assert value["cost"] == "free_with_paid_extras"


def test_a_text_critical_of_a_method_stays_critical_when_it_names_it_again():
    text = ("Acupuncture: there is little evidence that it helps you quit. Acupuncture is "
            "also costly. This app gives you a quit plan instead.")
    assert "unproven_method" not in rated(text)["flags"]["value"]


@pytest.mark.parametrize("text, flagged", [
    ("Kruidenmiddelen raden wij niet aan: ze helpen je niet verder.", False),
    ("We do not recommend homeopathic remedies.", False),
    ("Onze natuurlijke anti-rooktabletten halen de zin weg.", True),
    ("Nicotinezakjes zijn de makkelijkste manier om van de sigaret af te komen.", True),
    ("Swap your cigarettes for snus and quit for good.", True),
])
def test_more_methods_and_warnings_in_other_words(text, flagged):
    assert ("unproven_method" in rated(text)["flags"]["value"]) is flagged


def test_aids_named_as_tried_and_failed_are_no_advice():
    text = "Tried patches and nicotine gum without success? Our method is different."
    assert rated(text)["blended_care"]["value"]["advises_aids"] is False


@pytest.mark.parametrize("text", [
    "Met begeleiding is je kans om te stoppen drie keer groter.",
    "Meer dan de helft van de 60 deelnemers is gestopt.",
    "Getest in een studie met 200 rokers.",
])
def test_success_figures_in_other_words_are_claimed(text):
    assert rated(text)["evidence"]["value"] == "claimed"


@pytest.mark.parametrize("text", [
    "Verpleegkundigen van het ziekenhuis begeleiden je via de chat.",
    "You talk by video with a psychologist every week.",
    "Your nurse helps you set a quit date.",
])
def test_professionals_who_guide_you_are_a_referral_and_support(text):
    value = rated(text)["blended_care"]["value"]
    assert value["refers_to_professional"] is True and value["advises_aids"] is True


@pytest.mark.parametrize("text, kinds", [
    ("You get encouraging messages every morning.", ["daily_checkin", "motivation"]),
    ("Bij trek piept je telefoon met een tip.", ["craving_help", "motivation"]),
])
def test_messages_in_other_words_and_their_kinds(text, kinds):
    notifications = rated(text)["notifications"]["value"]
    assert notifications["has"] is True and notifications["kinds"] == kinds


@pytest.mark.parametrize("text, group", [
    ("Heb je weinig te besteden? Stoppen scheelt.", "lage_sep"),
    ("Voor vrouwen die in verwachting zijn.", "zwanger"),
])
def test_more_groups_in_other_words(text, group):
    assert groups(text) == [group]


def test_a_free_trial_followed_by_a_price_is_paid():
    value = rated("Twee weken gratis proberen, daarna € 3,99 per maand.")["blended_care"]["value"]
    assert value["cost"] == "paid"


@pytest.mark.parametrize("text, expected", [
    ("Ben je zwanger? Bespreek eerst met je verloskundige hoe je stopt.", ["zwanger"]),
    ("Voor tieners: ga naar het menu en kies je stopdag.", ["jongeren"]),
    ("Voor zwangere vrouwen. Kijk op de kaart welke verloskundige helpt.", ["zwanger"]),
    ("Zwanger? Je kunt ook terecht bij je verloskundige.", ["zwanger"]),
])
def test_advice_to_see_a_professional_or_a_menu_does_not_exclude_the_group(text, expected):
    assert groups(text) == expected


@pytest.mark.parametrize("text, ads", [
    ("Leer hoe de reclame van de tabaksindustrie je probeert te verleiden.", None),
    ("Tobacco advertising targets young people: learn to see through it.", None),
    ("Met reclame tussendoor, verder gratis.", True),
    ("The app is ad-supported.", True),
])
def test_ads_the_app_shows_not_ads_as_a_topic(text, ads):
    assert rated(text)["blended_care"]["value"]["ads"] is ads
