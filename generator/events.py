"""Event stage: annotated articles + canonical actors -> the real-world events they report.

A sentence with an event word (data/events.yml) and a date, its own or one its context
gives, is a candidate; candidates that agree on kind, date and participants become one Event.
"""
from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import yaml

from .knowledge import Knowledge
from .model import AnnotatedArticle, Citation, Event, EventReport, Mention, Ref, Span
from .text import fold, french_date

DATA = Path(__file__).parent / "data"
# Blocks whose text tells what happened; bylines, datelines and rubrics never do.
TEXT_BLOCKS = ("title", "kicker", "heading", "caption", "paragraph")
# How much a shared participant says that two reports tell one event.
TYPE_WEIGHT = {"person": 3.0, "organisation": 2.0, "place": 2.0, "country": 1.0}
PRECISION_OF = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 4, "year": 5}
# An entity named in more candidates than this is the story's backdrop, not evidence.
COMMON_ENTITY = 60
# "il y a eu", "il s'agit", "il faut": "il" stands for nobody.
IMPERSONAL = frozenset({"y", "s", "faut", "semble", "parait", "suffit", "reste", "importe", "convient"})
# Families whose events one occasion can hold: a treaty is signed during a visit or a meeting.
OCCASION = frozenset({"accord", "rencontre", "visite"})


# --- Lexicon ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Kind:
    name: str
    family: str
    label: str
    rank: int
    pattern: re.Pattern
    exclude: re.Pattern | None


@dataclass(frozen=True)
class Lexicon:
    kinds: tuple[Kind, ...]
    other_event: frozenset[str]
    this_event: frozenset[str]
    reporting: re.Pattern
    reporting_initial: re.Pattern
    relative: re.Pattern
    anaphora: re.Pattern
    determiners: frozenset[str]
    frame_openers: frozenset[str]
    stopwords: frozenset[str]
    country_of: Mapping[str, str]   # folded capital or seat -> folded country


_ER = ("e", "es", "ent", "er", "ez", "ons", "ee", "ees", "ait", "aient", "ais", "a", "as", "ai", "erent",
       "era", "eras", "eront", "erai", "erait", "eraient", "ant", "at")
_IR = ("i", "is", "it", "ie", "ies", "ir", "issons", "issez", "issent", "issait", "issaient", "irent",
       "ira", "iront", "irait", "iraient", "issant")


def _verb_forms(infinitive: str) -> list[str]:
    word = fold(infinitive)
    if word.endswith("er"):
        return [word[:-2] + e for e in _ER]
    if word.endswith("ir"):
        return [word[:-2] + e for e in _IR]
    return [word]


def _kind(name: str, entry: dict) -> Kind:
    words: list[str] = []
    for verb in entry.get("verbs") or []:
        words += _verb_forms(verb)
    words += [fold(f) for f in entry.get("forms") or []]
    for noun in entry.get("nouns") or []:
        folded = fold(noun)
        words += [folded, folded + "s", folded + "x"] if not folded.endswith(("s", "x")) else [folded]
    alternatives = [r"\b" + re.escape(w).replace(r"\ ", " ") + r"\b" for w in sorted(set(words), key=len, reverse=True)]
    alternatives += list(entry.get("phrases") or [])
    exclude = entry.get("exclude") or []
    return Kind(name, entry.get("family", name), entry.get("label", name.capitalize()), int(entry.get("rank", 3)),
                re.compile("|".join(f"(?:{a})" for a in alternatives)),
                re.compile("|".join(f"(?:{e})" for e in exclude)) if exclude else None)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The event lexicon from data/events.yml, plus capitals and seats of power from data/geo.yml."""
    data = yaml.safe_load((DATA / "events.yml").read_text(encoding="utf-8"))
    kinds = tuple(_kind(name, entry) for name, entry in data["kinds"].items())
    return Lexicon(
        kinds=kinds,
        other_event=frozenset(fold(w) for w in data["before_other_event"]),
        this_event=frozenset(fold(w) for w in data["before_this_event"]),
        reporting=re.compile(data["reporting"]),
        reporting_initial=re.compile(data["reporting_initial"]),
        relative=re.compile(data["relative"]),
        anaphora=re.compile(data["anaphora"]),
        determiners=frozenset(data["anaphoric_determiners"]),
        frame_openers=frozenset(data["frame_openers"]),
        stopwords=frozenset(data["stopwords"]),
        country_of=_capitals(),
    )


def _capitals() -> dict[str, str]:
    """A capital or a seat of power stands for its country ("Pyongyang et Moscou sont liés")."""
    path = DATA / "geo.yml"
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError:
        return {}
    out: dict[str, str] = {}
    for country in data.get("countries") or []:
        if not isinstance(country, dict) or not country.get("name"):
            continue
        for name in [country.get("capital"), *(country.get("capital_aliases") or []), *(country.get("seats") or [])]:
            if isinstance(name, str) and name:
                out[_strip_article(fold(name))] = _strip_article(fold(country["name"]))
    return out


def _strip_article(key: str) -> str:
    return re.sub(r"^(?:le|la|les|l) ", "", key)


# --- Dates as intervals ----------------------------------------------------------------------

def interval(value: str | None) -> tuple[dt.date, dt.date, bool] | None:
    """First and last day an ISO/TIMEX value covers, and whether it may straddle others (week, season)."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    try:
        if m:
            year = int(m.group(1))
            if m.group(3):
                day = dt.date(year, int(m.group(2)), int(m.group(3)))
                return day, day, False
            if m.group(2):
                month = int(m.group(2))
                return dt.date(year, month, 1), _month_end(year, month), False
            return dt.date(year, 1, 1), dt.date(year, 12, 31), False
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6), True
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)
        if m:
            year, first = int(m.group(1)), {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}[m.group(2)]
            last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
            return dt.date(year, first, 1), _month_end(last_year, last), True
        m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if m:
            year, size, n = int(m.group(1)), 3 if m.group(2) == "Q" else 6, int(m.group(3))
            first = (n - 1) * size + 1
            return dt.date(year, first, 1), _month_end(year, first + size - 1), False
    except ValueError:
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def compatible(a: str | None, b: str | None) -> bool:
    """Two values can date one event: one holds the other (a day in its month in its year)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    (a0, a1, loose_a), (b0, b1, loose_b) = ia, ib
    if loose_a or loose_b:
        return a0 <= b1 and b0 <= a1
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _width(value: str | None) -> int:
    span = interval(value)
    return (span[1] - span[0]).days if span else 10 ** 6


# --- Candidates ------------------------------------------------------------------------------

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


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str        # folded
    segment: int


@dataclass(frozen=True)
class _Hit:
    kind: Kind
    first: int       # token indexes
    last: int


@dataclass(frozen=True)
class _Dated:
    value: str | None
    precision: str | None
    text: str
    first: int       # token index of the date in its sentence
    last: int
    frame: bool      # opens the sentence: it dates what follows too


_WORD = re.compile(r"[^\W_]+")
_BOUNDARY = re.compile(r"[,;:()\[\]]|\s[–—-]\s")


def _tokens(text: str) -> list[_Token]:
    tokens, segment, last = [], 0, 0
    for match in _WORD.finditer(text):
        between = text[last:match.start()]
        segment += len(_BOUNDARY.findall(between))
        tokens.append(_Token(match.start(), match.end(), fold(match.group()), segment))
        last = match.end()
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
        elif segment > 0 and lex.relative.match(text):
            relative.add(segment)
    return reporting, relative


def _hits(tokens: Sequence[_Token], lex: Lexicon, skip: set[int]) -> list[_Hit]:
    text, starts = _folded(tokens)
    hits = []
    for kind in lex.kinds:
        excluded = [m.span() for m in kind.exclude.finditer(text)] if kind.exclude else []
        for match in kind.pattern.finditer(text):
            if any(s <= match.start() and match.end() <= e for s, e in excluded):
                continue
            first = bisect_right(starts, match.start()) - 1
            last = bisect_right(starts, max(match.end() - 1, match.start())) - 1
            # A word of a phrase lies where its last token is ("envoyé ... soldats" is at "envoyé").
            if tokens[first].segment in skip:
                continue
            hits.append(_Hit(kind, first, last))
    return hits


def _token_range(tokens: Sequence[_Token], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
    return (inside[0], inside[-1]) if inside else None


def _pick(hits: Sequence[_Hit], tokens: Sequence[_Token], lex: Lexicon, first: int, last: int) -> _Hit | None:
    """The event word a date belongs to: in its own segment if any, else the nearest in the sentence."""
    if not hits:
        return None
    segment = tokens[first].segment

    def cost(hit: _Hit) -> tuple[float, int, int]:
        distance = hit.first - last - 1 if hit.first > last else first - hit.last - 1
        before = {t.word for t in tokens[max(0, hit.first - 3):hit.first]}
        distance += 4 if before & lex.other_event else 0
        distance -= 2 if before & lex.this_event else 0
        distance += 0 if tokens[hit.first].segment == segment else 3
        return distance, hit.kind.rank, hit.first

    return min(hits, key=cost)


def _opening(hits: Sequence[_Hit], tokens: Sequence[_Token], lex: Lexicon) -> _Hit | None:
    """The event a sentence without a date of its own tells: its first event word, main clauses first."""
    if not hits:
        return None

    def cost(hit: _Hit) -> tuple[int, int, int]:
        before = {t.word for t in tokens[max(0, hit.first - 3):hit.first]}
        return (1 if before & lex.other_event else 0), hit.first, hit.kind.rank

    return min(hits, key=cost)


def _is_frame(tokens: Sequence[_Token], first: int, lex: Lexicon) -> bool:
    return first <= 4 and all(t.word in lex.frame_openers for t in tokens[:first])


def _anaphoric(tokens: Sequence[_Token], hits: Sequence[_Hit], lex: Lexicon) -> bool:
    """The sentence opens on the event just told ("Cette rencontre ...", "À cette occasion, ...")."""
    text, _ = _folded(tokens)
    if lex.anaphora.match(text):
        return True
    return any(h.first <= 4 and any(t.word in lex.determiners for t in tokens[max(0, h.first - 2):h.first])
               for h in hits)


@dataclass(frozen=True)
class _Carry:
    """A date later sentences may take, and why: it opens its sentence ("frame"),
    no event word of its sentence used it ("unused"), or it dated the sentence just before ("used")."""
    dated: _Dated
    block: int
    why: str
    fresh: bool       # set by the sentence just before

    def dates(self, block: int, anaphoric: bool) -> bool:
        """May a sentence of `block` without a date of its own take this one?"""
        if block == self.block:
            return self.why == "frame" or self.fresh
        return self.fresh and (self.why in ("frame", "unused") or anaphoric)


class _ArticleReader:
    """Walks one article's sentences in order and yields its candidates."""

    def __init__(self, annotated: AnnotatedArticle, actor_of: Mapping[tuple[str, str], str],
                 actor_types: Mapping[str, str], lex: Lexicon) -> None:
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
        self.topic: str | None = None

    def _sentence_index(self, span: Span) -> int:
        for i, s in enumerate(self.a.sentences):
            if s.block == span.block and s.start <= span.start < s.end:
                return i
        return -1

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        carry: _Carry | None = None
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
            hits = _hits(tokens, self.lex, reporting)
            own = self._own_dates(index, sentence, tokens, reporting)
            made, used = [], set()
            for dated in own:
                if tokens[dated.first].segment in relative and not any(
                        tokens[h.first].segment == tokens[dated.first].segment for h in hits):
                    continue
                hit = _pick([h for h in hits if tokens[h.first].segment not in relative
                             or tokens[h.first].segment == tokens[dated.first].segment], tokens, self.lex,
                            dated.first, dated.last)
                if hit is None:
                    continue
                used.add(id(dated))
                made.append((hit, dated))
            if not own and hits and carry is not None and carry.dates(sentence.block, _anaphoric(tokens, hits, self.lex)):
                made.append((_opening(hits, tokens, self.lex), carry.dated))
            made = list({dated.value: (hit, dated) for hit, dated in reversed(made)}.values())[::-1]
            anchors = sorted(dated.first for _, dated in made) if len(made) > 1 else []
            for hit, dated in made:
                topic = self.topic if _pronoun_subject(tokens, hit.first) else None
                candidate = self._candidate(index, sentence, text, tokens, hit, dated, reporting, anchors, topic)
                if candidate is not None:
                    out.append(candidate)
            carry = self._next_carry(carry, own, used, sentence.block)
            self._follow_topic(index, sentence, tokens)
        return out

    def _follow_topic(self, index: int, sentence: Span, tokens: Sequence[_Token]) -> None:
        """The person "il" stands for: the first person a sentence names, until one names another."""
        persons = sorted((m for m in self.mentions.get(index, []) if m.type == "person"
                          and self.actor_of.get((self.seed, m.name))), key=lambda m: m.span.start)
        if not persons:
            return
        found = _token_range(tokens, persons[0].span.start - sentence.start, persons[0].span.end - sentence.start)
        if found and not any(t.word == "il" for t in tokens[:found[0]]):
            self.topic = self.actor_of[(self.seed, persons[0].name)]

    def _own_dates(self, index: int, sentence: Span, tokens: Sequence[_Token], reporting: set[int]) -> list[_Dated]:
        out = []
        mentions = sorted(self.dates.get(index, []), key=lambda d: d.span.start)
        skip_next = False
        text = self.a.article.blocks[sentence.block].text
        for i, mention in enumerate(mentions):
            if skip_next:
                skip_next = False
                continue
            found = _token_range(tokens, mention.span.start - sentence.start, mention.span.end - sentence.start)
            if found is None or tokens[found[0]].segment in reporting:
                continue
            # "entre fin 2024 et le printemps 2025", "du 3 au 5 mai": an event dated by its start.
            if i + 1 < len(mentions):
                between = fold(text[mention.span.end:mentions[i + 1].span.start])
                before = fold(text[max(sentence.start, mention.span.start - 12):mention.span.start]).split()[-2:]
                if between in ("et", "a", "au", "et le", "et la", "a la", "et l", "jusqu au", "jusqu a") and (
                        {"entre", "de", "du", "depuis", "d"} & set(before) or fold(mention.text).split()[:1] in (["entre"], ["du"], ["de"])):
                    skip_next = True
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
            return _Carry(own[-1], block, "used", True)
        if carry is not None and carry.why == "frame" and carry.block == block:
            return replace(carry, fresh=False)
        return None

    def _candidate(self, index: int, sentence: Span, text: str, tokens: Sequence[_Token], hit: _Hit,
                   dated: _Dated, reporting: set[int], anchors: Sequence[int], topic: str | None) -> Candidate | None:
        actors, places, keys, where = [], [], {}, set()
        inside: set[tuple[int, int]] = set()
        if topic:
            actors.append(topic)
            keys[_strip_article(fold(topic.replace("-", " ")))] = TYPE_WEIGHT["person"]
        for mention in self.mentions.get(index, []):
            slug = self.actor_of.get((self.seed, mention.name))
            if not slug or self._is_source(mention):
                continue
            found = _token_range(tokens, mention.span.start - sentence.start, mention.span.end - sentence.start)
            if found is None or tokens[found[0]].segment in reporting:
                continue
            if anchors and not _belongs(found[0], dated.first, anchors):
                continue
            inside.update((i, i) for i in range(found[0], found[1] + 1))
            kind = self.actor_types.get(slug, mention.type)
            (places if kind == "place" else actors).append(slug)
            key = _strip_article(fold(slug.replace("-", " ")))
            keys[key] = max(keys.get(key, 0.0), TYPE_WEIGHT.get(kind, 1.0))
            for name in (key, _strip_article(fold(mention.name))):
                country = self.lex.country_of.get(name)
                if country and country != key:
                    keys.setdefault(country, TYPE_WEIGHT["country"])
                    where.add(country)
            if kind == "place":
                where.add(key)
        if not keys:
            return None   # an event nobody takes part in and that happens nowhere is no page
        skip = {i for i, _ in inside} | set(range(dated.first, dated.last + 1))
        words = frozenset(_stem(t.word) for i, t in enumerate(tokens)
                          if i not in skip and t.segment not in reporting and t.word not in self.lex.stopwords
                          and (len(t.word) > 2 or t.word.isdigit()))
        word = text[tokens[hit.first].start:tokens[hit.last].end]
        return Candidate(self.seed, index, sentence, text, hit.kind.name, hit.kind.family, word,
                         dated.value, dated.precision if dated.value else None, dated.text,
                         tuple(dict.fromkeys(actors)), tuple(dict.fromkeys(places)), keys, words, frozenset(where))

    def _is_source(self, mention: Mention) -> bool:
        return any(s.block == mention.span.block and s.start < mention.span.end and mention.span.start < s.end
                   for s in self.sources)


def _pronoun_subject(tokens: Sequence[_Token], first: int) -> bool:
    """"il a rencontré", "il s'est rendu", "il a eu un entretien": the event's subject is "il"."""
    window = tokens[max(0, first - 5):first + 1]
    return any(t.word == "il" and (n + 1 == len(window) or window[n + 1].word not in IMPERSONAL)
               for n, t in enumerate(window[:-1]))


def _belongs(position: int, date: int, dates: Sequence[int]) -> bool:
    """In a sentence with several dated events, a name before the first date is everyone's;
    a later name belongs to the date nearest to it."""
    if position < dates[0]:
        return True
    return min(dates, key=lambda d: (abs(d - position), -d)) == date


def _stem(word: str) -> str:
    """A crude French stem: enough for "cérémonies" to meet "cérémonie", "80e" to meet "80"."""
    if word[:1].isdigit():
        return re.sub(r"(?:e|er|eme|re)$", "", word)
    word = re.sub(r"(?:s|x)$", "", word)
    return word[:7]


def find_candidates(articles: Sequence[AnnotatedArticle], actor_of: Mapping[tuple[str, str], str],
                    actor_types: Mapping[str, str]) -> list[Candidate]:
    """Every (sentence, date) of the corpus that tells an event."""
    lex = lexicon()
    out: list[Candidate] = []
    for annotated in articles:
        out += _ArticleReader(annotated, actor_of, actor_types, lex).candidates()
    return out


# --- Clustering ------------------------------------------------------------------------------

def _cosine(a: Mapping[str, float] | frozenset, b: Mapping[str, float] | frozenset) -> float:
    if not a or not b:
        return 0.0
    if isinstance(a, frozenset):
        return len(a & b) / math.sqrt(len(a) * len(b))
    dot = sum(w * b.get(k, 0.0) for k, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def _article_vectors(articles: Sequence[AnnotatedArticle], lex: Lexicon) -> dict[str, dict[str, float]]:
    """TF-IDF of each article's content words: how close two articles' subjects are."""
    counts = {}
    for annotated in articles:
        words = Counter(_stem(w) for b in annotated.article.blocks if b.kind in TEXT_BLOCKS
                        for w in fold(b.text).split() if w not in lex.stopwords and len(w) > 2)
        counts[annotated.article.seed] = words
    df = Counter(w for words in counts.values() for w in words)
    n = len(counts)
    return {seed: {w: c * math.log(1 + n / df[w]) for w, c in words.items()} for seed, words in counts.items()}


def _entity_weight(a: Candidate, b: Candidate) -> tuple[float, float]:
    """Shared participants: total weight, and the part that is not countries."""
    total = specific = 0.0
    for key, weight in a.keys.items():
        if key in b.keys:
            w = min(weight, b.keys[key])
            total += w
            specific += w if w > TYPE_WEIGHT["country"] else 0.0
    return min(total, 8.0), specific


def _link(a: Candidate, b: Candidate, similar: float) -> float:
    """How strongly two candidates tell one event; 0 when they cannot."""
    if (a.seed == b.seed and a.sentence == b.sentence) or not compatible(a.date, b.date):
        return 0.0
    if a.family != b.family and not _one_occasion(a, b):
        return 0.0
    if a.where and b.where and not a.where & b.where:
        return 0.0   # one event does not happen in two cities
    entity, specific = _entity_weight(a, b)
    words = _cosine(a.words, b.words)
    score = entity + 2 * words + similar + (a.date == b.date and a.date is not None) + 0.5 * (a.kind == b.kind)
    if a.date is None or b.date is None:
        return score if specific >= 2 and words > 0 and score >= 3 else 0.0
    if a.seed == b.seed:
        return score if (entity >= 1 or words >= 0.25) and score >= 1.5 else 0.0
    return score if entity >= 1 and score >= 2 else 0.0


def _one_occasion(a: Candidate, b: Candidate) -> bool:
    """A meeting and the treaty it sealed, told in neighbouring sentences of one article, are one event."""
    return a.family in OCCASION and b.family in OCCASION and a.seed == b.seed and abs(a.index - b.index) <= 2


def _pairs(cands: Sequence[Candidate]) -> set[tuple[int, int]]:
    """Candidate pairs worth comparing: same family and a shared participant, or same article."""
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    by_article: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, c in enumerate(cands):
        for key in c.keys:
            by_key[(c.family, key)].append(i)
        by_article[(c.family, c.seed)].append(i)
        if c.family in OCCASION:
            by_article[("", c.seed)].append(i)
    pairs = set()
    for group in (*by_key.values(), *by_article.values()):
        if len(group) > COMMON_ENTITY:
            continue
        pairs.update((x, y) for n, x in enumerate(group) for y in group[n + 1:])
    return pairs


def cluster(cands: Sequence[Candidate], similarity: Mapping[str, Mapping[str, float]] | None = None) -> list[list[int]]:
    """Groups of candidate indexes that tell one event each."""
    similarity = similarity or {}
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for x, y in _pairs(cands):
        a, b = cands[x], cands[y]
        similar = _cosine(similarity.get(a.seed, {}), similarity.get(b.seed, {})) if a.seed != b.seed else 0.0
        score = _link(a, b, similar)
        if score > 0:
            links[x].append((score, y))
            links[y].append((score, x))
    allowed = {x: {y for _, y in _unambiguous(cands, x, partners)} for x, partners in links.items()}
    kept = {(min(x, y), max(x, y), score) for x, partners in links.items() for score, y in partners
            if y in allowed[x] and x in allowed[y]}
    parent = list(range(len(cands)))
    narrowest = [c.date for c in cands]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for x, y, _ in sorted(kept, key=lambda k: (-k[2], k[0], k[1])):
        rx, ry = find(x), find(y)
        if rx == ry or not compatible(narrowest[rx], narrowest[ry]):
            continue
        parent[ry] = rx
        narrowest[rx] = min((narrowest[rx], narrowest[ry]), key=lambda v: (v is None, _width(v)))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(cands)):
        groups[find(i)].append(i)
    return sorted(groups.values())


def _unambiguous(cands: Sequence[Candidate], x: int, partners: list[tuple[float, int]]) -> list[tuple[float, int]]:
    """A vague report that fits several distinct events about as well joins none of them.

    "Il a reçu en 2025 le ministre" fits every 2025 meeting of the story: keep only its links to
    reports of the very same date.
    """
    partners = sorted(partners, key=lambda p: (-p[0], p[1]))
    best, first = partners[0]
    rivals = [s for s, y in partners[1:] if not compatible(cands[y].date, cands[first].date)]
    if rivals and rivals[0] >= best - 1.0:
        return [(s, y) for s, y in partners if cands[y].date == cands[x].date and cands[x].date is not None]
    return partners


# --- Events ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Draft:
    """An event before knowledge is applied: its slug, its candidates, a title the dossier gives."""
    slug: str
    members: tuple[Candidate, ...]
    title: str | None = None


class _Builder:
    """Turns groups of candidates into Events: date, participants, reports, title, slug."""

    def __init__(self, articles: Sequence[AnnotatedArticle], actor_of: Mapping[tuple[str, str], str],
                 actor_types: Mapping[str, str]) -> None:
        self.order = {a.article.seed: i for i, a in enumerate(articles)}
        self.articles = {a.article.seed: a for a in articles}
        self.types = actor_types
        self.labels = {k.name: k for k in lexicon().kinds}
        names: dict[str, Counter] = defaultdict(Counter)
        for annotated in articles:
            for mention in annotated.mentions:
                slug = actor_of.get((annotated.article.seed, mention.name))
                if slug:
                    names[slug][mention.name] += 1
        self.names = {slug: max(sorted(c), key=lambda n: (c[n], len(n))) for slug, c in names.items()}

    def sort(self, members: Sequence[Candidate]) -> tuple[Candidate, ...]:
        return tuple(sorted(members, key=lambda c: (self.order.get(c.seed, 0), c.seed, c.index, c.date or "")))

    def date(self, members: Sequence[Candidate]) -> Candidate | None:
        """The member whose date is the most precise one that most members agree with."""
        dated = [c for c in members if c.date and interval(c.date)]
        if not dated:
            return None
        return min(dated, key=lambda c: (-sum(compatible(c.date, o.date) for o in dated), _width(c.date),
                                         self.order.get(c.seed, 0), c.index))

    def participants(self, members: Sequence[Candidate]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rank = {"person": 0, "organisation": 1, "country": 2}
        actors = Counter(s for c in members for s in c.actors)
        places = Counter(s for c in members for s in c.places)
        first = {s: i for i, s in reversed(list(enumerate(s for c in members for s in (*c.actors, *c.places))))}
        ordered = sorted(actors, key=lambda s: (rank.get(self.types.get(s, ""), 3), -actors[s], first[s]))
        return tuple(ordered), tuple(sorted(places, key=lambda s: (-places[s], first[s])))

    def event(self, draft: _Draft) -> Event:
        members = self.sort(draft.members)
        kinds = Counter(c.kind for c in members)
        kind = min(kinds, key=lambda k: (-kinds[k], self.labels[k].rank if k in self.labels else 9, k))
        dating = self.date(members)
        actors, places = self.participants(members)
        reports = tuple(self.report(seed, [c for c in members if c.seed == seed])
                        for seed in dict.fromkeys(c.seed for c in members))
        title = draft.title or self.title(kind, dating, actors, places)
        return Event(draft.slug, title, self.labels[kind].label.lower() if kind in self.labels else kind,
                     dating.date if dating else None, _precision(dating), actors, places, reports)

    def report(self, seed: str, members: Sequence[Candidate]) -> EventReport:
        dating = self.date(members) or members[0]
        spans = sorted({c.sentence: c.text for c in members}.items())
        refs = tuple(Ref(seed, span, text) for span, text in spans)
        return EventReport(seed, refs, dating.date_text, dating.date, self.sources(seed, [s for s, _ in spans]))

    def sources(self, seed: str, spans: Sequence[Span]) -> tuple[str, ...]:
        citations: Sequence[Citation] = self.articles[seed].citations
        own = [c.source for c in citations if c.kind == "attribution" and any(_overlap(c.sentence, s) for s in spans)]
        if not own:
            own = [c.source for c in citations if c.kind == "publisher"]
        return tuple(dict.fromkeys(own))

    def title(self, kind: str, dating: Candidate | None, actors: Sequence[str], places: Sequence[str]) -> str:
        label = self.labels[kind].label if kind in self.labels else kind.capitalize()
        people = [self.names.get(s, s) for s in actors if self.types.get(s) != "country"][:3]
        if len(people) < 2:
            people += [self.names.get(s, s) for s in (*actors, *places) if self.names.get(s, s) not in people][:3 - len(people)]
        title = f"{label} — {', '.join(people)}" if people else label
        return f"{title} ({french_date(dating.date)})" if dating else title

    def slug_base(self, event: Event) -> str:
        main = next(iter(event.actors or event.places), None)
        parts = [_ascii(event.kind), _ascii(self.names.get(main, main)) if main else "", event.date or "sans-date"]
        return "-".join(p for p in (_ascii(x) for x in parts) if p)[:90].strip("-")


def _precision(member: Candidate | None) -> str | None:
    if member is None or not member.date:
        return None
    if member.precision:
        return member.precision
    return {4: "year", 7: "month", 10: "day"}.get(len(member.date), "day")


def _overlap(a: Span, b: Span) -> bool:
    return a.block == b.block and a.start < b.end and b.start < a.end


def _ascii(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text).encode("ascii", "ignore").decode()).strip("-")


def _drafts(builder: _Builder, groups: Sequence[Sequence[Candidate]]) -> list[_Draft]:
    """Stable, unique slugs: "<kind>-<main actor>-<date>", numbered in date order on a clash."""
    events = sorted(((builder.event(_Draft("", tuple(g))), g) for g in groups),
                    key=lambda e: (e[0].date or "~", e[0].kind, builder.sort(e[1])[0].seed, builder.sort(e[1])[0].index))
    taken: set[str] = set()
    out = []
    for event, group in events:
        out.append(_Draft(_unique(builder.slug_base(event) or "evenement", taken), tuple(group)))
    return out


def _unique(base: str, taken: set[str]) -> str:
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    taken.add(slug)
    return slug


def _apply(drafts: list[_Draft], knowledge: Knowledge, builder: _Builder) -> list[_Draft]:
    """The dossier's word over the clustering: split, then merge, then rename."""
    taken = {d.slug for d in drafts}
    out: list[_Draft] = []
    for draft in drafts:
        seeds = list(dict.fromkeys(c.seed for c in builder.sort(draft.members)))
        if draft.slug in knowledge.split_events and len(seeds) > 1:
            taken.discard(draft.slug)
            for n, seed in enumerate(seeds, 1):
                piece = tuple(c for c in draft.members if c.seed == seed)
                out.append(_Draft(_unique(f"{draft.slug}-{n}", taken), piece))
        else:
            out.append(draft)
    by_slug = {d.slug: d for d in out}
    for group in knowledge.merge_events:
        present = [s for s in dict.fromkeys(group) if s in by_slug]
        if len(present) < 2:
            continue
        head = by_slug[present[0]]
        members = tuple(c for s in present for c in by_slug[s].members)
        for s in present[1:]:
            del by_slug[s]
        by_slug[head.slug] = _Draft(head.slug, members, head.title)
    renames = dict(knowledge.rename_events)
    return [replace(d, title=renames.get(d.slug, d.title)) for d in by_slug.values()]


def find_events(articles: Sequence[AnnotatedArticle], actor_of: Mapping[tuple[str, str], str],
                actor_types: Mapping[str, str], knowledge: Knowledge) -> tuple[Event, ...]:
    """The corpus's events, each with one report per article that tells it."""
    articles = tuple(articles)
    cands = find_candidates(articles, actor_of, actor_types)
    groups = [[cands[i] for i in g] for g in cluster(cands, _article_vectors(articles, lexicon()))]
    builder = _Builder(articles, actor_of, actor_types)
    drafts = _apply(_drafts(builder, groups), knowledge, builder)
    events = [builder.event(d) for d in drafts]
    return tuple(sorted(events, key=lambda e: (e.date or "~", e.slug)))
