"""Every link of the built site leads to a file, and every #anchor to an id of that page.

`mkdocs build --strict` checks the Markdown links; this also checks what the theme and the raw HTML
of our templates write. The same check over HTTP, with LinkChecker, is in tests/browser/test_quality.py.
"""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from .browser.project import hostile_site, hostile_url

# Attributes that point at another file of the site.
LINKS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


class _Page(HTMLParser):
    """The links and the ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value or "")
            elif (tag, name) in LINKS and value:
                self.links.append(value)


def parse(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    return page


def broken_links(site: Path, skip: tuple[str, ...] = ()) -> list[str]:
    """'page -> link (why)' for every local link whose file or anchor is missing; other hosts are not checked."""
    pages = {"/" + p.relative_to(site).as_posix(): parse(p.read_text(encoding="utf-8"))
             for p in sorted(site.rglob("*.html")) if not any(p.relative_to(site).as_posix().startswith(s)
                                                                for s in skip)}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(urljoin(path, link))
            if parts.scheme or parts.netloc:
                continue
            target = unquote(parts.path)
            if target.endswith("/"):
                target += "index.html"
            file = site / PurePosixPath(target).relative_to("/")
            if not file.is_file():
                broken.append(f"{path} -> {link} (no file)")
            elif parts.fragment and target.endswith(".html"):
                ids = pages[target].ids if target in pages else parse(file.read_text(encoding="utf-8")).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{path} -> {link} (no such anchor)")
    return broken


@pytest.mark.parametrize("html,broken", [
    ('<a href="b/">b</a><a href="b/#here">here</a><a id="top" href="#top">top</a>', []),
    ('<a href="c/">c</a>', ["/index.html -> c/ (no file)"]),
    ('<a href="b/#nowhere">x</a>', ["/index.html -> b/#nowhere (no such anchor)"]),
    ('<a href="#gone">x</a>', ["/index.html -> #gone (no such anchor)"]),
    ('<a href="https://example.org/missing">x</a><a href="mailto:a@b.c">m</a>', []),
    ('<link rel="stylesheet" href="style%20sheet.css"><img src="b/pic.png" alt="">', ["/index.html -> b/pic.png (no file)"]),
])
def test_links_broken_ones_are_named(tmp_path, html, broken):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "index.html").write_text('<h2 id="here">Ici</h2>', encoding="utf-8")
    (tmp_path / "style sheet.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(html, encoding="utf-8")
    assert broken_links(tmp_path) == broken


def test_links_of_the_seed_site_all_resolve(tmp_path_factory):
    site = hostile_site(tmp_path_factory)
    # The made-up injection page links to nothing real on purpose.
    assert broken_links(site, skip=(hostile_url(),)) == []
