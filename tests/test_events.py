"""Events across articles: candidates from event words and dates, clustered by kind, date and participants.

Every article here is built by hand (no model): blocks, sentences, dates with their ISO values,
mentions with their names and types.
"""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from generator.event_lexicon import lexicon
from generator.event_candidates import Candidate, stem
from generator.event_groups import admissions_join, adopt, merge_retold
from generator.events import ArticleSimilarity, attach, compatible, find_candidates, find_events
from generator.text import french_date
from generator.knowledge import Knowledge
from generator.model import (AnnotatedArticle, Article, Block, Citation, DateMention, Mention, Published,
                             Span)
from generator.text import split_sentences

# Who is who in the made-up stories below: name -> (slug, type).
PEOPLE = {
    "Anna Berg": ("anna-berg", "person"), "Karl Lind": ("karl-lind", "person"),
    "Jean Martin": ("jean-martin", "person"), "Olav Dahl": ("olav-dahl", "person"),
    "Ines Roux": ("ines-roux", "person"), "Paul Mercier": ("paul-mercier", "person"),
    "Lena Holm": ("lena-holm", "person"), "Marc Petit": ("marc-petit", "person"),
    "Olympique lyonnais": ("olympique-lyonnais", "organisation"),
    "Olympique de Marseille": ("olympique-de-marseille", "organisation"),
    "Agence nordique": ("agence-nordique", "organisation"),
    "Parti du progrès": ("parti-du-progres", "organisation"),
    "Norvège": ("norvege", "country"), "France": ("france", "country"), "Suède": ("suede", "country"),
    "Finlande": ("finlande", "country"),
    "Oslo": ("oslo", "place"), "Paris": ("paris", "place"), "Stockholm": ("stockholm", "place"),
    "Helsinki": ("helsinki", "place"), "Lyon": ("lyon", "place"), "Bergen": ("bergen", "place"),
    "Radio Nord": ("radio-nord", "person"), "AFP": ("afp", "organisation"),
    "conseil municipal de Lyon": ("conseil-municipal-de-lyon", "organisation"),
    "Assemblée nationale": ("assemblee-nationale", "organisation"),
    "musée du Nord": ("musee-du-nord", "organisation"),
}
TYPES = dict(PEOPLE.values())


def article(seed: str, paragraphs: list[str], dates: dict[str, str | None] | None = None,
            sources: dict[str, str] | None = None, publisher: str | None = None) -> AnnotatedArticle:
    """An annotated article: every known name and every listed date text is found where it is written.

    `dates` maps a date text to its ISO value (None: unresolvable); `sources` maps a source name
    to the words that credit it ("selon l'Agence nordique").
    """
    blocks = tuple(Block("paragraph", text, i + 1, f"p{i}") for i, text in enumerate(paragraphs))
    sentences = tuple(Span(i, s, e) for i, b in enumerate(blocks) for s, e in split_sentences(b.text))
    found_dates, mentions, citations = [], [], []
    for i, block in enumerate(blocks):
        for text, value in (dates or {}).items():
            for m in re.finditer(re.escape(text), block.text):
                precision = _precision(value)
                found_dates.append(DateMention(Span(i, m.start(), m.end()), text, value, precision,
                                               "absolute" if value else "unresolved"))
        for name, (_, kind) in PEOPLE.items():
            for m in re.finditer(rf"\b{re.escape(name)}\b", block.text):
                mentions.append(Mention(Span(i, m.start(), m.end()), name, name, kind))
        for source, words in (sources or {}).items():
            for m in re.finditer(re.escape(words), block.text):
                sentence = next(s for s in sentences if s.block == i and s.start <= m.start() < s.end)
                start = m.start() + words.index(source)
                citations.append(Citation(Span(i, start, start + len(source)), source, sentence))
    if publisher:
        citations.append(Citation(Span(0, 0, 0), publisher, sentences[0], "publisher"))
    return AnnotatedArticle(Article(seed, blocks), sentences, Published(None, "unknown"),
                            tuple(found_dates), tuple(mentions), tuple(citations))


def _precision(value: str | None) -> str:
    if value is None or len(value) == 10:
        return "day"
    if "-W" in value:
        return "week"
    return {4: "year", 7: "month"}.get(len(value), "season")


def actor_of(articles):
    return {(a.article.seed, m.name): PEOPLE[m.name][0] for a in articles for m in a.mentions}


def events_of(*articles, knowledge=Knowledge()):
    return find_events(articles, actor_of(articles), TYPES, knowledge)


def by_seeds(events):
    return sorted((e.kind, e.date, e.seeds) for e in events)


# --- Dates ----------------------------------------------------------------------------------

@pytest.mark.parametrize("a, b, expected", [
    ("2024", "2024-06-19", True),
    ("2024-06", "2024-06-19", True),
    ("2024-06", "2024-07-01", False),
    ("2024", "2025", False),
    ("2025-W34", "2025-08", True),
    ("2025-W34", "2025-08-20", True),
    ("2025-W34", "2025-08-30", False),
    ("2024-Q4", "2024-11", True),
    ("2024-Q4", "2024-03", False),
    ("2025-SP", "2025-04-02", True),
    ("2025-SP", "2025-08", False),
    ("2024-H2", "2024-09-01", True),
    (None, "2024", True),
])
def test_events_dates_are_compatible_when_one_holds_the_other(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize("value, text", [
    ("2024-06-19", "19 juin 2024"), ("2024-06-01", "1er juin 2024"), ("2024-06", "juin 2024"),
    ("2024", "2024"), ("2025-W34", "semaine 34 de 2025"), ("2025-SP", "printemps 2025"),
    ("2024-Q4", "4e trimestre 2024"), (None, "date inconnue"),
])
def test_events_french_date(value, text):
    assert french_date(value) == text


# --- Candidates -----------------------------------------------------------------------------

def candidates(*articles):
    """The dated candidates: those that may make an event of their own."""
    return [c for c in find_candidates(articles, actor_of(articles), TYPES) if c.date_text is not None]


@pytest.mark.parametrize("paragraphs, dates, expected", [
    # A verb, a noun, a reflexive verb, a phrase.
    (["Anna Berg a signé le 3 mars 2021 un accord avec Karl Lind."], {"3 mars 2021": "2021-03-03"},
     [("signature", "2021-03-03")]),
    (["La visite de Jean Martin à Oslo a eu lieu en mai 2022."], {"mai 2022": "2022-05"},
     [("visite", "2022-05")]),
    # An event word denied tells of no event; one a counterfactual names took place.
    (["À Bergen, la journée du 3 mai 2022 s'est déroulée sans manifestation particulière."],
     {"du 3 mai 2022": "2022-05-03"}, [("fait", "2022-05-03")]),
    (["Aucune rencontre entre Anna Berg et Karl Lind n'a eu lieu le 3 mai 2022."],
     {"le 3 mai 2022": "2022-05-03"}, [("fait", "2022-05-03")]),
    (["Sans l'évacuation du 3 mai 2022, Bergen aurait compté des morts."],
     {"du 3 mai 2022": "2022-05-03"}, [("retrait", "2022-05-03")]),
    # Leaving a body told as ceasing to be a member.
    (["Le 3 mai 2022, la Norvège et la Suède ont cessé officiellement d'être membres de l'Agence nordique."],
     {"Le 3 mai 2022": "2022-05-03"}, [("retrait", "2022-05-03")]),
    # A government overthrown: a censure motion adopted, or its censure told as a noun.
    (["Le 3 mai 2022, l'Assemblée nationale a adopté, par 301 voix, la motion de censure contre Anna Berg."],
     {"Le 3 mai 2022": "2022-05-03"}, [("destitution", "2022-05-03")]),
    (["La France a connu la censure d'un gouvernement en mai 2022."], {"en mai 2022": "2022-05"},
     [("destitution", "2022-05")]),
    # A theft, told by how or what was stolen; a flight is none, nor the hour a museum opens.
    (["Le 3 mai 2022, un vol de tableaux a été commis au musée de Bergen."], {"Le 3 mai 2022": "2022-05-03"},
     [("vol", "2022-05-03")]),
    (["Le cambriolage commis le 3 mai 2022 chez Anna Berg a choqué."], {"le 3 mai 2022": "2022-05-03"},
     [("vol", "2022-05-03")]),
    (["Le 3 mai 2022, Anna Berg a pris un vol direct pour Oslo."], {"Le 3 mai 2022": "2022-05-03"},
     [("fait", "2022-05-03")]),
    (["Le 3 mai 2022, peu après l'ouverture du musée, deux hommes sont entrés par une fenêtre."],
     {"Le 3 mai 2022": "2022-05-03"}, [("fait", "2022-05-03")]),
    # A vehicle parked somewhere deploys no one.
    (["Le 3 mai 2022, un camion stationné quai de Bergen a été déplacé."], {"Le 3 mai 2022": "2022-05-03"},
     [("fait", "2022-05-03")]),
    # The sentence passed, told by its length.
    (["Anna Berg s'était vu infliger en décembre 2011 deux ans d'emprisonnement avec sursis."],
     {"en décembre 2011": "2011-12"}, [("proces", "2011-12")]),
    # A visitor expected somewhere; a verdict expected is no visit.
    (["La présidente, Anna Berg, est attendue à son tour le 3 mai 2022 à Bergen."],
     {"le 3 mai 2022": "2022-05-03"}, [("visite", "2022-05-03")]),
    (["Le verdict est attendu le 3 mai 2022 au tribunal de Bergen."],
     {"le 3 mai 2022": "2022-05-03"}, [("proces", "2022-05-03")]),
    # A party's victory, with its seats, is no match.
    (["Le 28 avril 2025, la victoire libérale a offert 169 sièges au parti de Anna Berg."],
     {"Le 28 avril 2025": "2025-04-28"}, [("fait", "2025-04-28")]),
    # Condemned by a court, not rebuked: a sentence.
    (["Anna Berg a été condamnée en mai 2022 pour fraude fiscale."], {"en mai 2022": "2022-05"},
     [("proces", "2022-05")]),
    (["Anna Berg a été condamnée le 3 mai 2022 par le tribunal de Bergen."], {"le 3 mai 2022": "2022-05-03"},
     [("proces", "2022-05-03")]),
    (["Oslo a condamné le 3 mai 2022 le choix de Bergen."], {"le 3 mai 2022": "2022-05-03"},
     [("declaration", "2022-05-03")]),
    (["La dernière venue de Jean Martin à Oslo remonte à mai 2022, peu après son élection."], {"mai 2022": "2022-05"},
     [("visite", "2022-05")]),
    # A contingent told in the singular: "un contingent de 800 soldats aurait été acheminé".
    (["Un premier contingent de 800 soldats aurait été acheminé début mai 2030 par la marine."],
     {"début mai 2030": "2030-05"}, [("deploiement", "2030-05")]),
    # A passive participle set between commas has its own date: the deployment is not "depuis l'été".
    (["Le 3 mai 2030, des soldats ont été déployés à Bergen, tenue par la Norvège depuis l'été."],
     {"Le 3 mai 2030": "2030-05-03", "depuis l'été": "2029-SU"}, [("deploiement", "2030-05-03")]),
    # A government an assembly overthrows, a constitution revised.
    (["Le 4 mars 2024, le gouvernement de Jean Martin a été renversé par une motion de censure."],
     {"Le 4 mars 2024": "2024-03-04"}, [("destitution", "2024-03-04")]),
    (["La limite des mandats a été supprimée lors de la révision constitutionnelle d'avril 2008."],
     {"d'avril 2008": "2008-04"}, [("vote", "2008-04")]),
    (["Jean Martin s'est rendu mardi à Oslo."], {"mardi": "2022-05-03"}, [("visite", "2022-05-03")]),
    (["La Norvège a envoyé plus de 2 000 soldats en Finlande en 2023."], {"en 2023": "2023"},
     [("deploiement", "2023")]),
    # The date of a reporting clause is not the event's date.
    (["Anna Berg a rencontré des ouvriers à Bergen, a rapporté samedi l'Agence nordique."],
     {"samedi": "2024-01-06"}, []),
    (["Jean Martin a quitté lundi Oslo, a-t-on appris mercredi de source diplomatique."],
     {"lundi": "2030-03-04", "mercredi": "2030-03-06"}, [("depart", "2030-03-04")]),
    # A wire's dateline tells when the piece was written: the lead's own date tells the event ...
    (["OSLO, 7 mars 2030 (Agence nordique) - Anna Berg a rencontré mardi Karl Lind."],
     {"7 mars 2030": "2030-03-07", "mardi": "2030-03-05"}, [("rencontre", "2030-03-05")]),
    (["Bergen, le 7 mars (Agence nordique) -- Anna Berg a rencontré dans la soirée du 5 mars 2030 Karl Lind."],
     {"le 7 mars": "2030-03-07", "du 5 mars 2030": "2030-03-05"}, [("rencontre", "2030-03-05")]),
    # ... and when it is the only date, the news of that day.
    (["OSLO, 7 mars 2030 (Agence nordique) - Anna Berg va rencontrer Karl Lind."],
     {"7 mars 2030": "2030-03-07"}, [("rencontre", "2030-03-07")]),
    # A date in a relative clause belongs to its own verb, not to the death.
    (["Olav Dahl, qui était en poste depuis 2014, est mort le 6 mars 2020, selon la Norvège."],
     {"depuis 2014": "2014", "6 mars 2020": "2020-03-06"}, [("deces", "2020-03-06")]),
    # "morts" as an adjective is no death; the nearest event word takes the date.
    (["Le 2 mai 2023, Anna Berg a rendu hommage aux soldats morts à Stockholm."],
     {"2 mai 2023": "2023-05-02"}, [("ceremonie", "2023-05-02")]),
    # A word after "à la suite de" tells another event than the dated one.
    (["Jean Martin s'est rendu mercredi à Oslo à la suite du décès de Olav Dahl."],
     {"mercredi": "2025-12-10"}, [("visite", "2025-12-10")]),
    # A range dates the event by its start.
    (["La Norvège a envoyé des troupes à Bergen, entre fin 2024 et le printemps 2025."],
     {"fin 2024": "2024-Q4", "printemps 2025": "2025-SP"}, [("deploiement", "2024-Q4")]),
    # Two dates, two events of one sentence.
    (["Ce sera la première visite de Jean Martin en Norvège depuis mars 2019 et sa première à "
      "l'étranger depuis celle effectuée en juin 2021 à Helsinki."],
     {"mars 2019": "2019-03", "juin 2021": "2021-06"}, [("visite", "2019-03"), ("visite", "2021-06")]),
    # No event word: a dated fact of no named kind, which joins a named event if one tells it.
    (["Le 3 mars 2021, il a plu sur Oslo."], {"3 mars 2021": "2021-03-03"}, [("fait", "2021-03-03")]),
    # "d'accord" is agreement, not an agreement: no signature, a plain fact.
    (["Le 3 mars 2021, Anna Berg s'est dite d'accord avec Karl Lind."], {"3 mars 2021": "2021-03-03"},
     [("fait", "2021-03-03")]),
])
def test_events_candidates_from_event_words_and_dates(paragraphs, dates, expected):
    found = candidates(article("a.txt", paragraphs, dates))
    assert sorted((c.kind, c.date) for c in found) == sorted(expected)


@pytest.mark.parametrize("paragraphs, dates, expected", [
    # A paragraph-opening date frames the next paragraph's first sentence.
    (["Au mois de juin 2024, il y a eu un sommet à Oslo.",
      "Jean Martin y a rencontré Olav Dahl."],
     {"Au mois de juin 2024": "2024-06"}, [("rencontre", "2024-06", 0), ("rencontre", "2024-06", 1)]),
    # ... and every later sentence of its own paragraph.
    (["En 2023, Anna Berg a visité Bergen. Elle a ensuite rencontré Karl Lind. Puis elle a inauguré un pont à Oslo."],
     {"En 2023": "2023"}, [("visite", "2023", 0), ("rencontre", "2023", 1), ("ceremonie", "2023", 2)]),
    # A date no event word used dates the next sentence.
    (["Des images diffusées vendredi montrent Anna Berg à Oslo.",
      "Lors d'une cérémonie au palais, Anna Berg a salué les soldats."],
     {"vendredi": None}, [("ceremonie", None, 1)]),
    # A date an event used does not date the next paragraph, unless it points back to that event.
    (["Anna Berg a signé un accord le 4 mai 2022 avec Karl Lind.",
      "Elle a rencontré Jean Martin à Paris.",
      ],
     {"4 mai 2022": "2022-05-04"}, [("signature", "2022-05-04", 0)]),
    (["Anna Berg a rencontré Karl Lind le 4 mai 2022 à Stockholm.",
      "Cette rencontre a eu lieu à la veille des élections en Suède."],
     {"4 mai 2022": "2022-05-04"}, [("rencontre", "2022-05-04", 0), ("rencontre", "2022-05-04", 1)]),
])
def test_events_candidates_take_dates_from_context(paragraphs, dates, expected):
    found = candidates(article("a.txt", paragraphs, dates))
    assert sorted((c.kind, c.date, c.index) for c in found) == sorted(expected)


@pytest.mark.parametrize("signed", [True, False])
def test_events_an_official_text_makes_its_act_the_day_it_signs_off(signed):
    text = article("c.txt", ["La Norvège et la Suède informent de leur décision souveraine de retirer leurs troupes de Bergen.",
                             "Les deux pays ont signé un accord de défense le 2 avril 2030.",
                             "Fait à Oslo, le 4 mai 2031"], {"le 4 mai 2031": "2031-05-04", "le 2 avril 2030": "2030-04-02"})
    if signed:   # as the reader reads a sign-off line
        blocks = text.article.blocks
        text = replace(text, article=replace(text.article, blocks=(*blocks[:2], replace(blocks[2], kind="dateline"))))
    # (Read as a paragraph, the line is a bare fact of its own.)
    expected = [("retrait", "2031-05-04") if signed else ("fait", "2031-05-04"), ("signature", "2030-04-02")]
    assert sorted((c.kind, c.date) for c in candidates(text)) == expected


def test_events_a_museum_named_in_lower_case_takes_part():
    found = candidates(article("m.txt", ["Le 3 mai 2022, deux hommes ont commis un vol au préjudice du musée du Nord."],
                               {"Le 3 mai 2022": "2022-05-03"}))
    assert [(c.kind, c.actors) for c in found] == [("vol", ("musee-du-nord",))]


def test_events_candidates_leave_cited_sources_out_of_participants():
    a = article("a.txt", ["Le 8 mars 2022, Anna Berg a rencontré Karl Lind, selon l'Agence nordique."],
                {"8 mars 2022": "2022-03-08"}, sources={"Agence nordique": "selon l'Agence nordique"})
    (found,) = candidates(a)
    assert found.actors == ("anna-berg", "karl-lind")


# --- Clustering -----------------------------------------------------------------------------

def test_events_same_event_in_other_words_is_one_event():
    a = article("a.txt", ["Le 12 mars 2023, Jean Martin a signé à Oslo un accord commercial avec Olav Dahl."],
                {"12 mars 2023": "2023-03-12"})
    b = article("b.txt", ["Paris et Oslo sont liés par un traité de libre-échange depuis 2023."],
                {"depuis 2023": "2023"})
    c = article("c.txt", ["La France et la Norvège ont conclu un pacte commercial, paraphé en mars 2023 par Jean Martin."],
                {"mars 2023": "2023-03"})
    (event,) = events_of(a, b, c)
    assert event.seeds == ("a.txt", "b.txt", "c.txt")
    assert event.date == "2023-03-12" and event.precision == "day"
    assert event.kind == "signature"
    assert {"jean-martin", "olav-dahl", "france", "norvege"} <= set(event.actors)
    assert "oslo" in event.places
    dates = {r.seed: (r.date_text, r.date) for r in event.reports}
    assert dates == {"a.txt": ("12 mars 2023", "2023-03-12"), "b.txt": ("depuis 2023", "2023"),
                     "c.txt": ("mars 2023", "2023-03")}


def test_events_two_events_on_the_same_day_stay_apart():
    a = article("a.txt", ["Le 5 mai 2024, Anna Berg a assisté à Stockholm à un défilé militaire.",
                          "Le 5 mai 2024, Anna Berg a rencontré à Stockholm Karl Lind."],
                {"5 mai 2024": "2024-05-05"})
    b = article("b.txt", ["Anna Berg et Karl Lind se sont entretenus le 5 mai 2024 à Stockholm."],
                {"5 mai 2024": "2024-05-05"})
    assert by_seeds(events_of(a, b)) == [("défilé", "2024-05-05", ("a.txt",)),
                                          ("rencontre", "2024-05-05", ("a.txt", "b.txt"))]


def test_events_same_words_on_different_dates_stay_apart():
    a = article("a.txt", ["Le 3 février 2022, Anna Berg a rencontré Karl Lind à Stockholm."],
                {"3 février 2022": "2022-02-03"})
    b = article("b.txt", ["Le 9 octobre 2023, Anna Berg a rencontré Karl Lind à Stockholm."],
                {"9 octobre 2023": "2023-10-09"})
    assert by_seeds(events_of(a, b)) == [("rencontre", "2022-02-03", ("a.txt",)),
                                          ("rencontre", "2023-10-09", ("b.txt",))]


def test_events_off_topic_article_is_not_merged():
    a = article("a.txt", ["Le 3 février 2022, Anna Berg a rencontré Karl Lind à Stockholm."],
                {"3 février 2022": "2022-02-03"})
    c = article("c.txt", ["Le 3 février 2022, l'Olympique lyonnais a rencontré l'Olympique de Marseille à Lyon."],
                {"3 février 2022": "2022-02-03"})
    assert by_seeds(events_of(a, c)) == [("rencontre", "2022-02-03", ("a.txt",)),
                                          ("rencontre", "2022-02-03", ("c.txt",))]


def test_events_vague_date_joins_the_precise_one():
    a = article("a.txt", ["Au mois de juin 2024, il y a eu un sommet à Oslo.",
                          "Le 19 juin, Jean Martin a signé avec Olav Dahl un traité de défense."],
                {"Au mois de juin 2024": "2024-06", "Le 19 juin": "2024-06-19"})
    b = article("b.txt", ["Les deux pays sont unis depuis 2024 par un pacte de défense, signé par Olav Dahl."],
                {"depuis 2024": "2024"})
    signature = [e for e in events_of(a, b) if e.kind == "signature"]
    assert [(e.date, e.seeds) for e in signature] == [("2024-06-19", ("a.txt", "b.txt"))]


def test_events_vague_report_fitting_several_events_joins_none():
    a = article("a.txt", [
        "Au mois de juin 2025, Anna Berg a rencontré Karl Lind à Stockholm.",
        "Au mois de juillet 2025, Anna Berg a rencontré Jean Martin à Stockholm.",
        "En 2025, Anna Berg a rencontré plusieurs fois Olav Dahl à Stockholm."],
        {"Au mois de juin 2025": "2025-06", "Au mois de juillet 2025": "2025-07", "En 2025": "2025"})
    assert sorted(e.date for e in events_of(a)) == ["2025", "2025-06", "2025-07"]


def test_events_same_article_retelling_is_one_event():
    a = article("a.txt", ["Jean Martin s'est rendu mercredi à Oslo pour un hommage.",
                          "Jean Martin et Olav Dahl se sont rendus mercredi à Oslo, ont rapporté jeudi les médias."],
                {"mercredi": "2025-12-10", "jeudi": "2025-12-11"})
    (event,) = events_of(a)
    assert event.kind == "visite" and event.date == "2025-12-10"
    assert len(event.reports) == 1 and len(event.reports[0].refs) == 2


def test_events_undated_report_joins_only_a_clear_match():
    a = article("a.txt", ["Lors d'une cérémonie de remise de médailles la semaine dernière, Anna Berg a décoré "
                          "les soldats du Parti du progrès à Stockholm."],
                {"la semaine dernière": "2025-W34"})
    b = article("b.txt", ["Des images diffusées vendredi montrent Anna Berg.",
                          "Lors d'une cérémonie tenue au siège du Parti du progrès à Stockholm, Anna Berg a décoré les soldats."],
                {"vendredi": None})
    (event,) = events_of(a, b)
    assert event.seeds == ("a.txt", "b.txt") and event.date == "2025-W34"


def test_events_reports_credit_their_sources():
    a = article("a.txt", ["Le 8 mars 2022, Anna Berg a rencontré Karl Lind à Oslo, selon l'Agence nordique."],
                {"8 mars 2022": "2022-03-08"}, sources={"Agence nordique": "selon l'Agence nordique"},
                publisher="Le Journal")
    b = article("b.txt", ["Anna Berg et Karl Lind se sont entretenus le 8 mars 2022 à Oslo."],
                {"8 mars 2022": "2022-03-08"}, publisher="La Gazette")
    (event,) = events_of(a, b)
    assert {r.seed: r.sources for r in event.reports} == {"a.txt": ("Agence nordique",), "b.txt": ("La Gazette",)}
    assert event.reports[0].refs[0].text.startswith("Le 8 mars 2022")


# --- Slugs, titles, knowledge ---------------------------------------------------------------

def _story():
    a = article("a.txt", ["Le 3 février 2022, Anna Berg a rencontré Karl Lind à Stockholm.",
                          "Le 9 octobre 2023, Anna Berg a signé un accord avec Karl Lind."],
                {"3 février 2022": "2022-02-03", "9 octobre 2023": "2023-10-09"})
    b = article("b.txt", ["Anna Berg et Karl Lind se sont entretenus le 3 février 2022 à Stockholm."],
                {"3 février 2022": "2022-02-03"})
    return a, b


def test_events_slugs_and_titles():
    events = events_of(*_story())
    slugs = [e.slug for e in events]
    assert slugs == ["rencontre-anna-berg-2022-02-03", "signature-anna-berg-2023-10-09"]
    assert all(re.fullmatch(r"[a-z0-9-]+", s) for s in slugs)
    assert events[0].title == "Rencontre — Anna Berg, Karl Lind (3 février 2022)"
    assert events_of(*_story()) == events   # same input, same output
    # Titles and slugs show the names the corpus gives its actors.
    arts = _story()
    named = find_events(arts, actor_of(arts), TYPES, Knowledge(), names={"anna-berg": "Anna Berg-Holm"})
    assert named[0].title.startswith("Rencontre — Anna Berg-Holm") and named[0].slug == "rencontre-anna-berg-holm-2022-02-03"


def test_events_slugs_are_unique():
    a = article("a.txt", ["Le 3 février 2022, Anna Berg a rencontré Karl Lind à Stockholm.",
                          "Le 3 février 2022, Anna Berg a rencontré Jean Martin à Helsinki."],
                {"3 février 2022": "2022-02-03"})
    slugs = [e.slug for e in events_of(a)]
    assert len(slugs) == 2 and len(set(slugs)) == 2


def test_events_knowledge_merges_renames_and_splits():
    a, b = _story()
    knowledge = Knowledge(merge_events=(("signature-anna-berg-2023-10-09", "rencontre-anna-berg-2022-02-03"),),
                          rename_events=(("signature-anna-berg-2023-10-09", "Les accords Berg-Lind"),))
    (merged,) = events_of(a, b, knowledge=knowledge)
    assert merged.slug == "signature-anna-berg-2023-10-09" and merged.title == "Les accords Berg-Lind"
    assert merged.seeds == ("a.txt", "b.txt")
    assert len(next(r for r in merged.reports if r.seed == "a.txt").refs) == 2

    split = events_of(a, b, knowledge=Knowledge(split_events=("rencontre-anna-berg-2022-02-03",)))
    pieces = [e for e in split if e.slug.startswith("rencontre-anna-berg-2022-02-03")]
    assert sorted((e.slug, e.seeds) for e in pieces) == [("rencontre-anna-berg-2022-02-03-1", ("a.txt",)),
                                                         ("rencontre-anna-berg-2022-02-03-2", ("b.txt",))]


def test_events_knowledge_with_unknown_slugs_changes_nothing():
    plain = events_of(*_story())
    knowledge = Knowledge(merge_events=(("nope", "rien"),), rename_events=(("nope", "X"),), split_events=("nope",))
    assert events_of(*_story(), knowledge=knowledge) == plain


def test_events_il_stands_for_the_person_last_named_as_subject():
    a = article("a.txt", ["En 2025, Anna Berg a reçu en audience Karl Lind à Stockholm.",
                          "Au mois de juin 2025, il a rencontré Olav Dahl à Oslo.",
                          "Au mois de juillet 2025, il y a eu un sommet à Helsinki."],
                {"En 2025": "2025", "Au mois de juin 2025": "2025-06", "Au mois de juillet 2025": "2025-07"})
    found = {c.date: c.actors for c in candidates(a)}
    assert found["2025-06"] == ("anna-berg", "olav-dahl")
    assert "2025-07" not in found or "anna-berg" not in found["2025-07"]   # "il y a eu" is nobody


def test_events_an_announcement_joins_the_act_its_speaker_did_that_day():
    a = article("a.txt", ["Anna Berg a annoncé samedi 3 mai 2031 la reprise de Bergen par ses troupes."],
                {"samedi 3 mai 2031": "2031-05-03"})
    b = article("b.txt", ["Le 3 mai 2031, les troupes de Anna Berg ont repris la ville de Bergen."],
                {"Le 3 mai 2031": "2031-05-03"})
    (event,) = events_of(a, b)
    assert event.seeds == ("a.txt", "b.txt") and event.kind != "annonce"


@pytest.mark.parametrize("told, retold", [
    # A body founded at a summit or by a treaty is that summit's event.
    (("La Norvège, la Suède et la Finlande ont fondé le Parti du progrès le 6 juillet 2024 à Bergen.",
      {"le 6 juillet 2024": "2024-07-06"}),
     ("Le sommet de Bergen du 6 juillet 2024 a réuni la Norvège, la Suède et la Finlande.",
      {"du 6 juillet 2024": "2024-07-06"})),
    # Leaving a post told as a departure is the resignation.
    (("Anna Berg a présenté sa démission le 6 janvier 2025 au Parlement de Bergen.", {"le 6 janvier 2025": "2025-01-06"}),
     ("Le départ de Anna Berg, en janvier 2025, a ouvert la course à sa succession.", {"en janvier 2025": "2025-01"})),
    # A trade measure, imposed or taking effect.
    (("La Norvège impose depuis le 4 mars 2025 des droits de douane de 25 % sur l'acier suédois.",
      {"depuis le 4 mars 2025": "2025-03-04"}),
     ("L'entrée en vigueur des tarifs norvégiens sur l'acier, le 4 mars 2025, inquiète la Suède.",
      {"le 4 mars 2025": "2025-03-04"})),
])
def test_events_one_event_told_in_other_words_is_one(told, retold):
    (event,) = events_of(article("a.txt", [told[0]], told[1]), article("b.txt", [retold[0]], retold[1]))
    assert event.seeds == ("a.txt", "b.txt")


def test_events_a_price_is_no_trade_measure():
    a = article("c.txt", ["L'Agence nordique a annoncé mardi la hausse des tarifs du port."], {"mardi": "2024-03-12"})
    assert [c.kind for c in candidates(a)] == ["annonce"]


def test_events_an_announcement_that_fits_no_single_act_stays_alone():
    a = article("a.txt", ["Anna Berg a annoncé le 3 mai 2031 la fin des combats."], {"le 3 mai 2031": "2031-05-03"})
    b = article("b.txt", ["Le 3 mai 2031, Anna Berg a inauguré un pont à Oslo."], {"Le 3 mai 2031": "2031-05-03"})
    c = article("c.txt", ["Le 3 mai 2031, Anna Berg a inauguré une école à Stockholm."], {"Le 3 mai 2031": "2031-05-03"})
    assert ("a.txt",) in {e.seeds for e in events_of(a, b, c)}


def test_events_a_trip_of_a_month_and_a_meeting_of_its_day_with_the_same_two_people_are_one_event():
    a = article("a.txt", ["En mai 2031, Anna Berg a effectué une visite officielle en Suède, chez Karl Lind."],
                {"En mai 2031": "2031-05"})
    b = article("b.txt", ["Le 3 mai 2031, Anna Berg a rencontré Karl Lind à Stockholm."], {"Le 3 mai 2031": "2031-05-03"})
    (event,) = events_of(a, b)
    assert event.seeds == ("a.txt", "b.txt") and event.date == "2031-05-03"


def test_events_meeting_and_the_treaty_it_sealed_are_one_event():
    a = article("a.txt", ["Au mois de juin 2024, il y a eu un sommet à Oslo entre Jean Martin et Olav Dahl.",
                          "Le 19 juin, Jean Martin a signé avec Olav Dahl un traité d'amitié."],
                {"Au mois de juin 2024": "2024-06", "Le 19 juin": "2024-06-19"})
    (event,) = events_of(a)
    assert event.kind == "signature" and event.date == "2024-06-19"


def test_events_names_after_a_date_belong_to_that_date():
    a = article("a.txt", ["Ce sera la première visite de Jean Martin en Norvège depuis mars 2019 et sa première à "
                          "l'étranger depuis celle effectuée en juin 2021 à Helsinki, avec Olav Dahl."],
                {"mars 2019": "2019-03", "juin 2021": "2021-06"})
    found = {c.date: (set(c.actors), c.places) for c in candidates(a)}
    assert found["2019-03"] == ({"jean-martin", "norvege"}, ())
    assert found["2021-06"] == ({"jean-martin", "norvege", "olav-dahl"}, ("helsinki",))


# --- Wider vocabulary, ambiguous words, statements --------------------------------------------

@pytest.mark.parametrize("sentence, dates, expected", [
    # A light verb tells the event it governs.
    ("Anna Berg a annoncé en juin 2022 la nationalisation de l'Agence nordique.", {"en juin 2022": "2022-06"},
     [("nationalisation", "2022-06")]),
    # Words that are events only in some uses.
    ("Le 4 mai 2022, Anna Berg a visité la résidence présidentielle à Oslo.", {"4 mai 2022": "2022-05-04"},
     [("visite", "2022-05-04")]),
    ("Le bois traité en 2019 à Bergen a été vendu à l'Agence nordique.", {"en 2019": "2019"}, [("fait", "2019")]),
    ("Anna Berg a quitté le parti en 2020 à Oslo.", {"en 2020": "2020"}, [("depart", "2020")]),
    ("Le convoi parti de Bergen le 2 mars 2024 a traversé la Norvège.", {"le 2 mars 2024": "2024-03-02"},
     [("depart", "2024-03-02")]),
    ("Le 2 mars 2024, Karl Lind a fait partie de la délégation de la Norvège.", {"2 mars 2024": "2024-03-02"}, [("fait", "2024-03-02")]),
    ("Un coup d'État a renversé le président de la Norvège le 26 juillet 2023.",
     {"le 26 juillet 2023": "2023-07-26"}, [("coup", "2023-07-26")]),
    ("Anna Berg a été reçue jeudi à Oslo par Karl Lind.", {"jeudi": "2024-03-14"}, [("rencontre", "2024-03-14")]),
    # "saisir" is a referral only when an institution follows.
    ("Anna Berg a saisi en mai 2021 l'Agence nordique d'une plainte contre Karl Lind.",
     {"en mai 2021": "2021-05"}, [("recours", "2021-05")]),
    # A dated saying verb makes the statement an event, with its speaker; a media relaying news does not.
    ("« Nous ne céderons pas », a affirmé mercredi Anna Berg.", {"mercredi": "2024-03-13"},
     [("declaration", "2024-03-13")]),
    ("« Nous ne céderons pas », a rapporté mercredi l'Agence nordique.", {"mercredi": "2024-03-13"}, []),
    # A match result needs no "match": the verb of winning or losing tells it; "dominer" only with a score.
    ("La Norvège s'était inclinée à Oslo face à la Suède (20-23) samedi.", {"samedi": "2024-03-16"},
     [("match", "2024-03-16")]),
    ("La Suède l'a emporté samedi sur la Finlande.", {"samedi": "2024-03-16"}, [("match", "2024-03-16")]),
    ("La Finlande a dominé la Norvège 24-10 samedi.", {"samedi": "2024-03-16"}, [("match", "2024-03-16")]),
    ("Anna Berg a dominé le débat samedi.", {"samedi": "2024-03-16"}, [("fait", "2024-03-16")]),
    # An assembly adopting a text is a vote; "voter pour" someone is not.
    ("Le conseil municipal d'Oslo a adopté lundi soir un vœu de soutien.", {"lundi soir": "2024-03-11"},
     [("vote", "2024-03-11")]),
    ("Karl Lind a voté lundi pour Anna Berg.", {"lundi": "2024-03-11"}, [("fait", "2024-03-11")]),
    ("« Le contexte a changé », a justifié lundi Anna Berg.", {"lundi": "2024-03-11"}, [("declaration", "2024-03-11")]),
    # A text that takes effect is dated apart from its signature.
    ("Le pacte, signé en mai 2023 par Anna Berg, est entré en vigueur en juin 2024.",
     {"en mai 2023": "2023-05", "en juin 2024": "2024-06"}, [("entree_en_vigueur", "2024-06"), ("signature", "2023-05")]),
    # Owning up to what was denied is an event of its own day; a capture is one too.
    ("Le 3 mai 2024, la Norvège a reconnu avoir envoyé des troupes à Bergen.", {"3 mai 2024": "2024-05-03"},
     [("reconnaissance", "2024-05-03")]),
    ("Deux soldats ont été faits prisonniers par l'armée norvégienne le 3 mai 2024.", {"3 mai 2024": "2024-05-03"},
     [("arrestation", "2024-05-03")]),
    # Launches: of a named missile, of a satellite put into orbit; and the end of a mandate.
    ("- 3 mai 2024 : tir du Fjord-7, le plus puissant missile de la Norvège.", {"3 mai 2024": "2024-05-03"},
     [("essai", "2024-05-03")]),
    ("Le 3 mai 2024, la Norvège a placé en orbite son premier satellite.", {"3 mai 2024": "2024-05-03"},
     [("essai", "2024-05-03")]),
    ("Le mandat du groupe d'experts expirera le 3 mai 2024.", {"3 mai 2024": "2024-05-03"},
     [("fin_mandat", "2024-05-03")]),
])
def test_events_candidates_kinds_follow_french_usage(sentence, dates, expected):
    assert sorted((c.kind, c.date) for c in candidates(article("a.txt", [sentence], dates))) == expected


def test_events_statement_names_its_speaker():
    (found,) = candidates(article("a.txt", ["« Nous ne céderons pas », a affirmé mercredi Anna Berg."],
                                  {"mercredi": "2024-03-13"}, sources={"Anna Berg": "Anna Berg"}))
    assert found.actors == ("anna-berg",)


def test_events_dated_saying_names_the_source_that_told_it():
    # "Le 3 mai, X a affirmé que ...": the date is the saying's, a statement by X; what X said names others.
    (found,) = candidates(article("a.txt", ["Le 3 mai 2024, le ministre, Jean Martin, a affirmé que la pluie tombait sur Oslo."],
                                  {"Le 3 mai 2024": "2024-05-03"}, sources={"Jean Martin": "Jean Martin, a affirmé"}))
    assert found.kind == "declaration" and found.actors == ("jean-martin",) and found.places == ()


def test_events_dated_saying_beside_the_event_it_reports():
    found = candidates(article("a.txt", ["Samedi, Anna Berg avait affirmé que Karl Lind avait quitté Oslo."],
                               {"Samedi": "2024-05-04"}, sources={"Anna Berg": "Anna Berg avait affirmé"}))
    assert {(c.kind, c.actors) for c in found} == {("depart", ("karl-lind",)), ("declaration", ("anna-berg",))}


def test_events_an_institution_written_in_lower_case_takes_part():
    (found,) = candidates(article("a.txt", ["Le conseil municipal de Lyon a adopté lundi un vœu de soutien."],
                                  {"lundi": "2024-03-11"}))
    assert found.kind == "vote" and found.actors == ("conseil-municipal-de-lyon",)


def test_events_a_speaker_is_the_subject_of_the_relative_clause_that_tells_the_event():
    a = article("a.txt", ["« Le prêt est exceptionnel », souligne Anna Berg, directrice du musée, qui s'est rendue à Oslo en mai 2023."],
                {"en mai 2023": "2023-05"}, sources={"Anna Berg": "souligne Anna Berg"})
    (found,) = candidates(a)
    assert found.kind == "visite" and "anna-berg" in found.actors


def test_events_a_name_belongs_to_its_clause_date_not_to_a_nearer_later_clause():
    a = article("a.txt", ["En mai 2023, Anna Berg a reçu pendant trois longues heures à Oslo les dirigeants de "
                          "l'Agence nordique, puis, en juillet 2024, Karl Lind a démissionné."],
                {"En mai 2023": "2023-05", "en juillet 2024": "2024-07"})
    found = {c.date: set(c.actors) for c in candidates(a)}
    assert "agence-nordique" in found["2023-05"] and "agence-nordique" not in found["2024-07"]


def test_events_a_month_then_its_day_is_one_date():
    a = article("a.txt", ["- Mai 2024 : le 3, Anna Berg signe un accord avec Karl Lind."], {"Mai 2024": "2024-05", "le 3": "2024-05-03"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("signature", "2024-05-03")]


def test_events_announcement_names_who_announced_it():
    (found,) = candidates(article("a.txt", ["L'Agence nordique a annoncé mardi la hausse des tarifs du port."],
                                  {"mardi": "2024-03-12"}, sources={"Agence nordique": "L'Agence nordique a annoncé"}))
    assert found.kind == "annonce" and found.actors == ("agence-nordique",)
    # What it announces is its act: "a annoncé la fermeture du port" is a closure by the agency.
    (found,) = candidates(article("a.txt", ["L'Agence nordique a annoncé mardi la fermeture du port."],
                                  {"mardi": "2024-03-12"}, sources={"Agence nordique": "L'Agence nordique a annoncé"}))
    assert found.kind == "fermeture" and found.actors == ("agence-nordique",)

    # The date beside the event word, the saying verb before it: the speaker still acts.
    (found,) = candidates(article("a.txt", ["L'Agence nordique a annoncé la fermeture du port mardi."],
                                  {"mardi": "2024-03-12"}, sources={"Agence nordique": "L'Agence nordique a annoncé"}))
    assert found.kind == "fermeture" and found.actors == ("agence-nordique",)


def test_events_a_date_takes_the_event_word_no_other_date_stands_nearer_to():
    a = article("a.txt", ["Depuis la rencontre de Bergen, en mai 2024, la Norvège a mis son veto, en mars 2025, au projet."],
                {"en mai 2024": "2024-05", "en mars 2025": "2025-03"})
    found = {c.date: (c.kind, set(c.actors)) for c in candidates(a)}
    # The subject of the clause takes the date set between commas after it, not the earlier one.
    assert found == {"2024-05": ("rencontre", set()), "2025-03": ("vote", {"norvege"})}


def test_events_a_verb_after_a_name_between_commas_is_that_persons_act():
    a = article("a.txt", ["La ministre des Finances, Anna Berg, a annoncé vendredi de nouvelles sanctions contre la Suède."],
                {"vendredi": "2025-02-21"})
    assert [(c.kind, c.date, c.actors[0]) for c in candidates(a)] == [("sanction", "2025-02-21", "anna-berg")]
    # A title before the name between commas.
    a = article("a.txt", ["Le ministre de la Défense, le général Karl Lind, a annoncé vendredi de nouvelles sanctions contre la Suède."],
                {"vendredi": "2025-02-21"})
    assert [(c.kind, c.date, c.actors[0]) for c in candidates(a)] == [("sanction", "2025-02-21", "karl-lind")]
    # An inverted attribution still credits its source: its date is the saying's, not the sanctions'.
    a = article("a.txt", ["Les sanctions frappent la Suède, a annoncé vendredi Anna Berg."], {"vendredi": "2025-02-21"},
                sources={"Anna Berg": "a annoncé vendredi Anna Berg"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("declaration", "2025-02-21")]


def test_events_a_relative_clause_dates_the_event_word_it_describes():
    a = article("a.txt", ["Deux mois après le passage du cyclone Oscar, qui a dévasté Bergen le 14 mars 2025, la loi est votée."],
                {"le 14 mars 2025": "2025-03-14"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("catastrophe", "2025-03-14")]

    # The event word may have its complements before the clause.
    a = article("a.txt", ["Le procès porte sur l'attentat contre le vol de la Nordair, qui avait fait 170 morts en 1989."],
                {"en 1989": "1989"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("attaque", "1989")]
    # A date alone between commas after the clause closes it: the clause's subject made that visit.
    a = article("a.txt", ["Le port a été fermé le 3 juin 2025 par Anna Berg, qui s'était rendue à Bergen, le 2 mai 2025."],
                {"le 3 juin 2025": "2025-06-03", "le 2 mai 2025": "2025-05-02"})
    assert {(c.kind, c.date, "anna-berg" in c.actors) for c in candidates(a)} == {
        ("fermeture", "2025-06-03", True), ("visite", "2025-05-02", True)}


def test_events_dates_a_conjunction_joins_share_the_names_after_them():
    a = article("a.txt", ["En mars puis en juin 2025, Anna Berg a multiplié les allers-retours à Bergen."],
                {"En mars": "2025-03", "en juin 2025": "2025-06"})
    assert {c.date: c.actors for c in candidates(a)} == {"2025-03": ("anna-berg",), "2025-06": ("anna-berg",)}


def test_events_a_short_noun_phrase_in_quotes_names_the_event():
    a = article("a.txt", ["Anna Berg annonce « une journée de deuil national » le 3 juin 2025 à Bergen."],
                {"le 3 juin 2025": "2025-06-03"})
    assert [c.kind for c in candidates(a)] == ["ceremonie"]


def test_events_a_flashback_lends_its_date_to_no_later_paragraph():
    a = article("a.txt", ["Anna Berg a été libérée lundi 9 juin 2025 par la cour de Bergen.",
                          "Elle avait été écrouée le 3 mai 2025 pour purger une peine prononcée le 2 avril 2025 par le tribunal.",
                          "Elle a quitté la prison de Bergen à bord d'une voiture."],
                {"lundi 9 juin 2025": "2025-06-09", "le 3 mai 2025": "2025-05-03", "le 2 avril 2025": "2025-04-02"})
    assert "depart" not in {c.kind for c in candidates(a)}
    # Told in the pluperfect on the day the story tells, it is the story's day ("avaient pris place dimanche").
    a = article("a.txt", ["Près de 3 000 spectateurs avaient pris place dans les tribunes dimanche 8 juin 2025.",
                          "Le FC Bergen a battu Oslo au bout du suspense."], {"dimanche 8 juin 2025": "2025-06-08"})
    assert ("match", "2025-06-08") in {(c.kind, c.date) for c in candidates(a)}


def test_events_members_of_the_one_house_the_article_names_are_that_house():
    told = ["L'Assemblée nationale examine le texte.", "La loi de finances, adoptée le 3 juin 2025 par les députés, est promulguée."]
    a = article("a.txt", told, {"le 3 juin 2025": "2025-06-03"})
    assert [(c.kind, c.actors) for c in candidates(a)] == [("vote", ("assemblee-nationale",))]
    # No house named, no house guessed.
    a = article("a.txt", told[1:], {"le 3 juin 2025": "2025-06-03"})
    assert [(c.kind, c.actors) for c in candidates(a)] == [("vote", ())]


def test_events_an_interviews_speaker_label_takes_no_part_in_what_the_line_tells():
    a = article("a.txt", ["Radio Nord : Le cyclone a frappé Bergen le 3 juin 2025. Vous y étiez ?"], {"le 3 juin 2025": "2025-06-03"})
    assert [c.actors for c in candidates(a)] == [()]


def test_events_a_pronoun_opening_a_sentence_is_the_person_the_last_one_led_to():
    a = article("a.txt", ["Depuis le rejet de son recours par le Parti du progrès le 18 décembre 2024, Anna Berg doit porter "
                          "un bracelet. Elle est convoquée le 28 janvier 2025 devant un juge."],
                {"le 18 décembre 2024": "2024-12-18", "le 28 janvier 2025": "2025-01-28"})
    assert ("2025-01-28", ("anna-berg",)) in [(c.date, c.actors) for c in candidates(a)]


def test_events_an_outlet_that_carries_an_act_takes_no_part_in_it():
    a = article("a.txt", ["Jeudi sur l'AFP, Anna Berg a accusé la Suède d'ingérence."], {"Jeudi": "2025-02-20"})
    assert [c.actors for c in candidates(a)] == [("anna-berg", "suede")]


@pytest.mark.parametrize("sentence, kind", [
    ("Le 3 juin 2025, un orage de grêle a ravagé les vignes de Bergen.", "catastrophe"),
    ("La loi de finances, adoptée le 3 juin 2025 par les députés, entre en vigueur.", "vote"),
    ("Un rapport publié le 3 juin 2025 par l'Agence nordique conclut à une hausse des prix.", "publication"),
    ("Le surlendemain du sommet, le 3 juin 2025, Anna Berg a visité Bergen.", "visite"),
    ("Le 3 juin 2025, Anna Berg a surenchéri devant la presse.", "declaration"),
    ("Le 3 juin 2025, Anna Berg a exhorté Karl Lind à la prudence.", "declaration"),
    ("Quelque 3 000 d'entre eux avaient été dépêchés le 3 juin 2025 vers Bergen.", "deploiement"),
    ("La liaison entre Oslo et Bergen a été rétablie le 3 juin 2025.", "reouverture"),
    ("La Norvège observera le 3 juin 2025 une journée de deuil national.", "ceremonie"),
    ("Le parti, dissous le 3 juin 2025 par décret, a fait appel.", "dissolution"),
    ("Le Roi a désigné le 3 juin 2025 Anna Berg informatrice.", "nomination"),
    ("Le gouvernement a décrété le 3 juin 2025 l'état d'urgence à Bergen.", "etat_urgence"),
    ("Le couvre-feu est entré en vigueur le 3 juin 2025 à Bergen.", "etat_urgence"),
    ("Les troubles ont éclaté le 3 juin 2025 au soir à Bergen.", "manifestation"),
    ("De violents heurts ont opposé le 3 juin 2025 manifestants et policiers.", "manifestation"),
    ("Onze personnes ont été interpellées le 3 juin 2025 à Bergen.", "arrestation"),
    ("Sept personnes, mises en examen, ont été transférées le 3 juin 2025 vers Oslo.", "transfert"),
    ("Il a été mis en examen le 3 juin 2025 pour complicité.", "proces"),
    ("Les transferts de technologies ont doublé le 3 juin 2025, selon l'Agence nordique.", "fait"),
    ("Le 3 juin 2025, Anna Berg a jeté l'éponge après six semaines de négociations.", "demission"),
    ("La ministre a rendu son tablier le 3 juin 2025.", "demission"),
    ("La prestation de serment du gouvernement Berg a eu lieu le 3 juin 2025.", "investiture"),
    ("Le gouvernement a perdu le 3 juin 2025 le vote de confiance.", "confiance"),
    ("Le 3 juin 2025, le Storting lui a refusé sa confiance par 80 voix contre 66.", "confiance"),
    # A crowd that fills the streets invades nothing.
    ("Les partisans d'Anna Berg ont envahi le 3 juin 2025 les rues de Bergen pour manifester.", "manifestation"),
    # A place in a vote is no arrival.
    ("Le parti est arrivé en tête le 3 juin 2025 à Bergen.", "fait"),
    # A vote is won too: no match.
    ("Le référendum, remporté le 3 juin 2025 par le oui, a divisé Bergen.", "election"),
    ("Le 3 juin 2025, la victoire d'Anna Berg à la présidentielle a surpris.", "election"),
])
def test_events_words_of_french_for_more_kinds_of_events(sentence, kind):
    found = candidates(article("a.txt", [sentence], {"le 3 juin 2025": "2025-06-03", "Le 3 juin 2025": "2025-06-03"}))
    assert [c.kind for c in found] == [kind]


def test_events_range_split_by_the_tagger_is_one_event_dated_by_its_start():
    a = article("a.txt", ["Karl Lind, reçu à Oslo du 11 au 13 juillet 2025, a rencontré Anna Berg."],
                {"du 11": "2025-07-11", "au 13 juillet 2025": "2025-07-13"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("rencontre", "2025-07-11")]


def test_events_a_name_belongs_to_the_date_of_its_own_clause():
    a = article("a.txt", ["En juin 2025, Anna Berg a visité Oslo, Karl Lind s'est rendu avec une délégation nombreuse à Bergen en juillet 2025."],
                {"En juin 2025": "2025-06", "en juillet 2025": "2025-07"})
    found = {c.date: set(c.actors) for c in candidates(a)}
    assert found == {"2025-06": {"anna-berg"}, "2025-07": {"karl-lind"}}


@pytest.mark.parametrize("caption, actors", [
    ("Anna Berg à Bergen, le 3 juin 2025. | Agence nordique", {"anna-berg"}),        # the credit took the picture
    ("Anna Berg à Bergen, le 3 juin 2025. © Karl Lind", {"anna-berg"}),
    ("Photo : Anna Berg et Karl Lind à Bergen, le 3 juin 2025.", {"anna-berg", "karl-lind"}),   # a label
])
def test_events_a_captions_credit_takes_no_part(caption, actors):
    found = candidates(article("a.txt", [caption], {"le 3 juin 2025": "2025-06-03"}))
    assert {a for c in found for a in c.actors} == actors


def test_events_candidates_leave_a_broadcasting_channel_out():
    a = article("a.txt", ["Dans une allocution retransmise dimanche par la télévision publique Radio Nord, "
                          "Anna Berg a parlé à Oslo."], {"dimanche": "2024-03-10"})
    (found,) = candidates(a)
    assert "radio-nord" not in found.actors


@pytest.mark.parametrize("first, second", [
    # Participants named differently: the same kind on the same day.
    (("Le 2 mars 2024, Anna Berg a quitté Bergen.", {"2 mars 2024": "2024-03-02"}),
     ("Un convoi est parti le 2 mars 2024 de la Norvège.", {"le 2 mars 2024": "2024-03-02"})),
    # A rare kind in one month, told at two precisions.
    (("Un coup d'État a eu lieu à Oslo le 26 juillet 2023, mené par Karl Lind.", {"le 26 juillet 2023": "2023-07-26"}),
     ("Depuis le coup d'État de juillet 2023, la Norvège est isolée.", {"de juillet 2023": "2023-07"})),
])
def test_events_one_event_across_articles_without_shared_names(first, second):
    events = events_of(article("a.txt", [first[0]], first[1]), article("b.txt", [second[0]], second[1]))
    assert [e.seeds for e in events] == [("a.txt", "b.txt")]


def test_events_undated_report_joins_the_event_dated_elsewhere():
    a = article("a.txt", ["Le tribunal de Lyon a ordonné le 4 mai 2023 la dissolution de l'Olympique lyonnais."],
                {"le 4 mai 2023": "2023-05-04"})
    b = article("b.txt", ["La décision du tribunal de Lyon sur la dissolution de l'Olympique lyonnais surprend."])
    (event,) = events_of(a, b)
    assert event.seeds == ("a.txt", "b.txt") and event.date == "2023-05-04"


def test_events_undated_report_alone_makes_no_event():
    assert events_of(article("a.txt", ["Anna Berg a rencontré Karl Lind à Oslo."])) == ()


# --- Labour conflicts, quotations, occasions -------------------------------------------------

@pytest.mark.parametrize("sentence, dates, expected", [
    ("Le Parti du progrès a déposé le 3 mars 2025 un préavis de grève.", {"le 3 mars 2025": "2025-03-03"},
     [("preavis", "2025-03-03")]),
    ("Des milliers de personnes ont défilé jeudi à Lyon.", {"jeudi": "2025-03-13"}, [("manifestation", "2025-03-13")]),
    ("Les troupes ont défilé jeudi à Oslo.", {"jeudi": "2025-03-13"}, [("defile", "2025-03-13")]),
    ("L'Agence nordique a levé lundi son appel à la grève.", {"lundi": "2025-03-17"}, [("fin_greve", "2025-03-17")]),
    ("Une journée de mobilisation aura lieu le 20 mars 2025.", {"le 20 mars 2025": "2025-03-20"},
     [("journee", "2025-03-20")]),
    ("Anna Berg reçoit les syndicats mardi à Paris.", {"mardi": "2025-03-11"}, [("rencontre", "2025-03-11")]),
    ("À sa sortie de l'hôtel de ville, mardi, Anna Berg a dénoncé un blocage.", {"mardi": "2025-03-11"},
     [("declaration", "2025-03-11")]),
])
def test_events_candidates_tell_labour_conflicts(sentence, dates, expected):
    assert sorted((c.kind, c.date) for c in candidates(article("a.txt", [sentence], dates))) == expected


def test_events_quoted_words_are_not_the_dated_event():
    # The date is the speaker's; the treaty in the quotation is only talked about.
    a = article("a.txt", ["« Ce traité était juste quand nous l'avons signé », a affirmé mercredi Anna Berg."],
                {"mercredi": "2025-03-12"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("declaration", "2025-03-12")]


def test_events_quoted_date_dates_the_quoted_event():
    a = article("a.txt", ["« Nous avons grandi depuis le sommet de 2023 », a dit Anna Berg."], {"de 2023": "2023"})
    assert [(c.kind, c.date) for c in candidates(a)] == [("rencontre", "2023")]


@pytest.mark.parametrize("first, second, day", [
    # One day of strikes told from two cities.
    ("Des milliers de personnes ont manifesté mardi à Lyon contre la réforme.",
     "À Paris, la grève a été très suivie mardi contre la réforme.", "mardi"),
    # One storm told from two towns: a disaster strikes many places at once.
    ("Le cyclone a dévasté Bergen mardi, où des quartiers entiers ont disparu.",
     "Le cyclone a aussi ravagé Oslo mardi, selon les secours.", "mardi"),
    # An arrival and the visit it opens.
    ("Anna Berg est arrivée mardi à Bergen, où elle a rencontré des sinistrés.",
     "Lors de sa visite à Bergen mardi, Anna Berg a promis une loi d'urgence.", "mardi"),
])
def test_events_one_happening_told_by_two_articles_in_other_words(first, second, day):
    a = article("a.txt", [first], {day: "2025-03-11"})
    b = article("b.txt", [second], {day: "2025-03-11"})
    assert [e.seeds for e in events_of(a, b)] == [("a.txt", "b.txt")]


def test_events_a_dated_estimate_is_its_authors_statement():
    a = article("a.txt", ["Le 28 octobre, l'Agence nordique a estimé à 10 000 le nombre de soldats envoyés en Finlande."],
                {"Le 28 octobre": "2024-10-28"}, sources={"Agence nordique": "Agence nordique"})
    found = {(c.kind, c.date): set(c.actors) for c in candidates(a)}
    assert "agence-nordique" in found[("declaration", "2024-10-28")]


def test_events_comme_l_avait_revele_x_dates_its_statement():
    a = article("a.txt", ["Les premiers tirs remontent au 2 janvier, comme l'avait révélé l'Agence nordique le 4 janvier."],
                {"au 2 janvier": "2024-01-02", "le 4 janvier": "2024-01-04"},
                sources={"Agence nordique": "Agence nordique"})
    found = {(c.kind, c.date) for c in candidates(a)}
    assert ("declaration", "2024-01-04") in found and ("essai", "2024-01-04") not in found


def test_events_statement_after_a_meeting_joins_it():
    a = article("a.txt", ["Le 12 mars 2025, Anna Berg reçoit les syndicats à Paris. "
                          "Karl Lind dénonce aussitôt un dialogue de sourds."], {"Le 12 mars 2025": "2025-03-12"})
    (event,) = events_of(a)
    assert event.kind == "rencontre" and set(event.actors) == {"anna-berg", "karl-lind"}


@pytest.mark.parametrize("sentence, dates, kept", [
    ("L'intersyndicale a appelé à la grève le 3 avril 2025.", {"le 3 avril 2025": "2025-04-03"}, True),
    ("Le vaste mouvement de grève de 2019 avait paralysé le pays.", {"de 2019": "2019"}, True),
    # A dated event word tells a reader something even when no one is named.
    ("Découverte en 2011, la comète revient tous les six ans.", {"en 2011": "2011"}, True),
    # A date with no event word is only a fact, and a fact needs someone to be about.
    ("Un calendrier jugé bien trop court le 3 avril 2025.", {"le 3 avril 2025": "2025-04-03"}, False),
])
def test_events_dated_event_word_makes_an_event_without_names(sentence, dates, kept):
    assert bool(events_of(article("a.txt", [sentence], dates))) is kept


def test_events_unnamed_report_joins_the_named_one_of_the_next_day():
    a = article("a.txt", ["Mardi soir, des grévistes ont envahi les voies de la gare de Lyon. "
                          "Mercredi, cette intrusion a été condamnée."],
                {"Mardi soir": "2025-03-11", "Mercredi": "2025-03-12"})
    b = article("b.txt", ["Mercredi, l'intrusion de grévistes sur les voies a été condamnée."], {"Mercredi": "2025-03-12"})
    assert [(e.seeds, e.places) for e in events_of(a, b)] == [(("a.txt", "b.txt"), ("lyon",))]


def test_events_statement_of_a_meeting_day_joins_the_meeting_its_article_tells():
    a = article("a.txt", ["Le 12 mars 2025, Anna Berg reçoit les syndicats à Paris."], {"Le 12 mars 2025": "2025-03-12"})
    b = article("b.txt", ["Le 12 mars 2025, Anna Berg reçoit les syndicats. La réunion tourne court. "
                          "Karl Lind dénonce un gouvernement sourd."], {"Le 12 mars 2025": "2025-03-12"})
    c = article("c.txt", ["Karl Lind a dénoncé le 12 mars 2025 un dialogue de sourds."],
                {"le 12 mars 2025": "2025-03-12"})
    (event,) = events_of(a, b, c)
    assert event.kind == "rencontre" and event.seeds == ("a.txt", "b.txt", "c.txt")


def test_events_match_report_names_a_team_by_its_town():
    a = article("a.txt", ["L'Olympique de Marseille affrontait Bergen le 3 mai 2025. "
                          "Marseille n'avait plus battu Lyon depuis mars 2023."],
                {"le 3 mai 2025": "2025-05-03", "depuis mars 2023": "2023-03"})
    (old,) = [e for e in events_of(a) if e.date == "2023-03"]
    assert "olympique-de-marseille" in old.actors


def test_events_undated_article_takes_the_year_other_articles_give_that_day():
    a = article("a.txt", ["Le 12 mars 2025, Anna Berg a rencontré Karl Lind à Oslo."], {"Le 12 mars 2025": "2025-03-12"})
    b = article("b.txt", ["Le 12 mars, Anna Berg rencontre Karl Lind à Oslo. Le 3 avril, Karl Lind démissionne."],
                {"Le 12 mars": None, "Le 3 avril": None})
    # "le 3 avril" no other article dates keeps no year.
    assert [(e.date, e.seeds) for e in events_of(a, b)] == [("2025-03-12", ("a.txt", "b.txt")), (None, ("b.txt",))]


def test_events_unnamed_report_joins_the_one_named_event_of_its_kind_date_and_words():
    a = article("a.txt", ["Le 4 décembre 2023, la France a achevé le retrait de ses soldats stationnés en Norvège."],
                {"Le 4 décembre 2023": "2023-12-04"})
    b = article("b.txt", ["Ce retrait des soldats, en décembre 2023, a laissé un grand vide."], {"en décembre 2023": "2023-12"})
    c = article("c.txt", ["Le retrait de ses soldats en 2021 par la Suède a surpris."], {"en 2021": "2021"})
    named, unnamed, other = (find_candidates([x], actor_of([x]), TYPES) for x in (a, b, c))
    assert [len(g) for g in adopt([named, unnamed, other], lexicon())] == [2, 1]


def test_events_unnamed_report_needs_the_named_event_date_not_a_vague_member_date():
    a = article("a.txt", ["Le 4 décembre 2023, la France a achevé le retrait de ses soldats stationnés en Norvège.",
                          "Ce retrait des soldats a coûté cher en 2023."], {"Le 4 décembre 2023": "2023-12-04", "en 2023": "2023"})
    b = article("b.txt", ["Un retrait des soldats, le 3 mai 2023, a laissé un grand vide."], {"le 3 mai 2023": "2023-05-03"})
    named, unnamed = (find_candidates([x], actor_of([x]), TYPES) for x in (a, b))
    assert [len(g) for g in adopt([named, unnamed], lexicon())] == [len(named), 1]


def test_events_the_other_leg_of_a_match_is_between_the_same_teams():
    a = article("a.txt", ["L'Olympique lyonnais a battu l'Olympique de Marseille le 3 mai 2025. "
                          "Le match aller, disputé en novembre 2024, s'était soldé par un match nul."],
                {"le 3 mai 2025": "2025-05-03", "en novembre 2024": "2024-11"})
    (old,) = [e for e in events_of(a) if e.date == "2024-11"]
    assert set(old.actors) == {"olympique-lyonnais", "olympique-de-marseille"}


@pytest.mark.parametrize("values, expected", [
    # A vague value agrees with every day it holds: the most precise one half the members share wins.
    (["2024", "2024", "2024-06", "2024-06-19"], "2024-06-19"),
    (["2024", "2024-06-19", "2024-11-09"], "2024-06-19"),       # a tie of days: the first in time
    (["2024-06-19", "2024-11", "2024-11", "2024-11-09"], "2024-11-09"),
    (["2024-FA", "2024-10", "2024"], "2024-10"),
    ([None, None], None),
])
def test_events_consensus_date_is_the_most_precise_most_members_hold(values, expected):
    from types import SimpleNamespace
    from generator.event_groups import consensus_date
    assert consensus_date([SimpleNamespace(date=v) for v in values]) == expected


# --- One event retold by other articles in other words -----------------------------------------

def test_events_a_visit_retold_as_a_meeting_and_a_treaty_is_one_event():
    visit = article("a.txt", ["Jean Martin s'est rendu à Oslo le 4 mai 2022 pour trois jours."],
                    {"4 mai 2022": "2022-05-04"})
    meeting = article("b.txt", ["En mai 2022, Jean Martin et Olav Dahl se sont entretenus à Oslo de la pêche."],
                      {"En mai 2022": "2022-05"})
    treaty = article("c.txt", ["Un accord sur la pêche a été signé par Jean Martin et Olav Dahl en 2022."],
                     {"en 2022": "2022"})
    events = events_of(visit, meeting, treaty)
    assert [e.seeds for e in events if "a.txt" in e.seeds] == [("a.txt", "b.txt", "c.txt")]
    assert next(e for e in events if "a.txt" in e.seeds).date == "2022-05-04"


def test_events_a_vague_retelling_between_two_visits_joins_neither():
    first = article("a.txt", ["Jean Martin s'est rendu à Oslo le 4 mai 2022."], {"4 mai 2022": "2022-05-04"})
    second = article("b.txt", ["Jean Martin s'est rendu à Oslo le 25 mai 2022."], {"25 mai 2022": "2022-05-25"})
    vague = article("c.txt", ["Jean Martin a effectué une visite à Oslo en mai 2022."], {"en mai 2022": "2022-05"})
    assert sorted(e.seeds for e in events_of(first, second, vague)) == [("a.txt",), ("b.txt",), ("c.txt",)]


def test_events_retold_events_need_someone_in_common():
    one = article("a.txt", ["Jean Martin s'est rendu à Oslo le 4 mai 2022."], {"4 mai 2022": "2022-05-04"})
    other = article("b.txt", ["Anna Berg s'est rendue à Oslo en mai 2022."], {"en mai 2022": "2022-05"})
    assert sorted(e.seeds for e in events_of(one, other)) == [("a.txt",), ("b.txt",)]


def test_events_a_sentence_naming_no_one_takes_the_countries_of_its_demonyms():
    told = article("a.txt", ["La Norvège exporte du bois.", "Un convoi de bois norvégien est arrivé à Bergen le 3 mai 2024."],
                   {"3 mai 2024": "2024-05-03"})
    (found,) = [c for c in candidates(told) if c.date == "2024-05-03"]
    assert "norvege" in found.actors
    named = article("b.txt", ["La Norvège exporte du bois.", "Anna Berg est arrivée à Bergen avec du bois norvégien le 3 mai 2024."],
                    {"3 mai 2024": "2024-05-03"})
    (found,) = [c for c in candidates(named) if c.date == "2024-05-03"]
    assert found.actors == ("anna-berg",)     # someone is named: the demonym adds no participant
    agents = article("c.txt", ["La Norvège exporte du bois.", "Anna Berg a rejoint les soldats norvégiens à Bergen le 3 mai 2024."],
                     {"3 mai 2024": "2024-05-03"})
    (found,) = candidates(agents)
    assert found.actors == ("anna-berg", "norvege")   # ... unless it qualifies a state's agents


@pytest.mark.parametrize("sentence, kind", [
    # Troops sent or arriving, however told, are a deployment.
    ("Des soldats de la Norvège ont été envoyés en Finlande en 2023.", "deploiement"),
    ("Les premières troupes de la Norvège sont arrivées en Finlande en 2023.", "deploiement"),
    ("L'arrivée des troupes de la Norvège en Finlande, en 2023, a surpris.", "deploiement"),
    ("Quelque 5 000 hommes de la Norvège ont été envoyés en Finlande en 2023.", "deploiement"),
    ("La Norvège a envoyé quelque 5 000 hommes en Finlande en 2023.", "deploiement"),
    ("Les premiers soldats – plus de 2 000 selon Oslo – sont arrivés en Finlande en 2023.", "deploiement"),
    # A territory taken back, even in scare quotes.
    ("La Norvège a proclamé en 2023 la « libération » complète de la région de Bergen.", "reconquete"),
    ("En 2023, la région de Bergen a été entièrement « libérée », selon Oslo.", "reconquete"),
    ("La Norvège a revendiqué la reconquête de Bergen en 2023.", "reconquete"),
    # Works that start.
    ("Le chantier du nouveau pont sur la rivière, lancé en 2023, avance vite.", "debut_travaux"),
    ("Anna Berg a assisté au lancement des travaux de la gare en 2023.", "debut_travaux"),
    ("En 2023, Karl Lind a posé la première pierre du musée.", "debut_travaux"),
    # A discovery, a craft launched; setting off to discover a town is no discovery.
    ("Découverte en 2023, la comète passera près de la Terre.", "decouverte"),
    ("Le télescope, lancé en 2023, observe la comète.", "essai"),
    ("Le Zéphyr-7 a été tiré en 2023 depuis la côte.", "essai"),
    ("Le Zéphyr-7, testé en 2023, inquiète la région.", "essai"),
    ("En mai 2023, la Norvège a lancé un nouveau timbre.", "fait"),
    ("En 2023, Anna Berg est partie à la découverte de la ville.", "depart"),
    # What starts or ends on a date; beginning to do something is not an event of its own.
    ("Le festival de Bergen débute en 2023.", "debut"),
    ("La saison, qui commence en 2023, sera longue pour Anna Berg.", "debut"),
    ("La mission de Karl Lind s'est achevée en 2023.", "fin"),
    ("Le programme a pris fin en 2023.", "fin"),
    ("La grève des dockers démarre en 2023.", "greve"),
    ("En 2023, Anna Berg a commencé à écrire ses mémoires.", "fait"),
    # A place closed or opened again; running a business is no event.
    ("Le préfet a ordonné la fermeture du restaurant en 2023.", "fermeture"),
    ("Le restaurant n'a pu rouvrir qu'en 2023.", "reouverture"),
    ("Le port a été fermé en 2023.", "fermeture"),
    ("En 2023, Anna Berg a tenu un discours ferme.", "discours"),
    ("En 2023, la société qui exploite le restaurant a changé de nom.", "fait"),
    ("Anna Berg a été destituée par le Parlement en 2023.", "destitution"),
    # "jugé trop court" is deemed, not judged: a fact, not a ruling.
    ("En 2023, le délai a été jugé trop court par Anna Berg.", "fait"),
    ("En 2023, le tribunal a jugé Anna Berg.", "decision"),
    # A facility opens; the opening of a campaign or a trial is the start of something else.
    ("L'usine de Bergen, dont l'ouverture date de 2023, emploie 300 personnes.", "mise_en_service"),
    ("En 2023, Anna Berg a parlé avant l'ouverture officielle de la campagne électorale.", "fait"),
    # A Swiss popular vote; a country's independence, not the value.
    ("Lors de la votation de 2023, les Bernois ont dit non.", "election"),
    ("Le pays n'a plus connu de troubles depuis son indépendance, en 2023.", "independance"),
    ("En 2023, Anna Berg a plaidé pour l'indépendance de la justice.", "fait"),
])
def test_events_kind_of_a_dated_sentence(sentence, kind):
    assert [c.kind for c in candidates(article("a.txt", [sentence], {"2023": "2023"}))] == [kind]








def test_events_one_kind_between_the_same_countries_in_the_same_words_is_one_event():
    one = article("a.txt", ["La Norvège a envoyé des soldats en Finlande en 2023, pour aider son armée."], {"en 2023": "2023"})
    other = article("b.txt", ["À l'automne 2023, la Norvège a déployé des soldats pour aider la Finlande."],
                    {"À l'automne 2023": "2023-FA"})
    assert sorted(e.seeds for e in events_of(one, other) if e.kind == "déploiement") == [("a.txt", "b.txt")]


def test_events_an_undated_event_naming_only_countries_gets_no_page():
    undated = article("a.txt", ["La Norvège a annoncé lundi un plan pour Bergen."], {"lundi": None})
    named = article("b.txt", ["Anna Berg a annoncé lundi un plan pour Bergen."], {"lundi": None})
    assert events_of(undated) == ()
    assert [e.seeds for e in events_of(named)] == [("b.txt",)]


def test_events_a_fact_joins_the_event_it_shares_a_name_with_rather_than_its_articles_other_event():
    summit = article("a.txt", ["Jean Martin et Olav Dahl se sont rencontrés à Bergen le 4 mai 2022."],
                     {"4 mai 2022": "2022-05-04"})
    later = article("b.txt", ["En 2022, à Bergen, Jean Martin venait en demandeur.",
                              "L'usine d'Oslo a été inaugurée fin 2022."],
                    {"En 2022": "2022", "fin 2022": "2022"})
    meeting = next(e for e in events_of(summit, later) if "a.txt" in e.seeds)
    assert meeting.seeds == ("a.txt", "b.txt")


def test_events_a_once_only_event_between_the_same_countries_is_one_event_however_named():
    a = article("a.txt", ["Le traité entre la Norvège et la Suède est entré en vigueur le 4 mai 2024 à Oslo."],
                {"le 4 mai 2024": "2024-05-04"})
    b = article("b.txt", ["Le pacte liant la Suède à la Norvège, entré en vigueur en mai 2024, inquiète Helsinki."],
                {"en mai 2024": "2024-05"})
    groups = [find_candidates([x], actor_of([x]), TYPES) for x in (a, b)]
    assert len(merge_retold(groups)) == 1
    c = article("c.txt", ["La Norvège et la Suède ont tenu en mai 2024 une visite d'État à Bergen."], {"en mai 2024": "2024-05"})
    d = article("d.txt", ["Une visite des dirigeants de la Suède et de la Norvège a eu lieu le 4 mai 2024."],
                {"le 4 mai 2024": "2024-05-04"})
    groups = [find_candidates([x], actor_of([x]), TYPES) for x in (c, d)]
    assert len(merge_retold(groups)) == 2    # a visit happens again: countries alone do not make it one
    # ...but one kind of event in the same country on the same day is one, though no one else is named.
    e = article("e.txt", ["La Norvège et la Suède ont tenu le 4 mai 2024 une visite d'État à Bergen."],
                {"le 4 mai 2024": "2024-05-04"})
    groups = [find_candidates([x], actor_of([x]), TYPES) for x in (e, d)]
    assert len(merge_retold(groups)) == 1


def test_events_candidates_are_read_again_only_where_an_article_or_its_names_changed():
    a = article("a.txt", ["Anna Berg a signé le 3 mars 2021 un accord avec Karl Lind."], {"3 mars 2021": "2021-03-03"})
    b = article("b.txt", ["Jean Martin s'est rendu le 4 mai 2022 à Oslo."], {"4 mai 2022": "2022-05-04"})
    first = find_candidates([a, b], actor_of([a, b]), TYPES)
    again = find_candidates([a, b], actor_of([a, b]), TYPES)
    assert all(x is y for x, y in zip(first, again))
    renamed = {**actor_of([a, b]), ("a.txt", "Anna Berg"): "anna-berg-nielsen"}
    third = find_candidates([a, b], renamed, {**TYPES, "anna-berg-nielsen": "person"})
    assert third[0].actors[0] == "anna-berg-nielsen" and third[1] is first[1]


def test_events_an_undated_this_meeting_is_its_own_article_s_not_another_s():
    # "Cette rencontre" points at the meeting its article just told, whatever the names it shares
    # with a dated meeting of another article.
    dated = article("a.txt", ["Le 3 mai 2024, Anna Berg a rencontré Karl Lind à Oslo."], {"Le 3 mai 2024": "2024-05-03"})
    undated = article("b.txt", ["Anna Berg a visité une école de Bergen, a-t-on appris lundi. "
                                "Cette rencontre avec les élèves a précédé son entretien avec Karl Lind."])
    (event,) = [e for e in events_of(dated, undated) if e.date == "2024-05-03"]
    assert event.seeds == ("a.txt",)


def test_events_a_dated_saying_is_a_statement_beside_the_event_it_tells():
    a = article("a.txt", ["Karl Lind a visité Oslo en 2023, a affirmé le 3 mai 2024 Anna Berg."],
                {"en 2023": "2023", "le 3 mai 2024": "2024-05-03"})
    kinds = {(e.kind, e.date, e.actors) for e in events_of(a)}
    assert ("visite", "2023", ("karl-lind",)) in {(k, d, tuple(x for x in acts if x != "oslo")) for k, d, acts in kinds}
    assert any(k == "déclaration" and d == "2024-05-03" and "anna-berg" in acts for k, d, acts in kinds)


def test_events_articles_on_unrelated_subjects_share_no_event_without_a_participant():
    story = article("a.txt", ["Le 3 mai 2024, un sommet des dirigeants nordiques s'est tenu sur la pêche.",
                              "Les quotas de pêche et la flotte de chalutiers ont dominé les débats."],
                    {"Le 3 mai 2024": "2024-05-03"})
    other = article("b.txt", ["Ce vendredi, les alpinistes se sont rencontrés au refuge.",
                              "Le glacier recule, et les cordées changent d'itinéraire."],
                    {"Ce vendredi": "2024-05-03"})
    same = article("c.txt", ["Le 3 mai 2024, les dirigeants nordiques ont tenu une réunion sur la pêche.",
                             "Les chalutiers et les quotas de pêche étaient au menu."],
                   {"Le 3 mai 2024": "2024-05-03"})
    assert sorted(e.seeds for e in events_of(story, other, same)) == [("a.txt", "c.txt"), ("b.txt",)]


@pytest.mark.parametrize("second, expected", [
    # "les deux pays": the two countries the sentence before named.
    ("Les deux pays ont signé un accord le 3 mai 2024.", ("norvege", "suede")),
    # "les deux hommes": the two people it named.
    ("Les deux hommes ont signé un accord le 3 mai 2024.", ("anna-berg", "karl-lind")),
    # Names of its own come first: no pair is added.
    ("La Finlande a signé un accord le 3 mai 2024.", ("finlande",)),
])
def test_events_the_two_the_text_just_named_take_part(second, expected):
    a = article("a.txt", ["Anna Berg et Karl Lind se connaissent bien, comme la Norvège et la Suède. " + second],
                {"le 3 mai 2024": "2024-05-03"})
    (found,) = [c for c in candidates(a) if c.date == "2024-05-03"]
    assert tuple(x for x in found.actors if x in expected) == expected and len(found.actors) == len(expected)


@pytest.mark.parametrize("second, takes_part", [
    # A sentence that opens on "il" past its date: the person just named did it, however far the verb.
    ("En 2023, il s'est recueilli devant le monument puis a inauguré le musée.", True),
    ("En 2023, il a longuement parlé aux anciens combattants puis a inauguré le musée.", True),
    # "il s'agit", "il y a": nobody.
    ("En 2023, il s'agissait surtout d'inaugurer le musée.", False),
])
def test_events_a_sentence_that_opens_on_a_pronoun_is_the_person_just_named(second, takes_part):
    a = article("a.txt", ["Anna Berg a fait de la mémoire un combat. " + second], {"En 2023": "2023"})
    (found,) = [c for c in candidates(a) if c.date == "2023"]
    assert ("anna-berg" in found.actors) is takes_part


def test_events_an_opening_pronoun_after_a_sentence_on_a_country_is_not_a_person():
    # ("elle" right before the verb stays the person the article follows: the commoner reading.)
    a = article("a.txt", ["La Norvège soutient Anna Berg depuis longtemps. "
                          "En 2023, elle a longuement hésité puis finalement inauguré un musée à Oslo."],
                {"En 2023": "2023"})
    (found,) = [c for c in candidates(a) if c.date == "2023"]
    assert "anna-berg" not in found.actors


def test_events_a_relative_clause_with_a_day_of_its_own_tells_its_own_fact():
    a = article("a.txt", ["Anna Berg, qui avait suspendu le Parlement le 3 mai 2024, a été destituée samedi."],
                {"le 3 mai 2024": "2024-05-03", "samedi": "2024-05-11"})
    assert {(c.kind, c.date) for c in candidates(a)} == {("destitution", "2024-05-11"), ("fait", "2024-05-03")}
    # "depuis" tells a background, not a fact of that day.
    b = article("a.txt", ["Anna Berg, qui dirigeait le pays depuis le 3 mai 2024, a été destituée samedi."],
                {"depuis le 3 mai 2024": "2024-05-03", "samedi": "2024-05-11"})
    assert {(c.kind, c.date) for c in candidates(b)} == {("destitution", "2024-05-11")}


def test_events_an_article_tells_nothing_that_began_after_it_was_written():
    from dataclasses import replace as copy
    later = article("a.txt", ["Le 3 mai 2025, Anna Berg a rencontré Karl Lind à Oslo pour parler de pêche."],
                    {"Le 3 mai 2025": "2025-05-03"})
    earlier = article("b.txt", ["Anna Berg a rencontré Karl Lind à Oslo pour parler de pêche."])
    assert [e.seeds for e in events_of(later, earlier)] == [("a.txt", "b.txt")]
    earlier = copy(earlier, published=Published("2023-12-01", "given"))
    assert [e.seeds for e in events_of(later, earlier)] == [("a.txt",)]


@pytest.mark.parametrize("sentence", [
    "Anna Berg a affirmé mercredi que Karl Lind avait quitté Oslo.",
    "Anna Berg estime aujourd'hui que Karl Lind a quitté Oslo.",
])
def test_events_a_date_between_the_saying_verb_and_que_is_the_saying_s(sentence):
    # What was said keeps no date from it; the statement is the speaker's, that day.
    a = article("a.txt", [sentence], {"mercredi": "2024-05-08", "aujourd'hui": "2024-05-08"},
                sources={"Anna Berg": "Anna Berg"})
    found = find_candidates([a], actor_of([a]), TYPES)
    assert {(c.kind, c.date, c.actors) for c in found} == {("declaration", "2024-05-08", ("anna-berg",)),
                                                           ("depart", None, ("karl-lind",))}


def test_events_the_agency_of_a_wire_dateline_takes_no_part():
    from dataclasses import replace as _replace
    text = "Bergen (Agence nordique) - Le 3 mai 2025, Anna Berg était à Bergen avec ses enfants."
    a = article("a.txt", [text], {"Le 3 mai 2025": "2025-05-03"})
    start = text.index("Agence nordique")
    a = _replace(a, citations=(Citation(Span(0, start, start + len("Agence nordique")), "Agence nordique",
                                        a.sentences[0], "publisher"),))
    assert {x for c in candidates(a) for x in c.actors} == {"anna-berg"}


@pytest.mark.parametrize("forms", [
    ("signent", "signe", "signer", "signes"),          # a verb's persons and participles
    ("ceremonies", "ceremonie"),                       # plural
    ("annoncent", "annonce", "annoncait"),
    ("80e", "80"),
])
def test_events_stem_meets_the_forms_of_one_word(forms):
    assert len({stem(f) for f in forms}) == 1


def test_events_stem_keeps_short_words_whole():
    assert stem("fin") == "fin" and stem("tues") == "tue"


def _cand(seed: str, family: str, date: str, keys: dict[str, float]) -> Candidate:
    """A candidate as clustering leaves it: what the group joins read."""
    return Candidate(seed, 0, Span(0, 0, 1), "", family, family, family, date, "day", date, (), (), keys, frozenset())


def test_events_an_admission_joins_the_one_statement_of_its_day_another_article_tells():
    admitted = [_cand("a.txt", "reconnaissance", "2031-05-03", {"finlande": 1.0, "bergen": 2.0})]
    said = [_cand("b.txt", "annonce", "2031-05-03", {"agence nordique": 2.0, "bergen": 2.0})]
    other_day = [_cand("c.txt", "annonce", "2031-05-04", {"bergen": 2.0})]
    joined = admissions_join([admitted, said, other_day], lexicon())
    assert sorted(sorted(c.seed for c in g) for g in joined) == [["a.txt", "b.txt"], ["c.txt"]]
    # An admission told in its month joins the one statement of a day of that month.
    in_month = [_cand("e.txt", "reconnaissance", "2031-05", {"bergen": 2.0})]
    assert len(admissions_join([in_month, said], lexicon())) == 1
    # Two statements of that day fit: the admission stays alone.
    second = [_cand("d.txt", "declaration", "2031-05-03", {"bergen": 2.0})]
    assert len(admissions_join([admitted, said, second], lexicon())) == 3


def test_events_a_sentence_that_names_no_one_takes_who_its_paragraph_is_about():
    a = article("a.txt", ["Anna Berg préside la fondation depuis dix ans, selon l'AFP. "
                          "Un musée a été inauguré à Bergen le 3 mai 2031."], {"le 3 mai 2031": "2031-05-03"})
    (event,) = events_of(a)
    assert event.date == "2031-05-03" and event.actors == ("anna-berg",)   # the agency tells, takes no part


def test_events_a_date_carried_into_a_shorter_sentence_with_a_date_of_its_own():
    """The carried date stood at its own sentence's position; a shorter sentence with a dated saying ran past its
    end (an IndexError that stopped the whole build)."""
    a = article("a.txt", ["Selon les autorités de la région et les observateurs présents sur place depuis plusieurs jours "
                          "déjà, le 3 mai 2031, Anna Berg a visité Oslo. Elle a inauguré un pont, a déclaré mardi Karl Lind."],
                {"le 3 mai 2031": "2031-05-03", "mardi": "2031-05-06"})
    assert ("ceremonie", "2031-05-03") in {(c.kind, c.date) for c in candidates(a)}


# --- Word counts kept while the process lives (`mkdocs serve`) ---------------------------------

def test_events_word_counts_are_counted_again_only_for_other_articles(monkeypatch):
    from dataclasses import replace as replaced

    from generator import events

    first = article("a.txt", ["Anna Berg a rencontré Karl Lind à Oslo pour parler de la pêche."])
    second = article("b.txt", ["Jean Martin s'est rendu à Paris pour une conférence sur la pêche."])
    before = events._article_vectors((first, second), lexicon())
    counted = []
    real = events.Counter
    monkeypatch.setattr(events, "Counter", lambda *args: counted.append(1) or real(*args))
    assert events._article_vectors((first, second), lexicon()) == before
    assert len(counted) == 1   # the document frequencies only: both articles are the same objects
    counted.clear()
    edited = replaced(second, article=replaced(second.article, blocks=(
        *second.article.blocks, second.article.blocks[0].__class__("paragraph", "Une phrase sur la pêche.", 2, "p1"))))
    monkeypatch.setattr(events, "Counter", real)
    fresh = events._article_vectors((first, edited), lexicon())
    events._COUNTED.clear()
    assert fresh == events._article_vectors((first, edited), lexicon())
    assert set(events._COUNTED) == {id(first.article), id(edited.article)}


@pytest.mark.parametrize("speaker, joined", [
    # Someone who took no part in the meeting reacted elsewhere: a statement of its own ...
    ("Ines Roux, porte-parole de la diplomatie suédoise,", False),
    # ... while one who met spoke there.
    ("Anna Berg", True),
])
def test_events_a_reaction_by_someone_absent_stays_its_own_statement(speaker, joined):
    day = {"Le 12 mars 2025": "2025-03-12", "le 12 mars 2025": "2025-03-12"}
    a = article("a.txt", ["Le 12 mars 2025, Anna Berg a rencontré Karl Lind à Oslo.",
                          "Les deux dirigeants ont discuté de défense pendant trois heures.",
                          "La presse n'a pas été admise dans la salle.",
                          "Les réactions ne se sont pas fait attendre.",
                          f"{speaker} a dénoncé le 12 mars 2025 une alliance dangereuse."], day)
    assert len(events_of(a)) == (1 if joined else 2)


@pytest.mark.parametrize("b_terms, joined", [({"scrutin": 1.0, "reelu": 1.0}, False), ({"peche": 1.0, "barents": 1.0}, True)])
def test_events_an_undated_report_shares_no_one_joins_only_an_event_of_a_related_article(b_terms, joined):
    a = article("a.txt", ["Le 3 juin 2025, Anna Berg a mis en garde Oslo contre toute alliance militaire."],
                {"Le 3 juin 2025": "2025-06-03"})
    b = article("b.txt", ["Karl Lind a mis en garde contre toute alliance militaire."])
    cands = find_candidates([a, b], actor_of([a, b]), TYPES)
    dated, undated = [c for c in cands if c.date], [c for c in cands if c.date_text is None]
    # Two articles on unrelated subjects (their vectors share no term) have a cosine of 0.
    similar = ArticleSimilarity({"a.txt": {"peche": 1.0, "barents": 1.0}, "b.txt": b_terms})
    (group,) = attach([dated], undated, similar=similar)
    assert ({c.seed for c in group} == {"a.txt", "b.txt"}) is joined


def test_events_a_treaty_signed_at_a_summit_joins_the_signing_whichever_word_the_date_took():
    a = article("a.txt", ["Le 3 mars 2025, Anna Berg et Karl Lind ont signé un traité de défense à Oslo."],
                {"Le 3 mars 2025": "2025-03-03"})
    b = article("b.txt", ["Le traité de défense, signé lors du sommet d'Oslo en mars 2025, prévoit une aide mutuelle."],
                {"en mars 2025": "2025-03"})
    assert [e.seeds for e in events_of(a, b)] == [("a.txt", "b.txt")]
