"""The spaCy French model, loaded once with only the pipe the stages use (NER)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # importing spaCy takes about two seconds: only load_nlp() pays it
    from spacy.language import Language

MODEL = "fr_core_news_md"
# The NER pipe of fr_core_news_md has its own embedding layer, so it runs alone
# (about 2.5 times faster than the whole pipeline); the others are never loaded.
UNUSED = ("tok2vec", "morphologizer", "parser", "senter", "attribute_ruler", "lemmatizer")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The French pipeline with NER only; cached for the whole process."""
    import spacy

    if not spacy.util.is_package(MODEL):
        raise ModelMissing(f"spaCy model {MODEL} is missing: pip install {MODEL.replace('_', '-')}==3.8.0")
    return spacy.load(MODEL, exclude=list(UNUSED))
