"""The per-article cache: keys, corrupt entries, pruning, and builds that skip the model."""
from __future__ import annotations

import dataclasses
import os
import pickle
from pathlib import Path

import pytest

from generator import cache as cache_module
from generator import site as site_module
from generator.cache import STATE, ArticleCache, cache_folder, code_fingerprint, knowledge_fingerprint, load_state
from generator.corpus import link
from generator.knowledge import Knowledge, KnownActor, load_knowledge
from generator.model import AnnotatedArticle, Article, Block, Mention, Published, Span
from generator.site import build_site, find_seeds
from generator.write import MANIFEST

ARTICLE_A = """Une délégation arrive à Vienne pour des négociations
Par Jeanne Morel
Publié le 4 mars 2024 à 10h12
La ministre Hélène Carrère a reçu mardi à Vienne une délégation de diplomates venus de Lisbonne, a indiqué son porte-parole.
Selon le quotidien Der Standard, les discussions doivent durer jusqu'au 15 mars.
"""
ARTICLE_B = """Les agriculteurs manifestent devant la préfecture
AFP
12.5.2023 - 17:40
Plusieurs centaines d'agriculteurs se sont rassemblés vendredi devant la préfecture de Rennes, selon la police.
Le préfet Marc Lanvin a promis de recevoir une délégation lundi.
"""


def annotated(seed: str = "a.txt", text: str = "Un texte.") -> AnnotatedArticle:
    article = Article(seed, (Block("paragraph", text, 1, "p1"),))
    return AnnotatedArticle(article, (Span(0, 0, len(text)),), Published(None, "unknown"))


@pytest.fixture(autouse=True)
def fresh_process():
    """Each test starts as a new process would: nothing read yet (the cache keeps what it read in memory)."""
    cache_module._MEMORY.clear()
    cache_module._CANDIDATE_MEMORY.clear()


@pytest.fixture
def store(tmp_path) -> ArticleCache:
    return ArticleCache(tmp_path / "cache", Knowledge())


@pytest.fixture
def seed(tmp_path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    return path


@pytest.mark.parametrize("change", ["seed bytes", "sidecar added", "sidecar bytes", "file name"])
def test_cache_key_changes_with_what_the_result_depends_on(store, seed, change):
    sidecar = seed.with_suffix(".yml")
    if change == "sidecar bytes":
        sidecar.write_text("outlet: Le Journal\n", encoding="utf-8")
    before = store.key(seed)
    if change == "seed bytes":
        seed.write_text(ARTICLE_A + "Une phrase de plus.\n", encoding="utf-8")
    elif change == "sidecar added":
        sidecar.write_text("outlet: Le Journal\n", encoding="utf-8")
    elif change == "sidecar bytes":
        sidecar.write_text("outlet: La Gazette\n", encoding="utf-8")
    else:
        seed = seed.rename(seed.with_name("b.txt"))
    assert before and store.key(seed) and store.key(seed) != before


def test_cache_key_is_stable_for_the_same_bytes(store, seed):
    assert store.key(seed) == store.key(seed) == ArticleCache(store.root, Knowledge()).key(seed)


@pytest.mark.parametrize("linked", ["seed", "sidecar"])
def test_cache_key_refuses_symbolic_links(store, seed, tmp_path, linked):
    target = tmp_path / "elsewhere.txt"
    target.write_text("outlet: X\n", encoding="utf-8")
    if linked == "seed":
        link = seed.with_name("lien.txt")
        link.symlink_to(target)
        assert store.key(link) is None
    else:
        seed.with_suffix(".yml").symlink_to(target)
        assert store.key(seed) is None


def test_cache_roundtrip(store):
    value = annotated()
    store.put("k" * 64, value)
    assert store.get("k" * 64) == value
    assert store.get("m" * 64) is None


@pytest.mark.parametrize("content", [
    b"",
    b"not a pickle at all",
    pickle.dumps(("k" * 64, annotated()))[:40],         # truncated
    pickle.dumps(("k" * 64, "a string, not an article")),  # wrong type
    pickle.dumps(("other key", annotated())),              # written for another key
    pickle.dumps(["k" * 64]),                              # wrong shape
])
def test_cache_corrupt_entry_is_a_miss(store, content):
    store.folder.mkdir(parents=True)
    (store.folder / f"{'k' * 64}.pickle").write_bytes(content)
    assert store.get("k" * 64) is None


def test_cache_knowledge_fingerprint_ignores_event_fixes_only():
    base = Knowledge(actors=(KnownActor("Hélène Carrère"),))
    assert knowledge_fingerprint(base) == knowledge_fingerprint(
        Knowledge(actors=base.actors, merge_events=(("a", "b"),), rename_events=(("a", "Titre"),), split_events=("c",)))
    assert knowledge_fingerprint(base) != knowledge_fingerprint(Knowledge(actors=(KnownActor("Marc Lanvin"),)))
    assert knowledge_fingerprint(base) != knowledge_fingerprint(Knowledge(actors=base.actors, ignore=("Etat",)))


def test_cache_code_fingerprint_covers_the_per_article_stages():
    names = {path.name for path in cache_module._stage_modules()}
    assert {"read.py", "pipeline.py", "nlp.py", "actors.py", "dates.py", "sources.py", "text.py", "model.py"} <= names
    assert not names & {"render.py", "write.py", "site.py", "corpus.py", "cache.py"}
    assert len(code_fingerprint()) == 64


def test_cache_prune_removes_only_what_it_made(store):
    store.put("a" * 64, annotated())
    store.put("b" * 64, annotated())
    old_context = store.root / ("0" * 32)
    old_context.mkdir()
    (old_context / f"{'c' * 64}.pickle").write_bytes(b"x")
    mine = store.root / "notes"
    mine.mkdir()
    (store.folder / "README").write_text("kept", encoding="utf-8")
    for key in ("a" * 64, "b" * 64):
        (store.folder / f"{key}{cache_module.CANDIDATES}").write_bytes(b"x")
    store.prune({"a" * 64})
    assert store.get("a" * 64) is not None and store.get("b" * 64) is None
    assert sorted(p.name[:1] for p in store.folder.glob("*.candidates")) == ["a"]   # they go with their article
    assert not old_context.exists() and mine.is_dir() and (store.folder / "README").exists()


@pytest.mark.parametrize("value, expected", [
    ("off", None), ("", None), ("0", None), ("/tmp/ailleurs", Path("/tmp/ailleurs")),
])
def test_cache_folder_follows_the_environment(monkeypatch, tmp_path, value, expected):
    monkeypatch.setenv(cache_module.ENV, value)
    assert cache_folder(tmp_path / "seeds") == expected


def test_cache_folder_default_is_beside_the_seeds(monkeypatch, tmp_path):
    monkeypatch.delenv(cache_module.ENV, raising=False)
    assert cache_folder(tmp_path / "seeds") == tmp_path.resolve() / ".cache" / "generator"


def _tree(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def test_cache_build_skips_the_model_when_nothing_changed(monkeypatch, tmp_path):
    monkeypatch.delenv(cache_module.ENV, raising=False)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    first = build_site(seeds, tmp_path / "docs1")
    assert first.ok and len(_entries(tmp_path)) == 2

    import generator.nlp
    import generator.pipeline

    def no_model():
        raise AssertionError("the model was loaded although every article was cached")

    monkeypatch.setattr(generator.nlp, "load_nlp", no_model)
    second = build_site(seeds, tmp_path / "docs2")
    assert second.ok and _tree(tmp_path / "docs1") == _tree(tmp_path / "docs2")

    # One edited article: only that one goes through the stages again.
    monkeypatch.undo()
    monkeypatch.delenv(cache_module.ENV, raising=False)
    seen = []
    real = generator.pipeline.annotate
    monkeypatch.setattr(generator.pipeline, "annotate", lambda article, *rest: seen.append(article.seed)
                        or real(article, *rest))
    (seeds / "b.txt").write_text(ARTICLE_B + "Le cortège s'est dispersé dans le calme.\n", encoding="utf-8")
    third = build_site(seeds, tmp_path / "docs3")
    assert third.ok and seen == ["b.txt"]
    assert len(_entries(tmp_path)) == 2   # the stale entry is pruned


def _entries(root: Path) -> list[Path]:
    """One entry per article (the model's compiled patterns, kept beside them when this process loaded it, are not one)."""
    return [p for p in (root / ".cache" / "generator").rglob("*.pickle") if p.name != "patterns.pickle"]


def test_cache_corrupt_entries_never_stop_a_build(monkeypatch, tmp_path):
    monkeypatch.delenv(cache_module.ENV, raising=False)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    build_site(seeds, tmp_path / "docs1")
    for entry in (tmp_path / ".cache" / "generator").rglob("*.pickle"):
        entry.write_bytes(os.urandom(64))
    report = build_site(seeds, tmp_path / "docs2")
    assert report.ok and _tree(tmp_path / "docs1") == _tree(tmp_path / "docs2")


# --- The whole-build state: a build with nothing changed is skipped, anything else rebuilds.

def prime(seeds: Path) -> None:
    """Cache a hand-made annotation for every seed, so that building needs no model."""
    knowledge, _ = load_knowledge(seeds.parent / "dossier.yml")
    store = ArticleCache(cache_folder(seeds), knowledge)
    for path in find_seeds(seeds):
        store.put(store.key(path), annotated(path.name, path.read_text(encoding="utf-8").splitlines()[0]))


@pytest.fixture
def project(monkeypatch, tmp_path):
    """(seeds, docs, link calls) of a project built once from primed seeds."""
    monkeypatch.setenv(cache_module.ENV, str(tmp_path / "cache"))
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    prime(seeds)
    calls = []
    monkeypatch.setattr(site_module, "link", lambda *args: calls.append(1) or link(*args))
    report = build_site(seeds, tmp_path / "docs")
    assert report.ok and report.written and report.home and calls == [1]
    calls.clear()
    return seeds, tmp_path / "docs", calls


def test_cache_build_is_skipped_when_nothing_changed(project):
    seeds, docs, calls = project
    before = _tree(docs)
    report = build_site(seeds, docs)
    assert calls == [] and report.ok and report.written == [] and report.removed == []
    assert set(report.unchanged) == set(before) - {MANIFEST} and report.built == ["a.txt", "b.txt"]
    assert "articles" in report.home and report.corpus is None and _tree(docs) == before


def _change(change: str, seeds: Path, docs: Path, monkeypatch) -> None:
    page = next((docs / "articles").glob("a*.md"))
    if change == "page deleted":
        page.unlink()
    elif change == "page edited":
        page.write_text(page.read_text(encoding="utf-8") + "Une note ajoutée à la main.\n", encoding="utf-8")
    elif change == "manifest deleted":
        (docs / MANIFEST).unlink()
    elif change == "seed edited":
        (seeds / "b.txt").write_text(ARTICLE_B + "Le cortège s'est dispersé.\n", encoding="utf-8")
    elif change == "sidecar added":
        (seeds / "b.yml").write_text("outlet: La Gazette\n", encoding="utf-8")
    elif change == "seed added":
        (seeds / "c.txt").write_text("Un troisième article\nIl pleut sur Lyon depuis lundi.\n", encoding="utf-8")
    elif change == "seed removed":
        (seeds / "a.txt").unlink()
    elif change == "dossier.yml changed":
        (seeds.parent / "dossier.yml").write_text("ignore: [Vienne]\n", encoding="utf-8")
    elif change == "generator changed":
        monkeypatch.setattr(cache_module, "site_fingerprint", lambda: "0" * 64)
    prime(seeds)


@pytest.mark.parametrize("change", ["page deleted", "page edited", "manifest deleted", "seed edited",
                                    "sidecar added", "seed added", "seed removed", "dossier.yml changed",
                                    "generator changed"])
def test_cache_build_runs_again_when_an_input_or_a_page_changed(project, monkeypatch, change):
    seeds, docs, calls = project
    _change(change, seeds, docs, monkeypatch)
    report = build_site(seeds, docs)
    assert calls == [1]
    if change == "page edited":   # the hand edit is kept and reported, on this build and on the next
        assert len(report.problems) == 1 and "edited" in report.problems[0].message
        assert len(build_site(seeds, docs).problems) == 1 and calls == [1, 1]
    else:
        assert report.ok and build_site(seeds, docs).ok and calls == [1]   # then skipped again
        assert (change != "page deleted") or report.written


def test_cache_build_into_another_docs_folder_is_not_skipped(project, tmp_path):
    seeds, docs, calls = project
    other = build_site(seeds, tmp_path / "ailleurs")
    assert calls == [1] and other.ok and _tree(tmp_path / "ailleurs") == _tree(docs)


def test_cache_build_without_cache_never_skips(project, monkeypatch):
    seeds, docs, calls = project
    monkeypatch.setenv(cache_module.ENV, "off")
    monkeypatch.setattr(site_module, "_annotate", lambda paths, keys, knowledge, *rest: ([
        annotated(p.name, p.read_text(encoding="utf-8").splitlines()[0]) for p in paths], {}))
    build_site(seeds, docs)
    build_site(seeds, docs)
    assert calls == [1, 1]


@pytest.mark.parametrize("content", ["", "{", "[]", '{"fingerprint": "x"}', '{"fingerprint": "x", "files": 3, '
                                     '"built": [], "home": ""}'])
def test_cache_unreadable_build_state_means_a_full_build(project, content):
    seeds, docs, calls = project
    (cache_folder(seeds) / STATE).write_text(content, encoding="utf-8")
    assert load_state(cache_folder(seeds)) is None
    assert build_site(seeds, docs).ok and calls == [1]


# --- Page records: a page whose inputs did not change is not rendered again while its file is untouched.

def test_cache_page_records_hold_for_the_same_docs_and_code_only(tmp_path, monkeypatch):
    from generator.cache import load_pages, save_pages
    docs = tmp_path / "docs"
    (docs / "articles").mkdir(parents=True)
    (docs / "articles" / "a.md").write_text("A")
    (docs / "articles" / "new.md").write_text("N")
    old = 10 ** 9 * 1_000_000
    os.utime(docs / "articles" / "a.md", ns=(old, old))
    save_pages(tmp_path / "cache", docs, {"articles/a.md": ("k", "d"), "articles/new.md": ("k2", "d2"),
                                          "articles/gone.md": ("k3", "d3")})
    records = load_pages(tmp_path / "cache", docs)
    # A file written a moment ago could change again within one clock tick: it is not trusted.
    assert list(records) == ["articles/a.md"] and records["articles/a.md"].mtime_ns == old
    assert (records["articles/a.md"].key, records["articles/a.md"].digest, records["articles/a.md"].size) == ("k", "d", 1)
    assert load_pages(tmp_path / "cache", tmp_path / "other") == {}
    monkeypatch.setattr(cache_module, "site_fingerprint", lambda: "0" * 64)
    assert load_pages(tmp_path / "cache", docs) == {}


@pytest.mark.parametrize("content", ["", "{", "[]", '{"format": 1}', '{"format": 1, "code": 3, "docs": [], "pages": 2}'])
def test_cache_unreadable_page_records_are_none(tmp_path, content):
    from generator.cache import PAGES, load_pages
    (tmp_path / PAGES).write_text(content, encoding="utf-8")
    assert load_pages(tmp_path, tmp_path / "docs") == {}


def test_cache_keeps_what_it_read_for_the_next_build_of_the_process(store):
    store.put("k" * 64, annotated())
    (store.folder / f"{'k' * 64}.pickle").unlink()   # as `mkdocs serve` rebuilds: no file read again
    assert store.get("k" * 64) == annotated()
    store.prune(set())
    assert store.get("k" * 64) is None


def test_cache_entry_key_is_known_for_the_very_object_read_or_stored_only(store):
    """entry_key() stands for an article's value (page keys, data files): never for an equal copy or after prune."""
    from dataclasses import replace

    from generator.cache import entry_key

    value = annotated()
    store.put("k" * 64, value)
    assert entry_key(value) == "k" * 64
    assert entry_key(annotated()) is None                          # equal, another object
    assert entry_key(replace(value, mentions=value.mentions)) is None
    cache_module._MEMORY.clear()                                    # a new process reads it back
    read = store.get("k" * 64)
    assert read is not value and entry_key(read) == "k" * 64 and entry_key(value) is None
    store.put("k" * 64, annotated("b.txt"))                         # the same key stored again
    assert entry_key(read) is None
    store.prune(set())
    assert not cache_module._MEMORY and all(entry_key(v) is None for v in (value, read))


# --- Each article's event candidates, kept beside its annotation.

def test_cache_candidates_fingerprint_covers_the_candidate_code():
    names = {path.name for path in cache_module._stage_modules(cache_module.CANDIDATE_ROOTS)}
    assert {"event_candidates.py", "event_lexicon.py", "lexicon.py", "text.py", "model.py"} <= names
    assert len(cache_module.candidates_fingerprint()) == 64


def _made(calls: list):
    def make(annotated, names, types, countries):
        calls.append((annotated.article.seed, names))
        return [("candidate of", annotated.article.seed, names, types, countries)]
    return make


INPUTS = ((("Hélène Carrère", "helene-carrere"),), (("helene-carrere", "person"),), (("autriche", "autriche"),))


def test_cache_candidates_are_kept_for_the_same_article_and_names(store):
    calls = []
    first = cache_module.CandidateCache(store, {"a.txt": "a" * 64}).candidates(annotated(), INPUTS, _made(calls))
    cache_module._CANDIDATE_MEMORY.clear()   # a new process: read from disk
    again = cache_module.CandidateCache(store, {"a.txt": "a" * 64}).candidates(annotated(), INPUTS, _made(calls))
    assert again == first == (("candidate of", "a.txt", *INPUTS),) and len(calls) == 1


@pytest.mark.parametrize("change", ["article key", "names", "types", "countries", "code", "not cached", "corrupt",
                                    "role resolved"])
def test_cache_candidates_are_made_again_when_an_input_changed(store, monkeypatch, change):
    calls = []
    cache_module.CandidateCache(store, {"a.txt": "a" * 64}).candidates(annotated(), INPUTS, _made(calls))
    cache_module._CANDIDATE_MEMORY.clear()
    keys, inputs, article = {"a.txt": "a" * 64}, list(INPUTS), annotated()
    if change == "role resolved":
        # Another article names who "le président" is (role_holders.py): the annotation's key is the same.
        role = Mention(Span(0, 0, 2), "Un", "Hélène Carrère", "person", "Un")
        article = dataclasses.replace(article, mentions=(role,))
    elif change == "article key":
        keys = {"a.txt": "b" * 64}
    elif change in ("names", "types", "countries"):
        n = ("names", "types", "countries").index(change)
        inputs[n] = inputs[n] + (("autre", "autre"),)
    elif change == "code":
        monkeypatch.setattr(cache_module, "candidates_fingerprint", lambda: "0" * 64)
    elif change == "not cached":   # an article whose annotation is not in the cache: nothing kept
        keys = {}
    else:
        (store.folder / f"{'a' * 64}.candidates").write_bytes(b"\x80\x05 not a pickle")
    found = cache_module.CandidateCache(store, keys).candidates(article, tuple(inputs), _made(calls))
    assert len(calls) == 2 and tuple(found) == (("candidate of", "a.txt", *inputs),)


def test_cache_candidates_memory_keeps_only_the_last_build(store):
    kept = cache_module.CandidateCache(store, {"a.txt": "a" * 64})
    kept.candidates(annotated(), INPUTS, _made([]))
    kept.forget_others()
    assert len(cache_module._CANDIDATE_MEMORY) == 1
    cache_module.CandidateCache(store, {"a.txt": "a" * 64}).forget_others()
    assert cache_module._CANDIDATE_MEMORY == {}


class _Digests:
    """A stand-in for pair_memo's digests of candidates: what was made and what was given back."""

    def __init__(self) -> None:
        self.made, self.remembered = [], []
        self.kept = cache_module.CandidateDigests(self.make, lambda found, digests: self.remembered.append(digests))

    def make(self, found: tuple) -> tuple[bytes, ...]:
        self.made.append(found)
        return tuple(repr(c).encode() for c in found)


@pytest.mark.parametrize("file", ["with digests", "before digests", "other events code"])
def test_cache_candidates_keep_their_clustering_digests(store, monkeypatch, file):
    """A new process reads each candidate's digest with it, as long as the events' code is the one that made it;
    otherwise the digests are made again and stored, and the candidates are not."""
    calls, digests = [], _Digests()
    found = cache_module.CandidateCache(store, {"a.txt": "a" * 64}, digests.kept).candidates(annotated(), INPUTS,
                                                                                              _made(calls))
    assert digests.made == [found] and digests.remembered == []
    path = store.folder / f"{'a' * 64}{cache_module.CANDIDATES}"
    if file == "before digests":
        stored, candidates, _ = pickle.loads(path.read_bytes())
        path.write_bytes(pickle.dumps((stored, candidates)))
    elif file == "other events code":
        monkeypatch.setattr(cache_module, "events_fingerprint", lambda: "0" * 64)
    for _ in range(2):   # two new processes: the second reads what the first stored
        cache_module._CANDIDATE_MEMORY.clear()
        digests.made.clear()
        again = cache_module.CandidateCache(store, {"a.txt": "a" * 64}, digests.kept).candidates(
            annotated(), INPUTS, _made(calls))
        assert again == found and len(calls) == 1
    assert digests.made == [] and digests.remembered[-1] == (repr(found[0]).encode(),)
    assert len(digests.remembered) == (2 if file == "with digests" else 1)


def _find(articles, inputs, make):
    """What event_candidates.find_candidates does with the cache: one call per article, in order."""
    return lambda kept: [c for a in articles for c in kept.candidates(a, inputs, make)]


def test_cache_candidates_prefetch_makes_the_missing_ones_at_once(store):
    calls, maps = [], []
    articles = [annotated("a.txt"), annotated("b.txt"), annotated("c.txt")]
    keys = {"a.txt": "a" * 64, "b.txt": "b" * 64}     # c.txt's annotation is not in the cache
    cache_module.CandidateCache(store, keys).candidates(articles[0], INPUTS, _made(calls))   # a.txt is kept
    cache_module._CANDIDATE_MEMORY.clear()
    calls.clear()
    kept = cache_module.CandidateCache(store, keys)
    run = lambda function, tasks: maps.append(len(tasks)) or [function(task) for task in tasks]
    kept.prefetch(_find(articles, INPUTS, _made(calls)), run)
    assert maps == [1] and calls == [("b.txt", INPUTS[0])]   # only b.txt: a.txt read back, c.txt not kept
    found = _find(articles, INPUTS, _made(calls))(kept)
    assert calls == [("b.txt", INPUTS[0]), ("c.txt", INPUTS[0])]
    assert found == [("candidate of", seed, *INPUTS) for seed in ("a.txt", "b.txt", "c.txt")]
    cache_module._CANDIDATE_MEMORY.clear()   # a new process reads b.txt's from disk
    calls.clear()
    _find(articles[:2], INPUTS, _made(calls))(cache_module.CandidateCache(store, keys))
    assert calls == []


def test_cache_candidates_prefetch_without_workers_leaves_them_to_the_build(store):
    calls = []
    kept = cache_module.CandidateCache(store, {"a.txt": "a" * 64})
    kept.prefetch(_find([annotated()], INPUTS, _made(calls)), lambda function, tasks: None)
    assert calls == [] and cache_module._CANDIDATE_MEMORY == {}
    assert _find([annotated()], INPUTS, _made(calls))(kept) == [("candidate of", "a.txt", *INPUTS)]
    assert len(calls) == 1


def test_cache_candidates_build_reads_again_only_what_changed(monkeypatch, tmp_path):
    """Real articles: a new process makes the candidates of the edited article only, of every article when
    dossier.yml changes the names, and the pages are those of a build without any cache."""
    import generator.event_candidates as candidates_module
    monkeypatch.delenv(cache_module.ENV, raising=False)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (seeds / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    assert build_site(seeds, tmp_path / "docs").ok
    assert len(list((tmp_path / ".cache" / "generator").rglob("*.candidates"))) == 2
    made = []
    real = candidates_module._article_candidates
    monkeypatch.setattr(candidates_module, "_article_candidates", lambda annotated, *rest: made.append(
        annotated.article.seed) or real(annotated, *rest))

    def rebuild() -> dict[str, bytes]:
        cache_module._MEMORY.clear()
        cache_module._CANDIDATE_MEMORY.clear()
        assert build_site(seeds, tmp_path / "docs").ok
        monkeypatch.setenv(cache_module.ENV, "off")
        assert build_site(seeds, tmp_path / "uncached").ok
        monkeypatch.delenv(cache_module.ENV)
        assert _tree(tmp_path / "docs") == _tree(tmp_path / "uncached")
        return _tree(tmp_path / "docs")

    (seeds / "b.txt").write_text(ARTICLE_B + "Le préfet Marc Lanvin a reçu jeudi les syndicats.\n", encoding="utf-8")
    rebuild()
    assert made[:1] == ["b.txt"] and made.count("a.txt") == 1   # once more without the cache, to compare
    made.clear()
    (tmp_path / "dossier.yml").write_text("actors:\n  - name: Marc Lanvin-Roux\n    type: person\n"
                                          "    aliases: [Marc Lanvin]\n", encoding="utf-8")
    docs = rebuild()
    assert sorted(made[:2]) == ["a.txt", "b.txt"]
    assert any("Lanvin-Roux" in text.decode() for text in docs.values())
    assert len(list((tmp_path / ".cache" / "generator").rglob("*.candidates"))) == 2   # stale entries pruned
