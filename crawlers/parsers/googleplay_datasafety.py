"""Google Play's Data safety page (/store/apps/datasafety?id=PKG&hl=nl): the maker's own
declaration of what the app shares with third parties, what it collects, and its security
practices.

The page's data sits in the `ds:3` AF_initDataCallback block (decoded as the detail page's
blocks, see googleplay.data_block). Paths are read from a real saved page
(tests/fixtures/googleplay/play_datasafety_com.google.android.apps.translate_hl-en.html) and
agree with google-play-scraper's (Node) datasafety mappings: section 0 is "shared", section 1
"collected", each with a list of data categories (none when nothing is declared). Which
security practice is which is told by its icon, which is the same in every language (seen on
English and Finnish pages); the practice's own text tells whether it is declared or denied.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlparse

from crawlers.errors import ParseError
# googleplay imports this module too: its names are looked up when a page is parsed.
from crawlers.parsers import googleplay

BLOCK = "ds:3"
# The app in the block: a list whose last element holds the high field numbers as a dict.
APP_ROOT = [1, 2]
DATASAFETY_KEY = "138"
PATHS = {
    "shared_categories": [4, 0, 0],
    "collected_categories": [4, 1, 0],
    "category_name": [0, 1],  # in a category
    "practices": [9, 2],
    "practice_icon": [0, 3, 2],  # in a practice
    "practice_title": [1],
}
# Icon addresses of the two practices we read (play-lh.googleusercontent.com/<id>).
PRACTICE_ICONS = {
    "W5DPtvB8Fhmkn5LbFZki_OHL3ZI1Rdc-AFul19UK4f7np2NMjLE5QquD6H0HAeEJ977u3WH4yaQ": "encrypted",
    "ohRyQRA9rNfhp7xLW0MtW1soD8SEX45Oec7MyH3FaxtukWUG_6GKVpvh3JiugzryLi7Bia02HPw": "deletion",
}
# When Google changes an icon: the practice's words (English as proven, Dutch as shown to us).
PRACTICE_WORDS = {"encrypted": re.compile(r"encrypt|versleutel", re.I),
                  "deletion": re.compile(r"delet|verwijder", re.I)}
DENIED = re.compile(r"n't\b|\b(not|no|niet|geen)\b", re.I)


def datasafety_url(package: str) -> str:
    return f"https://play.google.com/store/apps/datasafety?id={quote(package)}&hl=nl"


def is_datasafety(url: str) -> bool:
    return urlparse(url).path.endswith("/store/apps/datasafety")


def package_of(url: str) -> str:
    return parse_qs(urlparse(url).query).get("id", [""])[0]


def _declaration(text: str, url: str):
    app = googleplay.lookup(googleplay.data_block(text, BLOCK), APP_ROOT)
    if isinstance(app, list):
        numbered = next((part for part in reversed(app) if isinstance(part, dict)), {})
        found = numbered.get(DATASAFETY_KEY)
        if isinstance(found, list):
            return found
    raise ParseError(googleplay.SOURCE, url, "privacy_shares",
                     f"no data safety section ({BLOCK} field {DATASAFETY_KEY}): the layout changed")


def _categories(declaration, key: str) -> list[str]:
    categories = googleplay.lookup(declaration, PATHS[key])
    names = [googleplay.lookup(c, PATHS["category_name"]) for c in categories or []]
    return [name for name in names if isinstance(name, str) and name]


def _practices(declaration) -> dict[str, bool]:
    """{'encrypted': True/False, 'deletion': True/False} for the practices the page states."""
    found = {}
    for practice in googleplay.lookup(declaration, PATHS["practices"]) or []:
        title = googleplay.lookup(practice, PATHS["practice_title"])
        if not isinstance(title, str):
            continue
        icon = str(googleplay.lookup(practice, PATHS["practice_icon"]) or "").rsplit("/", 1)[-1]
        kind = PRACTICE_ICONS.get(icon) or next(
            (k for k, words in PRACTICE_WORDS.items() if words.search(title)), None)
        if kind:
            found[kind] = not DENIED.search(title)
    return found


def parse_datasafety(text: str, url: str) -> dict:
    """The privacy fields of a record (crawlers/items.py), from a Data safety page."""
    if not package_of(url):
        raise ParseError(googleplay.SOURCE, url, "source_id", "no ?id= in the URL")
    declaration = _declaration(text, url)
    shared = _categories(declaration, "shared_categories")
    collected = _categories(declaration, "collected_categories")
    practices = _practices(declaration)
    return {"privacy_shares": bool(shared), "privacy_shared_kinds": shared,
            "privacy_collects": bool(collected), "privacy_collected_kinds": collected,
            "privacy_encrypted": practices.get("encrypted"),
            "privacy_deletion": practices.get("deletion"),
            "privacy_declaration_url": datasafety_url(package_of(url))}
