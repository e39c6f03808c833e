"""The event clustering's pair memo: the same events with it as without, only changed pairs weighed again,
and a corrupt or foreign file is an empty memo."""
from __future__ import annotations

import dataclasses
import hashlib
import pickle
import shutil

import pytest

from generator import cache, events, pair_memo
from generator.event_blocking import ArticleSimilarity
from generator.events import cluster, find_candidates, find_events, pair_facts
from generator.knowledge import Knowledge
from generator.pair_memo import FILE, PairMemo, candidate_digest
from generator.site import build_site

from .conftest import ROOT, SEEDS
from .test_events import TYPES, actor_of, article
from .test_site import _docs_tree

FINGERPRINT = "f" * 64


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A copy of the seeds and the dossier, with its own cache: (seeds, docs)."""
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(ROOT / "dossier.yml", tmp_path / "dossier.yml")
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return seeds, tmp_path / "docs"


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test starts as a new process would: no memo in memory."""
    pair_memo._MEMORY.clear()
    pair_memo._DIGESTS.clear()
    yield
    pair_memo._MEMORY.clear()
    pair_memo._DIGESTS.clear()


def story(extra: str = "") -> tuple:
    """Three made-up articles on two meetings and a treaty; `extra` is appended to the second one."""
    return (
        article("a.txt", ["Le 3 mars 2021, Anna Berg a rencontré Karl Lind à Oslo.",
                          "Anna Berg a signé le 3 mars 2021 un accord avec Karl Lind."],
                {"3 mars 2021": "2021-03-03"}),
        article("b.txt", ["Anna Berg et Karl Lind se sont entretenus le 3 mars 2021 à Oslo." + extra,
                          "Jean Martin s'est rendu le 9 juin 2022 à Paris."],
                {"3 mars 2021": "2021-03-03", "9 juin 2022": "2022-06-09", "12 juin 2022": "2022-06-12"}),
        article("c.txt", ["La visite de Jean Martin à Paris a eu lieu le 9 juin 2022.",
                          "Olav Dahl a rencontré Ines Roux le 4 avril 2023 à Bergen."],
                {"9 juin 2022": "2022-06-09", "4 avril 2023": "2023-04-04"}),
    )


def summary(found) -> list:
    return [(e.slug, e.title, e.date, e.seeds) for e in found]


def events_with(articles, memo: PairMemo | None):
    return find_events(articles, actor_of(articles), TYPES, Knowledge(), memo=memo)


def test_pair_memo_gives_the_events_found_without_it(tmp_path):
    articles = story()
    without = summary(events_with(articles, None))
    first = PairMemo(FINGERPRINT)
    assert summary(events_with(articles, first)) == without and first.made > 0
    pair_memo.save(tmp_path, first)
    pair_memo._MEMORY.clear()
    again = pair_memo.load(tmp_path, FINGERPRINT)   # from the file, as a new process reads it
    assert again.stored == first.used
    assert summary(events_with(articles, again)) == without and again.made == 0 and not again.changed
    assert again.used == first.used and again.stored == {}   # each pair found moved to this build's memo


def test_pair_memo_events_of_the_last_build_are_taken_again_only_when_made_of_the_same(monkeypatch):
    """`mkdocs serve`: a group of candidates equal to one of the last build's (every field of each candidate, its
    article's mentions, citations and order, the actors' types and names) takes that build's Event; any other is
    built, and the events are those found without a memo."""
    built = []
    real = events._Builder.event
    monkeypatch.setattr(events._Builder, "event", lambda self, draft: built.append(draft) or real(self, draft))
    monkeypatch.setattr(events, "_LAST", [None, None, {}])

    def found(articles, memo=True, names=None):
        built.clear()
        return summary(find_events(articles, actor_of(articles), TYPES, Knowledge(), names=names,
                                   memo=PairMemo(FINGERPRINT) if memo else None))

    articles = story()
    assert found(articles) == found(articles, memo=False) and built
    assert found(story()) == found(articles, memo=False)   # equal candidates and articles, other objects
    found(story())
    assert built == []
    edited = story(" Anna Berg a signé le 3 mars 2021 un traité avec Karl Lind.")
    assert found(edited) == found(edited, memo=False)
    found(edited)
    assert built == []
    monkeypatch.setattr(events, "_LAST", [None, None, {}])   # a new process builds every group
    found(story())
    every = len(built)
    found(edited)
    assert 0 < len(built) < every   # the groups of the edited article only
    renamed = {"anna-berg": "Anna B.", "karl-lind": "Karl Lind", "jean-martin": "Jean Martin"}
    assert found(edited, names=renamed) == found(edited, memo=False, names=renamed) != found(edited, memo=False)


def test_pair_memo_an_edit_weighs_again_only_the_pairs_of_changed_candidates(tmp_path, monkeypatch):
    before = PairMemo(FINGERPRINT)
    events_with(story(), before)
    pair_memo.save(tmp_path, before)
    pair_memo._MEMORY.clear()
    edited = story(" Le 12 juin 2022, Jean Martin a rencontré Karl Lind à Paris.")
    old = {candidate_digest(c) for c in find_candidates(story(), actor_of(story()), TYPES)}
    expected = summary(events_with(edited, None))
    weighed = []
    monkeypatch.setattr(events, "pair_facts", lambda a, b: weighed.append((a, b)) or pair_facts(a, b))
    after = pair_memo.load(tmp_path, FINGERPRINT)
    assert summary(events_with(edited, after)) == expected
    assert 0 < after.made == len(weighed) < len(after.used)
    for a, b in weighed:   # a pair of two unchanged candidates is never weighed again
        assert candidate_digest(a) not in old or candidate_digest(b) not in old
    assert after.changed


def test_pair_memo_digest_sees_every_field():
    candidate = next(c for c in find_candidates(story(), actor_of(story()), TYPES) if c.keys)
    digest = candidate_digest(candidate)
    for field in dataclasses.fields(candidate):
        value = getattr(candidate, field.name)
        if isinstance(value, frozenset):
            other = value | {"autre"}
        elif isinstance(value, dict):
            other = {**value, "autre": 1.0}
        elif isinstance(value, bool):
            other = not value
        elif isinstance(value, (int, float)):
            other = value + 1
        elif isinstance(value, tuple) and not hasattr(value, "_fields") and not hasattr(value, "block"):
            other = (*value, "autre")
        elif isinstance(value, str):
            other = value + "x"
        elif value is None:
            other = "2021"
        else:   # a span
            other = dataclasses.replace(value, end=value.end + 1)
        assert candidate_digest(dataclasses.replace(candidate, **{field.name: other})) != digest, field.name


def test_pair_memo_digest_keeps_the_order_of_the_weights_only():
    candidate = next(c for c in find_candidates(story(), actor_of(story()), TYPES) if len(c.keys) > 1)
    reordered = dataclasses.replace(candidate, keys=dict(reversed(list(candidate.keys.items()))))
    swapped_words = dataclasses.replace(candidate, words=frozenset(reversed(sorted(candidate.words))))
    assert candidate_digest(reordered) != candidate_digest(candidate)   # weights are summed in their order
    assert candidate_digest(swapped_words) == candidate_digest(candidate)


def test_pair_memo_is_kept_only_for_the_same_code(tmp_path):
    memo = PairMemo(FINGERPRINT)
    events_with(story(), memo)
    pair_memo.save(tmp_path, memo)
    pair_memo._MEMORY.clear()
    assert pair_memo.load(tmp_path, "0" * 64).stored == {}
    assert pair_memo.load(tmp_path, FINGERPRINT).stored == memo.used


def _payload(value) -> bytes:
    data = pickle.dumps(value)
    return pickle.dumps((pair_memo.FORMAT, FINGERPRINT, hashlib.sha256(data).digest(), data))


@pytest.mark.parametrize("content", [
    b"", b"not a pickle", pickle.dumps({"a": 1}), pickle.dumps((pair_memo.FORMAT, FINGERPRINT, b"x", b"y")),
    _payload({b"short": None}), _payload({b"k" * 32: 1.5}), _payload(["a list"]),
])
def test_pair_memo_corrupt_or_foreign_file_is_an_empty_memo(tmp_path, content):
    (tmp_path / FILE).write_bytes(content)
    memo = pair_memo.load(tmp_path, FINGERPRINT)
    assert memo.stored == {}
    assert summary(events_with(story(), memo)) == summary(events_with(story(), None))
    pair_memo.save(tmp_path, memo)   # rebuilt
    pair_memo._MEMORY.clear()
    assert pair_memo.load(tmp_path, FINGERPRINT).stored == memo.used != {}


def test_pair_memo_cluster_with_a_stale_memo_clusters_as_without():
    """Facts kept under a pair's digests are those of the same two candidates, whatever else is kept."""
    cands = [c for c in find_candidates(story(), actor_of(story()), TYPES) if c.date_text is not None]
    similar = ArticleSimilarity({})
    memo = PairMemo(FINGERPRINT, stored={b"z" * 32: None})
    assert cluster(cands, similar, memo) == cluster(cands, similar)
    assert memo.changed and b"z" * 32 not in memo.used   # a pair no longer met leaves the memo


def test_pair_memo_incremental_build_equals_a_cold_one(project, tmp_path, monkeypatch):
    seeds, docs = project
    assert build_site(seeds, docs).ok and (tmp_path / "cache" / FILE).is_file()
    edited = sorted(seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nLe 12 juin 2022, Anna Berg a rencontré Karl Lind "
                      "à Oslo.\n", encoding="utf-8")
    pair_memo._MEMORY.clear()   # read from the file, as the command line does
    assert build_site(seeds, docs).ok
    monkeypatch.setenv(cache.ENV, "off")
    pair_memo._MEMORY.clear()
    assert build_site(seeds, tmp_path / "cold").ok
    assert _docs_tree(docs) == _docs_tree(tmp_path / "cold")
    # A corrupt memo: the next build weighs every pair again and gives the same pages.
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    (tmp_path / "cache" / FILE).write_bytes(b"\x80\x05garbage")
    edited.write_text(edited.read_text(encoding="utf-8") + "Une phrase de plus.\n", encoding="utf-8")
    assert build_site(seeds, docs).ok
    monkeypatch.setenv(cache.ENV, "off")
    assert build_site(seeds, tmp_path / "cold2").ok
    assert _docs_tree(docs) == _docs_tree(tmp_path / "cold2")




def test_pair_memo_a_candidate_of_the_last_build_is_not_digested_again(monkeypatch):
    """`mkdocs serve`: an unchanged article's candidates are the very objects of the last build; an equal copy or
    a changed candidate is digested afresh."""
    cands = [c for c in find_candidates(story(), actor_of(story()), TYPES) if c.date_text is not None]
    first = PairMemo(FINGERPRINT)
    cluster(cands, ArticleSimilarity({}), first)
    pair_memo.save(None, first)
    digested = []
    real = pair_memo.candidate_digest
    monkeypatch.setattr(pair_memo, "candidate_digest", lambda c: digested.append(c) or real(c))
    copy, changed = dataclasses.replace(cands[0]), dataclasses.replace(cands[1], date="2021-03-04")
    again = pair_memo.load(None, FINGERPRINT)
    assert [again.digest(c) for c in cands] == [real(c) for c in cands] and digested == []
    assert again.digest(copy) == real(cands[0]) and again.digest(changed) == real(changed) != real(cands[1])
    assert digested == [copy, changed]


def test_pair_memo_digests_stored_with_the_candidates_serve_a_new_process(monkeypatch):
    """The command line: the memo comes from the file, the candidates from the cache with their digests
    (`digests` when they were made, `remember` when they are read): no candidate is digested again."""
    cands = [c for c in find_candidates(story(), actor_of(story()), TYPES) if c.date_text is not None]
    stored = pair_memo.digests(cands)
    assert list(stored) == [candidate_digest(c) for c in cands]
    pair_memo._DIGESTS.clear()   # a new process
    read = [dataclasses.replace(c) for c in cands]   # unpickled: equal objects, not the same
    pair_memo.remember(read, stored)
    digested = []
    real = pair_memo.candidate_digest
    monkeypatch.setattr(pair_memo, "candidate_digest", lambda c: digested.append(c) or real(c))
    memo = pair_memo.load(None, FINGERPRINT)
    assert [memo.digest(c) for c in read] == list(stored) and digested == []
    assert memo.digest(cands[0]) == stored[0] and digested == [cands[0]]   # another object: digested


def test_pair_memo_a_new_process_digests_only_the_edited_articles_candidates(project, tmp_path, monkeypatch):
    seeds, docs = project

    def new_process() -> None:
        for memory in (pair_memo._MEMORY, pair_memo._DIGESTS, cache._MEMORY, cache._KEY_OF, cache._CANDIDATE_MEMORY):
            memory.clear()
    new_process()
    assert build_site(seeds, docs).ok
    edited = sorted(seeds.glob("*.txt"))[1]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nLe 12 juin 2022, Anna Berg a rencontré Karl Lind "
                      "à Oslo.\n", encoding="utf-8")
    new_process()
    digested = []
    real = pair_memo.candidate_digest
    monkeypatch.setattr(pair_memo, "candidate_digest", lambda c: digested.append(c) or real(c))
    assert build_site(seeds, docs).ok
    assert digested and {c.seed for c in digested} == {edited.name}
    monkeypatch.setenv(cache.ENV, "off")
    assert build_site(seeds, tmp_path / "cold").ok
    assert _docs_tree(docs) == _docs_tree(tmp_path / "cold")
