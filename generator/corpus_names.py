"""Names the dossier knows: a place or organisation one article names is that place or organisation where
another article writes it and the statistical model missed it ("à Valbourg", "le groupe Norlac").

A pure function of the annotated articles, run after all are read: article-by-article annotation cannot see
what the rest of the corpus recognised.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from .cache import _stage_fingerprint, entry_key, load_checked, store_checked
from .model import AnnotatedArticle, Article, Mention, Span

# Blocks whose words are the story's (a byline's or a dateline's are not).
CONTENT_BLOCKS = frozenset({"title", "kicker", "heading", "caption", "paragraph"})
# A word as written ("Valbourg", "d'Aure", "Saint-Malo").
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A capitalised word and "de": the start of a longer name ("Université de ", "l'Institut du ").
_NAME_BEFORE = re.compile(r"(?<![\w-])(?:[\w]+['’])?[A-ZÀ-Þ][\w'’-]*\s+(?:de|du|des)\s+$")
MAX_WORDS = 5   # a known name: a capital, at least four characters, up to five words


def corpus_name_mentions(articles: Sequence[AnnotatedArticle]) -> dict[str, list[Mention]]:
    """For each article, the places and organisations some article recognised that it writes unrecognised."""
    global _last_known, _last_lowered
    words_of: dict[int, set[str]] = {}   # each block's words, by the block's id: this call's, let go after it
    # A single word the dossier also writes in lower case is a common noun some reading took for a name
    # ("la Défense" of "le ministère de la Défense", "le Comité").
    known = _known_names(articles)
    lowered = {words[0].lower() for words in known if len(words) == 1}
    if lowered != _last_lowered:
        _COMMON.clear()
    _last_lowered = lowered
    stored_common = _STORED[3] if _STORED is not None and _STORED[1] == lowered else {}
    common = set().union(*(_common_words(a, lowered, words_of, stored_common) for a in articles))
    known = {words: entry for words, entry in known.items() if len(words) > 1 or words[0].lower() not in common}
    by_first: dict[str, list[tuple[re.Pattern, str, str]]] = defaultdict(list)
    for words, (name, kind) in known.items():
        by_first[words[0]].append((_pattern(words), name, kind))
    # Under `mkdocs serve` an unchanged article is the very object of the last build (cache._MEMORY): when the
    # names the corpus knows are those of the last build too, what it found there is what it finds now.
    found_before = dict(_FOUND) if known == _last_known else {}
    stored_found = _STORED[2] if _STORED is not None and _STORED[0] == known else {}
    _FOUND.clear()
    _last_known = known
    out: dict[str, list[Mention]] = {}
    for annotated in articles:
        kept = found_before.get(id(annotated))
        if kept is not None and kept[0] is annotated:
            found = kept[1]
        elif (key := entry_key(annotated)) in stored_found:
            found = stored_found[key]
        else:
            _read_words(annotated.article, words_of)
            found = _find(annotated, by_first, words_of)
        _FOUND[id(annotated)] = (annotated, found)
        if found:
            out[annotated.article.seed] = list(found)
    for gone in _COMMON.keys() - {id(a.article) for a in articles}:
        del _COMMON[gone]
    return out


# Kept while the process lives (`mkdocs serve`), each by the id of the article, held with it so the id is its own:
# what the last call found in each article, with the names it knew; and the words of each article that the names
# known in one word write in lower case, with those words (a few an article: its words would weigh some 60 MB).
_FOUND: dict[int, tuple[AnnotatedArticle, list[Mention]]] = {}
_last_known: dict | None = None
_COMMON: dict[int, tuple[Article, set[str]]] = {}
_last_lowered: set[str] | None = None


def _common_words(annotated: AnnotatedArticle, lowered: set[str], words_of: dict[int, set[str]],
                  stored: dict[str, set[str]]) -> set[str]:
    """The words of `lowered` an article writes in one of its content blocks."""
    article = annotated.article
    kept = _COMMON.get(id(article))
    if kept is None or kept[0] is not article:
        words = stored.get(entry_key(annotated))
        if words is None:
            _read_words(article, words_of)
            words = set().union(*(lowered & words_of[id(b)] for b in article.blocks if b.kind in CONTENT_BLOCKS))
        kept = _COMMON[id(article)] = (article, words)
    return kept[1]


# --- What the last build found, on disk, for a new process (the command line, a serving process's first build).

FILE = "corpus_names.pkl"   # not *.pickle: those are the articles
# What the file held: (known names, names known in one word in lower case, by the key of each article's cache entry
# (cache.entry_key) what was found in it with those names, and the words it writes of those one-word names).
_STORED: tuple[dict, set[str], dict[str, list[Mention]], dict[str, set[str]]] | None = None


@lru_cache(maxsize=1)
def _fingerprint() -> str:
    return _stage_fingerprint("corpus names", ("corpus_names.py",))


def load(folder: Path | None) -> None:
    """Read what the last build found, unless this process holds it (`mkdocs serve`) or the file is unusable."""
    global _STORED
    _STORED = None
    if folder is None or _FOUND:
        return
    stored = load_checked(folder / FILE, (_fingerprint(),))
    if not (isinstance(stored, tuple) and len(stored) == 4):   # missing, stale or foreign: every article is read
        return
    known, lowered, found, common = stored
    if isinstance(known, dict) and isinstance(lowered, set) and isinstance(found, dict) and isinstance(common, dict):
        _STORED = (known, lowered, found, common)


def save(folder: Path | None, articles: Sequence[AnnotatedArticle]) -> None:
    """Keep what this build found in each article of the cache (atomically); `articles`: those the build gave
    corpus_name_mentions."""
    global _STORED
    _STORED = None
    found, common = {}, {}
    for a in articles:
        key = entry_key(a)
        kept, words = _FOUND.get(id(a)), _COMMON.get(id(a.article))
        if key is not None and kept is not None and kept[0] is a and words is not None and words[0] is a.article:
            found[key], common[key] = kept[1], words[1]
    if folder is not None and _last_known is not None:
        store_checked(folder / FILE, (_fingerprint(),), (_last_known, _last_lowered, found, common))


def _read_words(article: Article, words_of: dict[int, set[str]]) -> None:
    """Each content block's words into `words_of` (by the block's id), once."""
    for b in article.blocks:
        if b.kind in CONTENT_BLOCKS and id(b) not in words_of:
            words_of[id(b)] = set(_WORD.findall(b.text))


def _known_names(articles: Sequence[AnnotatedArticle]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Written form (its words) -> (name, type) of every place and organisation some article recognised by
    its own name: "Valbourg" written "Valbourg", not "la capitale"."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    for annotated in articles:
        for mention in annotated.mentions:
            if mention.type not in ("place", "organisation") or mention.text != mention.name:
                continue
            words = tuple(_WORD.findall(mention.text))
            if not words or len(words) > MAX_WORDS or len(mention.text) < 4 or not mention.text[0].isupper():
                continue
            votes[words][(mention.name, mention.type)] += 1
    return {words: count.most_common(1)[0][0] for words, count in votes.items()}


def _pattern(words: tuple[str, ...]) -> re.Pattern:
    """The words one after another, a space apart, standing alone ("Port de Valbourg", not "Valbourgeois")."""
    return re.compile(r"(?<![\w'’-])" + r"\s+".join(map(re.escape, words)) + r"(?![\w'’-])")


def _find(annotated: AnnotatedArticle, by_first, words_of: dict[int, set[str]]) -> list[Mention]:
    taken = defaultdict(list)
    for mention in annotated.mentions:
        taken[mention.span.block].append((mention.span.start, mention.span.end))
    found = []
    for index, block in enumerate(annotated.article.blocks):
        if block.kind not in CONTENT_BLOCKS:
            continue
        matches = sorted((match.start(), -match.end(), name, kind)
                         for first in by_first.keys() & words_of[id(block)]
                         for pattern, name, kind in by_first[first] for match in pattern.finditer(block.text))
        for start, end, name, kind in matches:     # leftmost, then longest, first: the same whatever the order
            end = -end
            if any(s < end and start < e for s, e in taken[index]) or _inside_a_name(block.text, start):
                continue
            found.append(Mention(Span(index, start, end), block.text[start:end], name, kind))
            taken[index].append((start, end))
    return found


def _inside_a_name(text: str, start: int) -> bool:
    """"l'Université de Valbourg": a city that ends a longer name is part of it."""
    return bool(_NAME_BEFORE.search(text, max(0, start - 80), start))
