"""Untrusted text must come out of Markdown as the same text, never as markup."""
import html
import re

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.markup import _Dumper, _PureDumper, description, front_matter, inline, link, safe_url

EXTENSIONS = ["attr_list", "md_in_html", "toc", "tables", "footnotes", "def_list", "abbr", "admonition",
              "pymdownx.superfences", "pymdownx.tilde", "pymdownx.caret", "pymdownx.mark", "pymdownx.magiclink",
              "pymdownx.emoji", "pymdownx.tasklist", "pymdownx.details", "pymdownx.keys", "pymdownx.smartsymbols"]
HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "[clic](javascript:alert(1))",
    "[clic](JaVaScRiPt&#58;alert(1))",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "# Titre\n---\n| a | b |",
    "{{ config }} {% include 'x' %}",
    "<base href='//evil.example/'>",
    "<meta http-equiv=refresh content='0;url=//evil.example'>",
    "**gras** _it_ `code` ~~barré~~ ==marqué== ^^x^^ ++ctrl+alt++",
    "title: <svg onload=alert(1)>",
    "--8<-- \"mkdocs.yml\"",
    "{ #id .class onclick=alert(1) }",
    "https://evil.example/autolink www.example.com",
]


def expected(text: str) -> str:
    return " ".join(re.sub(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", "", text).split())


def render(text: str) -> str:
    return markdown.markdown(str(inline(text)), extensions=EXTENSIONS)


def visible_text(rendered: str) -> str:
    assert re.fullmatch(r"<p>.*</p>", rendered, re.S), rendered
    return " ".join(html.unescape(rendered[3:-4]).split())


@pytest.mark.parametrize("text", HOSTILE)
def test_markup_inline_hostile_text_stays_text(text):
    rendered = render(text)
    assert visible_text(rendered) == expected(text)
    assert not re.search(r"<(?!/?p>)", rendered.replace("&lt;", "")), rendered


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1).filter(lambda t: expected(t)))
def test_markup_inline_any_text_renders_as_itself(text):
    rendered = render(text)
    assert visible_text(rendered) == expected(text)


def test_markup_link_escapes_its_text_not_its_target():
    rendered = markdown.markdown(str(link("<b>](javascript:x)", "../acteurs/kim.md")))
    assert 'href="../acteurs/kim.md"' in rendered
    assert "<b>" not in rendered


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a b?q=1", "https://example.org/a%20b?q=1"),
    ("HTTP://Example.org/x", "http://Example.org/x"),
    ("javascript:alert(1)", None),
    ("data:text/html,<script>", None),
    ("//example.org/x", None),
    ("https://example.org/\")<script>", "https://example.org/%22%29%3Cscript%3E"),
    ("", None),
])
def test_markup_safe_url_allows_only_http(url, expected):
    assert safe_url(url) == expected


@pytest.mark.parametrize("value", ["plain", "a: b", "- x", "\u0085next", "😀", "'\"", "null", "yes", "2025-01-01",
                                   "<script>", "---", "{a: 1}", "!!python/object:os.system"])
def test_markup_front_matter_round_trips(value):
    text = front_matter({"title": value, "list": [value], "nested": {"k": value}})
    assert text.startswith("---\n") and text.endswith("---\n")
    assert yaml.safe_load(text[4:-4]) == {"title": value, "list": [value], "nested": {"k": value}}


def test_markup_description_cuts_at_a_word():
    assert description("un " * 100, limit=20) == "un un un un un un…"
    assert description("court") == "court"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",))))
def test_markup_front_matter_is_the_same_with_or_without_libyaml(text):
    data = {"title": text, "list": [text, {"name": text}]}
    options = dict(allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)
    assert yaml.dump(data, Dumper=_Dumper, **options) == yaml.dump(data, Dumper=_PureDumper, **options)
