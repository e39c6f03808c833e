"""Organisations: head nouns with complements, agencies and outlets, credits and bylines, NER names kept by rule."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from .lexicon import (APOS, compile_with, DETERMINERS, MONTHS, NOT_ACTORS, PARTICLES, TIME_WORDS, UPPER, WEEKDAYS, Geo,
                      Hit, Lexicon, _adjective, is_demonym, _is_cap, _norm, _plain, _plain_all, _skip_space, _starts_with_phrase,
                      _word_at, lexicon)
from .text import PRESS_RELEASE, fold


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
    if not _is_cap(word) or fold(word) in WEEKDAYS | MONTHS or word[:1].isdigit():   # "du 16 mars": a date
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


# Nouns that count or measure, never the subject of an institution's name ("la Banque mondiale des milliards ...").
_MEASURES = frozenset({"milliard", "milliards", "million", "millions", "millier", "milliers", "centaines", "dizaines",
                       "dollars", "euros", "francs", "ans", "jours", "mois", "semaines", "annees", "heures", "minutes"})
_NOT_NOUNS = frozenset({"son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette", "ces", "tout", "tous", "toute", "toutes",
                        "plus", "moins", "nombreux", "nombreuses", "autres", "certains", "certaines", "plusieurs", "quelques"})


# Adjectives French puts before the noun.
_NO_NOUN = DETERMINERS | _MEASURES | _NOT_NOUNS | TIME_WORDS   # words a common-noun complement cannot start on

_BEFORE_NOUNS = frozenset({"haut", "haute", "hauts", "hautes", "grand", "grande", "grands", "grandes", "petit", "petite",
                           "petits", "petites", "nouveau", "nouvel", "nouvelle", "nouveaux", "nouvelles", "jeune", "jeunes",
                           "bon", "bonne", "bons", "bonnes", "premier", "premiere", "premiers", "premieres"})


def _common_complement(text: str, pos: int, lex: Lexicon, coordinated: bool = False) -> int | None:
    """A complement of common nouns, "de recensement des votes", "de l'atmosphère et des cyclones": part of a name
    only after a head French writes with a capital inside a sentence ("la Commission nationale de ...")."""
    link = r"(?:et\s+)?" if coordinated else ""
    # "de lutte contre le trafic ...": a fight names what it is against.
    against = rf"|contre\s+(?:la\s+|le\s+|les\s+|l[{APOS}]\s*)?" if re.search(r"(?<![\w-])lutte\s*$", text[:pos]) else ""
    prep = re.compile(rf"{link}(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*{against})").match(text, pos)
    if not prep or not text[pos].islower():
        return None
    word, end = _word_at(text, prep.end())
    if fold(word) in _BEFORE_NOUNS:   # "de hautes études"
        word, end = _word_at(text, _skip_space(text, end))
    if not re.fullmatch(r"[a-zà-öø-ÿ][a-zà-öø-ÿ-]{2,}", word) or fold(word) in _NO_NOUN:
        return None
    while True:
        nxt = _skip_space(text, end)
        adjective, after = _word_at(text, nxt)
        if nxt > end and _adjective(adjective, lex):
            end = after
            continue
        return end


def _proper_head(text: str, pos: int) -> bool:
    """A head with a capital inside a sentence: French capitalises the first word of an institution's name."""
    before = text[:pos].rstrip()
    return _is_cap(text[pos]) and bool(before) and before[-1] not in ".!?:«\"“(—–-"


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
            qualified = qualified or is_demonym(word, lex) or _is_cap(text[pos])
            end = after
            continue
        if nxt > end and word.lower() in ("d'", "d’") and fold(_word_at(text, after)[0]) in ("etat",):
            end = _word_at(text, after)[1]
            qualified = True
            continue
        break
    complements = []
    proper = _proper_head(text, pos)
    while len(complements) < 4:
        nxt = _skip_space(text, end)
        comp = _complement(text, nxt, lex) if nxt > end else None
        # (common nouns only before any name: "Parti du travail de Corée et du gouvernement" is two bodies)
        if not comp and proper and nxt > end and all(kind in ("common", "portfolio") for _, _, kind in complements):
            common = _common_complement(text, nxt, lex, coordinated=bool(complements))
            comp = (common, "common") if common else None
        if not comp:
            break
        complements.append((nxt, comp[0], comp[1]))
        end = comp[0]
    # "l'armée de l'air ukrainienne": a nationality closes the name.
    nxt = _skip_space(text, end)
    word, after = _word_at(text, nxt)
    if complements and nxt > end and is_demonym(word, lex) and word[0].islower():
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
        # Most words start no head noun: that test first, then the gazetteer's.
        found = _org_at(text, pos, lex, lex.heads)
        if not found:
            continue
        geo = lex.geo_re.match(text, pos)
        if geo and lex.geo.get(fold(geo.group(0)), Geo("", "")).kind == "country":
            continue  # "Confédération suisse" is a country, not a confederation
        if _participle(text, pos) or _inside_title(text, pos, lex):
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
        both = re.compile(r"\s+et\s+").match(text, end) if complements else None
        second = _complement(text, both.end(), lex) if both else None
        # "ministère de l'Énergie et de l'Eau", "la chambre de commerce et d'industrie": one body of two
        # portfolios (a ministry's second may be a name, a singular head's is a common noun).
        two_portfolios = second is not None and (
            (_plain(head) in ("ministere", "ministeres") and second[1] != "country")
            or (second[1] == "portfolio" and not _plain(head).split()[0].endswith(("s", "x"))))
        if two_portfolios:
            end = second[0]
        hits.append(Hit(block, pos, end, _clean_org(text[pos:end]), "organisation", 2))
        taken_until = end
        # "les services de renseignement de la Pologne et de pays baltes": one head, two organisations.
        if complements and not two_portfolios:
            coord = re.compile(r"\s+et\s+").match(text, end)
            if coord:
                comp = _complement(text, coord.end(), lex)
                if comp:
                    base = text[pos:complements[0][0]].rstrip()
                    hits.append(Hit(block, coord.end(), comp[0], _clean_org(base + " " + text[coord.end():comp[0]]), "organisation", 3))
                    taken_until = comp[0]
    return hits


def _participle(text: str, pos: int) -> bool:
    """"le convoi parti de Gao", "une milice armée de fusils": a participle, not "le parti" or "l'armée"."""
    word = re.match(r"[\w-]+", text[pos:]).group(0)
    if word not in ("parti", "partie", "partis", "armée", "armées", "armé"):
        return False
    before = re.search(rf"([\w-]+)[{APOS}]?\s*$", text[:pos])
    return not before or fold(before.group(1)) not in DETERMINERS | {"ce", "son", "sa", "leur", "notre", "votre", "premier"}


def _inside_title(text: str, pos: int, lex: Lexicon) -> bool:
    """"le président du Conseil togolais": the head noun belongs to a title the roles list knows."""
    window_start = max(0, pos - 40)
    plain = _plain(text[window_start:pos + 40])
    for role in (r for r in _plain_all(lex.roles) if " " in r and r in plain):   # substring test first
        for match in re.finditer(re.escape(role), plain):
            if match.start() < pos - window_start < match.end():
                return True
    return False


def _complement_body(text: str, pos: int) -> int:
    """Where the noun phrase of a complement starts, after "de la", "du", "d'"."""
    return re.compile(rf"(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I).match(text, pos).end()


def _clean_org(name: str) -> str:
    name = re.sub(r"[\s\u00a0]+", " ", name).strip(" ,;:.")
    return name[0].upper() + name[1:] if name else name


def _quoted_names(block: int, text: str, lex: Lexicon) -> list[Hit]:
    """An organisation named in quotes after its kind: 'le mouvement de toute la Bolivie "Frente Andino"'."""
    hits = []
    pattern = compile_with(rf"(?<![\w-])(?:@WORDS@)\b[^\"«“».,;]{{0,60}}?[\"«“]\s*(?:(?:la|le|les|l[{APOS}])\s*)?"
                           rf"([{UPPER}][^\"»”]{{1,60}}?)\s*[\"»”]",
                           tuple(h for h in (*lex.heads, *lex.kind_nouns) if " " not in h), re.I)
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
    # "a-t-il expliqué au Monde", "selon les journalistes du Soir": "au" and "du" hold the outlet's "Le".
    for match in re.finditer(rf"(?<![\w-])(?:au|du|Au|Du)\s+([{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)?)", text):
        name = lex.agencies.get(fold("le " + match.group(1)))
        if name and name.startswith("Le "):
            hits.append(Hit(block, match.start(1), match.end(1), name, "organisation", 1))
    # "le président des Engagés": "des" and "aux" hold a known body's "Les".
    for match in re.finditer(rf"(?<![\w-])(?:des|aux|Des|Aux)\s+([{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)?)", text):
        name = lex.bodies.get(fold("les " + match.group(1))) or lex.agencies.get(fold("les " + match.group(1)))
        if name and name.startswith("Les "):
            hits.append(Hit(block, match.start(1), match.end(1), name, "organisation", 1))
    for match in re.finditer(rf"(?i:agence|agences)(?:\s+(?i:de\s+presse))?((?:\s+[a-zé-]+)*?)\s+([{UPPER}][\w-]*(?:\s+[{UPPER}][\w-]*)*)", text):
        if all(_adjective(w, lex) for w in match.group(1).split()):
            name = match.group(2)
            hits.append(Hit(block, match.start(2), match.end(2), lex.agencies.get(fold(name), name), "organisation", 1))
    return hits


# "PARIS (AFP) - ...", "Genève (ats) —": the agency that filed the story.
FILED = re.compile(rf"^\s*[{UPPER}][\w'’ .,/-]{{0,50}}\(([\w/ ,.-]{{2,30}})\)\s*[-–—:]"
                   # "MOSCOU, 12 mars. /TASS/.": the agency between slashes
                   rf"|^\s*[{UPPER}][\w'’ .,-]{{0,50}}?\s/([\w-]{{2,20}})/\s*\.?\s")
# "Par : RFI", "Par Jean Dupont, avec AFP": a line that only names who wrote the story, whatever the reader called it.
BYLINE = re.compile(r"\s*(?:Par|PAR|By|Rédaction|RÉDACTION)\s*:?\s+\S.{0,60}")
# "ats/afp/vic", "(Belga)", "(Avec AFP)", "OLJ / AFP": a line of agency signatures, the story's end or header.
SIGNATURES = re.compile(r"\s*\(?\s*(?:avec\s+)?[\w.'’-]+(?:\s*(?:/|,|\bet\b|\bavec\b)\s*[\w.'’-]+){0,4}\s*\)?\s*", re.I)


def byline_like(kind: str, text: str) -> bool:
    """A byline, or a short line that reads like one ("Par : RFI" read as a kicker, "(ats/afp)")."""
    if kind == "byline":
        return True
    if kind not in ("kicker", "paragraph", "heading", "caption"):
        return False
    if BYLINE.fullmatch(text) and "." not in text.rstrip(". "):
        return True
    return len(text) <= 40 and bool(SIGNATURES.fullmatch(text)) and bool(lexicon().agency_ci.search(text)) \
        and all(lexicon().agency_ci.fullmatch(part.strip()) or len(part.strip()) <= 4
                for part in re.split(r"/|,|\bet\b|\bavec\b", text.strip(" ()"), flags=re.I) if part.strip())
CREDIT = re.compile(r"(?:(?<![\w])(?:Photos?|Image|Images|Crédits?|Credits?|Source|Illustration)\s*:\s*|©\s*"
                    # "Une rue de Lyon. — Jean Dupont / SIPA": photographer and agency after a dash, ending the caption.
                    r"|\s[—–]\s*(?=[^—–/]{2,40}/\s*[\w.-]+\s*$))"
                    r"([\w][\w.\-/ ]{1,80}?)\s*$", re.M)


# Words a credit line holds that name no one: "© AFP / Archives", "Photo : DR" (droits réservés).
NOT_CREDITED = frozenset({"archives", "archive", "dr", "illustration", "montage", "capture", "document", "handout"})


def credits(text: str) -> list[tuple[int, int, str]]:
    """Photo or image credits at the end of a line: "Photo: afp.com" -> the credited name."""
    lex = lexicon()
    out = []
    filed = FILED.match(text)
    if filed:
        group = 1 if filed.group(1) is not None else 2
        for match in lex.agency_ci.finditer(filed.group(group)):
            out.append((filed.start(group) + match.start(), filed.start(group) + match.end(),
                        lex.agencies[fold(match.group(0))]))
    for match in CREDIT.finditer(text):
        # "Keystone/EPA/ABIR SULTAN": agencies, then the photographer (a person, not a publisher).
        for part in re.finditer(r"[^/|]+", match.group(1)):
            raw = part.group(0).strip(" .")
            if not raw:
                continue
            name = lex.agencies.get(fold(raw))
            # "BELGA PHOTO NICOLAS M.", "AFP PHOTO", "BELGA MAG": the agency's service, then its photographer.
            service = lex.agency_ci.match(raw) if name is None else None
            if service and re.match(r"\s+(?:PHOTOS?|MAG|IMAGES?|VID[EÉ]O)\b", raw[service.end():], re.I):
                name, raw = lex.agencies[fold(service.group(0))], service.group(0)
            if name is None and (" " in raw or not re.search(r"\w", raw) or fold(raw) in NOT_CREDITED):
                continue
            start = match.start(1) + part.start() + (len(part.group(0)) - len(part.group(0).lstrip(" .")))
            out.append((start, start + len(raw), name or raw))
    return out


def letterhead(texts: Sequence[str], kinds: Sequence[str]) -> tuple[int, str] | None:
    """The body that issues a press release, as its letterhead prints it in capitals at the top
    ("PRÉFET DE MAYOTTE"): its block and its name, in the case the text writes its words elsewhere. A
    letterhead of several lines goes from the state down to the office ("RÉPUBLIQUE FRANÇAISE / COUR
    D'APPEL DE X / PARQUET DE X"): the last line is the body that speaks."""
    top = range(min(len(texts), 10))
    if not any(PRESS_RELEASE.fullmatch(texts[i]) for i in top):
        return None
    run: list[int] = []
    for i in top:
        text = texts[i].strip()
        head = kinds[i] in ("title", "kicker", "section") and text.isupper() and len(text) <= 60 \
            and not re.search(r"\d", text) and not PRESS_RELEASE.fullmatch(text)
        if head:
            run.append(i)
        elif run:
            break
    if not run:
        return None
    body = " ".join(text for i, text in enumerate(texts) if i not in run)
    written = {w for w in re.findall(r"[\w'’-]+", body) if w[:1].isupper()}
    words = texts[run[-1]].split()
    name = " ".join(w.capitalize() if n == 0 or w.capitalize() in written else w.lower() for n, w in enumerate(words))
    return run[-1], name


def masthead(kind: str, text: str, outlet: str | None = None) -> tuple[int, int, str] | None:
    """"Le Parisien - 9 février 2026", "Ouest-France", "20 Minutes avec agences": a header line naming the outlet
    (a known one, or the `outlet` the article's sidecar gives)."""
    if kind == "paragraph" or len(text) > 80:
        return None
    offset = len(text) - len(text.lstrip())
    if outlet and fold(text.strip()) == fold(outlet):
        return offset, offset + len(text.strip()), outlet
    lex = lexicon()
    crumbs = re.split(r"\s+[>›»]\s+", text.strip())
    if len(crumbs) >= 2 and re.fullmatch(rf"(?:Les?|La|L[{APOS}])\s*[{UPPER}][\w'’-]*"
                                         rf"(?:\s+(?:(?:du|de|des|la|le)\s+|[dl][{APOS}])?[{UPPER}][\w'’-]*){{0,3}}", crumbs[0]) \
            and not lex.agency_re.fullmatch(crumbs[0]) and fold(crumbs[0]) not in lex.geo:
        # "La Gazette du Nord > Région > Faits divers": a site's path opens on its own name (a rubric has no article,
        # a local edition is a place: "Le Havre > Économie").
        return offset, offset + len(crumbs[0]), crumbs[0]
    match = lex.agency_re.match(text.strip())
    shout = re.match(r"\s*([^|·•–—-]+?)\s*(?:[|·•–—-]|$)", text)
    if not match and shout and shout.group(1).isupper():
        # "L'EXPRESS | Idées": an outlet's name in capitals heads the page.
        whole = lex.agency_ci.fullmatch(shout.group(1))
        if whole:
            return shout.start(1), shout.end(1), lex.agencies[fold(whole.group(0))]
    if not match:
        # "Monde - RTSinfo": a rubric, then the outlet, alone at the end of the line.
        tail = re.search(r"\s[-–—|·•]\s+(\S.*?)\s*$", text)
        whole = lex.agency_re.fullmatch(tail.group(1)) if tail else None
        return (tail.start(1), tail.end(1), lex.agencies[fold(whole.group(0))]) if whole else None
    rest = text.strip()[match.end():]
    if rest.strip() and not re.match(r"\s*(?:[-–—|,/·•>›»]|avec\b|\(|Infos?\s*$)", rest):
        return None
    return offset + match.start(), offset + match.end(), lex.agencies[fold(match.group(0))]


def byline_publishers(text: str) -> list[tuple[int, int, str]]:
    """Agencies in a byline ("ATS", "Par Jean Dupont, avec AFP"): (start, end, canonical name)."""
    lex = lexicon()
    # Bylines are often lower case ("(ats/afp)"), so agencies are matched without case here.
    out = [(m.start(), m.end(), lex.agencies[fold(m.group(0))]) for m in lex.agency_ci.finditer(text)]
    codes = re.findall(rf"(?<![\w-])[{UPPER}]{{2,}}(?![\w-])", text)
    if not out and not any(fold(code) in DETERMINERS or fold(code) == "et" for code in codes):
        # (capitals joined by "DE" or "ET" are a phrase, "COMMUNIQUÉ DE PRESSE", not agencies' codes)
        for match in re.finditer(rf"(?<![\w-])[{UPPER}]{{2,}}(?:-[{UPPER}]{{2,}})*(?![\w-])", text):
            if re.search(rf"(?<![\w-])[{UPPER}][a-zà-öø-ÿ]+(?:-[{UPPER}][a-zà-öø-ÿ]+)?\s+$", text[:match.start()]):
                continue  # "Par Malick NDIAYE": a journalist's surname in capitals after the first name
            out.append((match.start(), match.end(), match.group(0)))
    return out


# Heads that are part of their institution's name: "Université Lumière", "Institut Pasteur".
NAMED_HEADS = frozenset({"universite", "ecole", "institut", "academie", "college", "lycee", "hopital", "musee"})


def _ner_org(index: int, text: str, start: int, end: int, doc: Doc, lex: Lexicon) -> Hit | None:
    """Keep an ORG entity only when it looks like a name, not a capitalised common noun phrase."""
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in re.finditer(rf"[\w{APOS}.&-]+", text[start:end])]
    kinds = _plain_all(lex.kind_nouns)
    # "le groupe Valmy" is Valmy; "l'Institut Pasteur", a school's head written with a capital, is all of it.
    while len(words) > 1 and (fold(words[0][2]) in DETERMINERS or (_plain(words[0][2]) in kinds and not (
            words[0][2][:1].isupper() and _plain(words[0][2]) in NAMED_HEADS))) and not _dutch_article(text, words[0]):
        words = words[1:]
    while words and (fold(words[-1][2]) in TIME_WORDS or fold(words[-1][2]) in DETERMINERS):
        words = words[:-1]
    # "Grève RATP : ...": a headline's topic label, a noun before an acronym, leaves the acronym.
    if len(words) > 1 and not text[:words[0][0]].strip() and re.match(r"\s*:", text[words[-1][1]:]) \
            and not words[0][2].isupper() and all(re.fullmatch(rf"[{UPPER}0-9&-]{{2,}}", w[2]) for w in words[1:]):
        words = words[1:]
    if not words:
        return None
    s, e = words[0][0], words[-1][1]
    name = text[s:e]
    key = fold(name)
    if name in lex.common_acronyms or name.upper() in lex.common_acronyms:
        return None  # an acronym of a common noun: "l'IA", "le PIB"
    capitals = [w[2] for w in words if w[2][:1].isupper()]
    if words[0][2][:1].islower() and capitals and all(w in lex.common_acronyms for w in capitals):
        return None  # a common noun and such an acronym: "le franc CFA"
    if key in lex.geo or key in NOT_ACTORS or key in lex.demonyms or _norm(name).lower() in lex.roles:
        return None
    if _inside_title(text, s, lex):
        return None
    if _starts_with_phrase(name, 0, lex.organs) == len(name):
        return None  # "Comité central" alone: an organ of a body the text names elsewhere
    first = _norm(words[0][2]).lower()
    if any(first.startswith(r) for r in lex.roles if " " not in r) and first in lex.roles:
        return None
    acronym = any(re.fullmatch(rf"[{UPPER}0-9&-]{{2,}}", w[2]) for w in words)
    head = _starts_with_phrase(text, s, lex.heads) is not None
    # A capitalised common word alone is no name ("Soutien"); two capitalised words are ("Air Austral"), save
    # an ordinal's ("la Ve République") and a headline's topic, a noun and places ("Pacte Moscou-Pyongyang : ...").
    topic = not text[:s].strip() and re.match(r"\s*:", text[e:]) and all(
        lex.geo_re.fullmatch(part) for w in words[1:] for part in w[2].split("-"))
    proper = all(_is_cap(w[2]) or fold(w[2]) in PARTICLES for w in words) and (
        not doc.vocab.has_vector(first) or (sum(_is_cap(w[2]) for w in words) > 1 and not topic)) \
        and not re.fullmatch(r"[IVXLC]+(?:e|er|re|ème)", words[0][2])
    if not (acronym or proper or (head and len(words) > 1)):
        return None
    return Hit(index, s, e, _clean_org(name), "organisation", 4)


def _dutch_article(text: str, word: tuple[int, int, str]) -> bool:
    """"tandis que De Lijn prévoit": a capitalised "De" inside a French sentence is a Dutch name's article."""
    return word[2] in ("De", "Het") and not re.search(r"(?:^|[.!?:«\"“])\s*$", text[:word[0]])


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
