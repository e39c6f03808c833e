"""Countries and places: the gazetteer, locative constructions, named buildings and NER places."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (APOS, LOCATIVE, NOT_ACTORS, PARTICLES, UPPER, Hit, Lexicon,
                      _adjective, _is_cap, _norm)
from .organisations import _clean_org, _org_at
from .persons import _strip_name
from .text import fold



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
        elif entry.kind == "institution" and not _locative(text, match.start(), lex, place_spans):
            yield Hit(block, match.start(), match.end(), entry.name, "organisation", 4)  # "le Quai d'Orsay a réagi"
        elif entry.kind in ("seat", "institution") and _locative(text, match.start(), lex, place_spans):
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
    return any(0 <= start - end <= 8 and re.fullmatch(r"\s*(?:de|d'|(?:et|,|ou)\s*(?:de|d'|du|à|au)?)\s*", _norm(text[end:start]))
               for _, end in place_spans)


def features(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Natural features named with their complement: "le golfe de Guinée", "la vallée du Rhône", "la mer Noire"."""
    if not lex.feature_heads:
        return []
    heads = "|".join(re.escape(h).replace("'", f"[{APOS}]") for h in lex.feature_heads)
    pattern = re.compile(rf"(?<![\w-])(?i:{heads})s?\s+(?:(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)"
                         rf"[{UPPER}][\w{APOS}-]*(?:\s+[{UPPER}][\w-]*)*|[{UPPER}][\w-]*)")
    hits = []
    for match in pattern.finditer(text):
        hits.append(Hit(block, match.start(), match.end(), match.group(0), "place", 2))
    return hits


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
            if kind == "country" and _is_cap(text[pos]) and comp_start == complements[0][0]:
                break  # "le Stade de France": a capitalised building named after a country
            if kind == "country" or (kind == "name" and lex.geo.get(fold(re.sub(r"^\W*(?:de la|de l'|du|des|de|d')\s*", "", _norm(text[comp_start:comp_end]))))):
                end = comp_start
                break
        body = text[pos:end]
        proper = [w for w in re.findall(r"[\w-]+", body)[1:] if _is_cap(w) and fold(w) not in NOT_ACTORS]
        if " " not in body.strip():
            continue  # the head alone ("Stade") names no building
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
