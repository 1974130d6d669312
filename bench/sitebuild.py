"""Building the site for N apps against a plain `mkdocs build` of N Markdown pages of the same
size kept out of the navigation: what our rendering and templates cost on top of MkDocs. And the
time from typing a query to the first search result on that site in headless Chromium, for our
search (Pagefind) and, on the same pages built with Material's own search as before, for that."""

from __future__ import annotations

import copy
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from catalogue.curation import load_curation
from catalogue.store import connect_readonly
from bench.chromium import launch
from publish.build import MKDOCS_YML, build_site, site_server
from publish.data import site_data
from publish.render import render_docs
from scoring.rubric import labels
from stopwijzer import pipeline

PLAIN_MKDOCS = """site_name: Plain
theme: {name: material, language: nl}
plugins: [{search: {lang: nl}}]
nav: [index.md]
not_in_nav: /apps/
"""


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def many_apps(folder: Path, count: int) -> dict:
    """The demo's site data with its apps repeated to `count` apps."""
    db = folder / "demo.duckdb"
    pipeline.crawl(db, replay=pipeline.DEMO_SNAPSHOT, echo=lambda m: None)
    pipeline.score_only(db)
    with connect_readonly(db) as con:
        data = site_data(con, load_curation(), labels())
    demo_apps = data["apps"]
    data["apps"] = []
    for n in range(count):
        app = copy.deepcopy(demo_apps[n % len(demo_apps)])
        app["app_id"], app["name"] = f"{app['app_id']}-{n}", f"{app['name']} {n}"
        data["apps"].append(app)
    return data


def plain_build(folder: Path, pages: list[str]) -> float:
    docs = folder / "docs"
    (docs / "apps").mkdir(parents=True)
    (docs / "index.md").write_text("# Plain\n", encoding="utf-8")
    for n, text in enumerate(pages):
        (docs / "apps" / f"app-{n}.md").write_text(text, encoding="utf-8")
    (folder / "mkdocs.yml").write_text(PLAIN_MKDOCS, encoding="utf-8")
    start = time.perf_counter()
    build(load_config(config_file=str(folder / "mkdocs.yml"), site_dir=str(folder / "site")))
    return time.perf_counter() - start


SEARCH_QUERY = "buddy"
# Where to type and what the first result is, for each search.
PAGEFIND = (".pagefind-ui__search-input", ".pagefind-ui__result")
MATERIAL = (".md-search__input", ".md-search-result__item")


def material_search_build(docs: Path, site: Path) -> None:
    """The same pages built as before: Material's search plugin indexing every page."""
    build(load_config(config_file=str(MKDOCS_YML), docs_dir=str(docs), site_dir=str(site),
                      plugins=[{"search": {"lang": "nl"}}]))


def first_search(site: Path, fields: tuple[str, str], tries: int = 3) -> float:
    """Seconds from typing a query on a freshly loaded page (nothing cached, the page done
    loading) to the first result shown; the median of a few tries."""
    from playwright.sync_api import sync_playwright

    box, result = fields
    server = site_server(site, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times = []
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for _ in range(tries):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                page.goto(f"http://127.0.0.1:{server.server_address[1]}/methode/")
                page.wait_for_load_state("networkidle")
                start = time.perf_counter()
                page.click(box)
                page.keyboard.type(SEARCH_QUERY)
                page.wait_for_selector(result, timeout=60_000)
                times.append(time.perf_counter() - start)
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return statistics.median(times)


def search_rows(site: Path, docs: Path, folder: Path) -> list[tuple[str, str, str]]:
    if not shutil.which("chromium"):
        return [("site: first search result", "skipped", "no chromium on this machine")]
    material_search_build(docs, folder / "material-site")
    ours, before = first_search(site, PAGEFIND), first_search(folder / "material-site", MATERIAL)
    return [("site: first search result, Pagefind (ours)", f"{ours:.2f} s", "goal <= 1 s"),
            ("site: first search result, Material's search (before)", f"{before:.2f} s", "")]


def bench(count: int) -> list[tuple[str, str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        data = many_apps(folder, count)
        start = time.perf_counter()
        build_site(data, folder / "site")
        ours = time.perf_counter() - start
        site = (folder / "site").resolve()
        size = folder_size(site) / 1e6
        # The same number of pages, each as large as ours in Markdown, as plain text.
        render_docs(data, folder / "docs")
        sizes = [p.stat().st_size for p in (folder / "docs").rglob("*.md")]
        plain = plain_build(folder / "plain", [f"# Pagina {n}\n\n" + "Een zin tekst. " * (size // 15)
                                               for n, size in enumerate(sizes)])
        searches = search_rows(site, folder / "docs", folder)
    return [(f"site with {count} apps: Stopwijzer build", f"{ours:.1f} s", ""),
            ("site: plain mkdocs build, as many pages of the same size", f"{plain:.1f} s", ""),
            ("site: ratio Stopwijzer / plain mkdocs", f"{ours / plain:.2f}x", "goal <= 1.5x"),
            (f"site with {count} apps: total size", f"{size:.1f} MB", "goal <= 40 MB"),
            *searches]
