"""What a POH sees: every page type drawn in real Chromium at desktop and phone width.

Per page and width: every chart, table, warning and filter has a rendered size; nothing makes
the page wider than the screen (a wide table scrolls inside its own box); axe-core finds no
serious or critical violation. A screenshot of each is written to build/screenshots/ for a person
to look at.
"""

import re
from pathlib import Path

import pytest

from publish.charts import trend_charts

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "build" / "screenshots"
WIDTHS = {"desktop": 1280, "phone": 390}
# Page type -> (address, what must be drawn on it: CSS selector -> the least number of them).
# {hostile} is the app with markup, long words and hidden characters (tests/site/conftest.py).
PAGES = {
    "overzicht": ("", {"#sw-filters select": 5, "#sw-filters input": 3, "table#sw-overview": 1,
                       ".sw-flag": 1}),
    "app": ("apps/quiddy/", {"table.sw-checklist": 1, "table.sw-history": 1}),
    "app-waarschuwing": ("apps/vapestop/", {".admonition.danger": 1, ".admonition.warning": 1}),
    "app-vijandige-tekst": ("apps/{hostile}/", {"table.sw-checklist": 1}),
    "patientkaart": ("kaart/quiddy.html", {".sw-card ol": 1}),
    "patientkaart-vijandige-tekst": ("kaart/{hostile}.html", {".sw-card ol": 1}),
    "voor-wie": ("voor-wie/", {"h2": 5, "article li a": 5}),
    "trends": ("trends/", {"svg.sw-chart": 4, ".sw-chart-data table": 4}),
    "veranderingen": ("veranderingen/", {"table.sw-runs": 1, ".sw-changes li": 1}),
    "methode": ("methode/", {"h2": 1}),
}
# Everything on a page that must be drawn whenever it is there.
DRAWN = "svg.sw-chart, table, .admonition, .sw-flag, #sw-filters select, #sw-filters input"

# Elements whose box ends outside the screen with no scrolling or clipping box around them that
# is itself on screen. Material's menu drawer and search sit off screen on a phone on
# purpose until opened, so they are left out.
OFF_SCREEN = """() => {
  const width = document.documentElement.clientWidth;
  const inside = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const style = getComputedStyle(box);
      const r = box.getBoundingClientRect();
      if (style.overflowX !== "visible" && r.left >= -1 && r.right <= width + 1) return true;
    }
    return false;
  };
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".md-sidebar, .md-search, .md-skip, [hidden]")) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((r.right > width + 1 || r.left < -1) && !inside(el)) {
      wide.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(r.right)}`);
    }
  }
  return wide.slice(0, 10);
}"""

UNDRAWN = """(selector) => Array.from(document.querySelectorAll(selector))
  .filter((el) => !el.closest("details:not([open])"))
  .map((el) => [el, el.getBoundingClientRect()])
  .filter(([el, r]) => r.width < 1 || r.height < 1)
  .map(([el, r]) => `${el.tagName.toLowerCase()}#${el.id}.${el.className.baseVal ?? el.className}`)"""


@pytest.fixture(scope="module")
def hostile_app(built_site):
    _, site = built_site
    return next(p.parent.name for p in (site / "apps").glob("*/index.html")
                if "window.__xss" in p.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def axe():
    module = pytest.importorskip("axe_playwright_python.sync_playwright",
                                 reason="axe-playwright-python is not installed")
    return module.Axe()


# axe-core once per page type, at desktop width: the phone layout uses the same colours and
# names, and axe is the slowest step (this keeps the browser tests within about a minute).
AXE_WIDTH = "desktop"
CASES = [(name, width) for name in PAGES for width in WIDTHS
         if not name.endswith("vijandige-tekst") or width == "phone"]  # long words test a phone


@pytest.mark.parametrize(("name", "width"), CASES, ids=[f"{n}-{w}" for n, w in CASES])
def test_page_is_drawn_fits_the_screen_and_is_accessible(browser, site_url, hostile_app, axe,
                                                          name, width):
    address, wanted = PAGES[name]
    page = browser.new_page(viewport={"width": WIDTHS[width], "height": 900})
    page.goto(site_url + address.format(hostile=hostile_app))
    page.wait_for_load_state("load")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Material fades its tabs in: finish that first, for the screenshot and for axe.
    page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True,
                    animations="disabled")

    for selector, least in wanted.items():
        assert page.locator(selector).count() >= least, f"{name}: fewer than {least} {selector}"
    assert page.evaluate(UNDRAWN, DRAWN) == [], f"{name} at {width}: drawn without a size"
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width], name
    assert page.evaluate(OFF_SCREEN) == [], f"{name} at {width}: wider than the screen"

    if width == AXE_WIDTH:
        violations = [v for v in axe.run(page).response["violations"]
                      if v["impact"] in ("serious", "critical")]
        assert violations == [], "\n".join(
            f"{v['id']} ({v['impact']}): {len(v['nodes'])} elements, e.g. "
            f"{v['nodes'][0]['target']}" for v in violations)
    page.close()


def test_each_chart_has_its_own_ids_a_width_and_its_numbers_in_a_table():
    trends = [{"date": "2026-10-01", "apps": 40, "dutch": 30, "notifications": 10,
               "evidence": {"claimed": 25, "ggd": 3}},
              {"date": "2026-11-01", "apps": 50, "dutch": 45, "notifications": 20,
               "evidence": {"claimed": 30, "ggd": 4}}]
    charts = trend_charts(trends, {"ggd": "GGD AppStore <positief>", "claimed": "Volgens de maker"})
    ids = [i for c in charts for i in re.findall(r' id="([^"]+)"', c["svg"])]
    assert len(ids) == 8 and len(set(ids)) == 8
    assert all(re.search(r'<svg [^>]*width="640"', c["svg"]) for c in charts)
    apps, dutch, _, evidence = (c["table"] for c in charts)
    assert '<th scope="row">2026-11-01</th><td>50</td>' in apps
    assert '<th scope="row">2026-11-01</th><td>90%</td>' in dutch  # 45 of 50
    assert "GGD AppStore &lt;positief&gt;</th>" in evidence
    assert '<th scope="row">2026-10-01</th><td>3</td><td>25</td>' in evidence
