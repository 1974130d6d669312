"""Building the site: render the pages, run `mkdocs build`, publish all at once.

The published folder (e.g. build/site) is a symlink to the latest complete build; a new build
is made beside it and the symlink is replaced atomically, so a visitor, a web server or a killed
run never sees a half-written site. The previous build is removed after the swap.
"""

from __future__ import annotations

import functools
import logging
import os
import shutil
import tempfile
from datetime import datetime, timezone
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from publish.feed import write_feed
from publish.render import ROOT, render_docs

MKDOCS_YML = ROOT / "mkdocs.yml"


def build_site(data: dict, out_dir: Path) -> Path:
    """Render and build the site, then publish it at out_dir; returns out_dir/index.html."""
    out_dir = Path(os.path.abspath(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    target = out_dir.with_name(f".{out_dir.name}-{stamp}")
    with tempfile.TemporaryDirectory(prefix=".docs-", dir=out_dir.parent) as docs:
        render_docs(data, Path(docs))
        write_feed(data, Path(docs))
        config = load_config(config_file=str(MKDOCS_YML), docs_dir=docs, site_dir=str(target))
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
        try:
            build(config)
        except BaseException:
            shutil.rmtree(target, ignore_errors=True)
            raise
    publish(target, out_dir)
    return out_dir / "index.html"


def publish(target: Path, out_dir: Path) -> None:
    previous = out_dir.resolve() if out_dir.is_symlink() else None
    if out_dir.exists() and not out_dir.is_symlink():
        # A plain folder from elsewhere: move it aside once, then work with symlinks.
        out_dir.rename(out_dir.with_name(f".{out_dir.name}-replaced"))
    link = out_dir.with_name(f".{out_dir.name}-link")
    link.unlink(missing_ok=True)
    link.symlink_to(target.name, target_is_directory=True)
    os.replace(link, out_dir)
    if previous and previous != target.resolve():
        shutil.rmtree(previous, ignore_errors=True)


def serve(out_dir: Path, port: int) -> None:
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(out_dir.resolve()))
    with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()
