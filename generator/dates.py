"""French temporal expressions -> `DateMention`s, and the publication date -> `Published`.

In the spirit of HeidelTime: match candidates with rules (`dates_grammar`), normalise them to
ISO 8601 / TIMEX3 and anchor what lacks a year or a day on the narrative or on the publication
date (`dates_resolve`, `dates_tense`); `dates_published` finds when the article appeared.
"""
from __future__ import annotations

import datetime as dt
from typing import Sequence

from .dates_published import publication_date
from .dates_resolve import analyse
from .model import Article, DateMention, Span

__all__ = ["publication_date", "tag_dates"]


def tag_dates(article: Article, sentences: Sequence[Span],
              reference: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression of every block, normalised and anchored, sorted by span."""
    return tuple(sorted((t.mention for t in analyse(article, sentences, reference, reference is None)),
                        key=lambda m: m.span))

