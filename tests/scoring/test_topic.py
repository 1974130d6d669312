"""The rated dimension "about quitting smoking": on topic with the sentence that says so, off
topic with the words that only mention smoking, whole words only."""

import json
from pathlib import Path

import pytest
import yaml

from scoring import rate
from scoring.topic import topic

FIXTURES = Path(__file__).parents[1] / "fixtures" / "topic"
PANEL = Path(__file__).parent / "tuning.yaml"


def about(description: str, name: str = "Testapp", **record) -> dict:
    return topic({"name": name, "description": description, **record})


@pytest.mark.parametrize("name, description", [
    ("Quiddy", "Wil je stoppen met roken? Quiddy helpt je hierbij!"),
    ("Jellinek Online Zelfhulp", "Wil je stoppen of minderen met alcohol/tabak/drugs/gokken? "
                                 "Dan kan het gratis online zelfhulpprogramma je ondersteunen."),
    ("VapeStop", "Hulp om te stoppen met vapen."),
    ("Stop Smoking - EasyQuit", "Een uitgebreide app."),  # the name says it
    ("Smoke Free", "Missions every day to help you quit."),
    ("Kwit", "In de app wordt je stap voor stap begeleid bij het stoppen van roken."),
    ("Rookvrije Generatie", "Samen op weg naar een rookvrije generatie."),
    ("Detour", "Detour geeft je iets anders te doen als je trek hebt in een sigaret."),
])
def test_apps_that_aim_at_quitting_are_on_topic(name, description):
    rated = about(description, name)
    assert rated["value"] is True
    assert rated["label"] == "Over stoppen met roken"
    assert rated["reasons"] and rated["reasons"][0]["rule"].startswith("topic_quit")


@pytest.mark.parametrize("description, hidden_word", [
    ("De meditaties zijn ingesproken door Michael Pilarczyk.", None),
    ("Een schema voor 5 km onafgebroken hardlopen.", None),
    ("Leer kinderen over mondzorg met de mondzorgsprookjes en sprookjes.", None),
    ("De zin kan uitgesproken worden als je op de play-knop drukt.", None),
    ("Kies een onderwerp waar je mee verder wilt (bijv. roken, alcohol, beweging of voeding).",
     "roken"),
    ("Een leefstijlcoach: gezonder eten, meer bewegen, beter slapen en stoppen met roken.",
     "roken"),
])
def test_words_holding_the_letters_and_smoking_among_many_subjects_are_off_topic(
        description, hidden_word):
    rated = about(description)
    assert rated["value"] is False
    assert rated["label"] == "Niet over stoppen met roken"
    if hidden_word:
        assert rated["reasons"][0]["rule"] == "topic_mention_only"
        assert hidden_word in rated["reasons"][0]["text"]
    else:
        assert rated["reasons"] == []


def test_the_reason_cites_the_source_and_its_date():
    record = {"name": "Kwit", "description": "", "sources": [
        {"source": "ggdappstore", "url": "https://ggdappstore.nl/x", "seen_at": "2026-11-20",
         "title": "Kwit", "summary": "De Kwit app helpt je om te stoppen met roken."}]}
    (reason,) = topic(record)["reasons"]
    assert reason["source"] == "ggdappstore" and reason["seen"] == "2026-11-20"
    assert "stoppen met roken" in reason["text"]


def test_rate_gives_the_topic():
    assert rate({"name": "Sprookjesbos", "description": "Ingesproken sprookjes."})[
        "topic"]["value"] is False


def test_the_real_ggd_appstore_texts_agree_with_their_labels():
    apps = [json.loads(line) for line in
            (FIXTURES / "ggdappstore-2024.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(apps) == 115
    wrong = [app["name"] for app in apps
             if topic({"name": app["name"], "description": app["long"] or "",
                       "sources": [{"source": "ggdappstore", "title": app["name"],
                                    "summary": app["short"]}]})["value"]
             is not app["about_quitting"]]
    assert wrong == []


def test_the_panel_apps_are_on_topic_but_those_whose_text_never_names_smoking():
    """The first 59 entries of the tuning set are the original panel of stop-smoking apps (the
    set the topic rules were tuned on; the entries after them are short texts for other error
    classes). These four never say what is quit: the editor puts such an app back by override."""
    panel = yaml.safe_load(PANEL.read_text(encoding="utf-8"))[:59]
    off = [entry["name"] for entry in panel if not topic(entry)["value"]]
    assert off == ["Breathe Free", "Stoptrainer", "LungHealth Quit", "FreshStart"]
