"""Named SQL statements kept in .sql files beside the code that runs them.

A file holds statements each headed by a `-- name: <name>` line; `queries(path)` returns them by
name. Parameters are always bound ($name or ?), never formatted into the text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

HEADER = re.compile(r"^-- name: (\w+)\s*$", re.M)


@cache
def queries(path: Path) -> dict[str, str]:
    parts = HEADER.split(path.read_text(encoding="utf-8"))
    return {name: sql.strip() for name, sql in zip(parts[1::2], parts[2::2])}
