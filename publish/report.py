"""The editor's change report after a run, in Markdown (ready to mail): what changed and what to do.

Sections: new apps, apps gone, changed fields (with what a new description added and removed),
sources with problems, changed ratings, apps waiting for review and overrides that expired. Each
section is its own function of (con, run) giving its lines (None: it does not apply), so a
section can be added without touching the others.

Store text is untrusted: it is escaped as on the site (publish.render.md: no raw HTML, no
Markdown headings, links or emphasis of its own, one line).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb

from catalogue.curation import Curation
from catalogue.linking import open_suggestions
from catalogue.timing import bytes_text, duration_text, dutch, source_timings
from publish.data import FIELD_NAMES, dutch_reason, off_topic_apps, review_states
from publish.render import md, source_name
from scoring.privacy import declaration_change

WATCHED_FIELDS = ("version", "rating", "price", "languages", "title", "recognition_level",
                  "quality_score", "recommended", "description")
WATCHED_RATINGS = ("evidence", "notifications", "flags", "target_groups", "language")
DIMENSION_NAMES = {"evidence": "onderbouwing", "notifications": "meldingen",
                   "flags": "waarschuwingen", "target_groups": "doelgroep", "language": "taal"}


@dataclass
class Run:
    run_id: int
    started: datetime
    status: str
    mode: str
    score_run_id: int | None
    curation: Curation | None


def _lines(con, sql: str, params, fmt) -> list[str]:
    return [fmt(*row) for row in con.execute(sql, params).fetchall()]


def _in(values) -> str:
    return ", ".join("?" for _ in values)


def new_apps(con, run: Run) -> list[str]:
    return _lines(
        con, """SELECT a.app_id, c.name FROM app a JOIN app_current c USING (app_id)
                WHERE a.created_run = ? ORDER BY c.name""", [run.run_id],
        lambda app_id, name: f"- {md(name)} (`{app_id}`)")


def gone(con, run: Run) -> list[str]:
    return _lines(
        con, """SELECT DISTINCT h.app_id, c.name, h.source, h.source_id FROM app_history h
                JOIN app_current c USING (app_id)
                WHERE h.event = 'gone' AND h.run_id = ? ORDER BY h.app_id""",
        [run.run_id],
        lambda app_id, name, source, source_id: f"- {md(name)} (`{app_id}`): niet meer gevonden "
                                                f"in {source_name(source)} "
                                                f"({md(source_id)})")


def _change(app_id, source, field, old, new) -> str:
    where = f"- `{app_id}` {source_name(source)} {FIELD_NAMES.get(field, field)}"
    if field == "description":
        return (f"{where}: nieuwe tekst. Toegevoegd: {md(new) if new else '-'}; "
                f"verdwenen: {md(old) if old else '-'}")
    return f"{where}: {md(old) if old else '-'} → {md(new) if new else '-'}"


def changes(con, run: Run) -> list[str]:
    return _lines(
        con, f"""SELECT app_id, source, field, old_value, new_value FROM record_changes
                 WHERE run_id = ? AND app_id IS NOT NULL AND field IN ({_in(WATCHED_FIELDS)})
                 ORDER BY app_id, source, field""", [run.run_id, *WATCHED_FIELDS], _change)


def failed_sources(con, run: Run) -> list[str]:
    return _lines(
        con, """SELECT source, status, reason FROM source_run
                WHERE run_id = ? AND status IN ('failed', 'partial') ORDER BY source""",
        [run.run_id], lambda source, status, reason: f"- {source_name(source)}: "
                                                     f"**{status}** - {md(dutch_reason(reason))} "
                                                     f"({md(reason)})")


def changed_ratings(con, run: Run) -> list[str] | None:
    if run.score_run_id is None:
        return None
    return _lines(
        con, f"""SELECT r.app_id, r.dimension, p.label, r.label FROM rating r
                JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
                  AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
                      WHERE q.app_id = r.app_id AND q.dimension = r.dimension
                        AND q.score_run_id < r.score_run_id)
                WHERE r.score_run_id = ? AND r.dimension IN ({_in(WATCHED_RATINGS)})
                  AND p.label IS DISTINCT FROM r.label
                ORDER BY r.app_id, r.dimension""", [run.score_run_id, *WATCHED_RATINGS],
        lambda app_id, dimension, old, new: f"- `{app_id}` {DIMENSION_NAMES[dimension]}: "
                                            f"{md(old)} → {md(new)}")


def waiting_for_review(con, run: Run) -> list[str] | None:
    """What the editor should look at, and what to write when done."""
    if run.curation is None or run.score_run_id is None:
        return None
    pending = {app_id: state for app_id, state in review_states(con, run.curation).items()
               if state["pending"]}
    return [f"- `{app_id}`: onderbouwing, waarschuwingen of doelgroep veranderd op "
            f"{state['changed_at'][:16].replace('T', ' ')} UTC. Bekijk de app en zet in "
            f"curation/curation.yaml onder `reviews` een regel met `app: {app_id}` en als "
            "`date` het moment van uw beoordeling (bijvoorbeeld `2026-12-01T10:30:00Z`)"
            for app_id, state in sorted(pending.items())]


def expired_overrides(con, run: Run) -> list[str] | None:
    if run.score_run_id is None:
        return None
    expired = con.execute("SELECT expired_overrides FROM score_run WHERE score_run_id = ?",
                          [run.score_run_id]).fetchone()
    return [f"- `{name}`: de app is veranderd na de correctie van de redactie; de beoordeling "
            "volgt weer de regels. Controleer en zet zo nodig een nieuwe correctie met de datum "
            "van vandaag." for name in json.loads((expired or [None])[0] or "[]")]


def off_topic(con, run: Run) -> list[str] | None:
    """Records that stay in the catalogue but off the site: not about quitting smoking."""
    if run.score_run_id is None:
        return None
    return [f"- `{app_id}`" for app_id in off_topic_apps(con)]


def privacy_changes(con: duckdb.DuckDBPyConnection, run: Run) -> list[str] | None:
    """'app X deelt gegevens met derden sinds …': the declarations this scoring run changed."""
    if run.score_run_id is None:
        return None
    rows = con.execute(
        """SELECT r.app_id, c.name, r.value, p.value FROM rating r
           JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
             AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
                 WHERE q.app_id = r.app_id AND q.dimension = r.dimension
                   AND q.score_run_id < r.score_run_id)
           LEFT JOIN app_current c ON c.app_id = r.app_id
           WHERE r.score_run_id = ? AND r.dimension = 'privacy' ORDER BY r.app_id""",
        [run.score_run_id]).fetchall()
    lines = []
    for app_id, name, new, old in rows:
        change = declaration_change(json.loads(old), json.loads(new))
        if change:
            lines.append(f"- {md(name or app_id)} (`{app_id}`) {change}")
    return lines


def link_suggestions(con, run: Run) -> list[str]:
    """What store records claim about themselves: never linked, only put to the editor."""
    return [f"- {source_name(source)} `{md(source_id)}` ({md(title or '-')}) zegt bij `{app_id}` "
            f"te horen ({md(reason)}). Klopt dat, zet dan in curation/curation.yaml onder "
            f"`links` een regel met `record: {source}:{md(source_id)}` en `app: {app_id}`."
            for source, source_id, title, app_id, reason, _ in open_suggestions(con)]


SECTIONS = {
    "Nieuwe apps": new_apps,
    "Niet meer beschikbaar": gone,
    "Wijzigingen": changes,
    "Bronnen met problemen": failed_sources,
    "Beoordelingen gewijzigd": changed_ratings,
    "Wacht op beoordeling": waiting_for_review,
    "Correcties verlopen": expired_overrides,
    "Voorgestelde koppelingen": link_suggestions,
    "Niet over stoppen met roken, niet op de site": off_topic,
    "Privacy": privacy_changes,
}


def change_report(con: duckdb.DuckDBPyConnection, run_id: int, score_run_id: int | None = None,
                  curation: Curation | None = None) -> str:
    row = con.execute("SELECT started, status, mode, source_counts FROM crawl_run "
                      "WHERE run_id = ?", [run_id]).fetchone()
    if row is None:
        raise ValueError(f"no crawl run {run_id} in the catalogue")
    started, status, mode, counts = row
    run = Run(run_id, started, status, mode, score_run_id, curation)
    out = [f"# Stopwijzer: run {run_id} ({status}, {mode}) van {started:%Y-%m-%d %H:%M} UTC", "",
           "Records per bron: " + ", ".join(f"{source_name(s)} {n}" for s, n in
                                            json.loads(counts or "{}").items()), ""]
    for title, section in SECTIONS.items():
        lines = section(con, run)  # None: the section does not apply (e.g. no scoring run)
        if lines is not None:
            out += [f"## {title}", "", *(lines or ["- geen"]), ""]
    out += time_per_source_section(con, run_id)
    return "\n".join(out)


def time_per_source_section(con: duckdb.DuckDBPyConnection, run_id: int) -> list[str]:
    """'Tijd per bron': pages, data, duration, retries and waits of each source, and which
    source was much slower than usual (catalogue.timing decides what is slow)."""
    lines = []
    for t in source_timings(con, run_id):
        if t["duration"] is None and t["pages"] is None:
            continue  # a manual ingest: nothing was fetched
        pages = t["pages"] or 0
        pages_text = f"{pages} pagina" if pages == 1 else f"{pages} pagina's"
        line = (f"- {t['source']}: {pages_text}, "
                f"{bytes_text(t['bytes'])}, {duration_text(t['duration'])}, "
                f"{t['retries'] or 0} keer opnieuw gevraagd, gewacht "
                f"{duration_text(t['throttle_wait'])} (tempo) en "
                f"{duration_text(t['retry_wait'])} (opnieuw vragen)")
        if t["slow"]:
            line += f"; **veel trager dan gewoonlijk** (meestal {duration_text(t['usual'])})"
        lines.append(dutch(line))
    return ["## Tijd per bron", "", *(lines or ["- geen"]), ""]
