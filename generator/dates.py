"""French temporal expressions -> `DateMention`s, and the publication date -> `Published`.

In the spirit of HeidelTime: match candidates with rules (`dates_grammar`), normalise them to
ISO 8601 / TIMEX3 and anchor what lacks a year or a day on the narrative or on the publication
date (`dates_resolve`, `dates_tense`); `dates_published` finds when the article appeared.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Sequence

from .dates_published import day_headings, publication_date, releases
from .dates_resolve import analyse
from .model import Article, DateMention, Span

__all__ = ["publication_date", "tag_dates"]


def tag_dates(article: Article, sentences: Sequence[Span],
              reference: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression of every block, normalised and anchored, sorted by span. In press releases
    gathered in one text, each release reads its "demain" and "ce lundi" from its own dateline; under a live
    page's day headings, each day's entries read theirs from that day."""
    parts = sorted([(0, reference)] + [(start, dt.date.fromisoformat(day)) for start, day in releases(article)]
                   + day_headings(article, reference))
    found = []
    for (start, day), (end, _) in zip(parts, [*parts[1:], (len(article.blocks), None)]):
        part = article if len(parts) == 1 else replace(article, blocks=tuple(
            b if start <= n < end else replace(b, text="") for n, b in enumerate(article.blocks)))
        spans = [s for s in sentences if start <= s.block < end]
        found += [t.mention for t in analyse(part, spans, day, day is None)]
    return tuple(sorted(found, key=lambda m: m.span))

