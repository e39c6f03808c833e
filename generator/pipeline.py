"""The per-article stages, in order: sentences -> publication date -> dates -> mentions -> citations.

Each stage is a pure function of the article and what earlier stages found; the spaCy
documents come in from outside, so this module never loads a model itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from .actors import read_names
from .dates import publication_date, tag_dates
from .knowledge import Knowledge
from .model import AnnotatedArticle, Article, Span
from .sources import find_citations
from .text import split_sentences


def sentences_of(article: Article) -> tuple[Span, ...]:
    return tuple(Span(i, start, end) for i, block in enumerate(article.blocks)
                 for start, end in split_sentences(block.text))


def annotate(article: Article, docs: Sequence[Doc], knowledge: Knowledge) -> AnnotatedArticle:
    """One article through every stage; `docs[i]` is the spaCy parse of `article.blocks[i]`."""
    sentences = sentences_of(article)
    published = publication_date(article, sentences)
    reference = date.fromisoformat(published.value[:10]) if published.value else None
    dates = tag_dates(article, sentences, reference)
    mentions, roles = read_names(article, sentences, docs, knowledge)
    citations = find_citations(article, sentences, mentions)
    return AnnotatedArticle(article, sentences, published, dates, mentions, citations, roles)
