"""Scoring the whole catalogue as one run, with the editor's overrides and evidence links.

An override holds until the app changes: once a source shows a newer state of the app than the
override's date, the rater's value is used again and the override is reported as expired (in the
run's summary, its log and change report: `score_run.expired_overrides`).

An override replaces the value and the label, and its reason has its own status, `editor`: the
editor's word is neither a source's verification nor the maker's claim.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from catalogue.apps import app_records
from catalogue.curation import Curation
from catalogue.sql import queries
from catalogue.store import extra_sql
from scoring import rubric
from scoring.privacy import privacy_label

RATINGS_SCHEMA = Path(__file__).resolve().parent / "ratings.sql"
SQL = queries(Path(__file__).with_name("runs.sql"))
# The columns that tell whether a rating changed (and so is stored again), as runs.sql reads them.
COMPARED = ("value", "label", "confidence", "reasons", "extra", "rubric_version", "override")
JSON_COLUMNS = ("value", "reasons", "extra", "override")
OWN_KEYS = ("value", "label", "confidence", "reasons", "override")
PLAIN_FACTS = ("recommendable",)  # top-level facts of the ratings that are no dimension


@dataclass
class ScoreSummary:
    score_run_id: int
    apps: int
    changed: int
    expired_overrides: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (f"score run {self.score_run_id}: {self.apps} apps rated, "
                f"{self.changed} ratings changed")
        if self.expired_overrides:
            text += f"; overrides expired (app changed): {', '.join(self.expired_overrides)}"
        return text


def with_curation(record: dict, curation: Curation) -> dict:
    record = dict(record)
    record["evidence_links"] = [
        {"url": e["url"], "title": e["title"], "added": str(e["date"]), "by": e["by"]}
        for e in curation.of("evidence", record["app_id"])]
    return record


def _joined(labels: dict, codes, separator: str, empty: str) -> str:
    return separator.join(labels.get(code, str(code)) for code in codes or []) or empty


def override_label(dimension: str, value) -> str:
    """The Dutch label of an editor's value, built from the rubric's labels as the raters build
    theirs, so that the label never contradicts the value."""
    config = rubric.section(dimension)
    labels = config.get("labels", {})
    if dimension == "evidence":
        return labels.get(value, str(value))
    if dimension == "topic":
        return labels["on" if value is True else "off"]
    if dimension in ("target_groups", "flags") and not isinstance(value, list):
        value = [value]
    elif dimension not in ("target_groups", "flags") and not isinstance(value, dict):
        value = {}
    if dimension == "target_groups":
        return _joined(labels, value, ", ", labels[config["default"]])
    if dimension == "flags":
        return _joined(labels, value, "; ", config["none"])
    if dimension == "language":
        return labels["dutch" if value.get("dutch") else "not_dutch"]
    if dimension == "notifications":
        has = value.get("has")
        if has is None:
            return labels["unknown"]
        return _joined(labels, value.get("kinds"), "; ", labels["some"]) if has \
            else labels["none"]
    if dimension == "blended_care":
        said = [labels[k] for k in ("refers_to_professional", "advises_aids",
                                    "professional_can_view") if value.get(k)]
        cost = config["cost"]["labels"].get(value.get("cost"), "")
        return f"{'; '.join(said) or labels['none']}. {cost}".strip()
    if dimension == "components":
        return config["summary"].format(count=len(value.get("checklist") or []))
    if dimension == "privacy":
        declared = {"shared_kinds": [], "collected_kinds": [], "collects": False,
                    "encrypted": None, "deletion": None, **value}
        return privacy_label(declared, labels) if isinstance(value.get("shares"), bool) \
            else labels["none"]
    raise ValueError(f"no label for an override of '{dimension}'")


def apply_override(ratings: dict, entry: dict, app_changed_on: str | None) -> bool:
    """Put the editor's value and its label in place; False when the app changed after the
    override."""
    if app_changed_on and app_changed_on > str(entry["date"]):
        return False
    dimension = ratings[entry["dimension"]]
    dimension["value"] = entry["value"]
    dimension["label"] = override_label(entry["dimension"], entry["value"])
    dimension["confidence"] = "high"
    dimension["reasons"] = [{"rule": "editor_override", "text": entry.get("why") or "",
                             "source": "editor", "url": None, "seen": str(entry["date"]),
                             "status": "editor"}, *dimension["reasons"]]
    dimension["override"] = {k: str(v) for k, v in entry.items() if k != "__line__"}
    return True


def last_known(record: dict) -> dict:
    """An app gone from every source is rated on its last known state, which its page shows
    with the date it was last seen, instead of on nothing."""
    if any(s["available"] for s in record["sources"]):
        return record
    return {**record, "sources": [{**s, "available": True} for s in record["sources"]]}


def store_hidden(con: duckdb.DuckDBPyConnection, curation: Curation) -> None:
    """The apps the editor hides, as a table (app_current.hidden) for researchers."""
    con.execute(SQL["clear_hidden"])
    for entry in curation.of("hide"):
        con.execute(SQL["insert_hidden"], {"app_id": entry["app"], "made_by": entry["by"],
                                           "made_on": entry["date"], "why": entry.get("why")})


def score_catalogue(con: duckdb.DuckDBPyConnection, curation: Curation, rate) -> ScoreSummary:
    """Rate every app with `rate(record) -> ratings` and store what changed."""
    extra_sql(con, RATINGS_SCHEMA)
    score_run_id = con.execute(SQL["next_score_run_id"]).fetchone()[0]
    crawl_run = con.execute(SQL["latest_crawl_run"]).fetchone()[0]
    scored_at = datetime.now(timezone.utc).replace(tzinfo=None)
    current = {(app_id, dim): row for app_id, dim, *row
               in con.execute(SQL["current_ratings"]).fetchall()}
    summary = ScoreSummary(score_run_id, 0, 0)
    store_hidden(con, curation)
    version = None
    for record in app_records(con):
        ratings = rate(with_curation(last_known(record), curation))
        version = ratings["rubric_version"]
        changed_on = max((s["seen_at"] for s in record["sources"]), default=None)
        for entry in curation.of("ratings", record["app_id"]):
            if not apply_override(ratings, entry, changed_on):
                summary.expired_overrides.append(f"{record['app_id']}/{entry['dimension']}")
        summary.apps += 1
        for dimension, rating in ratings.items():
            if dimension == "rubric_version":
                continue
            if dimension in PLAIN_FACTS:
                rating = {"value": rating, "reasons": []}
            extra = {k: v for k, v in rating.items() if k not in OWN_KEYS} or None
            row = [_json(rating.get("value")), rating.get("label"), rating.get("confidence"),
                   _json(rating.get("reasons", [])), _json(extra) if extra else None, version,
                   _json(rating["override"]) if rating.get("override") else None]
            if _same(current.get((record["app_id"], dimension)), row):
                continue
            con.execute(SQL["insert_rating"], {"score_run_id": score_run_id,
                                               "app_id": record["app_id"],
                                               "dimension": dimension, **dict(zip(COMPARED, row))})
            summary.changed += 1
    con.execute(SQL["insert_score_run"],
                {"score_run_id": score_run_id, "crawl_run_id": crawl_run, "scored_at": scored_at,
                 "rubric_version": version or "none", "apps": summary.apps,
                 "changed": summary.changed,
                 "expired_overrides": _json(summary.expired_overrides)})
    return summary


def _json(value) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _same(stored, row) -> bool:
    """Compare JSON by value: DuckDB may give back JSON text formatted differently."""
    if stored is None:
        return False
    for old, new, name in zip(stored, row, COMPARED):
        if name in JSON_COLUMNS:
            if (json.loads(old) if old else None) != (json.loads(new) if new else None):
                return False
        elif old != new:
            return False
    return True
