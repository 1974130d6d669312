"""Everything the site shows, in one dict, read from the catalogue (publish/data.sql).

Mostly from the views a researcher queries (catalogue/views.sql, scoring/ratings.sql); the trends
read sighting and app_link for the chosen runs only, as app_timeline would for all of them. The
rules it holds: which apps wait for the editor's review (review_states), and which apps are kept
off the site, those the editor hid and those not about quitting smoking (left out of the
overview, the trends and the feed). Besides, it shapes for the pages: a description that is only
the curated summary is not shown twice, and a source's health reason is given in Dutch.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timezone
from pathlib import Path

import duckdb

from catalogue.apps import source_entries
from catalogue.curation import Curation
from catalogue.sql import queries
from crawlers import sources as source_registry
from catalogue.timing import duration_text, dutch, source_timings
from publish.feed import change_entries
from scoring.runs import PLAIN_FACTS

SQL = queries(Path(__file__).with_name("data.sql"))
# Dutch names of the catalogue's field codes (record_changes.field), for the site and the report.
FIELD_NAMES = {"version": "versie", "rating": "waardering", "price": "prijs", "languages": "talen",
               "title": "naam", "developer": "maker", "recognition_level": "erkenningsniveau",
               "quality_score": "score GGD AppStore", "recommended": "aanbevolen door ikstopnu.nl",
               "description": "beschrijving", "installs": "downloads"}
# A source's health reason (catalogue/health.py, English for the operator) in Dutch, by pattern.
HEALTH_REASONS = (
    (r"crawl ended early", "de controle stopte voortijdig"),
    (r"no records found", "geen apps gevonden"),
    (r"(\d+) of (\d+) pages failed", r"\1 van de \2 pagina's mislukt"),
    (r"layout change\? field '(\w+)' found in (\d+%)",
     r"de pagina's zijn anders opgebouwd: veld '\1' nog maar bij \2 gevonden"),
    (r"(\d+) problem", r"\1 pagina('s) met problemen"),
    (r"page cap reached", "maximum aantal pagina's bereikt; mogelijk niet alles gezien"),
)


def dutch_reason(reason: str | None) -> str | None:
    """The Dutch summary of a health reason; never the English text on a Dutch page."""
    if not reason:
        return None
    for pattern, in_dutch in HEALTH_REASONS:
        match = re.search(pattern, reason)
        if match:
            return match.expand(in_dutch)
    return "zie 'stopwijzer status' voor de oorzaak"


def _iso(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def _rows(con: duckdb.DuckDBPyConnection, name: str, params=None) -> list[dict]:
    """The rows of the named statement in data.sql, as dicts by column name."""
    result = con.execute(SQL[name], params)
    names = [d[0] for d in result.description]
    return [{n: _iso(v) for n, v in zip(names, row)} for row in result.fetchall()]


def _ratings(con) -> dict[str, dict]:
    ratings: dict[str, dict] = {}
    for row in _rows(con, "current_ratings"):
        app = ratings.setdefault(row["app_id"], {"rubric_version": row["rubric_version"]})
        if row["dimension"] in PLAIN_FACTS:
            app[row["dimension"]] = json.loads(row["value"])
            continue
        app[row["dimension"]] = {
            **(json.loads(row["extra"]) if row["extra"] else {}),
            "value": json.loads(row["value"]), "label": row["label"],
            "confidence": row["confidence"], "reasons": json.loads(row["reasons"]),
            "override": json.loads(row["override"]) if row["override"] else None}
    return ratings


def _with_store_flags(sources: list[dict]) -> list[dict]:
    """Each source entry with `store` from the registry: the page shows a store's own rating."""
    return [{**entry, "store": source_registry.lookup(entry["source"]).store}
            for entry in sources]


def _store_links(sources: list[dict]) -> list[dict]:
    links, seen = [], set()
    for entry in sources:
        if not entry["available"]:
            continue
        if entry["store"]:
            candidates = [(source_registry.lookup(entry["source"]).label, entry["url"])]
        else:
            candidates = [("Website", entry["website"])]
        for label, url in candidates:
            if url and url.startswith(("https://", "http://")) and url not in seen:
                seen.add(url)
                links.append({"label": label, "url": url})
    return links


def _history(con) -> dict[str, list[dict]]:
    history: dict[str, list[dict]] = {}
    for row in _rows(con, "app_history_events"):
        row["field_name"] = FIELD_NAMES.get(row["field"], row["field"])
        history.setdefault(row.pop("app_id"), []).append(row)
    return history


def _moment(value) -> datetime:
    """A review's time in UTC (naive, as the catalogue stores it); a date alone is its end."""
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).replace(tzinfo=None) if value.tzinfo else value
    return datetime.combine(value, time.max)


def _first_applied(con) -> dict[tuple[str, date], datetime]:
    """When a run first applied each review entry (curation_audit), by app and date."""
    if not _has_table(con, "curation_audit"):
        return {}
    return {(app_id, made_on): applied_at for app_id, made_on, applied_at
            in con.execute(SQL["review_first_applied"]).fetchall()}


def _has_table(con, name: str) -> bool:
    return con.execute(SQL["table_exists"], {"name": name}).fetchone()[0] > 0


def review_states(con, curation: Curation) -> dict[str, dict]:
    """Per app: a change of advice (evidence, warnings, target group) of an app that was already
    rated is shown as not yet reviewed until a review covers it.

    A review covers what existed when it was written: the changes scored before its time (a date
    alone counts to the end of that day), and never one scored after the run that first applied
    the review (so a review from the morning does not cover the afternoon's change, nor does a
    future date cover all changes to come). Changes made by the editor's own corrections (an
    override, a linked trial) are reviewed by definition (view advice_changes, by_editor)."""
    changed = dict(con.execute(SQL["advice_last_changed"]).fetchall())
    applied = _first_applied(con)
    states = {}
    for (app_id,) in con.execute(SQL["app_ids"]).fetchall():
        reviews = curation.of("reviews", app_id)
        covered = max((min(_moment(e["date"]),
                           applied.get((app_id, _moment(e["date"]).date()), datetime.max))
                       for e in reviews), default=None)
        since = changed.get(app_id)
        pending = since is not None and (covered is None or since >= covered)
        states[app_id] = {"pending": pending, "changed_at": _iso(since),
                          "reviewed_on": max((str(e["date"]) for e in reviews), default=None),
                          "note": "Nog niet beoordeeld door de redactie." if pending else None}
    return states


def off_topic(ratings: dict) -> bool:
    """Not about quitting smoking (scoring/topic.py, or the editor's override): kept in the
    catalogue, counted in `status` and the change report, never shown on the site."""
    return ratings.get("topic", {}).get("value") is False


def off_topic_apps(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The apps rated (or overridden) as not about quitting smoking, for `status` and the
    change report."""
    return [app_id for (app_id,) in con.execute(SQL["off_topic_apps"]).fetchall()]


def site_data(con: duckdb.DuckDBPyConnection, curation: Curation, labels: dict) -> dict:
    entries = source_entries(con)
    ratings = _ratings(con)
    history = _history(con)
    # Off the site, and so out of its trends and feed: what the editor hid, what is not about
    # quitting smoking.
    kept_off = curation.hidden() | {app_id for app_id, rated in ratings.items()
                                    if off_topic(rated)}
    reviews = review_states(con, curation)
    summaries = {e["app"]: e["text"] for e in curation.of("summaries")}
    apps = []
    for app in _rows(con, "apps_by_name"):
        if app["app_id"] in kept_off:
            continue
        sources = _with_store_flags(entries.get(app["app_id"], []))
        curated = next((s["summary"] for s in sources if s["summary"]), None)
        apps.append({
            **app,
            # The summary is shown on its own; a description that is only that summary is not.
            "description": "" if app["description"] == curated else app["description"] or "",
            "description_by_maker": source_registry.lookup(app["description_source"]).maker_text,
            "summary": summaries.get(app["app_id"], curated),
            "store_links": _store_links(sources),
            "sources": sources,
            "ratings": ratings.get(app["app_id"], {}),
            "history": history.get(app["app_id"], []),
            "review": reviews[app["app_id"]],
        })
    return {
        "generated_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "rubric_version": next((a["ratings"].get("rubric_version") for a in apps
                                if a["ratings"]), None),
        "labels": labels,
        "apps": apps,
        "runs": _runs(con),
        "trends": trends(con, kept_off),
        "feed": change_entries(con, kept_off),
    }


def _runs(con, limit: int = 10) -> list[dict]:
    runs = _rows(con, "latest_runs", {"limit": limit})
    for run in runs:
        run["sources"] = _rows(con, "run_sources", {"run_id": run["run_id"]})
        timings = {t["source"]: t for t in source_timings(con, run["run_id"])}
        for source in run["sources"]:  # where the time went, as text for the page
            timing = timings.get(source["source"], {})
            source.update(pages=timing.get("pages"), slow=timing.get("slow", False),
                          duration=dutch(duration_text(timing["duration"]))
                          if timing.get("duration") is not None else None,
                          usual=dutch(duration_text(timing.get("usual"))))
            source["reason"] = dutch_reason(source["reason"])
    return runs


def trends(con: duckdb.DuckDBPyConnection, hidden: set[str] = frozenset()) -> list[dict]:
    """Per day (per month once the history is longer than a quarter): apps found, with Dutch,
    with notifications, per evidence level; apps the editor hid are not counted."""
    span = con.execute(SQL["crawl_span"]).fetchone()[0]
    period = "month" if span and span.days > 92 else "day"
    by_day: dict[str, dict] = {}
    rows = con.execute(SQL["trend_points"],
                       {"period": period, "hidden": sorted(hidden)}).fetchall()
    for day, dimension, apps, yes, levels in rows:
        point = by_day.setdefault(day.isoformat(), {"date": day.isoformat(), "apps": apps,
                                                    "dutch": 0, "notifications": 0,
                                                    "evidence": {}})
        if dimension == "evidence":
            point["evidence"] = dict(levels or {})
        else:
            point["dutch" if dimension == "language" else "notifications"] = yes
    return list(by_day.values())
