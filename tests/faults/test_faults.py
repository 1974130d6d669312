"""Each source misbehaving in turn, over real HTTP on loopback: the run finishes, the failing
source is reported with its reason, the other sources land, and nothing known is lost."""

import shutil

import pytest

from catalogue.store import connect_readonly
from crawlers.items import SOURCES
from stopwijzer import pipeline
from tests.faults.server import FaultyMirror

SNAPSHOT = pipeline.DEMO_SNAPSHOT
# Which source misbehaves how, and what that must make of it; every source gets at least one
# fault, and the layout change (the fault that happens most in practice) is tried on every
# source. A fault that leaves a source nothing it can trust fails it: nothing of it is applied.
# A page in the wrong encoding loses only the records with garbled text (the demo's Play pages
# are mostly ASCII): the source is partial, so it declares nothing gone.
FAULTS = {"http500": ("googleplay", "failed"), "http429": ("appstore", "failed"),
          "timeout": ("ggdappstore", "failed"), "reset": ("ikstopnu", "failed"),
          "truncated": ("loketgezondleven", "failed"), "empty": ("appstore", "failed"),
          "redirect_loop": ("loketgezondleven", "failed"), "huge": ("ikstopnu", "failed"),
          "encoding": ("googleplay", "partial"),
          **{f"layout-{source}": (source, "failed") for source in SOURCES}}


def live_settings(mirror: FaultyMirror) -> dict[str, str]:
    """A live crawl (robots.txt and all) against the mirror, with short waits."""
    return {"STOPWIJZER_MIRROR": mirror.url, "HTTPCACHE_ENABLED": "False",
            "DOWNLOAD_TIMEOUT": "4", "RETRY_TIMES": "1", "RETRY_BACKOFF_BASE": "0.2",
            "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "False",
            "CONCURRENT_REQUESTS_PER_DOMAIN": "8", "LOGSTATS_INTERVAL": "0"}


def snapshot_of(db):
    with connect_readonly(db) as con:
        return {
            "observations": con.execute("SELECT * FROM observation ORDER BY obs_id").fetchall(),
            "current": con.execute("SELECT * EXCLUDE (last_seen, times_seen) FROM record_current "
                                   "ORDER BY source, source_id").fetchall(),
            "available": con.execute("SELECT app_id FROM app_current WHERE available "
                                     "ORDER BY 1").fetchall(),
        }


@pytest.fixture(scope="module")
def known_db(tmp_path_factory):
    """A catalogue that already knows every demo app, crawled over HTTP without faults."""
    db = tmp_path_factory.mktemp("known") / "stopwijzer.duckdb"
    with FaultyMirror(SNAPSHOT) as mirror:
        summary = pipeline.crawl(db, replay=None, settings=live_settings(mirror), echo=lambda m: None)
    assert {s: r.health.status for s, r in summary.sources.items()} == dict.fromkeys(SOURCES, "ok")
    return db


@pytest.mark.parametrize("fault, source, expected", [(f, *o) for f, o in FAULTS.items()])
def test_a_misbehaving_source_fails_alone_and_loses_nothing(fault, source, expected, known_db,
                                                            tmp_path):
    db = tmp_path / "stopwijzer.duckdb"
    shutil.copy(known_db, db)
    before = snapshot_of(db)
    with FaultyMirror(SNAPSHOT, {source: fault.split("-")[0]}) as mirror:
        summary = pipeline.crawl(db, settings=live_settings(mirror), echo=lambda m: None)
    after = snapshot_of(db)
    health = summary.sources[source].health
    assert health.status == expected, (fault, source, health)
    assert health.reason and len(health.reason) < 400
    assert {s: r.health.status for s, r in summary.sources.items() if s != source} == \
        dict.fromkeys([s for s in SOURCES if s != source], "ok")
    assert after["observations"][:len(before["observations"])] == before["observations"]
    assert after["available"] == before["available"]
    assert [r for r in after["current"] if r[0] == source] == \
        [r for r in before["current"] if r[0] == source]


def test_a_single_429_is_retried_after_its_retry_after(known_db, tmp_path, monkeypatch):
    db = tmp_path / "stopwijzer.duckdb"
    shutil.copy(known_db, db)
    shown = []
    monkeypatch.setenv("STOPWIJZER_PROGRESS_SECONDS", "0.05")  # a line while it waits
    with FaultyMirror(SNAPSHOT, {"appstore": "retry_once"}) as mirror:
        summary = pipeline.crawl(db, ["appstore"], echo=shown.append, settings={
            **live_settings(mirror), "STOPWIJZER_PROGRESS_INTERVAL": "0.1"})
        asked = [url for url in mirror.requests if "itunes.apple.com" in url]
    assert summary.sources["appstore"].health.status == "ok"
    assert len(asked) == 2 * len(set(asked))  # every page: once refused, once answered
    # Where the time went: every retry waited the Retry-After of 1 s, and the editor saw it.
    with connect_readonly(db) as con:
        pages, retries, retry_wait, duration = con.execute(
            "SELECT pages, retries, retry_wait, duration FROM source_run "
            "WHERE run_id = ? AND source = 'appstore'", [summary.run_id]).fetchone()
    assert retries == len(set(asked)) and retry_wait == pytest.approx(retries * 1.0)
    assert pages == len(set(asked)) and duration >= 1.0  # a refused try is a retry, no page
    assert f"appstore: finished, {pages}/400 pages, " in "\n".join(shown)
    assert f", {retries} retries, " in next(m for m in shown if m.startswith("appstore: fin"))
    assert [m for m in shown if m.startswith("appstore: ") and "(Retry-After)" in m], shown
