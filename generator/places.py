"""Countries and places: the gazetteer, locative constructions, named buildings and NER places."""
from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import (APOS, compile_with, LOCATIVE, NOT_ACTORS, PARTICLES, UPPER, Hit, Lexicon,
                      _adjective, _is_cap, _norm, _plain)
from .organisations import NAMED_HEADS, _clean_org, _org_at
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
        if not _capitals_kept(written, lex):
            continue  # "La réunion tourne court": a common noun, not "La Réunion"
        if entry.kind in ("city", "capital") and _TEXT_NAMED.search(text[max(0, match.start() - 30):match.start()]):
            continue  # "le Statut de Rome", "la convention de Genève": a text's name, not where it happens
        if entry.kind in ("country", "ambiguous"):
            yield Hit(block, match.start(), match.end(), entry.name, "country", 5)
        elif entry.kind == "institution" and not _locative(text, match.start(), lex, place_spans):
            yield Hit(block, match.start(), match.end(), entry.name, "organisation", 4)  # "le Quai d'Orsay a réagi"
        elif entry.kind in ("seat", "institution") and _locative(text, match.start(), lex, place_spans):
            yield Hit(block, match.start(), match.end(), written, "place", 5)  # "reçu à l'Elysée"
        elif entry.kind == "seat":
            # "selon un communiqué de l'Élysée": the seat speaking is the institution it houses.
            form = (lex.geo_forms or {}).get(fold(written), written)
            yield Hit(block, match.start(), match.end(), form, "organisation", 4)
        elif entry.kind == "city" or _locative(text, match.start(), lex, place_spans) \
                or not _governs(text, match.start(), match.end()):
            yield Hit(block, match.start(), match.end(), entry.name, "place", 5)
        else:
            # A capital that acts or speaks ("Varsovie a protesté", "selon Tokyo") is its government.
            yield Hit(block, match.start(), match.end(), entry.country, "country", 5)


# A treaty or a convention named after the town where it was signed.
_TEXT_NAMED = re.compile(r"(?i)(?<![\w-])(?:statut|traités?|conventions?|protocoles?|pactes?|chartes?|accords?)\s+(?:de\s+|d['’]\s*)$")


# "selon Tokyo", "Varsovie a protesté", "Pékin et Moscou dénoncent": a capital that speaks or acts.
# ("selon Washington et Séoul": both speak; "signé par Moscou et Pyongyang" is no saying.)
_SPEAKS_BEFORE = re.compile(rf"(?:(?i:par|pour|de\s+la\s+part\s+de|côté)\s+"
                            rf"|(?i:selon|d['’]après|à\s+en\s+croire)\s+(?:[{UPPER}][\w’'-]+\s+et\s+)?)$")
_ACTS_AFTER = re.compile(rf"^(?:\s*(?:,|et|ou)\s+[{UPPER}][\w’'-]+)*\s+(?:ne\s+|n['’]\s*|se\s+|s['’]\s*|l['’]\s*|le\s+|la\s+|les\s+|lui\s+|leur\s+|y\s+|en\s+)?"
                         r"(?:a|ont|avait|avaient|aurait|auraient|aura|auront|eut|eurent|fut|furent|va|vont|doit|doivent|veut|veulent|peut|"
                         r"peuvent|est|sont|était|étaient|sera|seront|"
                         r"(?!(?:une|cette|comme|entre|contre|elle|elles|selon|pendant|avec|lors|dans|depuis|avant|après)\b)"
                         r"[a-zéèêîôû]{2,}(?:e|ent|it|ait|aient|ra|ront))\b")


# "l'alliance entre Moscou et Pyongyang", "les relations entre Tokyo et Séoul": two governments.
_BETWEEN = re.compile(rf"(?i)\b(?:relations?|liens?|alliance|axe|rapprochement|coopération|partenariat|échanges|"
                      rf"tensions?|dialogue|accords?|traité|pacte|rencontre|sommet|entretiens?|négociations?|pourparlers|"
                      rf"rivalité|conflit|différend|amitié|fraternité)\b[^.;:]{{0,30}}\bentre\s+(?:[{UPPER}][\w’'-]+\s+(?:et|,)\s+)?$")
# "soupçonne Moscou de lui transférer": a capital that is to do something acts.
_TO_DO = re.compile(r"^\s+d(?:e\s+|['’]\s*)(?:lui\s+|leur\s+|se\s+|s['’]\s*)?[a-zéèêîôû]+(?:er|ir|re)\b")


# "s'envolait pour Minsk", "a quitté Oslo pour Berlin", "en route pour Rome", "un vol pour Oslo": "pour" a destination follows.
_BOUND_FOR = re.compile(r"(?i)\b(?:envol\w*|(?:re)?part(?:i|ie|is|ies|ait|aient|ira|iront|ir|ent)?|quitt\w*|décoll\w*|"
                        r"embarqu\w*|en\s+route|direction|vols?|trains?|billets?|avions?|bus|ferrys?|liaisons?|trajets?)"
                        rf"(?:\s+[\w’'-]+){{0,6}}?\s+pour\s+(?:[{UPPER}][\w’'-]+\s+et\s+)?$")


def _governs(text: str, start: int, end: int) -> bool:
    """Whether a capital stands for its government here: it speaks or acts, it is not where things happen."""
    before, after = text[max(0, start - 80):start], text[end:end + 60]
    speaks = _SPEAKS_BEFORE.search(before) and not _BOUND_FOR.search(before)
    return bool(speaks or _BETWEEN.search(before) or _ACTS_AFTER.match(after) or _TO_DO.match(after))


def _capitals_kept(written: str, lex: Lexicon) -> bool:
    """Every word the gazetteer writes with a capital is capitalised in the text (sentence starts aside)."""
    form = (lex.geo_forms or {}).get(fold(written))
    if not form:
        return True
    ours, theirs = re.split(r"[\s\-\u00a0]+", written), re.split(r"[\s\-\u00a0]+", form)
    if len(ours) != len(theirs):
        return True
    return all(not t[:1].isupper() or o[:1].isupper() for o, t in zip(ours[1:], theirs[1:]))


# A proper name, its inner particles included: "République", "Charles-de-Gaulle", "ducs de Bretagne"'s "Bretagne".
_PROPER = rf"[{UPPER}][\w{APOS}-]*(?:\s+(?:(?:de\s+la|de\s+l[{APOS}]|du|des|de|d[{APOS}]|la|le|les)\s*)?[{UPPER}][\w{APOS}-]*)*"
_LINK = rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)"


def streets(block: int, text: str, lex: Lexicon, locations: list[tuple[int, int]] = ()) -> list[Hit]:
    """Streets, squares, stations and monuments with their name, wherever they stand: "reçus rue de Varenne",
    "la gare de Lyon" (whose city is not a place of the article), "le château des ducs de Bretagne"."""
    hits = []
    if lex.street_heads:
        pattern = compile_with(rf"(?<![\w-])(?i:@WORDS@)\s+{_LINK}?{_PROPER}", lex.street_heads)
        for match in pattern.finditer(text):
            if not _is_cap(re.sub(rf"^\S+\s+{_LINK}?", "", match.group(0))):
                continue
            if re.search(r"(?i)à\s+la\s+$", text[:match.start()]) and re.match(r"(?i)place\s+d(?:e\s+[^l]|u|es|')", match.group(0)):
                continue  # "à la place de Jean": instead of him
            if re.match(rf"passages?\s+{_LINK}", match.group(0)):
                continue  # "le passage de Chido", "le passage de la Patrouille de France": going by, not an arcade
            if fold(match.group(0)) in lex.geo or fold(re.sub(r"^\S+\s+", "", match.group(0))) in lex.geo and \
                    lex.geo[fold(re.sub(r"^\S+\s+", "", match.group(0)))].kind in ("institution", "seat"):
                continue  # "place Beauvau", "hôtel Matignon": the gazetteer's seats decide
            end = _before_town(text, match.start(), match.end(), lex, locations)
            hits.append(Hit(block, match.start(), end, _clean_place(text[match.start():end]), "place", 2))
            if end < match.end():  # the town after the site ("... de Villeneuve-d'Ascq")
                town = re.compile(rf"\s*{_LINK}").match(text, end).end()
                if fold(text[town:match.end()]) not in lex.geo:
                    hits.append(Hit(block, town, match.end(), text[town:match.end()], "place", 6))
    if lex.monument_heads:
        pattern = compile_with(rf"(?<![\w-])(?i:@WORDS@)\s+{_LINK}[a-zà-öø-ÿ-]+(?:\s+[a-zà-öø-ÿ-]+)?\s+{_LINK}{_PROPER}",
                               lex.monument_heads)
        hits += [Hit(block, m.start(), m.end(), _clean_place(m.group(0)), "place", 2) for m in pattern.finditer(text)]
    # "le Centre international de conférences Mahatma Gandhi", "le palais des sports Marcel-Cerdan": a hall named
    # after someone, its kind between; the name is the hall's, not a person taking part.
    for m in _HALL_NAMED.finditer(text):
        hits.append(Hit(block, m.start(), m.end(), _clean_place(m.group(0)), "place", 2))
    return hits


_HALL_NAMED = re.compile(rf"(?<![\w-])(?i:centre|palais|salle|maison|complexe|halle|espace)(?:\s+[a-zà-öø-ÿ-]+)?\s+"
                         rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+)[a-zà-öø-ÿ-]{{4,}}\s+"
                         rf"[{UPPER}][\w{APOS}-]*(?:\s+[{UPPER}][\w{APOS}-]*)+")


def _before_town(text: str, start: int, end: int, lex: Lexicon, locations) -> int:
    """"le stade Pierre-Mauroy de Villeneuve-d'Ascq": the town that locates a named site is not part of its name."""
    head_end = re.match(r"\S+\s+", text[start:end]).end() + start
    for link in re.finditer(rf"\s+{_LINK}", text[head_end:end]):
        at = head_end + link.end()
        if link.start() == 0 or text[head_end:head_end + link.start()].split()[-1] in lex.person_first_names:
            continue  # "gare de Lyon": the first complement is the name itself; "Charles de Gaulle" a person's
        town = re.match(rf"[{UPPER}][\w{APOS}-]*", text[at:]).group(0)
        known = lex.geo_re.match(text, at)
        if "-" in town or any(s == at for s, _ in locations) or (known and fold(known.group(0)) in lex.geo):
            return head_end + link.start()
    return end


def _clean_place(name: str) -> str:
    return _clean_org(name)  # one spelling for every named site: "Gare de Lyon", "Stade Mohammed-V"


def bracketed_places(block: int, text: str, lex: Lexicon, locations: list[tuple[int, int]]) -> list[Hit]:
    """"Neuilly-sur-Seine (Hauts-de-Seine)": a name followed by its département or region in brackets is a place."""
    hits = []
    pattern = re.compile(rf"([{UPPER}][\w{APOS}]*(?:-[\w{APOS}]+)*)\s*\(\s*([{UPPER}][^()]{{1,40}}?)\s*\)")
    for match in pattern.finditer(text):
        inner = (match.start(2), match.end(2))
        known = lex.geo.get(fold(match.group(2)))
        if not (inner in locations or (known and known.kind in ("country", "city", "capital"))):
            continue
        name = match.group(1)
        named_place = any(s <= match.start(1) and match.end(1) <= e for s, e in locations)
        if not (named_place or re.search(r"-(?:sur|sous|en|lès|lez|le|la|les|de|du|d['’])", name)):
            continue  # "la Compagnie minière du Nord (CMN)": a short form, not a département
        if fold(name) in NOT_ACTORS or fold(name) in lex.demonyms or fold(name) in lex.geo:
            continue
        hits.append(Hit(block, match.start(1), match.end(1), name, "place", 6))
    return hits


def _locative(text: str, start: int, lex: Lexicon, place_spans: list[tuple[int, int]]) -> bool:
    """Is the name at `start` where French puts a place: after "à", "en", "dans la région de"...?"""
    before = text[max(0, start - 80):start]
    if LOCATIVE.search(before):
        return True
    low = _norm(before).lower()
    # "la région (frontalière) (ukrainienne) de Kharkiv", "la capitale Lima"
    for head in lex.place_heads:
        if head in low and re.search(rf"(?<![\w-]){re.escape(head)}s?(?:\s+[\w'-]+){{0,3}}\s+(?:de\s+|d'|du\s+)?$", low):
            words = re.search(rf"{re.escape(head)}s?((?:\s+[\w'-]+){{0,3}})\s+(?:de\s+|d'|du\s+)?$", low).group(1).split()
            if all(_adjective(w, lex) or w in ("de", "du", "d'") for w in words):
                return True
    # "le palais de la Nation de Kinshasa": a place right before, joined by "de";
    # "à Paiporta et Utiel", "à Lyon, Nantes et Lille": the list goes on.
    return any(0 <= start - end <= 8 and re.fullmatch(r"\s*(?:de|d'|(?:et|,|ou)\s*(?:de|d'|du|à|au)?)\s*", _norm(text[end:start]))
               for _, end in place_spans)


def seats(block: int, text: str, lex: Lexicon, place_spans: list[tuple[int, int]]) -> list[Hit]:
    """"a annoncé le Palais royal": a seat of power speaks as an institution; "se rendre au Palais royal": a place."""
    if lex.seats_re is None:
        return []
    hits = []
    for match in lex.seats_re.finditer(text):
        name = _clean_org(match.group(0).split()[0] + " " + " ".join(match.group(0).split()[1:]).lower())
        kind = "place" if _locative(text, match.start(), lex, place_spans) else "organisation"
        hits.append(Hit(block, match.start(), match.end(), name, kind, 1))
    return hits


def localities(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"au cosmodrome de Vostotchny", "le port nord-coréen de Chongjin": a facility written in lower case and
    named after its town locates the story in that town (the facility's own name stays in the text)."""
    if not lex.locality_heads:
        return []
    pattern = compile_with(rf"(?<![\w-])(?:@WORDS@)(?:\s+de\s+ski|\s+balnéaire|\s+spatial)?((?:\s+[a-zà-ÿ-]+){{0,2}}?)"
                           rf"\s+(?:de\s+|d[’']\s*)({_TOWN})", lex.locality_heads)
    hits = []
    for match in pattern.finditer(text):
        if match.group(1).split() and not all(_adjective(w, lex) for w in match.group(1).split()):
            continue
        for start, end in [match.span(2), *_listed_after(text, match.end(2))]:
            hits += _town(block, text, start, end, lex)
    # "les communes du Nord (Mtsamboro, Acoua, Bandraboua)": the towns a plural head lists in brackets.
    listed = compile_with(rf"(?<![\w-])(?:@WORDS@)(?<=[sx])(?:\s+[\w’'-]+){{0,3}}?"
                          rf"\s*\(\s*({_TOWN}(?:\s*(?:,|et|ou)\s*{_TOWN})+)\s*\)", lex.locality_heads)
    for match in listed.finditer(text):
        for town in re.finditer(_TOWN, match.group(1)):
            hits += _town(block, text, match.start(1) + town.start(), match.start(1) + town.end(), lex)
    return hits


def _town(block: int, text: str, start: int, end: int, lex: Lexicon) -> list[Hit]:
    geo = lex.geo.get(fold(text[start:end]))
    if geo is not None and geo.kind == "country":
        return []   # "la base de Russie": no town
    return [Hit(block, start, end, geo.name if geo else text[start:end], "place", 2)]


_TOWN = rf"[{UPPER}][\w’'-]*(?:[\s-][{UPPER}][\w’'-]*)*"
_MORE_TOWNS = re.compile(rf"\s*(?:,|,?\s+(?P<last>et|ou))\s+(?P<de>de\s+|d[’']\s*)?({_TOWN})")


def _listed_after(text: str, end: int) -> list[tuple[int, int]]:
    """"de Kawéni, de Kahani ou de Mtsapéré", "de Dzoumogné, Kahani et Mramadoudou": the names that go on a list
    of places; a name after a comma alone may start the next clause ("au port de Brest, Jean Dupont a dit")."""
    found, pending = [], []
    while (more := _MORE_TOWNS.match(text, end)) is not None:
        pending.append(more.span(3))
        end = more.end(3)
        if more.group("de") or more.group("last"):
            found, pending = found + pending, []
        if more.group("last"):
            break
    return found


# "Boulogne-sur-Mer", "Châlons-en-Champagne", "Ville-sur-l'Orne": a town named after what it stands on.
_COMPOUND_TOWN = re.compile(rf"(?<![\w-])[{UPPER}][\w]+(?:-[{UPPER}][\w]+)*-(?:sur|sous|en|lès|lez|aux)-"
                            rf"(?:l[{APOS}]|la-|le-|les-)?[{UPPER}][\w]+(?:-[{UPPER}][\w]+)*")


def compound_towns(block: int, text: str) -> list[Hit]:
    return [Hit(block, m.start(), m.end(), m.group(0), "place", 3) for m in _COMPOUND_TOWN.finditer(text)]


def features(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Natural features named with their complement: "le golfe de Guinée", "la vallée du Rhône", "la mer Noire";
    a city's district by its number: "le 14e arrondissement"."""
    hits = [Hit(block, m.start(), m.end(), f"{m.group(1)}{'er' if m.group(1) == '1' else 'e'} arrondissement",
                "place", 2) for m in _ARRONDISSEMENT.finditer(text)]
    if not lex.feature_heads:
        return hits
    pattern = compile_with(rf"(?<![\w-])(?i:@WORDS@)s?\s+(?:(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)"
                           rf"[{UPPER}][\w{APOS}-]*(?:\s+[{UPPER}][\w-]*)*|[{UPPER}][\w-]*)", lex.feature_heads, apostrophes=True)
    for match in pattern.finditer(text):
        hits.append(Hit(block, match.start(), match.end(), match.group(0), "place", 2))
    return hits


_ARRONDISSEMENT = re.compile(r"(?<![\w-])(1|[2-9]|1\d|20)(?:e|er|ème|eme)\s+arrondissement(?![\w-])", re.I)


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
    if _plain(text[start:end].split()[0]) in NAMED_HEADS and " " in text[start:end] \
            and not _locative(text, start, lex, place_spans):
        # "le musée du Louvre restera fermé": the museum, which acts ("au musée du Louvre": the place).
        return Hit(block, start, end, _clean_org(text[start:end]), "organisation", 4)
    trimmed = _strip_name(text, start, end, lex)
    if not trimmed:
        return None
    start, end = trimmed
    # "à l'Institut Pasteur": a school named by its head is an institution, wherever one teaches.
    if _plain(text[start:end].split()[0]) in NAMED_HEADS and text[start].isupper() and " " in text[start:end]:
        return Hit(block, start, end, _clean_org(text[start:end]), "organisation", 4)
    low = _norm(text[start:end]).lower()
    apposed = False   # "la province Sud": the head and its name in apposition, no "de" between
    for head in lex.place_heads:
        if low.startswith(head + " "):
            rest = re.match(r"\s*(?:de\s+la\s+|de\s+l'\s*|du\s+|des\s+|de\s+|d'\s*)?", _norm(text[start + len(head):end]))
            apposed = not rest.group(0).strip()
            start = start + len(head) + rest.end()
            break
    name = text[start:end]
    head_before = re.search(r"([\w-]+)\s+$", text[max(0, start - 30):start])
    apposed = apposed or bool(head_before and _norm(head_before.group(1)).lower() in lex.place_heads)
    if apposed and fold(name) in _COMPASS:
        return None   # "la province Sud" is no place called "Sud" ("la région du Nord" is the Nord)
    # A hyphen joins one name, whatever its inner words ("Mar-a-Lago", "Aix-en-Provence").
    words = name.split()
    if not words or any(not _is_cap(w) and fold(w) not in PARTICLES for w in words):
        return None
    if fold(name) in lex.demonyms or fold(name) in NOT_ACTORS or fold(name) in lex.geo or fold(name) in _NO_PLACE:
        return None
    # "s'installe à la Défense", "qui pilotait l'Industrie": a ministry's portfolio after a verb of office
    # ("vingt jours à la Santé" is the prison).
    if name.lower() in lex.portfolios and _OFFICE.search(text[max(0, start - 40):start]):
        return None
    if not _locative(text, start, lex, place_spans):
        return None
    return Hit(block, start, end, name, "place", 6)


# A verb or a title of office before a portfolio: "s'installe à la", "pilotait l'", "le ministre russe de la".
_OFFICE = re.compile(rf"(?<![\w-])(?:s[{APOS}]\s*install\w*|rest\w*|pass\w*|arriv\w*|pilot\w*|hérit\w*|nommée?s?|"
                     rf"chargée?s?|conserv\w*|gard\w*|quitt\w*|revien\w*|reprend\w*|obtien\w*|dirig\w*"
                     # "le ministre russe de la Défense", "son successeur à la Défense"
                     rf"|(?:ministres?|secrétaires?|successeure?s?|prédécesseure?s?|titulaires?)(?:\s+[\w-]+){{0,2}}?)"
                     rf"(?:\s+(?:à|de))?\s+(?:la|l[{APOS}])\s*$")

# Words that alone name no place: a kind of place written with a capital for the one the reader knows
# ("à la Région", "au Centre").
_NO_PLACE = {"centre", "region", "province", "departement", "commune", "territoire", "archipel"}
_COMPASS = {"nord", "sud", "est", "ouest", "nord est", "nord ouest", "sud est", "sud ouest"}


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
