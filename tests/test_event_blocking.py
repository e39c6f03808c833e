"""Tests of event blocking: which candidate pairs are compared, and article similarity."""
from __future__ import annotations

import pytest

from generator.event_blocking import SMALL_BLOCK, WINDOW, ArticleSimilarity, candidate_pairs, neighbour_pairs
from generator.event_candidates import Candidate
from generator.model import Span


def candidate(n: int, date: str, family: str = "manifestation", keys=("cgt",), seed: str | None = None) -> Candidate:
    return Candidate(seed or f"{n:04d}.txt", 0, Span(0, 0, 1), "x", family, family, "grève", date, "day", date,
                     (), (), {k: 2.0 for k in keys}, frozenset({"greve", f"w{n}"}))


@pytest.mark.parametrize("size, expected", [
    (3, 3),
    (SMALL_BLOCK, SMALL_BLOCK * (SMALL_BLOCK - 1) // 2),
])
def test_event_blocking_small_blocks_compare_every_pair(size, expected):
    assert len(neighbour_pairs([list(range(size))], lambda i: i)) == expected


def test_event_blocking_large_blocks_meet_only_neighbours():
    pairs = neighbour_pairs([list(range(1000))], lambda i: i)
    assert len(pairs) <= 1000 * WINDOW
    assert (0, 1) in pairs and (0, 500) not in pairs


def test_event_blocking_pairs_grow_linearly_with_a_busy_story():
    """Every report of a big story shares its union and its word: the pairs stay a few per candidate."""
    def pairs(n):
        cands = [candidate(i, f"2025-03-{i % 28 + 1:02d}") for i in range(n)]
        return len(candidate_pairs(cands, lambda c: (c.date,)))
    assert pairs(2000) <= 11 * pairs(200)


def test_event_blocking_families_never_meet():
    cands = [candidate(0, "2025-03-01", "manifestation"), candidate(1, "2025-03-01", "justice")]
    assert candidate_pairs(cands, lambda c: (c.date,)) == set()


def test_event_blocking_article_similarity_is_symmetric_and_unit():
    similar = ArticleSimilarity({"a": {"greve": 2.0, "rail": 1.0}, "b": {"greve": 4.0, "rail": 2.0}, "c": {"match": 1.0}})
    assert similar("a", "b") == pytest.approx(1.0) and similar("b", "a") == similar("a", "b")
    assert similar("a", "c") == 0.0 and similar("a", "a") == 0.0


def test_event_blocking_a_cosine_is_kept_for_the_next_similarity_only_while_both_vectors_are_the_same():
    """`mkdocs serve`: the last build's cosine of two articles is taken again when neither article's strongest
    terms changed, in the order of the call that computed it; it equals one computed afresh."""
    from generator import event_blocking

    vectors = {"a": {"greve": 2.0, "rail": 1.0}, "b": {"greve": 4.0, "rail": 2.0, "sncf": 1.0}, "c": {"rail": 1.0}}
    event_blocking._last = None
    first = ArticleSimilarity(vectors)
    ab, ca = first("a", "b"), first("c", "a")
    edited = {**vectors, "c": {"rail": 1.0, "greve": 0.5}}
    second = ArticleSimilarity(edited)
    assert second.carried == {("a", "b"): ab}   # c's vector changed: its cosines are computed again
    assert second("b", "a") == second("a", "b") == ab
    assert second("c", "a") != ca
    event_blocking._last = None
    fresh = ArticleSimilarity(edited)
    assert fresh.carried == {} and (fresh("a", "b"), fresh("c", "a")) == (ab, second("c", "a"))
    event_blocking._last = None


def test_event_blocking_an_unchanged_vector_keeps_its_strongest_terms_and_a_changed_one_is_cut_again(monkeypatch):
    """`mkdocs serve`: an article's vector equal to the last similarity's is not sorted again; both give what a
    new process gives."""
    from generator import event_blocking

    vectors = {"a": {"greve": 2.0, "rail": 1.0}, "b": {"greve": 4.0, "rail": 2.0, "sncf": 1.0}}
    monkeypatch.setattr(event_blocking, "_last", None)
    first = ArticleSimilarity(vectors)
    edited = {"a": dict(vectors["a"]), "b": {**vectors["b"], "sncf": 3.0}}
    cut = []
    real = event_blocking._top
    monkeypatch.setattr(event_blocking, "_top", lambda vector: cut.append(vector) or real(vector))
    second = ArticleSimilarity(edited)
    assert cut == [edited["b"]] and second.vectors["a"] is first.vectors["a"]
    monkeypatch.setattr(event_blocking, "_last", None)
    assert second.vectors == ArticleSimilarity(edited).vectors
