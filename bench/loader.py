"""Loading a night of crawled records with the real `catalogue.load` into a catalogue that already
holds years of history: how the loader's time grows with the history behind it.

    python -m bench.loader [apps]

A night is `apps` apps on both stores. It is loaded twice on top of the synthetic history: the
first time every record is a new state (and new records get linked), the second time nothing
changed, which is what most nights look like.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bench import synthetic
from catalogue.load import load_crawl
from catalogue.store import write_session
from crawlers.items import new_record


def night(apps: int) -> dict[str, list[dict]]:
    """Records as the spiders write them, with the synthetic catalogue's store ids, plus a tenth
    of new apps that the linker has to place."""
    records = {"googleplay": [], "appstore": []}
    for n in range(1, apps + apps // 10 + 1):
        title, description = f"Stop met roken app-{n}", f"Stop met roken met app-{n}: dagboek."
        records["googleplay"].append(new_record(
            "googleplay", f"com.example.app{n}",
            f"https://play.google.com/store/apps/details?id=com.example.app{n}&hl=nl&gl=NL",
            kind="app", title=title, developer="Ontwikkelaar", description=description,
            platforms=["android"], version="2.0", rating=4.1, price=0.0))
        records["appstore"].append(new_record(
            "appstore", str(100000000 + n), f"https://apps.apple.com/nl/app/id{100000000 + n}",
            kind="app", title=title, developer="Ontwikkelaar", description=description,
            platforms=["ios"], languages=["nl"], version="2.0", rating=4.3, price=0.0))
    return records


def write_night(folder: Path, records: dict[str, list[dict]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source, items in records.items():
        (folder / f"{source}.jsonl").write_text(
            "".join(json.dumps(r) + "\n" for r in items), encoding="utf-8")
        (folder / f"{source}.stats.json").write_text(json.dumps(
            {"finish_reason": "finished", "stopwijzer/pages": len(items)}), encoding="utf-8")
    return folder


def timed_load(db: Path, crawl: Path, started: datetime) -> float:
    begin = time.perf_counter()
    with write_session(db) as con:
        load_crawl(con, crawl, ["googleplay", "appstore"], mode="replay", started=started)
    return time.perf_counter() - begin


def bench(apps: int = 1000, histories=(1, 5)) -> list[tuple[str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        crawl = write_night(folder / "night", night(apps))
        for years in histories:
            db = folder / f"history-{years}.duckdb"
            synthetic.generate(db, apps=apps, years=years)
            started = datetime(2022, 1, 1, 2, tzinfo=timezone.utc) + timedelta(days=365 * years)
            changed = timed_load(db, crawl, started)
            unchanged = timed_load(db, crawl, started + timedelta(days=1))
            rows += [(f"load a night of {apps} apps x 2 stores, {years} y history: all changed",
                      f"{changed:.2f} s", ""),
                     (f"load a night of {apps} apps x 2 stores, {years} y history: unchanged",
                      f"{unchanged:.2f} s", "goal <= 2 s")]
    if len(histories) > 1:
        first, last = (float(r[1].split()[0]) for r in (rows[1], rows[-1]))
        rows.append((f"  growth of the unchanged night from {histories[0]} to {histories[-1]} "
                     "years of history", f"{last / first:.2f}x", ""))
    return rows


if __name__ == "__main__":
    for name, value, goal in bench(int(sys.argv[1]) if len(sys.argv) > 1 else 1000):
        print(f"{name:<75} {value:>9}  {goal}")
