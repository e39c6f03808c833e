"""The Content-Security-Policy: how hashes are computed, that they match Material, that every page has it."""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.csp import PARTIAL, clean_hashes, inline_script_hashes, partial, policy, script_bodies, script_hash

from .browser.project import hostile_site, hostile_url

EMPTY_SHA256 = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"


@pytest.mark.parametrize("html, bodies", [
    ("<p>rien</p>", []),
    ("<script>a=1</script>", ["a=1"]),
    ("<script type='text/javascript'>a=1</script><script type=module>b()</script>", ["a=1", "b()"]),
    ('<script src="x.js"></script><script src="y.js">ignored()</script>', []),
    ('<script id="__config" type="application/json">{"base": ".."}</script>', []),
    ("<script>if (a < b && c) d('</p>')</script>", ["if (a < b && c) d('</p>')"]),
    ("<SCRIPT>\n  x = '&amp;'\n</SCRIPT>", ["\n  x = '&amp;'\n"]),
    ("<script></script>", [""]),
])
def test_csp_script_bodies_are_what_the_browser_hashes(html, bodies):
    assert script_bodies(html) == bodies


@pytest.mark.parametrize("body", ["", "a=1", "é = 'ü'", "x\ny"])
def test_csp_script_hash_is_sha256_base64_of_utf8(body):
    digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
    assert script_hash(body) == f"'sha256-{digest}'"
    assert script_hash("") == EMPTY_SHA256


def test_csp_inline_script_hashes_cover_every_page_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text("<script>one()</script><script>two()</script>", encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text("<script>one()</script>", encoding="utf-8")
    (tmp_path / "a" / "data.json").write_text("<script>not_html()</script>", encoding="utf-8")
    assert inline_script_hashes(tmp_path) == sorted([script_hash("one()"), script_hash("two()")])


def directives(text: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in filter(None, (part.strip() for part in text.split(";"))):
        name, *values = directive.split()
        parsed[name] = values
    return parsed


def committed_policy() -> str:
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', PARTIAL.read_text(encoding="utf-8"))
    assert meta, f"{PARTIAL} holds no Content-Security-Policy meta"
    return meta[1]


@pytest.mark.parametrize("text", [policy([]), policy([EMPTY_SHA256]), "committed"])
def test_csp_scripts_only_from_the_site_or_by_hash(text):
    parsed = directives(committed_policy() if text == "committed" else text)
    assert parsed["default-src"] == ["'self'"]
    # Pagefind's WebAssembly needs 'wasm-unsafe-eval' (compiling wasm, not eval()): the one keyword added.
    assert parsed["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    for source in parsed["script-src"][2:]:
        assert re.fullmatch(r"'sha256-[A-Za-z0-9+/]{43}='", source), f"script-src allows {source}"
    for directive, values in parsed.items():
        assert not {"'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "*", "data:", "http:", "https:"} \
            & set(values) - ({"data:"} if directive == "img-src" else set()), f"{directive} is too wide: {values}"
    assert parsed["object-src"] == ["'none'"] and parsed["base-uri"] == ["'none'"]
    assert parsed["form-action"] == ["'none'"]


def test_csp_committed_hashes_match_a_clean_build_of_material():
    import material

    version = getattr(material, "__version__", "?")
    assert PARTIAL.read_text(encoding="utf-8") == partial(clean_hashes()), (
        f"{PARTIAL.name} no longer lists the inline scripts that Material {version} emits with this "
        "mkdocs.yml (Material upgraded, or a theme feature changed): run `python -m generator.csp`, "
        "review the new hashes, commit overrides/csp.html")


class _Head(HTMLParser):
    """The start tags of <head>, in order, with their attributes."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self._inside = False

    def handle_starttag(self, tag, attrs):
        if tag == "head":
            self._inside = True
        elif tag == "body":
            self._inside = False
        elif self._inside:
            self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag == "head":
            self._inside = False


@pytest.fixture(scope="module")
def built_site(tmp_path_factory) -> Path:
    return hostile_site(tmp_path_factory)


def test_csp_meta_comes_first_in_every_page(built_site):
    expected = committed_policy()
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = _Head()
        head.feed(text)
        first, attributes = head.tags[0]
        where = page.relative_to(built_site)
        assert (first, attributes.get("http-equiv")) == ("meta", "Content-Security-Policy"), \
            f"{where}: <head> starts with <{first}>, not the policy"
        assert attributes["content"] == expected, f"{where}: another policy"
        assert 'charset="utf-8"' in text[:1024], f"{where}: the charset is no longer in the first 1024 bytes"


def test_csp_allows_every_inline_script_of_the_site_but_injected_ones(built_site):
    allowed = set(directives(committed_policy())["script-src"])
    hostile = built_site / hostile_url() / "index.html"
    for page in sorted(built_site.rglob("*.html")):
        bodies = script_bodies(page.read_text(encoding="utf-8"))
        refused = [body for body in bodies if script_hash(body) not in allowed]
        if page == hostile:
            assert refused == ["window.__pwned=1"]
        else:
            assert refused == [], f"{page.relative_to(built_site)}: inline scripts the policy blocks: {refused}"
