"""Builds the demo snapshot's GGD AppStore pages from ggd_apps.yaml, on the structure proven on
the live site (see crawlers/parsers/ggdappstore.py): an entry page whose header links the six
pillars (hrefs with stray spaces), one page of cards per pillar (an app under each of its
pillars), and one app page per app with the long text as direct text of the description box.

The page addresses below are INVENTED: the real URL patterns of pillar and app pages are not
known, which is why the parser ignores URLs. Run from the repository root:
    python snapshots/demo/make_ggd_pages.py
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import yaml

from crawlers.text import slug
from crawlers.parsers.ggdappstore import START_URLS, absolute

HERE = Path(__file__).resolve().parent
RECORDED_AT = "2026-11-20T02:00:00+00:00"
CONTENT_TYPE = "text/html; charset=utf-8"
# icon class -> (invented path segment, pillar name), in the order of the site's header
PILLARS = {
    "lichaam": ("Lichaamsfuncties", "Lichaamsfuncties"),
    "psyche": ("Mentaal welbevinden", "Mentaal welbevinden"),
    "zingeving": ("Zingeving", "Zingeving"),
    "geluk": ("Kwaliteit van leven", "Kwaliteit van leven"),
    "relaties": ("Meedoen", "Meedoen"),
    "dagelijksleven": ("Dagelijks functioneren", "Dagelijks functioneren"),
}
NOTE = ("<!-- Stopwijzer demo snapshot: hand-made on the proven structure of ggdappstore.nl, not "
        "a saved copy. Addresses invented; see snapshots/demo/parts/ggdappstore.md. -->")


def pillar_href(icon: str) -> str:
    return f" /Appstore/Apps/Pijler, {PILLARS[icon][0]} "  # stray spaces, as on the live site


def app_href(app: dict) -> str:
    return f"/Appstore/Apps/Details, {app['name']}"


def stars(score: float) -> str:
    full, half = int(score), score % 1 >= 0.5
    icons = ['<i class="fa fa-star"></i>'] * full + ['<i class="fa fa-star-half-o"></i>'] * half
    icons += ['<i class="fa fa-star-o"></i>'] * (5 - full - half)
    label = f"{score:g}".replace(".", ",")
    return (f'<div class="app-element app-score" title="{label} van 5 sterren">{"".join(icons)}'
            f'<span class="sr-only">{label} van 5 sterren</span></div>')


def layout(title: str, body: str) -> str:
    header = "\n".join(
        f'      <a href="{escape(pillar_href(icon))}"><span class="cat-icon cat-{icon}"></span> '
        f'{escape(name)}</a>' for icon, (_, name) in PILLARS.items())
    return f"""<!DOCTYPE html>
<html lang="nl">
<head>
  <meta charset="utf-8">
  <title>{escape(title)} - GGD AppStore</title>
  <link href="/Content/bootstrap.min.css" rel="stylesheet">
  <link href="/Content/font-awesome.min.css" rel="stylesheet">
</head>
<body>
{NOTE}
<nav class="navbar navbar-default">
  <div class="container">
    <a class="navbar-brand" href="/Appstore/Homepage/Sessie,Medewerker,Button">GGD AppStore</a>
    <div id="header-categorien">
{header}
    </div>
  </div>
</nav>
<div class="container">
{body}
</div>
</body>
</html>
"""


def card(app: dict) -> str:
    platforms = "".join(
        f'<a class="platform-{kind}" href="{escape(app[key])}" target="_blank"></a>'
        for kind, key in (("android", "android"), ("ios", "ios"), ("internet", "web"))
        if app.get(key))
    icons = "".join(f'<span class="cat-icon cat-{icon}"></span>' for icon in app["pillars"])
    return f"""    <div class="col-xs-12 col-sm-6 col-md-4 app">
      <div class="app-container">
        <h3>{escape(app['name'])}</h3>
        <div class="app-description-short">{escape(app['short'])}</div>
        <div class="app-element app-category">{icons}</div>
        {stars(app['stars'])}
        <div class="app-element app-platforms">{platforms}</div>
        <a class="btn btn-orange pull-right" href="{escape(app_href(app))}">Meer info</a>
      </div>
    </div>"""


def themes(app: dict) -> str:
    if not app.get("themes"):
        return ""
    blocks = "\n".join(
        f'    <div class="col-xs-12 col-sm-6 thema"><h4>{escape(name)}</h4>{stars(score)}'
        f'<p>{escape(text)}</p></div>' for name, score, text in app["themes"])
    return f'  <div id="beoordeling" class="row">\n{blocks}\n  </div>'


def app_page(app: dict) -> str:
    return layout(app["name"], f"""  <h1>{escape(app['name'])}</h1>
  {stars(app['stars'])}
  <div id="beschrijving">
    <div class="row">
      <div class="col-xs-12"><h4>Beschrijving</h4>{escape(app['long'])}</div>
    </div>
  </div>
{themes(app)}""")


def pages(apps: list[dict]) -> list[tuple[str, str, str]]:
    """(url, file name, body) of every page: entry page, pillar pages, app pages."""
    entry = START_URLS[0]
    found = [(entry, "homepage.html", layout("Home", '  <h1>Welkom bij de GGD AppStore</h1>'))]
    for icon in PILLARS:
        listed = "\n".join(card(a) for a in apps if icon in a["pillars"])
        body = f'  <div id="apps" class="row">\n{listed}\n  </div>'
        found.append((absolute(entry, pillar_href(icon)), f"pijler-{icon}.html",
                      layout(PILLARS[icon][1], body)))
    found += [(absolute(entry, app_href(a)), f"app-{slug(a['name'])}.html", app_page(a))
              for a in apps]
    return found


def main() -> None:
    apps = yaml.safe_load((HERE / "ggd_apps.yaml").read_text(encoding="utf-8"))
    folder = HERE / "bodies" / "ggdappstore"
    for old in folder.glob("*.html"):
        old.unlink()
    lines = []
    for url, name, body in pages(apps):
        (folder / name).write_text(body, encoding="utf-8")
        lines.append(json.dumps({"url": url, "method": "GET", "status": 200,
                                 "headers": {"Content-Type": CONTENT_TYPE},
                                 "recorded_at": RECORDED_AT, "body": f"bodies/ggdappstore/{name}"}))
    (HERE / "parts" / "ggdappstore.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = sorted((HERE / "parts").glob("*.jsonl"))
    (HERE / "manifest.jsonl").write_text("".join(p.read_text(encoding="utf-8") for p in parts),
                                         encoding="utf-8")


if __name__ == "__main__":
    main()
