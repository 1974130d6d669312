"""Where a run's time went per source, as stored from the crawl stats, and the slow-down flag."""

import pytest

from catalogue.load import ingest
from catalogue.store import write_session
from catalogue.timing import duration_text, is_slow, source_timings
from publish.report import change_report
from tests.records import itunes, play


def stats(seconds: float, pages: int = 40, **extra) -> dict:
    return {"elapsed_time_seconds": seconds, "response_received_count": pages,
            "downloader/response_bytes": pages * 1_500_000, **extra}


def timings(db, run_id: int) -> dict[str, dict]:
    with write_session(db) as con:
        return {t["source"]: t for t in source_timings(con, run_id)}


def test_each_source_stores_its_pages_bytes_duration_retries_and_waits(db, load):
    run = load({"googleplay": [play("nl.a", "Stoppen", "Dev")],
                "appstore": [itunes(1, "Stoppen", "Dev")]},
               stats={"googleplay": stats(312.5, 41, **{
                   "retry/count": 3, "stopwijzer/throttle_wait_seconds": 80.0,
                   "stopwijzer/retry_wait_seconds": 14.0})})
    got = timings(db, run.run_id)
    assert got["googleplay"] == {"source": "googleplay", "pages": 41, "bytes": 61_500_000,
                                 "duration": 312.5, "retries": 3, "throttle_wait": 80.0,
                                 "retry_wait": 14.0, "usual": None, "slow": False}
    # A crawl that wrote stats but never retried or waited: zero, not unknown.
    assert got["appstore"]["retries"] == 0 and got["appstore"]["throttle_wait"] == 0
    assert got["appstore"]["duration"] is None  # the stats file had no elapsed time


def test_a_manual_ingest_has_no_timing(db, load):
    load({"googleplay": [play("nl.a", "Stoppen", "Dev")]})
    with write_session(db) as con:
        summary = ingest(con, "appstore", [itunes(1, "Stoppen", "Dev")], "saved.json")
        assert con.execute("SELECT pages, bytes, duration, retries FROM source_run "
                           "WHERE run_id = ?", [summary.run_id]).fetchone() == (None,) * 4


def test_a_source_is_flagged_when_it_takes_over_twice_its_usual_time(db, load):
    records = {"googleplay": [play("nl.a", "Stoppen", "Dev")],
               "appstore": [itunes(1, "Stoppen", "Dev")]}
    for day, (play_seconds, store_seconds) in enumerate([(300, 20), (280, 22), (320, 18)]):
        load(records, day, stats={"googleplay": stats(play_seconds),
                                  "appstore": stats(store_seconds)})
    run = load(records, 3, stats={"googleplay": stats(700), "appstore": stats(50)})
    got = timings(db, run.run_id)
    assert got["googleplay"]["usual"] == 300 and got["googleplay"]["slow"]
    # 50 s against a usual 20 s is more than twice, but half a minute is no slowdown to report.
    assert got["appstore"]["usual"] == 20 and not got["appstore"]["slow"]


def test_the_change_report_says_where_the_time_went_and_flags_the_slow_source(db, load):
    records = {"googleplay": [play("nl.a", "Stoppen", "Dev")],
               "ikstopnu": [play("nl.b", "Rookvrij", "Dev")]}
    for day in range(3):
        load(records, day, stats={"googleplay": stats(300), "ikstopnu": stats(2.5, pages=1)})
    run = load(records, 3, stats={"googleplay": stats(745.2, pages=400, **{
        "retry/count": 12, "stopwijzer/throttle_wait_seconds": 500.0,
        "stopwijzer/retry_wait_seconds": 90.0}), "ikstopnu": stats(2.5, pages=1)})
    with write_session(db) as con:
        report = change_report(con, run.run_id)
    section = report.split("## Tijd per bron\n\n")[1].splitlines()
    assert section[:2] == [
        "- googleplay: 400 pagina's, 600,0 MB, 12 min 25 s, 12 keer opnieuw gevraagd, gewacht "
        "8 min 20 s (tempo) en 1 min 30 s (opnieuw vragen); **veel trager dan gewoonlijk** "
        "(meestal 5 min 00 s)",
        "- ikstopnu: 1 pagina, 1,5 MB, 2,5 s, 0 keer opnieuw gevraagd, gewacht 0,0 s (tempo) "
        "en 0,0 s (opnieuw vragen)"]


def test_failed_runs_are_not_the_usual_time(db, load):
    records = {"googleplay": [play("nl.a", "Stoppen", "Dev")]}
    for day, seconds in enumerate([300, 310, 320]):
        load(records, day, stats={"googleplay": stats(seconds)})
    failed = load({"googleplay": []}, 3, stats={"googleplay": stats(5, pages=1)})  # no records
    assert failed.sources["googleplay"].health.status == "failed"
    run = load(records, 4, stats={"googleplay": stats(400)})
    assert timings(db, run.run_id)["googleplay"]["usual"] == 310  # 305 with the failed run


@pytest.mark.parametrize("duration, usual, runs, slow", [
    (700, 300, 3, True), (600, 300, 3, False), (700, 300, 2, False), (None, 300, 5, False),
    (100, 30, 5, True), (80, 30, 5, False)])
def test_the_slow_down_rule(duration, usual, runs, slow):
    assert is_slow(duration, usual, runs) is slow


@pytest.mark.parametrize("seconds, text", [(0.42, "0.4 s"), (42.4, "42 s"), (185, "3 min 05 s"),
                                           (3720, "1 h 02 min"), (None, "-")])
def test_durations_read_as_minutes_and_seconds(seconds, text):
    assert duration_text(seconds) == text
