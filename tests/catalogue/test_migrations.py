"""Schema versions: migrations applied once, in order, when a database is opened for writing."""

import json

import duckdb
import pytest

from catalogue.curation import Curation
from catalogue.migrations import MIGRATIONS, current_version, migrate
from catalogue.store import CatalogueError, write_session
from scoring.runs import score_catalogue
from tests.records import play


def test_a_new_database_records_every_migration(db, load):
    load({})
    with write_session(db) as con:
        rows = con.execute("SELECT version, description FROM schema_version").fetchall()
    assert rows == [(v, d) for v, d, _ in MIGRATIONS]


def test_missing_migrations_are_applied_once_in_order(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    con.execute("CREATE TABLE app (app_id VARCHAR, name VARCHAR)")
    con.execute("INSERT INTO app VALUES ('quiddy', 'Quiddy')")
    baseline = MIGRATIONS[:1]
    later = (*baseline,
             (2, "names in lower case", "UPDATE app SET name = lower(name)"),
             (3, "a column with a default", "ALTER TABLE app ADD COLUMN note VARCHAR DEFAULT 'x'"))
    assert migrate(con, baseline) == [1]
    assert migrate(con, later) == [2, 3]
    assert migrate(con, later) == []
    assert con.execute("SELECT name, note FROM app").fetchall() == [("quiddy", "x")]
    assert current_version(con) == 3


def test_a_database_newer_than_the_code_is_refused(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    migrate(con, (*MIGRATIONS, (9, "from the future", "")))
    with pytest.raises(CatalogueError, match="schema version 9, newer than this Stopwijzer"):
        migrate(con)


def old_ratings(record):
    """Ratings as rubrics before 2026.12.3 stored them: Dutch codes."""
    price = {"rule": "store_price", "text": "Prijs: € 0.00", "source": "catalogus", "url": None,
             "seen": "2026-11-20", "status": "verified"}
    return {"rubric_version": "2026.12.2", "recommendable": True,
            "evidence": {"value": "onbekend", "label": "Geen onderbouwing bekend",
                         "confidence": "laag", "reasons": []},
            "blended_care": {"value": {"refers_to_professional": False, "advises_aids": False,
                                       "professional_can_view": False, "ads": None,
                                       "cost": "gratis met betaalde extra's"},
                             "label": "Verwijst niet naar professionele hulp. Gratis met "
                                      "betaalde extra's", "confidence": "middel",
                             "reasons": [price]}}


def test_old_rating_codes_are_rewritten_once_and_nothing_else(db, load):
    load({"googleplay": [play("com.EAGINsoftware.dejaloYa", "QuitNow!", "Fewlaps")]})
    with write_session(db) as con:
        score_catalogue(con, Curation(None), old_ratings)
        con.execute("DELETE FROM schema_version WHERE version >= 2")  # as made before the rename
    with write_session(db) as con:
        assert current_version(con) == len(MIGRATIONS)
        rows = con.execute("SELECT dimension, value, label, confidence, reasons, rubric_version "
                           "FROM rating ORDER BY dimension").fetchall()
    blended, evidence, recommendable = rows
    assert json.loads(evidence[1]) == "unknown" and evidence[3] == "low"
    assert json.loads(blended[1])["cost"] == "free_with_paid_extras" and blended[3] == "medium"
    assert json.loads(blended[4])[0]["source"] == "catalogue"
    # A code rename: the labels and the version the rating was made with stay as they were.
    assert evidence[2] == "Geen onderbouwing bekend" and evidence[5] == "2026.12.2"
    assert json.loads(blended[1])["ads"] is None and recommendable[1:4] == ("true", None, None)


def test_a_catalogue_never_scored_gets_the_code_migration_too(tmp_path):
    con = duckdb.connect(str(tmp_path / "x.duckdb"))
    assert migrate(con) == [1, 2]
