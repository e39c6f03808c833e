"""The spaCy French model, loaded once with only the pipe the stages use (NER)."""
from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing spaCy takes about two seconds: only load_nlp() pays it
    from spacy.language import Language

MODEL = "fr_core_news_md"
# The NER pipe of fr_core_news_md has its own embedding layer, so it runs alone
# (about 2.5 times faster than the whole pipeline); the others are never loaded.
UNUSED = ("tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")


# OpenBLAS reads its thread count once, when numpy loads it: ask for one thread before anything imports
# numpy (site.py imports this module first). The worker pool already keeps every core busy; a second
# thread in each process only spins, and tripled the CPU time of NER on a loaded machine.
if "numpy" not in sys.modules:
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The French pipeline with NER only; cached for the whole process."""
    import spacy
    from thinc.api import use_ops

    if not spacy.util.is_package(MODEL):
        raise ModelMissing(f"spaCy model {MODEL} is missing: pip install {MODEL.replace('_', '-')}==3.8.0")
    with _charset_memo():
        if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
            return spacy.load(MODEL, exclude=list(UNUSED))
        # Most of NER's time is the matrix products of its embedding layers. thinc does them with BLIS,
        # which on our 2-core machine runs at a third of the speed of numpy's OpenBLAS (about 55 -> 30
        # CPU-ms an article); the entities found are the same on every block of the test corpora.
        with use_ops("numpy", use_blis=False):
            return spacy.load(MODEL, exclude=list(UNUSED))


_MEMO_LOCK = threading.Lock()


@contextmanager
def _charset_memo() -> Iterator[None]:
    """While the model loads, compile each character class of a regular expression once.

    Importing spacy.lang.fr compiles its tokenizer's TOKEN_MATCH: hundreds of case-insensitive alternatives
    that repeat the same large Unicode classes, and `re` folds the case of every code point of a class each
    time it meets it (about 1.6 of the 2.2 CPU-s of that import). `_optimize_charset` is a pure function of
    its arguments, so remembering its results compiles the very same code, faster. `re`'s private function:
    where it is missing or has another shape, nothing is changed (slower, same result).
    """
    try:
        from re import _compiler
    except ImportError:
        yield
        return
    original = getattr(_compiler, "_optimize_charset", None)
    fixes_known = getattr(_compiler, "_EXTRA_CASES", None)   # the one table of case fixes `re` passes
    if original is None or original.__code__.co_varnames[:4] != ("charset", "iscased", "fixup", "fixes"):
        yield
        return
    memo: dict[tuple, tuple[tuple, bool]] = {}

    def optimize_charset(charset, iscased=None, fixup=None, fixes=None):
        if fixes is not None and fixes is not fixes_known:
            return original(charset, iscased, fixup, fixes)
        try:
            key = (tuple(charset), iscased, fixup, fixes is not None)
            found = memo.get(key)
        except TypeError:   # an unhashable item: as usual
            return original(charset, iscased, fixup, fixes)
        if found is None:
            out, cased = original(charset, iscased, fixup, fixes)
            found = memo[key] = (tuple(out), cased)
        return list(found[0]), found[1]

    with _MEMO_LOCK:
        _compiler._optimize_charset = optimize_charset
        try:
            yield
        finally:
            _compiler._optimize_charset = original
