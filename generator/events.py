"""Event stage: annotated articles + canonical actors -> the real-world events they report.

Candidates (event_candidates.py) that agree on kind, date, participants and words become one
Event; an undated candidate only joins an event dated elsewhere.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from .event_blocking import OCCASION, ArticleSimilarity, candidate_pairs, word_cosine
from .event_candidates import TEAM_FAMILIES, TEXT_BLOCKS, WORD, fold_word, TYPE_WEIGHT, Candidate, stem, find_candidates
from .event_groups import (absorb, admissions_join, adopt, announcements_join, compatible, consensus_date, date_width,
                           interval, merge_retold, return_legs, statements_join, story_years, told)
from .event_lexicon import Lexicon, lexicon
from .lexicon import lexicon as names_lexicon
from .knowledge import Knowledge
from .model import AnnotatedArticle, Article, Citation, Event, EventReport, Ref, Span
from .cache import entry_key
from .pair_memo import PairMemo
from .text import fold, french_date

__all__ = ["Candidate", "compatible", "find_candidates", "find_events", "interval"]

# A key (participant or word) shared by more dated candidates than this is the story's backdrop:
# an undated report meets through it only the events of its own article.
COMMON_ENTITY = 40
# Below this cosine of their words, two articles are on unrelated subjects (a story and a page on
# something else score about 0; two articles of one story, from 0.02 up).
UNRELATED = 0.02


# --- Clustering ------------------------------------------------------------------------------

def _article_vectors(articles: Sequence[AnnotatedArticle], lex: Lexicon) -> dict[str, dict[str, float]]:
    """TF-IDF of each article's content words: how close two articles' subjects are."""
    counts = {annotated.article.seed: _word_counts(annotated.article, lex) for annotated in articles}
    for gone in _COUNTED.keys() - {id(annotated.article) for annotated in articles}:
        del _COUNTED[gone]
    df = Counter(w for words in counts.values() for w in words)
    n = len(counts)
    return {seed: {w: c * math.log(1 + n / df[w]) for w, c in words.items()} for seed, words in counts.items()}


# Each article's word counts while the process lives: under `mkdocs serve` an unchanged article is the very same
# object from one build to the next (cache._MEMORY), so its words are not counted again. The entry holds the
# article, so its id cannot be another's.
_COUNTED: dict[int, tuple[Article, Lexicon, Counter]] = {}


def _word_counts(article: Article, lex: Lexicon) -> Counter:
    kept = _COUNTED.get(id(article))
    if kept is not None and kept[0] is article and kept[1] is lex:
        return kept[2]
    words = Counter(stem(w) for b in article.blocks if b.kind in TEXT_BLOCKS
                    for w in map(fold_word, WORD.findall(b.text)) if w not in lex.stopwords and len(w) > 2)
    _COUNTED[id(article)] = (article, lex, words)
    return words


def _entity_weight(a: Candidate, b: Candidate) -> tuple[float, float]:
    """Shared participants: total weight, and the part that is not countries."""
    total = specific = 0.0
    for key, weight in a.keys.items():
        if key in b.keys:
            w = min(weight, b.keys[key])
            total += w
            specific += w if w > TYPE_WEIGHT["country"] else 0.0
    return min(total, 8.0), specific


def _link(a: Candidate, b: Candidate, similar: ArticleSimilarity) -> float:
    """How strongly two candidates tell one event; 0 when they cannot."""
    facts = pair_facts(a, b)
    return 0.0 if facts is None else _score(facts, similar(a.seed, b.seed))


class PairFacts(NamedTuple):
    """What `_link` weighs of two candidates that can tell one event, all but their articles' cosine.

    A function of the two candidates alone, so pair_memo.py can keep it between builds; `_score` adds the
    cosine with the same operations in the same order as ever, so the score is the same to the last bit.
    """
    entity: float
    words: float
    same_date: bool
    same_kind: bool
    test: int          # UNDATED, ONE_ARTICLE or TWO_ARTICLES: which of _link's tests decides
    passes: bool       # UNDATED: specific participants and a word shared; ONE_ARTICLE: one occasion's day or one
                       # kind's day; TWO_ARTICLES: rival people, or kinds that differ (then the pair is refused)
    close: bool        # TWO_ARTICLES: a word shared enough, the same day, or a rare kind in the same month


UNDATED, ONE_ARTICLE, TWO_ARTICLES = 0, 1, 2


def pair_facts(a: Candidate, b: Candidate) -> PairFacts | None:
    """`_link`'s tests that need no cosine; None when they alone refuse the pair (its score is 0)."""
    if (a.seed == b.seed and a.sentence == b.sentence) or not compatible(a.date, b.date):
        return None
    if not a.families & b.families and not _one_occasion(a, b):
        return None
    if _elsewhere(a, b):
        return None
    entity, specific = _entity_weight(a, b)
    if a.seed != b.seed and specific < 2 and _generic(a) and _generic(b):
        return None   # two facts no word names are one only through someone they share
    words = word_cosine(a.words, b.words)
    same_day = a.date == b.date and a.date is not None and len(a.date) == 10
    same_date, same_kind = (a.date == b.date and a.date is not None), (a.kind == b.kind)
    if a.date is None or b.date is None:
        return PairFacts(entity, words, same_date, same_kind, UNDATED, specific >= 2 and words > 0, False)
    if a.seed == b.seed:
        # Neighbouring sentences on one occasion's day ("Il reçoit les syndicats. X dénonce ...") are one event,
        # and an article does not tell two events of one kind on one day unless it names rival people.
        occasion_day = a.date == b.date and not a.families & b.families
        one_kind_day = same_day and a.kind == b.kind and not _rival_persons(a, b)
        return PairFacts(entity, words, same_date, same_kind, ONE_ARTICLE, occasion_day or one_kind_day, False)
    if a.kind == b.kind and _rival_persons(a, b):
        return None   # "Jean Martin à Oslo", "Anna Berg à Oslo": two visits, whatever the city they share
    # Articles name participants differently ("la junte", "Niamey", "le général"): the same words
    # on the same kind, the same kind on the same day, or a rare kind in the same month also tell one event.
    # Outlets name one day's strike "grève", "manifestation" or "mobilisation": one family on one day is one kind.
    refused = _rival_persons(a, b) or (a.kind != b.kind and not (same_day and a.family == b.family))
    rare = a.rank <= 1 and max(date_width(a.date), date_width(b.date)) <= 31
    return PairFacts(entity, words, same_date, same_kind, TWO_ARTICLES, refused, words >= 0.2 or same_day or rare)


def _score(facts: tuple, cosine: float) -> float:
    """`_link`'s score of a pair from its facts (a PairFacts, or the plain tuple pair_memo.py keeps) and the
    cosine of its two articles; 0 when they are not one event."""
    entity, words, same_date, same_kind, test, passes, close = facts
    score = entity + 2 * words + cosine + same_date + 0.5 * same_kind
    if test == UNDATED:
        return score if passes and score >= 3 else 0.0
    if test == ONE_ARTICLE:
        return score if ((entity >= 1 or words >= 0.25) and score >= 1.5) or passes else 0.0
    if entity >= 1 and score >= 2:
        return score
    if cosine < UNRELATED:
        return 0.0   # two articles on unrelated subjects tell one event only through someone they share
    if passes:
        return 0.0
    return score if close and score >= 1.0 else 0.0


def _worth_a_page(group: Sequence[Candidate], actor_types: Mapping[str, str]) -> bool:
    """An event no report dates needs someone named (a person or a body): "an announcement by a country,
    date unknown" tells a reader nothing."""
    return any(c.date for c in group) or any(actor_types.get(s) in ("person", "organisation")
                                             for c in group for s in c.actors)


def _generic(c: Candidate) -> bool:
    generic = lexicon().generic
    return generic is not None and c.kind == generic.name


def _elsewhere(a: Candidate, b: Candidate) -> bool:
    """One event does not happen in two cities, unless it is a national day of marches."""
    if not (a.where and b.where) or a.where & b.where:
        return False
    return not (a.family in lexicon().scattered and b.family in lexicon().scattered)


def _rival_persons(a: Candidate, b: Candidate) -> bool:
    """Both name people and none in common: two events of one kind, not one."""
    pa = {k for k, w in a.keys.items() if w == TYPE_WEIGHT["person"]}
    pb = {k for k, w in b.keys.items() if w == TYPE_WEIGHT["person"]}
    return bool(pa and pb and not pa & pb)


def _one_occasion(a: Candidate, b: Candidate) -> bool:
    """A meeting and the treaty it sealed, told in neighbouring sentences of one article or on one day
    with one guest by two articles, are one event."""
    if a.family not in OCCASION or b.family not in OCCASION:
        return False
    if a.seed == b.seed:
        return abs(a.index - b.index) <= 2
    persons = {k for k, w in a.keys.items() if w == TYPE_WEIGHT["person"]} & set(b.keys)
    # The same two people, a day and the month that holds it: one trip told at two precisions.
    return bool(persons) and (a.date == b.date or a.date is None or b.date is None
                              or (len(persons) >= 2 and compatible(a.date, b.date)))


def _date_order(c: Candidate) -> tuple:
    """Candidates in date order, the widest first among those that start together; unresolved last."""
    span = interval(c.date)
    return (span[0], -(span[1] - span[0]).days) if span else (dt.date.max, 0)


def cluster(cands: Sequence[Candidate], similar: ArticleSimilarity | None = None,
            memo: PairMemo | None = None) -> list[list[int]]:
    """Groups of candidate indexes that tell one event each (`memo`: pair facts kept from earlier builds)."""
    similar = similar or ArticleSimilarity({})
    facts_of = memo.facts(cands, pair_facts) if memo is not None else lambda x, y: pair_facts(cands[x], cands[y])
    links: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for x, y in candidate_pairs(cands, _date_order):
        facts = facts_of(x, y)
        score = 0.0 if facts is None else _score(facts, similar(cands[x].seed, cands[y].seed))
        if score > 0:
            links[x].append((score, y))
            links[y].append((score, x))
    # A lone partner is unambiguous; each link is listed by both its ends: kept once, from the smaller (0.07 CPU-s).
    allowed = {x: {partners[0][1]} if len(partners) == 1 else {y for _, y in _unambiguous(cands, x, partners)}
               for x, partners in links.items()}
    kept = {(x, y, score) for x, partners in links.items() for score, y in partners
            if x < y and y in allowed[x] and x in allowed[y]}
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
        narrowest[rx] = min((narrowest[rx], narrowest[ry]), key=lambda v: (v is None, date_width(v)))
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


def attach(groups: list[list[Candidate]], undated: Sequence[Candidate],
           vague: Sequence[Sequence[Candidate]] = (), written: Mapping[str, str | None] | None = None,
           similar: ArticleSimilarity | None = None) -> list[list[Candidate]]:
    """Undated reports ("la décision du tribunal", "le départ du convoi") join the one event they fit best.

    They never make an event of their own, and one that fits two events about as well joins neither;
    a `vague` group (dates no one could resolve) joins the same way, or stays an event of its own.
    An article tells nothing that began after it was written (`written`: seed -> publication date).
    """
    written, similar = written or {}, similar or ArticleSimilarity({})
    starts = [interval(consensus_date(g)) for g in groups]
    index: dict[tuple[str, str], list[tuple[int, Candidate]]] = defaultdict(list)
    local: dict[tuple[str, str, str], list[tuple[int, Candidate]]] = defaultdict(list)
    for n, group in enumerate(groups):
        for c in group:
            for key in _attach_keys(c):
                for family in c.families:
                    index[(family, key)].append((n, c))
                    local[(family, key, c.seed)].append((n, c))
    joined: dict[int, list[Candidate]] = defaultdict(list)
    alone = []
    for unit in [[u] for u in undated] + [list(g) for g in vague]:
        best: dict[int, float] = {}
        for u in unit:
            near: dict[int, tuple[int, Candidate]] = {}
            for family in u.families:
                for key in _attach_keys(u):
                    postings = index.get((family, key), ())
                    if len(postings) > COMMON_ENTITY or u.told_before:
                        postings = local.get((family, key, u.seed), ())
                    near.update((id(c), (n, c)) for n, c in postings)
            day = interval(written.get(u.seed))
            for n, c in near.values():
                if day and starts[n] and starts[n][0] > day[1]:
                    continue
                best[n] = max(best.get(n, 0.0), _fit(u, c, similar))
        scores = sorted(((score, n) for n, score in best.items()), reverse=True)
        if scores and scores[0][0] > 0 and (len(scores) == 1 or scores[1][0] < scores[0][0] - 0.5):
            joined[scores[0][1]].extend(unit)
        elif unit[0].date_text is not None:
            alone.append(unit)
    return [group + joined.get(n, []) for n, group in enumerate(groups)] + alone


def _attach_keys(c: Candidate) -> tuple[str, ...]:
    return (*c.keys, *(f"~{w}" for w in c.words))


def _fit(u: Candidate, c: Candidate, similar: ArticleSimilarity) -> float:
    """How well an undated report fits a dated one; 0 when it does not."""
    if not u.families & c.families or (u.seed == c.seed and u.sentence == c.sentence):
        return 0.0
    if _elsewhere(u, c):
        return 0.0
    entity, specific = _entity_weight(u, c)
    if u.seed != c.seed and not entity and similar(u.seed, c.seed) < UNRELATED:
        return 0.0   # an unrelated article's report that shares no one: common words ("a mis en garde") are no tie
    words = word_cosine(u.words, c.words)
    score = entity + 2 * words + 0.5 * (u.kind == c.kind)
    if specific >= 2 and words > 0 or words >= 0.3 or (u.kind == c.kind and words >= 0.15 and entity >= 1):
        return score
    return 0.0


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
                 actor_types: Mapping[str, str], names: Mapping[str, str] | None = None) -> None:
        self.order = {a.article.seed: i for i, a in enumerate(articles)}
        self.articles = {a.article.seed: a for a in articles}
        self.actor_of = actor_of
        self.types = actor_types
        self.labels = {k.name: k for k in lexicon().kinds}
        if names is None:   # the actors' own names, else the name most mentions give
            counts: dict[str, Counter] = defaultdict(Counter)
            for annotated in articles:
                for mention in annotated.mentions:
                    slug = actor_of.get((annotated.article.seed, mention.name))
                    if slug:
                        counts[slug][mention.name] += 1
            names = {slug: max(sorted(c), key=lambda n: (c[n], len(n))) for slug, c in counts.items()}
        self.names = dict(names)

    def sort(self, members: Sequence[Candidate]) -> tuple[Candidate, ...]:
        return tuple(sorted(members, key=lambda c: (self.order.get(c.seed, 0), c.seed, c.index, c.date or "")))

    def date(self, members: Sequence[Candidate]) -> Candidate | None:
        """The first member (in article order) that gives the consensus date of the members."""
        value = consensus_date(members)
        dated = [c for c in members if c.date == value and value is not None]
        return min(dated, key=lambda c: (self.order.get(c.seed, 0), c.index)) if dated else None

    def participants(self, members: Sequence[Candidate]) -> tuple[tuple[str, ...], tuple[str, ...]]:
        rank = {"person": 0, "organisation": 1, "country": 2}
        actors = Counter(s for c in members for s in c.actors)
        if not actors:
            actors.update(self.paragraph_actors(members))
        places = Counter(s for c in members for s in c.places)
        first = {s: i for i, s in reversed(list(enumerate(s for c in members for s in (*c.actors, *c.places))))}
        ordered = sorted(actors, key=lambda s: (rank.get(self.types.get(s, ""), 3), -actors[s],
                                                first.get(s, len(first)), s))
        return tuple(ordered), tuple(sorted(places, key=lambda s: (-places[s], first[s])))

    def paragraph_actors(self, members: Sequence[Candidate]) -> list[str]:
        """Who the paragraph of a sentence that names no one is about ("Les deux suspects ont été arrêtés",
        "Il a ouvert le salon"): the people and bodies it names."""
        found = []
        for c in members:
            annotated = self.articles.get(c.seed)
            if annotated is None:
                continue
            for mention in annotated.mentions:
                slug = self.actor_of.get((c.seed, mention.name))
                # An outlet or an agency tells the story (or took its photo), it does not take part in it.
                if mention.span.block == c.sentence.block and self.types.get(slug) in ("person", "organisation") \
                        and fold(mention.name) not in names_lexicon().agencies:
                    found.append(slug)
        return found

    def event(self, draft: _Draft) -> Event:
        members = self.sort(draft.members)
        kinds = Counter(c.kind for c in members)
        # What was said on an occasion does not name it: a statement yields to the meeting it followed.
        generic = lexicon().generic
        kind = min(kinds, key=lambda k: (generic is not None and k == generic.name,
                                         k in self.labels and self.labels[k].light, -kinds[k],
                                         self.labels[k].rank if k in self.labels else 9, k))
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


def _drafts(builder: _Builder, groups: Sequence[Sequence[Candidate]],
            memo: PairMemo | None = None) -> tuple[list[_Draft], dict[int, Event]]:
    """Stable, unique slugs: "<kind>-<main actor>-<date>", numbered in date order on a clash.

    Also each draft's Event (slug and title aside), by the id of its members, for `_final`; `memo`: the candidates'
    digests, by which an Event of the last build is taken again (_LastEvents)."""
    last = _LastEvents(builder, memo) if memo is not None else None
    events = sorted((((last.event(members) if last else builder.event(_Draft("", members))), members)
                     for members in map(tuple, groups)),
                    key=lambda e: (e[0].date or "~", e[0].kind, builder.sort(e[1])[0].seed, builder.sort(e[1])[0].index))
    taken: set[str] = set()
    out = []
    for event, members in events:
        out.append(_Draft(_unique(builder.slug_base(event) or "evenement", taken), members))
    if last is not None:
        last.keep()
    return out, {id(members): event for event, members in events}


class _LastEvents:
    """`builder.event` of a group (slug and title aside), taken from the last build when the group is made of what
    that one was (while the process lives: `mkdocs serve`). After one edit at 1,000 articles nearly every group
    is, and building its Event again was 0.25 CPU-s.

    The key is everything `_Builder.event` reads: each candidate's digest (every field: pair_memo) and its
    article's place in the corpus's order; each of their articles' mentions and citations (the cache entry's key,
    `cache.entry_key`, the digest of all the article is made from, else their repr) with the actors of its
    mentions; every actor's type and name; the lexicons."""

    def __init__(self, builder: _Builder, memo: PairMemo) -> None:
        self.builder, self.memo = builder, memo
        self.context = (repr(builder.types), repr(builder.names))
        self.articles: dict[str, bytes] = {}
        self.made: dict[bytes, Event] = {}
        lexicons = (lexicon(), names_lexicon())
        if _LAST[0] is None or any(a is not b for a, b in zip(_LAST[0], lexicons)) or _LAST[1] != self.context:
            _LAST[:] = [lexicons, self.context, {}]
        self.before: dict[bytes, Event] = _LAST[2]

    def article(self, seed: str) -> bytes:
        """A digest of what the builder reads of one article, once per build (an article is in many groups)."""
        if seed not in self.articles:
            annotated = self.builder.articles.get(seed)
            value = None if annotated is None else (entry_key(annotated) or (annotated.mentions, annotated.citations))
            actors = () if annotated is None else tuple(self.builder.actor_of.get((seed, m.name))
                                                        for m in annotated.mentions)
            self.articles[seed] = hashlib.blake2b(repr((value, actors)).encode(), digest_size=16).digest()
        return self.articles[seed]

    def event(self, members: tuple[Candidate, ...]) -> Event:
        articles = tuple(self.article(seed) for seed in dict.fromkeys(c.seed for c in members))
        order = self.builder.order
        made_of = (tuple(map(self.memo.digest, members)), tuple(order.get(c.seed, 0) for c in members), articles)
        key = hashlib.blake2b(repr(made_of).encode(), digest_size=16).digest()
        event = self.made.get(key) or self.before.get(key) or self.builder.event(_Draft("", members))
        self.made[key] = event
        return event

    def keep(self) -> None:
        """Hold this build's Events for the next (the last build's only)."""
        _LAST[2] = self.made


# The lexicons and the actors' types and names the last build's Events were made with, and those Events by key.
_LAST: list = [None, None, {}]


def _final(builder: _Builder, draft: _Draft, built: dict[int, Event]) -> Event:
    """builder.event(draft): a draft the dossier left as it was keeps the Event made of the same members."""
    event = built.get(id(draft.members))
    if event is None:
        return builder.event(draft)
    return replace(event, slug=draft.slug, title=draft.title or event.title)


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
                actor_types: Mapping[str, str], knowledge: Knowledge, kept=None,
                names: Mapping[str, str] | None = None, memo: PairMemo | None = None) -> tuple[Event, ...]:
    """The corpus's events, each with one report per article that tells it (`kept`: see find_candidates;
    `names`: each actor's name by slug, shown in titles; `memo`: see cluster)."""
    articles = tuple(articles)
    cands = return_legs(story_years(find_candidates(articles, actor_of, actor_types, kept)), TEAM_FAMILIES)
    facts = [c for c in cands if _generic(c)]
    cands = [c for c in cands if not _generic(c)]
    dated = [c for c in cands if c.date_text is not None]
    similar = ArticleSimilarity(_article_vectors(articles, lexicon()))
    groups = [[dated[i] for i in g] for g in cluster(dated, similar, memo)]
    # A group no member dates ("vendredi" in an undated article) joins the dated event it fits, if one.
    dated_groups = [g for g in groups if any(c.date for c in g)]
    vague = [g for g in groups if not any(c.date for c in g)]
    written = {a.article.seed: a.published.value for a in articles}
    groups = attach(dated_groups, [c for c in cands if c.date_text is None], vague, written, similar)
    groups = absorb(groups, [[facts[i] for i in g] for g in cluster(facts, similar, memo)])
    lex = lexicon()
    groups = admissions_join(announcements_join(statements_join(adopt(groups, lex)), lex), lex)
    groups = [g for g in groups if any(told(c, lex) for c in g)]
    groups = [g for g in merge_retold(groups) if _worth_a_page(g, actor_types)]
    builder = _Builder(articles, actor_of, actor_types, names)
    drafts, built = _drafts(builder, groups, memo)
    events = [_final(builder, d, built) for d in _apply(drafts, knowledge, builder)]
    return tuple(sorted(events, key=lambda e: (e.date or "~", e.slug)))
