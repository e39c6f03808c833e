"""People, organisations, countries and places of one article: Article + spaCy docs -> Mentions.

NER proposes names; French grammar (head nouns with complements, locative prepositions,
appositions, role phrases) and world knowledge in `data/*.yml` decide, trim and name them.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from .knowledge import Knowledge
from .lexicon import (APOS, DATA, compile_with, NOT_ACTORS, TIME_WORDS, UPPER, Hit, Lexicon, _norm, _plain, _plain_all, _starts_with_phrase, _union,
                      inflect, is_demonym, lexicon)
from .model import Article, Block, Mention, RolePhrase, Span
from .org_names import cue_hits, propagate, short_forms
from .organisations import (CREDIT, FILED, masthead, _agencies, _clean_org, _ner_org, _organisations, _quoted_names, _unify_orgs,
                            byline_like, byline_publishers, credits)
from .persons import (MONARCHS, official_names, _drop_weak_persons, _person_key, _person_ok, propagate_surnames, _resolve_role, _role_after, _role_before,
                      _role_head, _role_phrases, _strip_name, _unify_persons)
from .places import (compound_towns, _buildings, _geo_hits, _locative, _ner_place, _resolve_ambiguous, bracketed_places, features,
                     localities, seats, streets)
from .text import fold

# Re-exported: other stages and tests import these from here.
__all__ = ["find_mentions", "credits", "byline_publishers", "inflect", "lexicon", "DATA", "TIME_WORDS", "_plain"]
# --- Putting it together --------------------------------------------------------

def _sentence_start(text: str, pos: int) -> bool:
    return not text[:pos].strip() or bool(re.search(r"[.!?:«\"“]\s*$", text[:pos]))


def _block_hits(index: int, text: str, doc: Doc, lex: Lexicon) -> list[Hit]:
    hits: list[Hit] = []
    hits += _organisations(index, text, lex)
    hits += _quoted_names(index, text, lex)
    hits += _agencies(index, text, lex)
    hits += cue_hits(index, text, lex)
    hits += official_names(index, text, lex)
    locations = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "LOC"]
    buildings = (localities(index, text, lex) + _buildings(index, text, lex) + features(index, text, lex) + compound_towns(index, text)
                 + streets(index, text, lex, locations)
                 + bracketed_places(index, text, lex, locations))
    hits += buildings
    seat_hits = seats(index, text, lex, [])
    hits += seat_hits
    buildings += [h for h in seat_hits if h.type == "place"]
    persons: list[Hit] = []
    for start, end, label in _entities(text, doc, lex, [(h.start, h.end) for h in buildings]):
        trimmed = _strip_name(text, start, end, lex) if label in ("PER", "MISC", "ORG") else None
        # MISC and ORG entities are people when a role stands beside a name of two words or more.
        person_like = trimmed and label != "PER" and " " in text[trimmed[0]:trimmed[1]] and not re.search(
            rf"[{UPPER}]{{2,}}", text[trimmed[0]:trimmed[1]]) and (_role_after(text, trimmed[1], lex) or _role_before(text, trimmed[0], lex))
        if trimmed and (label == "PER" or person_like):
            s, e = trimmed
            name = text[s:e]
            if not _person_ok(name, lex):
                continue
            if label != "PER" and any(fold(w) in lex.geo for w in name.split()):
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
            # "le Président de la Transition": a common noun with a capital after "de la" names an office's
            # domain, not a person.
            if " " not in name and "-" not in name and not titled and doc.vocab.has_vector(name.lower()) \
                    and re.search(rf"(?<![\w-])(?:de\s+la|du|de\s+l[{APOS}])\s*$", text[:s]):
                continue
            single_common = (" " not in name and "-" not in name and not titled and _sentence_start(text, s)
                             and doc.vocab.has_vector(name.lower()))
            persons.append(Hit(index, s, e, name, "person", 1 if not single_common else 8, role, country))
        elif label == "ORG":
            hit = _ner_org(index, text, start, end, doc, lex)
            if hit:
                hits.append(hit)
    hits += persons
    person_spans = [(h.start, h.end) for h in persons]
    org_spans = [(h.start, h.end) for h in hits if h.type == "organisation"]
    place_spans = [(h.start, h.end) for h in buildings]
    for hit in _geo_hits(index, text, lex, place_spans):
        if _part_of_name(hit, text, org_spans, lex):
            continue
        if not any(s <= hit.start and hit.end <= e for s, e in person_spans):
            hits.append(hit)
            if hit.type == "place":
                place_spans.append((hit.start, hit.end))
    for ent in doc.ents:
        if ent.label_ == "LOC":
            hit = _ner_place(index, text, ent.start_char, ent.end_char, lex, place_spans)
            if hit and not any(s <= hit.start < e for s, e in place_spans + person_spans + org_spans):
                hits.append(hit)
                place_spans.append((hit.start, hit.end))
    return hits


def _entities(text: str, doc: Doc, lex: Lexicon, places: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """NER entities, with "Prénom Nom" added as a person where the model saw no person (a common first name
    before a capitalised word), unless the pair names a street or a building ("boulevard Victor Hugo")."""
    ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    if not lex.person_first_names:
        return ents
    pattern = compile_with(rf"(?<![\w'’-])(?:@WORDS@)(?:\s+(?:(?:Le|La|De|Du|de|du|van|von|di|da|Ben|ben)\s+)?"
                           rf"[{UPPER}][\w'’-]*[a-zà-ÿ][\w'’-]*){{1,2}}", lex.person_first_names)
    for match in pattern.finditer(text):
        s, e = match.span()
        last = match.group(0).split()[-1]
        if any(ps <= s < pe for ps, pe in places) or fold(last) in lex.geo or fold(last) in TIME_WORDS or fold(last) in NOT_ACTORS:
            continue
        if any(ls < e and s < le and label == "PER" for ls, le, label in ents):
            continue
        ents = [x for x in ents if not (x[0] < e and s < x[1])] + [(s, e, "PER")]
    return sorted(ents)


RUBRIC_LEAD = re.compile(rf"^\s*((?:[{UPPER}][{UPPER}'’-]+\s+){{0,3}}[{UPPER}][{UPPER}'’-]+)(?:\s*[.:—–|-]\s|\s+(?=[{UPPER}][a-zà-ÿ]))")


def _rubric_lead(text: str, lex: Lexicon) -> int:
    """"TRANSPORTS. L'intersyndicale...", "RÉCIT - Reçus...", "INTERVIEW | ...": a rubric in capitals opening a
    paragraph; where it ends."""
    match = RUBRIC_LEAD.match(text)
    if not match or not any(len(w) >= 5 for w in match.group(1).split()):
        return 0
    if lex.agency_ci.fullmatch(match.group(1)) or fold(match.group(1)) in lex.bodies or fold(match.group(1)) in lex.geo:
        return 0
    return match.end(1)


def _dateline_place(index: int, text: str, lex: Lexicon) -> list[Hit]:
    """"PARIS, 21 février (Reuters) -": the city a wire story was filed from is a place of the article."""
    if not FILED.match(text):
        return []
    match = re.match(rf"\s*([{UPPER}][\w'’-]*(?:[ -][{UPPER}][\w'’-]*)*)\s*[,(/]", text)
    if not match:
        return []
    written = match.group(1)
    if re.match(r"(?:Par|By)\b", written):
        return []   # "Par Jean Dupont (avec AFP) - 14 mars": a byline, not a city
    entry = lex.geo.get(fold(written))
    if entry and entry.kind == "country":
        return [Hit(index, match.start(1), match.end(1), entry.name, "country", 0)]
    name = entry.name if entry and entry.kind in ("capital", "city") else "-".join(w.capitalize() for w in written.split("-"))
    return [Hit(index, match.start(1), match.end(1), name, "place", 0)]


def _part_of_name(hit: Hit, text: str, org_spans: list[tuple[int, int]], lex: Lexicon) -> bool:
    """"Université de Genève", "Bourse de Paris", "France Inter": a city, or a country that opens the name, is part of it."""
    inside = [(s, e) for s, e in org_spans if s <= hit.start and hit.end <= e and (s, e) != (hit.start, hit.end)]
    if not inside:
        return False
    entry = lex.geo.get(fold(text[hit.start:hit.end]))
    city = hit.type == "place" or (entry is not None and entry.kind in ("capital", "city"))
    return city or any(s == hit.start for s, _ in inside)


def _rubric(block: Block) -> bool:
    """A short line in capitals ("ÉCONOMIE", "DRÔME / SOCIÉTÉ") is a rubric of the outlet, not a sentence."""
    if len(block.text.split()) > 5:
        return False   # the cheap test first: most blocks are sentences
    letters = [c for c in block.text if c.isalpha()]
    if block.kind == "byline" or lexicon().agency_ci.fullmatch(block.text.strip()):
        return False  # "ATS", "AFP": an agency's name on its own line signs the story
    return bool(letters) and all(c.isupper() for c in letters)


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


def find_mentions(article: Article, sentences: Sequence[Span], docs: Sequence[Doc], knowledge: Knowledge) -> tuple[Mention, ...]:
    """Every person, organisation, country and place the article names, with the name each refers to."""
    return read_names(article, sentences, docs, knowledge)[0]


def read_names(article: Article, sentences: Sequence[Span], docs: Sequence[Doc],
               knowledge: Knowledge) -> tuple[tuple[Mention, ...], tuple[RolePhrase, ...]]:
    """The article's mentions, and the roles it writes without a name it can give them."""
    lex = lexicon()
    hits: list[Hit] = []
    for index, (block, doc) in enumerate(zip(article.blocks, docs)):
        head = masthead(block.kind, block.text, article.sidecar.outlet)
        hits += [Hit(index, head[0], head[1], head[2], "organisation", 0)] if head else []
        if block.kind == "section" or _rubric(block) or (head and block.text.strip() == block.text[head[0]:head[1]]):
            # Rubric and masthead lines ("/ Monde - Asie", "LE JOURNAL") name the outlet and its pages, not actors;
            # the outlet itself is one.
            continue
        text = block.text
        if byline_like(block.kind, text):
            # The byline names the publisher; its authors are not actors of the story.
            hits += [Hit(index, s, e, n, "organisation", 0) for s, e, n in byline_publishers(text)]
            continue
        hits += [Hit(index, s, e, n, "organisation", 0) for s, e, n in credits(text)]
        hits += _known(index, text, knowledge)
        hits += _dateline_place(index, text, lex)
        marks = [m.start() for m in CREDIT.finditer(text)]
        # "[KEYSTONE - EPA/JEAN DUPONT]" closing a caption: after the slash, who took the picture.
        marks += [m.start(1) for m in _BRACKET_CREDIT.finditer(text)]
        # Who took the picture: "... le 4 décembre. JEAN DUPONT / AFP" closing the text, "Photo: Jean Dupont Agence
        # France-Presse Le ministre ..." opening a caption (the agency stays a publisher).
        taken = [m.span(1) for m in _CAPITALS_CREDIT.finditer(text)] + [_credit_label(text, lex) or (0, 0)]
        lead = _rubric_lead(text, lex)
        # After "Photo:" come credits only: photographers and agencies, not actors of the story.
        hits += [h for h in _block_hits(index, text, doc, lex)
                 if not any(h.start >= mark for mark in marks) and h.start >= lead
                 and not any(start <= h.start < end for start, end in taken)]
    texts = [None if b.kind == "section" or byline_like(b.kind, b.text) or _rubric(b) else b.text for b in article.blocks]
    hits = _counted_dropped(_storms_dropped(_attributed(article, hits), texts), texts)
    hits += propagate(hits, texts, lex)
    hits += propagate_surnames(hits, texts, lex)
    hits = short_forms(_sites_not_persons(hits, texts, lex), texts, lex)
    hits = _descriptors_dropped([_whose_ministry(h, texts, lex) for h in hits], texts)
    hits = _national_branches(hits, texts, lex)
    inner = _known_complements(hits, article)
    hits = _drop_weak_persons(_resolve_overlaps(_not_persons([h for h in hits if h not in inner]))) + inner
    # A building's name holds no organisation; a street's or a square's no person either ("place Paul-Durand").
    sites = [h for h in hits if h.type == "place" and h.priority in (2, 3)]
    hits = [h for h in hits if not (h.type in ("organisation", "person") and any(
        b.block == h.block and b.start <= h.start and h.end <= b.end and (b.priority == 2 or h.type == "organisation")
        for b in sites))]
    mentions, people = _named(article, hits, lex)
    resolved, unresolved = _role_mentions(article, mentions, people, lex)
    mentions = _apply_knowledge(mentions + resolved, knowledge, article)
    return tuple(sorted(mentions, key=lambda m: (m.span, m.name))), tuple(unresolved)


# "le cyclone Chido", "la tempête Ciaran": a storm's name, which the article may then use alone ("après Chido").
_STORM = re.compile(rf"(?i:cyclones?|tempêtes?|ouragans?|typhons?|tornades?|dépressions?\s+tropicales?)\s+([{UPPER}][\w-]+)")


# "deux Casa de l'armée de l'Air", "trois Rafale": a name counted is a type of thing, not someone (counted in
# words: figures before a name are a date's, "le 10 octobre 2025 Dmitri Medvedev").
_COUNTED = re.compile(r"(?i)(?<![\w-])(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|"
                      r"trente|quarante|cinquante|cent|plusieurs|quelques)\s+$")


def _counted_dropped(hits: list[Hit], texts: Sequence[str | None]) -> list[Hit]:
    return [h for h in hits if not (h.type in ("person", "organisation") and h.priority > 0 and texts[h.block]
                                    and _COUNTED.search(texts[h.block][max(0, h.start - 20):h.start]))]


def _storms_dropped(hits: list[Hit], texts: Sequence[str | None]) -> list[Hit]:
    """A storm is neither a person nor a place nor a body, wherever the article names it."""
    storms = {fold(m.group(1)) for text in texts if text for m in _STORM.finditer(text)}
    return [h for h in hits if fold(h.name) not in storms] if storms else hits


def _national_branches(hits: list[Hit], texts: Sequence[str | None], lex: Lexicon) -> list[Hit]:
    """"la Croix-Rouge comorienne", "Greenpeace France": a known body and the nationality after it name one
    of its national branches, which takes the place of the known name there."""
    starting: dict[tuple[int, int], list[Hit]] = defaultdict(list)
    for hit in hits:
        if hit.type == "organisation":
            starting[(hit.block, hit.start)].append(hit)
    out = []
    for hit in hits:
        known = [k for k in starting.get((hit.block, hit.start), ()) if k.end < hit.end and k.priority < hit.priority]
        tail = (texts[hit.block] or "")[known[0].end:hit.end].split() if known and hit.type == "organisation" else []
        if tail and all(w[:1].islower() and is_demonym(w, lex) for w in tail):
            hit = replace(hit, priority=known[0].priority)
        out.append(hit)
    return out


_BRACKET_CREDIT = re.compile(r"\[[^\[\]/]*[A-Z][^\[\]/]*(/)[^\[\]]*\]\s*$")
_CAPITALS_CREDIT = re.compile(rf"(?:^|[.!?»]\s+|\(\s*)((?:[{UPPER}][{UPPER}'’-]+\s+){{1,3}}[{UPPER}][{UPPER}'’-]+)\s*/\s*"
                              rf"[{UPPER}][\w.-]*\s*\)?\s*$")


def _credit_label(text: str, lex: Lexicon) -> tuple[int, int] | None:
    """"Photo: Jean Dupont Agence France-Presse Le ministre ...": after a label opening a caption, the credit runs to
    the agency; the caption follows."""
    label = re.match(r"\s*(?:Photos?|Crédits?(?:\s+photo)?)\s*:\s*", text, re.I)
    agency = lex.agency_ci.search(text, label.end(), label.end() + 80) if label else None
    if agency is None or not re.fullmatch(rf"(?:[{UPPER}][\w'’-]*\s+){{1,4}}", text[label.end():agency.start()]):
        return None   # ("Photo : X à sa sortie du palais. © AGENCE": the caption comes first)
    return label.end(), agency.start()


def _attributed(article: Article, hits: list[Hit]) -> list[Hit]:
    """"selon Opta": a single name after "selon" or "d'après" that no person of the article bears is a body."""
    tokens = {t for h in hits if h.type == "person" and len(_person_key(h.name)) > 1 for t in _person_key(h.name)}
    out = []
    for hit in hits:
        if hit.type == "person" and hit.priority > 0 and len(_person_key(hit.name)) == 1 and fold(hit.name) not in tokens \
                and re.search(r"(?i)(?:selon|d['’]après)\s+$", article.blocks[hit.block].text[max(0, hit.start - 12):hit.start]):
            hit = replace(hit, type="organisation", priority=4, role=None, country=None)
        out.append(hit)
    return out


SITE = re.compile(rf"^\S+\s+(?:de\s+la\s+|de\s+l[’']\s*|du\s+|des\s+|de\s+|d[’']\s*)([{UPPER}].*)$")


def _sites_not_persons(hits: list[Hit], texts: list[str | None], lex: Lexicon) -> list[Hit]:
    """"le château d'Alden Biesen": the name after a site's head is a place's name, not a person's,
    there and wherever else the article writes it (then a place where French puts one)."""
    tails = set()
    for hit in hits:
        if hit.type == "place" and hit.priority <= 3 and texts[hit.block] is not None:
            match = SITE.match(texts[hit.block][hit.start:hit.end])
            if match and " " in match.group(1) and _starts_with_phrase(texts[hit.block], hit.start, lex.street_heads):
                tails.add(fold(match.group(1)))
    out = []
    for hit in hits:
        if hit.type == "person" and hit.priority > 0 and fold(hit.name) in tails:
            if _locative(texts[hit.block], hit.start, lex, []):
                out.append(replace(hit, type="place", priority=6, role=None, country=None))
            continue
        out.append(hit)
    return out


def _descriptors_dropped(hits: list[Hit], texts: list[str | None]) -> list[Hit]:
    """"l'agence officielle nord-coréenne KCNA", "le quotidien japonais Asahi": a head noun and its adjectives
    right before a name describe that name; they are not an organisation of their own."""
    named = {(h.block, h.start) for h in hits if h.type == "organisation"}
    out = []
    for hit in hits:
        text = texts[hit.block]
        words = hit.name.split()
        if hit.type == "organisation" and text is not None and len(words) > 1 \
                and all(w[:1].islower() for w in words[1:]) and text[hit.start:hit.start + 1].islower():
            after = len(text[hit.end:]) - len(text[hit.end:].lstrip())
            if (hit.block, hit.end + after) in named and after > 0:
                continue
        out.append(hit)
    return out


MINISTRY = re.compile(r"^(Ministère)\s+((?:de\s+la|de\s+l['’]|du|des)\s+.+)$")


def _whose_ministry(hit: Hit, texts: list[str | None], lex: Lexicon) -> Hit:
    """"À Kiev, le ministère des Affaires étrangères a dénoncé", "Pyongyang a répondu par la voix de son
    ministère des Affaires étrangères": a ministry the text does not qualify belongs to the country its
    sentence names just before it (a country, its capital or its seat), and is named as French names it."""
    match = MINISTRY.match(hit.name) if hit.type == "organisation" else None
    text = texts[hit.block] if match else None
    if text is None:
        return hit
    # "le ministère des Finances de la République française" names its own country: its name as written.
    own = re.search(r"\s+(?:de\s+la|de\s+l['’]|du|des|de)\s+([^,]+)$", match.group(2))
    entry = lex.geo.get(fold(own.group(1))) if own else None
    if entry is not None and entry.kind == "country":
        return hit
    start = max(text.rfind(". ", 0, hit.start), text.rfind("? ", 0, hit.start), text.rfind("! ", 0, hit.start)) + 1
    countries = [lex.geo[fold(m.group(0))].country for m in lex.geo_re.finditer(text, start, hit.start)
                 if lex.geo.get(fold(m.group(0))) is not None
                 and lex.geo[fold(m.group(0))].kind in ("country", "capital", "seat")]
    # "son ministère" is its subject's, the first the sentence names; otherwise the nearest before it.
    possessive = re.search(r"(?i)\b(?:son|sa|leur)\s+$", text[max(start, hit.start - 8):hit.start])
    demonym = (lex.demonym_of or {}).get(countries[0] if possessive else countries[-1]) if countries else None
    if demonym is None:
        return hit
    return replace(hit, name=f"{match.group(1)} {demonym} {match.group(2)}")


# "Su-57", "KN-23", "Tu-160": a model of aircraft or missile, a thing and not an actor.
# ("A400M", "F-16", "A320": letters and three figures, or a hyphen; "G20" is a group of countries.)
_MODEL = re.compile(r"[^\W\d_]{2,}-\d{2,}|[A-Z]{1,3}(?:-\d{2,4}|\d{3,4})[A-Z]?")


def _not_persons(hits: list[Hit]) -> list[Hit]:
    """A one-word "person" that the article elsewhere shows to be a place or an organisation is not a person;
    a model's name ("Su-57") is neither."""
    others = {h.name for h in hits if h.type in ("place", "organisation") and h.priority <= 7}
    return [h for h in hits if not (h.type == "person" and h.priority > 0 and " " not in h.name and h.name in others)
            and not (h.type in ("person", "organisation") and h.priority > 0 and _MODEL.fullmatch(h.name))]


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
        mentions.append(Mention(Span(hit.block, hit.start, hit.end), text, name, hit.type, hit.role,
                                hit.country if hit.type == "person" else None))
    return mentions, people


def _role_mentions(article: Article, mentions: list[Mention], people: dict,
                   lex: Lexicon) -> tuple[list[Mention], list[RolePhrase]]:
    """"le dirigeant turc" as a mention of the one person the article gives that role; the role phrases
    of a country it gives no one are left for the corpus to resolve."""
    out, unresolved = [], []
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
            text = block.text[start:end]
            if who:
                out.append(Mention(Span(index, start, end), text, who, "person", text, country))
            elif not (named or inside) and role and (country or role in MONARCHS):
                unresolved.append(RolePhrase(Span(index, start, end), text, role, country))
    return out, unresolved


# --- The dossier's knowledge and the article's sidecar ---------------------------

def _known_complements(hits: list[Hit], article: Article) -> list[Hit]:
    """"la Commission militaire centrale du Parti X": a body named with a known organisation as its complement
    is a body of its own, and the known one is named too; neither cuts the other short."""
    bodies = [h for h in hits if h.type == "organisation" and h.priority >= 0]
    return [h for h in hits if h.priority < 0 and h.type == "organisation" and any(
        b.block == h.block and b.start < h.start and h.end <= b.end
        and _OF.search(article.blocks[h.block].text[b.start:h.start]) for b in bodies)]


_OF = re.compile(r"\s(?:du|de\s+la|de\s+l['’]|des|de|d['’])\s*$")


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
