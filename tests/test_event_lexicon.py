"""The event lexicon's scan for phrases: the same positions as one plain alternation of them all."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.event_lexicon import _first_characters, lexicon, phrase_starts
from generator.text import fold

ROOT = Path(__file__).resolve().parent.parent


def _plain(phrases: list[str]) -> re.Pattern:
    return re.compile(r"\b(?=" + "|".join(f"(?:{p})" for p in phrases) + ")")


def _positions(pattern: re.Pattern, text: str) -> list[int]:
    return [m.start() for m in pattern.finditer(text)]


TEXTS = ["le traite de paix a ete signe", "1200 hommes ont ete envoyes hier", "x y z", "", "  deux  espaces ",
         "est mort a 80 ans", "a b", "_souligne et ete recu en audience", "Majuscule au debut", "9e 10e edition"]
PHRASES = [
    [r"\b(?:le|un) traites?\b", r"\bete (?:\w+ )?recu\b"],
    [r"\d+ hommes", r"(?:\S+ )?envoyes", r"\b[a-c]\b"],             # a category, an optional first word, a range
    [r"(?:x|)y", r"z?", r"(?=est)\w+", r"[^a]\w*"],                   # empty alternative, empty match, lookahead, negation
    [r"(?i:majuscule)", r"^le", r"(?:mort|morts)\b", r"\b9e|10e"],   # scoped flags, anchor, branch at the top
]


@pytest.mark.parametrize("phrases", PHRASES)
def test_event_lexicon_phrase_starts_match_where_the_plain_alternation_does(phrases):
    fast = phrase_starts(phrases)
    for text in TEXTS:
        assert _positions(fast, text) == _positions(_plain(phrases), text), text


def test_event_lexicon_phrase_starts_of_the_lexicon_on_the_seeds():
    phrases = [p for kind in lexicon().kinds for p in kind.phrases]
    plain = _plain(phrases)
    found = 0
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            text = " ".join(re.findall(r"[^\W_]+", fold(line)))
            positions = _positions(lexicon().starts, text)
            assert positions == _positions(plain, text), text
            found += len(positions)
    assert found > 0


@pytest.mark.parametrize("pattern, first", [
    (r"\ble traite", {"l"}), (r"(?:le|un) x", {"l", "u"}), (r"\d+ hommes", {r"\d"}), (r"[a-c]x", {"a", "b", "c"}),
    (r"x?y", None), (r"(?:a|)b", None), (r"[^a]b", None), (r"(?=a)ab", None), (r"(?i:a)", None), (r".a", None),
])
def test_event_lexicon_first_characters(pattern, first):
    assert _first_characters(pattern) == (frozenset(first) if first is not None else None)


def test_event_lexicon_phrase_starts_with_groups_named_or_referred_to_is_the_plain_alternation():
    phrases = [r"(?P<mot>ab) c", r"(a)\1", r"xy"]
    assert phrase_starts(phrases).pattern == _plain(phrases).pattern
