"""Rendering the site's Markdown pages from the site data with Jinja2 (site/templates).

Everything from a store or site is untrusted. Templates autoescape HTML, and untrusted text
appears only inside HTML (app pages skip Markdown altogether, see publish/mkdocs_hooks.py; the
other pages put it inside HTML blocks, where Markdown is not processed). Links are rendered only
for http(s) URLs, invisible direction and zero-width characters are removed, and no page is
written outside the docs folder.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import unicodedata
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown.extensions.toc import slugify
from markupsafe import Markup, escape

from crawlers.sources import REGISTRY
from publish.charts import trend_charts
from publish.advice import advice
from publish.qr import qr_svg

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "site" / "templates"
STATIC_DOCS = ROOT / "site" / "docs"
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~=:])")
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]")
TITLE_CHARS = 120
# Who said it, as the site names it: every source by its registry label, and the other origins
# a reason can cite.
OTHER_ORIGINS = {"editor": "redactie", "description": "beschrijving", "store": "app-winkel",
                 "catalogue": "catalogus", "unknown": "onbekend"}
# The catalogue's event and status codes (app_history.event, app_current.status) in Dutch.
STATE_NAMES = {"new": "nieuw", "changed": "gewijzigd", "gone": "niet meer beschikbaar",
               "available": "beschikbaar"}


def clean(value) -> str:
    """Untrusted text without control, direction or zero-width characters."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", str(value or "")))
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text  # the common case, without a look at every character
    return "".join(c for c in text if c in "\n\t" or unicodedata.category(c)[0] != "C")


def short(value, limit: int = TITLE_CHARS) -> str:
    text = " ".join(clean(value).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def md(value) -> Markup:
    """Untrusted text for a Markdown context (the change report's list items): escaped twice
    over, as HTML and as Markdown."""
    return Markup(MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(short(value)))))


def safe_url(value) -> str | None:
    url = clean(value).strip()
    return url if re.match(r"https?://[^\s\"'<>]+$", url) else None


def link(url, text=None) -> Markup:
    """An external link, or just the escaped text when the URL is not http(s)."""
    href = safe_url(url)
    label = escape(short(text or url, 80))
    if not href:
        return Markup(label)
    return Markup(f'<a href="{escape(href)}" rel="nofollow noopener" target="_blank">{label}</a>')


def paragraphs(value) -> Markup:
    return Markup("".join(f"<p>{escape(p)}</p>" for p in clean(value).split("\n") if p.strip()))


def page_slug(app_id: str) -> str:
    """A file-system-safe page name; the catalogue's ids already are, this makes sure."""
    slug = re.sub(r"[^a-z0-9-]+", "-", str(app_id).lower()).strip("-")[:80]
    return slug or "app-" + hashlib.sha256(str(app_id).encode()).hexdigest()[:10]


def source_name(origin: str) -> str:
    source = REGISTRY.get(origin)
    return source.label if source else OTHER_ORIGINS.get(origin, origin)


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters.update(clean=clean, short=short, link=link, paragraphs=paragraphs,
                       qr=qr_svg,
                       anchor=lambda text: slugify(str(text), "-"),
                       source_name=source_name,
                       state_name=lambda code: STATE_NAMES.get(code, code),
                       title_json=lambda v: Markup(json.dumps(short(v, 80).replace("<", "")
                                                              .replace(">", ""))))
    return env


def write(docs: Path, relative: str, text: str) -> None:
    path = (docs / relative).resolve()
    if not path.is_relative_to(docs.resolve()):
        raise ValueError(f"refusing to write outside the site: {relative}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def render_docs(data: dict, docs: Path) -> None:
    """All pages of the site as Markdown (plus the static assets) in docs."""
    shutil.copytree(STATIC_DOCS, docs, dirs_exist_ok=True)
    env = environment()
    labels = data["labels"]
    apps = []
    for app in data["apps"]:
        app = {**app, "slug": page_slug(app["app_id"])}
        app["advice"] = advice(app, labels)
        apps.append(app)
    current = [a for a in apps if a["available"]]
    common = {"data": data, "labels": labels, "apps": apps, "current": current,
              "gone": [a for a in apps if not a["available"]]}
    pages = {"index.md": ("index.md.j2", {}), "voor-wie.md": ("voor-wie.md.j2", {}),
             "veranderingen.md": ("veranderingen.md.j2", {}), "methode.md": ("methode.md.j2", {}),
             "trends.md": ("trends.md.j2", {"charts": trend_charts(
                 data["trends"], labels["evidence"])})}
    for name, (template, extra) in pages.items():
        write(docs, name, env.get_template(template).render(**common, **extra))
    app_page, card = env.get_template("app.md.j2"), env.get_template("kaart.html.j2")
    for app in apps:
        write(docs, f"apps/{app['slug']}.md", app_page.render(**common, app=app))
        if app["advice"]["card"]:  # an app that is not recommended gets no patient card
            write(docs, f"kaart/{app['slug']}.html", card.render(**common, app=app))
