"""Names the dossier knows: a place or organisation one article names is that place or organisation where
another article writes it and the statistical model missed it ("à Valbourg", "le groupe Norlac").

A pure function of the annotated articles, run after all are read: article-by-article annotation cannot see
what the rest of the corpus recognised.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from .model import AnnotatedArticle, Mention, Span

# Blocks whose words are the story's (a byline's or a dateline's are not).
CONTENT_BLOCKS = frozenset({"title", "kicker", "heading", "caption", "paragraph"})
# A name as written: a capital, then at least three more characters; up to five words.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MAX_WORDS = 5


def corpus_name_mentions(articles: Sequence[AnnotatedArticle]) -> dict[str, list[Mention]]:
    """For each article, the places and organisations other articles name that it writes unrecognised."""
    # A single word the dossier also writes in lower case is a common noun some reading took for a name
    # ("la Défense" of "le ministère de la Défense", "le Comité").
    common = {w for a in articles for b in a.article.blocks if b.kind in CONTENT_BLOCKS
              for w in _WORD.findall(b.text) if w.islower()}
    known = {words: entry for words, entry in _known_names(articles).items()
             if len(words) > 1 or words[0].lower() not in common}
    if not known:
        return {}
    by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for words, (name, kind) in known.items():
        by_first[words[0]].append((words, name, kind))
    for entries in by_first.values():
        entries.sort(key=lambda e: -len(e[0]))      # the longest name first: "Port de Valbourg" before "Port"
    out: dict[str, list[Mention]] = {}
    for annotated in articles:
        found = _find(annotated, by_first)
        if found:
            out[annotated.article.seed] = found
    return out


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


def _find(annotated: AnnotatedArticle, by_first) -> list[Mention]:
    taken = defaultdict(list)
    for mention in annotated.mentions:
        taken[mention.span.block].append((mention.span.start, mention.span.end))
    found = []
    for index, block in enumerate(annotated.article.blocks):
        if block.kind not in CONTENT_BLOCKS:
            continue
        tokens = list(_WORD.finditer(block.text))
        for i, token in enumerate(tokens):
            for words, name, kind in by_first.get(token.group(0), ()):
                run = tokens[i:i + len(words)]
                if tuple(t.group(0) for t in run) != words or not _adjacent(block.text, run):
                    continue
                start, end = token.start(), run[-1].end()
                if not any(s < end and start < e for s, e in taken[index]) and not _inside_a_name(tokens, i):
                    found.append(Mention(Span(index, start, end), block.text[start:end], name, kind))
                    taken[index].append((start, end))
                break
    return found


def _inside_a_name(tokens: list[re.Match], i: int) -> bool:
    """"l'Université de Valbourg": a city that ends a longer name is part of it."""
    return i >= 2 and tokens[i - 1].group(0) in ("de", "du", "des") and \
        re.split(r"['’]", tokens[i - 2].group(0))[-1][:1].isupper()


def _adjacent(text: str, run: list[re.Match]) -> bool:
    """The words follow one another, a space or an apostrophe apart ("Port de Valbourg", "Vallée d'Aure")."""
    return all(re.fullmatch(r"\s+|", text[a.end():b.start()]) for a, b in zip(run, run[1:]))
