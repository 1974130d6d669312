"""The README's example queries: the same text as catalogue/example_queries.sql, and right on a
multi-run history whose answers are known."""

import datetime as dt
from pathlib import Path

import pytest

from catalogue.curation import Curation
from catalogue.sql import EXAMPLE_QUERIES, example_queries
from catalogue.store import write_session
from scoring.runs import score_catalogue
from tests.records import play

ROOT = Path(__file__).resolve().parents[2]

A = play("nl.example.a", "Rookvrij A", "Example", description="Stoppen met roken.", version="1.0")
A_CLAIMS = {**A, "description": "Wetenschappelijk bewezen: stoppen met roken."}
B = play("nl.example.b", "Rookvrij B", "Example", description="Quit smoking today.")
C = play("nl.example.c", "Rookvrij C", "Example", description="Stoppen met roken, samen.")


def rate(record):
    """Evidence from one word, Dutch from another: known answers without the real rubric."""
    claims = "bewezen" in record["description"]
    dutch = "roken" in record["description"]
    return {"rubric_version": "t",
            "evidence": {"value": "claimed" if claims else "unknown", "label": "",
                         "confidence": "low", "reasons": []},
            "language": {"value": {"dutch": dutch}, "label": "", "confidence": "low",
                         "reasons": []}}


def test_the_readme_shows_exactly_the_tested_queries():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("Example queries (DuckDB):")[1].split("```sql\n")[1].split("```")[0]
    assert block == EXAMPLE_QUERIES.read_text(encoding="utf-8")


@pytest.fixture
def history(db, load):
    """November: two runs (A changes its claim in the second, B is there); December: one run
    (A gets version 2.0, B gone, C new); January: one run with A alone. Scored after each."""
    for day, records in ((0, [A, B]), (5, [A_CLAIMS, B]), (15, [{**A_CLAIMS, "version": "2.0"}, C]),
                         (45, [{**A_CLAIMS, "version": "2.0"}])):
        load({"googleplay": records}, day=day)
        with write_session(db) as con:
            score_catalogue(con, Curation(None), rate)
    with write_session(db) as con:
        yield {name: con.execute(sql).fetchall() for name, sql in example_queries().items()}


def month(text):
    return dt.datetime.fromisoformat(text)


def test_apps_at_the_last_crawl_of_each_month(history):
    assert history["apps available at the last crawl of each month"] == [
        (month("2026-11-01"), 2), (month("2026-12-01"), 2), (month("2027-01-01"), 1)]


def test_evidence_per_month_counts_the_ratings_scored_after_the_crawl(history):
    """The latest crawl's ratings count, a month with one run has its answer, and A's claim
    shows in November, when it was made."""
    assert history["apps per evidence level per month (the rating scored after that month's "
                   "last crawl)"] == [
        (month("2026-11-01"), "claimed", 1), (month("2026-11-01"), "unknown", 1),
        (month("2026-12-01"), "claimed", 1), (month("2026-12-01"), "unknown", 1),
        (month("2027-01-01"), "claimed", 1)]


def test_share_dutch_per_month(history):
    assert history["share of apps available in Dutch over time"] == [
        (month("2026-11-01"), 0.5), (month("2026-12-01"), 1.0), (month("2027-01-01"), 1.0)]


def test_new_versions_per_year_with_the_rescore_that_saw_them(history):
    [(year, new_versions, median)] = history["time from a new version in a store to the re-score "
                                             "that saw it, per year"]
    assert (year, new_versions) == (2026, 1)
    assert median is not None
