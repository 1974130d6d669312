"""Builds the demo snapshot's Google Play Data safety pages, one per Google Play package in the
demo (the detail pages in parts/googleplay.jsonl), from datasafety.yaml.

Each page is the real Data safety page of Google Translate
(tests/fixtures/googleplay/play_datasafety_com.google.android.apps.translate_hl-en.html): its
`ds:3` block is kept with the app's name, developer and declaration written at the parser's
paths (crawlers/parsers/googleplay_datasafety.py), in Dutch. Every declaration is INVENTED for
the demo and each page says so. Re-run after the demo's packages change, from the repository
root:  .venv/bin/python snapshots/demo/make_datasafety_pages.py
"""

from __future__ import annotations

import copy
import html
import json
from pathlib import Path

import yaml

from crawlers.parsers.googleplay import data_block
from crawlers.parsers.googleplay_datasafety import (BLOCK, DATASAFETY_KEY, PRACTICE_ICONS,
                                                    datasafety_url, package_of)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TEMPLATE = (ROOT / "tests" / "fixtures" / "googleplay"
            / "play_datasafety_com.google.android.apps.translate_hl-en.html")
PART = "googleplay-datasafety"
RECORDED_AT = "2026-11-20T02:00:00+00:00"
ICON_OF = {kind: icon for icon, kind in PRACTICE_ICONS.items()}
# Google Play's Dutch wording as far as we know it; the parser does not depend on it.
TEXTS = {
    "shared": "Deze app kan deze gegevenstypen delen met derden",
    "not_shared": "Geen gegevens gedeeld met derden",
    "not_shared_text": "De ontwikkelaar zegt dat deze app geen gebruikersgegevens deelt met andere "
                       "bedrijven of organisaties.",
    "collected": "Verzamelde gegevens",
    "not_collected": "Geen gegevens verzameld",
    ("encrypted", True): "Gegevens worden versleuteld tijdens de overdracht",
    ("encrypted", False): "Gegevens worden niet versleuteld",
    ("deletion", True): "Je kunt verzoeken dat gegevens worden verwijderd",
    ("deletion", False): "Je kunt niet verzoeken dat gegevens worden verwijderd",
}


def demo_packages() -> list[str]:
    lines = (HERE / "parts" / "googleplay.jsonl").read_text(encoding="utf-8").splitlines()
    urls = [json.loads(line)["url"] for line in lines if line]
    return [package_of(url) for url in urls if "/store/apps/details" in url]


def _section(model: list, title: str, kinds: list[str]) -> list:
    """A 'shared' or 'collected' card: the real collected card with its categories replaced."""
    section = copy.deepcopy(model)
    section[1] = title
    first = section[0][0]
    section[0] = [_category(first, kind) for kind in kinds] or None
    return section


def _category(model: list, kind: str) -> list:
    category = copy.deepcopy(model)
    category[0][1], category[0][2] = kind, [None, kind]
    category[4] = [[kind, 0, "App-functionaliteit"]]
    return category


def _practice(model: list, kind: str, declared: bool) -> list:
    practice = copy.deepcopy(model)
    practice[0][3][2] = "https://play-lh.googleusercontent.com/" + ICON_OF[kind]
    practice[1] = TEXTS[(kind, declared)]
    practice[2] = [None, practice[1]]
    return practice


def declaration_data(template_data, app: dict, declared: dict) -> list:
    data = copy.deepcopy(template_data)
    numbered = data[1][2][1]
    data[1][2][0] = [app["title"]]
    numbered["69"][0] = app["developer"]
    numbered.pop("70", None)  # the template developer's address and support contacts
    numbered["100"][0][5][2] = app.get("privacy_url")
    safety = numbered[DATASAFETY_KEY]
    collected_model = safety[4][1]
    shared = declared.get("shared") or []
    safety[4][0] = (_section(collected_model, TEXTS["shared"], shared) if shared
                    else [None, TEXTS["not_shared"], *copy.deepcopy(safety[4][0][2:6]),
                          [None, TEXTS["not_shared_text"]]])
    collected = declared.get("collected") or []
    safety[4][1] = _section(collected_model, TEXTS["collected" if collected
                                                  else "not_collected"], collected)
    model = safety[9][2][0]
    safety[9][2] = [_practice(model, kind, declared[kind]) for kind in ("encrypted", "deletion")
                    if declared.get(kind) is not None]
    return data


def page(app: dict, data) -> str:
    title = f"Gegevensveiligheid - {app['title']}"
    return ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\">"
            "<!-- DEMO, HAND-MADE for the Stopwijzer demo: the real Data safety page of Google "
            "Translate with an INVENTED declaration; see snapshots/demo/parts/"
            "googleplay-datasafety.md -->"
            f"<title>{html.escape(title)}</title>"
            f"<script class=\"{BLOCK}\" nonce=\"demo\">AF_initDataCallback({{key: '{BLOCK}', "
            f"hash: '6', data:{json.dumps(data, ensure_ascii=False)}, sideChannel: {{}}}});"
            "</script></head><body><h1>Gegevensveiligheid (DEMO)</h1></body></html>")


def main() -> None:
    apps = {a["package"]: a for a in
            yaml.safe_load((HERE / "store_apps.yaml").read_text(encoding="utf-8"))}
    config = yaml.safe_load((HERE / "datasafety.yaml").read_text(encoding="utf-8"))
    template = data_block(TEMPLATE.read_text(encoding="utf-8"), BLOCK)
    bodies = HERE / "bodies" / PART
    bodies.mkdir(parents=True, exist_ok=True)
    lines = []
    for package in demo_packages():
        app = apps.get(package, {"title": package, "developer": "onbekend"})
        declared = config["apps"].get(package, config["default"])
        (bodies / f"{package}.html").write_text(page(app, declaration_data(template, app,
                                                                          declared)),
                                                encoding="utf-8")
        lines.append(json.dumps({
            "url": datasafety_url(package), "method": "GET", "status": 200,
            "headers": {"Content-Type": "text/html; charset=utf-8"},
            "recorded_at": RECORDED_AT, "body": f"bodies/{PART}/{package}.html"}))
    (HERE / "parts" / f"{PART}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    parts = sorted((HERE / "parts").glob("*.jsonl"))
    (HERE / "manifest.jsonl").write_text("".join(p.read_text(encoding="utf-8") for p in parts),
                                         encoding="utf-8")


if __name__ == "__main__":
    main()
