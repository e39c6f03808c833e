"""Where the reports of one event disagree: each article's date and figures, with whom it credits.

An event page shows the versions side by side when at least two articles give different dates or
different figures ("plus de 10 000 soldats", "environ 600 tués"); it never picks one.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .model import Event

# A figure and the word it counts: "plus de 10'000 soldats", "environ 600 morts", "1,5 million d'obus".
_FIGURE = re.compile(r"(?<![\w.,'’])(?i:(?:plus\s+de|moins\s+de|près\s+de|environ|quelque|au\s+moins|au\s+total)\s+)?"
                     r"\d{1,3}(?:[\s\u00a0\u202f'’.]\d{3})*(?:,\d+)?(?:\s+(?:millions?|milliards?|mille))?"
                     r"\s+(?:d['’]\s*|de\s+)?[a-zàâçéèêëîïôûùüÿœ-]{3,}")
# What a number before is not: a date, an age, a time, a rank.
_NOT_FIGURE = re.compile(r"^\d+\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
                         r"décembre|janv|févr?|avr|juil|sept|oct|nov|déc|ans?|heures?|h|minutes?|jours?|semaines?|"
                         r"mois|années?|fois|e|er|ème)\b")


@dataclass(frozen=True)
class Version:
    seed: str
    date_text: str | None
    date: str | None
    figures: tuple[str, ...]
    sources: tuple[str, ...]


def figures(text: str) -> tuple[str, ...]:
    """The counted figures a sentence gives, as written (numbers of dates, ages and times left out)."""
    out = []
    for match in _FIGURE.finditer(text):
        figure = re.sub(r"[\s\u00a0\u202f]+", " ", match.group(0)).strip()
        figure = re.sub(r"\s+d['’]\s*entre$", " d’entre eux", figure)   # "environ 600 d'entre eux"
        bare = re.sub(r"(?i)^(?:plus de|moins de|près de|environ|quelque|au moins|au total) ", "", figure)
        if not _NOT_FIGURE.match(bare) and not re.match(r"^(?:19|20)\d\d\b", bare):
            out.append(figure)
    return tuple(dict.fromkeys(out))


def versions(event: Event) -> list[Version]:
    """One version per reporting article, or none when all articles agree (or only one reports it)."""
    found = [Version(r.seed, r.date_text, r.date, tuple(f for ref in r.refs for f in figures(ref.text)), r.sources)
             for r in event.reports]
    dates = {v.date for v in found if v.date}
    counted = {v.figures for v in found if v.figures}
    return found if len(found) > 1 and (len(dates) > 1 or len(counted) > 1) else []
