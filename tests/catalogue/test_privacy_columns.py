"""The Data safety declaration in the catalogue: a database made before it gains the columns,
the declaration is stored typed, and the export carries it and its rating."""

import json

import duckdb
import pandas as pd

from catalogue.curation import Curation
from catalogue.export import export
from catalogue.store import SQL_DIR, write_session
from scoring import rate
from scoring.runs import score_catalogue
from tests.records import play

DECLARED = {"privacy_shares": True, "privacy_shared_kinds": ["Locatie"],
            "privacy_collects": True, "privacy_collected_kinds": ["Locatie", "App-activiteit"],
            "privacy_encrypted": True, "privacy_deletion": None,
            "privacy_declaration_url":
                "https://play.google.com/store/apps/datasafety?id=nl.example.kwit&hl=nl"}
KWIT = play("nl.example.kwit", "Kwit", "Kwit SAS", **DECLARED)


def test_a_database_from_before_the_declaration_gains_its_columns(db, load):
    db.parent.mkdir(parents=True)
    older = (SQL_DIR / "schema.sql").read_text(encoding="utf-8").split(
        "-- Google Play's Data safety declaration")[0]
    with duckdb.connect(str(db)) as con:
        con.execute(older)
        columns = {c[0] for c in con.execute("DESCRIBE observation").fetchall()}
    assert "privacy_shares" not in columns
    load({"googleplay": [KWIT]})
    with write_session(db) as con:
        row = con.execute("""SELECT privacy_shares, privacy_shared_kinds, privacy_deletion,
                                    privacy_declaration_url FROM record_current""").fetchone()
    assert row == (True, ["Locatie"], None, DECLARED["privacy_declaration_url"])


def test_the_export_carries_the_declaration_and_its_rating(db, load, tmp_path):
    load({"googleplay": [KWIT]})
    with write_session(db) as con:
        score_catalogue(con, Curation(None), rate)
        export(con, tmp_path / "out", "parquet")
    observations = pd.read_parquet(tmp_path / "out" / "observation.parquet")
    assert json.loads(observations["privacy_shared_kinds"][0]) == ["Locatie"]  # lists as JSON text
    ratings = pd.read_parquet(tmp_path / "out" / "rating_current.parquet")
    [privacy] = ratings[ratings["dimension"] == "privacy"]["value"]
    assert json.loads(privacy)["shares"] is True
