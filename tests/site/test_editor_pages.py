"""What the editor's and the POH's pages say: Dutch only, and a gone app's last known state."""

from publish.data import dutch_reason
from tests.site.test_pages import page


def test_health_reasons_are_shown_in_dutch():
    assert dutch_reason("layout change? field 'description' found in 0% of records, was 100% "
                        "in the last good run") == \
        "de pagina's zijn anders opgebouwd: veld 'description' nog maar bij 0% gevonden"
    assert dutch_reason("3 of 4 pages failed: HTTP 503") == "3 van de 4 pagina's mislukt"
    assert dutch_reason("crawl ended early (shutdown)") == "de controle stopte voortijdig"
    assert dutch_reason("something new") == "zie 'stopwijzer status' voor de oorzaak"
    assert dutch_reason(None) is None


def test_a_gone_app_shows_its_last_known_state(built_site):
    _, site = built_site
    gone = page(site, "apps", "vapestop")
    assert "Niet meer beschikbaar" in gone
    assert "Hieronder staat wat we het laatst zagen, op 20" in gone
    assert "Beschrijving van de maker" in gone
    assert "Stap over van de sigaret op de e-sigaret" in gone       # its last description
    assert "Niet aanbevolen" in gone and "Stuurt meldingen" in gone    # its last ratings
