"""Every named statement in every .sql file of the packages binds against a real catalogue: a
renamed column or view fails here, not in the first nightly that runs the statement."""

import re
from pathlib import Path

import duckdb
import pytest

import scoring
from catalogue.curation import Curation
from catalogue.load import incoming_table
from catalogue.sql import queries
from catalogue.store import write_session
from scoring.runs import score_catalogue
from tests.records import play

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("catalogue", "crawlers", "scoring", "publish", "stopwijzer", "bench")
SQL_FILES = sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.sql"))
# What a statement binds: $name outside string literals ('$.dutch' is a JSON path) and comments.
LITERALS_AND_COMMENTS = re.compile(r"'(?:[^']|'')*'|--[^\n]*")
PARAMETER = re.compile(r"\$(\w+)")


def parameters(sql: str) -> set[str]:
    return set(PARAMETER.findall(LITERALS_AND_COMMENTS.sub("", sql)))


@pytest.fixture
def catalogue(db, load):
    """A catalogue with every stage's tables and views: one crawl, scored."""
    load({"googleplay": [play("nl.example.a", "Rookvrij A", "Example",
                              description="Stoppen met roken.")]})
    with write_session(db) as con:
        score_catalogue(con, Curation(None), scoring.rate)
        # The crawl's records as catalogue/load.py registers them for load.sql.
        con.register("incoming", incoming_table("googleplay", []))
        yield con


def test_the_packages_have_named_statements():
    named = {path.relative_to(ROOT).as_posix() for path in SQL_FILES if queries(path)}
    assert {"catalogue/load.sql", "catalogue/curation.sql", "scoring/runs.sql",
            "publish/data.sql", "publish/report.sql", "stopwijzer/operations.sql"} <= named


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_named_statement_binds(catalogue, path):
    """PREPARE binds a statement (tables, columns, types) without running it. A CREATE cannot be
    prepared: it is run, with NULL parameters, as later statements of its file read what it
    makes (load.sql's incoming_state)."""
    for name, sql in queries(path).items():
        try:
            if re.match(r"(--[^\n]*\n|\s)*CREATE\b", sql):
                catalogue.execute(sql, dict.fromkeys(parameters(sql)))
            else:
                catalogue.execute(f"PREPARE checked AS {sql}")
                catalogue.execute("DEALLOCATE checked")
        except duckdb.Error as error:
            pytest.fail(f"{path.name}: {name}: {error}")
