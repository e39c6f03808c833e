"""Broken and hostile input, end to end: one clear line per bad file, the rest built, nothing interpreted.

Every case of the table goes into ONE seeds folder, built once by build_site and once by
MkDocs, so each row checks what a user would see in the build output and the site.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.corpus import link
from generator.csp import script_bodies, script_hash
from generator.knowledge import Knowledge
from generator.read import MAX_SEED_BYTES, structure
from generator.render import render_site
from generator.site import build_site

from .conftest import GENERATED, ROOT

BODY = "Le ministre a annoncé mardi une réforme, selon l'agence AFP. Elle entrera en vigueur en 2026.\n"
FR = "Élection à Genève : le député répond\n\nLe député a répondu à la presse à Genève, selon l'AFP. Très sûr.\n"

# name, bytes of the seed (None: made by a special step), sidecar text, expected: "built" or a problem fragment
CASES = [
    ("utf8", FR.encode(), None, "built"),
    ("utf8-bom", b"\xef\xbb\xbf" + FR.encode(), None, "built"),
    ("crlf", FR.replace("\n", "\r\n").encode(), None, "built"),
    ("cr-only", FR.replace("\n", "\r").encode(), None, "built"),
    ("cp1252", ("Œuvre et « élan » : l’été\n\n" + BODY).encode("cp1252"), None, "built"),
    ("latin1", FR.encode("latin-1"), None, "built"),
    ("utf16-bom", FR.encode("utf-16"), None, "built"),
    ("nfd", __import__("unicodedata").normalize("NFD", FR).encode(), None, "built"),
    ("zero-width", ("Ti\u200btre\ufeff propre\n\n" + BODY).encode(), None, "built"),
    ("control-chars", ("Titre\x07 propre\x1b\n\n" + BODY.replace("ministre", "mini\x02stre")).encode(), None, "built"),
    ("nbsp", ("Titre\u00a0: propre\n\n\u00a0\u00a0" + BODY).encode(), None, "built"),
    ("empty", b"", None, "empty"),
    ("whitespace", b"  \n\t\n \r\n", None, "empty"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None, ""),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", None, "PDF"),
    ("huge", None, None, "at most"),
    ("long-line", ("Un titre\n\n" + "Une phrase assez longue pour remplir. " * 8000).encode(), None, "built"),
    ("script-title", b"<script>alert(1)</script>\n\n" + BODY.encode(), None, "built"),
    ("img-onerror", ("Titre\n\n<img src=x onerror=alert(1)> " + BODY).encode(), None, "built"),
    ("iframe", ("Titre\n\n<iframe srcdoc='<script>alert(1)</script>'></iframe> " + BODY).encode(), None, "built"),
    ("js-link", ("[clic](javascript:alert(1)) titre\n\n[x](JaVaScRiPt:alert(1)) " + BODY).encode(), None, "built"),
    ("markdown", ("# Titre | a | b |\n\n---\n\n> cité **gras** [x](http://e.org) " + BODY).encode(), None, "built"),
    ("template", ("{{ config }} titre {% raw %}\n\n{{ 7*7 }} {% include 'x' %} " + BODY).encode(), None, "built"),
    ("yaml-title", ("title: oups\n---\nkind: actor\n\n" + BODY).encode(), None, "built"),
    ("symbols-title", ("!!! ??? ...\n\n" + BODY).encode(), None, "built"),
    ("same-title-a", FR.encode(), None, "built"),
    ("same-title-b", FR.encode(), None, "built"),
    ("sidecar-python-tag", FR.encode(), "title: !!python/object/apply:os.system ['touch /tmp/pwned']\n", ".yml:1: malformed"),
    ("sidecar-malformed", FR.encode(), "title: [unclosed\nurl: x\n", "malformed"),
    ("sidecar-unknown-key", FR.encode(), "titre: Mauvaise clé\n", "unknown"),
    ("sidecar-bad-url", FR.encode(), "url: javascript:alert(1)\n", "url"),
    ("symlink", None, None, "symbolic link"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(report, docs, site) of one build of every case."""
    root = tmp_path_factory.mktemp("hostile")
    seeds = root / "seeds"
    seeds.mkdir()
    for name, data, sidecar, _ in CASES:
        path = seeds / f"{name}.txt"
        if data is not None:
            path.write_bytes(data)
        if sidecar is not None:
            path.with_suffix(".yml").write_text(sidecar, encoding="utf-8")
    with open(seeds / "huge.txt", "wb") as handle:  # sparse: the size check must come before reading
        handle.truncate(MAX_SEED_BYTES * 50)
    outside = root / "secret.txt"
    outside.write_text("Secret\n\nNe doit jamais être publié.\n", encoding="utf-8")
    (seeds / "symlink.txt").symlink_to(outside)
    docs = root / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*GENERATED, "screenshots"))
    report = build_site(seeds, docs, root / "dossier.yml")
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, root / name)
    for folder in ("generator", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build"], cwd=root,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    return report, docs, root / "site"


def problems_of(report, name: str) -> list[str]:
    return [str(p) for p in report.problems if Path(p.file).stem == name]


@pytest.mark.parametrize("name, expected", [(c[0], c[3]) for c in CASES])
def test_robustness_table(hostile, name, expected):
    report, docs, _ = hostile
    problems = problems_of(report, name)
    seed = f"{name}.txt"
    if expected == "built":
        assert problems == [] and seed in report.built
    else:
        assert len(problems) == 1, problems
        assert expected in problems[0] and problems[0].count("\n") == 0
        sidecar_case = name.startswith("sidecar-")
        assert (seed in report.built) == sidecar_case  # a bad sidecar never costs the article


def test_robustness_text_is_decoded_and_cleaned(hostile):
    _, docs, _ = hostile
    pages = {front(p)["seed"]: p.read_text(encoding="utf-8") for p in (docs / "articles").glob("*.md")
             if p.name != "index.md"}
    for name in ("utf8-bom", "crlf", "cr-only", "latin1", "utf16-bom", "nfd"):
        assert front_text(pages[f"{name}.txt"])["title"] == "Élection à Genève : le député répond", name
    assert "Œuvre" in pages["cp1252.txt"] and "l’été" in pages["cp1252.txt"]
    assert "\u200b" not in pages["zero-width.txt"] and "\ufeff" not in pages["zero-width.txt"]
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", pages["control-chars.txt"])
    assert "\u00a0" not in pages["nbsp.txt"]


def test_robustness_no_file_escapes_and_nothing_runs(hostile):
    _, docs, site = hostile
    assert not Path("/tmp/pwned").exists()
    assert "Ne doit jamais" not in "".join(p.read_text(encoding="utf-8", errors="replace")
                                           for p in site.rglob("*.html"))
    assert all(p.resolve().is_relative_to(docs.resolve()) for p in docs.rglob("*"))


def test_robustness_same_titles_get_two_pages_and_symbols_get_one(hostile):
    _, docs, _ = hostile
    seeds = {front(p)["seed"]: p.name for p in (docs / "articles").glob("*.md") if p.name != "index.md"}
    assert seeds["same-title-a.txt"] != seeds["same-title-b.txt"]
    assert re.fullmatch(r"article-[0-9a-f]{10}\.md", seeds["symbols-title.txt"])


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_robustness_built_html_holds_nothing_from_article_text(hostile):
    _, docs, site = hostile
    for seed_page in (site / "articles").glob("*/index.html"):
        html = seed_page.read_text(encoding="utf-8")
        parser = _Tags()
        parser.feed(html)
        for tag, attrs in parser.tags:  # the whole page: no handler, no javascript: URL anywhere
            assert not any(k.startswith("on") for k in attrs), (seed_page, tag, attrs)
            for key in ("href", "src", "action", "srcdoc", "formaction"):
                assert not re.match(r"\s*javascript\s*:", attrs.get(key) or "", re.I), (seed_page, tag, attrs)
        # Inline scripts are Material's own: each is allowed by hash in the page's policy.
        policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
        for body in script_bodies(html):
            assert script_hash(body) in policy, (seed_page, body[:80])
        content = html[html.index("<article"):html.index("</article>")]
        parser = _Tags()
        parser.feed(content)  # what the article text became: only elements the generator makes
        for tag, attrs in parser.tags:
            assert tag not in ("script", "iframe", "img", "svg", "base", "object", "embed", "meta", "style"), \
                (seed_page, tag)
        assert "{{" not in content or "{{ config }}" in unescaped(content)  # shown as text, not rendered


def front(path: Path) -> dict:
    return front_text(path.read_text(encoding="utf-8"))


def front_text(text: str) -> dict:
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def unescaped(text: str) -> str:
    import html
    return html.unescape(text)


# --- any text at all -------------------------------------------------------------------------

ALLOWED_TAGS = {"p", "h1", "h2", "h3", "a", "time", "span", "div", "ul", "li", "strong", "blockquote", "hr", "em"}


@pytest.fixture(scope="module")
def nlp():
    from generator.nlp import load_nlp
    return load_nlp()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_robustness_any_text_gives_a_page_with_no_tag_from_it(nlp, text):
    from generator.pipeline import annotate

    article = structure("x.txt", text)
    if not article.blocks:
        return
    annotated = annotate(article, list(nlp.pipe(b.text for b in article.blocks)), Knowledge())
    pages = render_site(link([annotated], Knowledge()))
    page = next(v for k, v in pages.items() if k.startswith("articles/") and not k.endswith("index.md"))
    meta = front_text(page)
    assert meta["kind"] == "article" and meta["seed"] == "x.txt"
    html = markdown.markdown(page[page.index("\n---\n", 4) + 5:], extensions=["attr_list", "md_in_html", "toc"])
    parser = _Tags()
    parser.feed(html)
    for tag, attrs in parser.tags:
        assert tag in ALLOWED_TAGS, (tag, text)
        assert set(attrs) <= {"id", "class", "href", "datetime", "title", "markdown"}, (attrs, text)
        href = attrs.get("href")
        assert href is None or re.fullmatch(r"(\.\./)?[a-z]+/[a-z0-9-]+\.md(#p\d+)?|[a-z0-9-]+\.md", href), href


def test_robustness_a_fault_of_the_event_stage_leaves_the_rest_of_the_site(tmp_path, monkeypatch):
    """A bug in event finding is reported as one line; articles, actors and indexes are still built."""
    import generator.corpus

    def broken(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(generator.corpus, "find_events", broken)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(FR, encoding="utf-8")
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns(*GENERATED, "screenshots"))
    report = build_site(seeds, docs, tmp_path / "dossier.yml")
    assert [str(p) for p in report.problems if "events could not be found" in str(p)] == [
        f"{seeds}: events could not be found (IndexError: list index out of range); "
        "articles, actors and indexes are built without them"]
    assert report.built == ["a.txt"] and list((docs / "articles").glob("*.md"))
