"""`stopwijzer probe` over real HTTP against the loopback mirror of the demo snapshot: it counts
per selector or label, and fails when a required one finds nothing."""

import os
import subprocess
import sys
from urllib.robotparser import RobotFileParser

from crawlers import sources
from stopwijzer import pipeline, probe
from tests.faults.server import FaultyMirror


def run(sources, faults=None):
    lines = []
    with FaultyMirror(pipeline.DEMO_SNAPSHOT, faults) as mirror:
        ok = probe.probe(sources, probe.Fetcher(mirror.url, delay=0), echo=lines.append)
        asked = list(mirror.requests)
    return ok, "\n".join(lines), asked


def test_every_source_in_the_registry_has_a_probe():
    assert set(probe.PROBES) == set(sources.names())


def test_every_source_passes_on_the_snapshot_with_its_counts():
    ok, out, asked = run(list(probe.PROBES))
    assert ok, out
    assert "FAILED" not in out
    assert "ggdappstore       pillar       ok" in out
    assert "cards 11, name 11" in out  # the demo's Lichaamsfuncties pillar
    assert "long_text 1" in out and "themes 4 (optional)" in out
    assert "intervention links 6" in out and "level 1" in out
    assert "ds:5 data block 1" in out
    # One page of each kind, not the whole site (plus each site's robots.txt).
    assert len([url for url in asked if not url.endswith("/robots.txt")]) == 9


def test_a_required_selector_that_finds_nothing_fails_the_probe():
    ok, out, _ = run(["ggdappstore", "ikstopnu"], {"ggdappstore": "layout"})
    assert not ok
    assert "ggdappstore       pillar       FAILED: the parser cannot read it: field 'cards'" in out
    assert "cards 0, name 0" in out
    assert "ikstopnu          selection    ok" in out


def test_a_page_that_cannot_be_fetched_fails_the_probe():
    ok, out, _ = run(["appstore"], {"appstore": "http500"})
    assert not ok and "could not fetch" in out


def test_robots_txt_is_obeyed():
    fetch = probe.Fetcher("http://127.0.0.1:9", delay=0)
    robots = RobotFileParser()
    robots.parse(["User-agent: *", "Disallow: /"])
    fetch.robots["ggdappstore.nl"] = robots
    (page,) = probe._ggdappstore(fetch)
    assert page.error.startswith("could not fetch: robots.txt does not allow")


def test_the_command_exits_non_zero_when_a_source_fails():
    with FaultyMirror(pipeline.DEMO_SNAPSHOT, {"loketgezondleven": "empty"}) as mirror:
        env = {**os.environ, "STOPWIJZER_MIRROR": mirror.url}
        good = subprocess.run([sys.executable, "-m", "stopwijzer", "probe", "--source",
                               "ggdappstore"], capture_output=True, text=True, env=env)
        bad = subprocess.run([sys.executable, "-m", "stopwijzer", "probe", "--source",
                              "loketgezondleven"], capture_output=True, text=True, env=env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert bad.returncode == 1
    assert "loketgezondleven  listing      FAILED: the parser cannot read it: field 'results'" \
        in bad.stdout
