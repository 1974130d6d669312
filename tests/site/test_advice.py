"""Advice a POH can act on (publish/advice): tips per consult from the guideline and the app's own
features, per kind of app or programme; "check zelf eerst"; what to say about an app that is not
recommended; and the patient card in plain Dutch. Unit tests on app dicts shaped like the site
data, then the demo site as built."""

import gzip
import html
import re

import pytest

from publish.advice import advice, already_using, check_first, consult_tips, patient_card
from publish.advice.facts import short_name
from publish.advice.guideline import RULES
from scoring import rubric
from scoring.language import readability

LABELS = rubric.labels()
FORBIDDEN_ON_CARDS = ("gespaard", "Dat is niet erg", "wat hem te wachten staat")


def reason(rule, text, source="appstore"):
    return {"rule": rule, "text": text, "source": source, "status": "derived",
            "seen": "2026-12-01", "url": "https://apps.apple.com/nl/app/id1"}


def make_app(name="Stopapp - stop met roken", *, kind="app", platforms=("android", "ios"),
             checklist=(), features=(), feature_reasons=(), cost="free", cost_reasons=(),
             groups=("algemeen",), aids=(), flags=(), flag_reasons=(), recommendable=True,
             notifications=None, ads=None, privacy=None, websites=(), sources=()):
    blended = {"refers_to_professional": False, "advises_aids": bool(aids),
               "professional_can_view": False, "cost": cost}
    if ads is not None:
        blended["ads"] = ads
    ratings = {
        "recommendable": recommendable,
        "evidence": {"value": "ggd_onderbouwing", "guideline_aids": list(aids), "reasons": []},
        "target_groups": {"value": list(groups), "reasons": []},
        "components": {"value": {"checklist": list(checklist), "features": list(features)},
                       "reasons": list(feature_reasons)},
        "blended_care": {"value": blended, "reasons": list(cost_reasons)},
        "notifications": {"value": notifications or {"has": None}, "reasons": []},
        "flags": {"value": list(flags), "reasons": list(flag_reasons)},
        "language": {"value": {"dutch": True, "readability": {"score": 70, "b1_minimum": 60}}},
    }
    if privacy:
        ratings["privacy"] = privacy
    return {"app_id": "stopapp", "name": name, "kind": kind, "platforms": list(platforms or []),
            "description": "", "summary": None, "ratings": ratings, "sources": list(sources),
            "store_links": [{"label": "Website", "url": url} for url in websites]}


def texts(tips):
    return [tip.text for tip in tips]


def consult(app, title):
    return " ".join(texts(dict(consult_tips(app, LABELS))[title]))


def all_tip_text(app):
    return " ".join(text for _, tips in consult_tips(app, LABELS) for text in texts(tips))


# --- intake ------------------------------------------------------------------------------------

def test_the_intake_checks_for_referral_and_motivation_before_any_stop_day():
    intake = consult(make_app(), "Intake")
    for topic in ("lichamelijke ziekten", "psychische klachten", "andere verslaving",
                  "zwangerschapswens", "medicijnen", "huisarts", "verloskundige"):
        assert topic in intake
    assert "belangrijk" in intake and "vertrouwen" in intake and "0 tot 10" in intake
    assert "overweger" in intake and "spreek nog geen stopdag af" in intake
    assert "Spreek dan samen een stopdag af" not in intake  # that belongs to the stop plan
    assert "Spreek dan samen een stopdag af" in consult(make_app(), "Tweede consult: het stopplan")


def test_the_intake_asks_whether_the_patient_wants_an_app_and_looks_at_it_together():
    intake = consult(make_app(), "Intake")
    assert intake.index("een app wil gebruiken") < intake.index("samen op uw eigen telefoon")
    assert "Google Play of de App Store" in intake


def test_especially_for_a_group_is_a_preference_not_an_exclusion():
    app = make_app(groups=["lage_sep", "laaggeletterd"])
    intake = consult(app, "Intake")
    assert "vooral gemaakt voor mensen met weinig geld of een lagere opleiding (lage SEP)" in intake
    assert "voorkeur, geen voorwaarde" in intake
    assert "doelgroep" not in " ".join(texts(dict(consult_tips(app, LABELS))["Niet geschikt als…"]))


# --- stop plan and medication ------------------------------------------------------------------

@pytest.mark.parametrize("kind, platforms", [("app", ["android"]), ("programme", None)])
def test_the_stop_plan_names_all_five_aids_with_the_huisarts_timed_to_the_stop_day(kind, platforms):
    plan = consult(make_app("VoorZorg", kind=kind, platforms=platforms), "Tweede consult: het stopplan")
    for aid in ("nicotinevervangers", "varenicline", "cytisine", "bupropion", "nortriptyline"):
        assert aid in plan
    assert "altijd in overleg met de huisarts" in plan
    assert "vóór de stopdag" in plan and "vanaf de stopdag" in plan
    assert "zwanger" in plan and "verloskundige" in plan
    assert "bespreek zelf nicotinevervangers" not in plan
    assert "ontwenningsverschijnselen" in plan  # preparing to quit, seed 002


def test_a_programme_for_pregnant_women_sends_medication_questions_to_the_verloskundige():
    plan = consult(make_app("VoorZorg", kind="programme", platforms=None, groups=["zwanger"]),
                   "Tweede consult: het stopplan")
    assert "Bij zwangerschap of een zwangerschapswens" in plan
    assert "overleg over medicatie met de verloskundige en de huisarts" in plan
    assert "Begin met begeleiding zonder medicatie" in plan


def test_the_apps_own_stop_plan_and_aids_are_folded_into_the_consult():
    app = make_app(checklist=["stopplan"], aids=["nicotinevervanging", "varenicline"])
    plan = consult(app, "Tweede consult: het stopplan")
    assert "Neem het stopplan uit Stopapp over" in plan
    assert "Stopapp noemt nicotinevervangers (pleisters, kauwgom, zuigtabletten) en varenicline" in plan


# --- follow-ups and relapse --------------------------------------------------------------------

def test_follow_ups_reach_out_in_the_first_week_and_plan_four_consults():
    app = make_app(features=["dagen_rookvrij"])
    assert "minstens vier consulten van tien minuten" in consult(app, "Tweede consult: het stopplan")
    follow_ups = consult(app, "Vervolgconsulten")
    assert "Bel de patiënt zelf in de eerste week na de stopdag" in follow_ups
    assert "98 dagen niet gerookt" in follow_ups
    assert "Herinner de patiënt eraan dat hij ook u kan bellen" not in all_tip_text(app)


def test_relapse_prevention_treats_a_slip_and_a_relapse_apart():
    relapse = consult(make_app(), "Terugvalpreventie")
    assert "uitglijder" in relapse and "leermoment, geen mislukte stoppoging" in relapse
    assert "terugval" in relapse and "nieuwe stopdag" in relapse
    assert "0800-1995" in relapse


# --- programmes --------------------------------------------------------------------------------

def test_a_programme_gets_enrolment_and_referral_tips_never_open_the_app():
    app = make_app("Voel je Vrij!", kind="programme", platforms=None, checklist=["intake"],
                   websites=["https://www.momentumtraining.nl"])
    tips = all_tip_text(app)
    assert "hoe de patiënt zich aanmeldt: via de aanbieder (https://www.momentumtraining.nl)" in tips
    assert "Verwijs met toestemming van de patiënt" in tips
    for app_words in ("open de app", "op uw eigen telefoon", "downloaden", "in de app"):
        assert app_words not in tips
    assert advice(app, LABELS)["checklist_unknown"] is True
    assert advice(make_app(), LABELS)["checklist_unknown"] is False


def test_an_online_programme_gets_the_website_and_timely_feedback():
    app = make_app("Online stoppen", kind="website", platforms=None,
                   websites=["https://example.org/stoppen"])
    tips = all_tip_text(app)
    assert "Bekijk dan samen de website van Online stoppen (https://example.org/stoppen)" in tips
    assert "Geef snel feedback" in tips and "open de app" not in tips


# --- no tip names what the app lacks -----------------------------------------------------------

def test_a_stop_smoking_coach_named_as_outside_help_is_no_coach_in_the_app():
    stoptober = make_app("Stoptober", features=["dagen_rookvrij", "coach", "community"],
                         feature_reasons=[reason("feat_coach", "…Stoppen met hulp van je huisarts "
                                                 "of een stoppen-met-rokencoach vergroot je kans")])
    card = patient_card(stoptober, LABELS)
    assert not any("coach" in line for line in card["first_week"])
    assert "bij de coach" not in all_tip_text(stoptober)
    coach_app = make_app("De Stopcoach", features=["coach"],
                         feature_reasons=[reason("feat_coach", "De Stopcoach helpt je stoppen. "
                                                 "Een virtuele coach is er elke dag voor je.")])
    assert "Lees de berichten van de coach." in patient_card(coach_app, LABELS)["first_week"]


def test_exercises_are_offered_only_when_the_app_has_them():
    smoke_alert = make_app("Smoke alert", checklist=["moeilijke_momenten"], features=["dagen_rookvrij"])
    assert "oefening" not in all_tip_text(smoke_alert)
    detour = make_app("Detour", checklist=["moeilijke_momenten"], features=["oefeningen"])
    assert "een oefening in de app doen" in consult(detour, "Tweede consult: het stopplan")


def test_a_paid_feature_is_not_on_the_card_and_is_named_in_the_cost_check():
    smoke_free = make_app("Smoke Free - Quit Smoking Now", cost="free_with_paid_extras",
                          features=["geld_bespaard", "dagboek", "oefeningen"],
                          cost_reasons=[reason("cost_extras", "…how to combine them. Free, with a "
                                               "premium upgrade (paid) for all missions and the "
                                               "diary.")])
    card = patient_card(smoke_free, LABELS)
    assert not any("dagboek" in line or "oefening" in line for line in card["first_week"])
    assert "Download de app. Let op: een deel van de app kost geld." in card["start"]
    assert "Kosten: een deel kost geld (dagboek en oefeningen)" in " ".join(
        check_first(smoke_free, LABELS))


def test_an_app_without_a_website_never_gets_an_empty_link():
    programme = patient_card(make_app("CATCH", kind="programme", platforms=None), LABELS)
    assert programme["links"] == [] and not any("website" in s for s in programme["start"])
    app = patient_card(make_app("Webapp", platforms=None, websites=["https://example.org"]), LABELS)
    assert app["start"][0] == "Ga naar de website van Webapp." and app["links"] == ["https://example.org"]


# --- labels in running text --------------------------------------------------------------------

def test_labels_keep_acronyms_and_are_never_nested_in_parentheses():
    app = make_app(groups=["lage_sep"], features=["buddy", "community", "coach"],
                   feature_reasons=[reason("feat_coach", "Een persoonlijke coach belt je.")])
    tips = all_tip_text(app)
    assert "(lage SEP)" in tips and "lage sep" not in tips
    assert not re.search(r"\([^()]*\(", tips)
    assert "steun te zoeken in de app, bij de buddy, in de community of bij de coach" in tips


def test_every_tip_names_a_guideline_rule():
    app = make_app(checklist=["stopplan", "intake", "terugvalpreventie"],
                   features=["dagen_rookvrij", "noodknop", "buddy"])
    tips = [tip for _, consult_list in consult_tips(app, LABELS) for tip in consult_list]
    assert all(tip.rule in RULES for tip in tips)
    assert {tip.feature for tip in tips} >= {"Noodknop bij trek", "Stopplan en stopdatum"}


# --- check zelf eerst --------------------------------------------------------------------------

def test_check_first_reads_ads_and_privacy_when_present_and_says_unknown_when_not():
    bare = " ".join(check_first(make_app(), LABELS))
    assert "Account:" in bare and "Kosten: gratis" in bare
    assert "Reclame: onbekend" in bare and "Privacy: geen beoordeling bekend" in bare
    known = " ".join(check_first(make_app(ads=True, features=["community"], privacy={
        "value": "matig", "label": "Deelt gegevens met adverteerders"}), LABELS))
    assert "Reclame: de app toont reclame" in known
    assert "Privacy: Deelt gegevens met adverteerders." in known
    assert "gemodereerd" in known
    ggd = make_app(sources=[{"source": "ggdappstore", "quality_themes": {"privacy_veiligheid": 3.5}}])
    assert "privacy & veiligheid 3,5 van 5" in " ".join(check_first(ggd, LABELS))


# --- not recommended ---------------------------------------------------------------------------

def hypnosis_app(features=()):
    return make_app("Stop Smoking Hypnosis - Quit Now", recommendable=False, features=features,
                    flags=["unproven_method"],
                    flag_reasons=[reason("unproven_hypnosis", "…one session with powerful hypnosis!")])


def test_an_app_that_is_not_recommended_gets_no_tips_and_no_card_but_an_answer():
    app = hypnosis_app(features=["dagen_rookvrij"])
    assert consult_tips(app, LABELS) == [] and patient_card(app, LABELS) is None
    assert check_first(app, LABELS) == []
    answer = " ".join(texts(already_using(app, LABELS)))
    assert "hypnose niet bewezen helpt" in answer
    for proven in ("begeleiding door u of de Stoplijn", "nicotinevervangers", "varenicline",
                   "cytisine", "in overleg met de huisarts"):
        assert proven in answer
    assert "Wat mag blijven: de teller van dagen rookvrij" in answer
    assert "aanra" not in answer.lower()
    assert already_using(make_app(), LABELS) == []


# --- patient card ------------------------------------------------------------------------------

def test_short_names_drop_the_store_tail():
    assert short_name("QuitNow! - Stop met roken") == "QuitNow!"
    assert short_name("Smokefree: quit smoking now") == "Smokefree"
    assert short_name("Rookvrij! Ook jij?") == "Rookvrij! Ook jij?"
    assert "QuitNow!." not in all_tip_text(make_app("QuitNow! - Stop met roken"))


def card_text(card):
    return " ".join([*card["start"], *card["first_week"], card["slip"], card["help"]])


def test_the_card_is_plain_dutch_with_the_stoplijn_and_a_call_in_the_first_week():
    card = patient_card(make_app(features=["dagen_rookvrij", "geld_bespaard", "noodknop",
                                           "oefeningen", "buddy", "dagboek"]), LABELS)
    text = card_text(card)
    assert "0800-1995" in card["help"] and "gratis" in card["help"]
    assert "belt je in de eerste week na je stopdag" in text
    assert sum("Heb je trek?" in line for line in card["first_week"]) == 1
    for phrase in FORBIDDEN_ON_CARDS:
        assert phrase not in text
    level = readability(text)
    assert level["score"] >= level["b1_minimum"], level


# --- the demo site -----------------------------------------------------------------------------

NOT_RECOMMENDED = ("stop-smoking-hypnosis", "vapestop")
PROGRAMMES = ("catch-samen-sterker-stoppen", "voel-je-vrij", "rookvrij-ook-jij", "voorzorg")


def page(site, app_id):
    """The page's own content, without the navigation and table of contents around it."""
    markup = (site / "apps" / app_id / "index.html").read_text(encoding="utf-8")
    return markup.split("<article", 1)[1].split("</article>", 1)[0]


def visible_text(markup):
    markup = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.S)
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", markup)))


def test_every_demo_card_has_write_in_lines_and_reads_as_b1(built_site):
    _, site = built_site
    cards = sorted((site / "kaart").glob("*.html"))
    assert len(cards) == 18  # 25 apps, five off topic (no page), two not recommended
    for path in cards:
        text = visible_text(path.read_text(encoding="utf-8"))
        for line in ("Mijn stopdag:", "Mijn volgende afspraak:",
                     "Telefoonnummer van mijn praktijkondersteuner:", "Stoplijn: 0800-1995"):
            assert line in text, path.name
        for phrase in (*FORBIDDEN_ON_CARDS, "Ga naar de website: .", "Ga naar de website van ."):
            assert phrase not in text, path.name
        if "window.__xss" in text:
            continue  # the hostile app's card: its name is 600 characters of "Stop"
        body = text.split("Stoppen met roken met", 1)[1]
        level = readability(body)
        assert level["score"] >= level["b1_minimum"], (path.name, level)


def test_demo_cards_name_only_what_the_app_offers(built_site):
    _, site = built_site
    card = lambda app_id: visible_text((site / "kaart" / f"{app_id}.html").read_text(encoding="utf-8"))
    assert "coach" not in card("stoptober").split("Stoppen met roken met Stoptober")[1]
    assert "Lees de berichten van de coach." in card("de-stopcoach")
    assert "dagboek" not in card("smoke-free")
    assert "Zoek QuitNow! in Google Play of de App Store." in card("quitnow")
    assert "Stop met roken" not in card("quitnow").split("Zo begin je")[1]


def test_demo_programme_pages_have_no_app_tips_and_unknown_checklist_elements(built_site):
    _, site = built_site
    for app_id in PROGRAMMES:
        text = visible_text(page(site, app_id))
        tips = text.split("Tips per consult", 1)[1].split("Downloaden en bronnen")[0]
        assert "zich aanmeldt" in tips, app_id
        for app_words in ("open de app", "op uw eigen telefoon", "downloaden"):
            assert app_words not in tips, app_id
        table = text.split("Kwaliteitsregister", 1)[1].split("Check zelf eerst")[0]
        assert "onbekend: vraag het de aanbieder" in table and " nee" not in table, app_id


def test_demo_pages_that_are_not_recommended_answer_the_patient_already_using_it(built_site):
    _, site = built_site
    for app_id in NOT_RECOMMENDED:
        markup = page(site, app_id)
        text = visible_text(markup)
        assert "Gebruikt uw patiënt deze app al?" in text
        assert "Tips per consult" not in text and "Check zelf eerst" not in text
        assert "aanra" not in text.lower(), app_id
        assert "kaart/" not in markup and not (site / "kaart" / f"{app_id}.html").exists()
    assert "Wat mag blijven: de teller van bespaard geld" in visible_text(page(site, "vapestop"))


def test_demo_tips_show_why_and_follow_the_guideline(built_site):
    _, site = built_site
    quiddy = visible_text(page(site, "quiddy"))
    assert "Bij elke tip staat de bron: Kwaliteitsregister (toetsingskader" in quiddy
    assert "(Kwaliteitsregister, samenwerken of verwijzen bij ziekte" in quiddy
    assert "(Kwaliteitsregister, moeilijke momenten bespreken; onderdeel: Noodknop bij trek)" in quiddy
    assert "Check zelf eerst" in quiddy
    de_stopcoach = visible_text(page(site, "de-stopcoach"))
    # The maker's own declaration (Google Play Data safety) is what the POH checks first.
    assert "Privacy: Deelt volgens de maker geen gegevens met derden" in de_stopcoach
    assert "(lage SEP)" in de_stopcoach.split("Tips per consult")[1]


def test_tips_that_are_the_same_on_every_page_stay_out_of_the_search_index(built_site):
    _, site = built_site
    # Pagefind's index: one gzipped fragment per page (publish/mkdocs_hooks.py).
    index = "".join(gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
                    for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert "Leg uit hoe de buddy of het maatje werkt" in index  # rests on Quiddy's buddy
    assert "Doe eerst de verwijscheck" not in index and "Kwaliteitsregister, " not in index
    assert "Doe eerst de verwijscheck" in visible_text(page(site, "quiddy"))


def test_no_demo_page_plays_down_a_slip_or_sounds_ominous(built_site):
    _, site = built_site
    for path in (site / "apps").glob("*/index.html"):
        text = visible_text(page(site, path.parent.name))
        for phrase in (*FORBIDDEN_ON_CARDS, "Ga naar de website: .", "Vertel waarom u"):
            assert phrase not in text, (path.parent.name, phrase)
