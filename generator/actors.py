"""People, organisations, countries and places of one article: Article + spaCy docs -> Mentions.

NER proposes names; French grammar (head nouns with complements, locative prepositions,
appositions, role phrases) and world knowledge in `data/*.yml` decide, trim and name them.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc

from .knowledge import Knowledge
from .model import Article, Mention, Span
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
              "ministre", "parti", "congrès", "nation", "nations", "peuple", "monde", "dieu"}
# Prepositions in front of a place ("à Lyon", "en Crimée", "dans la région de Kharkiv").
LOCATIVE = re.compile(rf"(?:(?<![\w])(?:à|À|A|en|En|au|Au|aux|Aux|dans|Dans|vers|depuis|Depuis|près\s+de|proche\s+de|"
                      rf"autour\s+de|sur|jusqu[{APOS}]à|via|hors\s+de|loin\s+de|non\s+loin\s+de|"
                      rf"au\s+large\s+de|aux\s+abords\s+de)\s+(?:(?:la|le|les|l[{APOS}])\s*)?)$")


@dataclass(frozen=True)
class Geo:
    name: str          # canonical place or country
    kind: str          # country | capital | seat | city | ambiguous
    country: str | None = None


@dataclass(frozen=True)
class Lexicon:
    """Everything read from data/*.yml, compiled once."""
    geo: dict            # folded alias -> Geo
    geo_re: re.Pattern
    ambiguous: dict      # folded short name -> candidate countries
    first_names: frozenset
    demonyms: dict       # folded demonym form -> country
    honorifics: frozenset
    roles: tuple         # longest first
    anaphoric: frozenset
    heads: tuple
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


def _yaml(name: str) -> dict:
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


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


def _alias_pattern(alias: str) -> str:
    """Regex for one name, lenient on spaces, hyphens, apostrophes and a capital's accent."""
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


def _union(names: Iterable[str]) -> re.Pattern:
    ordered = sorted(set(names), key=len, reverse=True)
    return re.compile(r"(?<![\w.@-])(?:" + "|".join(_alias_pattern(n) for n in ordered) + r")(?![\w@-]|\.\w)", re.I)


def _phrases(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({w.replace("’", "'").lower() for w in words}, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The knowledge files, parsed and indexed once per process."""
    geo_data, roles, orgs, agencies = _yaml("geo.yml"), _yaml("roles.yml"), _yaml("organisations.yml"), _yaml("agencies.yml")
    geo: dict[str, Geo] = {}
    demonyms: dict[str, str] = {}
    for entry in geo_data["countries"]:
        name = entry["name"]
        for alias in entry.get("seats", []):
            geo[fold(alias)] = Geo(name, "seat", name)
        capital = entry.get("capital")
        if capital:
            for alias in [capital, *entry.get("capital_aliases", [])]:
                geo[fold(alias)] = Geo(capital, "capital", name)
        for alias in [name, *entry.get("aliases", [])]:
            geo[fold(alias)] = Geo(name, "country", name)
        forms = entry.get("demonym") or []
        for form in (forms if isinstance(forms, list) else inflect(forms)):
            demonyms[fold(form)] = name
    for entry in geo_data.get("places", []):
        for alias in [entry["name"], *entry.get("aliases", [])]:
            geo.setdefault(fold(alias), Geo(entry["name"], "city"))
    ambiguous = {k: tuple(v) for k, v in geo_data.get("ambiguous", {}).items()}
    for key in ambiguous:
        geo[fold(key)] = Geo(key, "ambiguous")
    all_geo = [a for e in geo_data["countries"] for a in [e["name"], *e.get("aliases", []), *e.get("seats", []),
                                                        *([e["capital"]] if e.get("capital") else []),
                                                        *e.get("capital_aliases", [])]]
    all_geo += [a for e in geo_data.get("places", []) for a in [e["name"], *e.get("aliases", [])]]
    all_geo += list(geo_data.get("ambiguous", {}))
    agency_names: dict[str, str] = {}
    for entry in agencies["agencies"]:
        for alias in [entry["name"], *entry.get("aliases", [])]:
            agency_names[fold(alias)] = entry["name"]
    agency_list = [a for e in agencies["agencies"] for a in [e["name"], *e.get("aliases", [])]]
    bodies = {fold(a): e["name"] for e in orgs.get("known", []) for a in [e["name"], *e.get("aliases", [])]}
    return Lexicon(
        geo=geo, geo_re=_union(all_geo), ambiguous=ambiguous,
        first_names=frozenset(fold(n) for n in geo_data.get("first_names", [])),
        demonyms=demonyms,
        honorifics=frozenset(fold(h) for h in roles["honorifics"]),
        roles=_phrases(roles["roles"]), anaphoric=frozenset(_phrases(roles["anaphoric_roles"])),
        heads=_phrases(orgs["heads"]), organs=frozenset(_phrases(orgs["organs"])),
        building_heads=_phrases(orgs["building_heads"]), place_heads=_phrases(orgs["place_heads"]),
        adjectives=frozenset(_phrases(orgs["adjectives"])), portfolios=_phrases(orgs["portfolios"]),
        generic_sources=frozenset(fold(w) for w in orgs["generic_sources"]),
        agencies=agency_names,
        # Agency names are matched with their case: "Le Monde" is a paper, "le monde" is not.
        agency_re=re.compile(r"(?<![\w.@-])(?:" + "|".join(re.escape(a) for a in sorted(agency_list, key=len, reverse=True))
                             + r")(?![\w@-]|\.\w)"),
        agency_ci=_union(agency_list),
        bodies=bodies, bodies_re=_cased([a for e in orgs.get("known", []) for a in [e["name"], *e.get("aliases", [])]]),
        kind_nouns=_phrases(orgs.get("kind_nouns", [])),
    )


def _cased(names: Iterable[str]) -> re.Pattern:
    """Names matched with their case: "Le Monde" is a paper, "le monde" is not."""
    return re.compile(r"(?<![\w.@-])(?:" + "|".join(re.escape(a) for a in sorted(set(names), key=len, reverse=True))
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


def _starts_with_phrase(text: str, pos: int, phrases: Sequence[str]) -> int | None:
    """End offset of the longest phrase (lower-case, longest first) that starts at `pos`."""
    low = _plain(text[pos:pos + 60])
    for phrase in _plain_all(phrases):
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


def _adjective(word: str, lex: Lexicon) -> bool:
    """A lower-case word that can qualify an institution ("central", "britanniques", "révolutionnaire")."""
    low = word.lower()
    if not word or not word[0].islower():
        return False
    return (low in lex.adjectives or fold(low) in lex.demonyms
            or bool(re.fullmatch(r"[a-zàâäéèêëîïôöûüç-]{3,}(?:ique|iste|aire|al|ale|aux|el|elle|ien|ienne|ain|aine|ois|oise|ais|aise)s?", low)))


# --- Organisations built by grammar -------------------------------------------

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


def _complement(text: str, pos: int, lex: Lexicon) -> tuple[int, str] | None:
    """One complement "de la République fédérale d'Allemagne" / "des Affaires étrangères" / "de sécurité" from `pos`."""
    prep = re.compile(rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I).match(text, pos)
    if not prep or not text[pos].islower():
        return None
    at = prep.end()
    end = _starts_with_phrase(text, at, lex.portfolios)
    if end is not None:
        return end, "portfolio"
    # "de pays baltes", "d'États membres": a group of countries.
    group = re.compile(r"(?:pays|[ÉE]tats)\s+([\w-]+)").match(text, at)
    if group and group.group(1).islower() and len(group.group(1)) > 2 and group.group(1) not in DETERMINERS | {"qui", "que", "dont", "pour", "avec", "dans", "sur", "et", "ou"}:
        return group.end(), "portfolio"
    geo = lex.geo_re.match(text, at)
    # "de Bolivie" is the country, "de Bolivie unie" a name that starts like it.
    if geo and _is_cap(geo.group(0)) and not _adjective(_word_at(text, _skip_space(text, geo.end()))[0], lex):
        return geo.end(), "country"
    # A capitalised name, possibly with inner particles and trailing adjectives ("Parti communiste chinois").
    word, end = _word_at(text, at)
    if not _is_cap(word) or fold(word) in WEEKDAYS | MONTHS:
        return (end, "portfolio") if word.lower() in {p for p in lex.portfolios if " " not in p} else None
    cursor = end
    while True:
        nxt = _skip_space(text, cursor)
        word, end = _word_at(text, nxt)
        if _is_cap(word) and nxt > cursor:
            cursor = end
            continue
        if _adjective(word, lex) and nxt > cursor:
            cursor = end
            continue
        link = re.compile(rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)").match(text, nxt)
        if link and nxt > cursor:
            word, end = _word_at(text, link.end())
            if _is_cap(word) and not lex.geo_re.match(text, link.end()):
                cursor = end
                continue
        return cursor, "name"


def _org_at(text: str, pos: int, lex: Lexicon, heads: Sequence[str]) -> tuple[int, list[tuple[int, int, str]], bool] | None:
    """Head + adjectives + complements from `pos`: (end, complements, has qualifier) or None."""
    end = _starts_with_phrase(text, pos, heads)
    if end is None:
        return None
    qualified = False
    while True:
        nxt = _skip_space(text, end)
        word, after = _word_at(text, nxt)
        if nxt > end and _adjective(word, lex):
            qualified = qualified or fold(word) in lex.demonyms or _is_cap(text[pos])
            end = after
            continue
        if nxt > end and word.lower() in ("d'", "d’") and fold(_word_at(text, after)[0]) in ("etat",):
            end = _word_at(text, after)[1]
            qualified = True
            continue
        break
    complements = []
    while True:
        nxt = _skip_space(text, end)
        comp = _complement(text, nxt, lex) if nxt > end else None
        if not comp:
            break
        complements.append((nxt, comp[0], comp[1]))
        end = comp[0]
    # "l'armée de l'air ukrainienne": a nationality closes the name.
    nxt = _skip_space(text, end)
    word, after = _word_at(text, nxt)
    if complements and nxt > end and fold(word) in lex.demonyms and word[0].islower():
        end = after
    return end, complements, qualified


def _organisations(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Organisations French builds from a head noun: "ministère russe des Affaires étrangères"."""
    hits: list[Hit] = []
    taken_until = -1
    for match in re.finditer(r"(?<![\w-])\w", text):
        pos = match.start()
        if pos < taken_until:
            continue
        geo = lex.geo_re.match(text, pos)
        if geo and lex.geo.get(fold(geo.group(0)), Geo("", "")).kind == "country":
            continue  # "Confédération suisse" is a country, not a confederation
        found = _org_at(text, pos, lex, lex.heads)
        if not found:
            continue
        end, complements, qualified = found
        head = _plain(text[pos:_starts_with_phrase(text, pos, lex.heads)])
        inner_org = bool(complements) and complements[0][2] == "name" and _org_at(
            text, _complement_body(text, complements[0][0]), lex, lex.heads) is not None
        # "Comité central du Parti X", "la délégation du Sénat": the organ or part stands for the body.
        if _starts_with_phrase(text, pos, lex.organs) or (inner_org and not _is_cap(text[pos])):
            # "Comité central du Parti X" stands for the party itself.
            if complements and complements[0][2] == "name":
                continue_at = _complement_body(text, complements[0][0])
                sub = _org_at(text, continue_at, lex, lex.heads)
                if sub and (sub[1] or sub[2]):
                    hits.append(Hit(block, continue_at, sub[0], _clean_org(text[continue_at:sub[0]]), "organisation", 2))
                    taken_until = sub[0]
            continue
        if not (complements or qualified):
            continue
        hits.append(Hit(block, pos, end, _clean_org(text[pos:end]), "organisation", 2))
        taken_until = end
        # "les services de renseignement de la Pologne et de pays baltes": one head, two organisations.
        if complements:
            coord = re.compile(r"\s+et\s+").match(text, end)
            if coord:
                comp = _complement(text, coord.end(), lex)
                if comp:
                    base = text[pos:complements[0][0]].rstrip()
                    hits.append(Hit(block, coord.end(), comp[0], _clean_org(base + " " + text[coord.end():comp[0]]), "organisation", 3))
                    taken_until = comp[0]
    return hits


def _complement_body(text: str, pos: int) -> int:
    """Where the noun phrase of a complement starts, after "de la", "du", "d'"."""
    return re.compile(rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I).match(text, pos).end()


def _clean_org(name: str) -> str:
    name = re.sub(r"[\s\u00a0]+", " ", name).strip(" ,;:.")
    return name[0].upper() + name[1:] if name else name


def _quoted_names(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """An organisation named in quotes after its kind: 'le mouvement de toute la Bolivie "Frente Andino"'."""
    hits = []
    heads = "|".join(re.escape(h) for h in (*lex.heads, *lex.kind_nouns) if " " not in h)
    pattern = re.compile(rf"(?<![\w-])(?:{heads})\b[^\"«“».,;]{{0,60}}?[\"«“]\s*(?:(?:la|le|les|l[{APOS}])\s*)?"
                         rf"([{UPPER}][^\"»”]{{1,60}}?)\s*[\"»”]", re.I)
    for match in pattern.finditer(text):
        if _is_cap(match.group(1)):
            hits.append(Hit(block, match.start(1), match.end(1), _clean_org(match.group(1)), "organisation", 1))
    return hits


def _agencies(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Known agencies and outlets, and "l'agence (de presse) (officielle) NAME" -> NAME."""
    hits = [Hit(block, m.start(), m.end(), lex.agencies[fold(m.group(0))], "organisation", 1)
            for m in lex.agency_re.finditer(text)]
    hits += [Hit(block, m.start(), m.end(), lex.bodies[fold(m.group(0))], "organisation", 1)
             for m in lex.bodies_re.finditer(text)]
    for match in re.finditer(rf"(?i:agence|agences)(?:\s+(?i:de\s+presse))?((?:\s+[a-zé-]+)*?)\s+([{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)*)", text):
        if all(_adjective(w, lex) for w in match.group(1).split()):
            name = match.group(2)
            hits.append(Hit(block, match.start(2), match.end(2), lex.agencies.get(fold(name), name), "organisation", 1))
    return hits


# "PARIS (AFP) - ...", "Genève (ats) —": the agency that filed the story.
FILED = re.compile(rf"^\s*[{UPPER}][\w'’ .-]{{0,40}}\(([\w/ ,.-]{{2,30}})\)\s*[-–—:]")
CREDIT = re.compile(r"(?:(?<![\w])(?:Photos?|Image|Images|Crédits?|Credits?|Source|Illustration)\s*:\s*|©\s*)"
                    r"([\w][\w.\-/ ]{1,40}?)\s*$", re.M)


def credits(text: str) -> list[tuple[int, int, str]]:
    """Photo or image credits at the end of a line: "Photo: afp.com" -> the credited name."""
    lex = lexicon()
    out = []
    filed = FILED.match(text)
    if filed:
        for match in lex.agency_ci.finditer(filed.group(1)):
            out.append((filed.start(1) + match.start(), filed.start(1) + match.end(), lex.agencies[fold(match.group(0))]))
    for match in CREDIT.finditer(text):
        # "Keystone/EPA/ABIR SULTAN": agencies, then the photographer (a person, not a publisher).
        for part in re.finditer(r"[^/|]+", match.group(1)):
            raw = part.group(0).strip(" .")
            if not raw:
                continue
            name = lex.agencies.get(fold(raw))
            if name is None and (" " in raw or not re.search(r"\w", raw)):
                continue
            start = match.start(1) + part.start() + (len(part.group(0)) - len(part.group(0).lstrip(" .")))
            out.append((start, start + len(raw), name or raw))
    return out


def byline_publishers(text: str) -> list[tuple[int, int, str]]:
    """Agencies in a byline ("ATS", "Par Jean Dupont, avec AFP"): (start, end, canonical name)."""
    lex = lexicon()
    # Bylines are often lower case ("(ats/afp)"), so agencies are matched without case here.
    out = [(m.start(), m.end(), lex.agencies[fold(m.group(0))]) for m in lex.agency_ci.finditer(text)]
    if not out:
        for match in re.finditer(rf"(?<![\w-])[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*(?![\w-])", text):
            out.append((match.start(), match.end(), match.group(0)))
    return out


# --- Persons ------------------------------------------------------------------

def _strip_name(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Trim a NER span to its name tokens: honorifics, titles, determiners and dates out."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(rf"[\w{APOS}.-]+", text[start:end])]
    while words:
        low = fold(words[0][2])
        two = fold(" ".join(w[2] for w in words[:2]))
        role = next((n for n in (3, 2, 1) if _norm(" ".join(w[2] for w in words[:n])).lower() in lex.roles), 0)
        if role and len(words) > role:
            words = words[role:]
            continue
        if low in DETERMINERS or low in lex.honorifics or two in lex.honorifics:
            words = words[1:]
            continue
        if not _is_cap(words[0][2]):
            words = words[1:]
            continue
        break
    while words and (not _is_cap(words[-1][2]) or fold(words[-1][2]) in TIME_WORDS):
        words = words[:-1]
    if not words:
        return None
    return words[0][0], words[-1][1]


def _person_ok(name: str, lex: Lexicon) -> bool:
    words = name.split()
    if any(not _is_cap(w) and fold(w) not in PARTICLES for w in words):
        return False
    if fold(name) in lex.geo or fold(name) in NOT_ACTORS or fold(name) in lex.demonyms:
        return False
    return not any(_norm(name).lower().startswith(h + " ") or _norm(name).lower() == h for h in lex.heads)


def _role_before(text: str, start: int, lex: Lexicon) -> tuple[str, str | None] | None:
    """The role written just before a name: "le président chilien Gabriel Boric" -> ("président", "Chili")."""
    window = _norm(text[max(0, start - 80):start]).lower()
    for role in lex.roles:
        match = re.search(rf"^.*(?<![\w-]){re.escape(role)}((?:\s+[\w'-]+){{0,6}}?)\s*,?\s*$", window, re.S)
        if match:
            rest = re.sub(r"[’']", "' ", match.group(1)).split()
            if rest and rest[-1] in ("de", "du", "des", "d'", "la", "le", "les", "l'", "au", "aux"):
                continue  # "présidente de la BCE": the name is what the role governs, not its holder
            country = next((lex.demonyms[fold(w)] for w in rest if fold(w) in lex.demonyms), None)
            geo = lex.geo_re.search(match.group(1))
            if geo and fold(geo.group(0)) in lex.geo:
                country = country or lex.geo[fold(geo.group(0))].country
            if all(_role_word(w, lex) or (geo and w in fold(geo.group(0)).split()) for w in rest):
                return role, country
    return None


@lru_cache(maxsize=1)
def _institution_words() -> frozenset[str]:
    """Single words that may complete a role before a name ("porte-parole de la présidence russe, X")."""
    lex = lexicon()
    phrases = (*lex.portfolios, *lex.heads, *lex.kind_nouns, *lex.place_heads, *lex.generic_sources)
    return frozenset(x for p in phrases for x in _plain(p).replace("'", " ").split())


def _role_word(word: str, lex: Lexicon) -> bool:
    plain = _plain(word).strip("'")
    return (word in lex.adjectives or fold(word) in lex.demonyms or fold(word) in DETERMINERS or word in PARTICLES
            or _adjective(word, lex) or plain in _institution_words() or plain in ("l", "d", "presidence"))


def _role_after(text: str, end: int, lex: Lexicon) -> tuple[str, str, str | None] | None:
    """An apposition after a name: "X, secrétaire général du ..." -> (role text, head, country)."""
    match = re.match(r"\s*,\s*([^,;:()«»\"]{2,160}?)(?=\s*(?:,|;|\.\s|\.$|$|\(|\s+qui\s|\s+a\s|\s+ont\s|\s+et\s+[A-ZÀ-ÖØ-Þ][\w-]+\s+[A-ZÀ-ÖØ-Þ]))", text[end:])
    if not match:
        return None
    phrase = match.group(1).strip()
    low = _norm(phrase).lower()
    low = re.sub(r"^(?:l'|le |la |les |un |une )", "", low)
    head = next((r for r in lex.roles if low.startswith(r) and (len(low) == len(r) or not low[len(r)].isalnum())), None)
    if not head:
        return None
    country = None
    for word in low.split():
        if fold(word) in lex.demonyms:
            country = lex.demonyms[fold(word)]
            break
    geo = lex.geo_re.search(phrase)
    if not country and geo and fold(geo.group(0)) in lex.geo:
        country = lex.geo[fold(geo.group(0))].country
    return phrase, head, country


# --- Places and countries -------------------------------------------------------

def _geo_hits(block: int, text: str, lex: Lexicon, place_spans: list[tuple[int, int]]) -> Iterable[Hit]:
    """Countries everywhere they are named; capitals as places only where French puts a place."""
    for match in lex.geo_re.finditer(text):
        written = match.group(0)
        if not any(c.isupper() for c in written):
            continue
        entry = lex.geo.get(fold(written))
        if entry is None:
            continue
        after = text[match.end():match.end() + 30]
        if fold(written) in lex.first_names and re.match(rf"\s+[{UPPER}]", after):
            continue
        if entry.kind in ("country", "ambiguous"):
            yield Hit(block, match.start(), match.end(), entry.name, "country", 5)
        elif entry.kind == "seat" and _locative(text, match.start(), lex, place_spans):
            yield Hit(block, match.start(), match.end(), written, "place", 5)  # "reçu à l'Elysée"
        elif entry.kind == "seat":
            yield Hit(block, match.start(), match.end(), entry.country, "country", 5)
        elif entry.kind == "city" or _locative(text, match.start(), lex, place_spans):
            yield Hit(block, match.start(), match.end(), entry.name, "place", 5)
        else:
            # A capital that acts or speaks ("Varsovie a protesté", "selon Tokyo") is its government.
            yield Hit(block, match.start(), match.end(), entry.country, "country", 5)


def _locative(text: str, start: int, lex: Lexicon, place_spans: list[tuple[int, int]]) -> bool:
    """Is the name at `start` where French puts a place: after "à", "en", "dans la région de"...?"""
    before = text[max(0, start - 80):start]
    if LOCATIVE.search(before):
        return True
    low = _norm(before).lower()
    # "la région (frontalière) (ukrainienne) de Kharkiv", "la capitale Lima"
    for head in lex.place_heads:
        if re.search(rf"(?<![\w-]){re.escape(head)}s?(?:\s+[\w'-]+){{0,3}}\s+(?:de\s+|d'|du\s+)?$", low):
            words = re.search(rf"{re.escape(head)}s?((?:\s+[\w'-]+){{0,3}})\s+(?:de\s+|d'|du\s+)?$", low).group(1).split()
            if all(_adjective(w, lex) or w in ("de", "du", "d'") for w in words):
                return True
    # "le palais de la Nation de Kinshasa": a place right before, joined by "de";
    # "à Paiporta et Utiel", "à Lyon, Nantes et Lille": the list goes on.
    return any(0 <= start - end <= 5 and re.fullmatch(r"\s*(?:de|d'|et|,|ou)\s*", _norm(text[end:start])) for _, end in place_spans)


def _buildings(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Named buildings and sites in a locative: "au Palais de la Nation"."""
    hits = []
    for match in re.finditer(r"(?<![\w-])\w", text):
        pos = match.start()
        found = _org_at(text, pos, lex, lex.building_heads)
        if not found or not LOCATIVE.search(text[max(0, pos - 40):pos]):
            continue
        end, complements, _ = found
        # "au stade Arthur-Ashe", "à l'aéroport Charles-de-Gaulle": the name right after the head.
        named = re.compile(rf"\s+([{UPPER}][\w'’-]*(?:\s+[{UPPER}][\w'’-]*)*)").match(text, end)
        if not complements and named and not lex.geo_re.fullmatch(named.group(1)):
            hits.append(Hit(block, pos, named.end(1), _clean_org(text[pos:named.end(1)]), "place", 3))
            continue
        # Stop before a city that locates the building ("... de la Nation de Kinshasa").
        for comp_start, comp_end, kind in complements:
            if kind == "country" or (kind == "name" and lex.geo.get(fold(re.sub(r"^\W*(?:de la|de l'|du|des|de|d')\s*", "", _norm(text[comp_start:comp_end]))))):
                end = comp_start
                break
        body = text[pos:end]
        proper = [w for w in re.findall(r"[\w-]+", body)[1:] if _is_cap(w) and fold(w) not in NOT_ACTORS]
        if proper or (_is_cap(text[pos]) and complements):
            hits.append(Hit(block, pos, end, _clean_org(body.rstrip()), "place", 3))
    return hits


def _ner_place(block: int, text: str, start: int, end: int, lex: Lexicon, place_spans) -> Hit | None:
    """A LOC entity the gazetteer does not know: a place only in a locative construction."""
    trimmed = _strip_name(text, start, end, lex)
    if not trimmed:
        return None
    start, end = trimmed
    low = _norm(text[start:end]).lower()
    for head in lex.place_heads:
        if low.startswith(head + " "):
            rest = re.match(r"\s*(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?", _norm(text[start + len(head):end]))
            start = start + len(head) + rest.end()
            break
    name = text[start:end]
    words = name.replace("-", " ").split()
    if not words or any(not _is_cap(w) and fold(w) not in PARTICLES for w in words):
        return None
    if fold(name) in lex.demonyms or fold(name) in NOT_ACTORS or fold(name) in lex.geo:
        return None
    if not _locative(text, start, lex, place_spans):
        return None
    return Hit(block, start, end, name, "place", 6)


# --- Putting it together --------------------------------------------------------

def _sentence_start(text: str, pos: int) -> bool:
    return not text[:pos].strip() or bool(re.search(r"[.!?:«\"“]\s*$", text[:pos]))


def _block_hits(index: int, text: str, doc: Doc, lex: Lexicon) -> list[Hit]:
    hits: list[Hit] = []
    hits += _organisations(index, text, lex)
    hits += _quoted_names(index, text, lex)
    hits += _agencies(index, text, lex)
    buildings = _buildings(index, text, lex)
    hits += buildings
    persons: list[Hit] = []
    for ent in doc.ents:
        start, end = ent.start_char, ent.end_char
        trimmed = _strip_name(text, start, end, lex) if ent.label_ in ("PER", "MISC", "ORG") else None
        # MISC and ORG entities are people when a role stands beside a name of two words or more.
        person_like = trimmed and ent.label_ != "PER" and " " in text[trimmed[0]:trimmed[1]] and not re.search(
            rf"[{UPPER}]{{2,}}", text[trimmed[0]:trimmed[1]]) and (_role_after(text, trimmed[1], lex) or _role_before(text, trimmed[0], lex))
        if trimmed and (ent.label_ == "PER" or person_like):
            s, e = trimmed
            name = text[s:e]
            if not _person_ok(name, lex):
                continue
            if ent.label_ != "PER" and any(fold(w) in lex.geo for w in name.split()):
                continue
            after = _role_after(text, e, lex)
            before = _role_before(text, s, lex)
            role = after[0] if after else (before[0] if before else None)
            country = after[2] if after else (before[1] if before else None)
            kind = re.search(r"(\S+)\s+$", _norm(text[max(0, s - 30):s]))
            if kind and _plain(kind.group(1)) in _plain_all(lex.kind_nouns):
                hits.append(Hit(index, s, e, _clean_org(name), "organisation", 4))  # "le groupe Stellantis"
                continue
            titled = re.search(r"(?:^|\s)(M|Mme|Mlle|MM|Dr|Pr|Me|Mgr)\.?\s*$", text[:s])
            single_common = (" " not in name and "-" not in name and not titled and _sentence_start(text, s)
                             and doc.vocab.has_vector(name.lower()))
            persons.append(Hit(index, s, e, name, "person", 1 if not single_common else 8, role, country))
        elif ent.label_ == "ORG":
            hit = _ner_org(index, text, start, end, doc, lex)
            if hit:
                hits.append(hit)
    hits += persons
    person_spans = [(h.start, h.end) for h in persons]
    org_spans = [(h.start, h.end) for h in hits if h.type == "organisation"]
    place_spans = [(h.start, h.end) for h in buildings]
    for hit in _geo_hits(index, text, lex, place_spans):
        if hit.type == "place" and any(s <= hit.start and hit.end <= e for s, e in org_spans):
            continue  # "FC Barcelone", "Université de Genève": the city is part of a name
        if not any(s <= hit.start and hit.end <= e for s, e in person_spans):
            hits.append(hit)
            if hit.type == "place":
                place_spans.append((hit.start, hit.end))
    for ent in doc.ents:
        if ent.label_ == "LOC":
            hit = _ner_place(index, text, ent.start_char, ent.end_char, lex, place_spans)
            if hit and not any(s <= hit.start < e for s, e in place_spans + person_spans):
                hits.append(hit)
                place_spans.append((hit.start, hit.end))
    return hits


def _ner_org(index: int, text: str, start: int, end: int, doc: Doc, lex: Lexicon) -> Hit | None:
    """Keep an ORG entity only when it looks like a name, not a capitalised common noun phrase."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(rf"[\w{APOS}.&-]+", text[start:end])]
    kinds = _plain_all(lex.kind_nouns)
    while len(words) > 1 and (fold(words[0][2]) in DETERMINERS or _plain(words[0][2]) in kinds):
        words = words[1:]
    while words and (fold(words[-1][2]) in TIME_WORDS or fold(words[-1][2]) in DETERMINERS):
        words = words[:-1]
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    name = text[s:e]
    key = fold(name)
    if key in lex.geo or key in NOT_ACTORS or key in lex.demonyms or _norm(name).lower() in lex.roles:
        return None
    if _starts_with_phrase(name, 0, lex.organs) == len(name):
        return None  # "Comité central" alone: an organ of a body the text names elsewhere
    first = _norm(words[0][2]).lower()
    if any(first.startswith(r) for r in lex.roles if " " not in r) and first in lex.roles:
        return None
    acronym = any(re.fullmatch(rf"[{UPPER}0-9&-]{{2,}}", w[2]) for w in words)
    head = _starts_with_phrase(text, s, lex.heads) is not None
    proper = all(_is_cap(w[2]) or fold(w[2]) in PARTICLES for w in words) and not doc.vocab.has_vector(first)
    if not (acronym or proper or (head and len(words) > 1)):
        return None
    return Hit(index, s, e, _clean_org(name), "organisation", 4)


def _resolve_overlaps(hits: list[Hit]) -> list[Hit]:
    """One mention per stretch of text within a layer (actors; places and countries)."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.priority, -(h.end - h.start), h.block, h.start)):
        layer = hit.type in ("person", "organisation")
        clash = any(k.block == hit.block and k.start < hit.end and hit.start < k.end
                    and (k.type in ("person", "organisation")) == layer for k in kept)
        if not clash:
            kept.append(hit)
    return kept


def _person_key(name: str) -> tuple[str, ...]:
    return tuple(fold(name.replace("-", " ")).split())


def _unify_persons(hits: list[Hit]) -> dict[tuple[str, ...], str]:
    """Spellings, short forms and surnames of one person -> the article's fullest name."""
    forms: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for hit in hits:
        if hit.type == "person":
            forms[_person_key(hit.name)][hit.name] += 1
    keys = sorted(forms, key=len, reverse=True)
    target: dict[tuple[str, ...], tuple[str, ...]] = {}
    for key in keys:
        longer = [k for k in keys if len(k) > len(key) and set(key) <= set(k) and k not in target]
        roots = {k for k in longer}
        # A short form goes to the one person it can mean, or to the one the article names most.
        maximal = [k for k in roots if not any(set(k) < set(o) for o in roots)]
        counts = sorted(((sum(forms[k].values()), k) for k in maximal), reverse=True)
        if len(counts) == 1 or (len(counts) > 1 and counts[0][0] > counts[1][0]):
            target[key] = counts[0][1]
    names = {}
    for key in keys:
        root = target.get(key, key)
        best = forms[root].most_common()
        names[key] = sorted(best, key=lambda f: (-f[1], -len(f[0])))[0][0]
    return names


def _role_phrases(index: int, text: str, lex: Lexicon) -> list[tuple[int, int, str, str | None]]:
    """Role phrases with no name after them: "le dirigeant turc", "le chef de l'Etat ukrainien"."""
    out = []
    plain = _plain(text)  # without case or accents ("chef de l'Etat" is "chef de l'État"); same offsets
    roles = "|".join(re.escape(_plain(r)) for r in sorted(lex.anaphoric, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w-])(?:le|la|l'|du|au|ce|cette)\s*({roles})(?![\w-])")
    for match in pattern.finditer(plain):
        end, country = match.end(), None
        qualifier = re.compile(r"\s+([\w-]+)").match(text, end)
        complement = re.compile(r"\s+(?:du|de\s+la|de\s+l'|de)\s*").match(plain, end)
        if qualifier and fold(qualifier.group(1)) in lex.demonyms:
            country, end = lex.demonyms[fold(qualifier.group(1))], qualifier.end()
        elif qualifier and _adjective(qualifier.group(1), lex):
            continue  # "le dirigeant local": a qualifier that names no country
        elif complement:
            geo = lex.geo_re.match(text, complement.end())
            if geo and _is_cap(geo.group(0)) and fold(geo.group(0)) in lex.geo:
                country, end = lex.geo[fold(geo.group(0))].country, geo.end()
        if re.match(rf"\s*,?\s+[{UPPER}]", text[end:end + 4]):
            continue  # the name follows: a title, not a reference back
        out.append((match.start(), end, lex_role(match.group(1), lex), country))
    # "le Brésilien": a capitalised demonym used as a noun names one person.
    for match in re.finditer(rf"(?<![\w-])(?:le|la|du|au)\s+([{UPPER}][\w-]+)(?![\w-])", text):
        if fold(match.group(1)) in lex.demonyms and not match.group(1).endswith("s"):
            out.append((match.start(), match.end(), "", lex.demonyms[fold(match.group(1))]))
    return out


def lex_role(plain: str, lex: Lexicon) -> str:
    """The lexicon's spelling of a role matched in accent-free text."""
    return next((r for r in lex.anaphoric if _plain(r) == plain), plain)


LEADING_ROLES = {"président", "présidente", "chef de l'état", "cheffe de l'état", "chef d'état", "chef du gouvernement", "cheffe du gouvernement", "dirigeant", "dirigeante", "leader", "chef", "cheffe", "premier ministre",
                 "première ministre", "roi", "reine", "chancelier", "chancelière", "homme fort", "numéro un",
                 "guide suprême", "secrétaire général", "secrétaire générale", "dictateur", "autocrate", "tsar"}


def _resolve_role(role: str, country: str | None, people: dict[str, list[tuple[str, str | None]]]) -> str | None:
    """The one person the article gives this role (and country), if there is exactly one."""
    def fits(entries, want_role):
        return any((want_role is None or r == want_role or r.startswith(want_role + " ") or r in want_role)
                   and (country is None or c in (None, country)) for r, c in entries)
    if role:
        exact = [p for p, entries in people.items() if fits(entries, role)]
        if len(exact) == 1:
            return exact[0]
        if exact or role not in LEADING_ROLES:
            return None
        loose = [p for p, entries in people.items() if any(r in LEADING_ROLES and c == country for r, c in entries)]
        return loose[0] if len(loose) == 1 and country else None
    national = [p for p, entries in people.items() if any(c == country for _, c in entries)]
    return national[0] if len(national) == 1 else None


def find_mentions(article: Article, sentences: Sequence[Span], docs: Sequence[Doc], knowledge: Knowledge) -> tuple[Mention, ...]:
    """Every person, organisation, country and place the article names, with the name each refers to."""
    lex = lexicon()
    hits: list[Hit] = []
    for index, (block, doc) in enumerate(zip(article.blocks, docs)):
        if block.kind == "section":
            continue  # rubric lines ("/ Monde - Asie") name the outlet's pages, not actors
        text = block.text
        if block.kind == "byline":
            # The byline names the publisher; its authors are not actors of the story.
            hits += [Hit(index, s, e, n, "organisation", 0) for s, e, n in byline_publishers(text)]
            continue
        hits += [Hit(index, s, e, n, "organisation", 0) for s, e, n in credits(text)]
        hits += _known(index, text, knowledge)
        marks = [m.start() for m in CREDIT.finditer(text)]
        # After "Photo:" come credits only: photographers and agencies, not actors of the story.
        hits += [h for h in _block_hits(index, text, doc, lex) if not any(h.start >= mark for mark in marks)]
    hits = _drop_weak_persons(_resolve_overlaps(hits))
    buildings = [h for h in hits if h.type == "place" and h.priority == 3]
    hits = [h for h in hits if not (h.type == "organisation" and any(
        b.block == h.block and b.start <= h.start and h.end <= b.end for b in buildings))]
    mentions, people = _named(article, hits, lex)
    mentions += _role_mentions(article, mentions, people, lex)
    mentions = _apply_knowledge(mentions, knowledge, article)
    return tuple(sorted(mentions, key=lambda m: (m.span, m.name)))


def _named(article: Article, hits: list[Hit], lex: Lexicon) -> tuple[list[Mention], dict[str, list]]:
    """Mentions under their article-wide names, and the roles (head, country) each person holds."""
    names = _unify_persons(hits)
    org_names = _unify_orgs([h for h in hits if h.type == "organisation"])
    countries = _resolve_ambiguous(hits, lex)
    people: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    mentions: list[Mention] = []
    for hit in hits:
        name = hit.name
        if hit.type == "person":
            name = names[_person_key(hit.name)]
            head = _role_head(hit.role, lex)
            if head:
                people[name].append((head, hit.country))
            elif hit.priority > 0:
                people.setdefault(name, [])
        elif hit.type == "organisation":
            name = org_names.get(fold(hit.name), hit.name)
        elif hit.type == "country":
            name = countries.get(hit.name, hit.name)
        text = article.blocks[hit.block].text[hit.start:hit.end]
        mentions.append(Mention(Span(hit.block, hit.start, hit.end), text, name, hit.type, hit.role))
    return mentions, people


def _role_mentions(article: Article, mentions: list[Mention], people: dict, lex: Lexicon) -> list[Mention]:
    """"le dirigeant turc" as a mention of the one person the article gives that role."""
    out = []
    for index, block in enumerate(article.blocks):
        if block.kind in ("section", "byline"):
            continue
        here = [m for m in mentions if m.span.block == index]
        for start, end, role, country in _role_phrases(index, block.text, lex):
            # "le ministre de l'Intérieur, Jean Dupont": a title of the name that follows.
            named = [m for m in here if m.type == "person" and 0 <= m.span.start - end < 60
                     and re.fullmatch(r"[\s\w'’,-]*", block.text[end:m.span.start])]
            inside = [m for m in here if m.span.start < end and start < m.span.end and m.type in ("person", "organisation")]
            who = None if named or inside else _resolve_role(role, country, people)
            if who:
                text = block.text[start:end]
                out.append(Mention(Span(index, start, end), text, who, "person", text))
    return out


def _role_head(role: str | None, lex: Lexicon) -> str | None:
    if not role:
        return None
    low = re.sub(r"^(?:l'|le |la |les )", "", _norm(role).lower())
    return next((r for r in lex.roles if low.startswith(r)), None)


def _drop_weak_persons(hits: list[Hit]) -> list[Hit]:
    """A capitalised common word tagged PER at a sentence start survives only as part of a known name."""
    strong = [h for h in hits if h.type == "person" and h.priority < 8]
    tokens = {t for h in strong for t in _person_key(h.name)}
    return [h for h in hits if not (h.type == "person" and h.priority >= 8 and not set(_person_key(h.name)) <= tokens)]


def _unify_orgs(hits: list[Hit]) -> dict[str, str]:
    """Within one article: "Parti de X" is X when X is named; a name plus "de <country>" is the same body."""
    lex = lexicon()
    forms: dict[str, Counter] = defaultdict(Counter)
    for hit in hits:
        forms[fold(hit.name)][hit.name] += 1
    out = {}
    keys = list(forms)
    for key in keys:
        target = key
        for head in lex.heads:
            match = re.match(rf"{re.escape(fold(head))} (?:de la |de l |du |des |de |d )(.+)$", key)
            if match and match.group(1) in forms and match.group(1) != key:
                target = match.group(1)
                break
        longer = [k for k in keys if k != key and k.startswith(key + " ") and _country_tail(k[len(key):], lex)]
        if len(longer) == 1:
            target = longer[0]
        out[key] = forms[target].most_common(1)[0][0]
    return out


def _country_tail(tail: str, lex: Lexicon) -> bool:
    match = re.match(r"\s*(?:de la |de l |du |des |de |d )(.+)$", tail)
    return bool(match) and lex.geo.get(match.group(1).strip()) is not None and lex.geo[match.group(1).strip()].kind == "country"


def _resolve_ambiguous(hits: list[Hit], lex: Lexicon) -> dict[str, str]:
    """An ambiguous short name (see geo.yml) is the one specific country the article names, when only one."""
    named = {h.name for h in hits if h.type == "country"}
    out = {}
    for key, candidates in lex.ambiguous.items():
        present = [c for c in candidates if c in named]
        if len(present) == 1:
            out[key] = present[0]
        else:
            out[key] = key
    return out


# --- The dossier's knowledge and the article's sidecar ---------------------------

def _known(index: int, text: str, knowledge: Knowledge) -> list[Hit]:
    """Every alias the dossier lists attaches its mention to that actor, whatever NER says."""
    hits = []
    for actor in knowledge.actors:
        for match in _alias_re((actor.name, *actor.aliases)).finditer(text):
            kind = actor.type if actor.type in ("person", "organisation", "country", "place") else "person"
            hits.append(Hit(index, match.start(), match.end(), actor.name, kind, -1))
    return hits


@lru_cache(maxsize=4096)
def _alias_re(aliases: tuple[str, ...]) -> re.Pattern:
    return _union(aliases)


def _apply_knowledge(mentions: list[Mention], knowledge: Knowledge, article: Article) -> list[Mention]:
    ignored = {fold(n) for n in (*knowledge.ignore, *article.sidecar.ignore)}
    known = {}
    for actor in knowledge.actors:
        for alias in (actor.name, *actor.aliases):
            known[fold(alias)] = actor
    out = []
    for mention in mentions:
        actor = known.get(fold(mention.name)) or known.get(fold(mention.text))
        if actor:
            mention = replace(mention, name=actor.name, type=actor.type)
        if mention.type in ("person", "organisation") and (fold(mention.name) in ignored or fold(mention.text) in ignored):
            continue
        out.append(mention)
    names = {fold(m.name) for m in out}
    for extra in article.sidecar.actors:
        if fold(extra) in names:
            continue
        actor = known.get(fold(extra))
        span = _find_in(article, extra)
        kind = actor.type if actor else ("person" if _looks_like_person(extra) else "organisation")
        out.append(Mention(span or Span(0, 0, 0), extra if span else "", actor.name if actor else extra, kind))
    return out


def _find_in(article: Article, name: str) -> Span | None:
    pattern = _union([name])
    for index, block in enumerate(article.blocks):
        match = pattern.search(block.text)
        if match:
            return Span(index, match.start(), match.end())
    return None


def _looks_like_person(name: str) -> bool:
    lex = lexicon()
    words = name.split()
    return 2 <= len(words) <= 4 and _person_ok(name, lex) and not re.search(rf"[{UPPER}]{{2,}}", name)
