"""Event blocking: which pairs of candidates are worth comparing, in near-linear time.

Candidates meet only inside blocks (one family and one shared participant, rare word or date);
a small block compares every pair, a large one is walked in date order and each candidate
meets only its nearest neighbours (sorted neighbourhood), so a busy story never costs N².
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence

from .event_candidates import OCCASION, Candidate

# Blocks up to this size compare every pair; a larger one only neighbours in date order.
SMALL_BLOCK = 16
# How many following members of a large block each candidate meets.
WINDOW = 8
# A candidate is blocked by its rarest content words only: common ones say little that
# its date or its participants do not already say.
RARE_WORDS = 5
# Terms of an article vector kept for article similarity: enough to tell two subjects apart.
TOP_TERMS = 40


def neighbour_pairs(blocks: Iterable[Sequence[int]], order: Callable[[int], tuple]) -> set[tuple[int, int]]:
    """Every pair of a small block; in a large one, each member and the next WINDOW members in `order`."""
    pairs: set[tuple[int, int]] = set()
    for block in blocks:
        members = sorted(set(block), key=order)
        reach = len(members) if len(members) <= SMALL_BLOCK else WINDOW + 1
        for n, x in enumerate(members):
            for y in members[n + 1:n + reach]:
                pairs.add((x, y) if x < y else (y, x))
    return pairs


def rare_words(cands: Sequence[Candidate]) -> list[tuple[str, ...]]:
    """Each candidate's rarest words shared with another candidate of its family."""
    df = Counter((f, w) for c in cands for f in c.families for w in c.words)
    out = []
    for c in cands:
        if len(c.families) == 1:   # most candidates: the sum of one count is that count
            family, = c.families
            count = {w: df[(family, w)] for w in c.words}
        else:
            count = {w: sum(df[(f, w)] for f in c.families) for w in c.words}
        shared = [w for w in c.words if count[w] > 1]
        out.append(tuple(sorted(shared, key=lambda w: (count[w], w))[:RARE_WORDS]))
    return out


def families(c: Candidate) -> tuple[str, ...]:
    """The blocks' families a candidate belongs to: its own, and the shared one of occasions."""
    return (*sorted(c.families), "") if c.family in OCCASION else tuple(sorted(c.families))


def candidate_pairs(cands: Sequence[Candidate], date_key: Callable[[Candidate], tuple]) -> set[tuple[int, int]]:
    """Candidate pairs worth comparing: one family, and a shared participant, rare word or date, or one article."""
    by_key: dict[Hashable, list[int]] = defaultdict(list)
    words = rare_words(cands)
    for i, c in enumerate(cands):
        for family in families(c):
            for key in (*c.keys, *(f"~{w}" for w in words[i]), f"@{c.date}", f"#{c.seed}"):
                by_key[(family, key)].append(i)
    order = [(*date_key(c), c.seed, c.index) for c in cands]   # once per candidate, not once per block it is in
    return neighbour_pairs(by_key.values(), order.__getitem__)


class ArticleSimilarity:
    """Cosine of two articles' TF-IDF vectors, cut to their strongest terms and computed once per pair."""

    def __init__(self, vectors: Mapping[str, Mapping[str, float]]) -> None:
        global _last
        # An article's vector equal to the last similarity's (the same terms and weights: most, after one edit)
        # has the same strongest terms: they are not sorted again (0.1 CPU-s at 1,000 articles).
        self.full = vectors
        before, tops = (_last.full, _last.vectors) if _last is not None else ({}, {})
        self.vectors = {seed: tops[seed] if before.get(seed) == vector else _top(vector)
                        for seed, vector in vectors.items()}
        self.memo: dict[tuple[str, str], float] = {}
        # Under `mkdocs serve`, an edit changes few articles' strongest terms: the last build's cosine of two
        # articles whose vectors are both as they were, taken in the same order, is the same to the last bit
        # (same process: the same sets walked in the same order). By the order of the call that computed it.
        self.computed: dict[tuple[str, str], float] = {}
        self.carried: dict[tuple[str, str], float] = {}
        if _last is not None:
            before = _last.vectors
            same = {seed for seed, vector in self.vectors.items() if before.get(seed) == vector}
            self.carried = {key: value for key, value in _last.computed.items() if key[0] in same and key[1] in same}
        _last = self

    def __call__(self, a: str, b: str) -> float:
        if a == b:
            return 0.0
        key = (a, b) if a < b else (b, a)
        if key not in self.memo:
            value = self.carried.get((a, b))
            if value is None:
                va, vb = self.vectors.get(a, {}), self.vectors.get(b, {})
                value = sum(va[t] * vb[t] for t in va.keys() & vb.keys())
            self.memo[key] = self.computed[(a, b)] = value
        return self.memo[key]


# The last similarity made in this process: its cosines serve the next one (see ArticleSimilarity).
_last: ArticleSimilarity | None = None


def _top(vector: Mapping[str, float]) -> dict[str, float]:
    """The TOP_TERMS heaviest terms, scaled to unit length so a cosine is a dot product."""
    kept = sorted(vector.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
    norm = math.sqrt(sum(w * w for _, w in kept))
    return {t: w / norm for t, w in kept} if norm else {}


def word_cosine(a: frozenset, b: frozenset) -> float:
    """Cosine of two sets of words."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
