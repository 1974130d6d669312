"""'Wat is er veranderd' shows where the last crawl's time went, and flags a slow source."""

from catalogue.store import write_session
from publish.data import _runs
from publish.render import environment
from tests import demo
from tests.records import itunes, play
from tests.site.test_pages import page


def test_the_changes_page_shows_pages_and_duration_of_the_last_crawl(built_site):
    _, site = built_site
    html = page(site, "veranderingen")
    timing = html.split('<table class="sw-timing">')[1].split("</table>")[0]
    play_pages = sum("play.google.com" in e["url"] for e in demo.entries())  # each page once
    assert f"<tr><td>Google Play</td><td>{play_pages}</td><td>" in timing
    assert "<tr><td>ikstopnu.nl</td><td>1</td><td>" in timing
    assert "trager" not in timing  # one run before it is no history to judge by


def test_a_source_much_slower_than_usual_is_flagged_on_the_changes_page(db, load):
    records = {"googleplay": [play("nl.a", "Stoppen", "Dev")],
               "appstore": [itunes(1, "Stoppen", "Dev")]}

    def stats(play_seconds):
        return {"googleplay": {"elapsed_time_seconds": play_seconds,
                               "response_received_count": 40},
                "appstore": {"elapsed_time_seconds": 30.5, "response_received_count": 5}}
    for day in range(3):
        load(records, day, stats=stats(300))
    load(records, 3, stats=stats(1250))
    with write_session(db) as con:
        runs = _runs(con)
    text = environment().get_template("veranderingen.md.j2").render(
        data={"runs": runs}, apps=[])
    timing = text.split('<table class="sw-timing">')[1].split("</table>")[0]
    assert ("<tr><td>Google Play</td><td>40</td><td>20 min 50 s <strong>veel trager dan "
            "gewoonlijk</strong> (meestal 5 min 00 s)</td></tr>") in timing
    assert "<tr><td>App Store</td><td>5</td><td>30 s</td></tr>" in timing
