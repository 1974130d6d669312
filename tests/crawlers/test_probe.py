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


PLAY_SEARCH = "https://play.google.com/store/search?q=stoppen%20met%20roken&c=apps&hl=nl&gl=NL"
ITUNES_SEARCH = ("https://itunes.apple.com/search?term=stoppen+met+roken&country=nl&lang=nl_nl"
                 "&entity=software&limit=50")
GGD_ENTRY = """\
ggdappstore       entry        ok
    https://ggdappstore.nl/Appstore/Homepage/Sessie,Medewerker,Button
    pillars 6, records 0 (optional)"""
GGD_PILLAR = "    https://ggdappstore.nl/Appstore/Apps/Pijler,Lichaamsfuncties"
IKSTOPNU = """\
ikstopnu          selection    ok
    https://www.ikstopnu.nl/bibliotheek/apps-om-te-stoppen-met-roken/
    store links 4 (optional), other links 7 (optional), records 5"""
LOKET_LISTING = ("    https://interventies.loketgezondleven.nl/leefstijlinterventies/"
                 "interventies-zoeken?thema=roken")


def test_every_source_passes_on_the_snapshot_with_its_counts():
    ok, out, asked = run(list(probe.PROBES))
    assert ok, out
    assert out.splitlines() == [
        "googleplay        search       ok",
        f"    {PLAY_SEARCH}",
        "    ds:4 data block 1, apps found 10, records 0 (optional)",
        "googleplay        detail       ok",
        "    https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa&hl=nl&gl=NL",
        "    ds:5 data block 1, JSON-LD 1 (optional), records 1",
        "appstore          search       ok",
        f"    {ITUNES_SEARCH}",
        "    results 8, records 8 (optional)",
        *GGD_ENTRY.splitlines(),
        "ggdappstore       pillar       ok",
        GGD_PILLAR,
        "    apps 1 (optional), cards 11, name 11, short_text 11 (optional), pillar_icons 26 "
        "(optional), score 11 (optional), android 9 (optional), ios 7 (optional), web 9 "
        "(optional), app_page 11, records 11 (optional)",
        "ggdappstore       app page     ok",
        "    https://ggdappstore.nl/Appstore/Apps/Details,DeStopcoach",
        "    long_text_box 1 (optional), long_text 1, themes 4 (optional), records 1 (optional)",
        *IKSTOPNU.splitlines(),
        "loketgezondleven  listing      ok",
        LOKET_LISTING,
        "    intervention links 6, records 0 (optional)",
        "loketgezondleven  intervention ok",
        "    https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken/"
        "1403562",
        "    level 1, date 1 (optional), target_group 1 (optional), description 1 (optional), "
        "developer 1 (optional), website 1 (optional), form 1 (optional), aim 1 (optional), "
        "name 1 (optional), records 1",
    ]
    # One page of each kind, not the whole site (plus each site's robots.txt).
    assert len([url for url in asked if not url.endswith("/robots.txt")]) == 9


def test_a_required_selector_that_finds_nothing_fails_the_probe():
    ok, out, _ = run(["ggdappstore", "ikstopnu"], {"ggdappstore": "layout"})
    assert not ok
    assert out.splitlines() == [
        *GGD_ENTRY.splitlines(),
        "ggdappstore       pillar       FAILED: the parser cannot read it: field 'cards': a "
        "div#apps without app cards: the card markup changed",
        GGD_PILLAR,
        "    apps 1 (optional), cards 0, name 0, short_text 0 (optional), pillar_icons 0 "
        "(optional), score 0 (optional), android 0 (optional), ios 0 (optional), web 0 "
        "(optional), app_page 0, records 0 (optional)",
        *IKSTOPNU.splitlines(),
    ]


def test_a_page_that_cannot_be_fetched_fails_the_probe():
    ok, out, _ = run(["appstore"], {"appstore": "http500"})
    assert not ok
    assert out.splitlines() == [
        "appstore          search       FAILED: could not fetch: HTTP Error 500: Internal Server "
        "Error",
        f"    {ITUNES_SEARCH}",
        "    "]


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
    assert bad.stdout.splitlines() == [
        "loketgezondleven  listing      FAILED: the parser cannot read it: field 'results': no "
        "links to intervention pages and no 'geen resultaten' message",
        LOKET_LISTING,
        "    intervention links 0, records 0 (optional)"]
