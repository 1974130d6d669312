"""The privacy rating: Google Play's declaration as the maker's claim, the GGD AppStore's
judgement as verified, and what to say when there is no declaration to read."""

from pathlib import Path

from crawlers.parsers.googleplay_datasafety import parse_datasafety
from scoring import rate
from scoring.privacy import privacy

PAGE = (Path(__file__).parents[1] / "fixtures" / "googleplay"
        / "play_datasafety_com.google.android.apps.translate_hl-en.html").read_text(
    encoding="utf-8")
PLAY_URL = "https://play.google.com/store/apps/details?id=com.google.android.apps.translate"


def play_entry(**changes) -> dict:
    """A Google Play source entry with the real page's declaration."""
    fields = parse_datasafety(PAGE, PLAY_URL.replace("details", "datasafety"))
    return {"source": "googleplay", "url": PLAY_URL, "seen_at": "2026-11-20", **fields,
            **changes}


def test_the_real_declaration_is_claimed_with_its_source_url_and_date():
    rated = privacy({"name": "Translate", "sources": [play_entry()]})
    assert rated["value"]["declared"] is True
    assert rated["value"]["shares"] is False and rated["value"]["encrypted"] is True
    assert rated["value"]["apple_publishes_none"] is False
    assert rated["label"] == (
        "Deelt volgens de maker geen gegevens met derden; verzamelt: Personal info, Device or "
        "other IDs, App activity, Location, Photos and videos, App info and performance, "
        "Contacts; gegevens worden versleuteld verstuurd; je kunt vragen je gegevens te wissen")
    [why] = rated["reasons"]
    assert why["status"] == "claimed" and why["source"] == "googleplay"
    assert why["url"] == ("https://play.google.com/store/apps/datasafety?"
                          "id=com.google.android.apps.translate&hl=nl")
    assert why["seen"] == "2026-11-20"
    assert why["rule"] == "store_privacy_declaration"


def test_sharing_names_the_kinds_and_the_ggd_judgement_is_verified_beside_it():
    ggd = {"source": "ggdappstore", "url": "https://ggdappstore.nl/Appstore/Home/App/1",
           "seen_at": "2026-11-21", "quality_themes": {"privacy_veiligheid": 3.0}}
    rated = privacy({"name": "X", "sources": [
        play_entry(privacy_shares=True, privacy_shared_kinds=["Locatie"], privacy_deletion=None),
        ggd]})
    assert rated["label"].startswith("Deelt volgens de maker gegevens met derden: Locatie;")
    assert "wissen" not in rated["label"]
    assert rated["value"]["ggd"] == 3.0
    assert [r["status"] for r in rated["reasons"]] == ["claimed", "verified"]


def test_an_app_store_only_app_says_that_apple_publishes_no_labels():
    rated = privacy({"name": "Y", "sources": [
        {"source": "appstore", "url": "https://apps.apple.com/nl/app/id1",
         "seen_at": "2026-11-20"}]})
    assert rated["value"]["declared"] is False and rated["value"]["apple_publishes_none"]
    assert "Apple" in rated["label"] and "privacylabels" in rated["label"]
    assert rated["confidence"] == "low"


def test_an_app_on_both_stores_notes_that_apples_labels_are_not_published():
    rated = privacy({"name": "Translate", "sources": [
        play_entry(), {"source": "appstore", "url": "https://apps.apple.com/nl/app/id1"}]})
    assert rated["value"]["declared"] is True and rated["value"]["apple_publishes_none"] is True


def test_a_play_app_without_a_readable_declaration_is_unknown_not_sharing():
    rated = privacy({"name": "Z", "sources": [{"source": "googleplay", "url": PLAY_URL,
                                              "privacy_shares": None}]})
    assert rated["value"]["shares"] is None
    assert rated["label"] == "Geen privacyverklaring uit een app-winkel bekend"


def test_privacy_is_a_dimension_of_every_rating():
    assert rate({"name": "Translate", "description": "", "sources": [play_entry()]}
                )["privacy"]["value"]["declared"] is True
