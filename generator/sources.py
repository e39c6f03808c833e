"""Whom an article credits: attributions ("selon Reuters", "a rapporté Interfax", "X a affirmé que")
and its publisher (agency byline, photo credit): Article + sentences + mentions -> Citations."""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import yaml

from .actors import DATA, TIME_WORDS, _plain, byline_publishers, credits, lexicon
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
        "intro": re.compile(rf"(?<![\w-])(?:{alt(data['introducers'])})(?:\s+(?:{time}))?\s+", re.I),
        "carrier": re.compile(rf"{DETS}?(?:{alt(data['carriers'])})(?:\s+\w+)?\s+(?:de\s+la\s+|de\s+l[{APOS}]\s*|du\s+|des\s+|de\s+|d[{APOS}]\s*)", re.I),
        "inverted": re.compile(rf"(?:,|»|”|\")\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))"
                               rf"(?:\s+(?:{time}|ce|cette|hier|soir|matin|midi|encore|aussi|également|pour\s+sa\s+part))*\s+(?!que\b|qu[{APOS}])", re.I),
        "subject": re.compile(rf"(?<![\w-])(?:(?:a|ont|avait|avaient|aurait|auraient)\s+(?:{verbs})|(?:{present}))\b[^.;«»]{{0,60}}?\s+qu(?:e\b|[{APOS}])", re.I),
        # "le jury présidé par X": the jury speaks, X only presides it.
        "stop": re.compile(rf"[,.;:!?()«»\"“”]|\s[\w-]+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)\s+par\s|\s(?:qui|que|qu[{APOS}]|dont|et|ou|a|ont|est|sont|dans|pour|sur|avec|après|avant|lors)\s|\s(?:{time})(?![\w-])", re.I),
    }


def find_citations(article: Article, sentences: Sequence[Span], mentions: Sequence[Mention]) -> tuple[Citation, ...]:
    """Every source the article credits, in reading order, with the sentence that rests on it."""
    found: list[Citation] = []
    by_block: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_block.setdefault(mention.span.block, []).append(mention)
    for index, block in enumerate(article.blocks):
        if block.kind == "byline":
            for start, end, name in byline_publishers(block.text):
                found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
        for start, end, name in credits(block.text):
            found.append(Citation(Span(index, start, end), name, _sentence_of(sentences, index, start), "publisher"))
    previous: str | None = None
    for sentence in sentences:
        text = article.blocks[sentence.block].text
        local = [m for m in by_block.get(sentence.block, []) if sentence.start <= m.span.start < sentence.end]
        for span, name in _attributions(text, sentence, local, previous):
            found.append(Citation(span, name, sentence))
            previous = name
    unique, seen = [], set()
    for citation in found:
        key = (fold(citation.source), citation.sentence, citation.kind)
        if key not in seen:
            seen.add(key)
            unique.append(citation)
    return tuple(unique)


def _sentence_of(sentences: Sequence[Span], block: int, pos: int) -> Span:
    return next((s for s in sentences if s.block == block and s.start <= pos < s.end), Span(block, pos, pos))


def _attributions(text: str, sentence: Span, mentions: list[Mention], previous: str | None) -> list[tuple[Span, str]]:
    """(where, source) for each attribution in one sentence; order of appearance."""
    pats = _patterns()
    part = text[:sentence.end]
    out: list[tuple[int, Span, str]] = []
    for key in ("intro", "inverted"):
        for match in pats[key].finditer(part, sentence.start):
            got = _source_at(part, match.end(), sentence.block, mentions, previous)
            if got:
                out.append((match.start(), *got))
                previous = got[1]
    for match in pats["subject"].finditer(part, sentence.start):
        for got in _subjects(part, sentence.start, match.start(), mentions):
            out.append((match.start(), *got))
    out.sort(key=lambda item: item[0])
    return [(span, name) for _, span, name in out]


def _source_at(text: str, pos: int, block: int, mentions: list[Mention], previous: str | None) -> tuple[Span, str] | None:
    """The source named from `pos`: a mention, an anaphora ("cette source") or a generic noun phrase."""
    pats = _patterns()
    # ", a déclaré à l'AFP Jean Martin": the outlet spoken to is not the speaker.
    dative = re.compile(rf"(?:à\s+la\s+|à\s+l[{APOS}]\s*|au\s+|aux\s+)").match(text, pos)
    if dative:
        spoken_to = [m for m in mentions if m.span.start == dative.end()]
        word = re.compile(r"[\w-]+\s+").match(text, dative.end())
        pos = max(m.span.end for m in spoken_to) if spoken_to else (word.end() if word else pos)
        pos = _skip(text, pos)
    carrier = pats["carrier"].match(text, pos)
    if carrier:
        pos = carrier.end()
    det = re.compile(DETS + "*", re.I).match(text, pos)
    body = det.end() if det else pos
    rest = text[pos:]
    if ANAPHORA.match(rest):
        end = pos + ANAPHORA.match(rest).end()
        return (Span(block, pos, end), previous) if previous else None
    word = re.match(r"[\w-]+", text[body:])
    if not word or fold(word.group(0)) in PRONOUNS:
        return None
    stop = pats["stop"].search(text, body)
    end = stop.start() if stop else len(text)
    # "selon l'agence de presse officielle X", "selon une annonce du ministère ...": the name inside.
    inside = [m for m in mentions if pos <= m.span.start < end and m.type != "place"]
    if inside:
        best = sorted(inside, key=lambda m: (m.span.start, -(m.span.end - m.span.start)))[0]
        return best.span, best.name
    phrase = text[body:end].strip()
    words = phrase.split()
    if not words or len(words) > 5:
        return None
    lex = lexicon()
    head = fold(words[0])
    if head not in lex.generic_sources and _plain(words[0]) not in {_plain(h) for h in lex.heads} and not words[0][0].isupper():
        return None
    return Span(block, body, body + len(phrase)), phrase


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \u00a0":
        pos += 1
    return pos


def _subjects(text: str, start: int, verb: int, mentions: list[Mention]) -> list[tuple[Span, str]]:
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
    return []
