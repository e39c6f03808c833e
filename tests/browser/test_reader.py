"""What a reader does: search an actor by an alias or without accents, and follow the links."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from .conftest import search
from .project import generated_pages


def actor_pages(site_dir: Path) -> list[dict]:
    return generated_pages(site_dir, "acteurs", "actor")


def unaccented(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def test_reader_finds_an_actor_by_an_alias(visit, site_dir):
    def other_words(alias: str, name: str) -> bool:  # "Putin" for "Poutine", not "Kim Jong UN" for "Kim Jong Un"
        return not set(unaccented(alias).casefold().split()) <= set(unaccented(name).casefold().split())
    actor, alias = next((a, alias) for a in actor_pages(site_dir) if a["type"] == "person"
                        for alias in a["aliases"] if other_words(alias, a["name"]))
    results = search(visit, alias)
    hrefs = [results.nth(i).locator("a").first.get_attribute("href") for i in range(min(3, results.count()))]
    assert any(actor["url"] in (href or "") for href in hrefs), (alias, actor["url"], hrefs)
    assert visit.errors == []


def test_reader_finds_words_typed_without_accents(visit, site_dir):
    accented = sorted({word for actor in actor_pages(site_dir) for word in actor["name"].split()
                       if unaccented(word) != word and len(word) > 4})
    assert accented, "no accented actor name in the dossier"
    word = accented[0]
    results = search(visit, unaccented(word))
    assert word.lower() in results.first.inner_text().lower(), (word, results.first.inner_text())


def test_reader_follows_article_actor_event_article(visit, site_dir):
    docs = site_dir.parent / "docs"
    article = next(p for p in sorted((docs / "articles").glob("*.md")) if p.name != "index.md"
                   and "../evenements/" in p.read_text(encoding="utf-8"))
    visit.open(f"articles/{article.stem}/")
    page = visit.page
    page.locator("article a[href*='acteurs/']").first.click()
    page.wait_for_load_state()
    assert "/acteurs/" in page.url
    page.locator("article a[href*='evenements/']").first.click()
    page.wait_for_load_state()
    assert "/evenements/" in page.url
    page.locator("article a[href*='articles/']").first.click()
    page.wait_for_load_state()
    assert "/articles/" in page.url and page.locator("article h1").first.is_visible()
    assert visit.errors == [] and visit.violations() == [] and visit.foreign == []
