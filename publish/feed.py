"""The Atom feed of "Wat is er veranderd" (veranderingen.xml): new apps, apps gone, changed
evidence, new warnings and changed privacy declarations, one entry per change.

An entry's id names what changed and when it was stored (the app, the crawl or scoring run), so
it stays the same in every later build and a feed reader shows each change once. Titles and
summaries carry store text: feedgen escapes it as XML, and control and direction characters are
removed first (publish.render.clean).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import duckdb
from feedgen.feed import FeedGenerator

from catalogue.sql import queries
from publish.render import clean, page_slug, short, write
from scoring.privacy import declaration_change
from scoring.rubric import section

SQL = queries(Path(__file__).with_name("feed.sql"))
FEED_FILE = "veranderingen.xml"
ID_PREFIX = "tag:stopwijzer.nl,2026:"
MAX_ENTRIES = 200
WATCHED = ("evidence", "flags", "privacy")


def _utc(moment) -> str:
    return moment.replace(tzinfo=timezone.utc).isoformat(timespec="seconds")


def _rating_change(dimension: str, value, label, old_value, old_label) -> tuple[str, str] | None:
    """(title prefix, summary) of a changed rating worth an entry, or None."""
    if dimension == "evidence":
        same = value == old_value and label == old_label  # only its reasons changed
        return None if same else ("Onderbouwing gewijzigd", f"{old_label} → {label}")
    if dimension == "flags":
        added = [code for code in value or [] if code not in (old_value or [])]
        if not added:
            return None
        names = section("flags", "labels")
        return "Nieuwe waarschuwing", "; ".join(names.get(code, code) for code in added)
    change = declaration_change(old_value, value)
    return ("Privacyverklaring gewijzigd", change) if change else None


def change_entries(con: duckdb.DuckDBPyConnection, hidden: set[str] = frozenset()) -> list[dict]:
    """Every change the feed shows, newest first: id, updated (UTC), app, title, summary."""
    names = dict(con.execute(SQL["app_names"]).fetchall())
    entries = []
    for app_id, started, run_id in con.execute(SQL["new_apps"]).fetchall():
        entries.append({"id": f"nieuw/{app_id}/{run_id}", "updated": _utc(started),
                        "app_id": app_id, "title": f"Nieuw: {names.get(app_id, app_id)}",
                        "summary": "Nieuw gevonden in de bronnen."})
    for app_id, since in con.execute(SQL["gone_apps"]).fetchall():
        stamp = since or datetime(1970, 1, 1)
        entries.append({"id": f"weg/{app_id}/{stamp:%Y-%m-%d}", "updated": _utc(stamp),
                        "app_id": app_id,
                        "title": f"Niet meer beschikbaar: {names.get(app_id, app_id)}",
                        "summary": f"Niet meer gevonden sinds {stamp:%Y-%m-%d}."})
    for app_id, dimension, score_run, scored_at, value, label, old_value, old_label in \
            con.execute(SQL["changed_ratings"], {"dimensions": list(WATCHED)}).fetchall():
        change = _rating_change(dimension, json.loads(value), label,
                                json.loads(old_value), old_label)
        if change:
            entries.append({"id": f"{dimension}/{app_id}/{score_run}", "updated": _utc(scored_at),
                            "app_id": app_id,
                            "title": f"{change[0]}: {names.get(app_id, app_id)}",
                            "summary": change[1]})
    entries = [e for e in entries if e["app_id"] not in hidden]
    entries.sort(key=lambda e: (e["updated"], e["id"]), reverse=True)
    return entries[:MAX_ENTRIES]


def atom(entries: list[dict], generated_at: str) -> str:
    """The feed as Atom XML. Links are relative to the feed, which sits at the site's root."""
    feed = FeedGenerator()
    feed.id(ID_PREFIX + "veranderingen")
    feed.title("Stopwijzer: wat is er veranderd")
    feed.subtitle("Nieuwe apps, verdwenen apps, gewijzigde onderbouwing, nieuwe waarschuwingen "
                  "en gewijzigde privacyverklaringen van stoppen-met-roken-apps.")
    feed.author(name="Stopwijzer")
    feed.language("nl")
    feed.link(href=FEED_FILE, rel="self", type="application/atom+xml")
    feed.link(href="veranderingen/", rel="alternate", type="text/html")
    feed.updated(entries[0]["updated"] if entries else generated_at)
    for entry in reversed(entries):  # feedgen puts each new entry first
        item = feed.add_entry()
        item.id(ID_PREFIX + clean(entry["id"]))
        item.title(short(entry["title"], 200))
        item.summary(short(entry["summary"], 500))
        item.updated(entry["updated"])
        item.link(href=f"apps/{page_slug(entry['app_id'])}/", rel="alternate", type="text/html")
    return feed.atom_str(pretty=True).decode("utf-8")


def write_feed(data: dict, docs: Path) -> None:
    write(docs, FEED_FILE, atom(data["feed"], data["generated_at"]))
