"""The editor's change report after a run, in Markdown (ready to mail): new apps, apps gone,
changed versions, ratings, evidence and notifications, and the sources that failed and why."""

from __future__ import annotations

import json

import duckdb

from catalogue.timing import bytes_text, duration_text, dutch, source_timings
from publish.data import off_topic_apps
from scoring.privacy import declaration_change

WATCHED_FIELDS = ("version", "rating", "price", "languages", "title", "recognition_level",
                  "quality_score", "recommended")
WATCHED_RATINGS = ("evidence", "notifications", "flags", "target_groups", "language")


def _lines(con, sql: str, params, fmt) -> list[str]:
    return [fmt(*row) for row in con.execute(sql, params).fetchall()]


def privacy_changes(con: duckdb.DuckDBPyConnection, score_run_id: int) -> list[str]:
    """'app X deelt gegevens met derden sinds …': the declarations this scoring run changed."""
    rows = con.execute(
        """SELECT r.app_id, c.name, r.value, p.value FROM rating r
           JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
             AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
                 WHERE q.app_id = r.app_id AND q.dimension = r.dimension
                   AND q.score_run_id < r.score_run_id)
           LEFT JOIN app_current c ON c.app_id = r.app_id
           WHERE r.score_run_id = ? AND r.dimension = 'privacy' ORDER BY r.app_id""",
        [score_run_id]).fetchall()
    lines = []
    for app_id, name, new, old in rows:
        change = declaration_change(json.loads(old), json.loads(new))
        if change:
            lines.append(f"- {name or app_id} (`{app_id}`) {change}")
    return lines


def change_report(con: duckdb.DuckDBPyConnection, run_id: int,
                  score_run_id: int | None = None) -> str:
    run = con.execute("SELECT started, status, mode FROM crawl_run WHERE run_id = ?",
                      [run_id]).fetchone()
    if run is None:
        raise ValueError(f"no crawl run {run_id} in the catalogue")
    started, status, mode = run
    sections = {
        "Nieuwe apps": _lines(
            con, """SELECT a.app_id, c.name FROM app a JOIN app_current c USING (app_id)
                    WHERE a.created_run = ? ORDER BY c.name""", [run_id],
            lambda app_id, name: f"- {name} (`{app_id}`)"),
        "Niet meer beschikbaar": _lines(
            con, """SELECT DISTINCT app_id, source, source_id FROM app_history
                    WHERE event = 'niet meer beschikbaar' AND happened_at = ?
                    ORDER BY app_id""", [started],
            lambda app_id, source, source_id: f"- `{app_id}`: niet meer gevonden in {source} "
                                              f"({source_id})"),
        "Wijzigingen": _lines(
            con, f"""SELECT k.app_id, c.source, c.field, c.old_value, c.new_value
                    FROM record_changes c JOIN app_link k USING (source, source_id)
                    WHERE c.run_id = ? AND c.field IN ({', '.join('?' for _ in WATCHED_FIELDS)})
                    ORDER BY k.app_id, c.source, c.field""", [run_id, *WATCHED_FIELDS],
            lambda app_id, source, field, old, new: f"- `{app_id}` {source} {field}: "
                                                    f"{old or '-'} → {new or '-'}"),
        "Bronnen met problemen": _lines(
            con, """SELECT source, status, reason FROM source_run
                    WHERE run_id = ? AND status IN ('failed', 'partial') ORDER BY source""",
            [run_id], lambda source, status, reason: f"- {source}: **{status}** - {reason}"),
    }
    if score_run_id is not None:
        off_topic = off_topic_apps(con)
        sections[f"Niet over stoppen met roken, niet op de site ({len(off_topic)})"] = [
            f"- `{app_id}`" for app_id in off_topic]
        sections["Beoordelingen gewijzigd"] = _lines(
            con, f"""SELECT r.app_id, r.dimension, p.label, r.label FROM rating r
                    JOIN rating p ON p.app_id = r.app_id AND p.dimension = r.dimension
                      AND p.score_run_id = (SELECT max(score_run_id) FROM rating q
                          WHERE q.app_id = r.app_id AND q.dimension = r.dimension
                            AND q.score_run_id < r.score_run_id)
                    WHERE r.score_run_id = ?
                      AND r.dimension IN ({', '.join('?' for _ in WATCHED_RATINGS)})
                    ORDER BY r.app_id, r.dimension""", [score_run_id, *WATCHED_RATINGS],
            lambda app_id, dimension, old, new: f"- `{app_id}` {dimension}: {old} → {new}")
        sections["Privacy"] = privacy_changes(con, score_run_id)
    counts = con.execute("SELECT source_counts FROM crawl_run WHERE run_id = ?",
                         [run_id]).fetchone()[0]
    out = [f"# Stopwijzer: run {run_id} ({status}, {mode}) van {started:%Y-%m-%d %H:%M} UTC", "",
           "Records per bron: " + ", ".join(f"{s} {n}" for s, n in
                                            json.loads(counts or "{}").items()), ""]
    for title, lines in sections.items():
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
