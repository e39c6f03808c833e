"""Export stage: the data files (JSON, CSV, Atom) and JSON-LD, on a small dossier built by hand."""
from __future__ import annotations

import csv
import io
import json
from xml.etree import ElementTree as ET

import pytest
from jinja2 import Environment

from generator.export import FOLDER, atom_feed, csv_cell, dossier, export_files, interval, jsonld, network, to_csv
from generator.model import (Actor, AnnotatedArticle, Article, Block, Corpus, DateMention, Event, EventReport,
                             Mention, Published, Ref, Sidecar, Span)

ATOM = "{http://www.w3.org/2005/Atom}"


def mention(block: int, text: str, needle: str, name: str, kind: str = "person", last: bool = False) -> Mention:
    start = text.rindex(needle) if last else text.index(needle)
    return Mention(Span(block, start, start + len(needle)), needle, name, kind)


def sentences_of(blocks: list[Block]) -> tuple[Span, ...]:
    spans = []
    for i, block in enumerate(blocks):
        start = 0
        for part in block.text.split(". "):
            end = start + len(part) + (0 if part.endswith(".") else 1)
            spans.append(Span(i, start, min(end, len(block.text))))
            start = end + 1
    return tuple(spans)


FIRST = [Block("title", "La ministre Anne Roux reçoit le maire de Lyon", 1, "p1"),
         Block("paragraph", "Anne Roux a reçu Paul Blanc à Lyon. Paul Blanc a remercié Anne Roux.", 3, "p2"),
         Block("paragraph", "=cmd|' /C calc'!A0 et <script>alert(1)</script> & Cie.", 5, "p3")]
SECOND = [Block("title", '=HYPERLINK("http://exemple.org/x";"Paul Blanc en visite à Nantes")', 1, "p1"),
          Block("paragraph", "Le maire Paul Blanc était à Nantes mardi. Anne Roux n’est pas venue.", 2, "p2")]


def small_corpus() -> Corpus:
    first = AnnotatedArticle(
        Article("a.txt", tuple(FIRST), Sidecar(outlet="Le Quotidien", url="https://exemple.fr/a?x=1&y=2")),
        sentences_of(FIRST), Published("2024-03-05", "given"),
        dates=(DateMention(Span(1, 0, 4), "mars", "2024-03", "month", "absolute"),),
        mentions=(mention(0, FIRST[0].text, "Anne Roux", "Anne Roux"),
                  mention(1, FIRST[1].text, "Anne Roux", "Anne Roux"),
                  mention(1, FIRST[1].text, "Paul Blanc", "Paul Blanc"),
                  mention(1, FIRST[1].text, "Lyon", "Lyon", "place"),
                  mention(1, FIRST[1].text, "Paul Blanc", "Paul Blanc", last=True),
                  mention(1, FIRST[1].text, "Anne Roux", "Anne Roux", last=True)))
    second = AnnotatedArticle(
        Article("b.txt", tuple(SECOND)), sentences_of(SECOND), Published(None, "unknown"),
        mentions=(mention(1, SECOND[1].text, "Paul Blanc", "Paul Blanc"),
                  mention(1, SECOND[1].text, "Nantes", "Nantes", "place"),
                  mention(1, SECOND[1].text, "Anne Roux", "Anne Roux")))
    ref = Ref("a.txt", Span(1, 0, 35), FIRST[1].text[:35])
    actors = (Actor("anne-roux", "Anne Roux", "person", roles=("ministre",), refs=(ref,), wikidata="Q1"),
              Actor("lyon", "Lyon", "place", refs=(ref,)),
              Actor("nantes", "Nantes", "place"),
              Actor("paul-blanc", "Paul Blanc", "person", refs=(ref,)))
    events = (Event("rencontre-2024-03", "Rencontre — Anne Roux, Paul Blanc (mars 2024)", "rencontre", "2024-03",
                    "month", ("anne-roux", "paul-blanc"), ("lyon",), (EventReport("a.txt", (ref,), "mars", "2024-03"),)),
              Event("visite", "Visite — Paul Blanc", "visite", None, None, ("paul-blanc",), ("nantes",),
                    (EventReport("b.txt", ()),)))
    actor_of = {("a.txt", "Anne Roux"): "anne-roux", ("a.txt", "Paul Blanc"): "paul-blanc", ("a.txt", "Lyon"): "lyon",
                ("b.txt", "Paul Blanc"): "paul-blanc", ("b.txt", "Nantes"): "nantes", ("b.txt", "Anne Roux"): "anne-roux"}
    return Corpus((first, second), {"a.txt": "ministre-recoit", "b.txt": "visite-nantes"}, actors, events, actor_of)


def rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_export_files_are_the_six_data_files_under_donnees():
    files = export_files(small_corpus())
    assert sorted(files) == sorted(f"{FOLDER}/{name}" for name in
                                   ("dossier.json", "articles.csv", "acteurs.csv", "evenements.csv", "mentions.csv",
                                    "flux.xml"))


def test_export_files_are_deterministic_and_sorted():
    first, second = export_files(small_corpus()), export_files(small_corpus())
    assert first == second
    text = first[f"{FOLDER}/dossier.json"]
    assert text == json.dumps(json.loads(text), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def test_export_mentions_point_at_their_text_in_the_blocks():
    data = dossier(small_corpus())
    blocks = {a["seed"]: a["blocks"] for a in data["articles"]}
    assert data["mentions"]
    for m in data["mentions"]:
        assert blocks[m["seed"]][m["block"]]["text"][m["start"]:m["end"]] == m["text"]


def test_export_mentions_csv_gives_block_offsets_sentence_and_actor():
    files = export_files(small_corpus())
    table = rows(files[f"{FOLDER}/mentions.csv"])
    assert len(table) == 9
    roux = [r for r in table if r["seed"] == "a.txt" and r["block"] == "1" and r["text"] == "Anne Roux"][0]
    assert (roux["start"], roux["end"], roux["sentence"], roux["actor"]) == ("0", "9", "1", "anne-roux")
    again = [r for r in table if r["seed"] == "a.txt" and r["block"] == "1" and r["text"] == "Anne Roux"][1]
    assert (again["start"], again["sentence"]) == (str(FIRST[1].text.rindex("Anne Roux")), "2")


@pytest.mark.parametrize("value, cell", [
    ("=SOMME(A1:A3)", "'=SOMME(A1:A3)"),
    ("+33 1 23 45 67 89", "'+33 1 23 45 67 89"),
    ("-2+3", "'-2+3"),
    ("@import", "'@import"),
    ("\tcaché", "'\tcaché"),
    ("Anne Roux", "Anne Roux"),
    ("2024-03-05", "2024-03-05"),
    (None, ""),
    (3, "3"),
    (["a", "b"], "a | b"),
])
def test_export_csv_cell_defuses_formulas(value, cell):
    assert csv_cell(value) == cell


def test_export_csv_quotes_commas_quotes_and_newlines():
    text = to_csv(["a", "b"], [{"a": 'il a dit "oui", puis\nnon', "b": "=1+1"}])
    assert rows(text) == [{"a": 'il a dit "oui", puis\nnon', "b": "'=1+1"}]


def test_export_csv_files_never_start_a_cell_with_a_formula():
    files = export_files(small_corpus())
    assert "'=HYPERLINK" in files[f"{FOLDER}/articles.csv"]
    for name in ("articles.csv", "acteurs.csv", "evenements.csv", "mentions.csv"):
        for row in csv.reader(io.StringIO(files[f"{FOLDER}/{name}"])):
            assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row), (name, row)


@pytest.mark.parametrize("value, expected", [
    ("2024-03-05", ("2024-03-05", "2024-03-06")),
    ("2024-12-31", ("2024-12-31", "2025-01-01")),
    ("2024-02", ("2024-02-01", "2024-03-01")),
    ("2024-12", ("2024-12-01", "2025-01-01")),
    ("2024", ("2024-01-01", "2025-01-01")),
    ("2024-W01", ("2024-01-01", "2024-01-08")),
    ("2024-Q4", ("2024-10-01", "2025-01-01")),
    ("2024-SP", ("2024-03-01", "2024-06-01")),
    ("2024-WI", ("2024-12-01", "2025-03-01")),
    ("2024-H2", ("2024-07-01", "2025-01-01")),
    ("2024-02-30", (None, None)),
    ("vers 2024", (None, None)),
    (None, (None, None)),
])
def test_export_interval_of_each_precision(value, expected):
    assert interval(value) == expected


def test_export_network_weighs_pairs_by_shared_sentences():
    links = {(l["source"], l["target"]): l for l in network(small_corpus())}
    # Together in two sentences of a.txt; in b.txt they are in different sentences.
    assert links[("anne-roux", "paul-blanc")]["weight"] == 2
    assert links[("anne-roux", "paul-blanc")]["articles"] == 1
    assert links[("lyon", "paul-blanc")]["weight"] == 1
    assert ("anne-roux", "nantes") not in links
    assert all(source < target for source, target in links)


def test_export_events_carry_their_interval_and_pages():
    data = dossier(small_corpus())
    dated, undated = data["events"]
    assert (dated["start"], dated["end"], dated["date_label"]) == ("2024-03-01", "2024-04-01", "mars 2024")
    assert dated["page"] == "evenements/rencontre-2024-03/"
    assert undated["start"] is None and undated["date_label"] == "date inconnue"
    pages = {a["slug"]: a["page"] for a in data["actors"]}
    assert pages["anne-roux"] == "acteurs/anne-roux/" and pages["lyon"] == "lieux/lyon/"


def test_export_atom_feed_parses_escapes_and_orders_newest_first():
    corpus = small_corpus()
    hostile = Block("title", "Titre <b>gras</b> & « guillemets » \x0b", 1, "p1")
    first = corpus.articles[0]
    corpus = Corpus((AnnotatedArticle(Article("a.txt", (hostile, *FIRST[1:]), first.article.sidecar),
                                      first.sentences, first.published, mentions=first.mentions),
                     corpus.articles[1]), corpus.article_slugs, corpus.actors, corpus.events, corpus.actor_of)
    text = atom_feed(corpus)
    feed = ET.fromstring(text.encode("utf-8"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][0] == "Titre <b>gras</b> & « guillemets » "
    assert "<b>" not in text and "&lt;b&gt;" in text
    assert feed.findtext(f"{ATOM}updated") == "2024-03-05T00:00:00Z"
    assert entries[0].findtext(f"{ATOM}published") == "2024-03-05T00:00:00Z"
    # An article with no known date is still a valid entry: it takes the feed's date.
    assert entries[1].findtext(f"{ATOM}updated") == "2024-03-05T00:00:00Z"
    assert entries[1].find(f"{ATOM}published") is None
    links = {link.get("rel"): link.get("href") for link in entries[0].findall(f"{ATOM}link")}
    assert links == {"alternate": "../articles/ministre-recoit/", "via": "https://exemple.fr/a?x=1&y=2"}
    assert [c.get("term") for c in entries[0].findall(f"{ATOM}category")] == ["Anne Roux", "Paul Blanc"]
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == 2


@pytest.mark.parametrize("kind, meta, expected", [
    ("article", {"kind": "article", "title": "Anne Roux &amp; Paul Blanc", "description": "L&#x27;entretien",
                 "published": "2024-03-05", "outlet": "Le Quotidien", "url": "https://exemple.fr/a",
                 "language": "fr", "actors": [{"name": "Anne Roux", "type": "person"}], "countries": ["France"],
                 "places": []},
     {"@type": "NewsArticle", "headline": "Anne Roux & Paul Blanc", "description": "L'entretien",
      "datePublished": "2024-03-05", "publisher": {"@type": "Organization", "name": "Le Quotidien"},
      "isBasedOn": "https://exemple.fr/a", "inLanguage": "fr",
      "mentions": [{"@type": "Person", "name": "Anne Roux"}, {"@type": "Country", "name": "France"}]}),
    ("actor", {"kind": "actor", "title": "Anne Roux", "description": "Anne Roux (personne)", "name": "Anne Roux",
               "type": "person", "aliases": ["A. Roux"], "roles": ["ministre"], "wikidata": "Q1"},
     {"@type": "Person", "name": "Anne Roux", "alternateName": ["A. Roux"], "jobTitle": ["ministre"],
      "description": "Anne Roux (personne)", "sameAs": "https://www.wikidata.org/wiki/Q1"}),
    ("actor", {"kind": "actor", "title": "Mairie", "name": "Mairie", "type": "organisation", "roles": ["x"]},
     {"@type": "Organization", "name": "Mairie"}),
    ("place", {"kind": "place", "title": "Lyon", "name": "Lyon", "type": "place"},
     {"@type": "Place", "name": "Lyon"}),
    ("event", {"kind": "event", "title": "Rencontre", "date": "2024-SP", "actors": ["Anne Roux", "Lyon"],
               "places": ["Lyon"]},
     {"@type": "Event", "name": "Rencontre", "startDate": "2024", "location": [{"@type": "Place", "name": "Lyon"}],
      "attendee": [{"@type": "Person", "name": "Anne Roux"}]}),
    ("index", {"kind": "index", "title": "Chronologie", "description": "2 événements"},
     {"@type": "CollectionPage", "name": "Chronologie", "description": "2 événements"}),
])
def test_export_jsonld_of_each_kind_of_page(kind, meta, expected):
    assert jsonld(kind, meta, small_corpus()) == {"@context": "https://schema.org", **expected}


def test_export_jsonld_through_tojson_cannot_close_its_script():
    meta = {"kind": "article", "title": "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#x27;",
            "actors": []}
    data = jsonld("article", meta, small_corpus())
    assert data["headline"] == "</script><script>alert(1)</script> & '"
    html = Environment(autoescape=False).from_string("{{ data | tojson }}").render(data=data)
    assert "<" not in html and ">" not in html and "&" not in html
    assert json.loads(html) == data


def plain_json(corpus: Corpus) -> str:
    return json.dumps(dossier(corpus), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def test_export_files_with_fragments_are_those_without():
    """Text kept from the last build, by article and by item, makes the same files: cold, warm, and after edits of
    an article, of an actor's slug, of the articles' order, of the actors' names, of a date and a paragraph, and with
    no article at all."""
    from dataclasses import replace

    corpus = small_corpus()
    fragments: dict[bytes, str] = {}
    expected = export_files(corpus)
    assert expected[f"{FOLDER}/dossier.json"] == plain_json(corpus)
    assert export_files(corpus, fragments) == expected
    assert fragments
    assert export_files(corpus, fragments) == expected
    first, second = corpus.articles
    changes = [
        replace(corpus, articles=(replace(first, mentions=first.mentions[:2]), second)),
        replace(corpus, articles=(first, replace(second, mentions=()))),
        replace(corpus, actor_of={**corpus.actor_of, ("b.txt", "Nantes"): "lyon"}),
        replace(corpus, article_slugs={**corpus.article_slugs, "a.txt": "autre"}),
        replace(corpus, articles=(second, first)),
        replace(corpus, actors=tuple(replace(actor, name=f"{actor.name} fils") for actor in corpus.actors)),
        replace(corpus, articles=(replace(first, published=replace(first.published, value="2020-01-02")), second)),
        replace(corpus, articles=(replace(first, article=replace(first.article, blocks=tuple(
            replace(b, text=b.text + " Fin.") if b.kind == "paragraph" else b for b in first.article.blocks))),
            second)),
        replace(corpus, articles=(), actors=(), events=(), actor_of={}),
    ]
    for changed in changes:
        expected = export_files(changed)
        assert expected[f"{FOLDER}/dossier.json"] == plain_json(changed)
        export_files(corpus, fragments)   # the last build: the corpus before the change
        for _ in range(2):   # from the last build's fragments, then from its own
            assert export_files(changed, fragments) == expected


def test_export_fragments_hold_only_what_the_last_build_used():
    from dataclasses import replace

    corpus = small_corpus()
    fragments: dict[bytes, str] = {}
    export_files(corpus, fragments)
    smaller, fresh = replace(corpus, articles=corpus.articles[:1]), {}
    export_files(smaller, fragments)
    export_files(smaller, fresh)
    assert fragments == fresh
