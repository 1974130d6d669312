"""The progress reporter the editor watches during a crawl, record, probe or scoring, and the
crawler's progress events that feed it."""

import io
import json
import time
from types import SimpleNamespace

import pytest
from scrapy.utils.test import get_crawler

from crawlers.extensions import PROGRESS_PREFIX, ProgressEvents
from crawlers.middlewares import RETRY_WAIT_KIND, RETRY_WAIT_UNTIL
from stopwijzer.pipeline import show_progress
from stopwijzer.progress import Progress, describe, interval_from_env


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def logged():
    """A Progress writing lines (as to a log or cron mail) every 30 s, on a clock we move."""
    lines, clock = [], Clock()
    return Progress(lines.append, interval=30, live=False, clock=clock), lines, clock


def test_a_log_gets_a_line_at_start_every_interval_and_at_the_end(logged):
    progress, lines, clock = logged
    progress.start("googleplay", cap=400)
    progress.start("appstore", cap=400)
    assert lines == ["googleplay: started", "appstore: started"]

    clock.now += 10
    progress.update("googleplay", pages=12, records=30, errors=0, retries=1)
    progress.tick()
    assert len(lines) == 2  # nothing new before 30 s

    clock.now += 25
    progress.update("googleplay", pages=40, records=80, errors=0, retries=2, bytes=3_100_000,
                    wait=4.0, wait_kind="Retry-After")
    progress.finish("appstore", pages=5, records=9, errors=0, retries=0)
    progress.tick()
    assert lines[2:] == [
        "appstore: finished, 5/400 pages, 9 records, 0 errors, 0 retries, in 35 s",
        "googleplay: 40/400 pages, 80 records, 0 errors, 2 retries, 3.1 MB, "
        "waiting 4.0 s (Retry-After), 35 s"]

    clock.now += 29
    progress.tick()
    assert len(lines) == 4  # 29 s since googleplay's last line; appstore is done
    clock.now += 1
    progress.tick()
    assert lines[4].startswith("googleplay: 40/400 pages") and lines[4].endswith(", 1 min 05 s")

    progress.finish("googleplay", "stopped at the page cap", pages=400, wait=0)
    assert lines[5].startswith("googleplay: stopped at the page cap, 400/400 pages, 80 records")
    assert "waiting" not in lines[5] and lines[5].endswith("in 1 min 05 s")


def test_a_stage_without_pages_reads_as_its_own_counts(logged):
    progress, lines, clock = logged
    progress.start("scoring")
    clock.now += 3
    progress.finish("scoring", apps=16, note="5 ratings changed")
    assert lines == ["scoring: started", "scoring: finished, 16 apps, 5 ratings changed, in 3.0 s"]


def test_describe_orders_the_facts_and_skips_empty_ones():
    assert describe({"records": 3, "pages": 7}) == "7 pages, 3 records"
    assert describe({"pages": 7, "cap": None, "wait": 0.0, "bytes": 0}) == "7 pages"
    assert describe({"wait": 1.5, "wait_kind": "throttle"}) == "waiting 1.5 s (throttle)"


def test_the_interval_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("STOPWIJZER_PROGRESS_SECONDS", "5")
    assert interval_from_env() == 5.0
    monkeypatch.setenv("STOPWIJZER_PROGRESS_SECONDS", "soon")
    with pytest.raises(ValueError, match="STOPWIJZER_PROGRESS_SECONDS"):
        interval_from_env()


def test_the_ticker_thread_writes_lines_while_a_stage_runs():
    lines = []
    with Progress(lines.append, interval=0.05, live=False) as progress:
        progress.start("building the site")
        deadline = time.monotonic() + 5
        while len(lines) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        progress.finish("building the site")
    assert lines[0] == "building the site: started"
    assert lines[1].startswith("building the site: ") and lines[1].endswith(" s")
    assert lines[-1].startswith("building the site: finished, in ")


def crawler_with(stats: dict, slot_delays: list[float]):
    crawler = get_crawler(settings_dict={"CLOSESPIDER_PAGECOUNT": 400})
    for name, value in stats.items():
        crawler.stats.set_value(name, value)
    slots = {f"host{i}": SimpleNamespace(delay=d) for i, d in enumerate(slot_delays)}
    return SimpleNamespace(stats=crawler.stats, settings=crawler.settings,
                           engine=SimpleNamespace(downloader=SimpleNamespace(slots=slots)))


def emitted(crawler) -> dict:
    out = io.StringIO()
    ProgressEvents(crawler, 1.0, out).emit(SimpleNamespace(name="appstore"), "progress")
    line = out.getvalue()
    assert line.startswith(PROGRESS_PREFIX) and line.endswith("\n")
    return json.loads(line[len(PROGRESS_PREFIX):])


def test_a_progress_event_carries_the_counts_and_the_throttle_delay():
    event = emitted(crawler_with({"response_received_count": 12, "item_scraped_count": 30,
                                  "retry/count": 2, "log_count/ERROR": 1,
                                  "downloader/response_bytes": 4096}, [1.0, 2.5]))
    assert event == {"event": "progress", "source": "appstore", "pages": 12, "cap": 400,
                     "records": 30, "errors": 1, "retries": 2, "bytes": 4096, "wait": 2.5,
                     "wait_kind": "throttle"}


def test_a_retry_after_wait_shows_over_the_throttle_until_it_has_passed():
    crawler = crawler_with({RETRY_WAIT_UNTIL: time.monotonic() + 20,
                            RETRY_WAIT_KIND: "Retry-After"}, [1.0])
    event = emitted(crawler)
    assert event["wait_kind"] == "Retry-After" and 19 <= event["wait"] <= 20
    crawler.stats.set_value(RETRY_WAIT_UNTIL, time.monotonic() - 1)
    assert emitted(crawler)["wait_kind"] == "throttle"


def test_the_parent_turns_events_into_progress_and_leaves_other_lines(logged):
    progress, lines, clock = logged
    start = {"event": "start", "source": "ikstopnu", "cap": 400, "pages": 0}
    finish = {"event": "finish", "source": "ikstopnu", "reason": "closespider_pagecount",
              "pages": 400, "cap": 400, "records": 5, "errors": 0, "retries": 0, "bytes": 0,
              "wait": 0, "wait_kind": None}
    assert show_progress(progress, PROGRESS_PREFIX + json.dumps(start) + "\n")
    clock.now += 2
    assert show_progress(progress, PROGRESS_PREFIX + json.dumps(finish) + "\n")
    assert lines == ["ikstopnu: started",
                     "ikstopnu: stopped at the page cap, 400/400 pages, 5 records, 0 errors, "
                     "0 retries, in 2.0 s"]
    assert not show_progress(progress, "2026-12-01 INFO: a print from a library\n")
    assert not show_progress(progress, PROGRESS_PREFIX + "{not json\n")


def test_tasks_left_running_when_their_process_dies_get_a_last_line(logged):
    progress, lines, clock = logged
    progress.start("googleplay", cap=400)
    progress.start("appstore", cap=400)
    progress.update("googleplay", pages=12)
    progress.finish("appstore", pages=5)
    clock.now += 60
    progress.finish_running("broke off (crawler exit code -9)")
    assert lines[3:] == ["googleplay: broke off (crawler exit code -9), 12/400 pages, in 1 min 00 s"]
