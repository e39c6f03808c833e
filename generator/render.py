"""Render stage: Corpus -> {path under docs/: Markdown page}. Pure; templates beside it.

Every value a template prints is escaped by default (`finalize`), so only fragments
built here as Markup — our own links, anchors and tags — reach the page as syntax.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import partial
from itertools import groupby
from pathlib import Path
from typing import NamedTuple

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .cache import entry_key
from .dates_published import day_headings
from .corpus import PLACE_TYPES
from .events import interval as covered_days
from .export import export_files, jsonld
from .markup import attributes, description, front_matter, html_text, inline, link, safe_url
from .model import Actor, AnnotatedArticle, Block, Corpus, Event, Span
from .slugs import SlugRegistry, slugify
from .text import MONTHS, french_date as format_date
from .versions import versions

FOLDERS = {"article": "articles", "actor": "acteurs", "place": "lieux", "event": "evenements", "source": "sources",
           "data": "donnees"}
# Pages that grow with the corpus show the newest of their items and point to the data files for all.
MAX_LISTED = 100
TYPE_LABELS = {"person": "personne", "organisation": "organisation", "country": "pays", "place": "lieu"}
STATUS_LABELS = {"given": "date donnée", "inferred": "date déduite du texte", "unknown": "date inconnue"}
# Values HTML's <time datetime> accepts; seasons and quarters fall back to their year.
_TIME_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True,
                      finalize=lambda value: value if isinstance(value, Markup) else inline(str(value)))
    env.globals.update(link=link, attributes=attributes, inline=inline)
    env.filters["articles"] = lambda n: f"{n} article{'s' if n > 1 else ''}"
    env.filters["quoted"] = quoted
    env.filters["groupby_year"] = lambda articles: [
        (year, list(group)) for year, group in groupby(articles, key=lambda a: (a.published or "")[:4]
                                                       or "Date inconnue")]
    return env


def quoted(sentence: str) -> str:
    """A sentence between guillemets, unless it is already a quotation ("« Nous partirons », a-t-il dit" is not)."""
    text = sentence.strip()
    if text[:1] in "«“\"" and text[-1:] in "»”\"":
        return text
    return f"« {text} »"


_ENV = _environment()


def render_site(corpus: Corpus) -> dict[str, str]:
    """Every generated page, keyed by its path relative to docs/."""
    pages: dict[str, str] = {path: page.render() for path, page in plan_site(corpus).items()}
    pages.update(export_files(corpus))
    return pages


def plan_site(corpus: Corpus, remember: bool = False) -> dict[str, Page | Unplanned]:
    """Every page as a Page (the data files aside), keyed by its path relative to docs/; nothing rendered yet.

    `remember` (a process that builds again, `mkdocs serve`): an actor's or an event's page whose planner reads
    what it read for the last such build (`_READ`) is not planned again, but stands as an Unplanned with the
    key of that build's Page; what each planner read is kept for the next."""
    site = _Site(corpus)
    pages: dict[str, Page | Unplanned] = {}
    for annotated in corpus.articles:
        pages[site.article_path(annotated.article.seed)] = site.article_page(annotated)
    read: dict[str, tuple[tuple, Page]] | None = {} if remember else None
    for actor in corpus.actors:
        pages[site.actor_path(actor)] = _planned(site.actor_path(actor), partial(site.actor_reads, actor),
                                                 partial(site.actor_page, actor), read)
    for event in corpus.events:
        path = f"{FOLDERS['event']}/{event.slug}.md"
        pages[path] = _planned(path, partial(site.event_reads, event), partial(site.event_page, event), read)
    pages.update(site.source_pages())
    pages.update(site.index_pages())
    if read is not None:
        _READ.clear()
        _READ.update(read)
    return pages


def remember_pages(corpus: Corpus) -> None:
    """Plan and key the pages that the next build of this process may take as they are (`_READ`): for the first
    build of `mkdocs serve`, which found nothing changed, so that the first edit plans only what it changed."""
    plan_site(corpus, remember=True)
    for _, page in _READ.values():
        page.key()


class Unplanned(NamedTuple):
    """A page whose planner reads the same values as for the last build's Page of its path: that Page's key,
    and the planner, called only if the page must be written."""
    last: Page
    plan: Callable[[], Page]

    def key(self) -> str:
        return self.last.key()

    def render(self) -> str:
        return self.plan().render()


# The last build's actor and event pages, by path, with what their planner read (`_Site.actor_reads`,
# `_Site.event_reads`): while the process lives (`mkdocs serve`), planning and keying them again cost 0.5
# CPU-s per build at 1,000 articles, for pages nearly all the same.
_READ: dict[str, tuple[tuple, Page]] = {}


def _planned(path: str, reads_of: Callable[[], tuple | None], plan: Callable[[], Page],
             read: dict[str, tuple[tuple, Page]] | None) -> Page | Unplanned:
    if read is None:
        return plan()
    reads, last = reads_of(), _READ.get(path)
    if reads is not None and last is not None and last[0] == reads:
        read[path] = last
        return Unplanned(last[1], plan)
    page = plan()
    if reads is not None:
        read[path] = (reads, page)
    return page


@dataclass(frozen=True)
class Page:
    """One page before it is written: the function that writes it and everything that function reads.

    A renderer is a module-level function of its inputs only (plain values and frozen records, never
    the Corpus), so two Pages with equal inputs give the same text and `key` can stand for the text.
    """
    renderer: Callable[..., str]
    inputs: dict

    def key(self) -> str:
        """sha256 of the renderer and the repr of its inputs (repr tells apart any two different values); an
        article read from the cache stands there as its entry's key, the digest of all it is made from.
        Computed once per Page (a last build's page stands for its path while its planner's reads are the same)."""
        known = self.__dict__.get("_key")
        if known is not None:
            return known
        inputs = {name: _CacheEntry(entry) if isinstance(value, AnnotatedArticle) and (entry := entry_key(value))
                  else value for name, value in self.inputs.items()}
        key = hashlib.sha256(f"{self.renderer.__name__}\n{inputs!r}".encode()).hexdigest()
        object.__setattr__(self, "_key", key)   # not a field: equality and repr stay those of the inputs
        return key

    def render(self) -> str:
        return self.renderer(**self.inputs)

    def plan(self) -> Page:
        return self


class _CacheEntry(NamedTuple):
    """An input of a Page's key: the annotation of the cache entry of this key (cache.entry_key)."""
    key: str


class ActorLink(NamedTuple):
    """What a page shows of another actor: its name and where its page is."""
    slug: str
    name: str
    type: str


class EventLink(NamedTuple):
    slug: str
    title: str
    articles: int = 0


class ArticleLine(NamedTuple):
    """An article as the indexes list it."""
    title: str
    slug: str
    published: str | None
    status: str
    outlet: str | None


class Links(NamedTuple):
    """The other pages a page links to: article titles and slugs, paragraph anchors, source slugs.

    Only what the page needs is in it: a lookup the page's inputs forgot fails loudly (KeyError).
    """
    titles: dict[str, str] = {}
    slugs: dict[str, str] = {}
    anchors: dict[tuple[str, int], str] = {}
    sources: dict[str, str] = {}

    def href(self, path: str) -> str:
        """A link from any page one folder deep to `path`."""
        return f"../{path}"

    def actor_path(self, actor) -> str:
        return _actor_path(actor)

    def article_path(self, seed: str) -> str:
        return f"{FOLDERS['article']}/{self.slugs[seed]}.md"

    def article_title(self, seed: str) -> str:
        return self.titles[seed]

    def sentence_anchor(self, seed: str, span: Span) -> str:
        return f"{self.href(self.article_path(seed))}#{self.anchors[(seed, span.block)]}"

    def source_path(self, name: str) -> str:
        return f"{FOLDERS['source']}/{self.sources[name]}.md"


def _actor_path(actor) -> str:
    return f"{FOLDERS['place' if actor.type in PLACE_TYPES else 'actor']}/{actor.slug}.md"


def home_summary(corpus: Corpus, limit: int = 5) -> str:
    """Figures, latest articles, recent events and most cited actors, for the hand-written home page."""
    dated = sorted((a for a in corpus.articles if a.published.value), key=lambda a: a.published.value)
    latest = sorted(corpus.articles, key=lambda a: (a.published.value is None, _negated(a.published.value or ""),
                                                    a.article.title))[:limit]
    events = _chronological(corpus.events)
    years = [e.date[:4] for e in events if e.date]
    people = [a for a in corpus.actors if a.type not in PLACE_TYPES]
    cited = sorted(((a, len({r.seed for r in a.refs})) for a in people), key=lambda p: (-p[1], p[0].name))
    return _ENV.get_template("home.md.j2").render(
        articles=corpus.articles, first=dated[0].published.value if dated else None,
        last=dated[-1].published.value if dated else None, people=len(people),
        places=len(corpus.actors) - len(people), events=events, span=(years[0], years[-1]) if years else None,
        latest=[_line(corpus, a) for a in latest], recent=[e for e in events if e.date][-limit:][::-1],
        cited=cited[:8], format_date=format_date)


def _line(corpus: Corpus, annotated: AnnotatedArticle) -> ArticleLine:
    article = annotated.article
    return ArticleLine(article.title, corpus.article_slugs[article.seed], annotated.published.value,
                       annotated.published.status, article.sidecar.outlet)


def time_tag(text: str, value: str | None) -> Markup:
    if value is None:
        return Markup(f'<span class="date-unresolved">{inline(text)}</span>')
    machine = value if _TIME_VALUE.match(value) else value[:4]
    return Markup(f'<time datetime="{machine}">{inline(text)}</time>')


class _Site:
    """Lookups shared by the page planners; one per build. Planning gathers each page's inputs, no more."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.actors = {a.slug: a for a in corpus.actors}
        # Made once: 1,200 actor pages list up to 100 articles and hundreds of companions each.
        self.actor_links = {slug: ActorLink(slug, a.name, a.type) for slug, a in self.actors.items()}
        self.articles = {a.article.seed: a for a in corpus.articles}
        self.titles = {seed: a.article.title for seed, a in self.articles.items()}   # a property, read 20,000 times
        self.newest_first = {seed: (value == "", _negated(value), seed)
                             for seed, value in ((s, a.published.value or "") for s, a in self.articles.items())}
        self.events_of_article: dict[str, list[Event]] = defaultdict(list)
        self.events_of_actor: dict[str, list[Event]] = defaultdict(list)
        for event in _chronological(corpus.events):
            for seed in event.seeds:
                self.events_of_article[seed].append(event)
            for slug in (*event.actors, *event.places):
                self.events_of_actor[slug].append(event)
        # source name -> seed -> the sentences crediting it; one page per source, slugs claimed in name order
        self.cited: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for annotated in corpus.articles:
            for name, sentences in _sources_of(annotated).items():
                self.cited[name][annotated.article.seed] = sentences
        self.cited = dict(sorted(self.cited.items()))
        registry = SlugRegistry()
        self.source_slugs = {name: registry.claim(name, name, "source") for name in self.cited}
        # The actors each article names, for "appears with" (the slugs a mention resolves to).
        self.slugs_of_article = {seed: {slug for m in a.mentions if (slug := corpus.actor_of.get((seed, m.name)))}
                                 for seed, a in self.articles.items()}
        # jsonld names attendees and places by name; the last actor of a name gives its type, as it always did.
        self.name_types = {a.name: a.type for a in corpus.actors}
        self.article_reads: dict[str, tuple[str, str] | None] = {}
        self.named_reads: dict[str, tuple[ActorLink, ...]] = {}

    # --- paths -----------------------------------------------------------------
    def article_path(self, seed: str) -> str:
        return f"{FOLDERS['article']}/{self.corpus.article_slugs[seed]}.md"

    def actor_path(self, actor: Actor) -> str:
        return _actor_path(actor)

    def article_read(self, seed: str) -> tuple[str, str] | None:
        """What a page listing the article reads of it: its cache entry's key (its title, date, blocks' anchors),
        its slug; None when it has no entry's key (then the page is planned)."""
        if seed not in self.article_reads:
            entry = entry_key(self.articles[seed])
            self.article_reads[seed] = (entry, self.corpus.article_slugs[seed]) if entry else None
        return self.article_reads[seed]

    def actor_reads(self, actor: Actor) -> tuple | None:
        """All actor_page(actor) reads: the actor, each article it lists and the actors that article names
        (its companions), its events; None when one of those articles has no cache entry's key."""
        seeds = dict.fromkeys(ref.seed for ref in actor.refs)
        articles = tuple(self.article_read(seed) for seed in seeds)
        if None in articles:
            return None
        return actor, articles, tuple(map(self.named_read, seeds)), tuple(
            (e.slug, e.title) for e in self.events_of_actor.get(actor.slug, ()))

    def named_read(self, seed: str) -> tuple[ActorLink, ...]:
        """The actors an article names, as an actor's page lists them among its companions."""
        if seed not in self.named_reads:
            self.named_reads[seed] = tuple(self.actor_links[slug] for slug in sorted(self.slugs_of_article[seed]))
        return self.named_reads[seed]

    def event_reads(self, event: Event) -> tuple | None:
        """All event_page(event) reads: the event, its actors and places (and the type of their names), the
        articles that report it; None when one of those articles has no cache entry's key."""
        articles = tuple(self.article_read(seed) for seed in dict.fromkeys(r.seed for r in event.reports))
        if None in articles:
            return None
        links = tuple(self.actor_links.get(slug) for slug in (*event.actors, *event.places))
        return event, articles, links, tuple(self.name_types.get(link.name) for link in links if link)

    def actor_of(self, seed: str, name: str) -> Actor | None:
        slug = self.corpus.actor_of.get((seed, name))
        return self.actors.get(slug) if slug else None

    def links(self, seeds: Iterable[str] = (), refs: Iterable[tuple[str, Span]] = (),
              sources: Iterable[str] = ()) -> Links:
        """The Links of a page that lists `seeds`, points to the sentences `refs` and names `sources`."""
        seeds = list(dict.fromkeys(seeds))
        anchors = {}
        for seed, span in refs:
            anchors[(seed, span.block)] = self.articles[seed].article.blocks[span.block].anchor
        return Links({seed: self.titles[seed] for seed in seeds},
                     {seed: self.corpus.article_slugs[seed] for seed in seeds}, anchors,
                     {name: self.source_slugs[name] for name in sources})

    # --- article ---------------------------------------------------------------
    def article_page(self, annotated: AnnotatedArticle) -> Page:
        seed = annotated.article.seed
        mention_links: dict[str, ActorLink] = {}
        for m in annotated.mentions:
            if m.name not in mention_links and (actor := self.actor_of(seed, m.name)):
                mention_links[m.name] = ActorLink(actor.slug, actor.name, actor.type)
        events = tuple((EventLink(e.slug, e.title), tuple(sorted({r.sentence.block for rep in e.reports
                                                                  if rep.seed == seed for r in rep.refs})))
                       for e in self.events_of_article.get(seed, []))
        sources = {c.source for c in annotated.citations}
        return Page(_article_page, {"annotated": annotated, "mention_links": mention_links, "events": events,
                                    "links": self.links(sources=sorted(sources))})

    def _by_year(self, by_article: dict) -> list[tuple[str, list]]:
        """The newest MAX_LISTED articles' items, grouped by year of publication (undated last)."""
        def published(seed: str) -> str:
            return self.articles[seed].published.value or ""
        newest = sorted(by_article, key=self.newest_first.__getitem__)
        groups = groupby(newest[:MAX_LISTED], key=lambda seed: published(seed)[:4] or "Date inconnue")
        return [(year, [(seed, by_article[seed]) for seed in seeds]) for year, seeds in groups]

    # --- actor -----------------------------------------------------------------
    def actor_page(self, actor: Actor) -> Page:
        by_article = {seed: tuple(refs) for seed, refs in groupby(actor.refs, key=lambda r: r.seed)}
        companions: Counter[str] = Counter()
        for seed in by_article:
            companions.update(self.slugs_of_article[seed] - {actor.slug})
        others = [(self.actor_links[s], n) for s, n in sorted(companions.items(), key=lambda kv: (-kv[1], kv[0]))]
        mentions = self._by_year(by_article)
        listed = [(seed, refs) for _, in_year in mentions for seed, refs in in_year]
        events = self.events_of_actor.get(actor.slug, [])
        return Page(_actor_page, {
            "actor": replace(actor, refs=()), "seeds": tuple(sorted(by_article)), "mentions": mentions,
            "events": tuple(EventLink(e.slug, e.title) for e in events), "others": others,
            "links": self.links((seed for seed, _ in listed),
                                ((seed, ref.sentence) for seed, refs in listed for ref in refs))})

    # --- event -----------------------------------------------------------------
    def event_page(self, event: Event) -> Page:
        actors = tuple(self.actor_links[s] for s in event.actors if s in self.actors)
        places = tuple(self.actor_links[s] for s in event.places if s in self.actors)
        types = {a.name: self.name_types[a.name] for a in (*actors, *places) if a.name in self.name_types}
        return Page(_event_page, {
            "event": event, "actors": actors, "places": places, "types": types,
            "links": self.links((r.seed for r in event.reports),
                                ((r.seed, ref.sentence) for r in event.reports for ref in r.refs))})

    # --- indexes ---------------------------------------------------------------
    def index_pages(self) -> dict[str, Page]:
        return {
            f"{FOLDERS['article']}/index.md": self._articles_index(),
            f"{FOLDERS['actor']}/index.md": self._actors_index(exclude=PLACE_TYPES, title="Acteurs"),
            f"{FOLDERS['place']}/index.md": self._actors_index(exclude=("person", "organisation"), title="Lieux"),
            f"{FOLDERS['event']}/index.md": self._chronology(),
            f"{FOLDERS['source']}/index.md": self._sources_index(),
        }

    def _articles_index(self) -> Page:
        def order(a: AnnotatedArticle):
            return (a.published.value is None, _negated(a.published.value or ""), a.article.title)
        articles = tuple(_line(self.corpus, a) for a in sorted(self.corpus.articles, key=order))
        return _index("articles.md.j2", "Articles",
                      f"Les {len(articles)} articles du dossier, du plus récent au plus ancien.", articles=articles)

    def _actors_index(self, exclude: Iterable[str], title: str) -> Page:
        actors = [a for a in self.corpus.actors if a.type not in exclude]
        counted = [(a, len({r.seed for r in a.refs})) for a in actors]
        by_type = defaultdict(list)
        for actor, n in sorted(counted, key=lambda an: (-an[1], an[0].name)):
            by_type[actor.type].append((ActorLink(actor.slug, actor.name, actor.type), n))
        return _index("actors.md.j2", title, f"{len(actors)} {title.lower()} cités dans le dossier.",
                      by_type=dict(sorted(by_type.items())))

    def _chronology(self) -> Page:
        dated = [e for e in _chronological(self.corpus.events) if e.date]
        undated = [e for e in self.corpus.events if not e.date]
        years = []
        for year, in_year in groupby(dated, key=lambda e: e.date[:4]):
            # A date vaguer than a month (a year, a season, "fin 2024") is shown as such, above the months.
            by_month: dict[str | None, list[EventLink]] = {None: []}
            for event in in_year:
                by_month.setdefault(_month(event.date), []).append(EventLink(event.slug, event.title,
                                                                             len(event.seeds)))
            years.append((year, [(MONTHS[int(m) - 1] if m else None, events)
                                 for m, events in by_month.items() if events]))
        return _index("chronology.md.j2", "Chronologie", f"{len(self.corpus.events)} événements du dossier, par date.",
                      years=years, undated=[EventLink(e.slug, e.title) for e in sorted(undated, key=lambda e: e.title)])

    def _sources_index(self) -> Page:
        # One line per source (its page holds the sentences): the index stays small however many sources.
        listed = sorted(self.cited.items(), key=lambda item: (not slugify(item[0]), slugify(item[0]), item[0]))
        by_letter = groupby(((name, self.source_slugs[name], len(by_article)) for name, by_article in listed),
                            key=lambda item: _initial(item[0]))
        return _index("sources.md.j2", "Sources", f"{len(self.cited)} sources citées par les articles du dossier.",
                      letters=[(letter, list(group)) for letter, group in by_letter])

    # --- source ----------------------------------------------------------------
    def source_path(self, name: str) -> str:
        return f"{FOLDERS['source']}/{self.source_slugs[name]}.md"

    def source_pages(self) -> dict[str, Page]:
        return {self.source_path(name): self.source_page(name) for name in self.cited}

    def source_page(self, name: str) -> Page:
        by_article = {seed: tuple(sentences) for seed, sentences in self.cited[name].items()}
        cited = self._by_year(by_article)
        return Page(_source_page, {"name": name, "seeds": tuple(sorted(by_article)), "cited": cited,
                                   "links": self.links(seed for _, in_year in cited for seed, _ in in_year)})


# --- renderers: each a function of a Page's inputs only ---------------------------------------

def _front(meta: dict, types: dict | None = None) -> Markup:
    """Front matter with the page's schema.org description, which the theme prints as JSON-LD."""
    return Markup(front_matter({**meta, "jsonld": jsonld(meta["kind"], meta, types or {})}))


def _article_page(annotated: AnnotatedArticle, mention_links: dict[str, ActorLink],
                  events: tuple[tuple[EventLink, tuple[int, ...]], ...], links: Links) -> str:
    article, seed = annotated.article, annotated.article.seed
    linked = {a.slug: a for m in annotated.mentions if (a := mention_links.get(m.name))}
    # "reçue au Kremlin ... selon le Kremlin": a seat is a place where the article goes, a body where it speaks.
    located = {a.slug for m in annotated.mentions if m.type == "place" and (a := mention_links.get(m.name))}
    speaking = {a.slug for m in annotated.mentions if m.type not in PLACE_TYPES and (a := mention_links.get(m.name))}
    people = sorted((a for a in linked.values() if a.type not in PLACE_TYPES
                     and (a.slug in speaking or a.slug not in located)), key=lambda a: a.name)
    countries = sorted(a.name for a in linked.values() if a.type == "country")
    places = sorted(a.name for a in linked.values()
                    if a.type == "place" or (a.type not in PLACE_TYPES and a.slug in located))
    sources = _sources_of(annotated)
    lead = next((b.text for b in article.blocks if b.kind == "paragraph"), article.title)
    meta = {
        "kind": "article",
        "seed": seed,
        "title": html_text(article.title),
        "description": html_text(description(lead)),
        "published": annotated.published.value,
        "published_status": annotated.published.status,
        "outlet": article.sidecar.outlet,
        "url": safe_url(article.sidecar.url),
        "language": article.sidecar.language or "fr",
        "actors": [{"name": a.name, "type": a.type} for a in people],
        "countries": countries,
        "places": places,
        "sources": [{"name": name, "sentences": refs} for name, refs in sources.items()],
        "dates": [{"text": d.text, "value": d.value, "precision": d.precision, "resolution": d.resolution}
                  for d in annotated.dates],
        "events": [e.slug for e, _ in events],
    }
    # The headline first, whatever stood above it in the saved page (a kicker, a rubric).
    order = sorted(range(len(article.blocks)), key=lambda i: article.blocks[i].kind != "title")
    published = annotated.published.value
    # A live page's day headings ("Mardi 17 décembre") head its entries, as the page's sections.
    days = {i for i, _ in day_headings(article, dt.date.fromisoformat(published) if published else None)}
    body = [_block(annotated, i, replace(article.blocks[i], kind="heading") if i in days else article.blocks[i],
                   mention_links, events, links) for i in order]
    return _ENV.get_template("article.md.j2").render(
        front=_front(meta), title=article.title, body=body,
        published=annotated.published, published_text=format_date(annotated.published.value),
        status=STATUS_LABELS[annotated.published.status], outlet=article.sidecar.outlet,
        url=meta["url"], people=people, places=[a for a in linked.values() if a.type in PLACE_TYPES],
        sources=sources, events=[e for e, _ in events], dates=annotated.dates, site=links, type_labels=TYPE_LABELS,
        format_date=format_date)


def _sources_of(annotated: AnnotatedArticle) -> dict[str, list[str]]:
    sources: dict[str, list[str]] = {}
    blocks = annotated.article.blocks
    for citation in sorted(annotated.citations, key=lambda c: c.span):
        s = citation.sentence
        text = blocks[s.block].text[s.start:s.end]
        sentences = sources.setdefault(citation.source, [])
        if text not in sentences:
            sentences.append(text)
    return dict(sorted(sources.items()))


def _block(annotated: AnnotatedArticle, index: int, block: Block, mention_links: dict[str, ActorLink],
           events: tuple[tuple[EventLink, tuple[int, ...]], ...], links: Links) -> Markup:
    anchor = block.anchor
    # Headings stay plain text: links would break them up, and the table of contents repeats them.
    if block.kind == "title":  # the sidecar's title, when the owner gave one, replaces the one read
        return Markup(f"# {inline(annotated.article.title)} {attributes(anchor)}")
    if block.kind == "heading":
        return Markup(f"## {inline(block.text)} {attributes(anchor)}")
    text = _weave(annotated, index, block.text, mention_links, events, links)
    css = {"paragraph": ()}.get(block.kind, (block.kind,))
    return Markup(f"{text}\n{attributes(anchor, *css)}")


def _weave(annotated: AnnotatedArticle, index: int, text: str, mention_links: dict[str, ActorLink],
           events: tuple[tuple[EventLink, tuple[int, ...]], ...], links: Links) -> Markup:
    """The block's text with its dates as <time> and its first mention of each actor linked."""
    marks: list[tuple[int, int, Markup]] = []
    for d in annotated.dates:
        if d.span.block == index:
            marks.append((d.span.start, d.span.end, time_tag(d.text, d.value)))
    linked: set[str] = set()
    for m in sorted(annotated.mentions, key=lambda m: m.span):
        actor = mention_links.get(m.name)
        if m.span.block == index and actor and actor.slug not in linked:
            linked.add(actor.slug)
            marks.append((m.span.start, m.span.end, link(text[m.span.start:m.span.end],
                                                         links.href(_actor_path(actor)))))
    out, pos = [], 0
    for start, end, fragment in _without_overlaps(marks):
        out.append(inline(text[pos:start]))
        out.append(fragment)
        pos = end
    out.append(inline(text[pos:]))
    for event, blocks in events:
        if index in blocks:
            out.append(Markup(" ") + link("↗ " + event.title, links.href(f"{FOLDERS['event']}/{event.slug}.md"))
                       + Markup("{ .event-ref }"))
    return Markup("").join(out)


def _actor_page(actor: Actor, seeds: tuple[str, ...], mentions: list, events: tuple[EventLink, ...],
                others: list[tuple[ActorLink, int]], links: Links) -> str:
    meta = {
        "kind": "place" if actor.type in PLACE_TYPES else "actor",
        "title": html_text(actor.name),
        "description": html_text(f"{actor.name} ({TYPE_LABELS[actor.type]}) : "
                                 f"{len(seeds)} article(s) du dossier le mentionnent."),
        "name": actor.name,
        "type": actor.type,
        "aliases": list(actor.aliases),
        "roles": list(actor.roles),
        "articles": list(seeds),
        "events": [e.slug for e in events],
    }
    if actor.wikidata:
        meta["wikidata"] = actor.wikidata
    return _ENV.get_template("actor.md.j2").render(
        front=_front(meta), actor=actor, type_label=TYPE_LABELS[actor.type],
        mentions=mentions, hidden=max(0, len(seeds) - MAX_LISTED), events=events,
        people=[(a, n) for a, n in others if a.type not in PLACE_TYPES],
        places=[(a, n) for a, n in others if a.type in PLACE_TYPES], site=links, format_date=format_date)


def _dated(title: str, when: str) -> str:
    """The title with its date, told once: a title the generator makes already ends with it."""
    return title if when in title else f"{title} ({when})"


def _event_page(event: Event, actors: tuple[ActorLink, ...], places: tuple[ActorLink, ...], types: dict,
                links: Links) -> str:
    meta = {
        "kind": "event",
        "title": html_text(event.title),
        "description": html_text(f"{_dated(event.title, format_date(event.date))}, "
                                 f"rapporté par {len(event.seeds)} article(s)."),
        "event_kind": event.kind,
        "date": event.date,
        "precision": event.precision,
        "actors": [a.name for a in actors],
        "places": [a.name for a in places],
        "articles": list(event.seeds),
    }
    return _ENV.get_template("event.md.j2").render(
        front=_front(meta, types), event=event, actors=actors, places=places, versions=versions(event),
        date_text=format_date(event.date), site=links, format_date=format_date)


def _source_page(name: str, seeds: tuple[str, ...], cited: list, links: Links) -> str:
    meta = {
        "kind": "source",
        "title": html_text(name),
        "description": html_text(f"{name} : source citée par {len(seeds)} article(s) du dossier."),
        "name": name,
        "articles": list(seeds),
    }
    return _ENV.get_template("source.md.j2").render(
        front=_front(meta), name=name, count=len(seeds), cited=cited, hidden=max(0, len(seeds) - MAX_LISTED),
        site=links)


def _index(template: str, title: str, summary: str, **context) -> Page:
    return Page(_index_page, {"template": template, "title": title, "summary": summary, **context})


def _index_page(template: str, title: str, summary: str, **context) -> str:
    meta = {"kind": "index", "title": html_text(title), "description": html_text(summary)}
    return _ENV.get_template(template).render(front=_front(meta), title=title, format_date=format_date,
                                              status_labels=STATUS_LABELS, type_labels=TYPE_LABELS, **context)


def _initial(name: str) -> str:
    """The letter a name is listed under in an index ("Élysée" under E), "0–9" for a digit, else "Autres"."""
    letter = slugify(name)[:1].upper()
    return letter if letter.isalpha() else "0–9" if letter.isdigit() else "Autres"


def _month(value: str) -> str | None:
    """The month a value lies within (a day, a month, a week inside one month); None when vaguer."""
    span = covered_days(value)
    return f"{span[0].month:02d}" if span and (span[0].year, span[0].month) == (span[1].year, span[1].month) else None


def _chronological(events: Iterable[Event]) -> list[Event]:
    """By the first day each date covers ("2025-W34" before "2025-09-03"), the vaguer first on a tie."""
    def key(event: Event):
        span = covered_days(event.date)
        return (span is None, span[0] if span else None, span and -(span[1] - span[0]).days, event.title, event.slug)
    return sorted(events, key=key)


def _negated(value: str) -> tuple[int, ...]:
    """A key that sorts ISO strings newest first."""
    return tuple(-ord(c) for c in value)


def _without_overlaps(marks: list[tuple[int, int, Markup]]) -> list[tuple[int, int, Markup]]:
    """Keep the longest of overlapping annotations, in text order."""
    kept: list[tuple[int, int, Markup]] = []
    for mark in sorted(marks, key=lambda m: (m[0] - m[1], m[0])):
        if all(mark[1] <= k[0] or mark[0] >= k[1] for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda m: m[0])
