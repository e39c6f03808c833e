"""What the event clustering knows of each pair of candidates, kept between builds: an edit weighs again only
the pairs it changed.

`events.pair_facts(a, b)` is a pure function of the two candidates and of the events' code and data. It is
kept under the digests of the two candidates' values; the file holds the last build's pairs only, with a
fingerprint of the events' code. The articles' cosine is not kept: it is added to the facts in each build
(its last bit depends on the order Python walks a set, which changes from one process to the next). A
missing, corrupt or foreign file is an empty memo: every pair is weighed as before.
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

from .cache import load_checked, store_checked
from .event_candidates import Candidate

FILE = "pairs.pkl"   # not *.pickle: those are the articles
FORMAT = 1
DIGEST = 16          # bytes of a candidate's digest; a pair's key is two of them
_MISSING = object()

Facts = Callable[[int, int], tuple | None]   # a pair's facts (events.PairFacts as a plain tuple), None: no link

# The last build's pairs by events fingerprint, kept while the process lives (`mkdocs serve`).
_MEMORY: dict[str, dict[bytes, tuple | None]] = {}
# The last build's candidates' digests by the candidate's id, with the candidate (so the id is its own): under
# `mkdocs serve` an unchanged article's candidates are the very objects of the last build (cache.CandidateCache);
# and the digests of candidates read from the cache, stored with them (`remember`).
_DIGESTS: dict[int, tuple[Candidate, bytes]] = {}


def digests(cands: Sequence[Candidate]) -> tuple[bytes, ...]:
    """Each candidate's digest, known from then on by the very object (as the last build's are)."""
    out = tuple(candidate_digest(c) for c in cands)
    remember(cands, out)
    return out


def remember(cands: Sequence[Candidate], known: Sequence[bytes]) -> None:
    """Take `known[i]` as the digest of `cands[i]` (stored with them: cache.CandidateCache) while it is this object."""
    _DIGESTS.update((id(c), (c, d)) for c, d in zip(cands, known))


def candidate_digest(candidate: Candidate) -> bytes:
    """A digest of every field of a candidate, in field order. Sets are sorted (no order of theirs reaches a
    pair's facts); a mapping keeps its order (the participants' weights are summed in that order)."""
    parts = tuple(_canonical(getattr(candidate, f.name)) for f in fields(candidate))
    return hashlib.blake2b(repr(parts).encode(), digest_size=DIGEST).digest()


def _canonical(value: object) -> object:
    if isinstance(value, (set, frozenset)):
        return ("set", tuple(sorted(value)))
    if isinstance(value, Mapping):
        return ("map", tuple(value.items()))
    return value


@dataclass
class PairMemo:
    """Facts found in the last build (`stored`) and those this build used (`used`), by the pair's digests.

    A pair found moves from `stored` to `used`: the memo is held once in memory (about 26 MB at 1,000 articles),
    and what is left in `stored` at the end is what this build no longer needs."""
    fingerprint: str
    stored: dict[bytes, tuple | None] = field(default_factory=dict)
    used: dict[bytes, tuple | None] = field(default_factory=dict)
    made: int = 0        # pairs weighed by this build, not found
    known: dict[int, tuple[Candidate, bytes]] = field(default_factory=dict)   # digests by id, as _DIGESTS
    digested: dict[int, tuple[Candidate, bytes]] = field(default_factory=dict)   # this build's

    def digest(self, candidate: Candidate) -> bytes:
        """candidate_digest(candidate), taken from the last build when it is the very same object."""
        kept = self.digested.get(id(candidate)) or self.known.get(id(candidate))
        if kept is None or kept[0] is not candidate:
            kept = (candidate, candidate_digest(candidate))
        self.digested[id(candidate)] = kept
        return kept[1]

    def facts(self, cands: Sequence[Candidate], weigh: Callable[[Candidate, Candidate], tuple | None]) -> Facts:
        """facts(x, y): `weigh(cands[x], cands[y])`, taken from the memo when it holds the same two candidates."""
        digests = [self.digest(c) for c in cands]
        used, stored = self.used, self.stored

        def facts(x: int, y: int) -> tuple | None:
            key = digests[x] + digests[y]
            found = used.get(key, _MISSING)
            if found is _MISSING:
                found = stored.pop(key, _MISSING)
                if found is _MISSING:
                    found = weigh(cands[x], cands[y])
                    found = None if found is None else tuple(found)   # a plain tuple pickles in C, 3 times faster
                    self.made += 1
                used[key] = found
            return found
        return facts

    @property
    def changed(self) -> bool:
        return self.made > 0 or bool(self.stored)


def load(folder: Path | None, fingerprint: str) -> PairMemo:
    """The memo the last build left (in this process's memory, else in `folder`); empty when unusable."""
    if fingerprint in _MEMORY:
        return PairMemo(fingerprint, _MEMORY[fingerprint], known=_DIGESTS)
    return PairMemo(fingerprint, _read(folder / FILE, fingerprint) if folder is not None else {}, known=_DIGESTS)


def _read(path: Path, fingerprint: str) -> dict[bytes, tuple | None]:
    pairs = load_checked(path, (FORMAT, fingerprint))
    if not isinstance(pairs, dict):   # missing, stale, truncated or foreign: weigh every pair
        return {}
    well_formed = all(type(k) is bytes and len(k) == 2 * DIGEST and (v is None or type(v) is tuple)
                      for k, v in pairs.items())
    return pairs if well_formed else {}


def save(folder: Path | None, memo: PairMemo) -> None:
    """Keep this build's pairs, in memory and, when they differ from the file's, in `folder` (atomically)."""
    _MEMORY.clear()
    _MEMORY[memo.fingerprint] = memo.used
    _DIGESTS.clear()
    _DIGESTS.update(memo.digested)
    if folder is not None and memo.changed:
        store_checked(folder / FILE, (FORMAT, memo.fingerprint), memo.used)
