"""`make bench`: what Stopwijzer costs on this machine, measured in one run, printed as a table.

    python -m bench [--quick]
"""

from __future__ import annotations

import argparse
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from bench import loader, play_parser, sitebuild, synthetic
from catalogue.sql import example_queries, queries
from publish.data import trends

ROOT = Path(__file__).resolve().parents[1]
SQL = queries(Path(__file__).with_name("bench.sql"))


def best_of(fn, times: int = 3) -> float:
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def demo_pipeline() -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "stopwijzer", "--db", f"{folder}/db.duckdb",
                        "nightly", "--replay", str(ROOT / "snapshots" / "demo"),
                        "--site", f"{folder}/site"], check=True, capture_output=True)
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return [("demo pipeline (crawl, catalogue, score, site)", f"{seconds:.1f} s", "goal < 60 s"),
            ("demo pipeline peak memory (largest process)", f"{peak_mb:.0f} MB", "goal < 500 MB")]


def catalogue_rows(apps: int, years: int) -> list[tuple[str, str, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "synthetic.duckdb"
        start = time.perf_counter()
        synthetic.generate(path, apps=apps, years=years)
        rows.append((f"synthetic catalogue: {apps} apps x {years} years nightly, generated "
                     "with bulk SQL (not the loader)",
                     f"{time.perf_counter() - start:.1f} s", ""))
        rows.append(("synthetic catalogue: database size", f"{path.stat().st_size / 1e6:.0f} MB",
                     ""))
        con = duckdb.connect(str(path), read_only=True)
        counts = con.execute(SQL["observations_and_sightings"]).fetchone()
        rows.append(("  observations / sightings", f"{counts[0]:,} / {counts[1]:,}", ""))
        queries = {**example_queries(), "site trends (3 charts)": None}
        for name, sql in queries.items():
            seconds = best_of(lambda: trends(con) if sql is None else con.execute(sql).fetchall())
            rows.append((f"  query: {name}", f"{seconds * 1000:.0f} ms", "goal < 200 ms"))
        con.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke test")
    args = parser.parse_args()
    apps, years, pages = (100, 1, 100) if args.quick else (1000, 5, 1000)

    print(f"Stopwijzer benchmark on {platform.node()}: {platform.machine()}, "
          f"{platform.python_implementation()} {platform.python_version()}, "
          f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores\n")
    print(f"{'Google Play detail page':<40} {'ms/page':>9} {'ratio':>7} {'fields':>8}")
    for row in play_parser.bench():
        print(f"{row['name']:<40} {row['seconds_per_page'] * 1000:>9.2f} "
              f"{row['ratio_vs_gps']:>6.2f}x {row['fields_filled']:>4}/{row['fields_compared']}")
    print()
    rows = (demo_pipeline() + catalogue_rows(apps, years)
            + loader.bench(apps, (1, years) if years > 1 else (1,)) + sitebuild.bench(pages))
    width = max(len(r[0]) for r in rows)
    for name, value, goal in rows:
        print(f"{name:<{width}}  {value:>12}  {goal}")


if __name__ == "__main__":
    main()
