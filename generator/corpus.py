"""Link stage: all annotated articles -> one Corpus with canonical actors, slugs and events.

Runs after every article is read, so an actor spelled three ways in three articles
becomes one page, and every fact keeps a Ref to the sentence it came from.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from .events import find_candidates, find_events
from .knowledge import Knowledge
from .model import Actor, AnnotatedArticle, Corpus, Mention, Ref, Span
from .corpus_names import corpus_name_mentions
from .role_holders import role_mentions
from .slugs import SlugRegistry
from .text import fold

PLACE_TYPES = ("country", "place")


def link(articles: Sequence[AnnotatedArticle], knowledge: Knowledge, kept=None, run=None, memo=None) -> Corpus:
    """`kept` (cache.CandidateCache): each article's event candidates kept between builds; `run(function, items)`:
    a map over worker processes for the candidates `kept` lacks (a cold build's), or None; `memo`
    (pair_memo.PairMemo): what the event clustering knew of each pair of candidates in the last build."""
    articles = tuple(sorted(articles, key=lambda a: a.article.seed))
    article_slugs = _article_slugs(articles)
    articles = _with_mentions(articles, corpus_name_mentions(articles))
    groups, key_of = _group_mentions(articles, knowledge)
    extra = role_mentions(articles, _person_names(groups, key_of))
    if extra:
        articles = _with_mentions(articles, extra)
        groups, key_of = _group_mentions(articles, knowledge)
    actors, actor_of = _make_actors(groups, key_of, articles, knowledge)
    types = {a.slug: a.type for a in actors}
    try:
        if kept is not None and run is not None:
            kept.prefetch(lambda recorder: find_candidates(articles, actor_of, types, recorder), run)
        events = tuple(find_events(articles, actor_of, types, knowledge, kept, {a.slug: a.name for a in actors}, memo))
    except Exception as error:  # a fault of the event stage must not take the articles and actors down with it
        return Corpus(articles, article_slugs, actors, (), actor_of, f"{type(error).__name__}: {error}")
    return Corpus(articles, article_slugs, actors, events, actor_of)


def _with_mentions(articles: tuple[AnnotatedArticle, ...], extra: dict[str, list[Mention]]) -> tuple[AnnotatedArticle, ...]:
    if not extra:
        return articles
    return tuple(replace(a, mentions=tuple(sorted((*a.mentions, *extra[a.article.seed]), key=lambda m: (m.span, m.name))))
                 if a.article.seed in extra else a for a in articles)


def _article_slugs(articles: Sequence[AnnotatedArticle]) -> dict[str, str]:
    registry = SlugRegistry()
    return {a.article.seed: registry.claim(a.article.title, a.article.seed, "article") for a in articles}


@dataclass
class _Group:
    """Every mention that names one actor, before it gets its canonical name."""
    known_name: str | None = None
    known: object = None
    mentions: list[tuple[str, Mention]] = field(default_factory=list)


def _ignored(knowledge: Knowledge, article: AnnotatedArticle) -> set[str]:
    return {fold(n) for n in (*knowledge.ignore, *article.article.sidecar.ignore)}


def _group_mentions(articles, knowledge):
    """Group mentions by identity: dossier aliases first, then folded names, then name containment."""
    alias_key = {}
    for known in knowledge.actors:
        for name in (known.name, *known.aliases):
            alias_key[fold(name)] = fold(known.name)
    groups: dict[str, _Group] = defaultdict(_Group)
    for known in knowledge.actors:
        groups[fold(known.name)].known = known
    for annotated in articles:
        ignored = _ignored(knowledge, annotated)
        for mention in annotated.mentions:
            key = fold(mention.name)
            if not key or key in ignored or fold(mention.text) in ignored:
                continue
            groups[alias_key.get(key, key)].mentions.append((annotated.article.seed, mention))
    groups = {k: g for k, g in groups.items() if g.mentions}
    key_of = _merge_person_variants(groups)
    return groups, key_of


def _merge_person_variants(groups: dict[str, _Group]) -> dict[str, str]:
    """Map each key to the key of its group: "jean baptiste martin" joins "jean martin".

    Two person names are one when they share first and last word and one's words
    are all in the other; a lone surname joins the one full name that ends with it.
    """
    persons = sorted((k for k, g in groups.items() if _majority_type(g) == "person"), key=lambda k: (-len(k), k))
    key_of = {k: k for k in groups}
    by_last: dict[str, list[str]] = defaultdict(list)  # full names by last word: compared only within
    for key in persons:
        if len(key.split()) >= 2:
            by_last[key.split()[-1]].append(key)
    for key in persons:
        words = key.split()
        if len(words) >= 2:
            target = next((f for f in by_last[words[-1]] if len(f) < len(key) and f.split()[0] == words[0]
                           and set(f.split()) <= set(words)), None)
        else:
            candidates = {key_of[f] for f in by_last.get(words[0], ())}
            target = candidates.pop() if len(candidates) == 1 else None
        if target:
            key_of[key] = key_of[target]
    # "Andreï Koudrine", "Andrei Kudrine", "Andrey Kudrin": one name in several transliterations.
    spelled: dict[str, list[str]] = defaultdict(list)
    for key in persons:
        if len(key.split()) >= 2 and key_of[key] == key:
            spelled[_transliterated(key)].append(key)
    for keys in spelled.values():
        if len(keys) > 1:
            main = max(keys, key=lambda k: (len(groups[k].mentions), k))
            for key in keys:
                for other, root in key_of.items():
                    if root == key:
                        key_of[other] = main
    return key_of


# French, English and German spellings of one sound, as transliterations of Russian or Korean names vary.
# ("Viatcheslav Koudrine", "Vyacheslav Kudrin"; "Alexandre", "Aleksandr"; French adds an e to "-in": "Poutine").
# Doubled letters go first: "Sokooussov" is "Soko-ou-ssov", "Sokousov" in English.
_SPELLINGS = ((r"(\w)\1", r"\1"), (r"tch", "ch"), (r"gu(?=[eiy])", "g"), (r"ou", "u"), (r"sch|ch|sh", "sh"), (r"kh", "h"),
              (r"y", "i"), (r"ph", "f"), (r"w", "v"), (r"ks", "x"), (r"(\w)\1", r"\1"), (r"ie\b", "i"), (r"ei\b", "e"),
              (r"ine\b", "in"), (r"(?:dre|der)\b", "dr"))


def _transliterated(key: str) -> str:
    """A person's folded name under one spelling of each sound ("andrei koudrine" -> "andre kudrine")."""
    for pattern, repl in _SPELLINGS:
        key = re.sub(pattern, repl, key)
    return key


_ROLE_DETERMINER = re.compile(r"^(?:[Ll]e|[Ll]a|[Ll]es|[Ll]['’]|[Dd]u|[Aa]u|[Cc]e|[Cc]ette)\s*(?=\w)")


def _person_names(groups: dict[str, _Group], key_of: dict[str, str]) -> dict[tuple[str, str], str]:
    """(seed, mention name) -> the name its person goes by across the corpus (one name per person)."""
    names: dict[str, str] = {}
    out = {}
    for key in sorted(groups):
        root = key_of[key]
        if root not in groups or _majority_type(groups[root]) != "person":
            continue
        group = groups[root]
        name = names.setdefault(root, group.known.name if group.known is not None else group.mentions[0][1].name)
        for seed, mention in groups[key].mentions:
            out[(seed, mention.name)] = name
    return out


def _majority_type(group: _Group) -> str:
    if group.known is not None:
        return group.known.type
    counts = Counter(m.type for _, m in group.mentions)
    # "à Kahani" in one article, "Kahani" that the model took for someone in another: a single word one
    # article reads as a place, and none as a person's full name, is that place.
    major = max(sorted(counts), key=lambda t: counts[t])
    if major == "person" and counts["place"] and all(" " not in m.name and "-" not in m.name for _, m in group.mentions):
        return "place"
    return major


def _make_actors(groups, key_of, articles, knowledge):
    merged: dict[str, list[tuple[str, Mention]]] = defaultdict(list)
    for key, group in groups.items():
        merged[key_of[key]].extend(group.mentions)
    refs_of = _article_refs(articles)
    drafts = []
    made: dict[tuple, tuple] = {}
    for key in sorted(merged):
        mentions = merged[key]
        known = groups[key].known if key in groups else None
        held = _held_draft(mentions, known, refs_of)
        if held in _DRAFTED:
            made[held] = _DRAFTED[held]
            drafts.append((*made[held][0], known, mentions))
            continue
        names = Counter(m.name for _, m in mentions)
        # The name most articles use, then the most written, the fuller: one article's "Jean Pierre Dupont"
        # (said four times) does not rename the "Jean Dupont" of two others.
        seeds_of = defaultdict(set)
        for seed, m in mentions:
            seeds_of[m.name].add(seed)
        name = known.name if known else max(sorted(names), key=lambda n: (len(seeds_of[n]), names[n], len(n)))
        kind = known.type if known else _majority_type(_Group(mentions=mentions))
        # Spellings seen, not role phrases ("le ministre français" is a role, not a name).
        seen = {m.name for _, m in mentions} | {m.text for _, m in mentions if m.text[:1].isupper()}
        aliases = sorted((seen | set(known.aliases if known else ())) - {name})
        # "le président russe" (a role phrase standing for the person) is the role "président russe".
        # One role however it is capitalised ("le Roi", "le roi Philippe"): its lower-case spelling when seen.
        spelled: dict[str, str] = {}
        for role in sorted({_ROLE_DETERMINER.sub("", m.role) for _, m in mentions if m.role},
                           key=lambda r: (r[:1].isupper(), r)):
            spelled.setdefault(role.casefold(), role)
        roles = sorted(spelled.values())
        refs = sorted({refs_of[seed].ref(m.span) for seed, m in mentions}, key=lambda r: (r.seed, r.sentence))
        drafts.append((name, kind, tuple(aliases), tuple(roles), tuple(refs), known, mentions))
        made[held] = (drafts[-1][:5], mentions, [refs_of[seed] for seed in dict.fromkeys(s for s, _ in mentions)])
    _DRAFTED.clear()
    _DRAFTED.update(made)
    registries = {"actor": SlugRegistry(), "place": SlugRegistry()}
    actors, actor_of = [], {}
    for name, kind, aliases, roles, refs, known, mentions in sorted(drafts, key=lambda d: (fold(d[0]), d[0])):
        folder = "place" if kind in PLACE_TYPES else "actor"
        slug = registries[folder].claim(name, name, folder)
        actors.append(Actor(slug, name, kind, aliases, roles, refs,
                            known.description if known else None, known.wikidata if known else None))
        for seed, mention in mentions:
            actor_of[(seed, mention.name)] = slug
    return tuple(actors), actor_of


def _held_draft(mentions: list[tuple[str, Mention]], known, refs_of: dict[str, _Refs]) -> tuple:
    """What an actor's draft is made of, by the very objects: its mentions (an unchanged article's are the last
    build's under `mkdocs serve`), the refs of their articles' sentences, and the known actor's value."""
    return (repr(known), tuple((seed, id(m)) for seed, m in mentions),
            tuple(id(refs_of[seed]) for seed in dict.fromkeys(seed for seed, _ in mentions)))


# The last build's actor drafts (name, type, aliases, roles, refs) by `_held_draft`, with the objects whose ids
# that key holds (so that no other object can take them) while the process lives: 0.2 CPU-s of a serve rebuild
# at 1,000 articles drafted again the 1,200 actors, nearly all made of what they were.
_DRAFTED: dict[tuple, tuple] = {}


class _Refs:
    """One article's Ref of the sentence holding each span asked for, computed once per span."""

    def __init__(self, annotated: AnnotatedArticle) -> None:
        self.article, self.sentences = annotated.article, annotated.sentences
        # Each block's sentences, in order: sentence_of() looks only at the span's block.
        self.by_block: dict[int, list[Span]] = defaultdict(list)
        for sentence in annotated.sentences:
            self.by_block[sentence.block].append(sentence)
        self.refs: dict[Span, Ref] = {}

    def ref(self, span: Span) -> Ref:
        found = self.refs.get(span)
        if found is None:
            found = self.refs[span] = _ref(self.article.seed, span, self.by_block.get(span.block, ()), self.article)
        return found


# Each article's _Refs while the process lives (by the article's id; the entry holds the article): under
# `mkdocs serve` an unchanged article is the very same object from one build to the next (cache._MEMORY).
_REFS: dict[int, _Refs] = {}


def _article_refs(articles: Sequence[AnnotatedArticle]) -> dict[str, _Refs]:
    out = {}
    for a in articles:
        kept = _REFS.get(id(a.article))
        if kept is None or kept.article is not a.article or kept.sentences is not a.sentences:
            kept = _REFS[id(a.article)] = _Refs(a)
        out[a.article.seed] = kept
    for gone in _REFS.keys() - {id(a.article) for a in articles}:
        del _REFS[gone]
    return out


def sentence_of(span: Span, sentences: Sequence[Span]) -> Span:
    """The sentence holding a span (the span itself when no sentence does)."""
    return next((s for s in sentences if s.block == span.block and s.start <= span.start < s.end), span)


def _ref(seed: str, span: Span, sentences: Sequence[Span], article) -> Ref:
    sentence = sentence_of(span, sentences)
    return Ref(seed, sentence, article.blocks[sentence.block].text[sentence.start:sentence.end])
