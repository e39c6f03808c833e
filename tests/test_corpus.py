"""corpus.link: what a serving process keeps of the last build gives what a fresh build gives."""
from __future__ import annotations

from generator import corpus
from generator.corpus import link
from generator.knowledge import Knowledge

from .test_corpus_names import article

PEOPLE = {"Anna Berg": "person", "Karl Lind": "person"}


def test_corpus_an_actor_made_of_the_last_builds_mentions_is_taken_again_and_equals_a_fresh_one(monkeypatch):
    """`mkdocs serve`: an actor whose mentions are the very objects of the last build (unchanged articles) keeps
    that build's draft; an actor with a mention of an edited article is drafted again."""
    monkeypatch.setattr(corpus, "_DRAFTED", {})
    a = article("a.txt", "Anna Berg a rencontré Karl Lind. Ines Roux était absente.", {**PEOPLE, "Ines Roux": "person"})
    b = article("b.txt", "Karl Lind a reçu Anna Berg.", PEOPLE)
    first = {actor.slug: actor for actor in link((a, b), Knowledge()).actors}
    again = {actor.slug: actor for actor in link((a, b), Knowledge()).actors}
    assert again == first and all(again[slug].refs is first[slug].refs for slug in first)
    edited = article("b.txt", "Karl Lind a reçu Anna Berg, puis Karl Lind est parti.", PEOPLE)
    kept = {actor.slug: actor for actor in link((a, edited), Knowledge()).actors}
    monkeypatch.setattr(corpus, "_DRAFTED", {})
    fresh = {actor.slug: actor for actor in link((a, edited), Knowledge()).actors}
    assert kept == fresh != first
    assert kept["ines-roux"].refs is first["ines-roux"].refs and kept["karl-lind"].refs is not first["karl-lind"].refs


def test_corpus_a_single_word_one_article_places_is_no_person_elsewhere():
    a = article("a.txt", "Le président s'est rendu à Kavani jeudi.", {"Kavani": "place"})
    b = article("b.txt", "Les dispensaires de Kavani et de Bergen ont rouvert. Anna Berg était absente.",
                {"Kavani": "person", "Anna Berg": "person"})
    c = article("c.txt", "Kavani a été détruite.", {"Kavani": "person"})
    types = {actor.name: actor.type for actor in link((a, b, c), Knowledge()).actors}
    assert types.get("Kavani", "place") == "place" and types["Anna Berg"] == "person"
