"""Role phrases across the corpus: who "le dirigeant turc" or "le Roi" is when the article names no one."""
from __future__ import annotations

from generator.model import AnnotatedArticle, Article, Block, Mention, Published, RolePhrase, Sidecar, Span
from generator.role_holders import role_mentions


def annotated(seed: str, text: str, mentions=(), roles=()) -> AnnotatedArticle:
    article = Article(seed, (Block("paragraph", text, 1, "p0"),), Sidecar())
    return AnnotatedArticle(article, (Span(0, 0, len(text)),), Published(None, "unknown", ""), (),
                            tuple(mentions), (), tuple(roles))


def king_said(seed: str) -> AnnotatedArticle:
    text = "Le Roi a reçu les présidents des partis."
    return annotated(seed, text, roles=[RolePhrase(Span(0, 0, 6), "Le Roi", "roi", None)])


def king_named(seed: str, name: str) -> AnnotatedArticle:
    text = f"Le roi {name} a prêté serment."
    return annotated(seed, text, mentions=[Mention(Span(0, 7, 7 + len(name)), name, name, "person", "roi")])


def test_role_holders_the_king_is_the_corpus_one_king():
    articles = [king_said("a.txt"), king_named("b.txt", "Harald")]
    found = role_mentions(articles, {("b.txt", "Harald"): "Harald"})
    assert [(m.text, m.name) for m in found["a.txt"]] == [("Le Roi", "Harald")]


def test_role_holders_two_kings_leave_the_title_unresolved():
    articles = [king_said("a.txt"), king_named("b.txt", "Harald"), king_named("c.txt", "Carl")]
    assert role_mentions(articles, {("b.txt", "Harald"): "Harald", ("c.txt", "Carl"): "Carl"}) == {}
