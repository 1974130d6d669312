"""The built site: a page per app with its ratings, reasons and tips; untrusted text escaped."""

import gzip
import json
import re

import pytest

from catalogue.store import connect_readonly
from crawlers.items import new_record
from publish import build
from publish.data import off_topic_apps
from publish.render import TEMPLATES
from stopwijzer import pipeline


def page(site, *parts):
    return (site.joinpath(*parts) / "index.html").read_text(encoding="utf-8")


def all_html(site):
    return {p: p.read_text(encoding="utf-8") for p in site.rglob("*.html")}


def test_every_app_has_a_page_and_a_recommended_one_a_patient_card(built_site):
    db, site = built_site
    with connect_readonly(db) as con:
        app_ids = [r[0] for r in con.execute("SELECT app_id FROM app_current").fetchall()]
        off_topic = off_topic_apps(con)  # the demo's search hits not about smoking: no page
    assert (len(app_ids), len(off_topic)) == (25, 5)
    not_recommended = {"stop-smoking-hypnosis", "vapestop"}
    for app_id in app_ids:
        shown = app_id not in off_topic
        assert (site / "apps" / app_id / "index.html").is_file() is shown
        assert (site / "kaart" / f"{app_id}.html").is_file() is (
            shown and app_id not in not_recommended)


def test_the_overview_lists_current_apps_and_the_gone_apart(built_site):
    _, site = built_site
    index = page(site)
    table, gone = index.split('id="niet-meer-beschikbaar"')
    assert 'href="apps/quiddy/"' in table and 'href="apps/vapestop/"' not in table
    assert 'href="apps/vapestop/"' in gone and "niet meer gevonden sinds" in gone


def test_an_app_page_has_tips_per_consult_naming_its_features(built_site):
    _, site = built_site
    quiddy = page(site, "apps", "quiddy")
    for heading in ("Intake", "Tweede consult: het stopplan", "Vervolgconsulten",
                    "Terugvalpreventie", "Niet geschikt als…"):
        assert f">{heading}<" in quiddy
    assert "Leg uit hoe de buddy of het maatje werkt" in quiddy
    assert "noodknop in de app" in quiddy
    assert "het bespaarde geld" in quiddy


def test_claimed_evidence_is_shown_apart_from_verified(built_site):
    _, site = built_site
    hypnosis = page(site, "apps", "stop-smoking-hypnosis")
    assert "Alleen volgens de maker zelf: niet onafhankelijk bevestigd" in hypnosis
    assert "Volgens de maker zelf, niet onafhankelijk bevestigd:" in hypnosis
    assert "Bevestigd door een onafhankelijke bron:" not in hypnosis
    # The GGD AppStore lists only apps that pass its test: its listing is verified evidence.
    kwit = page(site, "apps", "kwit")
    assert "Opgenomen in de GGD AppStore: getest en goedgekeurd door de GGD" in kwit
    assert "Bevestigd door een onafhankelijke bron:" in kwit
    stopstone = page(site, "apps", "stopstone")
    assert "Goed onderbouwd (Loketgezondleven)" in stopstone
    assert "Bevestigd door een onafhankelijke bron:" in stopstone


def source_lines(html):
    """The app page's list of sources, per source name, without links and the date seen."""
    listed = html.split('<ul class="sw-sources">')[1].split("</ul>")[0]
    lines = [re.sub(r"<[^>]+>|&middot; gezien op [\d-]+", "", line).strip()
             for line in re.findall(r"<li>(.*?)</li>", listed)]
    return dict(line.split(": ", 1) for line in lines if ": " in line)


def test_a_store_source_shows_its_rating_and_a_curated_one_its_own_verdict(built_site):
    _, site = built_site
    assert source_lines(page(site, "apps", "quiddy")) == {
        "App Store": "Quiddy: 4.4 sterren (51 beoordelingen), versie 1.9.2",
        "GGD AppStore": "Quiddy: 5.0 van 5 sterren",
        "Google Play": "Quiddy - samen stoppen met roken: 4.4 sterren (512 beoordelingen), "
                       "versie 1.9.2",
        "ikstopnu.nl": "Quiddy: in de selectie van ikstopnu.nl"}


def test_a_description_from_a_curated_source_is_not_called_the_makers(db, load, tmp_path):
    load({"ggdappstore": [new_record(
              "ggdappstore", "Details,Rookvrij",
              "https://ggdappstore.nl/Appstore/Apps/Details,Rookvrij",
              kind="app", title="Rookvrij Nu", summary="Hulp bij stoppen met roken.",
              description="Met deze app stop je met roken: elke dag een herinnering.")],
          "ikstopnu": [new_record(
              "ikstopnu", "kwit",
              "https://www.ikstopnu.nl/bibliotheek/apps-om-te-stoppen-met-roken/#kwit",
              kind="app", title="Kwit", recommended=True,
              summary="Een app om te stoppen met roken, met een persoonlijke coach.")]})
    pipeline.score_only(db)
    site = tmp_path / "site"
    pipeline.publish_site(db, site, pipeline.load_curation())
    ggd_only, ikstopnu_only = page(site, "apps", "rookvrij-nu"), page(site, "apps", "kwit")
    assert "<summary>Beschrijving (bron: GGD AppStore)</summary>" in ggd_only
    assert "persoonlijke coach" in ikstopnu_only
    for html in (ggd_only, ikstopnu_only):
        assert "van de maker" not in html


def test_an_unproven_method_is_warned_about_and_never_recommended(built_site):
    _, site = built_site
    hypnosis = page(site, "apps", "stop-smoking-hypnosis")
    assert "Niet aanbevolen" in hypnosis
    assert "niet aanbevolen: onbewezen methode" in page(site)
    assert "stop-smoking-hypnosis" not in page(site, "voor-wie")


def test_every_rating_shows_its_rule_source_and_date(built_site):
    _, site = built_site
    stopcoach = page(site, "apps", "de-stopcoach")
    assert re.search(r"regel <code>ggd_onderbouwing</code>", stopcoach)
    assert re.search(r"gezien op \d{4}-\d\d-\d\d", stopcoach)
    assert "Flesch-Douma" in stopcoach


def test_hostile_text_is_escaped_and_never_executable(built_site):
    _, site = built_site
    pages = all_html(site)
    for path, html in pages.items():
        assert "<script>window.__xss" not in html, path
        assert "onerror=\"window.__xss" not in html, path
        assert 'href="javascript:' not in html, path
        assert "\u202e" not in html and "\u200b" not in html, path
    hostile = next(html for path, html in pages.items()
                   if path.parent.parent.name == "apps" and "window.__xss" in html)
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in hostile
    assert "{{ 7*7 }}" in hostile and "49" not in hostile.split("Beschrijving van de maker")[1][:600]
    title = re.search(r"<title>(.*?)</title>", hostile).group(1)
    assert len(title) < 150 and "<" not in title.replace("</title>", "")


def test_nothing_is_written_outside_the_site(built_site):
    db, site = built_site
    root = site.parent
    assert sorted(p.name for p in root.iterdir() if not p.name.startswith(".")) == ["site"]
    assert all(path.resolve().is_relative_to(site.resolve()) for path in site.rglob("*"))


def test_a_failed_build_keeps_the_published_site(built_site, monkeypatch, tmp_path):
    _, site = built_site
    before = page(site)

    def broken(data, docs):
        raise RuntimeError("template error")
    monkeypatch.setattr(build, "render_docs", broken)
    with pytest.raises(RuntimeError):
        build.build_site({"apps": []}, site)
    assert page(site) == before
    assert not [p for p in site.parent.iterdir() if p.name.startswith(".docs-")]


def test_cost_is_shown_in_words_filterable_and_on_the_patient_card(built_site):
    _, site = built_site
    rows = re.findall(r"<tr data-group.*?</tr>", page(site), re.S)
    detour = next(row for row in rows if 'href="apps/detour/"' in row)
    assert 'data-cost="paid"' in detour and "<td>Betaald</td>" in detour
    card = (site / "kaart" / "detour.html").read_text(encoding="utf-8")
    assert "Let op: de app kost geld." in card


def test_an_app_page_written_as_html_keeps_its_table_of_contents_and_search(built_site):
    """App pages skip Markdown (publish/mkdocs_hooks.py); their headings still make the TOC."""
    _, site = built_site
    quiddy = page(site, "apps", "quiddy")
    toc = quiddy.split('class="md-nav md-nav--secondary"')[1].split('class="md-content"')[0]
    anchors = re.findall(r'href="#([a-z-]+)"', toc)
    assert anchors[:3] == ["wat-is-het", "voor-wie", "onderbouwing"]
    assert anchors.index("tips-per-consult") < anchors.index("intake") < \
        anchors.index("terugvalpreventie") < anchors.index("geschiedenis")
    # Pagefind's index: one gzipped fragment per page (publish/mkdocs_hooks.py).
    fragments = {f["url"]: f["content"] for f in (
        json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        for path in (site / "pagefind" / "fragment").glob("*.pf_fragment"))}
    assert "Leg uit hoe de buddy of het maatje werkt" in fragments["/apps/quiddy/"]
    assert "bevestigd door de bron" not in fragments["/apps/quiddy/"]  # its reasons are left out
    assert not [url for url in fragments if url.startswith("/kaart/")]


def test_template_lines_are_short():
    """Long page lines are written as several template lines (see site/templates/macros.j2)."""
    long_lines = [f"{path.name}:{number}" for path in sorted(TEMPLATES.iterdir())
                  for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                  if len(line) > 160]
    assert long_lines == []
