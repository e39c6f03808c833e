"""Whom an article credits: attributions ("selon Reuters", "a rapporté Interfax", "X a affirmé que")
and its publisher (agency byline, photo credit): Article + sentences + mentions -> Citations."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .lexicon import DATA, TIME_WORDS, _plain, lexicon
from .organisations import CREDIT, byline_like, byline_publishers, credits
from .model import Article, Citation, Mention, Span
from .text import fold

APOS = "'’"
DETS = rf"(?:(?:(?:les|la|le|une|un|des|du|de|ces|cette|ce|leurs|leur|ses|son|sa)\b|l[{APOS}]|d[{APOS}])\s*)"
PRONOUNS = {"lui", "elle", "eux", "elles", "moi", "nous", "vous", "toi", "celui-ci", "celle-ci", "ceux-ci", "ils", "il", "on"}
# "selon cette source", "de même source": the source named just before.
ANAPHORA = re.compile(r"^(?:cette|la|de)\s+(?:même\s+)?source\b|^ces\s+(?:mêmes\s+)?sources\b|^la\s+même\s+source\b", re.I)


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    data = yaml.safe_load((DATA / "sources.yml").read_text(encoding="utf-8"))

    def alt(words):
        return "|".join(re.escape(w).replace("'", f"[{APOS}]") for w in sorted(set(words), key=len, reverse=True))

    time = "|".join(sorted(TIME_WORDS, key=len, reverse=True))
    verbs, present = alt(data["verbs"]), alt(data["present"])
    return {
        "data": data,
        "intro": re.compile(rf"(?<![\w-])(?:{alt(data['introducers'])})(?:\s+(?:{time}))?\s+", re.I),
        "carrier": re.compile(rf"{DETS}?(?:{alt(data['carriers'])})(?:\s+\w+)?\s+(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I),
        "inverted": re.compile(rf"(?:,|»|”|\")\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))"
                               rf"(?:\s+(?:{time}|ce|cette|hier|soir|matin|midi|encore|aussi|également|pour\s+sa\s+part))*\s+(?!que\b|qu[{APOS}])", re.I),
        # "X a affirmé que", "X a dénoncé dans un communiqué un « vol »": the subject is the source.
        "subject": re.compile(rf"(?<![\w-])(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))\b[^.;«»]{{0,60}}?"
                              rf"(?:\s+qu(?:e\b|[{APOS}])|\s*[«\"“]|\s*:|\s+dans\s+un\s+communiqué)"
                              # "X a indiqué vendredi suivre ...": a reporting verb with an infinitive.
                              rf"|(?<![\w-])(?:(?:a|ont)\s+(?:{alt(data['infinitive_verbs'])})|(?:{alt(data['infinitive_present'])}))"
                              rf"(?:\s+(?:{time}|de\s+son\s+côté|pour\s+sa\s+part))*\s+(?:ne\s+pas\s+|n['’]\s*)?[a-zé]+(?:er|ir|re)\b"
                              # "La préfecture a recensé 14 interpellations": who counted is the source of the figure.
                              rf"|(?<![\w-])(?:(?:a|ont|avait|avaient)\s+(?:{alt(data['counting'])})|(?:{alt(data['counting_past'])}))\b", re.I),
        # "« ... », a-t-il ajouté": the speaker is the subject the text has just named.
        "pronoun": re.compile(rf"(?:,|»|”|\")\s*(?:a|ont|avait|avaient|aurait)-t-(?:il|elle|ils|elles)\s+(?:{verbs})"
                              rf"|(?:,|»|”|\")\s*(?:{present})-(?:t-)?(?:il|elle|ils|elles)\b", re.I),
        # "Plusieurs diplomates occidentaux évoquent des contacts": an unnamed source as the subject of a reporting verb.
        "generic_subject": re.compile(rf"\s*(?:{alt(data['pre_nominal'])}|{DETS})\s*(?:{alt(data['pre_nominal'])}\s+)?"
                                      rf"(?:{alt(data['source_nouns'])})((?:\s+[\w'’-]+){{0,4}}?)\s+"
                                      rf"(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))\b", re.I),
        "own": re.compile(rf"(?<![\w-])(?:{alt(data['own_reporter'])})(?![\w-])", re.I),
        "company": re.compile(rf"^(?:{alt(data['company_nouns'])})$", re.I),
        # "le jury présidé par X": the jury speaks, X only presides it.
        "stop": re.compile(rf"[,.;:!?()«»\"“”]|\s[\w-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+par\s|\s(?:qui|que|qu[{APOS}]|dont|et|ou|a|ont|est|sont|dans|pour|sur|avec|après|avant|lors|en|à|au|aux|sous|chez|sans|par|lorsqu[{APOS}]?)\s|\s(?:{time})(?![\w-])", re.I),
    }


@dataclass(frozen=True)
class Context:
    """What the whole article tells about its sources: who publishes it, which organisation it is about."""
    publisher: str | None        # the agency or outlet of the byline, dateline or credit
    company: str | None          # the organisation "le groupe", "l'entreprise" points back to
    mentions: tuple[Mention, ...]


def find_citations(article: Article, sentences: Sequence[Span], mentions: Sequence[Mention]) -> tuple[Citation, ...]:
    """Every source the article credits, in reading order, with the sentence that rests on it."""
    found: list[Citation] = []
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.span.block, []).append(mention)
    for index, block in enumerate(article.blocks):
        if byline_like(block.kind, block.text):
            for start, end, name in byline_publishers(block.text):
                found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        for start, end, name in credits(block.text):
            found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        head = _masthead(block.kind, block.text) if not byline_like(block.kind, block.text) else None
        if head:
            found.append(Citation(Span(index, head[0], head[1]), head[2], _sentence_of(sentences, index, head[0]), "publisher"))
    publisher = next((c.source for c in found if c.kind == "publisher" and not _is_credit(article, c)), None)
    context = Context(publisher, _company(mentions), tuple(mentions))
    previous: str | None = None
    before: list[Mention] = []
    for sentence in sentences:
        text = article.blocks[sentence.block].text
        local = [m for m in by_block.get(sentence.block, []) if sentence.start <= m.span.start < sentence.end]
        for span, name in _attributions(text, sentence, local, previous, before, context):
            found.append(Citation(span, name, sentence))
            previous = name
        before = local or before
    unique, seen = [], set()
    for citation in found:
        key = (fold(citation.source), citation.sentence, citation.kind)
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return tuple(unique)


def _is_credit(article: Article, citation: Citation) -> bool:
    """A photo credit names who took a picture, not who wrote the story."""
    text = article.blocks[citation.span.block].text
    return article.blocks[citation.span.block].kind == "caption" or "©" in text or any(
        m.start(1) <= citation.span.start < m.end(1) for m in CREDIT.finditer(text))


def _company(mentions: Sequence[Mention]) -> str | None:
    """The organisation the article names most: what "le groupe" or "l'entreprise" points back to."""
    counts = Counter(m.name for m in mentions if m.type == "organisation" and m.span.block >= 0)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _sentence_of(sentences: Sequence[Span], block: int, pos: int) -> Span:
    return next((s for s in sentences if s.block == block and s.start <= pos < s.end), Span(block, pos, pos))


def _attributions(text: str, sentence: Span, mentions: list[Mention], previous: str | None,
                  before: list[Mention], context: Context) -> list[tuple[Span, str]]:
    """(where, source) for each attribution in one sentence; order of appearance."""
    pats = _patterns()
    part = text[:sentence.end]
    out: list[tuple[int, Span, str]] = []
    for key in ("intro", "inverted"):
        for match in pats[key].finditer(part, sentence.start):
            for got in _source_at(part, match.end(), sentence.block, mentions, previous, context):
                out.append((match.start(), *got))
                previous = got[1]
    for match in pats["subject"].finditer(part, sentence.start):
        for got in _subjects(part, sentence.start, match.start(), mentions, context, sentence.block):
            out.append((match.start(), *got))
    for match in pats["pronoun"].finditer(part, sentence.start):
        got = _speaker(part, sentence, match.start(), mentions, before, context)
        if got:
            out.append((match.start(), *got))
    generic = pats["generic_subject"].match(part, sentence.start)
    if generic and not any(m.span.start < generic.end() for m in mentions if m.type in ("person", "organisation")):
        phrase = _trim_phrase(part, sentence.start, generic.end(), pats)
        if phrase:
            out.append((sentence.start, Span(sentence.block, *phrase), part[phrase[0]:phrase[1]]))
    for match in pats["own"].finditer(part, sentence.start):
        if context.publisher:
            out.append((match.start(), Span(sentence.block, match.start(), match.end()), context.publisher))
    out.sort(key=lambda item: item[0])
    return [(span, name) for _, span, name in out]


def _trim_phrase(text: str, start: int, verb_end: int, pats: dict) -> tuple[int, int] | None:
    """The noun phrase before the verb of a generic subject, without its determiner or quantifier."""
    verb = re.search(r"\s+(?:a|ont|avait|avaient|aurait|auraient)\s+\S+$|\s+\S+$", text[start:verb_end])
    end = start + verb.start() if verb else verb_end
    body = _skip_determiners(text, start, pats)
    return (body, end) if end > body else None


def _skip_determiners(text: str, pos: int, pats: dict) -> int:
    quantifiers = "|".join(re.escape(w) for w in ("plusieurs", "certains", "certaines", "de nombreux", "de nombreuses",
                                                   "nombre de", "quelques", "deux", "trois", "d'autres", "d’autres"))
    match = re.compile(rf"\s*(?:(?:{quantifiers})\b\s*|{DETS})*", re.I).match(text, pos)
    return match.end() if match else pos


def _source_at(text: str, pos: int, block: int, mentions: list[Mention], previous: str | None,
               context: Context) -> list[tuple[Span, str]]:
    """The source named from `pos`: a mention, an anaphora ("cette source") or a generic noun phrase.

    An outlet spoken to ("a déclaré à l'AFP", "au micro de France 2") is skipped, and cited too when it is an agency."""
    pats = _patterns()
    found: list[tuple[Span, str]] = []
    while True:
        outlet = _outlet_spoken_to(text, pos, mentions)
        if not outlet:
            break
        pos, mention, told = outlet
        # "à l'AFP": the agency got the statement and reports it; "sur France Inter": only where it was said.
        if told and mention is not None and fold(mention.name) in lexicon().agencies:
            found.append((mention.span, mention.name))
    carrier = pats["carrier"].match(text, pos)
    if carrier:
        pos = carrier.end()
    body = _skip_determiners(text, pos, pats)
    rest = text[pos:]
    if ANAPHORA.match(rest):
        end = pos + ANAPHORA.match(rest).end()
        return found + ([(Span(block, pos, end), previous)] if previous else [])
    word = re.match(r"[\w-]+", text[body:])
    if not word or fold(word.group(0)) in PRONOUNS:
        return found
    stop = pats["stop"].search(text, body)
    end = stop.start() if stop else len(text)
    # "selon l'agence de presse officielle X", "selon une annonce du ministère ...": the name inside.
    inside = [m for m in mentions if pos <= m.span.start < end and m.type != "place"]
    if inside:
        best = sorted(inside, key=lambda m: (m.span.start, -(m.span.end - m.span.start)))[0]
        return found + [(m.span, m.name) for m in _coordinated(text, best, mentions)]
    # "a déclaré M. Choïgou": the honorific's bearer, not "M".
    honorific = re.compile(r"(?:M|Mme|Mlle|Me|Dr|Pr|Mgr)\.?\s*").match(text, body)
    if honorific:
        bearer = [m for m in mentions if m.type == "person" and m.span.start <= honorific.end() + 1 <= m.span.end + 1
                  and m.span.end > honorific.end()]
        return found + [(bearer[0].span, bearer[0].name)] if bearer else found
    # "a assuré le ministre des Affaires étrangères, Robert Dussey": the person the apposition names.
    named = [m for m in mentions if m.type == "person" and 0 <= m.span.start - end <= 90
             and re.fullmatch(r"[^.;:«»,]*,\s*(?:(?:M|Mme|Me|Dr|Pr|Mgr)\.?\s+)?", text[end:m.span.start])
             and _role_phrase(text[body:end])]
    if named:
        return found + [(named[0].span, named[0].name)]
    # "selon plusieurs médias, dont l'AFP": the members the text names.
    members = re.compile(rf",\s*dont\s+(?:l[{APOS}]|la\s+|le\s+|les\s+)?").match(text, end)
    if members:
        named = [m for m in mentions if m.span.start == members.end() and m.type == "organisation"]
        if named:
            return found + [(named[0].span, named[0].name)]
    # "a indiqué un porte-parole du groupe au Dauphiné libéré": the outlet that got the statement is cited too.
    told = re.compile(rf"\s*(?:à\s+l[{APOS}]\s*|à\s+la\s+|au\s+|à\s+)").match(text, end)
    if told:
        found += [(m.span, m.name) for m in mentions
                  if m.span.start == told.end() and fold(m.name) in lexicon().agencies]
    phrase = text[body:end].strip()
    words = phrase.split()
    if not words or len(words) > 6:
        return found
    if pats["company"].match(phrase) and context.company:
        return found + [(Span(block, body, body + len(phrase)), context.company)]
    if not _source_head(words, pats):
        return found
    return found + [(Span(block, body, body + len(phrase)), phrase)]


def _coordinated(text: str, first: Mention, mentions: list[Mention]) -> list[Mention]:
    """"cité par les agences TASS et RIA Novosti": the first source and those "et" or a comma joins to it."""
    out = [first]
    while True:
        link = re.compile(r"\s*(?:,|et|ainsi\s+que)\s+(?:(?:la|le|les|l['’])\s*)?").match(text, out[-1].span.end)
        nxt = [m for m in mentions if link and m.span.start == link.end() and m.type in ("organisation", "person")]
        if not nxt:
            return out
        out.append(nxt[0])


def _role_phrase(phrase: str) -> bool:
    """"le ministre des Affaires étrangères", "son avocat": a title, which a name in apposition then gives a holder."""
    first = _plain(phrase.strip().split()[0]) if phrase.strip() else ""
    return any(_plain(role).split()[0] == first for role in lexicon().roles)


def _masthead(kind: str, text: str) -> tuple[int, int, str] | None:
    """"Le Parisien - 9 février 2026", "Ouest-France", "20 Minutes avec agences": a header line naming the outlet."""
    if kind == "paragraph" or len(text) > 80:
        return None
    lex = lexicon()
    match = lex.agency_re.match(text.strip())
    if not match:
        # "Monde - RTSinfo": a rubric, then the outlet, alone at the end of the line.
        tail = re.search(r"\s[-–—|·•]\s+(\S.*?)\s*$", text)
        whole = lex.agency_re.fullmatch(tail.group(1)) if tail else None
        return (tail.start(1), tail.end(1), lex.agencies[fold(whole.group(0))]) if whole else None
    offset = len(text) - len(text.lstrip())
    rest = text.strip()[match.end():]
    if rest.strip() and not re.match(r"\s*(?:[-–—|,/·•]|avec\b|\()", rest):
        return None
    return offset + match.start(), offset + match.end(), lex.agencies[fold(match.group(0))]


def _source_head(words: list[str], pats: dict) -> bool:
    """Does this phrase start with a noun that can be a source (a body, a role, a generic source)?"""
    lex = lexicon()
    data = pats["data"]
    pre = {fold(w) for w in data["pre_nominal"]}
    while len(words) > 1 and fold(words[0]) in pre:
        words = words[1:]
    head = fold(words[0])
    nouns = {fold(w) for w in data["source_nouns"]}
    return (head in lex.generic_sources or head in nouns or _plain(words[0]) in {_plain(h) for h in lex.heads}
            or words[0][0].isupper())


def _outlet_spoken_to(text: str, pos: int, mentions: list[Mention]) -> tuple[int, Mention | None, bool] | None:
    """", a déclaré à l'AFP X", "sur France Inter", "au micro de France 2": where the speaker starts after the outlet."""
    dative = re.compile(rf"\s*(?:à\s+la\s+|à\s+l[{APOS}]\s*|au\s+micro\s+d[e{APOS}]\s*|à\s+l[{APOS}]antenne\s+d[e{APOS}]\s*"
                        rf"|au\s+|aux\s+|à\s+|sur\s+(?:les\s+ondes\s+d[e{APOS}]\s*)?)").match(text, pos)
    if not dative:
        return None
    told = not text[pos:dative.end()].strip().startswith(("sur", "au micro", "à l'antenne", "à l’antenne"))
    spoken_to = [m for m in mentions if m.span.start == dative.end() and m.type == "organisation"]
    if spoken_to:
        return _skip(text, max(m.span.end for m in spoken_to)), spoken_to[0], told
    word = re.compile(r"[\w-]+\s+").match(text, dative.end())
    if word and text[pos:dative.end()].strip().startswith(("à la", "à l", "au", "aux")) and word.group(0)[0].isupper():
        return _skip(text, word.end()), None, told
    return None


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _speaker(text: str, sentence: Span, verb: int, mentions: list[Mention], before: list[Mention],
             context: Context) -> tuple[Span, str] | None:
    """", a-t-il ajouté": the subject of this sentence, else the first person or body of the sentence before."""
    pats = _patterns()
    opening = re.match(r"\s*(?:Le|La|L['’])\s*([\w-]+)", text[sentence.start:verb])
    if opening and pats["company"].match(opening.group(1)) and context.company:
        at = sentence.start + opening.start(1)
        return Span(sentence.block, at, at + len(opening.group(1))), context.company
    quote = text.find("«", sentence.start, verb)
    here = [m for m in mentions if m.type in ("person", "organisation") and m.span.start < (quote if quote >= 0 else verb)]
    if here:
        return here[0].span, here[0].name
    earlier = [m for m in before if m.type in ("person", "organisation")]
    if earlier:
        return earlier[0].span, earlier[0].name
    return None


def _subjects(text: str, start: int, verb: int, mentions: list[Mention], context: Context,
              block: int) -> list[tuple[Span, str]]:
    """The people and organisations in the clause before a reporting verb + "que"."""
    cuts = [start] + [start + m.end() for m in re.finditer(r"[,;:«»]", text[start:verb])]
    boundary = cuts[-1]
    # "X, présidente de la BCE, a déclaré que": the subject stands before its apposition.
    if len(cuts) >= 3 and not text[boundary:verb].strip() and text[cuts[-2]:cuts[-1]].strip()[:1].islower():
        boundary = cuts[-3]
        verb = cuts[-2] - 1
    inside = [m for m in mentions if boundary <= m.span.start and m.span.end <= verb
              and m.type in ("person", "organisation")]
    outer = [m for m in inside if not any(o is not m and o.span.start <= m.span.start and m.span.end <= o.span.end
                                          and (o.span.end - o.span.start) > (m.span.end - m.span.start) for o in inside)]
    if outer:
        return [(m.span, m.name) for m in outer]
    # "Le groupe a indiqué que": the organisation the article is about.
    subject = re.fullmatch(r"\s*(?:Le|La|L['’]|le|la|l['’])\s*([\w-]+)\s*", text[boundary:verb])
    if subject and _patterns()["company"].match(subject.group(1)) and context.company:
        at = boundary + subject.start(1)
        return [(Span(block, at, at + len(subject.group(1))), context.company)]
    return []
