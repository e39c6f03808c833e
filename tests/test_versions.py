"""Versions of one event: the figures each article gives, and when the page shows them."""
from __future__ import annotations

import pytest

from generator.model import Event, EventReport, Ref, Span
from generator.versions import figures, versions


@pytest.mark.parametrize("text, expected", [
    ("La Norvège a envoyé plus de 10'000 soldats en 2024.", ("plus de 10'000 soldats",)),
    ("Environ 600 d'entre eux ont été tués, selon Oslo.", ("Environ 600 d’entre eux",)),
    ("Au moins 9 millions d'obus ont été livrés.", ("Au moins 9 millions d'obus",)),
    ("Le 19 juin, 3 000 personnes ont défilé.", ("3 000 personnes",)),
    # Dates, ages, times and years are not figures.
    ("Âgé de 41 ans, il est arrivé le 3 mai à 14 heures en 2024.", ()),
    ("OSLO, 21 oct 2031 (Agence) - Le préjudice est estimé à 88 millions d'euros.", ("88 millions d'euros",)),
])
def test_versions_figures_are_counted_things_as_written(text, expected):
    assert figures(text) == expected


def report(seed: str, sentence: str, date: str | None, sources=()) -> EventReport:
    return EventReport(seed, (Ref(seed, Span(0, 0, len(sentence)), sentence),), date, date, tuple(sources))


def event(*reports: EventReport) -> Event:
    return Event("e", "Envoi de troupes", "déploiement", "2024", "year", (), (), reports)


def test_versions_shown_when_articles_disagree_on_a_figure():
    found = versions(event(report("a.txt", "Oslo a envoyé plus de 10 000 soldats.", "2024", ["Stockholm"]),
                           report("b.txt", "Oslo a envoyé environ 3 000 soldats.", "2024", ["Oslo"])))
    assert [(v.seed, v.figures, v.sources) for v in found] == [
        ("a.txt", ("plus de 10 000 soldats",), ("Stockholm",)), ("b.txt", ("environ 3 000 soldats",), ("Oslo",))]


def test_versions_not_shown_when_articles_agree_or_only_one_reports():
    assert versions(event(report("a.txt", "Oslo a envoyé des soldats.", "2024"),
                          report("b.txt", "Des soldats sont partis d'Oslo.", "2024"))) == []
    assert versions(event(report("a.txt", "Oslo a envoyé 3 000 soldats.", "2024"))) == []
    # Different dates are versions too.
    assert len(versions(event(report("a.txt", "Oslo a envoyé des soldats.", "2024-10"),
                              report("b.txt", "Des soldats sont partis d'Oslo.", "2024-11")))) == 2
