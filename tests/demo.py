"""The bundled demo snapshot, page by page, for tests that check what it holds."""

from __future__ import annotations

import json
from pathlib import Path

from crawlers import parsers

DEMO = Path(__file__).resolve().parents[1] / "snapshots" / "demo"


def entries(source: str | None = None) -> list[dict]:
    """The manifest's entries, or a source's: its part and its extra parts (`<source>-*.jsonl`,
    such as googleplay-datasafety), in the manifest's order."""
    paths = [DEMO / "manifest.jsonl"] if source is None else sorted(
        [DEMO / "parts" / f"{source}.jsonl", *(DEMO / "parts").glob(f"{source}-*.jsonl")])
    return [json.loads(line) for path in paths
            for line in path.read_text(encoding="utf-8").splitlines() if line]


def pages(source: str) -> list[tuple[dict, parsers.Parsed]]:
    return [(e, parsers.parse(source, (DEMO / e["body"]).read_text(encoding="utf-8"), e["url"]))
            for e in entries(source)]


def records(source: str) -> dict[str, dict]:
    """The demo records of a source by title."""
    return {r["title"]: r for _, parsed in pages(source) for r in parsed.records}
