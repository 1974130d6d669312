"""The open-data export: complete, typed honestly, valid for Frictionless in both formats, and
safe with any output folder name."""

import datetime as dt
import json

import frictionless
import pandas as pd
import pytest

from catalogue.curation import Curation, record_audit
from catalogue.export import EXPORTED, export
from catalogue.store import write_session
from tests.records import play
from tests.scoring.test_runs import CLAIMING, QUITNOW, score

HOSTILE = ["it's mine", "x' (FORMAT csv); COPY (SELECT * FROM read_csv('/etc/passwd')) TO 'pw"]


@pytest.fixture
def history(db, load):
    """Three runs: an app that changes, one that disappears, the editor's entries applied."""
    load({"googleplay": [QUITNOW, play("nl.example.gone", "Rookvrij Nu", "Example")]})
    curation = Curation(None, {"hide": [{"app": "rookvrij-nu", "by": "redactie", "why": "test",
                                         "date": dt.date(2026, 11, 20), "__line__": 1}]})
    with write_session(db) as con:
        record_audit(curation, con, dt.datetime(2026, 11, 20, 3))
    score(db, curation)
    load({"googleplay": [CLAIMING]}, day=1)
    score(db, curation)
    load({"googleplay": [CLAIMING]}, day=2)
    score(db, curation)
    return db


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_the_export_is_complete_and_valid_for_frictionless(history, tmp_path, fmt):
    with write_session(history) as con:
        path = export(con, tmp_path / fmt, fmt)
    package = json.loads(path.read_text())
    assert {r["name"] for r in package["resources"]} == set(EXPORTED)
    report = frictionless.validate(str(path))
    assert report.valid, [(t.name, [e.message for e in t.errors[:2]]) for t in report.tasks
                          if not t.valid]
    for resource in package["resources"]:
        assert resource["description"]
        assert all(field["description"] for field in resource["schema"]["fields"])
    fields = {r["name"]: {f["name"]: f for f in r["schema"]["fields"]}
              for r in package["resources"]}
    assert fields["rating_current"]["reasons"]["type"] == "string"      # JSON text, declared so
    assert fields["observation"]["languages"]["type"] == "array"
    assert {r["name"]: r["schema"].get("primaryKey") for r in package["resources"]}[
        "source_run"] == ["run_id", "source"]


def test_timestamps_carry_their_time_zone_and_json_arrives_as_text(history, tmp_path):
    with write_session(history) as con:
        export(con, tmp_path / "csv", "csv")
        export(con, tmp_path / "parquet", "parquet")
    runs = pd.read_csv(tmp_path / "csv" / "crawl_run.csv")
    assert runs["started"].tolist()[:1] == ["2026-11-20T02:00:00Z"]
    started = pd.read_parquet(tmp_path / "parquet" / "crawl_run.parquet")["started"]
    assert str(started.dt.tz) == "UTC" and started.iloc[0].hour == 2
    current = pd.read_parquet(tmp_path / "parquet" / "app_current.parquet")
    assert json.loads(current.set_index("app_id").loc["quitnow", "platforms"]) == ["android"]
    assert current.set_index("app_id").loc["rookvrij-nu", "hidden"]
    gone = pd.read_parquet(tmp_path / "parquet" / "app_gone.parquet")
    assert gone["app_id"].tolist() == ["rookvrij-nu"]
    audit = pd.read_parquet(tmp_path / "parquet" / "curation_audit.parquet")
    assert audit["kind"].tolist() == ["hide"]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_hostile_folder_name_never_becomes_sql(history, tmp_path, name):
    out = tmp_path / name
    with write_session(history) as con:
        export(con, out, "csv")
    written = sorted(p.name for p in tmp_path.rglob("*.csv"))
    assert written == sorted(f"{n}.csv" for n in EXPORTED)
    assert all(p.parent == out for p in tmp_path.rglob("*.csv"))
    assert "root:" not in "".join(p.read_text() for p in out.glob("*.csv"))
