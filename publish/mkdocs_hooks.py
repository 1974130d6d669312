"""MkDocs hooks (mkdocs.yml `hooks:`): pages we write as HTML ourselves skip Markdown.

An app page is HTML from our own templates with every untrusted value escaped. Letting
Python-Markdown parse it again adds nothing and was half the time of a 1,000-app build. Such a
page says `html: true` in its front matter; its <h2>/<h3> headings, which carry ids, become the
page's table of contents as Markdown's would.

After the build, Pagefind indexes the site for search (`on_post_build`): the article of each
page, without the blocks marked `data-search-exclude` (the reasons, the history) and without the
patient cards, which have no such article.
"""

from __future__ import annotations

import re
import subprocess

import pagefind_bin
from mkdocs.structure.toc import get_toc

HEADING = re.compile(r'<h([23]) id="([^"]+)">(.*?)</h\1>', re.S)
PAGEFIND_OPTIONS = ["--root-selector", "article.md-content__inner", "--glob", "**/index.html",
                    "--exclude-selectors", "[data-search-exclude]", "--quiet"]
_html: dict[str, str] = {}


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    if page.meta.get("html") is True:
        _html[page.file.src_uri] = markdown
        return ""
    return markdown


def on_page_content(html: str, page, **kwargs) -> str:
    own = _html.pop(page.file.src_uri, None)
    if own is None:
        return html
    tokens: list[dict] = []
    for level, anchor, title in HEADING.findall(own):
        token = {"level": int(level), "id": anchor, "name": title, "children": []}
        if level == "3" and tokens:
            tokens[-1]["children"].append(token)
        else:
            tokens.append(token)
    page.toc = get_toc(tokens)
    return own


def on_post_build(config, **kwargs) -> None:
    subprocess.run([str(pagefind_bin.get_executable()), "--site", config.site_dir,
                    *PAGEFIND_OPTIONS], check=True)
