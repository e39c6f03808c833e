"""Organisations French news names by a cue around the name, not by a head noun: a kind noun ("le cabinet X"),
an apposition ("X, la filiale de ..."), an acronym in brackets, a role held in it ("le PDG d'X"), "&", a team."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .lexicon import (APOS, compile_with, NOT_ACTORS, UPPER, Hit, Lexicon, _adjective, _plain, _plain_all,
                      _starts_with_phrase, written_again)
from .organisations import NAMED_HEADS
from .text import fold

NAME = rf"[{UPPER}][\w{APOS}-]*(?:\s+(?:&\s+)?[{UPPER}0-9][\w{APOS}-]*)*"
DET = rf"(?:le|la|les|l[{APOS}]|un|une|du|des|au|aux|son|sa|ses|leur|ce|cette)"
# Words that break a long name read backwards from its bracketed acronym: verbs and clause words.
BREAKS = {"a", "ont", "est", "sont", "été", "avait", "avaient", "sera", "et", "ou", "qui", "que", "qu", "dont",
          "où", "mais", "par", "avec", "contre", "selon", "après", "avant", "depuis", "pour", "sur", "dans"}
# "le XV de France", "l'équipe d'Angleterre", "la sélection du Maroc": a national team.
TEAM = re.compile(rf"(?<![\w-])(?:XV|Quinze|quinze|[ée]quipe|sélection|Onze|onze)\s+(?:de\s+la\s+|de\s+l[{APOS}]|du\s+|des\s+|de\s+|d[{APOS}])"
                  rf"[{UPPER}][\w-]*")


def cue_hits(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """Every organisation one of these cues names in one block of text."""
    return [*_bracketed(block, text, lex), *_after_kind_noun(block, text, lex), *_apposition(block, text, lex),
            *_ampersand(block, text), *_role_of(block, text, lex), *_teams(block, text), *_bare_heads(block, text, lex),
            *_compound_acronyms(block, text, lex), *_political_family(block, text, lex)]


def _usable(name: str, lex: Lexicon) -> bool:
    key = fold(name)
    return bool(key) and key not in lex.geo and key not in NOT_ACTORS and key not in lex.demonyms \
        and _plain(name) not in _plain_all(lex.roles) and _plain(name) not in _plain_all(lex.kind_nouns)


def _bracketed(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"la Compagnie minière du Nord (CMN)": a long name and the short form the article then uses."""
    hits = []
    # "(ANVP)", "(ANVP, selon son sigle anglais)", "(BCD en anglais)"
    for match in re.finditer(rf"\(\s*([{UPPER}][\w&-]{{1,14}})\s*(?:,\s*(?:selon|d{APOS}après|pour|de)\s+"
                             rf"(?:son|sa|leur|l{APOS}|le|la)\s*(?:acronyme|sigle|abréviation|nom)[^()]{{0,20}}"
                             rf"|,?\s+en\s+\w+)?\s*\)", text):
        short = match.group(1)
        start = _long_form_start(text, match.start(), lex)
        if start is None or not _usable(short, lex):
            continue
        end = match.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        start = _initials_start(text, start, end, short)
        long_name = text[start:end]
        if fold(long_name) in lex.geo or len(long_name.split()) < 2:
            continue
        if long_name.split()[0] in lex.person_first_names and len(long_name.split()) <= 3:
            continue  # "Frédéric Souillot (FO)": a person, then the body they speak for
        if _person_shaped(long_name, short, lex):
            continue  # "Jan Jambon (N-VA)": so is a name of two or three words whose initials the short form is not
        name = lex.bodies.get(fold(short)) or lex.bodies.get(fold(long_name)) or short
        hits.append(Hit(block, start, end, name, "organisation", 1))
        hits.append(Hit(block, match.start(1), match.end(1), name, "organisation", 1))
    return hits


def _person_shaped(long_name: str, short: str, lex: Lexicon) -> bool:
    words = long_name.split()
    initials = "".join(w[0] for w in words).upper()
    heads = {*_plain_all(lex.heads), *_plain_all(lex.kind_nouns)}
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() and _plain(w) not in heads for w in words) \
        and re.sub(r"[^\w]", "", short).upper() != initials


# A sentence's capitalised first word that cannot start a name ("Le premier rapport de l'Équipe ... (X)").
_OPENING_WORDS = {"le", "la", "les", "l'", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
                  "leurs", "selon", "pour", "dans", "avec", "après", "avant", "depuis", "en", "à", "au", "aux"}


_LINKS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en"}


def _initials_start(text: str, start: int, end: int, short: str) -> int:
    """"retirer la République du Niger du Statut de Rome de la Cour pénale internationale (CPI)": the long
    form is the last words whose initials the short form spells, when the words before them are not in it."""
    words = [m for m in re.finditer(r"[\w]+", text[start:end]) if m.group(0).lower() not in _LINKS]
    initials = "".join(w.group(0)[0] for w in words).upper()
    letters = short.upper()
    if len(letters) < 2 or initials == letters or not initials.endswith(letters):
        return start
    return start + words[len(words) - len(letters)].start()


def _long_form_start(text: str, paren: int, lex: Lexicon) -> int | None:
    """Where the name before a bracketed short form starts: its first capitalised word after a determiner
    or a kind noun ("l'opérateur Électricité de Bergen (EDB)")."""
    words = list(re.finditer(rf"[\w-]+[{APOS}]?|[,;:«»\"().]", text[:paren]))
    start = None
    for i in range(len(words) - 1, max(-1, len(words) - 16), -1):
        word = words[i].group(0)
        if word in ",;:«»\"()." or word.lower() in BREAKS and not (
                word.lower() == "contre" and i and words[i - 1].group(0).lower() == "lutte"):
            break   # ("Office central de lutte contre ...": what a fight is against is part of its name)
        # "à la RTS le Département fédéral ... (DFAE)": an article not after "de" opens the name found.
        if start is not None and word.lower().replace("’", "'") in ("le", "la", "les", "l'", "un", "une") \
                and (i == 0 or words[i - 1].group(0).lower() not in ("de", "à")):
            break
        if word[0].isupper() and word.lower().replace("’", "'") not in _OPENING_WORDS:
            before = words[i - 1].group(0).lower().replace("’", "'") if i else ""
            if not before or before in ("le", "la", "les", "l'", "du", "de", "des", "d'", "au", "aux", "à") \
                    or before in ",;:«»\"(.":
                start = words[i].start()
            elif i and words[i - 1].group(0)[:1].islower() and _plain(before) in _plain_all(lex.kind_nouns):
                start = words[i].start()
                break
    return start


def _after_kind_noun(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"le cabinet Ardent", "le groupe français Valmy", "son rival américain Boeing": the kind noun says what X is."""
    hits = []
    pattern = compile_with(rf"(?<![\w-])(?i:{DET})\s*(?i:@WORDS@)((?:\s+[a-zà-öø-ÿ-]+){{0,2}})\s+({NAME})",
                           lex.kind_nouns, apostrophes=True)
    for match in pattern.finditer(text):
        if not all(_adjective(w, lex) for w in match.group(1).split()):
            continue
        name, end = match.group(2), match.end(2)
        head = re.search(r"[\w-]+$", text[:match.start(2)].rstrip())
        if head and head.group(0)[:1].isupper() and _plain(head.group(0)) in NAMED_HEADS and not match.group(1).strip():
            continue   # "l'Institut Pasteur": the head is part of the name, which the model gives whole
        if lex.geo_re.fullmatch(name) or not _usable(name, lex):
            # "le parti Suède unie": a place or a common word the adjective after it makes a name.
            more = re.match(r"(?:\s+[a-zà-öø-ÿ-]+){1,2}?(?=[\s,.;:)]|$)", text[end:])
            if more and all(_adjective(w, lex) for w in more.group(0).split()):
                name, end = name + more.group(0), end + more.end()
        if not name[0].isupper() or not _usable(name, lex) or lex.geo_re.fullmatch(name):
            continue
        hits.append(Hit(block, match.start(2), end, lex.agencies.get(fold(name), name), "organisation", 3))
    return hits


def _apposition(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"la Cominor, la filiale malienne d'un groupe": a name in apposition with a kind noun."""
    pattern = compile_with(rf"(?<![\w-])(?i:la|le|l[{APOS}]|de\s+la|du)\s*({NAME})\s*,\s+(?:la|le|l[{APOS}]|un|une)\s*"
                           rf"(?:@WORDS@|filiale)\b", lex.kind_nouns)
    return _named_organisations(pattern, block, text, lex)


def _ampersand(block: int, text: str) -> list[Hit]:
    """"Pratt & Whitney", "Procter & Gamble": names joined by "&" are one firm (people are joined by "et")."""
    pattern = re.compile(rf"(?<![\w-])[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)?\s*&\s*[{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)?")
    return [Hit(block, m.start(), m.end(), m.group(0), "organisation", 2) for m in pattern.finditer(text)]


def _role_of(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"le PDG d'Airbus", "la directrice générale de Renault": a role held in a company names the company."""
    roles = ("pdg", "président exécutif", "présidente exécutive", "directeur général", "directrice générale",
             "patron", "patronne", "fondateur", "fondatrice", "directeur financier", "directrice financière",
             "actionnaire", "salariés", "salarié", "filiale", "dirigeants", "direction",
             # "le président de X", "le bureau de X": the offices and organs of a party or a body.
             "président", "présidente", "vice-président", "vice-présidente", "coprésident", "coprésidente",
             "leader", "cheffe de file", "chef de file", "secrétaire général", "secrétaire générale",
             "porte-parole", "bureau", "militants", "cadres", "élus", "députés")
    pattern = compile_with(rf"(?<![\w-])(?i:@WORDS@)\s+(?:de\s+|d[{APOS}]\s*|du\s+)({NAME})", roles)
    return _named_organisations(pattern, block, text, lex)


def _named_organisations(pattern: re.Pattern, block: int, text: str, lex: Lexicon) -> list[Hit]:
    """The names a cue pattern captures (group 1), unless they are places or not name-like."""
    return [Hit(block, m.start(1), m.end(1), m.group(1), "organisation", 3) for m in pattern.finditer(text)
            if _usable(m.group(1), lex) and not lex.geo_re.fullmatch(m.group(1))
            and not _adjective(_next_word(text, m.end(1)), lex)
            and not lex.geo_re.fullmatch(re.sub(rf"^(?:La|Le|Les|L[{APOS}])\s*", "", m.group(1)))
            and m.group(1).split()[0] not in lex.person_first_names and m.group(1)[0] not in "0123456789"
            # "du Département d'État": a head the name goes on from is the grammar's, not this cue's.
            and (_starts_with_phrase(text, m.start(1), lex.heads) or 0) <= m.end(1)]


def _bare_heads(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"renversé par la Chambre", "la présidente de la Commission": a head noun written with a capital after its
    article, alone, is the proper name of one institution (French capitalises "la Chambre", not "la chambre")."""
    return [Hit(block, m.start(1), m.end(1), m.group(1), "organisation", BARE) for m in _bare_pattern(lex.bare_heads).finditer(text)
            if m.group(1)[0].isupper() and not m.group(1).isupper() and _usable(m.group(1), lex)
            and not _adjective(_next_word(text, m.end(1)), lex)]   # "le Comité central du ...": a longer name


@lru_cache(maxsize=4)
def _bare_pattern(heads: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(h) for h in sorted(heads, key=lambda h: (-len(h), h)) if " " not in h and "-" not in h)
    # Neither a capitalised word nor a complement with one after it: those make a longer name.
    return re.compile(rf"(?<![\w-])(?i:la|le|l[{APOS}]|du|au|à\s+la|de\s+la)\s*((?i:{alt}))(?![\w-])"
                      rf"(?!\s+[{UPPER}0-9])(?!\s+(?:de|du|des|d[{APOS}])\s+[{UPPER}])")


BARE = 5  # the priority of a bare head's hit


def _next_word(text: str, end: int) -> str:
    found = re.match(r"\s+([\w-]+)", text[end:end + 40])
    return found.group(1) if found else ""


def short_forms(hits: list[Hit], texts: list[str | None], lex: Lexicon) -> list[Hit]:
    """"le 8e Congrès du Parti ... Après le Congrès": where the article writes the head with a complement
    or an ordinal, the bare head is that longer name's short form, not an institution of its own."""
    bare = {h.name for h in hits if h.type == "organisation" and h.priority == BARE and fold(h.name) in {fold(x) for x in lex.heads}}
    if not bare:
        return hits
    whole = "\n".join(t for t in texts if t)
    longer = {name for name in bare if re.search(
        rf"(?:\d+(?:e|er|ème)\s+{re.escape(name)}|{re.escape(name)}\s+(?:de\s+|du\s+|des\s+|d[{APOS}]\s*)[{UPPER}])", whole)}
    # "Le vice-président du Conseil de sécurité nordique": where the text goes on with a longer name the
    # article gives elsewhere, the bare head was that name cut short.
    full = sorted({h.name for h in hits if h.type == "organisation" and h.priority != BARE
                   and any(h.name.startswith(name + " ") for name in bare)}, key=len, reverse=True)
    out = []
    for h in hits:
        if h.type == "organisation" and h.name in bare:
            text = texts[h.block] or ""
            whole_name = next((f for f in full if text.startswith(f, h.start)), None)
            if whole_name:
                out.append(replace(h, end=h.start + len(whole_name), name=whole_name))
                continue
            if h.name in longer or any(f.startswith(h.name + " ") for f in full):
                continue
        out.append(h)
    return out


def _compound_acronyms(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"la N-VA", "le CD&V", "PTB-PVDA": capitals joined by a hyphen or "&" make an acronym, and an acronym
    the gazetteer does not know as a place names a body."""
    pattern = re.compile(rf"(?<![\w&-])[{UPPER}]{{1,6}}(?:[-&][{UPPER}]{{1,6}})+(?![\w&-])")
    return [Hit(block, m.start(), m.end(), m.group(0), "organisation", 3) for m in pattern.finditer(text)
            if len(m.group(0).replace("-", "").replace("&", "")) >= 3 and _usable(m.group(0), lex)
            and m.group(0) not in lex.common_acronyms]


# Political families named by their members: "les socialistes flamands de X", "les écologistes de X".
FAMILIES = ("socialistes", "sociaux-démocrates", "libéraux", "libérales", "écologistes", "nationalistes", "conservateurs",
            "chrétiens-démocrates", "démocrates-chrétiens", "centristes", "communistes", "travaillistes", "verts",
            "populistes", "souverainistes", "indépendantistes", "insoumis", "républicains", "démocrates", "militants",
            "partisans", "sympathisants", "adhérents")


def _political_family(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """"les socialistes flamands de X": a political family, then the party it forms."""
    pattern = compile_with(rf"(?<![\w-])(?i:@WORDS@)((?:\s+[a-zà-öø-ÿ-]+){{0,2}})\s+(?:de\s+|d[{APOS}]\s*|du\s+)({NAME})",
                           FAMILIES)
    # "les partisans de M. Faye": a person's followers, no party.
    return [hit for m in pattern.finditer(text) if all(_adjective(w, lex) for w in m.group(1).split())
            and not re.match(r"(?:M|Mme|Mlle|Mgr|Me|Dr|Pr)\.", text[m.start(2):m.end(2) + 1])
            for hit in _named_organisations(NAMED, block, m.group(2), lex)
            for hit in [Hit(block, m.start(2), m.end(2), m.group(2), "organisation", 3)]]


NAMED = re.compile(r"(.+)")


def _teams(block: int, text: str) -> list[Hit]:
    """"le XV de France", "l'équipe d'Angleterre": a national team is an organisation, not the country."""
    hits = []
    for match in TEAM.finditer(text):
        name = match.group(0)
        hits.append(Hit(block, match.start(), match.end(), name[0].upper() + name[1:], "organisation", 2))
    return hits


def propagate(hits: list[Hit], texts: list[str | None], lex: Lexicon) -> list[Hit]:
    """A name the article shows once to be an organisation or a place is that wherever else it is written."""
    known: dict[str, tuple[str, str]] = {}
    for hit in hits:
        if hit.type in ("organisation", "place") and hit.priority <= 6:
            written = texts[hit.block][hit.start:hit.end] if texts[hit.block] is not None else ""
            if written[:1].isupper() and " " not in written.strip() and fold(written) not in lex.geo:
                known.setdefault(written, (hit.name, hit.type))
    if not known:
        return []
    pattern = re.compile(r"(?<![\w@.-])(?:" + "|".join(re.escape(k) for k in sorted(known, key=len, reverse=True))
                         + r")(?![\w@-])")
    return [Hit(index, match.start(), match.end(), *known[match.group(0)], 7) for index, match in written_again(pattern, texts)]
