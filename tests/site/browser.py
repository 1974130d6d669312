"""The browser fixtures every browser test shares (registered in conftest.py): one headless
Chromium (Debian's, driven by Playwright) and one local server for the one built site."""

import shutil
import threading

import pytest

from bench.chromium import launch
from publish.build import site_server


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not shutil.which("chromium"):
        pytest.skip("no chromium on this machine: `make test` installs Debian's chromium with "
                    "apt-get when it can; install it to run the browser tests")
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site_url(built_site):
    _, site = built_site
    server = site_server(site, 0, quiet=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
