"""Event candidates: an annotated article -> every (sentence, date) that tells an event.

A sentence with an event word (data/events.yml) and a date, its own or one its context
gives, is a candidate; so is an undated sentence that may tell an event dated elsewhere.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple
from functools import lru_cache
from itertools import combinations

from .event_lexicon import Kind, Lexicon, strip_article, lexicon
from .lexicon import lexicon as names_lexicon
from .model import AnnotatedArticle, Mention, Span
from .organisations import NAMED_HEADS
from .text import SIGN_OFF, fold

# Blocks whose text tells what happened; bylines, datelines and rubrics never do.
TEXT_BLOCKS = ("title", "kicker", "heading", "caption", "paragraph")
# How much a shared participant says that two reports tell one event.
TYPE_WEIGHT = {"person": 3.0, "organisation": 2.0, "place": 2.0, "country": 1.0}
# The kind a dated saying verb makes of its sentence ("a déclaré mercredi").
STATEMENT = "declaration"
# Families of events that are something said: whoever says it takes part ("le ministère a annoncé mardi").
SAYING = frozenset({STATEMENT, "annonce"})
ARTICLES = frozenset({"le", "la", "les", "l"})
CAPTION_CREDIT = re.compile(r"[|©]|\(?\b(?:Photos?|Crédits?)\b\s*:", re.I)
# Families whose participants are teams, which reports name by their town ("Lens a battu Lille").
TEAM_FAMILIES = frozenset({"match"})
# Verbs by which media relay news rather than someone speaking: no statement event.
MEDIA_REPORTING = frozenset({"selon", "d", "apres", "rapporte", "rapportent", "rapportait", "cite", "citant", "relaie",
                             "relayant", "publie", "diffuse", "source", "croire"})
# Words that introduce a channel or a paper, not a participant ("la télévision publique X").
MEDIA_NOUNS = frozenset({"television", "chaine", "radio", "journal", "quotidien", "hebdomadaire", "magazine",
                         "site", "antenne", "micro", "micros", "ondes", "plateau"})
# "il y a eu", "il s'agit", "il faut": "il" stands for nobody.
# Pronouns that stand for the person the article just named.
SUBJECT_PRONOUNS = frozenset({"il", "elle"})
# Determiners that point at what was just told ("cette rencontre").
DEMONSTRATIVES = frozenset({"ce", "cet", "cette", "ces"})
IMPERSONAL = frozenset({"y", "faut", "semble", "parait", "suffit", "reste", "importe", "convient"})
# A wire's dateline opening its lead ("OSLO, 3 mai (Agence) - ...", "Lyon, le 3 mai 2030 -- ..."): the place
# before the date, the agency and a dash after it. That date is when the piece was written, not what it tells.
WIRE_PLACE = re.compile(r"^\s*[A-ZÀ-Þ][^\W\d_]*(?:[ '’.\-]+[^\W\d_]+){0,3}\s*(?:\([^)]{1,20}\))?\s*,\s*(?:le\s+)?$")
WIRE_AFTER = re.compile(r"^\s*,?\s*(?:\([^)]{1,25}\)\s*)?(?:--|[-–—])\s")


@dataclass(frozen=True)
class Candidate:
    """One sentence telling one event at one date (its own or its context's)."""
    seed: str
    index: int                       # position of the sentence in its article
    sentence: Span
    text: str
    kind: str
    family: str
    word: str                        # the event word as written
    date: str | None
    precision: str | None
    date_text: str | None
    actors: tuple[str, ...]          # persons, organisations, countries
    places: tuple[str, ...]
    keys: Mapping[str, float]        # entity key -> weight, for comparing candidates
    words: frozenset[str]            # content words, for comparing meaning
    where: frozenset[str] = frozenset()   # its places, and the countries their capitals stand for
    rank: int = 3                         # its kind's rank: 1 for words as specific as "coup d'État"
    also: frozenset[str] = frozenset()    # other families it may join ("le défilé" of a strike day)
    told_before: bool = False             # undated, it opens on "Cette rencontre": its article's event

    @cached_property   # read about a million times by the clustering
    def families(self) -> frozenset[str]:
        return self.also | {self.family}


class _Token(NamedTuple):
    """A word of a sentence (a tuple: sentences have many and are read once)."""
    start: int
    end: int
    word: str        # folded
    segment: int
    quoted: bool = False   # inside a quotation: words someone said, not the event told


@dataclass(frozen=True)
class _Hit:
    kind: Kind
    first: int       # token indexes
    last: int
    needs_organisation: bool = False
    announced: bool = False    # governed by a saying verb ("a annoncé la fermeture"): its speaker acts


@dataclass(frozen=True)
class _Dated:
    value: str | None
    precision: str | None
    text: str
    first: int       # token index of the date in its sentence
    last: int
    frame: bool      # opens the sentence: it dates what follows too


# Families whose events one occasion can hold: a treaty is signed during a visit or a meeting.
OCCASION = frozenset({"accord", "rencontre", "visite", "declaration"})
WORD = re.compile(r"[^\W_]+")
# Words recur across a corpus: fold each spelling once.
fold_word = lru_cache(maxsize=1 << 16)(fold)
_BOUNDARY = re.compile(r"[,;:()\[\]]|\s[–—-]\s")
# A quotation of three words or more: what someone said ("« Cet accord était équilibré »"); one or two
# words in quotes are the article's own words, held at a distance ("la « libération » de la ville").
_QUOTE = re.compile(r'«\s*[^»\s]+(?:\s+[^»\s]+){2,}\s*»|“\s*[^”\s]+(?:\s+[^”\s]+){2,}\s*”|"\s*[^"\s]+(?:\s+[^"\s]+){2,}\s*"')
# ...but a short noun phrase in quotes names a thing, says nothing ("annonce « une journée de deuil national »").
_QUOTED_TERM = re.compile(r"[«“\"]\s*(?i:un|une|le|la|les|des|l['’])\s*[^\s»”\"]+(?:\s+[^\s»”\"]+){0,4}\s*[»”\"]")


def _tokens(text: str) -> list[_Token]:
    """The words of a sentence, each with the number of its comma-separated part."""
    boundaries = [m.start() for m in _BOUNDARY.finditer(text)]
    tokens = [_Token(m.start(), m.end(), fold_word(m.group()), bisect_right(boundaries, m.start()) if boundaries else 0)
              for m in WORD.finditer(text)]
    quotes = [m.span() for m in _QUOTE.finditer(text) if not _QUOTED_TERM.fullmatch(m.group(0))]
    if quotes:
        tokens = [t._replace(quoted=True) if any(s < t.start < e for s, e in quotes) else t for t in tokens]
    return tokens


def _folded(tokens: Sequence[_Token]) -> tuple[str, list[int]]:
    """The sentence as one folded string, and where each token starts in it."""
    starts, parts, pos = [], [], 0
    for token in tokens:
        starts.append(pos)
        parts.append(token.word)
        pos += len(token.word) + 1
    return " ".join(parts), starts


def _segments(tokens: Sequence[_Token], lex: Lexicon) -> tuple[set[int], set[int]]:
    """Segments that credit a source, and segments that are relative clauses."""
    words: dict[int, list[str]] = defaultdict(list)
    for token in tokens:
        words[token.segment].append(token.word)
    reporting, relative = set(), set()
    for segment, seq in words.items():
        text = " ".join(seq)
        if (segment > 0 and lex.reporting.match(text)) or lex.reporting_initial.match(text):
            reporting.add(segment)
        elif segment > 0 and (lex.relative.match(text) or AGENT_PARTICIPLE.match(text)):
            relative.add(segment)
    return reporting, relative


# ", partiellement occupée par X depuis l'été": a passive participle set between commas describes a noun;
# its date is its own, like a relative clause's (folded words).
AGENT_PARTICIPLE = re.compile(r"^(?:\w+ment )?\w+(?:e|ee|es|ees|is|ise|ises|u|ue|us|ues|it|ite|its|ites) par\b")


def _hits(tokens: Sequence[_Token], lex: Lexicon, skip: set[int]) -> list[_Hit]:
    text, starts = _folded(tokens)
    # Every form starts at a word: try each kind only where one of its words or phrases may start.
    tries: dict[int, set[int]] = defaultdict(set)
    for token, start in zip(tokens, starts):
        for n in (lex.by_trigger or {}).get(token.word, ()):
            tries[n].add(start)
    phrase_starts = [m.start() for m in lex.starts.finditer(text)] if lex.starts else []
    for n in lex.phrased:
        tries[n].update(phrase_starts)
    hits = []
    for n in sorted(tries):
        kind, end = lex.kinds[n], -1
        excluded: list[tuple[int, int]] | None = None
        for position in sorted(tries[n]):
            match = kind.pattern.match(text, position) if position >= end else None
            if match is None:
                continue
            end = max(match.end(), position + 1)
            if excluded is None:
                excluded = [m.span() for m in kind.exclude.finditer(text)] if kind.exclude else []
            if any(s <= match.start() and match.end() <= e for s, e in excluded):
                continue
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.end() - 1, match.start())) - 1
            # A word of a phrase lies where its last token is ("envoyé ... soldats" is at "envoyé").
            if tokens[first].segment in skip or _denied(tokens, first, lex):
                continue
            hits.append(_Hit(kind, first, last))
    for kind in lex.kinds:
        for match in kind.before_organisation.finditer(text) if kind.before_organisation else ():
            first = bisect_right(starts, match.start()) - 1
            if tokens[first].segment not in skip:
                hits.append(_Hit(kind, first, bisect_right(starts, match.end() - 1) - 1, True))
    return hits


def _denied(tokens: Sequence[_Token], first: int, lex: Lexicon) -> bool:
    """"sans manifestation particulière", "aucune rencontre", "pas de sommet": the word tells of no event
    ("sans l'évacuation du 19 mai, ..." tells of one that took place)."""
    before = [t.word for t in tokens[max(0, first - 2):first]]
    return bool(before) and (before[-1] in lex.denials or " ".join(before) in lex.denials)


def _governed(hit: _Hit, hits: Sequence[_Hit]) -> _Hit:
    """A light verb tells the event it governs: "a annoncé en juin la nationalisation" is a nationalisation;
    so does a verb of start or end, of its subject first: "la grève démarre lundi" is the strike."""
    if not (hit.kind.light or hit.kind.aspect):
        # "X annonce une journée de deuil lundi": the date stands nearer the event word, which the saying verb
        # before it still governs: its speaker acts all the same.
        if any(h.kind.light and h.kind.family in SAYING and _governed(h, hits).first == hit.first for h in hits):
            return replace(hit, announced=True)
        return hit
    full = [h for h in hits if not (h.kind.light or h.kind.aspect)]
    before = [h for h in full if hit.kind.aspect and h.last < hit.first <= h.last + 6]
    if before:
        return max(before, key=lambda h: h.last)
    after = [h for h in full if hit.last < h.first <= hit.last + 7]
    if not after:
        return hit
    governed = min(after, key=lambda h: h.first)
    return replace(governed, announced=True) if hit.kind.family in SAYING else governed


def _occasion_of(hit: _Hit, hits: Sequence[_Hit], tokens: Sequence[_Token], lex: Lexicon) -> frozenset[str]:
    """"le traité signé lors du sommet": the signing and the summit are one occasion, whichever word the date
    took; its report may join either's."""
    if hit.kind.family not in OCCASION:
        return frozenset()
    found = set()
    for other in hits:
        if other.kind.family in OCCASION and other.kind.family != hit.kind.family:
            lo, hi = (hit, other) if hit.last < other.first else (other, hit)
            if 0 < hi.first - lo.last <= 4 and {t.word for t in tokens[lo.last + 1:hi.first]} & lex.this_event:
                found.add(other.kind.family)
    return frozenset(found)


def _token_range(tokens: Sequence[_Token], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return (inside[0], inside[-1]) if inside else None


def _pick(hits: Sequence[_Hit], tokens: Sequence[_Token], lex: Lexicon, first: int, last: int,
          others: Sequence[tuple[int, int]] = ()) -> _Hit | None:
    """The event word a date belongs to: in its own segment if any, else the nearest in the sentence, and
    not one that another date of the sentence (`others`, token ranges) stands nearer to ("Depuis la
    rencontre, en mai, X a signé, en juin, ...": the signing is June's)."""
    if not hits:
        return None
    segment = tokens[first].segment

    def gap(hit: _Hit, first: int, last: int) -> int:
        return hit.first - last - 1 if hit.first > last else first - hit.last - 1

    def cost(hit: _Hit) -> tuple[float, int, int]:
        distance = gap(hit, first, last)
        distance += 6 if any(gap(hit, a, b) < distance for a, b in others) else 0
        before = {t.word for t in tokens[max(0, hit.first - 3):hit.first]}
        distance += 4 if before & lex.other_event else 0
        distance -= 2 if before & lex.this_event else 0
        distance += 0 if segment in (tokens[hit.first].segment, tokens[hit.last].segment) else 3
        return distance, hit.kind.rank, hit.first

    return _governed(min(hits, key=cost), hits)


def _antecedent(hits: Sequence[_Hit], tokens: Sequence[_Token], segment: int) -> _Hit | None:
    """The event word a relative clause ("qui ...") right after it describes: within the last seven words of
    the part before the clause, its complements included ("l'attentat contre le DC-10 d'UTA, qui ...")."""
    first = next((i for i, t in enumerate(tokens) if t.segment == segment), None)
    if first is None or tokens[first].word not in ("qui", "lequel", "laquelle", "lesquels", "lesquelles"):
        return None
    near = [h for h in hits if tokens[h.last].segment == segment - 1 and first - h.last <= 7]
    return max(near, key=lambda h: h.last) if near else None


def _clause_of(dated: _Dated, tokens: Sequence[_Token], relative: set[int], hits: Sequence[_Hit]) -> int:
    """The part of the sentence a date belongs to: its own, or the relative clause whose event word it closes
    when it stands alone between commas after it ("X, qui s'était rendu en Corée, le 21 mars, ...")."""
    segment = tokens[dated.first].segment
    alone = all(t.segment != segment or dated.first <= n <= dated.last for n, t in enumerate(tokens))
    told = any(tokens[h.first].segment == segment - 1 for h in hits)
    return segment - 1 if alone and told and segment - 1 in relative else segment


def _opening(hits: Sequence[_Hit], tokens: Sequence[_Token], lex: Lexicon) -> _Hit | None:
    """The event a sentence without a date of its own tells: its first event word, main clauses first."""
    if not hits:
        return None

    def cost(hit: _Hit) -> tuple[int, int, int]:
        before = {t.word for t in tokens[max(0, hit.first - 3):hit.first]}
        return (1 if before & lex.other_event else 0), hit.first, hit.kind.rank

    return _governed(min(hits, key=cost), hits)


def _background(hit: _Hit, tokens: Sequence[_Token], lex: Lexicon) -> bool:
    """"depuis la nationalisation en juin": an event the sentence recalls, not the one it tells."""
    return bool({t.word for t in tokens[max(0, hit.first - 3):hit.first]} & lex.other_event)


def _earlier(tokens: Sequence[_Token]) -> bool:
    """"avait déjà parlé": a pluperfect with "déjà" goes back before the time just told."""
    words = [t.word for t in tokens]
    return "deja" in words and bool({"avait", "avaient", "etait", "etaient"} & set(words))


def _is_frame(tokens: Sequence[_Token], first: int, lex: Lexicon) -> bool:
    return first <= 4 and all(t.word in lex.frame_openers for t in tokens[:first])


def _anaphoric(tokens: Sequence[_Token], hits: Sequence[_Hit], lex: Lexicon, strict: bool = False) -> bool:
    """The sentence opens on the event just told ("Cette rencontre ...", "À cette occasion, ..."); `strict`:
    only a demonstrative right before the event word points at it ("La rencontre ..." may be another)."""
    text, _ = _folded(tokens)
    if lex.anaphora.match(text):
        return True
    words, reach = (DEMONSTRATIVES, 1) if strict else (lex.determiners, 2)
    return any(h.first <= 4 and any(t.word in words for t in tokens[max(0, h.first - reach):h.first]) for h in hits)


@dataclass(frozen=True)
class _Carry:
    """A date later sentences may take, and why: it opens its sentence ("frame"),
    no event word of its sentence used it ("unused"), or it dated the sentence just before ("used")."""
    dated: _Dated
    block: int
    why: str
    fresh: bool       # set by the sentence just before
    flashback: bool = False   # told in the pluperfect, before a day told earlier

    def dates(self, block: int, anaphoric: bool) -> bool:
        """May a sentence of `block` without a date of its own take this one? Not across paragraphs from a
        flashback ("Il avait été écroué le 21 octobre ... // Il a quitté la prison": the story is back to now)."""
        if block == self.block:
            return self.why == "frame" or self.fresh
        return self.fresh and not self.flashback and (self.why in ("frame", "unused") or anaphoric)


# A phrase that opens a sentence before its subject: "Depuis le rejet de son pourvoi le 18 décembre, ".
_OPENING_PHRASE = re.compile(r"[^,.;:«»()]{3,120},\s*")
# The members of a house, and how the names of such houses start (folded).
_CHAMBERS = ((re.compile(r"(?<![\w-])(?:les|des|aux)\s+(?:députés|deputes)(?![\w-])", re.I),
              ("assemblee nationale", "chambre des representants", "chambre des deputes")),
             (re.compile(r"(?<![\w-])(?:les|des|aux)\s+(?:sénateurs|senateurs)(?![\w-])", re.I), ("senat",)))
_PLUPERFECT = re.compile(r"(?<![\w-])(?:avait|avaient|était|étaient)\s+(?:\w+ment\s+)?(?:été\s+)?"
                         r"\w+(?:é|ée|és|ées|is|ise|ises|it|ite|u|ue|us|ues)(?![\w-])", re.I)


def _wire_dateline(text: str, span: Span) -> bool:
    return span.start < 60 and bool(WIRE_PLACE.match(text[:span.start])) and bool(WIRE_AFTER.match(text[span.end:]))


class _ArticleReader:
    """Walks one article's sentences in order and yields its candidates."""

    def __init__(self, annotated: AnnotatedArticle, actor_of: Mapping[tuple[str, str], str],
                 actor_types: Mapping[str, str], lex: Lexicon, countries: Mapping[str, str] | None = None) -> None:
        self.countries = countries or {}   # folded country name -> its actor slug
        self.a = annotated
        self.seed = annotated.article.seed
        self.actor_of, self.actor_types, self.lex = actor_of, actor_types, lex
        self.dates = defaultdict(list)
        for mention in annotated.dates:
            self.dates[self._sentence_index(mention.span)].append(mention)
        self.mentions = defaultdict(list)
        for mention in annotated.mentions:
            self.mentions[self._sentence_index(mention.span)].append(mention)
        self.sources = [c.span for c in annotated.citations]
        # The agency or outlet that publishes the piece ("Bâle (ATS) - ..."): never a participant.
        self.publishers = [c.span for c in annotated.citations if c.kind == "publisher"]
        self.media = {m.name for m in annotated.mentions if m.text == m.name and self._after_media_noun(m)}
        self.topic: str | None = None
        self.subject: str | None = None     # the person the sentence just read opens on, if any
        # "country"/"person" -> how often the article so far named each two of them alone in a sentence
        self.pairs: dict[str, Counter] = {"country": Counter(), "person": Counter()}
        self.clubs = self._short_names()
        self.chambers = self._chambers()
        # Where the credit of a caption starts ("... | AGENCE NORD", "© Jean Dupont"), a caption the reader may
        # have taken for a paragraph: who took the picture is no participant.
        # ("Photo : X à Oslo" opens on a label, not a credit).
        self.credit_at = {n: found.start() for n, block in enumerate(annotated.article.blocks)
                          if block.kind in ("caption", "paragraph")
                          for found in [next((m for m in CAPTION_CREDIT.finditer(block.text)
                                              if len(block.text[:m.start()].split()) >= 2), None)] if found}

    def _sentence_index(self, span: Span) -> int:
        for i, s in enumerate(self.a.sentences):
            if s.block == span.block and s.start <= span.start < s.end:
                return i
        return -1

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        carry: _Carry | None = None
        told_before: list[str] = []
        blocks = self.a.article.blocks
        for index, sentence in enumerate(self.a.sentences):
            block = blocks[sentence.block]
            if block.kind not in TEXT_BLOCKS:
                carry = None
                continue
            if block.kind != "paragraph":
                carry = None
            text = block.text[sentence.start:sentence.end]
            tokens = _tokens(text)
            if not tokens:
                continue
            reporting, relative = _segments(tokens, self.lex)
            reporting -= self._after_apposition(index, sentence, tokens, reporting)
            quoted = self._governing(index, sentence, tokens, _hits(tokens, self.lex, reporting))
            # Words inside a quotation are what someone said: only a date inside it dates them.
            hits = [h for h in quoted if not tokens[h.first].quoted]
            own = self._own_dates(index, sentence, tokens, reporting)
            # "X estime aujourd'hui que ...": a date between the saying verb and "que" dates only the saying.
            saying = self._saying(tokens)
            inner = [d for d in own if saying and saying[0] < d.first and d.last < saying[1]]
            made, used, background, aside = [], set(), set(), []
            for dated in (d for d in own if d not in inner):
                pool = quoted if tokens[dated.first].quoted else hits
                segment = _clause_of(dated, tokens, relative, pool)
                if segment in relative and not any(tokens[h.first].segment == segment for h in pool):
                    antecedent = _antecedent(pool, tokens, segment)
                    if antecedent is not None and not fold_word(dated.text).startswith("depuis"):
                        # "le passage du cyclone, qui a dévasté l'île le 14 décembre": the event the clause describes.
                        used.add(id(dated))
                        made.append((antecedent, dated))
                        continue
                    # "X, qui avait instauré l'état d'urgence le 3 mai, ...": a day of its own, a fact.
                    if dated.precision == "day" and not fold_word(dated.text).startswith("depuis"):
                        aside.append(dated)
                    continue
                hit = _pick([h for h in pool if tokens[h.first].segment not in relative
                             or tokens[h.first].segment == segment], tokens, self.lex,
                            dated.first, dated.last, [(d.first, d.last) for d in own if d is not dated])
                if hit is None:
                    continue
                used.add(id(dated))
                if _background(hit, tokens, self.lex):
                    background.add(id(dated))
                made.append((hit, dated))
            if not own and hits and carry is not None and carry.dates(sentence.block, _anaphoric(tokens, hits, self.lex)) \
                    and not (carry.why != "frame" and _earlier(tokens)):
                # The carried date stands, for this sentence, before its first word.
                made.append((_opening(hits, tokens, self.lex), replace(carry.dated, first=0, last=0)))
            made += self._statement(index, sentence, tokens, reporting)
            said = self._said_that(tokens, own, made, saying, inner)
            if not made and not hits:
                made += self._facts(tokens, own)
            elif aside:
                made += self._facts(tokens, aside)
            # Nothing dates what was told (the saying's date is the saying's): told undated all the same.
            undated = bool(hits) and all(said is not None and (hit, dated) == said[0] for hit, dated in made)
            if undated:
                # No date here: it may still tell an event another sentence dates.
                made.append((_opening(hits, tokens, self.lex), _Dated(None, None, "", len(tokens), len(tokens), False)))
            # One event a date in a sentence, besides the saying that tells it.
            made = list({(dated.value, said is not None and (hit, dated) == said[0]): (hit, dated)
                         for hit, dated in reversed(made)}.values())[::-1]
            # Several dates share a sentence's names; the saying's speakers end at its verb, and what was told
            # undated has no date of its own to claim names with.
            spots = [dated.first for hit, dated in made if dated.text and not (said and (hit, dated) == said[0])]
            anchors = sorted(spots) if len(spots) > 1 else []
            for hit, dated in made:
                subject = _pronoun_subject(tokens, hit.first if hit.kind is not self.lex.generic else min(5, len(tokens) - 1))
                # A pronoun near the verb is the person the article follows; one that opens the sentence is
                # the subject of the sentence before, if that was a person ("Elle" may be a country).
                topic = self.topic if subject == "near" else self.subject if subject == "opening" else None
                speaking = hit.kind.family in SAYING and tokens[hit.first].segment in reporting
                # "souligne X, présidente du musée, qui s'est rendue à Oslo": the speaker is the subject of
                # the relative clause that tells the event.
                subject_clause = tokens[hit.first].segment in relative
                candidate = self._candidate(index, sentence, text, tokens, hit, dated,
                                            set() if speaking else reporting, anchors, topic, subject_clause,
                                            said[1] if said and said[0] == (hit, dated) else None)
                if candidate is not None:
                    candidate = replace(candidate, also=candidate.also | _occasion_of(hit, hits, tokens, self.lex))
                    out.append(replace(candidate, told_before=True) if undated and _anaphoric(tokens, hits, self.lex, strict=True)
                               else candidate)
            carry = self._next_carry(carry, [d for d in own if id(d) not in background], used, sentence.block)
            if carry is not None and carry.fresh and _PLUPERFECT.search(text) and carry.dated.value \
                    and any(told > carry.dated.value for told in told_before):
                carry = replace(carry, flashback=True)   # the pluperfect goes back before what was told
            told_before += [d.value for d in own if d.value and re.match(r"\d{4}-\d{2}", d.value)]
            self._follow_topic(index, sentence, tokens)
            self._follow_pairs(index)
        return self._signed(out)

    def _signed(self, out: list[Candidate]) -> list[Candidate]:
        """An official text makes its act the day it signs off ("Fait à Bamako, le 22 septembre 2025"): what
        its title and first paragraph tell undated ("informent de leur décision de retirer ...") is dated so."""
        blocks = self.a.article.blocks
        signed = next((m for m in self.a.dates if m.value and blocks[m.span.block].kind == "dateline"
                       and SIGN_OFF.fullmatch(blocks[m.span.block].text)), None)
        if signed is None:
            return out
        head = {n for n, b in enumerate(blocks) if b.kind == "title"}
        head.add(next((n for n, b in enumerate(blocks) if b.kind == "paragraph"), -1))
        return [replace(c, date=signed.value, precision=signed.precision, date_text=signed.text)
                if c.date_text is None and c.sentence.block in head else c for c in out]

    def _after_apposition(self, index: int, sentence: Span, tokens: Sequence[_Token], reporting: set[int]) -> set[int]:
        """"La ministre, Jeanne Roy, a annoncé mardi ...": a verb right after a name set between commas has
        that name for subject; the part it opens tells her act, it does not credit a source."""
        named = set()
        for mention in self.mentions.get(index, []):
            if mention.type in ("person", "organisation"):
                found = _token_range(tokens, mention.span.start - sentence.start, mention.span.end - sentence.start)
                if found:
                    named.update(range(found[0], found[1] + 1))
        out = set()
        titles = ARTICLES | names_lexicon().honorifics   # ("..., le général X, avait annoncé": a title before the name)
        for segment in reporting:
            before = [n for n, t in enumerate(tokens) if t.segment == segment - 1]
            titled = [n for n in before if n not in named and tokens[n].word not in titles]
            if before and tokens[before[-1] + 1].word in ("a", "ont", "avait", "avaient") \
                    and before[-1] in named and not titled:
                out.add(segment)
        return out

    def _governing(self, index: int, sentence: Span, tokens: Sequence[_Token], hits: list[_Hit]) -> list[_Hit]:
        """Hits whose verb needs an organisation after it keep it only when one follows."""
        if not any(h.needs_organisation for h in hits):
            return hits
        starts = [found[0] for m in self.mentions.get(index, []) if m.type == "organisation"
                  for found in [_token_range(tokens, m.span.start - sentence.start, m.span.end - sentence.start)] if found]
        return [h for h in hits if not h.needs_organisation or any(h.last < s <= h.last + 16 for s in starts)]

    def _statement(self, index: int, sentence: Span, tokens: Sequence[_Token],
                   reporting: set[int]) -> list[tuple[_Hit, _Dated]]:
        """'« ... », a affirmé mercredi le ministre': a dated saying verb makes the statement an event."""
        kind = next((k for k in self.lex.kinds if k.name == STATEMENT), None)
        if kind is None or not reporting:
            return []
        for dated in self._own_dates(index, sentence, tokens, set()):
            segment = tokens[dated.first].segment
            words = [t.word for t in tokens if t.segment == segment]
            if segment not in reporting or words[0] in MEDIA_REPORTING or MEDIA_REPORTING & set(words):
                continue
            first = next(i for i, t in enumerate(tokens) if t.segment == segment)
            return [(_Hit(kind, first, first), dated)]
        return []

    def _saying(self, tokens: Sequence[_Token]) -> tuple[int, int] | None:
        """Token indexes of the saying verb and of its "que" ("a affirmé mercredi que"), outside quotes."""
        if self.lex.saying_that is None:
            return None
        text, starts = _folded(tokens)
        match = self.lex.saying_that.search(text)
        if match is None:
            return None
        verb, que = bisect_right(starts, match.start()) - 1, bisect_right(starts, match.end() - 1) - 1
        return None if tokens[verb].quoted else (verb, que)

    def _said_that(self, tokens: Sequence[_Token], own: Sequence[_Dated], made: list[tuple[_Hit, _Dated]],
                   saying: tuple[int, int] | None, inner: Sequence[_Dated]) -> tuple[tuple[_Hit, _Dated], int] | None:
        """"Samedi, le ministre avait affirmé que ...", "le ministre estime aujourd'hui que ...": the date before
        the saying verb or between it and "que" dates the saying, a statement by whoever is named before the
        verb (and the sentence still tells what was said). Adds it to `made`; returns it with the token where
        the speaker's part ends."""
        kind = next((k for k in self.lex.kinds if k.name == STATEMENT), None)
        if kind is None or saying is None or any(h.kind is kind for h, _ in made):
            return None
        verb = saying[0]
        dated = next((d for d in inner if d.value), None) or next(
            (d for d in own if d.value and d.last < verb and (d.frame or tokens[d.first].segment == tokens[verb].segment)), None)
        if dated is None:
            return None
        pair = (_Hit(kind, verb, verb), dated)
        made.append(pair)
        return pair, verb

    def _facts(self, tokens: Sequence[_Token], own: Sequence[_Dated]) -> list[tuple[_Hit, _Dated]]:
        """A dated sentence no event word names still tells a dated fact ("Les billets seront en vente
        le 3 mai"): a generic one, which joins the named event of its article and date when there is one."""
        kind = self.lex.generic
        if kind is None:
            return []
        out: list[tuple[_Hit, _Dated]] = []
        for n, d in enumerate(own):
            # "en 2010-2011", "en mai et juin": a span of time is one fact, dated by its start.
            if n and own[n - 1].last < d.first and all(t.word in ("et", "a", "au") for t in tokens[own[n - 1].last + 1:d.first]):
                continue
            if d.value and not tokens[d.first].quoted:
                out.append((_Hit(kind, d.first, d.last), d))
        return out

    def _follow_topic(self, index: int, sentence: Span, tokens: Sequence[_Token]) -> None:
        """The person "il" stands for: the first person a sentence names, until one names another; and
        the person the sentence opens on, whom a pronoun opening the next one stands for."""
        named = sorted((m for m in self.mentions.get(index, []) if self.actor_of.get((self.seed, m.name))
                        and self._named(m)), key=lambda m: m.span.start)
        first = named[0] if named else None
        # ("Depuis le rejet de son pourvoi le 18 décembre, X doit purger ...": the person an opening phrase leads to.)
        opening = _OPENING_PHRASE.match(self.a.article.blocks[sentence.block].text, sentence.start, sentence.end)
        after = next((m for m in named if opening and m.span.start == opening.end()), None)
        if first is None or first.type != "person" or first.span.start - sentence.start >= 40:
            first = after
        self.subject = self.actor_of[(self.seed, first.name)] if first is not None and first.type == "person" else None
        persons = [m for m in named if m.type == "person"]
        if not persons:
            return
        found = _token_range(tokens, persons[0].span.start - sentence.start, persons[0].span.end - sentence.start)
        if found and not any(t.word == "il" for t in tokens[:found[0]]):
            self.topic = self.actor_of[(self.seed, persons[0].name)]

    def _follow_pairs(self, index: int) -> None:
        """The two countries "les deux pays" stands for, the two people of "les deux hommes": the two the
        article's sentences most often name together, the latest on a tie (a capital stands for its country)."""
        named: dict[str, list[str]] = {"country": [], "person": []}
        for mention in sorted(self.mentions.get(index, []), key=lambda m: m.span.start):
            slug = self.actor_of.get((self.seed, mention.name))
            kind = self.actor_types.get(slug, mention.type) if slug else None
            if kind == "place":
                slug = self.countries.get(self.lex.country_of.get(strip_article(fold_word(mention.name))) or "")
                kind = "country" if slug else None
            if kind in named and slug not in named[kind] and (kind != "person" or self._named(mention)):
                named[kind].append(slug)
        for kind, slugs in named.items():
            if 2 <= len(slugs) <= 3:
                for pair in combinations(sorted(slugs), 2):
                    self.pairs[kind][pair] = self.pairs[kind].pop(pair, 0) + 1   # the latest last, to win a tie

    def _own_dates(self, index: int, sentence: Span, tokens: Sequence[_Token], reporting: set[int]) -> list[_Dated]:
        out = []
        mentions = sorted(self.dates.get(index, []), key=lambda d: d.span.start)
        skip_next = False
        text = self.a.article.blocks[sentence.block].text
        # The lead's own dates tell its events; the dateline dates them only when it is all there is.
        told = [m for m in mentions if not _wire_dateline(text, m.span)]
        mentions = told or mentions
        for i, mention in enumerate(mentions):
            if skip_next:
                skip_next = False
                continue
            found = _token_range(tokens, mention.span.start - sentence.start, mention.span.end - sentence.start)
            if found is None or tokens[found[0]].segment in reporting:
                continue
            # "entre fin 2024 et le printemps 2025", "du 3 au 5 mai": an event dated by its start.
            if i + 1 < len(mentions):
                # The tagger may keep the connector with the second date: "du 11" + "au 13 juillet".
                connector = re.match(r"(?:au|à|a|et|jusqu['’]au)\s", mentions[i + 1].text, re.IGNORECASE)
                between = fold(text[mention.span.end:mentions[i + 1].span.start] + (connector[0] if connector else ""))
                before = fold(text[max(sentence.start, mention.span.start - 12):mention.span.start]).split()[-2:]
                if between in ("et", "a", "au", "et le", "et la", "a la", "et l", "jusqu au", "jusqu a") and (
                        {"entre", "de", "du", "depuis", "d"} & set(before) or fold(mention.text).split()[:1] in (["entre"], ["du"], ["de"])):
                    skip_next = True
                # "Mai 2024 : le 3, ...": a month, then the day in it, is one date, the day.
                if not between and _inside(mentions[i + 1].value, mention.value):
                    continue
            out.append(_Dated(mention.value, mention.precision, mention.text, found[0], found[1],
                              _is_frame(tokens, found[0], self.lex)))
        return out

    @staticmethod
    def _next_carry(carry: _Carry | None, own: Sequence[_Dated], used: set[int], block: int) -> _Carry | None:
        frames = [d for d in own if d.frame]
        if frames:
            return _Carry(frames[0], block, "frame", True)
        unused = [d for d in own if id(d) not in used]
        if unused:
            return _Carry(unused[-1], block, "unused", True)
        if own:
            return _Carry(own[0], block, "used", True)
        if carry is not None and carry.why == "frame" and carry.block == block:
            return replace(carry, fresh=False)
        return None

    def _candidate(self, index: int, sentence: Span, text: str, tokens: Sequence[_Token], hit: _Hit,
                   dated: _Dated, reporting: set[int], anchors: Sequence[int], topic: str | None,
                   subject_clause: bool = False, speakers_end: int | None = None) -> Candidate | None:
        actors, places, keys, where = [], [], {}, set()
        inside: set[tuple[int, int]] = set()
        if topic:
            actors.append(topic)
            keys[strip_article(fold_word(topic.replace("-", " ")))] = TYPE_WEIGHT["person"]
        for mention in self.mentions.get(index, []):
            slug = self.actor_of.get((self.seed, mention.name))
            # A source tells, it does not take part; but what it says is its act, and so is a dated fact
            # no event word names ("Le 3 mai, le ministre, Jean Dupont, a affirmé que ...").
            speaker = hit.kind.family in SAYING or hit.kind is self.lex.generic or hit.announced
            found = _token_range(tokens, mention.span.start - sentence.start, mention.span.end - sentence.start)
            antecedent = subject_clause and found is not None and mention.type == "person" \
                and 0 < tokens[hit.first].segment - tokens[found[0]].segment <= 2
            if not slug or not self._named(mention) or (self._is_source(mention) and not speaker and not antecedent):
                continue
            if fold(mention.name) in names_lexicon().agencies and not self._is_source(mention):
                continue   # "X a accusé sur France 2": an outlet carries the act, it takes no part in it
            if any(p.block == mention.span.block and p.start < mention.span.end and mention.span.start < p.end
                   for p in self.publishers) or self._speaker_label(mention):
                continue
            if mention.span.start >= self.credit_at.get(mention.span.block, len(self.a.article.blocks[mention.span.block].text)):
                continue
            if found is None or (tokens[found[0]].segment in reporting and not antecedent):
                continue
            if speakers_end is not None and found[0] >= speakers_end:
                continue   # what the speaker said names others; the saying is the speaker's
            if anchors and not antecedent and not _belongs(found[0], dated.first, anchors, tokens):
                continue
            inside.update((i, i) for i in range(found[0], found[1] + 1))
            kind = self.actor_types.get(slug, mention.type)
            (places if kind == "place" else actors).append(slug)
            key = strip_article(fold_word(slug.replace("-", " ")))
            keys[key] = max(keys.get(key, 0.0), TYPE_WEIGHT.get(kind, 1.0))
            for name in (key, strip_article(fold_word(mention.name))):
                country = self.lex.country_of.get(name)
                if country and country != key:
                    keys.setdefault(country, TYPE_WEIGHT["country"])
                    where.add(country)
            if kind == "place":
                where.add(key)
        # "les contacts entre Pékin et Pyongyang": the countries its capitals stand for take part; "le blé russe
        # est arrivé au port nord-coréen de Rajin": where a sentence names no one, so do its demonyms' countries.
        capitals = [self.lex.country_of.get(strip_article(fold_word(p.replace("-", " ")))) for p in places]
        for country in (*capitals, *_demonym_countries(text, agents_only=bool(actors))):
            slug = self.countries.get(country or "")
            if slug and slug not in actors:
                actors.append(slug)
                keys.setdefault(country, TYPE_WEIGHT["country"])
        # "Les deux pays sont liés par un traité": the two the article names together (see _follow_pairs).
        for kind, pattern in _PAIR_WORDS.items():
            pairs = self.pairs[kind]
            if pairs and pattern.search(text) and not any(self.actor_types.get(s) == kind for s in actors):
                for slug in max(reversed(pairs), key=pairs.__getitem__):
                    actors.append(slug)
                    keys.setdefault(strip_article(fold_word(slug.replace("-", " "))), TYPE_WEIGHT[kind])
        # "le texte adopté par les députés": the chamber the article names whose members they are.
        for members, chamber in self.chambers.items():
            if chamber not in actors and members.search(text):
                actors.append(chamber)
                keys.setdefault(strip_article(fold_word(chamber.replace("-", " "))), TYPE_WEIGHT["organisation"])
        if hit.kind.family in TEAM_FAMILIES:
            # A match report names a team by its town or short name ("Lyon a battu Nantes").
            for i, t in enumerate(tokens):
                club = self.clubs.get(t.word)
                if club and club not in actors and text[t.start:t.start + 1].isupper():
                    actors.append(club)
                    keys[strip_article(fold_word(club.replace("-", " ")))] = TYPE_WEIGHT["organisation"]
                    places[:] = [p for p in places if p != t.word.replace(" ", "-")]
        skip = {i for i, _ in inside} | set(range(dated.first, dated.last + 1))
        words = frozenset(stem(t.word) for i, t in enumerate(tokens)
                          if i not in skip and t.segment not in reporting and t.word not in self.lex.stopwords
                          and (len(t.word) > 2 or t.word.isdigit()))
        word = text[tokens[hit.first].start:tokens[hit.last].end]
        return Candidate(self.seed, index, sentence, text, hit.kind.name, hit.kind.family, word,
                         dated.value, dated.precision if dated.value else None, dated.text or None,
                         tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(places)), keys, words, frozenset(where),
                         hit.kind.rank, hit.kind.also)

    def _chambers(self) -> dict[re.Pattern, str]:
        """The one lower or upper house the article names, by the words for its members."""
        found = {}
        for members, heads in _CHAMBERS:
            slugs = {self.actor_of.get((self.seed, m.name)) for m in self.a.mentions if m.type == "organisation"
                     and fold(m.name).startswith(heads)} - {None}
            if len(slugs) == 1:
                found[members] = slugs.pop()
        return found

    def _short_names(self) -> dict[str, str]:
        """Each word that names only one of the article's organisations ("lens" for "RC Lens")."""
        owners: dict[str, set[str]] = defaultdict(set)
        cited = {c.source for c in self.a.citations}   # the outlet and the sources are no team
        for mention in self.a.mentions:
            slug = self.actor_of.get((self.seed, mention.name))
            if slug and mention.name not in cited and self.actor_types.get(slug, mention.type) == "organisation":
                for word in fold_word(mention.name).split():
                    if len(word) > 3 and word not in self.lex.stopwords:
                        owners[word].add(slug)
        return {w: next(iter(slugs)) for w, slugs in owners.items() if len(slugs) == 1}

    def _named(self, mention: Mention) -> bool:
        """A name the text writes in lower case ("parti de Gao") or a channel that broadcast it is no participant;
        an institution is, however written ("le conseil municipal de Lyon", "le ministère de la défense")."""
        if mention.text[:1].islower() and fold_word(mention.text) == fold_word(mention.name) \
                and not _institution(fold_word(mention.text)):
            return False
        return mention.name not in self.media

    def _after_media_noun(self, mention: Mention) -> bool:
        text = self.a.article.blocks[mention.span.block].text
        return bool(set(fold(text[max(0, mention.span.start - 40):mention.span.start]).split()[-3:]) & MEDIA_NOUNS)

    def _speaker_label(self, mention: Mention) -> bool:
        """"Al-watwan : Le bilan du cyclone ... ?": an interview's line opens on who speaks, no participant."""
        block = self.a.article.blocks[mention.span.block]
        return block.kind == "paragraph" and not block.text[:mention.span.start].strip() \
            and re.match(r"\s*:\s", block.text[mention.span.end:]) is not None

    def _is_source(self, mention: Mention) -> bool:
        return any(s.block == mention.span.block and s.start < mention.span.end and mention.span.start < s.end
                   for s in self.sources)


# Words that stand for the two countries or the two people the text just named.
_PAIR_WORDS = {
    "country": re.compile(r"\b(?:[Ll]es|[Cc]es) deux (?:pays|capitales|[EÉeé]tats|voisins|alliés|nations|régimes|gouvernements)\b"),
    "person": re.compile(r"\b(?:[Ll]es|[Cc]es) deux (?:hommes|femmes|dirigeants|dirigeantes|chefs d['’][EÉ]tat|présidents|leaders|ministres)\b"),
}


@lru_cache(maxsize=1)
def _institution_heads() -> tuple[str, ...]:
    # Bodies only: "parti" or "groupe" in lower case are as often a party or a group of someone's.
    # A school, a museum, a hospital named with its head ("le musée du Louvre") is one too.
    return tuple(fold_word(h) for h in names_lexicon().heads if fold_word(h) not in ("parti", "groupe", "organisation",
                                                                                     "association", "alliance", "coalition")) \
        + tuple(sorted(NAMED_HEADS))


def _institution(folded: str) -> bool:
    return folded.startswith(_institution_heads())


def _pronoun_subject(tokens: Sequence[_Token], first: int) -> str | None:
    """"il a rencontré", "elle s'est rendue", "il a eu un entretien": the event's subject is a pronoun;
    so is that of a sentence that opens on one, past its date ("Fin août, il visitait ... et décorait")."""
    def personal(n: int) -> bool:   # "il s'est rendu", not "il s'agit", "il y a", "il faut"
        after = [t.word for t in tokens[n + 1:n + 3]]
        return not after or (after[0] not in IMPERSONAL and not (after[0] == "s" and after[1:2] and after[1].startswith("agi")))

    def subject(start: int, end: int) -> bool:
        return any(tokens[n].word in SUBJECT_PRONOUNS and personal(n) for n in range(start, end))
    if subject(max(0, first - 5), first):
        return "near"
    return "opening" if first > 1 and subject(0, min(first, 4)) else None


def _inside(inner: str | None, outer: str | None) -> bool:
    """A day in its month, a month in its year: the more precise value of one time."""
    return bool(inner and outer and inner != outer and inner.startswith(outer + "-"))


def _belongs(position: int, date: int, dates: Sequence[int], tokens: Sequence[_Token]) -> bool:
    """In a sentence with several dated events, a name before the first date is everyone's. A later name
    belongs to a date after it in its own comma-separated part, as a subject to its clause ("En juin, X est
    venu, Y est resté en juillet"); else to the nearest date before it or in the part just after it, as an
    apposition ("les vols de Z, lancés en juillet,"), not to one a later clause gives."""
    if position < dates[0]:
        return True
    segment = tokens[position].segment
    own = [d for d in dates if d > position and tokens[d].segment == segment]
    if own:
        return min(own) == date
    following = sorted({t.segment for t in tokens[position:] if t.segment > segment})[:1]
    # "..., en mai, X a signé, en juin, ...": the subject of a clause takes the date set between commas after
    # it, not one an earlier part gave (a clause, not an apposition "(X)"; a date alone, not another clause).
    aside = [d for d in dates if tokens[d].segment in following and (d == 0 or tokens[d - 1].segment != tokens[d].segment)
             and sum(t.segment == tokens[d].segment for t in tokens) <= 5]
    opening = all(t.word in ARTICLES for t in tokens[:position] if t.segment == segment) \
        and sum(t.segment == segment for t in tokens[position:]) > 3
    if opening and aside:
        return min(aside) == date
    near = [d for d in dates if d < position or tokens[d].segment in following]
    nearest = min(near, key=lambda d: (abs(d - position), -d))
    # "En mars puis en juin, X a multiplié les visites": dates a conjunction joins share what follows them.
    return date == nearest or (date < nearest <= date + 4 and tokens[date].segment == tokens[nearest].segment
                               and bool({t.word for t in tokens[date + 1:nearest]} & {"et", "puis", "ou"}))


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude French stem: enough for "cérémonies" to meet "cérémonie", "80e" to meet "80"."""
    if word[:1].isdigit():
        return re.sub(r"(?:e|er|eme|re)$", "", word)
    # Inflections too: "signent", "signé" and "signer" meet at "sign".
    word = re.sub(r"(?:s|x)$", "", word)
    word = re.sub(r"(?<=\w{4})(?:aient|ait|ant|ent|ions|ons|ee|e|er|ez|a)$", "", word)
    return word[:7]


def find_candidates(articles: Sequence[AnnotatedArticle], actor_of: Mapping[tuple[str, str], str],
                    actor_types: Mapping[str, str], kept=None) -> list[Candidate]:
    """Every (sentence, date) of the corpus that tells an event.

    `kept` (cache.CandidateCache) keeps each article's candidates between builds, by the same inputs."""
    countries = tuple(sorted({strip_article(fold_word(name)): slug for (_, name), slug in actor_of.items()
                              if actor_types.get(slug) == "country"}.items()))
    names: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (seed, name), slug in actor_of.items():
        names[seed].append((name, slug))
    out: list[Candidate] = []
    for annotated in articles:
        own = tuple(sorted(names.get(annotated.article.seed, ())))
        types = tuple(sorted({(slug, actor_types[slug]) for _, slug in own if slug in actor_types}))
        out += (kept.candidates(annotated, (own, types, countries), _article_candidates) if kept is not None
                else _article_candidates(annotated, own, types, countries))
    return out


@lru_cache(maxsize=1 << 16)   # above any dossier's size: a sequential pass larger than an LRU never hits
def _article_candidates(annotated: AnnotatedArticle, names: tuple[tuple[str, str], ...],
                        types: tuple[tuple[str, str], ...], countries: tuple[tuple[str, str], ...]) -> tuple[Candidate, ...]:
    """One article's candidates: they depend only on it and on the canonical names the corpus gives its
    mentions, so a rebuild under `mkdocs serve` reads again only the articles that changed."""
    seed = annotated.article.seed
    actor_of = {(seed, name): slug for name, slug in names}
    return tuple(_ArticleReader(annotated, actor_of, dict(types), lexicon(), dict(countries)).candidates())


# Nouns of a state's agents and acts: "l'armée russe", "le président russe", "le veto russe" tell what
# their country does, where "du bois norvégien" does not.
STATE_AGENTS = ("veto", "offensive", "invasion", "attaque", "frappes", "bombardements", "intervention", "riposte",
                "aide", "soutien", "decision", "armee", "armees", "soldats", "troupes", "militaires", "forces",
                "marine", "aviation", "president", "presidente", "premier ministre", "ministre", "ministere",
                "gouvernement", "diplomatie", "autorites", "regime", "dirigeant", "dirigeants", "chef",
                "renseignement", "services", "delegation", "ambassade", "ambassadeur", "parlement", "pouvoir",
                "police", "garde cotes", "douanes")


@lru_cache(maxsize=4096)
def _demonym_countries(text: str, agents_only: bool = False) -> tuple[str, ...]:
    """Folded names of the countries the demonyms of a sentence stand for ("russe", "nord-coréens"):
    all of them, or only those of a state's agents."""
    demonyms = _demonym_pattern(agents_only)
    found = {names_lexicon().demonyms[m.group("demonym")] for m in demonyms.finditer(fold(text))}
    return tuple(sorted(strip_article(fold_word(name)) for name in found))


@lru_cache(maxsize=2)
def _demonym_pattern(agents_only: bool) -> re.Pattern:
    forms = "|".join(re.escape(f) for f in sorted(names_lexicon().demonyms, key=len, reverse=True))
    # An adjective may come between: "les forces spéciales norvégiennes".
    agent = r"\b(?:" + "|".join(STATE_AGENTS) + r")(?: \w+)? " if agents_only else r"\b"
    return re.compile(agent + r"(?P<demonym>" + forms + r")\b")


