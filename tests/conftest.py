"""A fresh catalogue per test, loaded run by run as the nightly crawl would."""

from datetime import timedelta

import pytest

from catalogue.load import load_crawl
from catalogue.store import write_session
from tests.records import T0, write_crawl


@pytest.fixture
def db(tmp_path):
    return tmp_path / "data" / "stopwijzer.duckdb"


@pytest.fixture
def load(db, tmp_path):
    """load(by_source, day=0, stats=None, editor_links=None) -> RunSummary, as a nightly run on
    day T0 + day."""
    counter = iter(range(1000))

    def _load(by_source, day=0, stats=None, editor_links=None):
        folder = write_crawl(tmp_path / "crawls" / str(next(counter)), by_source, stats)
        with write_session(db) as con:
            return load_crawl(con, folder, list(by_source), mode="replay",
                              started=T0 + timedelta(days=day), editor_links=editor_links)
    return _load
