"""The event lexicon: French words that name events (data/events.yml), and capitals that stand for countries."""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .lexicon import load_data
from .text import fold

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Kind:
    name: str
    family: str
    label: str
    rank: int
    pattern: re.Pattern
    exclude: re.Pattern | None
    light: bool = False                          # "annoncer", "dénoncer": yields to the event word it governs
    before_organisation: re.Pattern | None = None   # counts only when an organisation follows ("saisir le tribunal")
    triggers: frozenset[str] = frozenset()       # one-word forms: a token that may start a match
    also: frozenset[str] = frozenset()           # other families its events may join
    phrases: tuple[str, ...] = ()                 # regexes of the forms that are not one word
    aspect: bool = False                         # "débuter", "prendre fin": the start or end of the event it tells of


@dataclass(frozen=True)
class Lexicon:
    kinds: tuple[Kind, ...]
    other_event: frozenset[str]
    this_event: frozenset[str]
    reporting: re.Pattern
    reporting_initial: re.Pattern
    relative: re.Pattern
    anaphora: re.Pattern
    determiners: frozenset[str]
    frame_openers: frozenset[str]
    stopwords: frozenset[str]
    country_of: Mapping[str, str]   # folded capital or seat -> folded country
    starts: re.Pattern | None = None   # where any phrase of any kind may start (a zero-width match)
    by_trigger: Mapping[str, tuple[int, ...]] | None = None   # one-word form -> indexes of its kinds
    phrased: tuple[int, ...] = ()      # indexes of the kinds that have phrases
    scattered: frozenset[str] = frozenset()   # families whose one event happens in many places at once
    collectives: frozenset[str] = frozenset()   # unnamed groups that may stand as participants ("les syndicats")
    generic: Kind | None = None        # the kind of a dated fact no event word names
    saying_that: re.Pattern | None = None   # "a affirmé que": a saying whose words follow
    denials: frozenset[str] = frozenset()   # "sans", "aucune": the event word after them tells of none


_ER = ("e", "es", "ent", "er", "ez", "ons", "ee", "ees", "ait", "aient", "ais", "a", "as", "ai", "erent",
       "era", "eras", "eront", "erai", "erait", "eraient", "ant", "at")
_IR = ("i", "is", "it", "ie", "ies", "ir", "issons", "issez", "issent", "issait", "issaient", "irent",
       "ira", "iront", "irait", "iraient", "issant")


def _verb_forms(infinitive: str) -> list[str]:
    word = fold(infinitive)
    if word.endswith("er"):
        return [word[:-2] + e for e in _ER]
    if word.endswith("ir"):
        return [word[:-2] + e for e in _IR]
    return [word]


def _kind(name: str, entry: dict) -> Kind:
    words: list[str] = []
    for verb in entry.get("verbs") or []:
        words += _verb_forms(verb)
    words += [fold(f) for f in entry.get("forms") or []]
    for noun in entry.get("nouns") or []:
        folded = fold(noun)
        words += [folded, folded + "s", folded + "x"] if not folded.endswith(("s", "x")) else [folded]
    alternatives = [r"\b" + re.escape(w).replace(r"\ ", " ") + r"\b" for w in sorted(set(words), key=lambda w: (-len(w), w))]
    phrases = [a for w, a in zip(sorted(set(words), key=lambda w: (-len(w), w)), alternatives) if " " in w]
    phrases += list(entry.get("phrases") or [])
    alternatives += list(entry.get("phrases") or [])
    exclude = entry.get("exclude") or []
    governed = entry.get("before_organisation") or []
    return Kind(name, entry.get("family", name), entry.get("label", name.capitalize()), int(entry.get("rank", 3)),
                re.compile("|".join(f"(?:{a})" for a in alternatives) or r"(?!x)x"),
                re.compile("|".join(f"(?:{e})" for e in exclude)) if exclude else None,
                bool(entry.get("light")),
                re.compile("|".join(f"(?:{g})" for g in governed)) if governed else None,
                frozenset(w for w in words if " " not in w), frozenset(entry.get("also") or ()), tuple(phrases),
                bool(entry.get("aspect")))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event lexicon from data/events.yml, plus capitals and seats of power from data/geo.yml."""
    data = load_data((DATA / "events.yml").read_text(encoding="utf-8"))
    kinds = tuple(_kind(name, entry) for name, entry in data["kinds"].items())
    by_trigger: dict[str, list[int]] = {}
    for n, kind in enumerate(kinds):
        for word in kind.triggers:
            by_trigger.setdefault(word, []).append(n)
    phrases = [p for kind in kinds for p in kind.phrases]
    return Lexicon(
        kinds=kinds,
        other_event=frozenset(fold(w) for w in data["before_other_event"]),
        this_event=frozenset(fold(w) for w in data["before_this_event"]),
        reporting=re.compile(data["reporting"]),
        reporting_initial=re.compile(data["reporting_initial"]),
        relative=re.compile(data["relative"]),
        anaphora=re.compile(data["anaphora"]),
        saying_that=re.compile(data["saying_that"]) if data.get("saying_that") else None,
        determiners=frozenset(data["anaphoric_determiners"]),
        frame_openers=frozenset(data["frame_openers"]),
        stopwords=frozenset(data["stopwords"]),
        country_of=_capitals(),
        # One scan finds where a phrase may start; each kind is then tried only there.
        starts=phrase_starts(phrases),
        by_trigger={w: tuple(ns) for w, ns in by_trigger.items()},
        phrased=tuple(n for n, kind in enumerate(kinds) if kind.phrases),
        scattered=frozenset(data.get("scattered") or ()),
        collectives=frozenset(fold(w) for w in data.get("collectives") or ()),
        denials=frozenset(fold(w) for w in data.get("before_no_event") or ()),
        generic=next((k for k, entry in zip(kinds, data["kinds"].values()) if entry.get("generic")), None),
    )


def _categories() -> dict:
    try:
        from re import _constants as sre
    except ImportError:
        return {}
    return {sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_WORD: r"\w",
            sre.CATEGORY_NOT_WORD: r"\W", sre.CATEGORY_SPACE: r"\s", sre.CATEGORY_NOT_SPACE: r"\S"}


_CATEGORIES = _categories()   # the classes \d, \w, \s and their negations, as re parses them


def phrase_starts(phrases: list[str]) -> re.Pattern | None:
    """`\\b(?=p1|p2|...)`: where any of the phrases matches, each tried only before a character it can begin with.

    The scan runs over every sentence of the corpus; trying all phrases at every word boundary was most of it.
    Each phrase goes under the first characters its parsed pattern allows, so the pattern matches at the same
    positions; a phrase whose first character cannot be told is tried everywhere, as before.
    """
    if not phrases:
        return None
    if any(re.search(r"\\[1-9]|\(\?P[<=]", p) for p in phrases):   # a phrase repeated must not name or refer to groups
        return re.compile(r"\b(?=" + "|".join(f"(?:{p})" for p in phrases) + ")")
    by_first: dict[str, list[str]] = {}
    anywhere = []
    for phrase in phrases:
        first = _first_characters(phrase)
        for atom in sorted(first or ()):
            by_first.setdefault(atom, []).append(phrase)
        if first is None:
            anywhere.append(phrase)
    branches = [f"(?={atom})(?:" + "|".join(f"(?:{p})" for p in group) + ")"
                for atom, group in sorted(by_first.items())]
    return re.compile(r"\b(?=" + "|".join(branches + [f"(?:{p})" for p in anywhere]) + ")")


def _first_characters(pattern: str) -> frozenset[str] | None:
    """What a match of `pattern` (no flags) can begin with, as one-character patterns (a character escaped,
    or a class such as \\d); None when that cannot be told for sure."""
    try:
        from re import _constants as sre, _parser
        parsed = _parser.parse(pattern)
    except Exception:   # another Python's internals, or a pattern re refuses anyway
        return None
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE | re.VERBOSE):
        return None

    def first(items) -> frozenset[str] | None:
        for op, av in items:
            if op is sre.AT:   # \b, ^: they consume nothing
                continue
            if op is sre.LITERAL:
                return frozenset((re.escape(chr(av)),))
            if op is sre.IN:
                chars: set[str] = set()
                for kind, value in av:
                    if kind is sre.LITERAL:
                        chars.add(re.escape(chr(value)))
                    elif kind is sre.RANGE and value[1] - value[0] < 256:
                        chars.update(re.escape(chr(c)) for c in range(value[0], value[1] + 1))
                    elif kind is sre.CATEGORY and value in _CATEGORIES:
                        chars.add(_CATEGORIES[value])
                    else:   # a negation, another category: anything
                        return None
                return frozenset(chars)
            if op is sre.BRANCH:
                found = [first(alternative) for alternative in av[1]]
                return None if any(f is None for f in found) else frozenset().union(*found)
            if op is sre.SUBPATTERN:
                _, add_flags, del_flags, inner = av
                return None if add_flags or del_flags else first(inner)
            if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
                low, _, inner = av
                return first(inner) if low >= 1 else None
            return None   # a lookaround, a backreference, any character...
        return None   # may match the empty string: anywhere

    return first(parsed)


def _capitals() -> dict[str, str]:
    """A capital or a seat of power stands for its country ("Berlin et Paris sont liés")."""
    path = DATA / "geo.yml"
    if not path.is_file():
        return {}
    try:
        data = load_data(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return {}
    out: dict[str, str] = {}
    for country in data.get("countries") or []:
        if not isinstance(country, dict) or not country.get("name"):
            continue
        for name in [country.get("capital"), *(country.get("capital_aliases") or []), *(country.get("seats") or [])]:
            if isinstance(name, str) and name:
                out[strip_article(fold(name))] = strip_article(fold(country["name"]))
    return out


def strip_article(key: str) -> str:
    return re.sub(r"^(?:le|la|les|l) ", "", key)


