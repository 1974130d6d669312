"""Builds the demo snapshot's Google Play and App Store pages from store_apps.yaml.

The pages keep the structure of real saved pages (tests/fixtures/googleplay/ and
tests/fixtures/appstore/): a real detail page's AF_initDataCallback blocks and JSON-LD with the
ds:5 values replaced, a real search page's ds:4 block with its results replaced, and iTunes API
responses in the real response's shape. Run from the repository root:
    python snapshots/demo/make_store_pages.py
"""

from __future__ import annotations

import copy
import datetime as dt
import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import yaml

from crawlers.known_apps import known_apps
from crawlers.parsers import appstore, googleplay
from crawlers.parsers.googleplay import DETAIL_PATHS, DETAIL_ROOT, data_block

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parents[1] / "tests" / "fixtures"
DETAIL_TEMPLATE = FIXTURES / "googleplay" / "play_details_com.adex77.WhereAmI_hl-en.html"
SEARCH_TEMPLATE = FIXTURES / "googleplay" / "play_search_where-am-i_hl-en.html"
ITUNES_TEMPLATE = FIXTURES / "appstore" / "itunes_search_software_us_2018_200results.json"
RECORDED_AT = "2026-11-20T02:00:00+00:00"
KEPT_BLOCKS = ("ds:0", "ds:2", "ds:4", "ds:7", "ds:9")  # small real blocks kept around ds:5
SCRIPT = re.compile(r"<script[^>]*>AF_initDataCallback\(\{key: '(ds:\d+)'[\s\S]*?</script>")


def euro(price: float) -> str:
    """A price as the Dutch stores show it; free apps show no price."""
    return f"€ {price:.2f}".replace(".", ",") if price else ""


def put(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def script(key: str, data) -> str:
    return (f"<script class=\"{key}\" nonce=\"demo\">AF_initDataCallback({{key: '{key}', "
            f"hash: '1', data:{json.dumps(data, ensure_ascii=False)}, sideChannel: {{}}}});"
            "</script>")


def play_detail(app: dict, template: str) -> str:
    data = copy.deepcopy(data_block(template, "ds:5"))
    root = data
    for step in DETAIL_ROOT:
        root = root[step]
    updated = dt.datetime.combine(app["updated"], dt.time(12), dt.timezone.utc)
    description = "<br>".join(html.escape(line) for line in app["description"].splitlines())
    values = {"title": app["title"], "description": description,
              "installs": app["installs"], "rating": app["rating"],
              "rating_count": app["rating_count"], "price_micros": int(app["price"] * 1e6),
              "developer": app["developer"], "website": app["website"],
              "privacy_url": app["privacy_url"], "content_rating": app["content_rating"],
              "updated_epoch": int(updated.timestamp()), "version": app["version"]}
    for name, value in values.items():
        put(root, DETAIL_PATHS[name], value)
    # Template values the parser does not read, but that name the template app, its developer
    # (a private person's contact details) or its category, currency and release notes.
    for path, value in {
            (10,): None, (19,): None, (48,): None, (51, 1): None, (51, 3): None, (91,): None,
            (9, 2): None, (13, 2): None, (13, 3): None, (79,): None, (100,): None, (118,): None,
            (68, 2): None, (69, 1): None, (69, 4): None, (144,): None,
            (13, 1): int(app["installs"].rstrip("+").replace(".", "")),
            (37, 0): app["developer"], (73, 0, 1): app["description"].splitlines()[0],
            (51, 0, 0): str(app["rating"]), (51, 2, 0): str(app["rating_count"]),
            (57, 0, 0, 0, 0, 1, 0, 1): "EUR", (57, 0, 0, 0, 0, 1, 0, 2): euro(app["price"]),
            (57, 0, 0, 0, 0, 6, 5, 2): googleplay.detail_url(app["package"]),
            (68, 1, 4, 2): f"/store/apps/developer?id={quote(app['developer'])}",
            (77, 0): app["package"]}.items():
        put(root, list(path), value)
    screenshots = root[DETAIL_PATHS["screenshots"][0]][0]
    root[DETAIL_PATHS["screenshots"][0]][0] = (screenshots * 3)[:app["screenshots"]]
    put(root, [145, 0, 0], f"{app['updated']:%d-%m-%Y}")
    kept = [m.group(0) for m in SCRIPT.finditer(template) if m.group(1) in KEPT_BLOCKS]
    json_ld = {"@context": "https://schema.org", "@type": "SoftwareApplication",
               "name": app["title"], "url": googleplay.detail_url(app["package"]),
               "description": app["description"].splitlines()[0],
               "operatingSystem": "ANDROID", "contentRating": app["content_rating"],
               "author": {"@type": "Person", "name": app["developer"], "url": app["website"]},
               "aggregateRating": {"@type": "AggregateRating",
                                   "ratingValue": str(app["rating"]),
                                   "ratingCount": str(app["rating_count"])},
               "offers": [{"@type": "Offer", "price": str(app["price"]), "priceCurrency": "EUR"}]}
    return page(f"{app['title']} - Apps op Google Play",
                [*kept[:2], script("ds:5", data), *kept[2:],
                 f'<script type="application/ld+json" nonce="demo">{json.dumps(json_ld)}</script>'])


def play_search(apps: list[dict], template: str) -> str:
    data = copy.deepcopy(data_block(template, "ds:4"))
    section = data[0][1][0]
    model = section[22][0][0]
    results = []
    for app in apps:
        result = copy.deepcopy(model)
        result[0][0][0], result[0][3], result[0][14] = app["package"], app["title"], app["developer"]
        result[0][13][1] = app["description"].splitlines()[0]
        result[0][15] = app["installs"]
        result[0][4][:2] = [f"{app['rating']:.1f}", app["rating"]]
        result[0][5], result[0][11], result[0][24] = "Gezondheid en fitness", None, None
        result[0][10][4][2] = f"/store/apps/details?id={app['package']}"
        for offer in (result[0][8], result[0][25][0][0][0][0]):
            offer[1][0][1:3] = ["EUR", euro(app["price"])]
            offer[6][5][2] = googleplay.detail_url(app["package"])
        results.append(result)
    section[22][0] = results
    return page("Zoeken - Apps op Google Play", [script("ds:4", data)])


def page(title: str, scripts: list[str]) -> str:
    return ("<!doctype html><html lang=\"nl\" dir=\"ltr\"><head><meta charset=\"utf-8\">"
            f"<!-- HAND-MADE for the Stopwijzer demo: see snapshots/demo/parts/googleplay.md -->"
            f"<title>{html.escape(title)}</title>{''.join(scripts)}</head><body></body></html>")


def itunes_result(app: dict, model: dict) -> dict:
    result = copy.deepcopy(model)
    result.update({
        "trackId": app["track_id"], "trackName": app.get("ios_title", app["title"]),
        "sellerName": app["developer"], "artistName": app["developer"],
        "description": app["description"], "languageCodesISO2A": [c.upper() for c in app["languages"]],
        "version": app["version"],
        "currentVersionReleaseDate": f"{app['updated']:%Y-%m-%d}T08:00:00Z",
        "averageUserRating": app["rating"], "userRatingCount": app["rating_count"] // 10,
        "price": float(app["price"]), "formattedPrice": euro(app["price"]) or "Gratis",
        "currency": "EUR",
        "minimumOsVersion": "15.0", "contentAdvisoryRating": "4+", "trackContentRating": "4+",
        "sellerUrl": app["website"], "artistViewUrl": None, "artistId": None,
        "bundleId": app["package"], "trackCensoredName": app.get("ios_title", app["title"]),
        "advisories": [], "primaryGenreName": "Health & Fitness", "primaryGenreId": 6013,
        "genres": ["Gezondheid en fitness"], "genreIds": ["6013"],
        "releaseNotes": "Verbeteringen en foutoplossingen.",
        "averageUserRatingForCurrentVersion": app["rating"],
        "userRatingCountForCurrentVersion": app["rating_count"] // 100,
        "trackViewUrl": f"https://apps.apple.com/nl/app/id{app['track_id']}?uo=4",
        "screenshotUrls": model["screenshotUrls"][:app["screenshots"]]})
    return result


class Snapshot:
    def __init__(self, source: str):
        self.source, self.lines = source, []
        (HERE / "bodies" / source).mkdir(parents=True, exist_ok=True)
        for old in (HERE / "bodies" / source).iterdir():
            old.unlink()  # pages of apps no longer in store_apps.yaml

    def add(self, url: str, name: str, body: str, content_type: str) -> None:
        (HERE / "bodies" / self.source / name).write_text(body, encoding="utf-8")
        self.lines.append(json.dumps({
            "url": url, "method": "GET", "status": 200, "headers": {"Content-Type": content_type},
            "recorded_at": RECORDED_AT, "body": f"bodies/{self.source}/{name}"}))

    def save(self) -> None:
        (HERE / "parts" / f"{self.source}.jsonl").write_text("\n".join(self.lines) + "\n",
                                                             encoding="utf-8")


def main() -> None:
    apps = yaml.safe_load((HERE / "store_apps.yaml").read_text(encoding="utf-8"))
    detail_template = DETAIL_TEMPLATE.read_text(encoding="utf-8")
    search_template = SEARCH_TEMPLATE.read_text(encoding="utf-8")
    play = Snapshot("googleplay")
    for n, query in enumerate(googleplay.QUERIES):
        found = [a for a in apps if query in a["queries"]]
        play.add(googleplay.search_url(query), f"search-{n}.html",
                 play_search(found, search_template), "text/html; charset=utf-8")
    for app in apps:
        play.add(googleplay.detail_url(app["package"]), f"{app['package']}.html",
                 play_detail(app, detail_template), "text/html; charset=utf-8")
    play.save()

    model = json.loads(ITUNES_TEMPLATE.read_text(encoding="utf-8"))["results"][0]
    ios = [a for a in apps if a.get("track_id")]
    store = Snapshot("appstore")
    for n, query in enumerate(googleplay.QUERIES):
        results = [itunes_result(a, model) for a in ios if query in a["queries"]]
        store.add(appstore.search_url(query), f"search-{n}.json",
                  json.dumps({"resultCount": len(results), "results": results}, indent=1,
                             ensure_ascii=False), "text/javascript; charset=utf-8")
    known_ids = [app["ios_track_id"] for app in known_apps() if app["ios_track_id"]]
    known = [a for a in ios if str(a["track_id"]) in known_ids]
    results = [itunes_result(a, model) for a in known]
    store.add(appstore.lookup_url(known_ids), "lookup.json",
              json.dumps({"resultCount": len(results), "results": results}, indent=1,
                         ensure_ascii=False), "text/javascript; charset=utf-8")
    store.save()
    parts = sorted((HERE / "parts").glob("*.jsonl"))
    (HERE / "manifest.jsonl").write_text("".join(p.read_text(encoding="utf-8") for p in parts),
                                         encoding="utf-8")


if __name__ == "__main__":
    main()
