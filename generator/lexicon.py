"""The knowledge files (`data/*.yml`) compiled once, and the small text helpers every extraction stage shares."""
from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .text import fold

DATA = Path(__file__).parent / "data"
UPPER = "A-ZÀ-ÖØ-Þ"
APOS = "'’"
WEEKDAYS = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"}
MONTHS = {"janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
          "septembre", "octobre", "novembre", "décembre", "decembre"}
TIME_WORDS = WEEKDAYS | MONTHS | {"hier", "aujourd'hui", "demain", "soir", "matin", "midi", "dernier", "dernière"}
DETERMINERS = {"le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "ce", "cet", "cette",
               "ces", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "votre", "vos", "à", "a", "en"}
# Lower-case words that may sit inside a personal name ("Charles de Gaulle", "Ursula von der Leyen").
PARTICLES = {"de", "du", "des", "d", "van", "von", "der", "den", "di", "da", "dos", "das", "del", "della", "bin",
             "ben", "ibn", "al", "el", "la", "le", "y", "zu", "ter", "bint", "abu", "abou"}
# Words that look like names when capitalised but name no actor.
NOT_ACTORS = {"etat", "etats", "république", "republique", "gouvernement", "président", "secrétaire général",
              "ministre", "parti", "congrès", "nation", "nations", "peuple", "monde", "dieu",
              "premier"}  # "Premier" alone is "Premier ministre" cut short, a title
# Prepositions in front of a place ("à Lyon", "en Crimée", "dans la région de Kharkiv").
LOCATIVE = re.compile(rf"(?:(?<![\w])(?:à|À|A|en|En|au|Au|aux|Aux|dans|Dans|vers|depuis|Depuis|près\s+de|près\s+du|près\s+des|proche\s+de|"
                      rf"autour\s+de|sur|jusqu[{APOS}]à|via|hors\s+de|loin\s+de|non\s+loin\s+de|"
                      rf"au\s+large\s+de|aux\s+abords\s+de)\s+(?:(?:la|le|les|l[{APOS}])\s*)?)$"
                      # Movement from or towards a place: "le convoi parti de Gao", "en provenance de Goma".
                      rf"|(?:(?<![\w])(?:parti|partie|partis|parties|en\s+provenance|à\s+destination|en\s+direction|au\s+départ|quitté|quitter|quittant|rejoint|rejoindre|gagné|regagné)\s+"
                      rf"(?:(?:de\s+(?:la\s+|l[{APOS}]\s*)?|du\s+|d[{APOS}]\s*))?)$")


@dataclass(frozen=True)
class Geo:
    name: str          # canonical place or country
    kind: str          # country | capital | seat | city | ambiguous
    country: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Everything read from data/*.yml, compiled once."""
    geo: dict            # folded alias -> Geo
    geo_re: NameUnion    # re.Pattern's methods, faster on a thousand names
    ambiguous: dict      # folded short name -> candidate countries
    first_names: frozenset
    demonyms: dict       # folded demonym form -> country
    honorifics: frozenset
    roles: tuple         # longest first
    anaphoric: frozenset
    heads: tuple
    bare_heads: tuple    # the heads that alone, capitalised, name an institution ("la Chambre")
    organs: frozenset
    building_heads: tuple
    place_heads: tuple
    adjectives: frozenset
    portfolios: tuple
    generic_sources: frozenset
    agencies: dict       # folded alias -> canonical
    agency_re: re.Pattern
    agency_ci: re.Pattern  # the same, without case, for bylines and datelines
    bodies: dict         # folded alias -> canonical, international bodies ("Otan", "ONU")
    bodies_re: re.Pattern
    kind_nouns: tuple    # "le groupe X", "l'ONG X": X is an organisation
    feature_heads: tuple = ()  # "golfe", "vallée": with their complement, one place ("golfe de Guinée")
    street_heads: tuple = ()   # "rue", "gare": with the name after them, one place ("gare de Lyon")
    locality_heads: tuple = ()  # "cosmodrome", "port": named after their town, the town is the place
    monument_heads: tuple = ()  # "château": named by a common-noun complement ("château des ducs de Bretagne")
    common_acronyms: frozenset = frozenset()  # "IA", "PIB": acronyms of common nouns, never actors
    person_first_names: frozenset = frozenset()  # "Frédéric": before a capitalised word, a person
    geo_forms: dict = None     # folded alias -> the alias as written in geo.yml, for its capitals
    seats_re: re.Pattern | None = None  # "Palais royal": a seat of power no one country owns
    demonym_of: dict = None    # country -> its masculine demonym as written ("Ukraine" -> "ukrainien")


# Our data files are plain YAML: libyaml's parser (when PyYAML has it) reads them to the same values as
# yaml.safe_load, about seven times faster (tests/test_knowledge.py compares the two on every file).
DATA_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_data(text: str):
    """`yaml.safe_load` of one of our data files."""
    return yaml.load(text, Loader=DATA_LOADER)


def _yaml(name: str) -> dict:
    return load_data((DATA / name).read_text(encoding="utf-8"))


def inflect(demonym: str) -> list[str]:
    """Feminine and plural forms of a masculine French adjective ("sud-africain" -> "sud-africaines")."""
    if demonym.endswith("e"):
        return [demonym, demonym + "s"]
    if demonym.endswith(("s", "x")):
        return [demonym, demonym + "e", demonym + "es"]
    if demonym.endswith("al"):
        return [demonym, demonym + "e", demonym + "es", demonym[:-1] + "ux"]
    if demonym.endswith("en"):
        return [demonym, demonym + "ne", demonym + "s", demonym + "nes"]
    if demonym.endswith(("i", "è", "u", "h")):
        return [demonym, demonym + "e", demonym + "s", demonym + "es"]
    return [demonym, demonym + "e", demonym + "s", demonym + "es"]


def _alias_pattern(alias: str, strict_acronyms: bool = False) -> str:
    """Regex for one name, lenient on spaces, hyphens, apostrophes and a capital's accent; with
    `strict_acronyms`, an acronym matches in capitals only ("EAU" is not "l'Eau")."""
    if strict_acronyms and alias.isupper() and alias.isalpha() and len(alias) <= 6:
        return rf"(?-i:{re.escape(alias)})"
    out = []
    for char in alias:
        if char in " -\u00a0":
            out.append(r"[\s\-\u00a0]+")
        elif char in APOS:
            out.append(rf"[{APOS}]\s*")
        elif char in "ÉE":
            out.append("[ÉEée]")
        else:
            out.append(re.escape(char))
    return "".join(out)


_BEFORE_NAME, _AFTER_NAME = r"(?<![\w.@-])(?:", r")(?![\w@-]|\.\w)"
# An outlet's site may follow its name ("Le Point.fr", "Le Soir.be"): the name still stands alone.
_AFTER_OUTLET = r")(?![\w@-]|\.(?!(?:fr|com|ch|be|ca|net|info|org)\b)\w)"


def _union(names: Iterable[str], strict_acronyms: bool = False, after: str = _AFTER_NAME) -> re.Pattern:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return re.compile(_BEFORE_NAME + "|".join(_alias_pattern(n, strict_acronyms) for n in ordered) + after, re.I)


def _first_char_pattern(alias: str, strict_acronyms: bool) -> str:
    """What `_alias_pattern(alias)` asks of the first character it reads."""
    if strict_acronyms and alias.isupper() and alias.isalpha() and len(alias) <= 6:
        return rf"(?-i:{re.escape(alias[0])})"
    return _alias_pattern(alias[0])


class NameUnion:
    """`_union(names)` for a long list (the gazetteer's thousand names), tried at each position only with
    the names that can start with the character there.

    The regex engine tries every alternative in turn at every position it looks at (case-insensitive
    literals are not skipped by their first character), so one alternation of a thousand names cost
    a quarter of the mention stage. Each position gets the alternation of the names whose first
    character matches there, in the same order: the first alternative that matches is the same one,
    so every match is the one `_union` gives. Offers the Pattern methods the stages use.
    """

    def __init__(self, names: Iterable[str], strict_acronyms: bool = False):
        self._names = tuple(sorted(set(names), key=lambda n: (-len(n), n)))
        self._strict = strict_acronyms
        self._firsts = tuple(dict.fromkeys(_first_char_pattern(n, strict_acronyms) for n in self._names))
        # Where a name may start: not inside a word, and a character some name starts with.
        self._starts = re.compile(r"(?<![\w.@-])(?:" + "|".join(self._firsts) + ")", re.I)
        self._by_char: dict[str, re.Pattern | None] = {}
        self.pattern = _BEFORE_NAME + "|".join(_alias_pattern(n, strict_acronyms) for n in self._names) + _AFTER_NAME

    def _for(self, char: str) -> re.Pattern | None:
        """The alternation of the names that can start with `char`, in `_union`'s order (None: no name can)."""
        if char not in self._by_char:
            firsts = {f for f in self._firsts if re.fullmatch(f, char, re.I)} if char else set()
            names = [n for n in self._names if _first_char_pattern(n, self._strict) in firsts]
            self._by_char[char] = (re.compile(_BEFORE_NAME + "|".join(_alias_pattern(n, self._strict) for n in names)
                                              + _AFTER_NAME, re.I) if names else None)
        return self._by_char[char]

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pattern = self._for(text[pos:pos + 1]) if pos < endpos else None
        return pattern.match(text, pos, endpos) if pattern else None

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        pattern = self._for(text[pos:pos + 1]) if pos < endpos else None
        return pattern.fullmatch(text, pos, endpos) if pattern else None

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match]:
        while True:
            start = self._starts.search(text, pos, endpos)
            if start is None:
                return
            found = self.match(text, start.start(), endpos)
            if found:
                yield found
                pos = found.end()   # never empty: every name has a character
            else:
                pos = start.start() + 1

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)


@lru_cache(maxsize=128)
def compile_with(template: str, words: Iterable[str], flags: int = 0, apostrophes: bool = False) -> re.Pattern:
    """`template` with @WORDS@ replaced by the alternation of `words` (longest first), compiled once per
    word list: the stages ask for the same pattern for every block of every article."""
    alt = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    if apostrophes:
        alt = alt.replace("'", f"[{APOS}]")
    return re.compile(template.replace("@WORDS@", alt), flags)


def _phrases(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w.replace("’", "'").lower() for w in words}, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The knowledge files, parsed and indexed once per process."""
    geo_data, roles, orgs, agencies = _yaml("geo.yml"), _yaml("roles.yml"), _yaml("organisations.yml"), _yaml("agencies.yml")
    geo: dict[str, Geo] = {}
    demonyms: dict[str, str] = {}
    demonym_of: dict[str, str] = {}
    for entry in geo_data["countries"]:
        name = entry["name"]
        for alias in entry.get("seats", []):
            geo[fold(alias)] = Geo(name, "seat", name)
        # "le Quai d'Orsay a réagi": a seat that houses one institution means that institution.
        for alias, institution in (entry.get("institutions") or {}).items():
            geo[fold(alias)] = Geo(institution, "institution", name)
        capital = entry.get("capital")
        if capital:
            for alias in [capital, *entry.get("capital_aliases", [])]:
                geo[fold(alias)] = Geo(capital, "capital", name)
        for alias in [name, *entry.get("aliases", [])]:
            geo[fold(alias)] = Geo(name, "country", name)
        forms = entry.get("demonym") or []
        if forms:
            demonym_of[name] = forms[0] if isinstance(forms, list) else forms
        for form in (forms if isinstance(forms, list) else inflect(forms)):
            demonyms[fold(form)] = name
    for entry in geo_data.get("places", []):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            geo.setdefault(fold(alias), Geo(entry["name"], "city"))
    ambiguous = {k: tuple(v) for k, v in geo_data.get("ambiguous", {}).items()}
    for key in ambiguous:
        geo[fold(key)] = Geo(key, "ambiguous")
    all_geo = [a for e in geo_data["countries"] for a in [e["name"], *e.get("aliases", []), *e.get("seats", []),
                                                        *(e.get("institutions") or {}),
                                                        *([e["capital"]] if e.get("capital") else []),
                                                        *e.get("capital_aliases", [])]]
    all_geo += [a for e in geo_data.get("places", []) for a in [e["name"], *e.get("aliases", [])]]
    all_geo += list(geo_data.get("ambiguous", {}))
    agency_names: dict[str, str] = {}
    agency_list = []
    for entry in agencies["agencies"]:
        for alias in _with_article_dropped([entry["name"], *entry.get("aliases", [])]):
            agency_names[fold(alias)] = entry["name"]
            agency_list.append(alias)
    known = [(a, e["name"]) for e in orgs.get("known", []) for a in _acronym_forms([e["name"], *e.get("aliases", [])])]
    bodies = {fold(a): name for a, name in known}
    return Lexicon(
        geo=geo, geo_re=NameUnion(all_geo, strict_acronyms=True), ambiguous=ambiguous,
        first_names=frozenset(fold(n) for n in geo_data.get("first_names", [])),
        demonyms=demonyms,
        honorifics=frozenset(fold(h) for h in roles["honorifics"]),
        roles=_phrases(roles["roles"]), anaphoric=frozenset(_phrases(roles["anaphoric_roles"])),
        heads=_phrases(orgs["heads"]), organs=frozenset(_phrases(orgs["organs"])),
        bare_heads=tuple(h for h in _phrases(orgs["heads"]) if h not in _phrases(orgs.get("complement_only", []))),
        building_heads=_phrases(orgs["building_heads"]), place_heads=_phrases(orgs["place_heads"]),
        adjectives=frozenset(_phrases(orgs["adjectives"])), portfolios=_phrases(orgs["portfolios"]),
        generic_sources=frozenset(fold(w) for w in orgs["generic_sources"]),
        agencies=agency_names,
        # Agency names are matched with their case: "Le Monde" is a paper, "le monde" is not.
        agency_re=re.compile(r"(?<![\w.@-])(?:" + "|".join(re.escape(a) for a in sorted(agency_list, key=len, reverse=True))
                             + _AFTER_OUTLET),
        agency_ci=_union(agency_list, after=_AFTER_OUTLET),
        bodies=bodies, bodies_re=_cased([a for a, _ in known], accents=False),
        kind_nouns=_phrases(orgs.get("kind_nouns", [])),
        feature_heads=_phrases(orgs.get("feature_heads", [])),
        street_heads=_phrases(orgs.get("street_heads", [])),
        locality_heads=_phrases(orgs.get("locality_heads", [])),
        monument_heads=_phrases(orgs.get("monument_heads", [])),
        common_acronyms=frozenset(orgs.get("common_acronyms", [])),
        person_first_names=frozenset(roles.get("first_names", [])),
        geo_forms={fold(a): a for a in all_geo},
        demonym_of=demonym_of,
        seats_re=re.compile(r"(?<![\w-])(?:" + "|".join(rf"{re.escape(n.split()[0])}\s+(?i:{re.escape(' '.join(n.split()[1:]))})"
                                                   for n in orgs.get("seats", [])) + r")(?![\w-])"),
    )


def _with_article_dropped(names: list[str]) -> list[str]:
    """"Le Dauphiné libéré" is also written "au Dauphiné libéré": the article merges with the preposition."""
    out = list(names)
    for name in names:
        match = re.match(r"(?:Le|La|Les|L['’])\s*(.+)", name)
        if match and " " in match.group(1) and match.group(1)[:1].isupper():
            out.append(match.group(1))
    return out


def _acronym_forms(names: list[str]) -> list[str]:
    """French writes acronyms read as words in lower case after the capital: "OTAN" and "Otan", "CEDEAO" and "Cedeao"."""
    out = list(names)
    for name in names:
        if re.fullmatch(r"[A-ZÀ-Þ]{4,}", name):
            out.append(name[0] + name[1:].lower())
    return out


_LOOSE = {"e": "[eéèêë]", "a": "[aàâä]", "i": "[iîï]", "o": "[oôö]", "u": "[uùûü]", "c": "[cç]", "E": "[EÉÈÊ]",
          "é": "[eéèêë]", "è": "[eéèêë]", "ê": "[eéèêë]", "É": "[EÉÈÊ]"}


def _cased(names: Iterable[str], accents: bool = True) -> re.Pattern:
    """Names matched with their case ("Le Monde" is a paper, "le monde" is not); `accents=False`: "Cédéao" is "Cedeao"."""
    def pattern(name: str) -> str:
        return re.escape(name) if accents else "".join(_LOOSE.get(c, re.escape(c)) for c in name)
    return re.compile(r"(?<![\w.@-])(?:" + "|".join(pattern(a) for a in sorted(set(names), key=lambda a: (-len(a), a)))
                      + r")(?![\w@-]|\.\w)")


# --- Small text helpers -------------------------------------------------------

def _norm(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ")


_ACCENTS = str.maketrans("àâäáãåéèêëíìîïóòôöõúùûüçñÿœ’\u00a0", "aaaaaaeeeeiiiiooooouuuucnyœ' ")


def _plain(text: str) -> str:
    """Lower case without accents, same length: "Etat" and "état" compare equal."""
    return text.lower().translate(_ACCENTS)


_PLAIN: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {}


def _plain_all(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """Accent-free forms of a lexicon list, computed once per list."""
    cached = _PLAIN.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        cached = (phrases, tuple(_plain(p) for p in phrases))
        _PLAIN[id(phrases)] = cached
    return cached[1]


_INITIALS: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {}


def _by_initial(phrases: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The accent-free phrases of a lexicon list by their first letter, in their order (longest first)."""
    cached = _INITIALS.get(id(phrases))
    if cached is None or cached[0] is not phrases:
        index: dict[str, list[str]] = {}
        for phrase in _plain_all(phrases):
            index.setdefault(phrase[:1], []).append(phrase)
        cached = (phrases, {k: tuple(v) for k, v in index.items()})
        _INITIALS[id(phrases)] = cached
    return cached[1]


_FOLDED: tuple[str, str | None] = ("", "")   # the last text _plain_at() folded whole, and its fold


def _plain_at(text: str, pos: int, size: int) -> str:
    """`_plain(text[pos:pos + size])`, sliced from the whole text folded once: the rules ask for a window at
    every word of a block. lower() maps each character on its own, except "İ" (two characters) and a final
    "Σ"; a text holding either has its windows folded one by one."""
    global _FOLDED
    whole, folded = _FOLDED
    if whole is not text:
        folded = None if "İ" in text or "Σ" in text else _plain(text)
        _FOLDED = (text, folded)
    return folded[pos:pos + size] if folded is not None else _plain(text[pos:pos + size])


def _starts_with_phrase(text: str, pos: int, phrases: Sequence[str]) -> int | None:
    """End offset of the longest phrase (lower-case, longest first) that starts at `pos`."""
    # Most positions start no phrase: their first letter alone says so, before the window is folded.
    candidates = _by_initial(phrases).get(_plain_at(text, pos, 1)[:1], ())
    if not candidates:
        return None
    low = _plain_at(text, pos, 60)
    for phrase in candidates:
        if low.startswith(phrase) and (len(low) == len(phrase) or not (low[len(phrase)].isalnum() or low[len(phrase)] == "-")
                                        or phrase.endswith("'")):
            return pos + len(phrase)
    return None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0\t":
        pos += 1
    return pos


def _word_at(text: str, pos: int) -> tuple[str, int]:
    match = re.compile(rf"[\w-]+[{APOS}]?|[{APOS}]").match(text, pos)
    return (match.group(0), match.end()) if match else ("", pos)


def _is_cap(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def is_demonym(word: str, lex: Lexicon) -> bool:
    """"russe", "nord-coréennes", and the compounds "russo-nord-coréenne", "franco-allemand"."""
    key = fold(word)
    if key in lex.demonyms:
        return True
    compound = re.fullmatch(r"[a-z]+o (.+)", key)
    return bool(compound) and compound.group(1) in lex.demonyms


def _adjective(word: str, lex: Lexicon) -> bool:
    """A lower-case word that can qualify an institution ("central", "britanniques", "révolutionnaire")."""
    low = word.lower()
    if not word or not word[0].islower():
        return False
    return (low in lex.adjectives or is_demonym(low, lex)
            or bool(re.fullmatch(r"[a-zàâäéèêëîïôöûüç-]{3,}(?:ique|iste|aire|al|ale|aux|el|elle|ien|ienne|ain|aine|ois|oise|ais|aise|ier|ière)s?", low)))


@dataclass(frozen=True)
class Hit:
    """A candidate mention before names are unified."""
    block: int
    start: int
    end: int
    name: str
    type: str
    priority: int              # lower wins when spans of one layer overlap
    role: str | None = None
    country: str | None = None  # for role phrases: the country the role belongs to


def written_again(pattern: re.Pattern, texts: Sequence[str | None]) -> Iterable[tuple[int, re.Match]]:
    """Every place a name the article has shown once is written again: (block, match), readable blocks only."""
    for index, text in enumerate(texts):
        if text is not None:
            for match in pattern.finditer(text):
                yield index, match
