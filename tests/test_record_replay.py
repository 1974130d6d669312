"""Recording a live crawl and replaying it go through the same spiders and requests."""

import json
import shutil

from catalogue.store import connect_readonly
from crawlers.middlewares import MANIFEST
from stopwijzer import pipeline
from tests.faults.server import FaultyMirror
from tests.faults.test_faults import live_settings

SOURCES = ["ikstopnu", "loketgezondleven", "appstore"]


def records_of(db):
    with connect_readonly(db) as con:
        return con.execute("SELECT source, source_id, content_hash FROM record_current "
                           "ORDER BY ALL").fetchall()


def test_a_recorded_crawl_replays_to_the_same_records(tmp_path):
    snapshot = tmp_path / "snapshot"
    shown = []
    with FaultyMirror(pipeline.DEMO_SNAPSHOT) as mirror:
        assert pipeline.record(snapshot, SOURCES, settings=live_settings(mirror),
                               echo=shown.append) == 0
        live = pipeline.crawl(tmp_path / "live.duckdb", SOURCES, settings=live_settings(mirror),
                              echo=lambda m: None)
    entries = [json.loads(line) for line in (snapshot / MANIFEST).read_text().splitlines()]
    assert {e["url"].split("/")[2] for e in entries} == {
        "www.ikstopnu.nl", "interventies.loketgezondleven.nl", "itunes.apple.com"}
    assert all((snapshot / e["body"]).is_file() and e["status"] == 200 for e in entries)
    # Recording shows the same progress as a crawl: a last line per source with its pages.
    finished = {line.split(":")[0]: line for line in shown if ": finished, " in line}
    assert sorted(finished) == sorted(SOURCES)
    assert sum(int(line.split(", ")[1].split("/")[0]) for line in finished.values()) == \
        len(entries)
    replayed = pipeline.crawl(tmp_path / "replay.duckdb", SOURCES, replay=snapshot,
                              echo=lambda m: None)
    assert replayed.status == live.status == "ok"
    assert records_of(tmp_path / "replay.duckdb") == records_of(tmp_path / "live.duckdb")


def test_a_request_missing_from_the_snapshot_fails_clearly(tmp_path):
    snapshot = shutil.copytree(pipeline.DEMO_SNAPSHOT, tmp_path / "snapshot")
    lines = (snapshot / MANIFEST).read_text().splitlines()
    missing = next(json.loads(line) for line in lines if "interventies-zoeken/" in line)
    (snapshot / MANIFEST).write_text("\n".join(
        line for line in lines if json.loads(line)["url"] != missing["url"]))
    summary = pipeline.crawl(tmp_path / "db.duckdb", ["loketgezondleven"], replay=snapshot,
                             echo=lambda m: None)
    health = summary.sources["loketgezondleven"].health
    assert health.status == "partial"
    assert f"no recorded response for GET {missing['url']}" in health.reason
