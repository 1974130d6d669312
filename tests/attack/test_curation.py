"""A clumsy or hostile curation file stops the run at once, with its file and line."""

import datetime as dt
import textwrap

import pytest

from catalogue.curation import CurationError, load_curation
from stopwijzer import pipeline

TODAY = dt.date(2026, 12, 1)
ENTRY = "    by: redactie\n    date: {date}\n    why: test\n"


def write(tmp_path, text):
    path = tmp_path / "curation.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def read(tmp_path, text):
    return load_curation(write(tmp_path, text), today=TODAY)


def entry(kind, fields, date="2026-11-30"):
    return f"{kind}:\n  - " + "\n    ".join(fields) + "\n" + ENTRY.format(date=date)


@pytest.mark.parametrize("kind, fields", [
    ("reviews", ["app: quiddy"]),
    ("ratings", ["app: quiddy", "dimension: evidence", "value: unknown"]),
])
def test_an_entry_dated_in_the_future_is_refused(tmp_path, kind, fields):
    assert read(tmp_path, entry(kind, fields)).of(kind)
    with pytest.raises(CurationError, match=r"line 2: .*: date 2026-12-24 is in the future"):
        read(tmp_path, entry(kind, fields, date="2026-12-24"))


@pytest.mark.parametrize("dimension, value, shape", [
    ("target_groups", "42", "a list of codes"),
    ("evidence", "[trial]", "one code"),
    ("flags", "{unproven_method: true}", "a list of codes"),
    ("blended_care", "free", "a mapping"),
    ("components", "{checklist: [[intake]]}", "a mapping"),
])
def test_an_override_value_of_the_wrong_shape_is_refused(tmp_path, dimension, value, shape):
    text = entry("ratings", ["app: quiddy", f"dimension: {dimension}", f"value: {value}"])
    with pytest.raises(CurationError, match=f"line 2: ratings: the value of {dimension} must be "
                                            f"{shape}"):
        read(tmp_path, text)


def test_override_values_of_the_right_shape_are_kept(tmp_path):
    text = (entry("ratings", ["app: quiddy", "dimension: target_groups",
                              "value: [jongeren, jongvolwassenen]"])
            + "  - " + "\n    ".join(["app: quiddy", "dimension: blended_care",
                                      "value: {cost: free, refers_to_professional: true}"])
            + "\n" + ENTRY.format(date="2026-11-30"))
    values = [e["value"] for e in read(tmp_path, text).of("ratings")]
    assert values == [["jongeren", "jongvolwassenen"],
                      {"cost": "free", "refers_to_professional": True}]


def test_a_duplicate_section_is_refused_with_both_lines(tmp_path):
    text = entry("hide", ["app: quiddy"]) + entry("hide", ["app: kwit"])
    with pytest.raises(CurationError, match=r"line 6: .*duplicate key 'hide' \(first on line 1\)"):
        read(tmp_path, text)


def test_a_duplicate_key_in_an_entry_is_refused(tmp_path):
    with pytest.raises(CurationError, match=r"line 3: .*duplicate key 'app'"):
        read(tmp_path, entry("hide", ["app: quiddy", "app: kwit"]))


def test_an_impossible_date_names_file_and_line(tmp_path):
    with pytest.raises(CurationError) as error:
        read(tmp_path, entry("hide", ["app: quiddy"], date="2026-02-30"))
    assert str(error.value).startswith(f"{tmp_path / 'curation.yaml'}: line 4: ")
    assert "'2026-02-30' is not a valid date" in str(error.value)


def test_an_alias_bomb_is_refused_without_expanding_it(tmp_path):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n"
        for n in range(8))
    with pytest.raises(CurationError, match="line 2: .*aliases"):
        read(tmp_path, bomb)


def test_a_curation_mistake_stops_the_nightly_before_backup_and_crawl(tmp_path, load,
                                                                       db, monkeypatch):
    load({})
    curation = write(tmp_path, entry("hide", ["app: no-such-app"]))
    monkeypatch.setattr(pipeline, "load_curation", lambda: load_curation(curation))
    monkeypatch.setattr(pipeline, "collect", lambda *a, **k: pytest.fail("crawled"))
    with pytest.raises(CurationError, match="unknown app 'no-such-app'"):
        pipeline.nightly(db, tmp_path / "site", replay=pipeline.DEMO_SNAPSHOT,
                         echo=lambda m: None)
    assert not (db.parent / "backups").exists()


@pytest.mark.parametrize("dimension, value, old, new", [
    ("evidence", "onbekend", "onbekend", "unknown"),
    ("blended_care", "{cost: gratis, ads: null}", "gratis", "free"),
])
def test_an_override_with_an_old_dutch_code_names_the_new_one(tmp_path, dimension, value, old,
                                                               new):
    text = entry("ratings", ["app: quiddy", f"dimension: {dimension}", f"value: {value}"])
    with pytest.raises(CurationError, match=f"line 2: ratings: '{old}' is an old code of "
                                            f"{dimension}; write '{new}'"):
        read(tmp_path, text)
