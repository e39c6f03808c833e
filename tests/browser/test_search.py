"""The header search box answered by Pagefind, in Chromium, on a small site of hand-written French pages.

The site uses the project's theme, overrides, search script and Content-Security-Policy, and is served
under /depot/ as GitHub Pages serves a project site, so every URL the search makes must be relative.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from generator.search import index_site

from .conftest import open_tab, search
from .project import ROOT

PREFIX = "depot"  # the repository name in https://<owner>.github.io/<repo>/
# {path in docs/: (title, text)}: each query below is answered by one page only.
PAGES = {
    "index.md": ("Dossier d’essai", "Un petit site pour éprouver la recherche."),
    "articles/index.md": ("Articles", "Tous les articles du site d’essai."),
    "articles/tirs-en-mer/index.md": ("Tirs en mer du Japon",
                                      "L’armée a lancé un missile balistique vers la mer du Japon."),
    "articles/sommet/index.md": ("Sommet à Vladivostok",
                                 "Les deux dirigeants ont signé un traité de coopération en Corée."),
    "dossiers/2026/bilan/index.md": ("Bilan de l’année",
                                     "Les négociations sur le désarmement ont échoué à Geneve."),
}
TWO_DEEP = "articles/tirs-en-mer/"
THREE_DEEP = "dossiers/2026/bilan/"


def build_small_site(work: Path) -> Path:
    """PAGES built with the project's mkdocs.yml, theme overrides and search script, then indexed."""
    docs = work / "docs"
    for path, (title, text) in PAGES.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(f"# {title}\n\n{text}\n", encoding="utf-8")
    (docs / "assets").mkdir(exist_ok=True)
    shutil.copy(ROOT / "docs" / "assets" / "search.js", docs / "assets" / "search.js")
    nav = "".join(f"  - {path}\n" for path in PAGES)
    (work / "mkdocs.yml").write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: docs\nsite_dir: site\nstrict: true\nhooks: []\nwatch: []\nnot_in_nav: ''\n"
        f"extra_css: []\nextra_javascript:\n  - assets/search.js\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\n"
        f"nav:\n{nav}", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(work / "mkdocs.yml")],
                   check=True, cwd=work, env=env)
    index_site(work / "site")
    return work / "site"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def www(tmp_path_factory) -> Path:
    """The web root: the small site under /depot/, and a copy without its index under /sans-index/."""
    work = tmp_path_factory.mktemp("recherche")
    site = build_small_site(work)
    root = work / "www"
    shutil.copytree(site, root / PREFIX)
    shutil.copytree(site, root / "sans-index", ignore=shutil.ignore_patterns("pagefind"))
    return root


@pytest.fixture(scope="module")
def server(www):
    handler = functools.partial(_QuietHandler, directory=str(www))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def tab(browser, server):
    record = open_tab(browser, server + PREFIX + "/")
    yield record
    record.page.context.close()


def ask(tab, where: str, query: str):
    return search(tab, query, where)


def titles(results) -> list[str]:
    return [results.nth(i).locator("h1").inner_text() for i in range(results.count())]


def assert_clean(tab) -> None:
    assert tab.errors == [], tab.errors
    assert tab.violations() == [], "Content-Security-Policy violations"
    assert tab.foreign == []


@pytest.mark.parametrize("where", ["", TWO_DEEP, THREE_DEEP], ids=["accueil", "deux-dossiers", "trois-dossiers"])
def test_search_finds_a_page_from_every_depth(tab, where):
    results = ask(tab, where, "balistique")
    first = results.first
    assert first.locator("h1").inner_text() == "Tirs en mer du Japon"
    assert "balistique" in first.locator("p mark").first.inner_text()      # the excerpt, the word marked
    href = first.locator("a").get_attribute("href")
    assert urlsplit(href).path == f"/{PREFIX}/{TWO_DEEP}", href                # under the site, not the host root
    assert_clean(tab)


@pytest.mark.parametrize("query, title", [
    ("coree", "Sommet à Vladivostok"),        # typed without the accent the page has
    ("Genève", "Bilan de l’année"),           # typed with an accent the page lacks
    ("desarmement", "Bilan de l’année"),
    ("ÉCHOUÉ", "Bilan de l’année"),
])
def test_search_ignores_accents_and_case(tab, query, title):
    assert title in titles(ask(tab, TWO_DEEP, query))
    assert_clean(tab)


@pytest.mark.parametrize("query, title", [
    ("missiles", "Tirs en mer du Japon"),     # plural typed, the page has the singular
    ("négociation", "Bilan de l’année"),      # singular typed, the page has the plural
    ("signera", "Sommet à Vladivostok"),      # a future tense, the page has the past participle
    ("coopérer", "Sommet à Vladivostok"),     # a verb, the page has the noun
])
def test_search_stems_french_words(tab, query, title):
    assert title in titles(ask(tab, "", query))
    assert_clean(tab)


def test_search_keyboard_opens_walks_and_follows_a_result(tab):
    tab.open(THREE_DEEP)
    page = tab.page
    page.keyboard.press("/")                   # Material's shortcut
    page.locator(".md-search-result__meta", has_text="Taper pour démarrer la recherche").wait_for()
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("traité")
    # Results come as one types: wait for those of the whole word, not of "trait" typed on the way.
    # Results come as one types: wait for those of the whole word (its link marks "traite"), not of
    # "trait" typed on the way, before walking to the first.
    page.locator('.md-search-result__link[href$="h=traite"]').first.wait_for()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/articles/sommet/?h=*")
    page.wait_for_load_state("networkidle")
    page.locator("article mark").first.wait_for()   # the word is marked on the page it leads to
    assert "traité" in page.locator("article mark").first.inner_text()
    assert_clean(tab)


def test_search_escape_closes_the_panel(tab):
    ask(tab, TWO_DEEP, "sommet")
    page = tab.page
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    assert_clean(tab)


def test_search_downloads_little_before_the_first_result(tab, www):
    tab.open(TWO_DEEP)
    page = tab.page
    fetched: list[str] = []
    page.on("requestfinished", lambda request: fetched.append(unquote(urlsplit(request.url).path)))
    ask(tab, TWO_DEEP, "dirigeants")
    size = sum((www / path.lstrip("/")).stat().st_size for path in fetched if (www / path.lstrip("/")).is_file())
    assert any(path.endswith("/pagefind/pagefind.js") for path in fetched)
    assert not any(path.endswith("search_index.json") for path in fetched)   # no lunr index any more
    assert 0 < size < 2_000_000, size
    assert_clean(tab)


def test_search_without_an_index_says_so(browser, server):
    """`mkdocs serve` or a copy of site/ without pagefind/: the box tells the reader, the page still works."""
    record = open_tab(browser, server + "sans-index/")
    try:
        record.open(TWO_DEEP)
        page = record.page
        page.get_by_role("textbox", name="Rechercher").click()
        page.locator(".md-search-result__meta", has_text="pas disponible").wait_for()
        assert [e for e in record.errors if "404" not in e] == []
        assert record.violations() == [] and record.foreign == []
    finally:
        record.page.context.close()
