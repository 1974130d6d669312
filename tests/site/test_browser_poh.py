"""What a POH asks next, in a real browser: the QR codes on the printed patient card decode back
to their links (zxing-cpp reads Chromium's rendering), and the overview filters on privacy and
on the patient's language."""

import io
import json

import pytest

from catalogue.store import connect_readonly
from publish.data import off_topic_apps

zxingcpp = pytest.importorskip("zxingcpp")
Image = pytest.importorskip("PIL.Image")


def decode(png: bytes) -> list[str]:
    return [code.text for code in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_every_qr_code_on_the_patient_card_decodes_to_its_link(browser, site_url, built_site):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.emulate_media(media="print")
    page.goto(site_url + "kaart/quitnow.html")
    codes = page.locator(".sw-qr-code")
    links = {codes.nth(i).locator("figcaption").inner_text(): codes.nth(i).get_attribute("data-url")
             for i in range(codes.count())}
    assert links == {
        "Google Play": "https://play.google.com/store/apps/details?id=com.EAGINsoftware.dejaloYa"
                       "&hl=nl&gl=NL",
        "App Store": "https://apps.apple.com/nl/app/id483994930",
        "Website": "https://quitnow.app"}
    for i in range(codes.count()):
        code = codes.nth(i)
        assert decode(code.locator("svg").screenshot()) == [code.get_attribute("data-url")]
    page.close()


def test_a_website_programme_gets_a_code_for_its_website(browser, site_url, built_site):
    db, _ = built_site
    with connect_readonly(db) as con:
        app_id, website = con.execute(
            """SELECT app_id, website FROM record_current WHERE source = 'loketgezondleven'
               AND website LIKE 'https://%' ORDER BY app_id LIMIT 1""").fetchone()
    page = browser.new_page()
    page.goto(site_url + f"kaart/{app_id}.html")
    code = page.locator(f'.sw-qr-code[data-url="{website}"]')
    assert decode(code.locator("svg").screenshot()) == [website]
    page.close()


def shown_apps(page) -> list[str]:
    return sorted(page.eval_on_selector_all(
        "#sw-overview tbody tr:not([hidden]) th a",
        "links => links.map(a => a.getAttribute('href').split('/')[1])"))


@pytest.mark.parametrize("width", [1280, 390])
def test_filtering_on_privacy_and_on_the_patients_language(browser, site_url, built_site, width):
    db, _ = built_site
    with connect_readonly(db) as con:
        rows = con.execute("""SELECT r.app_id, r.dimension, r.value FROM rating_current r
                              JOIN app_current a USING (app_id)
                              WHERE a.available AND r.dimension IN ('privacy', 'language')
""").fetchall()
        off_topic = set(off_topic_apps(con))  # kept off the site
    values = {(app_id, dim): json.loads(value) for app_id, dim, value in rows
              if app_id not in off_topic}
    private = sorted(a for (a, dim), v in values.items() if dim == "privacy"
                     and v["shares"] is False)
    english = sorted(a for (a, dim), v in values.items() if dim == "language"
                     and "en" in v["languages"])
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(site_url)
    page.check("input[name=privacy]")
    assert shown_apps(page) == private and 3 <= len(private)
    assert "quitnow" not in private  # its maker declares sharing device ids
    page.uncheck("input[name=privacy]")
    option = page.locator("select[name=languages] option[value=en]")
    assert option.inner_text() == f"Engels ({len(english)})"
    page.select_option("select[name=languages]", "en")
    assert shown_apps(page) == english
    page.close()
