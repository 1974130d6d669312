"""The Atom feed of "Wat is er veranderd", read back with feedparser."""

import feedparser

from catalogue.curation import Curation
from catalogue.store import write_session
from publish.feed import FEED_FILE, atom, change_entries
from publish.report import change_report
from scoring import rate
from scoring.runs import score_catalogue
from tests.records import play

PRIVATE = {"privacy_shares": False, "privacy_shared_kinds": [], "privacy_collects": True,
           "privacy_collected_kinds": ["App-activiteit"], "privacy_encrypted": True,
           "privacy_deletion": True, "privacy_declaration_url":
               "https://play.google.com/store/apps/datasafety?id=nl.example.kwit&hl=nl"}
KWIT = play("nl.example.kwit", "Kwit", "Kwit SAS", description="Stoppen met roken: houd je "
            "rookvrije dagen bij en krijg dagelijkse herinneringen.", **PRIVATE)
SHARING = {**KWIT, "privacy_shares": True, "privacy_shared_kinds": ["Locatie", "App-activiteit"],
           "description": KWIT["description"] + " Wetenschappelijk bewezen. Stop met roken met "
                                              "hypnose."}
GONE = play("nl.example.gone", "Rookvrij Nu", "Example")
NEW = play("nl.example.new", "Nieuwe <b>stopper</b> & co", "Example")


def two_runs(db, load):
    """Run 1: Kwit (shares nothing) and Rookvrij Nu. Run 2: Kwit shares data and promotes
    hypnosis, Rookvrij Nu is gone, a new app appears."""
    scores = []
    for day, records in enumerate(([KWIT, GONE], [SHARING, NEW])):
        run = load({"googleplay": records}, day=day)
        with write_session(db) as con:
            scores.append(score_catalogue(con, Curation(None), rate))
    return run, scores[-1]


def test_a_two_run_history_gives_one_entry_per_change_with_stable_ids(db, load):
    two_runs(db, load)
    with write_session(db) as con:
        entries = change_entries(con)
        again = change_entries(con)
    feed = feedparser.parse(atom(entries, "2026-11-22T00:00:00+00:00"))
    assert not feed.bozo and feed.feed.title == "Stopwijzer: wat is er veranderd"
    titles = sorted(e.title for e in feed.entries)
    assert titles == ["Niet meer beschikbaar: Rookvrij Nu",
                      "Nieuw: Kwit", "Nieuw: Nieuwe <b>stopper</b> & co", "Nieuw: Rookvrij Nu",
                      "Nieuwe waarschuwing: Kwit", "Onderbouwing gewijzigd: Kwit",
                      "Privacyverklaring gewijzigd: Kwit"]
    privacy = next(e for e in feed.entries if e.title.startswith("Privacyverklaring"))
    assert privacy.summary == ("deelt gegevens met derden sinds 2026-11-21 "
                               "(Locatie, App-activiteit)")
    assert privacy.link == "apps/kwit/"
    assert privacy.id.startswith("tag:stopwijzer.nl,2026:privacy/kwit/")
    warning = next(e for e in feed.entries if e.title.startswith("Nieuwe waarschuwing"))
    assert warning.summary == "Let op: promoot een methode die niet bewezen werkt"
    assert len({e.id for e in feed.entries}) == len(feed.entries) == 7
    assert [e["id"] for e in entries] == [e["id"] for e in again]


def test_the_change_report_says_since_when_an_app_shares_data(db, load):
    run, scores = two_runs(db, load)
    with write_session(db) as con:
        report = change_report(con, run.run_id, scores.score_run_id)
    assert ("- Kwit (`kwit`) deelt gegevens met derden sinds 2026-11-21 "
            "(Locatie, App-activiteit)") in report.split("## Privacy\n\n")[1]


def test_the_built_site_links_its_feed_and_escapes_store_text(built_site):
    _, site = built_site
    text = (site / FEED_FILE).read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    feed = feedparser.parse(text)
    assert not feed.bozo
    titles = [e.title for e in feed.entries]
    assert any(t.startswith("Nieuw: <script>window.__xss=1</script>Stop") for t in titles)
    assert all("\u202e" not in t for t in titles)
    assert any(t.startswith("Niet meer beschikbaar: VapeStop") for t in titles)
    head = (site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    assert ('<link rel="alternate" type="application/atom+xml" title="Stopwijzer: wat is er '
            'veranderd" href="./veranderingen.xml">') in head
    page = (site / "veranderingen" / "index.html").read_text(encoding="utf-8")
    assert 'href="../veranderingen.xml"' in page
