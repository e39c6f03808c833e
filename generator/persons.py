"""Persons: NER names trimmed of titles, the roles written around them, and one name per person in an article."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from .lexicon import (APOS, compile_with, DETERMINERS, NOT_ACTORS, PARTICLES, TIME_WORDS, UPPER, Hit,
                      Lexicon, _adjective, _is_cap, _norm, _plain, lexicon, written_again)
from .text import fold



# Particles that open a surname after a title ("le général de Gaulle", "M. de Villepin").
_SURNAME_PARTICLES = frozenset({"de", "van", "von", "di", "da", "del", "della", "dos", "das"})


def _strip_name(text: str, start: int, end: int, lex: Lexicon) -> tuple[int, int] | None:
    """Trim a NER span to its name tokens: honorifics, titles, determiners and dates out."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(rf"[\w{APOS}.-]+", text[start:end])]
    honorific = False   # the word just dropped was a title before a name ("général", "M.")
    while words:
        low = fold(words[0][2])
        two = fold(" ".join(w[2] for w in words[:2]))
        role = next((n for n in (3, 2, 1) if _norm(" ".join(w[2] for w in words[:n])).lower() in lex.roles), 0)
        if role and len(words) > role:
            honorific = fold(" ".join(w[2] for w in words[:role])) in lex.honorifics
            words = words[role:]
            continue
        if honorific and low in _SURNAME_PARTICLES and len(words) == 2 and _is_cap(words[1][2]):
            break   # "le général de Gaulle": the particle is the surname's
        if low in DETERMINERS or low in lex.honorifics or two in lex.honorifics:
            honorific = low in lex.honorifics or two in lex.honorifics
            words = words[1:]
            continue
        if not _is_cap(words[0][2]):
            words = words[1:]
            continue
        break
    while words and (not _is_cap(words[-1][2]) or fold(words[-1][2]) in TIME_WORDS):
        words = words[:-1]
    # "Mme Freeland des Finances": the portfolio after the name is her post.
    if len(words) > 2 and words[-1][2].lower() in lex.portfolios and fold(words[-2][2]) in ("de", "des", "du", "la"):
        words = words[:-2] if fold(words[-2][2]) != "la" else words[:-3]
    # "a nommé Léa Martin Premier ministre": a role the span ends on, its last words outside, is no name.
    following = re.match(rf"\s+([\w{APOS}-]+)(?:\s+([\w{APOS}-]+))?", text[words[-1][1]:]) if words else None
    if len(words) > 2 and following:
        after = [w for w in following.groups() if w]
        for n in (1, 2):
            role = _norm(" ".join([words[-1][2], *after[:n]])).lower()
            if len(after) >= n and role in lex.roles:
                words = words[:-1]
                break
    if not words:
        return None
    return words[0][0], words[-1][1]


def _person_ok(name: str, lex: Lexicon) -> bool:
    words = name.split()
    if name.upper() in lex.common_acronyms or (len(words) == 1 and name.isupper() and len(name) <= 4):
        return False  # an acronym is no one's name: "IA", "PDG"
    if any(not _is_cap(w) and fold(w) not in PARTICLES for w in words):
        return False
    if fold(name) in lex.geo or fold(name) in NOT_ACTORS or fold(name) in lex.demonyms:
        return False
    low = _norm(name).lower()
    if low in lex.anaphoric or _norm(words[-1]).lower() in lex.anaphoric:
        return False  # "le Roi", "Sa Majesté le Roi": a title, which the role phrases resolve
    if len(words) == 1 and low in lex.portfolios:
        return False  # "chargé de l'Emploi": a minister's domain
    if len(words) >= 2 and words[0] in lex.person_first_names:
        return True   # "Marine Le Pen": a first name, though "la Marine" heads a body
    return not any(low.startswith(h + " ") or low == h for h in lex.heads)


# Who heads a government, not the country: never "le dirigeant" of it.
GOVERNMENT_HEADS = {"premier ministre", "première ministre", "chef du gouvernement", "cheffe du gouvernement"}
# A monarch is known by the title alone ("le Roi"): across the corpus, the one person who holds it.
MONARCHS = {"roi", "reine", "monarque"}
# The titles of one who heads a state ("le chef de l'État" is its president or its king).
STATE_TITLES = {"chef de l'état", "cheffe de l'état", "chef d'état"}
STATE_HEADS = STATE_TITLES | MONARCHS | {"président", "présidente", "président de la république", "présidente de la république"}
# The country of one who leads something else than a country ("président du Sénat"): none's role phrase fits.
ELSEWHERE = "~"


# "le Capitaine Ibrahim TRAORÉ", "M. Jean DUPONT": official texts write the surname in capitals after a title.
_OFFICIAL = re.compile(rf"(?<![\w'’-])([{UPPER}][a-zà-ÿ'’]+(?:-[{UPPER}][a-zà-ÿ'’]+)?)\s+"
                       rf"([{UPPER}]{{2,}}(?:[-'’ ][{UPPER}]{{2,}})?)(?![\w'’-])")
_TITLE_BEFORE = re.compile(r"([\w.]+)(?:\s+d['’]\s*[Aa]rmée)?\s*$")


def official_names(index: int, text: str, lex: Lexicon) -> list[Hit]:
    """A first name and a surname in capitals after a title ("Général d'Armée Assimi GOÏTA"): that person,
    named as the rest of the press writes her ("Assimi Goïta")."""
    hits = []
    for m in _OFFICIAL.finditer(text):
        title = _TITLE_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        surname = m.group(2)
        if not title or fold(title.group(1)) not in lex.honorifics or fold(surname) in lex.geo \
                or fold(surname) in lex.bodies or surname in lex.common_acronyms:
            continue
        name = f"{m.group(1)} {'-'.join(part.capitalize() for part in surname.split('-'))}"
        hits.append(Hit(index, m.start(), m.end(), name, "person", 0))
    return hits


def _role_before(text: str, start: int, lex: Lexicon) -> tuple[str, str | None] | None:
    """The role written just before a name: "le président chilien Gabriel Boric" -> ("président", "Chili")."""
    window = _norm(text[max(0, start - 80):start]).lower()
    window = re.sub(r"(?<![\w-])(?:m\.|mme|mgr)\s*$", "", window)  # "le président, M. X": the title is X's
    for role in lex.roles:
        if role not in window:
            continue   # a plain substring test first: most roles are nowhere near the name
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
                # "le président du Sénat" leads the assembly, not the country: no "président français" is he.
                # "le président de la République" heads the country all the same.
                if role in LEADING_ROLES and any(_plain(w).strip("'") in _institution_words() for w in rest) \
                        and [w for w in rest if not _role_word(w, lex) or w == "république"] != ["république"]:
                    return role, ELSEWHERE
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


# A conjugated auxiliary: what follows a name and a comma and holds one is a clause, not an apposition.
_CLAUSE_VERB = re.compile(r"(?<![\w-])(?:n['’]\s*)?(?:a|ont|est|sont|avait|avaient|était|étaient|sera|seront|fut)(?![\w-])")


# A title then a first name and a surname ending the phrase.
_NAMED_AFTER = re.compile(r"(?<![\w-])[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:-[A-ZÀ-Þ][a-zà-ÿ'’-]+)?\s+[A-ZÀ-Þ][a-zà-ÿ'’-]+$")


def _role_after(text: str, end: int, lex: Lexicon) -> tuple[str, str, str | None] | None:
    """An apposition after a name: "X, secrétaire général du ..." -> (role text, head, country)."""
    match = re.match(r"\s*,\s*([^,;:()«»\"]{2,160}?)(?=\s*(?:,|;|\.\s|\.$|$|\(|\s+qui\s|\s+a\s|\s+ont\s|\s+et\s+[A-ZÀ-ÖØ-Þ][\w-]+\s+[A-ZÀ-ÖØ-Þ]))", text[end:])
    if not match:
        return None
    phrase = match.group(1).strip()
    if _CLAUSE_VERB.search(phrase):
        return None   # "Présent aux côtés de X, le dirigeant du pays n'a jamais ...": the next clause's subject
    if _NAMED_AFTER.search(phrase):
        return None   # "aux côtés de X, la politologue Anne Roy, ...": another person, titled
    low = _norm(phrase).lower()
    low = re.sub(r"^(?:l'|le |la |les |un |une )", "", low)
    head = next((r for r in lex.roles if low.startswith(r) and (len(low) == len(r) or not low[len(r)].isalnum())), None)
    if not head:
        return None
    follow = re.match(r"[\s-]*([\w'’]+)", low[len(head):])
    if follow and not (_role_word(follow.group(1), lex) or follow.group(1) in ("à", "au", "aux", "pour", "chargé", "chargée")):
        return None   # "En choisissant X, le Roi mise sur ...": the next clause, its subject a title
    country = None
    for word in low.split():
        if fold(word) in lex.demonyms:
            country = lex.demonyms[fold(word)]
            break
    geo = lex.geo_re.search(phrase)
    if not country and geo and fold(geo.group(0)) in lex.geo:
        country = lex.geo[fold(geo.group(0))].country
    return phrase, head, country


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
    # "le nouveau Premier ministre", "l'actuel président": the holder the article names ("l'ancien" is someone else).
    pattern = compile_with(r"(?<![\w-])(?:le|la|l'|du|au|ce|cette)\s*(?:(?:nouveau|nouvel|nouvelle|actuel|actuelle)\s+)?"
                           r"(@WORDS@)(?![\w-])", _plain_roles(lex.anaphoric))
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
    if role in STATE_TITLES:
        # "le chef de l'État": the one head of state the article names, whatever their title ("le chef" of a
        # party is not one); qualified by a country, "le dirigeant" of that country may be meant too.
        heads = [p for p, entries in people.items()
                 if any(r in STATE_HEADS and c != ELSEWHERE and (country is None or c in (None, country)) for r, c in entries)]
        if heads or country is None:
            return heads[0] if len(heads) == 1 else None
    if role:
        exact = [p for p, entries in people.items() if fits(entries, role)]
        if len(exact) == 1:
            return exact[0]
        if exact or role not in LEADING_ROLES:
            return None
        # "le dirigeant nord-coréen" is whoever leads the country, not its head of government.
        loose = [p for p, entries in people.items()
                 if any(r in LEADING_ROLES and r not in GOVERNMENT_HEADS and c == country for r, c in entries)]
        return loose[0] if len(loose) == 1 and country else None
    national = [p for p, entries in people.items() if any(c == country for _, c in entries)]
    return national[0] if len(national) == 1 else None


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


@lru_cache(maxsize=4)
def _plain_roles(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(_plain(r) for r in roles)


def propagate_surnames(hits: list[Hit], texts: list[str | None], lex: Lexicon) -> list[Hit]:
    """"Ousmane Kodjo ... le colonel Kodjo": the surname of a person the article names in full is
    that person wherever it is written alone, when no other person of the article bears it."""
    owners: dict[str, set[str]] = defaultdict(set)
    for hit in hits:
        words = hit.name.split()
        if hit.type == "person" and hit.priority < 8 and len(words) > 1:
            owners[words[-1]].add(hit.name)
    surnames = {w: next(iter(n)) for w, n in owners.items() if len(n) == 1 and _surname_ok(w, lex)}
    if not surnames:
        return []
    pattern = re.compile(r"(?<![\w'’-])(" + "|".join(re.escape(w) for w in sorted(surnames, key=len, reverse=True))
                         + rf")(?![\w'’-])(?!\s+[{UPPER}])")
    taken = defaultdict(list)
    for hit in hits:
        taken[hit.block].append((hit.start, hit.end))
    return [Hit(index, match.start(), match.end(), surnames[match.group(1)], "person", 9)
            for index, match in written_again(pattern, texts)
            if not any(s < match.end() and match.start() < e for s, e in taken[index])]


def _surname_ok(word: str, lex: Lexicon) -> bool:
    """A surname that is no common word, title or place: long, capitalised, unknown to the gazetteer."""
    folded = fold(word)
    return (len(word) >= 4 and word[:1].isupper() and not word.isupper() and folded not in lex.geo
            and folded not in lex.honorifics and folded not in lex.demonyms and folded not in NOT_ACTORS
            and folded not in TIME_WORDS and folded not in lex.first_names)
