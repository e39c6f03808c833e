"""build_site(): seeds/ -> docs/, the one entry point the command line and the MkDocs hook share.

Read everything, then link, then render, then write: every page can link to every
other, and a problem with one seed is reported without stopping the others.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from .cache import (ArticleCache, BuildState, CandidateCache, CandidateDigests, build_fingerprint, cache_folder,
                    docs_signature, events_fingerprint, load_fragments, load_pages, load_state, save_fragments,
                    save_pages, save_state, unchanged_since)
from . import corpus_names, pair_memo
from .corpus import link
from .knowledge import Knowledge, load_knowledge
from .model import AnnotatedArticle, Corpus, Problem
from .patterns import RULES_FILE, kept_patterns
from . import nlp as _nlp  # before spaCy: it sets OpenBLAS's threads; the model loads lazily
from .read import read_seed
from .export import export_files
from .render import FOLDERS, Page, home_summary, plan_site, remember_pages
from .write import MANIFEST, Kept, write_pages

Progress = Callable[[str], None]


@dataclass
class Report:
    seeds: int = 0
    built: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    corpus: Corpus | None = None   # what was built; None when nothing changed and the build was skipped
    home: str | None = None        # the home page's figures (render.home_summary), in either case

    @property
    def ok(self) -> bool:
        return not self.problems


def find_seeds(seeds: Path) -> list[Path]:
    """The articles of the dossier: every visible .txt file of the folder, in name order."""
    return sorted(p for p in seeds.iterdir() if p.suffix.lower() == ".txt" and not p.name.startswith("."))


def build_site(seeds: Path, docs: Path, dossier: Path | None = None, progress: Progress | None = None,
               serving: bool = False) -> Report:
    """Build docs/ from seeds/; when nothing changed since the last clean build, only check that and stop.

    `serving`: the process lives on and builds again after each edit (`mkdocs serve`). A build that finds nothing
    changed then still reads and links the corpus and loads the model, writing nothing, so that the first edit's
    build starts from what this process keeps of a last build (the articles, their candidates, what the corpus
    stage found in them, the model) as every later edit's does."""
    with _collector(enabled=False):
        return _build(seeds, docs, dossier, progress, serving)


def _build(seeds: Path, docs: Path, dossier: Path | None, progress: Progress | None, serving: bool = False) -> Report:
    global _held
    report = Report()
    plan = _plan(seeds, dossier, report)
    if plan is None:
        return report
    knowledge, paths, folder, keys = plan
    told = len(report.problems)  # dossier.yml's warnings: found again by every build, skipped or not
    links = symbolic_links(docs)
    report.problems += links
    fingerprint = (build_fingerprint(knowledge, seeds, docs, keys)
                   if folder is not None and keys and all(keys) and not links else None)
    if fingerprint is not None:
        state = load_state(folder)
        if unchanged_since(state, fingerprint, docs):
            report.built, report.home = list(state.built), state.home
            report.unchanged = sorted(set(state.files) - {MANIFEST})
            if serving and _held != fingerprint:
                try:
                    _remember_last_build(paths, keys, knowledge, folder)
                    _held = fingerprint
                except Exception:   # reading ahead must not fail a build that had nothing to do: the edit's says why
                    pass
            return report
        save_state(folder, None)  # from here until the build ends, the docs/ on disk is not known
    # The rules' patterns, compiled lazily, cost a new process about 0.25 CPU-s: kept with the cache (patterns.py).
    # Not under `serve`, whose process keeps them compiled: its builds compile a few of the corpus's names only.
    with _Workers(knowledge, folder) as workers, kept_patterns(None if serving else folder, RULES_FILE):
        corpus = _link(paths, keys, knowledge, report, progress, folder, workers)
        result, page_keys = _write(corpus, docs, folder if not links else None, workers, serving)
    report.problems += result.problems
    report.written, report.unchanged, report.removed = result.written, result.unchanged, result.removed
    report.home = home_summary(corpus)
    if folder is not None:
        save_pages(folder, docs, {path: (key, result.digests[path]) for path, key in page_keys.items()
                                  if path in result.digests})
    # Only a clean build is remembered: a seed's or a page's problem must show again on the next build.
    files = docs_signature(docs, [MANIFEST, *result.written, *result.unchanged])
    if fingerprint is not None and len(report.problems) == told and files is not None:
        save_state(folder, BuildState(fingerprint, files, tuple(report.built), report.home))
        _held = fingerprint
    return report


# The fingerprint of the last build this process made or read into memory (`serving`): under `mkdocs serve`, the
# pages an edit's build writes make MkDocs build again, which finds nothing changed and must not read it again.
_held: str | None = None


def _remember_last_build(paths: list[Path], keys: list[str], knowledge: Knowledge, folder: Path) -> None:
    """Hold in memory what a build of this process would have kept of the unchanged corpus (the link stage's
    per-article results, the data files' fragments), and the model, which the first edit needs: every article is
    in the cache. Its problems were those of the last clean build, which had none."""
    with _Workers(knowledge, folder) as workers:
        corpus = _link(paths, keys, knowledge, Report(), None, folder, workers)
    remember_pages(corpus)
    if not _FRAGMENTS:
        _FRAGMENTS.update(load_fragments(folder))
    from .nlp import ModelMissing, load_nlp

    with _collector(enabled=True), kept_patterns(folder):   # as _annotate_read loads it
        from . import pipeline  # noqa: F401
        try:
            load_nlp()
        except ModelMissing:   # the build that needs it says so
            pass


def _write(corpus: Corpus, docs: Path, folder: Path | None, workers: _Workers | None = None,
           serving: bool = False):
    """Write every page; a page whose inputs are those it was last written from is not rendered again.

    (write result, path -> key of every page). `folder` holds the page records; None renders every page.
    Many pages to render go to the build's worker processes, if it has some, while this one makes the data files.
    `serving`: the pages are planned as the next build of this process will ask (render.plan_site's `remember`).
    """
    planned = plan_site(corpus, remember=serving)
    keys = {path: page.key() for path, page in planned.items()}
    records = load_pages(folder, docs) if folder is not None else {}
    pages: dict[str, str | Kept] = {}
    for path, page in planned.items():
        record = records.get(path)
        if record is not None and record.key == keys[path]:
            pages[path] = Kept(record.digest, record.size, record.mtime_ns, page.render)
        else:
            pages[path] = page.plan()
    todo = [path for path, page in pages.items() if isinstance(page, Page)]
    rendered = (workers.map([pages[path] for path in todo], _render, chunk=PAGE_CHUNK)
                if workers is not None and len(todo) >= PARALLEL_PAGES else lambda: None)
    # A new dict each build: export_files() leaves in it only what this build used.
    fragments = dict(_FRAGMENTS) if _FRAGMENTS or folder is None else load_fragments(folder)
    data = export_files(corpus, fragments)
    for path, text in zip(todo, rendered() or (pages[path].render() for path in todo)):
        pages[path] = text
    if workers is not None:
        workers.close()   # their last task: their memory is not needed while this process writes
    pages.update(data)
    _FRAGMENTS.clear()
    _FRAGMENTS.update(fragments)
    if folder is not None:
        save_fragments(folder, fragments)
    return write_pages(docs, pages, tuple(FOLDERS.values())), keys


# The data files' text by article and dossier.json's other items (export.export_files), kept while the process
# lives (`mkdocs serve`) and on disk.
_FRAGMENTS: dict[bytes, str] = {}


@contextmanager
def _collector(enabled: bool) -> Iterator[None]:
    """Switch Python's cyclic garbage collector on or off for a while, then back as it was.

    The corpus stages make millions of small records that live for the whole build and hold no cycles:
    each full collection walks them all again for nothing (about 2 s of link() at 1,000 articles).
    Switched on from off, it collects only what is made inside: the objects alive before (after one edit, the
    999 articles read from the cache) are frozen meanwhile (`gc.freeze`), or each full collection while the
    model loads walked them all again (about 0.6 of 2.4 CPU-s at 1,000 articles); they are unfrozen on leaving.
    """
    was = gc.isenabled()
    frozen = enabled and not was and hasattr(gc, "freeze")
    if frozen:
        gc.freeze()
    (gc.enable if enabled else gc.disable)()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()
        if frozen:
            gc.unfreeze()


def symbolic_links(folder: Path) -> list[Problem]:
    """MkDocs and the Pages upload follow links and publish their targets: refuse them in docs/."""
    problems = []
    for root, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            if (Path(root) / name).is_symlink():
                problems.append(Problem(str(Path(root) / name), "is a symbolic link; MkDocs would publish its "
                                        "target: replace it with the file itself"))
    return problems


def read_corpus(seeds: Path, dossier: Path | None, report: Report, progress: Progress | None = None) -> Corpus | None:
    """Read, annotate and link every seed; problems go into `report`. None when there is no folder."""
    plan = _plan(seeds, dossier, report)
    if plan is None:
        return None
    knowledge, paths, folder, keys = plan
    with _Workers(knowledge, folder) as workers:
        return _link(paths, keys, knowledge, report, progress, folder, workers)


def _plan(seeds: Path, dossier: Path | None, report: Report):
    """(knowledge, seed paths, cache folder, cache keys), or None when there is no folder of seeds."""
    knowledge, problems = load_knowledge(dossier if dossier is not None else seeds.parent / "dossier.yml")
    report.problems += problems
    if not seeds.is_dir():
        report.problems.append(Problem(str(seeds), "is not a folder of articles"))
        return None
    paths = find_seeds(seeds)
    report.seeds = len(paths)
    folder = cache_folder(seeds)
    cache = ArticleCache(folder, knowledge) if folder is not None else None
    keys = [cache.key(path) for path in paths] if cache is not None else []
    return knowledge, paths, folder, keys


def _link(paths: list[Path], keys: list[str | None], knowledge: Knowledge, report: Report,
          progress: Progress | None, folder: Path | None, workers: _Workers) -> Corpus:
    say = progress or (lambda message: None)
    annotated, cached = _annotate(paths, keys, knowledge, report, say, folder, workers)
    digests = CandidateDigests(pair_memo.digests, pair_memo.remember)
    kept = CandidateCache(ArticleCache(folder, knowledge), cached, digests) if folder is not None else None
    run = workers.run if workers.started else None
    memo = pair_memo.load(folder, events_fingerprint()) if folder is not None else None
    corpus_names.load(folder)
    corpus = link(annotated, knowledge, kept, run, memo)
    corpus_names.save(folder, annotated)
    if kept is not None:
        kept.forget_others()
    if memo is not None:
        pair_memo.save(folder, memo)
    if corpus.event_failure:
        folder_name = str(paths[0].parent) if paths else "seeds"
        report.problems.append(Problem(folder_name, f"events could not be found ({corpus.event_failure}); "
                                                    "articles, actors and indexes are built without them"))
    report.built = [a.article.seed for a in corpus.articles]
    report.corpus = corpus
    return corpus


def _annotate(paths: list[Path], keys: list[str | None], knowledge: Knowledge, report: Report, say: Progress,
              folder: Path | None, workers: _Workers) -> tuple[list[AnnotatedArticle], dict[str, str]]:
    """Read and annotate every seed, taking unchanged ones from the cache (then no model is loaded).

    (the annotated articles, seed -> cache key of those whose annotation is in the cache)."""
    cache = ArticleCache(folder, knowledge) if folder is not None else None
    keys = keys or [None] * len(paths)
    done: dict[int, AnnotatedArticle] = {}
    cached: dict[str, str] = {}
    todo: list[tuple[int, Path, str | None]] = []
    for number, (path, key) in enumerate(zip(paths, keys)):
        hit = cache.get(key) if cache and key else None
        if hit is not None:
            done[number] = hit
            cached[hit.article.seed] = key
        else:
            todo.append((number, path, key))
    if todo:
        say(f"{len(done)} articles unchanged, {len(todo)} to read")
        results = _run_stages([path for _, path, _ in todo], knowledge, say, workers)
        failures = []
        for (number, path, key), (problems, seed, result) in zip(todo, results):
            report.problems += problems
            if isinstance(result, AnnotatedArticle):
                done[number] = result
                # A seed read with problems is not cached: its warnings must show on every build.
                if cache and key and not problems:
                    cache.put(key, result)
                    cached[result.article.seed] = key
            elif result is not None:  # one article's failure must not stop the dossier
                failures.append(Problem(seed, f"could not be annotated: {result}"))
        report.problems += failures
    if cache:
        cache.prune({key for key in keys if key})
    return [done[number] for number in sorted(done)], cached


# Below this many articles one process is faster: two workers each load the model (about 4 s),
# and more so when this process already holds it (`mkdocs serve` keeps the hook module loaded).
PARALLEL_MIN = 40
PARALLEL_MIN_LOADED = 100
CHUNK = 16


def _model_loaded() -> bool:
    nlp = sys.modules.get(f"{__package__}.nlp")
    return nlp is not None and nlp.load_nlp.cache_info().currsize > 0


def _run_stages(seeds: list[Path], knowledge: Knowledge, say: Progress, workers: _Workers) -> list[Annotation]:
    """Each seed read and annotated (see `Annotation`); in worker processes when there are many and several cores.
    The workers read the seeds too: this process would read them one after the other while they start.
    """
    count = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1,
                -(-len(seeds) // CHUNK))
    if len(seeds) < (PARALLEL_MIN_LOADED if _model_loaded() else PARALLEL_MIN) or count < 2:
        return _annotate_here(seeds, knowledge, say, workers.folder)
    chunks = [seeds[i:i + CHUNK] for i in range(0, len(seeds), CHUNK)]
    results: list[Annotation] = []
    try:
        for chunk in workers.start(count).map(_annotate_chunk, chunks):
            results += chunk
            say(f"{len(results)}/{len(seeds)} articles read ({count} processes)")
    except BrokenProcessPool:  # a worker died (out of memory, killed): finish in this process
        workers.close()
        say("worker processes failed; reading the remaining articles in one process")
        results += _annotate_here(seeds[len(results):], knowledge, say, workers.folder)
    return results


class _Workers:
    """The build's worker processes: started only when many articles are to be annotated (each loads the
    model), then kept for the build's other maps, each article's event candidates and the pages, which the
    main process of a cold build would otherwise make alone while the other cores wait; closed once the pages
    are rendered.

    Spawned, not forked: `mkdocs serve` runs threads, and a forked copy of them can deadlock. So a script
    that calls build_site() needs the `if __name__ == "__main__":` guard.
    """

    def __init__(self, knowledge: Knowledge, folder: Path | None) -> None:
        self.knowledge, self.folder = knowledge, folder
        self.pool: ProcessPoolExecutor | None = None

    @property
    def started(self) -> bool:
        return self.pool is not None

    def start(self, count: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(count, mp_context=context, initializer=_start_worker,
                                        initargs=(self.knowledge, self.folder))
        return self.pool

    def map(self, items: list, function: Callable, chunk: int) -> Callable[[], list | None]:
        """Start `function` over `items`; the function returned waits for the results, in order, or gives
        None when there are no workers or they failed (the caller then does the work itself)."""
        if self.pool is None:
            return lambda: None
        try:
            results = self.pool.map(partial(_quietly, function), items, chunksize=chunk)
        except (BrokenProcessPool, RuntimeError):   # broken, or shut down
            self.close()
            return lambda: None

        def collect() -> list | None:
            try:
                return list(results)
            except BrokenProcessPool:
                self.close()
                return None
        return collect

    def run(self, function: Callable, items: list) -> list | None:
        return self.map(items, function, chunk=CHUNK)()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
            self.pool = None

    def __enter__(self) -> _Workers:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Below this many pages to render, this process renders them: sending them costs more than it saves.
PARALLEL_PAGES = 200
PAGE_CHUNK = 32


def _render(page: Page) -> str:
    """Run in a worker process: renderers are pure functions of their inputs."""
    return page.render()


def _quietly(function: Callable, item):
    """Run in a worker process once its articles are annotated: the model is let go (half the worker's memory,
    while the main process is at its largest), and the cyclic garbage collector stays off, as in the main
    process's corpus stages: each full collection walked the worker's heap again while the pages' inputs were
    unpickled (2.5 CPU-s instead of 0.3 at 1,000 articles). The worker ends with the build."""
    if gc.isenabled():
        _nlp.load_nlp.cache_clear()
        gc.collect()
        gc.disable()
    return function(item)


# What became of one seed: the problems of reading it, the article's seed name (None when it could not
# be read), and its annotation, or why annotating failed, or None when it could not be read.
Annotation = tuple[list[Problem], str | None, AnnotatedArticle | str | None]


def _annotate_here(seeds: list[Path], knowledge: Knowledge, say: Progress,
                   folder: Path | None = None) -> list[Annotation]:
    """`folder`: the cache folder, where the model's compiled regular expressions are kept (patterns.py)."""
    read = [read_seed(path) for path in seeds]
    articles = [article for article, _ in read if article is not None]
    if not articles:
        return [(problems, None, None) for _, problems in read]
    with _collector(enabled=True):   # spaCy's documents may hold cycles: collect as usual there
        return _annotate_read(read, articles, knowledge, say, folder)


def _annotate_read(read: list, articles: list, knowledge: Knowledge, say: Progress,
                   folder: Path | None) -> list[Annotation]:
    from .nlp import load_nlp  # loading the model takes seconds: only when there is something to read

    with kept_patterns(folder):
        from .pipeline import annotate
        nlp = load_nlp()
    texts = [block.text for article in articles for block in article.blocks]
    docs = iter(nlp.pipe(texts, batch_size=64))
    results: list[Annotation] = []
    for number, (article, problems) in enumerate(read, 1):
        if article is None:
            results.append((problems, None, None))
            continue
        article_docs = [next(docs) for _ in article.blocks]
        try:
            results.append((problems, article.seed, annotate(article, article_docs, knowledge)))
        except Exception as error:  # one article's failure must not stop the dossier
            results.append((problems, article.seed, f"{type(error).__name__}: {error}"))
        if number % 50 == 0 or number == len(read):
            say(f"{number}/{len(read)} articles read")
    return results


_worker_knowledge: Knowledge | None = None
_worker_folder: Path | None = None


def _start_worker(knowledge: Knowledge, folder: Path | None = None) -> None:
    global _worker_knowledge, _worker_folder
    _worker_knowledge, _worker_folder = knowledge, folder


def _annotate_chunk(seeds: list[Path]) -> list[Annotation]:
    """Run in a worker process: the model is loaded once per process (load_nlp is cached)."""
    return _annotate_here(seeds, _worker_knowledge or Knowledge(), lambda message: None, _worker_folder)
