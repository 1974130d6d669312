"""One built demo site for the site tests: the demo snapshot, then a run in which one app has
vanished and a hostile app has appeared."""

import json
from datetime import datetime, timezone

import pytest

from catalogue.load import load_crawl
from catalogue.store import write_session
from crawlers.items import SOURCES
from stopwijzer import pipeline
from tests.records import play
from tests.site.browser import browser, site_url  # noqa: F401  (one browser for all tests)

HOSTILE_TITLE = "<script>window.__xss=1</script>" + "Stop" * 150 + "\u202eevil\u200b"
HOSTILE_DESCRIPTION = (
    "Stop met roken! <img src=x onerror=\"window.__xss=1\"> [klik](javascript:alert(1)) "
    "{{ 7*7 }} {% raw %} # kop\n<a href=\"javascript:alert(2)\">hier</a> "
    "Dagelijkse herinnering om je dag af te vinken.")
HOSTILE = play("../../evil", HOSTILE_TITLE, "<b>Evil</b> Corp", description=HOSTILE_DESCRIPTION,
               website="javascript:alert(3)", links=["javascript:alert(3)"])
VANISHING = "nl.vapestop.app"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("site")
    db, site = folder / "data" / "stopwijzer.duckdb", folder / "build" / "site"
    pipeline.crawl(db, replay=pipeline.DEMO_SNAPSHOT, echo=lambda m: None)
    first_crawl = next((db.parent / "crawls").iterdir())
    second = folder / "second-crawl"
    second.mkdir()
    for source in SOURCES:
        (second / f"{source}.stats.json").write_bytes(
            (first_crawl / f"{source}.stats.json").read_bytes())
        records = [json.loads(line) for line in
                   (first_crawl / f"{source}.jsonl").read_text().splitlines()]
        if source == "googleplay":
            records = [r for r in records if r["source_id"] != VANISHING] + [HOSTILE]
        (second / f"{source}.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    with write_session(db) as con:
        load_crawl(con, second, list(SOURCES), mode="replay", started=datetime.now(timezone.utc))
    pipeline.score_only(db)
    pipeline.publish_site(db, site, pipeline.load_curation())
    return db, site
