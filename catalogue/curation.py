"""The editor's corrections: curation/curation.yaml, validated with errors that name the line.

Kinds of entry (every entry says who made it, when and why; git keeps the file's history and
the `curation_audit` table keeps what each run applied):
- links: put a source record on an app ("googleplay:com.example.app" -> app id);
- hide: keep an app off the site (it stays in the catalogue);
- ratings: override one rating dimension with a value and a reason;
- evidence: add a published trial or other evidence link to an app;
- summaries: the editorial summary shown on the app's page;
- reviews: the editor has reviewed the app's advice-relevant changes up to this date.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from catalogue.migrations import RENAMED_COST, RENAMED_EVIDENCE
from catalogue.sql import queries
from crawlers.items import SOURCES

SQL = queries(Path(__file__).with_name("curation.sql"))
CURATION_FILE = Path(__file__).resolve().parent.parent / "curation" / "curation.yaml"
COMMON = {"by": str, "date": dt.date, "why": str}
KINDS: dict[str, dict[str, type]] = {
    "links": {"record": str, "app": str},
    "hide": {"app": str},
    "ratings": {"app": str, "dimension": str, "value": object},
    "evidence": {"app": str, "url": str, "title": str},
    "summaries": {"app": str, "text": str},
    "reviews": {"app": str},
}
OPTIONAL = {"why"}
# The shape of each dimension's value, as the raters make it: an override must have it too
# (a value of another shape would break the site build of every night after it).
VALUE_SHAPES = {"evidence": "code", "target_groups": "codes", "language": "mapping",
                "notifications": "mapping", "blended_care": "mapping", "components": "mapping",
                "flags": "codes", "topic": "yes_no", "privacy": "mapping"}
DIMENSIONS = tuple(VALUE_SHAPES)
SHAPE_NAMES = {"code": "one code (text)", "codes": "a list of codes (text)",
               "yes_no": "true or false",
               "mapping": "a mapping of names to text, numbers, yes/no or lists of text"}


class CurationError(ValueError):
    pass


class _LineLoader(yaml.SafeLoader):
    """Remembers the line of every mapping, for error messages; refuses what YAML would let
    pass silently or dangerously: duplicate keys (the last would win), aliases (an alias bomb
    exhausts memory) and impossible dates."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed",
                                              self.peek_event().start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        first_line: dict = {}
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in first_line:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}' (first on line {first_line[key]})",
                    key_node.start_mark)
            first_line[key] = key_node.start_mark.line + 1
        mapping = super().construct_mapping(node, deep=deep)
        mapping["__line__"] = node.start_mark.line + 1
        return mapping

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError as error:
            raise yaml.constructor.ConstructorError(
                None, None, f"'{node.value}' is not a valid date ({error})",
                node.start_mark) from None


_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _LineLoader.construct_yaml_timestamp)


@dataclass
class Curation:
    path: Path
    entries: dict[str, list[dict]] = field(default_factory=dict)

    def of(self, kind: str, app_id: str | None = None) -> list[dict]:
        return [e for e in self.entries.get(kind, []) if app_id is None or e.get("app") == app_id]

    def editor_links(self) -> dict[tuple[str, str], str]:
        return {tuple(e["record"].split(":", 1)): e["app"] for e in self.of("links")}

    def hidden(self) -> set[str]:
        return {e["app"] for e in self.of("hide")}


def _has_shape(value, shape: str) -> bool:
    def text_list(item):
        return isinstance(item, list) and all(isinstance(code, str) for code in item)
    if shape == "code":
        return isinstance(value, str)
    if shape == "codes":
        return text_list(value)
    if shape == "yes_no":
        return isinstance(value, bool)
    return isinstance(value, dict) and all(
        isinstance(name, str) and (name == "__line__" or item is None or text_list(item)
                                   or isinstance(item, (str, int, float, bool)))
        for name, item in value.items())


def _old_code(dimension: str, value) -> tuple[str, str] | None:
    """A Dutch code of rubrics before 2026.12.3 in an override, with the English code that
    replaced it: written the old way it would match no label and no filter on the site."""
    if dimension == "evidence" and value in RENAMED_EVIDENCE:
        return value, RENAMED_EVIDENCE[value]
    if dimension == "blended_care" and value.get("cost") in RENAMED_COST:
        return value["cost"], RENAMED_COST[value["cost"]]
    return None


def _check_entry(path: Path, kind: str, entry, position: int, today: dt.date) -> dict:
    if not isinstance(entry, dict):
        raise CurationError(f"{path}: {kind} entry {position}: expected a mapping with "
                            f"{', '.join([*KINDS[kind], *COMMON])}")
    where = f"{path}: line {entry['__line__']}: {kind}"
    fields = {**KINDS[kind], **COMMON}
    for name in entry:
        if name != "__line__" and name not in fields:
            raise CurationError(f"{where}: unknown field '{name}' (allowed: {', '.join(fields)})")
    for name, kind_type in fields.items():
        if name not in entry:
            if name in OPTIONAL:
                continue
            raise CurationError(f"{where}: missing field '{name}'")
        if kind_type is not object and (not isinstance(entry[name], kind_type) or (
                kind_type is dt.date and isinstance(entry[name], dt.datetime))):
            raise CurationError(f"{where}: field '{name}' must be "
                                f"{'a date (YYYY-MM-DD)' if kind_type is dt.date else 'text'}")
    if entry["date"] > today:
        # A review or an override dated tomorrow would cover changes nobody has seen yet.
        raise CurationError(f"{where}: date {entry['date']} is in the future")
    if kind == "links":
        source, _, source_id = entry["record"].partition(":")
        if source not in SOURCES or not source_id:
            raise CurationError(f"{where}: record '{entry['record']}' must be SOURCE:ID with "
                                f"SOURCE one of {', '.join(SOURCES)}")
    if kind == "ratings" and entry["dimension"] not in DIMENSIONS:
        raise CurationError(f"{where}: unknown dimension '{entry['dimension']}' "
                            f"(one of {', '.join(DIMENSIONS)})")
    if kind == "ratings" and not _has_shape(entry["value"], VALUE_SHAPES[entry["dimension"]]):
        raise CurationError(f"{where}: the value of {entry['dimension']} must be "
                            f"{SHAPE_NAMES[VALUE_SHAPES[entry['dimension']]]}, not "
                            f"{entry['value']!r:.60}")
    if kind == "ratings" and isinstance(entry["value"], dict):
        entry["value"].pop("__line__", None)
    old_code = kind == "ratings" and _old_code(entry["dimension"], entry["value"])
    if old_code:
        raise CurationError(f"{where}: '{old_code[0]}' is an old code of {entry['dimension']}; "
                            f"write '{old_code[1]}'")
    if kind == "evidence" and not entry["url"].startswith(("https://", "http://")):
        raise CurationError(f"{where}: url must start with https://")
    return entry


def _duplicate_key(kind: str) -> tuple[str, ...]:
    return {"links": ("record",), "hide": ("app",), "ratings": ("app", "dimension"),
            "evidence": ("app", "url"), "summaries": ("app",), "reviews": ("app", "date")}[kind]


def load_curation(path: Path = CURATION_FILE, today: dt.date | None = None) -> Curation:
    """The curation file, checked; `today` (the machine's date by default) bounds entry dates."""
    today = today or dt.date.today()
    if not path.exists():
        return Curation(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}: " if mark else ""
        raise CurationError(f"{path}: {line}not valid YAML ({getattr(error, 'problem', error)})")
    if not isinstance(data, dict):
        raise CurationError(f"{path}: expected sections {', '.join(KINDS)}")
    curation = Curation(path)
    for kind, entries in data.items():
        if kind == "__line__":
            continue
        if kind not in KINDS:
            raise CurationError(f"{path}: unknown section '{kind}' (allowed: {', '.join(KINDS)})")
        if not isinstance(entries, (list, type(None))):
            raise CurationError(f"{path}: section '{kind}' must be a list of entries")
        seen: dict[tuple, int] = {}
        checked = []
        for position, entry in enumerate(entries or [], 1):
            entry = _check_entry(path, kind, entry, position, today)
            key = tuple(entry[k] for k in _duplicate_key(kind))
            if key in seen:
                raise CurationError(f"{path}: line {entry['__line__']}: {kind}: duplicate of "
                                    f"the entry on line {seen[key]}")
            seen[key] = entry["__line__"]
            checked.append(entry)
        curation.entries[kind] = checked
    return curation


def check_app_ids(curation: Curation, con: duckdb.DuckDBPyConnection,
                  known: set[str] = frozenset()) -> None:
    """Every app an entry names must exist (in the catalogue, or as a known app)."""
    existing = {row[0] for row in con.execute(SQL["app_ids"]).fetchall()} | set(known)
    for kind, entries in curation.entries.items():
        for entry in entries:
            if entry.get("app") and entry["app"] not in existing:
                raise CurationError(f"{curation.path}: line {entry['__line__']}: {kind}: "
                                    f"unknown app '{entry['app']}'")


def record_audit(curation: Curation, con: duckdb.DuckDBPyConnection,
                 applied_at: dt.datetime) -> int:
    """Add the entries this run applies for the first time to the audit table."""
    known = {row[0] for row in con.execute(SQL["audited_entries"]).fetchall()}
    added = 0
    for kind, entries in curation.entries.items():
        for entry in entries:
            text = json.dumps({k: v for k, v in entry.items() if k != "__line__"},
                              default=str, sort_keys=True)
            if text in known:
                continue
            con.execute(SQL["insert_audit_entry"],
                        {"applied_at": applied_at, "kind": kind, "app_id": entry.get("app"),
                         "entry": text, "made_by": entry["by"], "made_on": entry["date"],
                         "why": entry.get("why")})
            added += 1
    return added
