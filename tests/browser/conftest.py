"""Session fixtures: the seed site built once, served on 127.0.0.1, opened in Debian's Chromium.

Every page a test opens records its console errors, uncaught exceptions, Content-Security-Policy
violations and requests to any host but the local server.
"""
from __future__ import annotations

import functools
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .project import hostile_site

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# Runs before any page script (Playwright injects it outside the page's policy).
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.effectiveDirective + " " + (e.blockedURI || "")));
"""


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # the test output is not a web log
        pass


@dataclass
class Visit:
    """One browser tab and what it reported."""
    page: object
    base_url: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def open(self, path: str = "") -> None:
        self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("networkidle")

    def violations(self) -> list[str]:
        return self.page.evaluate("window.__violations || []")


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    return hostile_site(tmp_path_factory)


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium); browser tests skipped")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install the test extra); browser tests skipped")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def open_tab(browser, base_url: str, **options) -> Visit:
    """A French tab that records console errors and requests to other hosts; desktop unless told."""
    context = browser.new_context(locale="fr-FR", **({"viewport": {"width": 1280, "height": 800}} | options))
    context.add_init_script(WATCH_VIOLATIONS)
    page = context.new_page()
    record = Visit(page, base_url)
    local = urlsplit(base_url).hostname
    page.on("console", lambda message: message.type == "error" and record.errors.append(message.text))
    page.on("pageerror", lambda error: record.errors.append(f"uncaught: {error}"))
    context.on("request", lambda request: urlsplit(request.url).hostname not in (local, None)
               and record.foreign.append(request.url))
    return record


def search(visit: Visit, query: str, where: str = ""):
    """Open a page (the home page by default), type the query in the header search box once Pagefind
    has loaded; the result items once the first one shows."""
    visit.open(where)
    page = visit.page
    box = page.get_by_role("textbox", name="Rechercher")
    box.click()
    # docs/assets/search.js says so once Pagefind's script has loaded (on the box's first focus).
    page.locator(".md-search-result__meta", has_text="Taper pour démarrer la recherche").wait_for()
    box.press_sequentially(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    return results


@pytest.fixture
def visit(browser, base_url):
    """A fresh French desktop tab that records errors and third-party requests."""
    record = open_tab(browser, base_url)
    yield record
    record.page.context.close()
