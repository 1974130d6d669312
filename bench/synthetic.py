"""A generated catalogue of realistic size: N apps, each on Google Play and the App Store, crawled
every night for Y years, with realistic change rates (a new version every ~2 months, a rating
change every ~3 weeks, 15% of apps disappearing, new apps arriving all the time), and ratings
that change when the apps do. Written with the real schema, so the real views are measured."""

from __future__ import annotations

from pathlib import Path

import duckdb

from catalogue.store import ensure_schema, extra_sql
from scoring.runs import RATINGS_SCHEMA

GENERATE = Path(__file__).with_name("synthetic.sql")


def generate(path: Path, apps: int = 1000, years: int = 5) -> Path:
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    ensure_schema(con)
    extra_sql(con, RATINGS_SCHEMA)
    con.execute("SET VARIABLE days = ?", [365 * years])
    con.execute("SET VARIABLE apps = ?", [apps])
    con.execute(GENERATE.read_text(encoding="utf-8"))
    con.execute("CHECKPOINT")
    con.close()
    return path
