"""Rendering on corpora built by hand: dates as a reader says them, chronology grouping, page caps."""
from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from generator import render
from generator.corpus import link
from generator.knowledge import Knowledge
from generator.model import (AnnotatedArticle, Article, Block, Citation, Corpus, Event, EventReport, Mention, Published,
                             Ref, Span)
from generator.render import render_site, time_tag
from generator.text import french_date


@pytest.mark.parametrize("value, said", [
    ("2025-12-06", "6 décembre 2025"), ("2024-03-01", "1er mars 2024"), ("2024-06", "juin 2024"),
    ("2025-W34", "semaine 34 de 2025"), ("2025-SP", "printemps 2025"), ("2024-Q4", "4e trimestre 2024"),
    ("2024-H1", "1er semestre 2024"), ("2012", "2012"), (None, "date inconnue"),
])
def test_render_french_date(value, said):
    assert french_date(value) == said


@pytest.mark.parametrize("value, attribute", [
    ("2025-12-06", 'datetime="2025-12-06"'), ("2025-W34", 'datetime="2025-W34"'),
    ("2025-SP", 'datetime="2025"'), ("2024-Q4", 'datetime="2024"'),
])
def test_render_time_tag_holds_a_valid_html_datetime(value, attribute):
    assert attribute in time_tag("un jour", value)


def test_render_unresolved_date_is_marked_not_invented():
    assert "datetime" not in time_tag("vendredi", None) and "date-unresolved" in time_tag("vendredi", None)


def article(seed: str, published: str | None, text: str = "Jean Martin parle.") -> AnnotatedArticle:
    blocks = (Block("title", f"Titre {seed.removesuffix('.txt')}", 1, "p1"), Block("paragraph", text, 3, "p2"))
    mention = Mention(Span(1, 0, 11), "Jean Martin", "Jean Martin", "person")
    return AnnotatedArticle(Article(seed, blocks), (Span(0, 0, len(blocks[0].text)), Span(1, 0, len(text))),
                            Published(published, "given" if published else "unknown"), (), (mention,), ())


def event(slug: str, date: str | None, seed: str) -> Event:
    ref = Ref(seed, Span(1, 0, 5), "Phrase.")
    return Event(slug, f"Événement {slug}", "rencontre", date, None, (), (), (EventReport(seed, (ref,)),))


def test_render_chronology_groups_by_year_and_month_without_inventing_days():
    base = link([article("a.txt", "2025-09-01")], Knowledge())
    events = (event("jour", "2025-08-29", "a.txt"), event("semaine", "2025-W34", "a.txt"),
              event("saison", "2025-SP", "a.txt"), event("annee", "2024", "a.txt"), event("flou", None, "a.txt"))
    corpus = Corpus(base.articles, base.article_slugs, base.actors, events, base.actor_of)
    chronology = render_site(corpus)["evenements/index.md"]
    order = [chronology.index(f"Événement {slug}") for slug in ("annee", "saison", "semaine", "jour", "flou")]
    assert order == sorted(order), "vaguer dates first within a year, undated last"
    august = chronology.index("### Août 2025")
    assert chronology.index("Événement saison") < august < chronology.index("Événement semaine")
    assert "## Sans date" in chronology


def test_render_growing_pages_list_the_newest_and_point_to_the_data(monkeypatch):
    monkeypatch.setattr(render, "MAX_LISTED", 2)
    corpus = link([article(f"{n}.txt", f"202{n}-01-0{n + 1}") for n in range(4)], Knowledge())
    page = render_site(corpus)["acteurs/jean-martin.md"]
    assert "Titre 3" in page and "Titre 2" in page and "Titre 0" not in page
    assert page.index("### 2023") < page.index("### 2022")
    assert "Et 2 articles plus anciens" in page and "(../donnees/mentions.csv)" in page


def cited(seed: str, published: str, sources: tuple[str, ...]) -> AnnotatedArticle:
    text = "Le port a rouvert lundi, selon la mairie."
    base = article(seed, published, text)
    citations = tuple(Citation(Span(1, 0, 5), name, Span(1, 0, len(text))) for name in sources)
    return AnnotatedArticle(base.article, base.sentences, base.published, (), (), citations)


def test_render_each_source_has_its_page_and_the_index_one_line():
    corpus = link([cited("a.txt", "2024-01-02", ("AFP", "la mairie")), cited("b.txt", "2024-02-03", ("AFP",)),
                   cited("c.txt", "2024-03-04", ("Élysée", "12 témoins"))], Knowledge())
    pages = render_site(corpus)
    index = pages["sources/index.md"]
    assert [line for line in index.splitlines() if line.startswith("- ")] == [
        "- [12 témoins](12-temoins.md) (1 article)", "- [AFP](afp.md) (2 articles)",
        "- [Élysée](elysee.md) (1 article)", "- [la mairie](la-mairie.md) (1 article)"]
    assert [line for line in index.splitlines() if line.startswith("## ")] == ["## 0–9", "## A", "## E", "## L"]
    assert "port a rouvert" not in index   # the sentences are on each source's page
    afp = pages["sources/afp.md"]
    assert "kind" in afp and "(../articles/titre-a.md)" in afp and "(../articles/titre-b.md)" in afp
    assert afp.count("« Le port a rouvert lundi&#44; selon la mairie&#46; »") == 2
    assert "(../sources/afp.md)" in pages["articles/titre-a.md"]   # the article links the source's page


def test_render_source_page_lists_the_newest_articles(monkeypatch):
    monkeypatch.setattr(render, "MAX_LISTED", 2)
    corpus = link([cited(f"{n}.txt", f"202{n}-01-0{n + 1}", ("AFP",)) for n in range(4)], Knowledge())
    page = render_site(corpus)["sources/afp.md"]
    assert "Titre 3" in page and "Titre 2" in page and "Titre 0" not in page
    assert page.index("## 2023") < page.index("## 2022") and "Et 2 articles plus anciens" in page


def test_render_equal_page_keys_mean_equal_pages():
    """A page's key stands for its text: whatever changed elsewhere in the corpus, an equal key, an equal page."""
    base = [cited("a.txt", "2024-01-02", ("AFP",)), cited("b.txt", "2024-02-03", ("AFP", "la mairie")),
            article("c.txt", "2024-03-04")]
    retitled = Article("b.txt", (Block("title", "Un autre titre", 1, "p1"), *base[1].article.blocks[1:]))
    changes = [base[:2] + [article("c.txt", "2024-03-05")], [base[0], replace(base[1], article=retitled), base[2]],
               base[:2], base + [article("d.txt", None, "Jean Martin et Paul Durand parlent.")]]
    before = {path: (page.key(), page.render()) for path, page in render.plan_site(link(base, Knowledge())).items()}
    for articles in changes:
        after = {path: (page.key(), page.render()) for path, page in
                 render.plan_site(link(articles, Knowledge())).items()}
        same = [path for path in before.keys() & after.keys() if before[path][0] == after[path][0]]
        assert same and all(before[path][1] == after[path][1] for path in same)
        assert any(before[path][0] != after[path][0] for path in before.keys() & after.keys())


def test_render_an_article_from_the_cache_is_keyed_by_its_entry(tmp_path):
    """An article read from the cache stands in its page's key as its entry's key: the same entry, the same key;
    another entry, or the same article not from the cache, another key."""
    from generator.cache import ArticleCache, _MEMORY

    _MEMORY.clear()
    store = ArticleCache(tmp_path, Knowledge())
    first, second = article("a.txt", "2024-01-02"), article("a.txt", "2024-01-03")

    def page(value) -> render.Page:
        pages = render.plan_site(link([value], Knowledge()))
        return next(p for name, p in pages.items() if name.startswith("articles/") and not name.endswith("index.md"))

    plain = page(first).key()
    store.put("1" * 64, first)
    assert page(first).key() != plain and page(first).key() == page(first).key()
    store.put("2" * 64, second)
    assert page(second).key() != page(first).key()
    assert page(second).render() != page(first).render()
    _MEMORY.clear()


def test_render_a_seat_is_a_place_where_the_article_goes_and_a_body_where_it_speaks():
    text = "Elle a été reçue au Kremlin. Selon le Kremlin, la visite durera deux jours."
    blocks = (Block("title", "Titre", 1, "p1"), Block("paragraph", text, 3, "p2"))
    at, by = text.index("Kremlin"), text.rindex("Kremlin")
    mentions = (Mention(Span(1, at, at + 7), "Kremlin", "Kremlin", "place"),
                Mention(Span(1, by, by + 7), "Kremlin", "Kremlin", "organisation"))
    only_there = (mentions[0],)
    for found, actor in ((mentions, True), (only_there, False)):
        annotated = AnnotatedArticle(Article("k.txt", blocks), (Span(0, 0, 5), Span(1, 0, len(text))),
                                     Published(None, "unknown"), (), found, ())
        page = render_site(link([annotated], Knowledge()))["articles/titre.md"]
        meta = yaml.safe_load(page.split("---\n")[1])
        assert "Kremlin" in meta["places"]
        assert ("Kremlin" in [a["name"] for a in meta["actors"]]) is actor


def test_render_a_live_pages_day_headings_are_its_sections():
    lines = ("Mercredi 19 mars", "Le bilan s'alourdit.", "Mardi 18 mars", "La crue atteint son pic.", "Fin du direct.")
    blocks = (Block("title", "Crue, en direct", 1, "p1"),
              *(Block("dateline" if line[0].isupper() and "mars" in line else "paragraph", line, i + 3, f"p{i + 2}")
                for i, line in enumerate(lines)))
    annotated = AnnotatedArticle(Article("d.txt", blocks), tuple(Span(i, 0, len(b.text)) for i, b in enumerate(blocks)),
                                 Published("2025-03-19", "given"), (), (), ())
    page = render_site(link([annotated], Knowledge()))["articles/crue-en-direct.md"]
    assert "## Mercredi 19 mars" in page and "## Mardi 18 mars" in page


@pytest.mark.parametrize("sentence, shown", [
    ("Le port a rouvert lundi.", "« Le port a rouvert lundi. »"),
    ("«Nous partirons», a-t-il dit.", "« «Nous partirons», a-t-il dit. »"),   # a quotation inside: still wrapped
    ("« Nous partirons demain. »", "« Nous partirons demain. »"),           # already a quotation
])
def test_render_cited_sentences_are_quoted_once(sentence, shown):
    assert render.quoted(sentence) == shown


@pytest.mark.parametrize("title, description", [
    ("Rencontre — Anna Berg (3 mars 2025)", "Rencontre — Anna Berg (3 mars 2025), rapporté par 1 article(s)."),
    ("Le sommet de Tromsø", "Le sommet de Tromsø (3 mars 2025), rapporté par 1 article(s)."),
])
def test_render_event_description_tells_the_date_once(title, description):
    base = link([article("a.txt", "2025-09-01")], Knowledge())
    ev = replace(event("sommet", "2025-03-03", "a.txt"), title=title)
    corpus = Corpus(base.articles, base.article_slugs, base.actors, (ev,), base.actor_of)
    page = render_site(corpus)["evenements/sommet.md"]
    assert yaml.safe_load(page.split("---")[1])["description"] == description


class _Reading(dict):
    """A table of render._Site that logs each key a planner asks for ("*": all of them)."""

    def __init__(self, data: dict, log: list, name: str) -> None:
        super().__init__(data)
        self.log, self.name = log, name

    def __getitem__(self, key):
        self.log.append((self.name, key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.log.append((self.name, key))
        return super().get(key, default)

    def __contains__(self, key):
        self.log.append((self.name, key))
        return super().__contains__(key)

    def __iter__(self):
        self.log.append((self.name, "*"))
        return super().__iter__()

    def items(self):
        self.log.append((self.name, "*"))
        return super().items()

    def keys(self):
        self.log.append((self.name, "*"))
        return super().keys()

    def values(self):
        self.log.append((self.name, "*"))
        return super().values()


class _CorpusReading:
    """The Corpus as a planner sees it: every field it reads is logged, its tables key by key."""

    def __init__(self, corpus: Corpus, log: list) -> None:
        self._corpus, self._log = corpus, log

    def __getattr__(self, name):
        value = getattr(self._corpus, name)
        if isinstance(value, dict):
            return _Reading(value, self._log, f"corpus.{name}")
        self._log.append((f"corpus.{name}", "*"))
        return value


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory):
    """The seeds' corpus, its articles read from a cache (so that each stands for its entry's key)."""
    import os

    from generator import cache
    from generator.site import Report, read_corpus
    from tests.conftest import ROOT, SEEDS

    before = os.environ.get(cache.ENV)
    os.environ[cache.ENV] = str(tmp_path_factory.mktemp("cache"))
    try:
        return read_corpus(SEEDS, ROOT / "dossier.yml", Report())
    finally:
        os.environ.pop(cache.ENV) if before is None else os.environ.__setitem__(cache.ENV, before)


def _logging_site(corpus: Corpus) -> tuple[render._Site, list]:
    site, log = render._Site(corpus), []
    for actor in corpus.actors:   # what each page's reads hold, computed before the planners are watched
        site.actor_reads(actor)
    for name, value in list(vars(site).items()):
        if isinstance(value, dict):
            setattr(site, name, _Reading(value, log, name))
    site.corpus = _CorpusReading(corpus, log)
    return site, log


def test_render_an_actor_page_planner_reads_only_what_its_reads_hold(seed_corpus):
    """An actor's page is taken from the last build when `actor_reads` is the same: a planner that reads
    anything those reads do not hold (another table, another article, another actor) fails here."""
    corpus = seed_corpus
    site, log = _logging_site(corpus)
    assert any(site.actor_reads(actor) is not None for actor in corpus.actors)
    companions_seen = 0
    for actor in corpus.actors:
        seeds = {ref.seed for ref in actor.refs}
        companions = {slug for seed in seeds for slug in site.slugs_of_article[seed]}
        allowed = {"articles": seeds, "titles": seeds, "newest_first": seeds, "slugs_of_article": seeds,
                   "corpus.article_slugs": seeds, "actor_links": companions, "events_of_actor": {actor.slug}}
        log.clear()
        site.actor_page(actor)
        companions_seen += sum(table == "actor_links" for table, _ in log)
        assert [(table, key) for table, key in log if key not in allowed.get(table, ())] == [], actor.slug
    assert companions_seen   # the seeds' actors have companions: the walk saw them read


def test_render_an_event_page_planner_reads_only_what_its_reads_hold(seed_corpus):
    corpus = seed_corpus
    assert corpus.events
    site, log = _logging_site(corpus)
    assert any(site.event_reads(event) is not None for event in corpus.events)
    for event in corpus.events:
        seeds = {report.seed for report in event.reports}
        slugs = {*event.actors, *event.places}
        names = {site.actor_links[slug].name for slug in slugs if slug in dict(site.actor_links)}
        allowed = {"articles": seeds, "titles": seeds, "corpus.article_slugs": seeds, "actor_links": slugs,
                   "actors": slugs, "name_types": names}
        log.clear()
        site.event_page(event)
        assert [(table, key) for table, key in log if key not in allowed.get(table, ())] == [], event.slug


def test_render_a_page_whose_reads_are_the_same_keeps_the_last_key(seed_corpus):
    """Planned again from the last build's reads: the same keys as planned afresh; a companion renamed in
    another article's page, and an event retitled, are planned again with their new keys."""
    corpus = seed_corpus
    fresh = {path: page.key() for path, page in render.plan_site(corpus).items()}
    render.plan_site(corpus, remember=True)
    again = render.plan_site(corpus, remember=True)
    kept = [path for path, page in again.items() if isinstance(page, render.Unplanned)]
    assert kept and {path: page.key() for path, page in again.items()} == fresh
    assert all(path.startswith((render.FOLDERS["actor"], render.FOLDERS["place"], render.FOLDERS["event"]))
               for path in kept)
    site = render._Site(corpus)
    renamed = next(a for a in corpus.actors if any(site.slugs_of_article[r.seed] - {a.slug} for r in a.refs))
    actors = tuple(replace(a, name=a.name + " Bis") if a is renamed else a for a in corpus.actors)
    events = tuple(replace(e, title=e.title + " bis") if n == 0 else e for n, e in enumerate(corpus.events))
    changed = replace(corpus, actors=actors, events=events)
    planned = render.plan_site(changed, remember=True)
    assert {path: page.key() for path, page in planned.items()} == {
        path: page.key() for path, page in render.plan_site(changed).items()}
    assert sum(isinstance(page, render.Page) and path != site.actor_path(renamed)
               and path.startswith(render.FOLDERS["actor"]) for path, page in planned.items())
