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
    alternatives = [r"\b" + re.escape(w).replace(r"\ ", " ") + r"\b" for w in sorted(set(words), key=len, reverse=True)]
    phrases = [a for w, a in zip(sorted(set(words), key=len, reverse=True), alternatives) if " " in w]
    phrases += list(entry.get("phrases") or [])
    alternatives += list(entry.get("phrases") or [])
    exclude = entry.get("exclude") or []
    governed = entry.get("before_organisation") or []
    return Kind(name, entry.get("family", name), entry.get("label", name.capitalize()), int(entry.get("rank", 3)),
                re.compile("|".join(f"(?:{a})" for a in alternatives) or r"(?!x)x"),
                re.compile("|".join(f"(?:{e})" for e in exclude)) if exclude else None,
                bool(entry.get("light")),
                re.compile("|".join(f"(?:{g})" for g in governed)) if governed else None,
                frozenset(w for w in words if " " not in w), frozenset(entry.get("also") or ()), tuple(phrases))


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
        determiners=frozenset(data["anaphoric_determiners"]),
        frame_openers=frozenset(data["frame_openers"]),
        stopwords=frozenset(data["stopwords"]),
        country_of=_capitals(),
        # One scan finds where a phrase may start; each kind is then tried only there.
        starts=re.compile(r"\b(?=" + "|".join(f"(?:{p})" for p in phrases) + ")") if phrases else None,
        by_trigger={w: tuple(ns) for w, ns in by_trigger.items()},
        phrased=tuple(n for n, kind in enumerate(kinds) if kind.phrases),
        scattered=frozenset(data.get("scattered") or ()),
        collectives=frozenset(fold(w) for w in data.get("collectives") or ()),
        generic=next((k for k, entry in zip(kinds, data["kinds"].values()) if entry.get("generic")), None),
    )


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


