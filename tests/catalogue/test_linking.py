"""Rules that put records from different sources on one app."""

import pytest

from catalogue.linking import developer_key, has_name, short_title, slug, store_ids


@pytest.mark.parametrize("title, name, expected", [
    ("QuitNow! - Stop smoking", "QuitNow!", True),
    ("Samen Sterker Stoppen (CATCH)", "CATCH / Samen Sterker Stoppen", True),
    ("Voel je Vrij! Doorlopende groepstraining Stoppen met Roken", "Voel je vrij", True),
    ("Quitter: stop smoking", "QuitNow!", False),
    ("Smoke Free", "Smoke alert", False),
    ("Stoppen met roken", "Stopstone", False),
])
def test_known_names(title, name, expected):
    assert has_name(title, name) is expected


def test_store_ids_from_links():
    links = ["https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa&hl=nl",
             "https://apps.apple.com/nl/app/quitnow/id483994930", "https://quiddy.nl/",
             "javascript:alert(1)"]
    assert store_ids(links) == [("googleplay", "com.EAGINsoftware.dejaloYa"),
                                ("appstore", "483994930")]


def test_titles_and_developers_are_compared_without_decoration():
    assert short_title("Smoke Free - Quit Smoking Now") == short_title("Smoke Free: quit") == "smokefree"
    assert developer_key("Fewlaps S.L.") == developer_key("fewlaps") == "fewlaps"


def test_slugs_are_safe_addresses():
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("Rookvrij! Ook jij?") == "rookvrij-ook-jij"
    assert slug("‮evil\u200b") == "evil"
