"""The apps and programmes the catalogue must always know about (curation/known_apps.csv).

Spiders fetch these by id on every run, besides what the searches find, so a known app never
drops out of the catalogue because a store ranked it lower one night.
"""

from __future__ import annotations

import csv
from pathlib import Path

KNOWN_APPS_CSV = Path(__file__).resolve().parent.parent / "curation" / "known_apps.csv"


def known_apps(path: Path = KNOWN_APPS_CSV) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as f:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(f)]
