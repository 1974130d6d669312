"""Named SQL statements kept in .sql files beside the code that runs them.

A file holds statements each headed by a `-- name: <name>` line; `queries(path)` returns them by
name. Parameters are always bound ($name or ?), never formatted into the text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

HEADER = re.compile(r"^-- name: (\w+)\s*$", re.M)
# The researcher's example queries, as the README shows them (a test keeps the two the same).
EXAMPLE_QUERIES = Path(__file__).with_name("example_queries.sql")


@cache
def queries(path: Path) -> dict[str, str]:
    parts = HEADER.split(path.read_text(encoding="utf-8"))
    return {name: sql.strip() for name, sql in zip(parts[1::2], parts[2::2])}


def example_queries(path: Path = EXAMPLE_QUERIES) -> dict[str, str]:
    """The example queries by their first line, a comment saying what each one answers: each
    query is a block that starts with a comment after a blank line."""
    blocks = (block.strip() for block in re.split(r"\n\n(?=--)", path.read_text(encoding="utf-8")))
    return {block.splitlines()[0].lstrip("- "): block for block in blocks if block}
