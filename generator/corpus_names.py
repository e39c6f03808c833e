"""Names the dossier knows: a place or organisation one article names is that place or organisation where
another article writes it and the statistical model missed it ("à Valbourg", "le groupe Norlac").

A pure function of the annotated articles, run after all are read: article-by-article annotation cannot see
what the rest of the corpus recognised.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

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
    common = set().union(*(_common_words(a.article, lowered, words_of) for a in articles))
    known = {words: entry for words, entry in known.items() if len(words) > 1 or words[0].lower() not in common}
    by_first: dict[str, list[tuple[re.Pattern, str, str]]] = defaultdict(list)
    for words, (name, kind) in known.items():
        by_first[words[0]].append((_pattern(words), name, kind))
    # Under `mkdocs serve` an unchanged article is the very object of the last build (cache._MEMORY): when the
    # names the corpus knows are those of the last build too, what it found there is what it finds now.
    found_before = dict(_FOUND) if known == _last_known else {}
    _FOUND.clear()
    _last_known = known
    out: dict[str, list[Mention]] = {}
    for annotated in articles:
        kept = found_before.get(id(annotated))
        if kept is not None and kept[0] is annotated:
            found = kept[1]
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


def _common_words(article: Article, lowered: set[str], words_of: dict[int, set[str]]) -> set[str]:
    """The words of `lowered` an article writes in one of its content blocks."""
    kept = _COMMON.get(id(article))
    if kept is None or kept[0] is not article:
        _read_words(article, words_of)
        kept = _COMMON[id(article)] = (article, set().union(*(lowered & words_of[id(b)] for b in article.blocks
                                                               if b.kind in CONTENT_BLOCKS)))
    return kept[1]


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
