"""Names the dossier knows: a place or organisation one article names is found where another writes it
and the model missed it."""
from __future__ import annotations

import re

from generator.corpus_names import corpus_name_mentions
from generator.model import AnnotatedArticle, Article, Block, Mention, Published, Span
from generator.text import split_sentences


def article(seed: str, text: str, names: dict[str, str] | None = None, kind: str = "paragraph") -> AnnotatedArticle:
    """One block of `text`; `names` (written form -> type) are the mentions its own reading found."""
    block = Block(kind, text, 1, "p1")
    sentences = tuple(Span(0, s, e) for s, e in split_sentences(text))
    mentions = tuple(Mention(Span(0, m.start(), m.end()), name, name, type_)
                     for name, type_ in (names or {}).items() for m in re.finditer(re.escape(name), text))
    return AnnotatedArticle(Article(seed, (block,)), sentences, Published(None, "unknown"), (), mentions, ())


def found(*articles):
    return {seed: [(m.text, m.type) for m in mentions] for seed, mentions in corpus_name_mentions(articles).items()}


def test_corpus_names_a_place_one_article_names_is_found_in_another():
    a = article("a.txt", "Le sommet s'est tenu à Valbourg, au bord du lac.", {"Valbourg": "place"})
    b = article("b.txt", "Depuis le sommet de Valbourg, les échanges se multiplient.")
    assert found(a, b) == {"b.txt": [("Valbourg", "place")]}


def test_corpus_names_the_longest_known_name_wins_and_persons_are_left_out():
    a = article("a.txt", "Le groupe Norlac Énergie a racheté le port. Anna Berg a signé.",
                {"Norlac Énergie": "organisation", "Norlac": "organisation", "Anna Berg": "person"})
    b = article("b.txt", "Norlac Énergie emploie 300 personnes ; Anna Berg la dirige.")
    assert found(a, b) == {"b.txt": [("Norlac Énergie", "organisation")]}


def test_corpus_names_a_word_the_dossier_writes_in_lower_case_is_a_common_noun():
    a = article("a.txt", "Le Comité a voté mardi.", {"Comité": "organisation"})
    b = article("b.txt", "Le Comité se réunira ; le comité d'entreprise aussi.")
    assert found(a, b) == {}


def test_corpus_names_a_city_ending_a_longer_name_is_part_of_it():
    a = article("a.txt", "Le maire de Valbourg a parlé.", {"Valbourg": "place"})
    b = article("b.txt", "Une équipe de l'Université de Valbourg a publié l'étude.")
    assert found(a, b) == {}


def test_corpus_names_bylines_and_what_is_already_read_are_left_alone():
    a = article("a.txt", "Le sommet s'est tenu à Valbourg.", {"Valbourg": "place"})
    byline = article("b.txt", "Par Jean Valbourg", kind="byline")
    again = article("c.txt", "Retour à Valbourg.", {"Valbourg": "place"})
    assert found(a, byline, again) == {}


def _reads(monkeypatch) -> list[str]:
    """The seeds of the articles corpus_names reads, in order."""
    from generator import corpus_names

    read: list[str] = []
    real = corpus_names._find
    monkeypatch.setattr(corpus_names, "_find", lambda annotated, *rest: read.append(annotated.article.seed)
                        or real(annotated, *rest))
    return read


def test_corpus_names_an_unchanged_article_is_not_read_again_while_the_known_names_are_the_same(monkeypatch):
    """`mkdocs serve` hands the very same objects for unchanged articles: what was found in them is kept, and
    found afresh in every article once the corpus knows another name."""
    from generator import corpus_names

    monkeypatch.setattr(corpus_names, "_FOUND", {})
    monkeypatch.setattr(corpus_names, "_COMMON", {})
    monkeypatch.setattr(corpus_names, "_last_known", None)
    monkeypatch.setattr(corpus_names, "_last_lowered", None)
    read = _reads(monkeypatch)
    a = article("a.txt", "Le sommet s'est tenu à Valbourg, au bord du lac.", {"Valbourg": "place"})
    b = article("b.txt", "Depuis Valbourg, le groupe Norlac investit.")
    c = article("c.txt", "Rien de neuf.")
    assert found(a, b, c) == {"b.txt": [("Valbourg", "place")]} and read == ["a.txt", "b.txt", "c.txt"]
    read.clear()
    assert found(a, b, c) == {"b.txt": [("Valbourg", "place")]} and read == []
    edited = article("c.txt", "Rien de neuf à Valbourg.")
    assert found(a, b, edited) == {"b.txt": [("Valbourg", "place")], "c.txt": [("Valbourg", "place")]}
    assert read == ["c.txt"]
    read.clear()
    named = article("c.txt", "Le groupe Norlac a signé.", {"Norlac": "organisation"})
    expected = {"b.txt": [("Valbourg", "place"), ("Norlac", "organisation")]}
    assert found(a, b, named) == expected and read == ["a.txt", "b.txt", "c.txt"]
    monkeypatch.setattr(corpus_names, "_FOUND", {})
    monkeypatch.setattr(corpus_names, "_COMMON", {})
    monkeypatch.setattr(corpus_names, "_last_known", None)
    assert found(a, b, named) == expected   # as a new process finds it


def test_corpus_names_a_word_kept_as_no_common_noun_is_one_again_when_a_name_of_that_word_is_known(monkeypatch):
    from generator import corpus_names

    monkeypatch.setattr(corpus_names, "_FOUND", {})
    monkeypatch.setattr(corpus_names, "_COMMON", {})
    monkeypatch.setattr(corpus_names, "_last_known", None)
    monkeypatch.setattr(corpus_names, "_last_lowered", None)
    a = article("a.txt", "Le sommet s'est tenu à Valbourg, au bord du lac.", {"Valbourg": "place"})
    b = article("b.txt", "Depuis Valbourg, le groupe Norlac investit.")
    d = article("d.txt", "La norlac est une pâte de la région.")
    assert found(a, b, d) == {"b.txt": [("Valbourg", "place")]}
    named = article("c.txt", "Le groupe Norlac a signé.", {"Norlac": "organisation"})
    assert found(a, b, d, named) == {"b.txt": [("Valbourg", "place")]}   # d writes "norlac": a common noun


def test_corpus_names_a_new_process_reads_what_the_last_build_found_in_each_article_of_the_cache(monkeypatch,
                                                                                                 tmp_path):
    """The command line: what was found in each article is kept on disk by its cache entry's key, and read again
    while the names the corpus knows are the same; an edited article, other names or an unusable file: read."""
    import copy
    import hashlib

    from generator import cache, corpus_names

    def new_process() -> None:
        for name, value in (("_FOUND", {}), ("_COMMON", {}), ("_last_known", None), ("_last_lowered", None)):
            monkeypatch.setattr(corpus_names, name, value)
        monkeypatch.setattr(cache, "_MEMORY", {})
        monkeypatch.setattr(cache, "_KEY_OF", {})
        corpus_names.load(tmp_path)

    def from_cache(*articles):   # each article as the cache reads it: an equal copy, known by its entry's key
        copies = [copy.deepcopy(a) for a in articles]
        for a in copies:
            cache._remember(hashlib.sha256(repr(a).encode()).hexdigest(), a)
        return copies

    read = _reads(monkeypatch)
    a = article("a.txt", "Le sommet s'est tenu à Valbourg, au bord du lac.", {"Valbourg": "place"})
    b = article("b.txt", "Depuis Valbourg, le groupe Norlac investit. La norlac est une pâte.")
    c = article("c.txt", "Rien de neuf.")
    monkeypatch.setattr(corpus_names, "_STORED", None)
    new_process()
    articles = from_cache(a, b, c)
    assert found(*articles) == {"b.txt": [("Valbourg", "place")]} and read == ["a.txt", "b.txt", "c.txt"]
    corpus_names.save(tmp_path, articles)
    new_process()
    read.clear()
    edited = article("c.txt", "Rien de neuf à Valbourg.")
    assert found(*from_cache(a, b, edited)) == {"b.txt": [("Valbourg", "place")], "c.txt": [("Valbourg", "place")]}
    assert read == ["c.txt"]
    new_process()   # the file is still the first build's: this one saved nothing
    read.clear()
    named = article("c.txt", "Le groupe Kestrel a signé.", {"Kestrel": "organisation"})
    assert found(*from_cache(a, b, named)) == {"b.txt": [("Valbourg", "place")]}
    assert read == ["a.txt", "b.txt", "c.txt"]   # another name known
    (tmp_path / corpus_names.FILE).write_bytes(b"\x80\x05 not a pickle")
    new_process()
    read.clear()
    assert found(*from_cache(a, b, c)) == {"b.txt": [("Valbourg", "place")]} and read == ["a.txt", "b.txt", "c.txt"]
