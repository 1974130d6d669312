"""`make bench` builds its catalogue with the real schema: when the schema grows, the benchmark's
generator and loader run must still work (small sizes here; the figures come from `make bench`)."""

import duckdb

from bench import loader, synthetic
from catalogue.sql import example_queries
from publish.data import trends


def test_the_synthetic_catalogue_fits_the_schema_and_feeds_the_real_queries(tmp_path):
    path = synthetic.generate(tmp_path / "s.duckdb", apps=20, years=1)
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM crawl_run").fetchone() == (365,)
        # The generator is random: the site's trends must give the example query's answer.
        by_month = con.execute(
            example_queries()["apps available at the last crawl of each month"]).fetchall()
        shown = [(point["date"], point["apps"]) for point in trends(con)]
    # A month before the first app's first crawl has no point (the generator is random).
    assert 6 <= len(shown) <= 12
    assert shown == [(month.date().isoformat(), apps) for month, apps in by_month]


def test_the_loader_benchmark_loads_a_night_with_the_real_loader():
    rows = loader.bench(apps=20, histories=(1,))
    assert [name for name, _, _ in rows] == [
        "load a night of 20 apps x 2 stores, 1 y history: all changed",
        "load a night of 20 apps x 2 stores, 1 y history: unchanged"]
