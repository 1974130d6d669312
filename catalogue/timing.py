"""Where a run's time went: each source's pages, bytes, duration, retries and waits, and whether
it slowed down sharply against its usual time.

`stopwijzer status`, the change report and the site's "Wat is er veranderd" all read it from
here, so the three agree on what "slow" means.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from catalogue.sql import queries

SQL = queries(Path(__file__).with_name("timing.sql"))

# A source is flagged when it took more than SLOW_FACTOR times its median over its last
# HISTORY_RUNS good runs of the same mode (a replay says nothing about live speed), and at
# least SLOW_MIN_EXTRA_SECONDS longer: a replay of 0.4 s against 0.2 s is no slowdown.
SLOW_FACTOR = 2.0
SLOW_MIN_EXTRA_SECONDS = 60.0
HISTORY_RUNS = 10
MIN_HISTORY = 3


def is_slow(duration: float | None, usual: float | None, usual_runs: int) -> bool:
    if duration is None or usual is None or usual_runs < MIN_HISTORY:
        return False
    return duration > SLOW_FACTOR * usual and duration - usual >= SLOW_MIN_EXTRA_SECONDS


def source_timings(con: duckdb.DuckDBPyConnection, run_id: int) -> list[dict]:
    """Per source of the run: pages, bytes, duration, retries, throttle_wait, retry_wait (seconds),
    usual (its median duration before) and slow."""
    result = con.execute(SQL["source_timings"], {"run_id": run_id, "history": HISTORY_RUNS})
    names = [d[0] for d in result.description]
    timings = [dict(zip(names, row)) for row in result.fetchall()]
    for timing in timings:
        timing["slow"] = is_slow(timing["duration"], timing["usual"], timing.pop("usual_runs"))
    return timings


def duration_text(seconds: float | None) -> str:
    """'0.4 s', '42 s', '3 min 05 s', '1 h 02 min': the same in English and Dutch."""
    if seconds is None:
        return "-"
    if seconds < 10:
        return f"{seconds:.1f} s"
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def dutch(text: str) -> str:
    """The same text with a decimal comma, for the site and the change report."""
    return text.replace(".", ",")


def bytes_text(count: int | None) -> str:
    if count is None:
        return "-"
    for unit, size in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} B"
