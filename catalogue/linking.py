"""Which app does a source record describe? Decided once per record, by the first rule that fits:

1. editor: the curation file links the record to an app by hand;
2. known_app: its store id (or, for a record of a curated source, its website or a store link)
   is that of an app in curation/known_apps.csv, or its title and developer are that app's;
3. store_link: a curated source (GGD AppStore, ikstopnu.nl) links it to a store record that
   already belongs to an app;
4. title_developer: an app has a record with the same normalised title and developer
   (title alone when one side names no developer and only one app has that title);
5. new: otherwise a new app, whose id is a slug of its title at that moment and never changes.
Known names match when they begin a title ("Voel je vrij" in "Voel je Vrij! Groepstraining").

What a store record says about itself (its seller website, a link to another store page) is a
claim anyone can make, so it never links: it becomes a suggestion in `link_suggestion` for the
editor (see `open_suggestions`). A link made by a rule no longer trusted is decided again, and
when the editor's `links` entry is removed the record goes back to what the rules had decided.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import duckdb

from catalogue.sql import queries
from crawlers import sources
from crawlers.known_apps import known_apps
from crawlers.text import folded
from crawlers.text import slug as text_slug

# The part of a store title after these separators is marketing ("QuitNow! - Stop smoking").
TITLE_TAIL = re.compile(r"\s+[-–—:|]\s+.*$|:\s.*$")
LEGAL_FORMS = re.compile(r"\b(b\.?v\.?|n\.?v\.?|inc|ltd|llc|gmbh|s\.?l\.?|stichting)\b\.?")


def normalise(text: str | None) -> str:
    return re.sub(r"[^a-z0-9]+", "", folded(text))


def short_title(title: str | None) -> str:
    return normalise(TITLE_TAIL.sub("", title or ""))


def words(text: str | None) -> list[str]:
    return re.findall(r"[a-z0-9]+", folded(text))


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
    """An app's id: the slug of its title without the marketing tail, at most 60 characters."""
    return text_slug(TITLE_TAIL.sub("", folded(text)))[:60] or "app"


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


SQL = queries(Path(__file__).with_name("linking.sql"))


def open_suggestions(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    """Links a store record claims about itself that the editor has not decided on yet:
    (source, source_id, title, suggested app, reason, run), for `status` and the change report."""
    return con.execute(SQL["open_suggestions"]).fetchall()


def host(url: str | None) -> str:
    return urlparse(url or "").netloc.lower().removeprefix("www.")


def _same_website(app: dict, record: dict) -> bool:
    """The record names the app's own website. Only its `website` counts: a record's `url` is the
    page it was read from (a store's, the GGD AppStore's, ikstopnu.nl's), so every ikstopnu.nl
    record would otherwise belong to the known app whose website is ikstopnu.nl."""
    website = host(app["website"])
    return bool(website) and website == host(record.get("website"))


class Linker:
    def __init__(self, con: duckdb.DuckDBPyConnection, run_id: int,
                 editor_links: dict[tuple[str, str], str] | None = None):
        self.con, self.run_id = con, run_id
        self.editor_links = editor_links or {}
        self.known = known_apps()
        # Read once per run and kept up to date as records are linked: a night of unchanged
        # records then costs no query per record.
        self.links = {(source, source_id): (app_id, method) for source, source_id, app_id, method
                      in con.execute(SQL["links"]).fetchall()}
        self._titles: dict[tuple[str, str], tuple[str, str, str]] | None = None

    def link(self, record: dict) -> str:
        """The app id of this record, creating the link (and the app) when it is new."""
        key = (record["source"], record["source_id"])
        existing = self.links.get(key)
        editor_app = self.editor_links.get(key)
        if editor_app:
            if existing and existing[0] == editor_app:
                return editor_app
            if existing and existing[1] != "editor":
                self._keep_automatic(key, *existing)
            app_id, method = editor_app, "editor"
        elif existing and existing[1] == "editor":
            # The editor's entry was removed: back to what the rules decided before it.
            app_id, method = self._automatic(key) or self._decide(record)
        elif existing and self._trusted(existing[1], record):
            return existing[0]
        else:
            app_id, method = self._decide(record)
        self._ensure_app(app_id, record)
        self.con.execute(SQL["save_link"], {"source": key[0], "source_id": key[1],
                                            "app_id": app_id, "method": method,
                                            "run_id": self.run_id})
        self.links[key] = (app_id, method)
        if self._titles is not None:
            self._titles[key] = _title_key(app_id, record.get("title"), record.get("developer"))
        return app_id

    @staticmethod
    def _trusted(method: str, record: dict) -> bool:
        """Links made before store records' own links stopped counting are decided again."""
        return method != "store_link" or sources.lookup(record["source"]).curated

    def _keep_automatic(self, key: tuple[str, str], app_id: str, method: str) -> None:
        self.con.execute(SQL["keep_automatic_link"], {"source": key[0], "source_id": key[1],
                                                      "app_id": app_id, "method": method})

    def _automatic(self, key: tuple[str, str]) -> tuple[str, str] | None:
        return self.con.execute(SQL["automatic_link"],
                                {"source": key[0], "source_id": key[1]}).fetchone()

    def _decide(self, record: dict) -> tuple[str, str]:
        origin = sources.lookup(record["source"])
        for app in self.known:
            if self._is_known(app, record):
                return slug(app["name"]), "known_app"
            # A store record's website is the maker's claim about itself.
            if origin.store and _same_website(app, record):
                self._suggest(record, slug(app["name"]), f"its website is {app['website']}")
        for source, source_id in store_ids(record.get("links")):
            row = self.links.get((source, source_id))
            known = next((slug(app["name"]) for app in self.known
                          if source_id in (app["android_package"], app["ios_track_id"])), None)
            target = row[0] if row else known
            if target and origin.curated:
                return target, "store_link" if row else "known_app"
            if target:
                self._suggest(record, target, f"the record links to {source}:{source_id}")
        match = self._same_title_and_developer(record)
        if match:
            return match, "title_developer"
        return self._new_app_id(record), "new"

    def _suggest(self, record: dict, app_id: str, reason: str) -> None:
        self.con.execute(SQL["suggest_link"],
                         {"source": record["source"], "source_id": record["source_id"],
                          "app_id": app_id, "reason": reason, "run_id": self.run_id})

    @staticmethod
    def _is_known(app: dict, record: dict) -> bool:
        source, source_id = record["source"], record["source_id"]
        if source == "googleplay" and source_id == app["android_package"]:
            return True
        if source == "appstore" and source_id == app["ios_track_id"]:
            return True
        if not sources.lookup(source).store and _same_website(app, record):
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
        for key, (app_id, other_title, other) in self._title_index().items():
            if other_title != title or key == (record["source"], record["source_id"]):
                continue
            if developer and other:
                if developer == other:
                    return app_id
            else:
                candidates.add(app_id)
        return candidates.pop() if len(candidates) == 1 else None

    def _title_index(self) -> dict[tuple[str, str], tuple[str, str, str]]:
        """Per linked record: its app id, short title and developer key, read once per run."""
        if self._titles is None:
            self._titles = {(source, source_id): _title_key(app_id, title, developer)
                            for source, source_id, app_id, title, developer
                            in self.con.execute(SQL["linked_titles"]).fetchall()}
        return self._titles

    def _new_app_id(self, record: dict) -> str:
        base = slug(record.get("title") or record["source_id"])
        app_id, n = base, 2
        while self.con.execute(SQL["app_exists"], {"app_id": app_id}).fetchone():
            app_id, n = f"{base}-{n}", n + 1
        return app_id

    def _ensure_app(self, app_id: str, record: dict) -> None:
        self.con.execute(SQL["add_app"], {"app_id": app_id, "name": record.get("title") or app_id,
                                          "run_id": self.run_id})


def _title_key(app_id: str, title: str | None, developer: str | None) -> tuple[str, str, str]:
    return app_id, short_title(title), developer_key(developer)
