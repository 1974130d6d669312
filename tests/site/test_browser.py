"""The demo site in a real browser (Debian's Chromium, driven by Playwright): filtering the
overview, an app page with its tips, search, and no script from app texts ever running."""

from catalogue.store import connect_readonly

# The `browser` and `site_url` fixtures come from tests/site/browser.py (see conftest.py).


def expected_apps(db, group):
    with connect_readonly(db) as con:
        rows = con.execute(
            """SELECT r.app_id FROM rating_current r JOIN app_current a USING (app_id)
               WHERE r.dimension = 'target_groups' AND a.available
                 AND list_contains(CAST(r.value AS VARCHAR[]), ?)""", [group]).fetchall()
    return sorted(row[0] for row in rows)


def test_filtering_the_overview_to_one_target_group(browser, site_url, built_site):
    page = browser.new_page()
    page.goto(site_url)
    rows = page.locator("#sw-overview tbody tr")
    total = rows.count()
    assert page.locator("#sw-count").inner_text() == f"{total} van {total} apps"
    page.select_option("select[name=group]", "jongvolwassenen")
    visible = sorted(href.split("/")[1] for href in page.eval_on_selector_all(
        "#sw-overview tbody tr:not([hidden]) th a", "links => links.map(a => a.getAttribute('href'))"))
    assert visible == expected_apps(built_site[0], "jongvolwassenen")
    assert "quiddy" in visible and len(visible) < total
    page.check("input[name=ikstopnu]")
    with connect_readonly(built_site[0]) as con:
        on_ikstopnu = {row[0] for row in con.execute(
            "SELECT app_id FROM app_current WHERE on_ikstopnu").fetchall()}
    both = sorted(href.split("/")[1] for href in page.eval_on_selector_all(
        "#sw-overview tbody tr:not([hidden]) th a", "links => links.map(a => a.getAttribute('href'))"))
    assert both == sorted(set(visible) & on_ikstopnu) and "quiddy" in both
    page.close()


def test_an_app_page_has_its_tips_per_consult(browser, site_url):
    page = browser.new_page()
    page.goto(site_url)
    page.click("#sw-overview a[href='apps/quiddy/']")
    page.wait_for_url("**/apps/quiddy/")
    headings = page.locator("h3").all_inner_texts()
    assert headings[:5] == ["Intake", "Tweede consult: het stopplan", "Vervolgconsulten",
                            "Terugvalpreventie", "Niet geschikt als…"]
    assert page.locator("text=Leg uit hoe de buddy of het maatje werkt").count() == 1
    page.close()


def test_no_script_from_app_text_runs(browser, site_url, built_site):
    _, site = built_site
    hostile = next(p.parent.name for p in (site / "apps").glob("*/index.html")
                   if "window.__xss" in p.read_text(encoding="utf-8"))
    page = browser.new_page()
    for url in (site_url, f"{site_url}kaart/{hostile}.html", f"{site_url}apps/{hostile}/"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", url
    shown = page.locator("details.sw-description").evaluate("d => d.textContent")
    assert '<img src=x onerror="window.__xss=1">' in shown  # shown as text, not run
    page.close()


def test_search_in_the_header_finds_an_app_by_its_tips(browser, site_url):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}methode/")
    page.fill("header .pagefind-ui__search-input", "buddy")
    page.wait_for_selector(".pagefind-ui__result-link[href='/apps/quiddy/']")
    found = page.eval_on_selector_all(".pagefind-ui__result-link",
                                      "links => links.map(a => a.getAttribute('href'))")
    assert not any("/kaart/" in href for href in found)  # patient cards are not searched
    page.close()
