"""The built seed site in Chromium: pages load cleanly, search works, injected markup runs nothing.

Set SCREENSHOTS=1 to save what a reader sees into docs/assets/screenshots/ (for the README).
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .conftest import search
from .project import HOSTILE_PAGE, ROOT, generated_pages, hostile_url

SCREENSHOTS = ROOT / "docs" / "assets" / "screenshots"
# (screenshot name, folder whose first page to open; "" is the home page, a trailing / the folder's index)
READER_PAGES = [
    ("accueil", ""),
    ("article", "articles"),
    ("acteur", "acteurs"),
    ("evenement", "evenements"),
    ("chronologie", "evenements/"),
]
# An entity or character reference a reader should never see as text.
VISIBLE_ESCAPE = re.compile(r"&(#[0-9]+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def page_path(site_dir: Path, where: str) -> str:
    """The served path of the home page, a folder's index, or the first page inside a folder."""
    if where == "" or where.endswith("/"):
        return where
    hostile = hostile_url()
    inside = sorted(f"{index.parent.relative_to(site_dir).as_posix()}/"
                    for index in (site_dir / where).glob("*/index.html"))
    inside = [path for path in inside if path != hostile]
    if not inside:
        pytest.fail(f"the built site has no page under {where}/")
    return inside[0]


@pytest.mark.parametrize("name, where", READER_PAGES, ids=[name for name, _ in READER_PAGES])
def test_site_page_loads_cleanly(visit, site_dir, name, where):
    visit.open(page_path(site_dir, where))
    page = visit.page
    assert page.locator("article h1").first.is_visible()
    assert visit.errors == [], f"console errors on {page.url}"
    assert visit.violations() == [], f"Content-Security-Policy violations on {page.url}"
    assert visit.foreign == [], f"requests to other hosts from {page.url}"
    shown = page.locator("article").first.inner_text()
    assert not VISIBLE_ESCAPE.search(shown), f"escaped text shown to the reader: {VISIBLE_ESCAPE.search(shown)[0]}"
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), animations="disabled")


def a_title_word(site_dir: Path) -> tuple[str, str]:
    """(an article's path, the longest word of its title), read from the pages the build wrote."""
    words = sorted((-len(word), word, article["url"]) for article in generated_pages(site_dir, "articles", "article")
                   for word in re.findall(r"[^\W\d_]{5,}", article["shown"]))
    if not words:
        pytest.fail("no article title in the built pages")
    _, word, location = words[0]
    return location, word


def test_site_search_finds_an_article(visit, site_dir):
    _, word = a_title_word(site_dir)
    results = search(visit, word)
    page = visit.page
    assert results.count() >= 1
    assert word.lower() in results.first.inner_text().lower()
    if os.environ.get("SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "recherche.png"), animations="disabled")
    assert visit.errors == [] and visit.violations() == [] and visit.foreign == []


def test_site_injected_markup_runs_nothing(visit, site_dir):
    assert (site_dir / hostile_url() / "index.html").exists(), f"{HOSTILE_PAGE} was not built"
    visit.open(hostile_url())
    page = visit.page
    before = len(visit.violations())
    page.click("#lien-piege")
    page.wait_for_function(f"window.__violations.length > {before}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    directives = {violation.split()[0] for violation in visit.violations()}
    assert {"script-src-elem", "script-src-attr", "base-uri"} <= directives, visit.violations()
    assert any("Content Security Policy" in error for error in visit.errors)
    assert visit.foreign == [], "the injected <base> re-pointed requests to another host"
    # Material's own scripts still ran (its bundle swaps the no-js class on <html>).
    assert page.evaluate("document.documentElement.classList.contains('no-js')") is False


def test_site_theme_interactions_stay_within_the_policy(visit, site_dir):
    location, word = a_title_word(site_dir)
    visit.open(f"{location}?h={word}")
    page = visit.page
    assert page.locator("article mark").count() >= 1  # search.highlight marked the word
    toggle = page.locator("[data-md-component=palette] label.md-header__button:visible")
    scheme = page.evaluate("document.body.dataset.mdColorScheme")
    toggle.hover()
    page.locator(".md-tooltip--active").wait_for()  # content.tooltips: positioned by inline style, set from script
    toggle.click()
    assert page.evaluate("document.body.dataset.mdColorScheme") != scheme
    page.set_viewport_size({"width": 400, "height": 800})
    page.locator("label.md-header__button[for=__drawer]").click()
    page.get_by_role("navigation").get_by_text("Chronologie").first.wait_for()
    assert visit.errors == [] and visit.violations() == [] and visit.foreign == []
