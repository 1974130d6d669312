"""Building the site: render the pages, run `mkdocs build`, publish all at once.

The published folder (e.g. build/site) is a symlink to the latest complete build; a new build
is made beside it and the symlink is replaced atomically, so a visitor, a web server or a killed
run never sees a half-written site. The previous build is removed after the swap, and what a
killed build left behind (`.site-*`, `.docs-*`) is removed by the next one. Building and
publishing are separate steps, so that the nightly can publish only after its database is in
place (stopwijzer.pipeline).
"""

from __future__ import annotations

import fcntl
import functools
import logging
import os
import shutil
import tempfile
from contextlib import contextmanager
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
    with site_lock(out_dir):
        publish(prepare_site(data, out_dir), out_dir)
    return out_dir / "index.html"


@contextmanager
def site_lock(out_dir: Path):
    """One build at a time per site folder, so cleaning up never removes a build in progress."""
    out_dir = Path(os.path.abspath(out_dir))
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with open(out_dir.with_name(f".{out_dir.name}.lock"), "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BlockingIOError(f"{out_dir}: another build of this site is running; try "
                                  "again when it has finished") from None
        yield


def prepare_site(data: dict, out_dir: Path) -> Path:
    """Build the site into a new folder beside out_dir, to be published with `publish`.
    Call it holding `site_lock(out_dir)`."""
    out_dir = Path(os.path.abspath(out_dir))
    check_out_dir(out_dir)
    remove_leftovers(out_dir)
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
    return target


def check_out_dir(out_dir: Path) -> None:
    """The site folder is ours (a symlink to a build), empty or new; any other folder there
    belongs to someone else and is never moved away."""
    if out_dir.is_symlink() or not out_dir.exists():
        return
    if out_dir.is_dir() and not any(out_dir.iterdir()):
        out_dir.rmdir()
        return
    raise FileExistsError(f"{out_dir}: already exists and is not a site built by Stopwijzer; "
                          "choose another folder or remove it")


def remove_leftovers(out_dir: Path) -> None:
    """Builds and Markdown folders of runs killed before their swap, and a half-made symlink."""
    current = out_dir.resolve() if out_dir.is_symlink() else None
    for path in out_dir.parent.glob(f".{out_dir.name}-*"):
        if path.name == f".{out_dir.name}-replaced":
            continue  # a user's folder an older version moved aside: theirs to remove
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.resolve() != current:
            shutil.rmtree(path, ignore_errors=True)
    for docs in out_dir.parent.glob(".docs-*"):
        shutil.rmtree(docs, ignore_errors=True)


def publish(target: Path, out_dir: Path) -> None:
    out_dir = Path(os.path.abspath(out_dir))
    check_out_dir(out_dir)
    previous = out_dir.resolve() if out_dir.is_symlink() else None
    link = out_dir.with_name(f".{out_dir.name}-link")
    link.unlink(missing_ok=True)
    link.symlink_to(target.name, target_is_directory=True)
    os.replace(link, out_dir)
    if previous and previous != target.resolve():
        shutil.rmtree(previous, ignore_errors=True)


class QuietHandler(SimpleHTTPRequestHandler):
    """For servers in tests and benchmarks: no line per request."""

    def log_message(self, *args) -> None:
        pass


def site_server(out_dir: Path, port: int, quiet: bool = False) -> ThreadingHTTPServer:
    """A server on localhost for the site (port 0: any free port). It serves through the
    symlink, so every request sees the build published last, also after a nightly removed the
    one it started with."""
    handler = functools.partial(QuietHandler if quiet else SimpleHTTPRequestHandler,
                                directory=os.path.abspath(out_dir))
    return ThreadingHTTPServer(("127.0.0.1", port), handler)


def serve(out_dir: Path, port: int) -> None:
    with site_server(out_dir, port) as server:
        server.serve_forever()
