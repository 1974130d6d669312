"""Rules that put records from different sources on one app."""

import pytest

from catalogue.linking import Linker, developer_key, has_name, short_title, slug, store_ids
from crawlers.known_apps import known_apps


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


def test_a_curated_page_address_does_not_make_a_record_the_curator_s_own_app():
    """Every ikstopnu.nl record is read from a page on ikstopnu.nl; only the website a record
    names for the app itself can tie it to a known app by its website."""
    ikstopnu_site = next(app for app in known_apps() if app["name"] == "Ikstopnu.nl")
    listed = {"source": "ikstopnu", "source_id": "flamy", "title": "Flamy", "developer": None,
              "url": "https://www.ikstopnu.nl/bibliotheek/apps-om-te-stoppen-met-roken/#flamy"}
    assert not Linker._is_known(ikstopnu_site, listed)
    assert Linker._is_known(ikstopnu_site, {**listed, "website": "https://ikstopnu.nl/"})
