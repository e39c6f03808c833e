"""The spaCy French model, loaded once with only the pipe the stages use (NER)."""
from __future__ import annotations

import os
import sys
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
    if os.environ.get("OPENBLAS_NUM_THREADS") != "1":
        return spacy.load(MODEL, exclude=list(UNUSED))
    # Most of NER's time is the matrix products of its embedding layers. thinc does them with BLIS,
    # which on our 2-core machine runs at a third of the speed of numpy's OpenBLAS (about 55 -> 30
    # CPU-ms an article); the entities found are the same on every block of the test corpora.
    with use_ops("numpy", use_blis=False):
        return spacy.load(MODEL, exclude=list(UNUSED))
