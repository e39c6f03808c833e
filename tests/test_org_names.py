"""Organisations named by a cue around the name, on sentences written for these tests."""
from __future__ import annotations

import pytest

from generator.lexicon import lexicon
from generator.org_names import cue_hits, propagate


def names(text):
    return {h.name for h in cue_hits(0, text, lexicon())}


@pytest.mark.parametrize("text, expected", [
    ("La Compagnie des eaux de Valbonne (Cevab) a relevé ses tarifs.", {"Cevab"}),
    ("Le contrat a été signé par l'Office régional des forêts (ORF) lundi.", {"ORF"}),
    ("Le Niger a quitté la Communauté économique des États de l'Afrique de l'Ouest (Cédéao).", {"CEDEAO"}),
])
def test_org_names_bracketed_short_form_names_the_body(text, expected):
    assert expected <= names(text)


@pytest.mark.parametrize("text, long_form", [
    ("Selon l'opérateur Électricité de Bergen (EDB), le réseau est coupé.", "Électricité de Bergen"),
    ("Des chercheurs de l'Institut Karl Lind (IKL) ont publié.", "Institut Karl Lind"),
    # The last words whose initials the short form spells, not the names before them.
    ("Ils retirent la République de Norvège du Traité de Bergen de la Cour nordique des droits (CND).",
     "Cour nordique des droits"),
    # What a fight is against is part of its name.
    ("L'enquête est confiée à l'Office régional de lutte contre la fraude fiscale (ORLF).",
     "Office régional de lutte contre la fraude fiscale"),
])
def test_org_names_bracketed_long_form_after_a_kind_noun(text, long_form):
    starts = {h.start for h in cue_hits(0, text, lexicon())}
    assert text.index(long_form) in starts


def test_org_names_bracketed_long_form_starts_after_an_article_not_after_de():
    found = cue_hits(0, "Il a parlé à la RTS le Département fédéral des routes (DFR).", lexicon())
    assert {h.name for h in found} == {"DFR"}
    assert min(h.start for h in found) == len("Il a parlé à la RTS le ")


@pytest.mark.parametrize("text, long_form", [
    # A comment on the short form inside the brackets; the sentence's "Le" is no part of the name.
    ("Le premier rapport de l'Agence nordique de veille des pêches (ANVP, selon son sigle anglais) est paru.",
     "Agence nordique de veille des pêches"),
    ("Le Bureau central des douanes (BCD en anglais) a saisi la cargaison.", "Bureau central des douanes"),
])
def test_org_names_bracketed_short_form_with_a_comment(text, long_form):
    spans = {text[h.start:h.end] for h in cue_hits(0, text, lexicon())}
    assert long_form in spans


def test_org_names_bracketed_credit_is_no_short_form():
    assert not names("Le gouvernement a annoncé la mesure (AFP, 12 mars).")


def test_org_names_bracketed_long_form_stops_at_the_verb():
    hits = cue_hits(0, "Le Gabon a rejoint la Banque régionale des Lagunes (BRL).", lexicon())
    spans = {"Le Gabon a rejoint la Banque régionale des Lagunes (BRL).".__getitem__(slice(h.start, h.end)) for h in hits}
    assert "Banque régionale des Lagunes" in spans


@pytest.mark.parametrize("text, expected", [
    ("Les chiffres publiés par le cabinet Veltrix confirment la tendance.", {"Veltrix"}),
    ("Son concurrent allemand Norvatek a gagné des parts de marché.", {"Norvatek"}),
    ("La Sorelma, la filiale malienne d'un groupe canadien, a fermé.", {"Sorelma"}),
    ("Le moteur est fourni par Hartley & Crane depuis dix ans.", {"Hartley & Crane"}),
    ("Le directeur général de Valmeco a démissionné.", {"Valmeco"}),
    ("Le XV d'Irlande a battu l'équipe de Géorgie.", {"XV d'Irlande", "Équipe de Géorgie"}),
    # A poll is named by who made it.
    ("D'après un sondage Opinor réalisé fin mai, 61 % des sondés sont contre.", {"Opinor"}),
])
def test_org_names_cues_before_and_after_the_name(text, expected):
    assert expected <= names(text)


@pytest.mark.parametrize("text", [
    "Le ministre est arrivé à Lyon en fin de journée.",
    "Paul et Marie Durand ont quitté la ville.",
])
def test_org_names_no_cue_no_organisation(text):
    assert names(text) == set()


def test_org_names_a_name_shown_once_is_named_everywhere():
    texts = ["Le cabinet Veltrix a publié son rapport.", "Selon Veltrix, la demande baisse."]
    hits = [h for i, t in enumerate(texts) for h in cue_hits(i, t, lexicon())]
    spread = propagate(hits, texts, lexicon())
    assert {(h.block, h.name) for h in spread} >= {(0, "Veltrix"), (1, "Veltrix")}


@pytest.mark.parametrize("text, expected, absent", [
    # A capitalised head noun alone after its article is the proper name of one institution.
    ("Le gouvernement a été renversé par la Chambre mardi.", {"Chambre"}, set()),
    ("Elle préside la Commission depuis deux ans.", {"Commission"}, set()),
    # Lower case, or a longer name after it: not a bare head.
    ("Le texte revient à la chambre haute.", set(), {"chambre"}),
    ("Il dirige le Comité central du parti.", set(), {"Comité"}),
    # Some heads name a body only with their complement: alone, "la Confédération" is a state.
    ("La présidente de la Confédération, Anna Berg, a parlé.", set(), {"Confédération"}),
    # Capitals joined by a hyphen or "&" are an acronym.
    ("La N-VA et le CD&V ont quitté la coalition.", {"N-VA", "CD&V"}, set()),
    # A political family, then the party it forms.
    ("Les écologistes de Groenlinks ont voté contre.", {"Groenlinks"}, set()),
    # ...but a person's followers form no party ("M" is no body).
    ("Les partisans de M. Dupont ont défilé.", set(), {"M", "Dupont"}),
    # An office of a party names the party.
    ("Le président de Vooruit a démissionné.", {"Vooruit"}, set()),
    # A place or a common word made a name by the adjective after it.
    ("Une délégation du parti Suède unie est arrivée.", {"Suède unie"}, set()),
])
def test_org_names_bare_heads_acronyms_and_parties(text, expected, absent):
    found = names(text)
    assert expected <= found and not absent & found, found


def test_org_names_a_bare_head_that_shortens_a_longer_name_is_dropped():
    from generator.org_names import short_forms
    texts = ["Le 3e Congrès du Mouvement national s'est ouvert.", "Après le Congrès, les délégués sont rentrés."]
    hits = [h for n, t in enumerate(texts) for h in cue_hits(n, t, lexicon())]
    assert "Congrès" in {h.name for h in hits}
    assert "Congrès" not in {h.name for h in short_forms(hits, texts, lexicon())}


def test_org_names_a_bare_head_cut_from_a_longer_name_takes_it_whole():
    from generator.lexicon import Hit
    from generator.org_names import BARE, short_forms
    texts = ["Le vice-président du Conseil de sécurité nordique est arrivé.", "Le Conseil de sécurité nordique siège."]
    hits = [Hit(0, 21, 28, "Conseil", "organisation", BARE), Hit(1, 3, 31, "Conseil de sécurité nordique", "organisation", 4)]
    kept = short_forms(hits, texts, lexicon())
    assert [(h.block, h.start, h.end, h.name) for h in kept] == [
        (0, 21, 49, "Conseil de sécurité nordique"), (1, 3, 31, "Conseil de sécurité nordique")]
