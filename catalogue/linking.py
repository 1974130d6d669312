"""Which app does a source record describe? Decided once per record, by the first rule that fits:

1. editor: the curation file links the record to an app by hand;
2. known_app: its store id or website is that of an app in curation/known_apps.csv;
3. store_link: it links to a store record that already belongs to an app (GGD, ikstopnu);
4. title_developer: an app has a record with the same normalised title and developer
   (title alone when one side names no developer and only one app has that title);
5. new: otherwise a new app, whose id is a slug of its title at that moment and never changes.
Known names match when they begin a title ("Voel je vrij" in "Voel je Vrij! Groepstraining").
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qs, urlparse

import duckdb

from crawlers.known_apps import known_apps

# The part of a store title after these separators is marketing ("QuitNow! - Stop smoking").
TITLE_TAIL = re.compile(r"\s+[-–—:|]\s+.*$|:\s.*$")
LEGAL_FORMS = re.compile(r"\b(b\.?v\.?|n\.?v\.?|inc|ltd|llc|gmbh|s\.?l\.?|stichting)\b\.?")


def normalise(text: str | None) -> str:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "", text)


def short_title(title: str | None) -> str:
    return normalise(TITLE_TAIL.sub("", title or ""))


def words(text: str | None) -> list[str]:
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.findall(r"[a-z0-9]+", text)


def has_name(title: str | None, name: str) -> bool:
    """A known name ("CATCH / Samen Sterker Stoppen": either alias) begins the title, or is the
    title's parenthesis ("Samen Sterker Stoppen (CATCH)")."""
    title_words = words(TITLE_TAIL.sub("", title or ""))
    asides = [words(aside) for aside in re.findall(r"\((.*?)\)", title or "")]
    for alias in map(words, name.split("/")):
        if alias and (title_words[:len(alias)] == alias or alias in asides):
            return True
    return False


def developer_key(developer: str | None) -> str:
    return normalise(LEGAL_FORMS.sub("", (developer or "").lower()))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = TITLE_TAIL.sub("", text)
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:60] or "app"


def store_ids(urls: list[str] | None) -> list[tuple[str, str]]:
    """(source, source_id) pairs of the store pages among a record's links."""
    found = []
    for url in urls or []:
        parts = urlparse(url)
        if parts.netloc.endswith("play.google.com"):
            package = parse_qs(parts.query).get("id", [""])[0]
            if package:
                found.append(("googleplay", package))
        elif parts.netloc.endswith(("apps.apple.com", "itunes.apple.com")):
            match = re.search(r"/id(\d+)", parts.path)
            if match:
                found.append(("appstore", match.group(1)))
    return found


def host(url: str | None) -> str:
    return urlparse(url or "").netloc.lower().removeprefix("www.")


class Linker:
    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: int,
                 editor_links: dict[tuple[str, str], str] | None = None):
        self.con, self.run_id = con, run_id
        self.editor_links = editor_links or {}
        self.known = known_apps()
        # Read once per run, kept up to date as records are linked: a night of unchanged
        # records then costs no query per record.
        self.links = {(source, source_id): app_id for source, source_id, app_id in
                      con.execute("SELECT source, source_id, app_id FROM app_link").fetchall()}
        self._titles: list[tuple[str, str, str]] | None = None

    def link(self, record: dict) -> str:
        """The app id of this record, creating the link (and the app) when it is new."""
        key = (record["source"], record["source_id"])
        existing = self.links.get(key)
        editor_app = self.editor_links.get(key)
        if existing and (editor_app is None or existing == editor_app):
            return existing
        app_id, method = (editor_app, "editor") if editor_app else self._decide(record)
        self._ensure_app(app_id, record)
        self.con.execute("INSERT OR REPLACE INTO app_link VALUES (?, ?, ?, ?, ?)",
                         [*key, app_id, method, self.run_id])
        self.links[key] = app_id
        self._titled(app_id, record.get("title"), record.get("developer"))
        return app_id

    def _decide(self, record: dict) -> tuple[str, str]:
        for app in self.known:
            if self._is_known(app, record):
                return slug(app["name"]), "known_app"
        for source, source_id in store_ids(record.get("links")):
            if (source, source_id) in self.links:
                return self.links[(source, source_id)], "store_link"
            for app in self.known:
                if source_id in (app["android_package"], app["ios_track_id"]):
                    return slug(app["name"]), "known_app"
        match = self._same_title_and_developer(record)
        if match:
            return match, "title_developer"
        return self._new_app_id(record), "new"

    @staticmethod
    def _is_known(app: dict, record: dict) -> bool:
        source, source_id = record["source"], record["source_id"]
        if source == "googleplay" and source_id == app["android_package"]:
            return True
        if source == "appstore" and source_id == app["ios_track_id"]:
            return True
        website = host(app["website"])
        if website and website in (host(record.get("website")), host(record.get("url"))):
            return True
        same_name = has_name(record.get("title"), app["name"])
        provider = developer_key(app["provider"])
        return same_name and (not provider or not record.get("developer")
                              or provider in developer_key(record.get("developer"))
                              or developer_key(record.get("developer")) in provider)

    def _same_title_and_developer(self, record: dict) -> str | None:
        title = short_title(record.get("title"))
        developer = developer_key(record.get("developer"))
        candidates = set()
        for app_id, other_title, other in self._title_index():
            if other_title != title:
                continue
            if developer and other:
                if developer == other:
                    return app_id
            else:
                candidates.add(app_id)
        return candidates.pop() if len(candidates) == 1 else None

    def _title_index(self) -> list[tuple[str, str, str]]:
        """(app id, short title, developer key) of every linked record's current state."""
        if self._titles is None:
            self._titles = []
            for app_id, title, developer in self.con.execute(
                    "SELECT app_id, title, developer FROM record_current WHERE app_id IS NOT NULL"
            ).fetchall():
                self._titled(app_id, title, developer)
        return self._titles

    def _titled(self, app_id: str, title: str | None, developer: str | None) -> None:
        if self._titles is not None:
            self._titles.append((app_id, short_title(title), developer_key(developer)))

    def _new_app_id(self, record: dict) -> str:
        base = slug(record.get("title") or record["source_id"])
        app_id, n = base, 2
        while self.con.execute("SELECT 1 FROM app WHERE app_id = ?", [app_id]).fetchone():
            app_id, n = f"{base}-{n}", n + 1
        return app_id

    def _ensure_app(self, app_id: str, record: dict) -> None:
        self.con.execute("INSERT OR IGNORE INTO app VALUES (?, ?, ?)",
                         [app_id, record.get("title") or app_id, self.run_id])
