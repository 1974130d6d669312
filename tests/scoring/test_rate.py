"""The raters on realistic snippets: every rating says why, claims are never proof."""

from datetime import date

import pytest
import yaml

from scoring import DIMENSIONS, rate, rubric
from scoring.evaluate import (HELDOUT, TARGET, TUNING, between, evaluate, label_codes,
                              labelled_items, main)


SECOND_LABELS = TUNING.with_name("second_labels.yaml")


def rated(description, **record):
    return rate({"name": "Testapp", "description": description, **record})


def test_the_output_has_every_dimension_with_its_reasons():
    ratings = rated("Stop met roken. Je krijgt een dagelijkse herinnering.", languages=["nl"])
    assert set(DIMENSIONS) <= set(ratings)
    assert ratings["rubric_version"] == rubric.version()
    for name in DIMENSIONS:
        assert set(ratings[name]) >= {"value", "label", "confidence", "reasons"}
    reason = ratings["notifications"]["reasons"][0]
    assert reason["rule"] == "notif_any" and "herinnering" in reason["text"]
    assert reason["source"] == "description" and reason["status"] == "derived"


def test_a_self_claim_is_claimed_never_verified():
    evidence = rated("Wetenschappelijk bewezen: de beste stop-app!")["evidence"]
    assert evidence["value"] == "claimed"
    assert evidence["confidence"] == "low"
    assert [r["status"] for r in evidence["reasons"]] == ["claimed"]
    assert "niet onafhankelijk bevestigd" in evidence["label"]


def test_a_verified_source_wins_and_the_claim_is_kept_as_claim():
    loket = {"source": "loketgezondleven", "title": "Stopstone", "seen_at": "2026-11-20",
             "recognition_level": "Goed onderbouwd", "recognition_date": "2020-11-12",
             "url": "https://interventies.loketgezondleven.nl/x/1401875",
             "description": "Evidence-based stopprogramma."}
    evidence = rated("Evidence-based stopprogramma.", sources=[loket])["evidence"]
    assert evidence["value"] == "goed_onderbouwd"
    assert [(r["rule"], r["status"]) for r in evidence["reasons"]] == [
        ("loket_level", "verified"), ("claim_science", "claimed")]
    assert evidence["reasons"][0]["seen"] == "2026-11-20"
    assert "2020-11-12" in evidence["reasons"][0]["text"]


@pytest.mark.parametrize("today, old", [(date(2025, 11, 12), False), (date(2025, 11, 13), True)])
def test_a_recognition_older_than_five_years_is_noted_and_less_certain(today, old):
    loket = {"source": "loketgezondleven", "recognition_level": "Goed onderbouwd",
             "recognition_date": "2020-11-12", "url": "https://interventies.loketgezondleven.nl/x/1"}
    evidence = rate({"name": "Stopstone", "sources": [loket]}, today=today)["evidence"]
    assert evidence["value"] == "goed_onderbouwd"
    assert ("erkenning ouder dan 5 jaar (van 2020-11-12)" in evidence["label"]) is old
    assert evidence["confidence"] == ("medium" if old else "high")


@pytest.mark.parametrize("text, flagged", [
    ("Stop met roken met hypnose in één sessie!", True),
    ("Laser therapy is not proven to help you quit.", False),
    ("Geen hypnose, geen laser: gewoon een goed plan.", False),
    ("Stap over op de e-sigaret: dé manier om te stoppen!", True),
    ("Stoppen zonder e-sigaret.", False),
    ("Acupunctuur en laser zijn niet bewezen; wij raden ze af.", False),
])
def test_unproven_methods_are_flagged_unless_negated(text, flagged):
    ratings = rated(text)
    assert ("unproven_method" in ratings["flags"]["value"]) is flagged
    assert ratings["recommendable"] is not flagged


@pytest.mark.parametrize("text, has", [
    ("Geen meldingen: je opent de app wanneer jij wilt.", False),
    ("No notifications, no ads.", False),
    ("Je krijgt een pushbericht als je buddy reageert.", True),
    ("Een app om bij te houden hoeveel je rookt.", None),
])
def test_notifications_read_negation(text, has):
    assert rated(text)["notifications"]["value"]["has"] is has


def test_target_groups_come_from_the_source_field_first():
    loket = {"source": "loketgezondleven", "title": "X", "target_group": "Zwangere vrouwen",
             "seen_at": "2026-11-20"}
    groups = rated("Stoppen met roken.", sources=[loket])["target_groups"]
    assert groups["value"] == ["zwanger"] and groups["confidence"] == "high"
    assert rated("Stoppen met roken.")["target_groups"]["value"] == ["algemeen"]


def test_language_and_readability_indication():
    text = ("Stop met roken. Je krijgt elke dag een tip. Je ziet hoeveel geld je spaart. "
            "Bel de Stoplijn als het moeilijk is. Je kunt het. Wij helpen je elke dag. "
            "Zet je stopdag in de app.")
    language = rated(text, languages=["nl", "en"])["language"]
    assert language["value"]["dutch"] is True
    assert language["value"]["languages"] == ["en", "nl"]
    level = language["value"]["readability"]
    assert level["method"] == "Flesch-Douma" and level["score"] > 60
    assert level["b1_indication"] == "waarschijnlijk B1 of eenvoudiger"
    assert "indicatie" in language["label"]
    english = rated("This app helps you quit smoking with daily tips and a counter.")["language"]
    assert english["value"]["dutch"] is False
    assert "no_dutch" in rated("This app helps you quit smoking with daily tips.")["flags"]["value"]


def test_blended_care_fit_and_cost():
    ratings = rated("Bespreek je voortgang met je huisarts en vraag naar nicotinevervangers. "
                    "Je kunt een weekrapport delen met je praktijkondersteuner. "
                    "Gratis, met een premium abonnement voor extra oefeningen.", price=0.0)
    value = ratings["blended_care"]["value"]
    assert value == {"refers_to_professional": True, "advises_aids": True,
                     "professional_can_view": True, "cost": "free_with_paid_extras",
                     "ads": None}
    assert ratings["evidence"]["guideline_aids"] == ["nicotinevervanging"]
    assert rated("Eenmalige aankoop.", price=1.99)["blended_care"]["value"]["cost"] == "paid"


def test_components_against_the_checklist():
    components = rated("Vul de intake in, maak je stopplan en kies je stopdag. Bij een "
                       "uitglijder helpt de app je verder. Houd een dagboek bij en zie "
                       "hoeveel dagen je rookvrij bent.")["components"]["value"]
    assert components["checklist"] == ["intake", "stopplan", "terugvalpreventie"]
    assert components["features"] == ["dagen_rookvrij", "dagboek"]


# The held-out set's figures and inverted ratings when it was first scored (set 30 at commit
# f854edd, README "Ratings"): a change that lowers a figure, or adds or removes an inverted
# rating, fails, so the README's figures stay the measure and a held-out text is never tuned on.
FIRST_SCORED = {"evidence": 0.85, "dutch": 1.0, "notifications_has": 0.858, "referral": 0.85,
                "aids": 0.825, "view": 0.95, "target_groups": 0.961, "notification_kinds": 0.974,
                "checklist": 0.917, "flags": 0.956, "cost": 0.817, "ads": 0.917}
KNOWN_HELDOUT_INVERSIONS = [
    "Rookbaken: target group jongeren not given by the labels",
    "Smoking info (applicatie van de FOD Volksgezondheid, zoekmachine voor tabaksproducten): "
    "unproven-method flag on a text that does not promote one",
    "Nee tegen vapen (online ouderavond van VWS en Trimbos, Streekgids Achterhoek 2025): "
    "unproven-method flag on a text that does not promote one",
    "Consumentenbond (zelfzorg, welke stopmethoden het meest effectief zijn): unproven-method "
    "flag on a text that does not promote one",
    "My Life, My Quit (KGVO Missoula, Montana Tobacco Quit Line resource): target group "
    "zwanger not given by the labels",
    "Quit Group text service (NZ Herald, launch of the texting service): target group "
    "jongvolwassenen not given by the labels",
    "Humana tobacco cessation program (provider page, FEHB plan members): unproven-method "
    "flag on a text that does not promote one",
    "LloydsPharmacy NHS stop smoking service (stop smoking treatments page): target group "
    "zwanger not given by the labels",
    "National Tobacco Quitline Services India (24x7 Live Newz, VPCI Delhi callers in 2024): "
    "target group jongvolwassenen not given by the labels",
    "Blue Cross and Blue Shield of Minnesota tobacco and vaping support program (member "
    "page): target group jongeren not given by the labels",
    "Veldspaat: unproven-method flag on a text that does not promote one",
    "Askefri Kurs: unproven-method flag on a text that does not promote one",
    "Peukloos Pad: promoted unproven method missed",
    "Tabacstop (Nostalgie Plus, 20 ans d'accompagnement gratuit): unproven-method flag on a "
    "text that does not promote one",
    "Halka Nefes: promoted unproven method missed",
    "清风戒烟: unproven-method flag on a text that does not promote one",
]


def test_the_held_out_set_gates_the_suite():
    """Texts the rules were never tuned on (labelled blind and committed first)."""
    scores, inverted = evaluate(HELDOUT, show=False)
    assert set(scores) == set(FIRST_SCORED)
    assert inverted == KNOWN_HELDOUT_INVERSIONS
    lower = {name: score for name, score in scores.items() if round(score, 3) < FIRST_SCORED[name]}
    assert not lower, lower


def test_the_tuning_set_meets_the_target():
    scores, inverted = evaluate(TUNING, show=False)
    assert inverted == []
    assert all(score >= TARGET for score in scores.values()), scores


@pytest.mark.parametrize("labelled", [TUNING, HELDOUT, SECOND_LABELS])
def test_every_labelled_text_uses_known_codes(labelled):
    """A label the rubric has no code for, or YAML reading `languages: [no]` (Norwegian) as
    false, would count as a disagreement the rubric cannot fix."""
    for item in labelled_items(labelled):
        expect, blended = item["expect"], item["expect"].get("blended") or {}
        assert all(isinstance(code, str) for code in item.get("languages", [])), item["name"]
        for dimension, codes in (("target_groups", expect.get("target_groups")),
                                 ("notification_kinds", (expect.get("notifications") or {}).get("kinds")),
                                 ("checklist", expect.get("checklist")), ("flags", expect.get("flags"))):
            assert set(codes or []) <= set(label_codes(dimension)), (item["name"], dimension)
        assert blended.get("cost", "unknown") in rubric.section("blended_care", "cost", "labels"), \
            item["name"]


def test_a_ggd_appstore_listing_is_its_judgement_unless_a_theme_score_says_more():
    """Issue 12: the GGD lists only apps that pass its test; per-theme scores count when a page
    has them."""
    def with_ggd(**entry):
        return {"name": "Stopapp", "description": "Stop met roken.",
                "sources": [{"source": "ggdappstore", "title": "Stopapp", "available": True,
                             "url": "https://ggdappstore.nl/app", "seen_at": "2026-12-01",
                             **entry}]}
    listed = rate(with_ggd(quality_score=4.0))["evidence"]
    assert listed["value"] == "ggd_opgenomen"
    assert listed["reasons"][0]["text"].startswith("Opgenomen in de GGD AppStore (4 van 5 sterren)")
    assert listed["reasons"][0]["status"] == "verified"
    scored_low = rate(with_ggd(quality_score=4.0, quality_themes={"onderbouwing": 2.0}))
    assert scored_low["evidence"]["value"] == "unknown"
    scored_high = rate(with_ggd(quality_themes={"onderbouwing": 4.5}))
    assert scored_high["evidence"]["value"] == "ggd_onderbouwing"


def test_two_labellers_are_compared_like_the_rubric_with_one(tmp_path):
    """`--between`: a labelling agrees fully with itself; one label changed lowers only its
    dimension."""
    items = labelled_items(TUNING)[:20]
    same = tmp_path / "same.yaml"
    same.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    assert set(between(TUNING, same).values()) == {1.0}
    items[0]["expect"]["evidence"] = "claimed" if items[0]["expect"]["evidence"] != "claimed" \
        else "unknown"
    changed = tmp_path / "changed.yaml"
    changed.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")
    scores = between(TUNING, changed)
    assert scores["evidence"] == 19 / 20
    assert {name for name, score in scores.items() if score < 1} == {"evidence"}


@pytest.mark.parametrize("argv", [["--help"], ["no/such/set.yaml"], ["--between", "only-one.yaml"]])
def test_the_evaluator_answers_a_wrong_call_with_its_usage(argv, capsys):
    assert main(argv) == 2
    error = capsys.readouterr().err
    assert error.startswith(f"not a labelled set: {argv[0]}\n")
    assert "python -m scoring.evaluate --between FIRST.yaml SECOND.yaml" in error
