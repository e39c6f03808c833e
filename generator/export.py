"""Export stage: Corpus -> the dossier as data files under docs/donnees/ (JSON, CSV, Atom), and JSON-LD.

Pure and deterministic: sorted keys and rows, no clock; the only dates are the data's own.
The JSON feeds the site's timeline and network (docs/assets/*.js), which show its text as text only.
"""
from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
import uuid
from collections import Counter
from collections.abc import Mapping
from datetime import timedelta
from itertools import combinations
from xml.etree import ElementTree as ET

from .cache import entry_key
from .corpus import PLACE_TYPES, sentence_of
from .events import interval as covered_days
from .markup import safe_url
from .model import AnnotatedArticle, Corpus, Span
from .text import french_date

FOLDER = "donnees"
FILES = ("dossier.json", "articles.csv", "acteurs.csv", "evenements.csv", "mentions.csv", "flux.xml")
ATOM = "http://www.w3.org/2005/Atom"
# Cells a spreadsheet would read as a formula (OWASP "CSV injection"); tab and CR start one too.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What schema.org calls each of our entity types.
SCHEMA_TYPES = {"person": "Person", "organisation": "Organization", "country": "Country", "place": "Place"}
# schema.org accepts ISO 8601 dates; seasons and quarters are not, so they fall back to their year.
_SCHEMA_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


ARTICLE_COLUMNS = ["slug", "seed", "title", "published", "published_status", "outlet", "url", "language", "page",
                   "blocks", "sentences", "mentions"]
MENTION_COLUMNS = ["article", "seed", "block", "start", "end", "sentence", "text", "name", "actor", "type", "role"]


def export_files(corpus: Corpus, fragments: dict[bytes, str] | None = None) -> dict[str, str]:
    """Every data file, keyed by its path relative to docs/ (all under donnees/).

    `fragments` carries text made by one build to the next, content-addressed (any entry is right for any build):
    each article's JSON and CSV lines (`_article_texts`), the JSON of dossier.json's other items (`dossier_json`)
    and the feed (`_feed_key`). Afterwards it holds what this build used.
    """
    memo = fragments if fragments is not None else {}
    used: dict[bytes, str] = {}
    texts = [_article_texts(corpus, a, memo, used) for a in corpus.articles]
    data = _corpus_items(corpus, [t[4] for t in texts])
    files = {
        "dossier.json": _json_document({**{name: _json_lines(items, memo, used) for name, items in data.items()},
                                        "articles": [t[0] for t in texts], "mentions": [t[1] for t in texts if t[1]]}),
        "articles.csv": _csv_header(ARTICLE_COLUMNS) + "".join(t[2] for t in texts),
        "acteurs.csv": to_csv(["slug", "name", "type", "aliases", "roles", "description", "wikidata", "page",
                               "articles", "mentions", "events"],
                              [{**a, "articles": len(a["articles"]), "events": len(a["events"])}
                               for a in data["actors"]]),
        "evenements.csv": to_csv(["slug", "date", "precision", "start", "end", "kind", "title", "actors",
                                  "places", "articles", "page"], data["events"]),
        "mentions.csv": _csv_header(MENTION_COLUMNS) + "".join(t[3] for t in texts),
        "flux.xml": _feed(corpus, memo, used),
    }
    if fragments is not None:
        fragments.clear()
        fragments.update(used)
    return {f"{FOLDER}/{name}": text for name, text in sorted(files.items())}


# The texts each article gives the data files, in this order (see _article_texts).
_ARTICLE_TEXTS = (b"dossier.json article", b"dossier.json mentions", b"articles.csv", b"mentions.csv",
                  b"network pairs")


def _article_texts(corpus: Corpus, annotated: AnnotatedArticle, memo: dict[bytes, str],
                   used: dict[bytes, str]) -> tuple[str, str, str, str, str]:
    """One article's item of dossier.json's "articles" and its lines of "mentions" (JSON as `dossier_json` writes
    them, joined), its rows of articles.csv and mentions.csv, and its pairs of the network (`_sentence_pairs`):
    from `memo` when the article, its slug and the actors of its mentions are those they were made from (about 0.8
    of the 1.2 CPU-s of the data files at 1,000 articles, after one edit; the pairs, 0.15 more)."""
    seed = annotated.article.seed
    actors = tuple(corpus.actor_of.get((seed, m.name)) for m in annotated.mentions)
    entry = entry_key(annotated)   # the article as read from the cache: its key stands for it
    value = ("cache entry", entry) if entry is not None else annotated
    digest = hashlib.blake2b(repr((value, corpus.article_slugs[seed], actors)).encode(), digest_size=16).digest()
    keys = [hashlib.blake2b(kind, key=digest, digest_size=16).digest() for kind in _ARTICLE_TEXTS]
    found = [text if (text := used.get(key)) is not None else memo.get(key) for key in keys]   # "": no mentions
    if None in found:
        item, mentions = _article(corpus, annotated), _mentions(corpus, annotated)
        row = {**item, "blocks": len(item["blocks"]), "sentences": len(item["sentences"]),
               "mentions": item["mention_count"]}
        found = [_indented(item, 2), ",\n  ".join(_indented(m, 2) for m in mentions),
                 _csv_rows(ARTICLE_COLUMNS, [row]), _csv_rows(MENTION_COLUMNS, mentions),
                 _sentence_pairs(corpus, annotated)]
    used.update(zip(keys, found))
    return found[0], found[1], found[2], found[3], found[4]


def _feed(corpus: Corpus, memo: dict[bytes, str], used: dict[bytes, str]) -> str:
    """atom_feed(corpus), from `memo` when it is made of what it was: what it reads of each article (seed,
    publication, slug, title, outlet, address, first paragraph, its mentions' actors), in the corpus's order, and
    every actor's slug, name and type (the entries' categories). An edit of an article's body leaves the feed as it
    was, and making it took 0.1 CPU-s at 1,000 articles."""
    articles = tuple((a.article.seed, a.published.value, corpus.article_slugs[a.article.seed], a.article.title,
                      a.article.sidecar.outlet, a.article.sidecar.url,
                      next((b.text for b in a.article.blocks if b.kind == "paragraph"), ""),
                      tuple(corpus.actor_of.get((a.article.seed, m.name)) for m in a.mentions))
                     for a in corpus.articles)
    actors = tuple((a.slug, a.name, a.type) for a in corpus.actors)
    key = hashlib.blake2b(repr((b"flux.xml", articles, actors)).encode(), digest_size=16).digest()
    text = used.get(key) or memo.get(key) or atom_feed(corpus)
    used[key] = text
    return text


# --- the dossier as one JSON document ---------------------------------------------------------

def dossier(corpus: Corpus) -> dict:
    """Articles (blocks, sentences), actors, events, mentions with offsets, and the co-mention network."""
    return {"articles": [_article(corpus, a) for a in corpus.articles], **_corpus_items(corpus),
            "mentions": [m for a in corpus.articles for m in _mentions(corpus, a)]}


def _corpus_items(corpus: Corpus, pairs: list[str] | None = None) -> dict:
    """What of the dossier is not one article's: actors, events and the co-mention network (`pairs`: see
    `network`)."""
    counts = Counter(corpus.actor_of.get((a.article.seed, m.name)) for a in corpus.articles for m in a.mentions)
    events_of: dict[str, list[str]] = {}
    for event in corpus.events:
        for slug in (*event.actors, *event.places):
            events_of.setdefault(slug, []).append(event.slug)
    return {
        "actors": [{
            "slug": actor.slug, "name": actor.name, "type": actor.type, "aliases": list(actor.aliases),
            "roles": list(actor.roles), "description": actor.description, "wikidata": actor.wikidata,
            "page": page_url(_actor_path(actor.slug, actor.type)),
            "articles": sorted({r.seed for r in actor.refs}), "mentions": counts[actor.slug],
            "events": sorted(events_of.get(actor.slug, [])),
        } for actor in sorted(corpus.actors, key=lambda a: a.slug)],
        "events": [{
            "slug": e.slug, "title": e.title, "kind": e.kind, "date": e.date, "precision": e.precision,
            "date_label": french_date(e.date), **dict(zip(("start", "end"), interval(e.date))),
            "actors": list(e.actors), "places": list(e.places), "articles": list(e.seeds),
            "page": page_url(f"{_folder('event')}/{e.slug}.md"),
        } for e in sorted(corpus.events, key=lambda e: (e.date is None, e.date or "", e.slug))],
        "links": network(corpus, pairs),
    }


def dossier_json(data: dict[str, list], fragments: dict[bytes, str] | None = None) -> str:
    """`json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)` and a newline, written item by item.

    Python's encoder indents in pure Python (a second for 1,000 articles); an item found in `fragments`
    (the digest of its repr -> its JSON) is not encoded again. Afterwards `fragments` holds this document's items.
    """
    used: dict[bytes, str] = {}
    text = _json_document({name: _json_lines(items, fragments or {}, used) for name, items in data.items()})
    if fragments is not None:
        fragments.clear()
        fragments.update(used)
    return text


def _json_lines(items, memo: dict[bytes, str], used: dict[bytes, str]):
    """A non-empty list as its items' JSON, as each reads two deep in the document, taken from `memo` by the
    digest of the item's repr when it is there; anything else as it is."""
    if not isinstance(items, list) or not items:
        return items
    lines = []
    for item in items:
        key = hashlib.blake2b(repr(item).encode(), digest_size=16).digest()
        text = used.get(key) or memo.get(key) or _indented(item, 2)
        used[key] = text
        lines.append(text)
    return lines


def _json_document(data: dict) -> str:
    """The document of `data`: a non-empty list holds its items' JSON (`_json_lines`, several items to a string at
    times), any other value is encoded here."""
    parts = []
    for name in sorted(data):
        items = data[name]
        if not isinstance(items, list) or not items:
            parts.append(f" {json.dumps(name)}: " + _indented(items, 1))
            continue
        parts.append(f" {json.dumps(name, ensure_ascii=False)}: [\n  " + ",\n  ".join(items) + "\n ]")
    return "{\n" + ",\n".join(parts) + "\n}\n" if parts else "{}\n"


def _indented(value, level: int) -> str:
    """json.dumps(value, indent=1) as it reads `level` deep in a document (JSON strings hold no raw newline)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).replace("\n", "\n" + " " * level)


def _article(corpus: Corpus, annotated: AnnotatedArticle) -> dict:
    article, seed = annotated.article, annotated.article.seed
    return {
        "slug": corpus.article_slugs[seed], "seed": seed, "title": article.title,
        "published": annotated.published.value, "published_status": annotated.published.status,
        "outlet": article.sidecar.outlet, "url": safe_url(article.sidecar.url),
        "language": article.sidecar.language or "fr",
        "page": page_url(f"{_folder('article')}/{corpus.article_slugs[seed]}.md"),
        "blocks": [{"kind": b.kind, "anchor": b.anchor, "line": b.line, "text": b.text} for b in article.blocks],
        "sentences": [_span(s) for s in annotated.sentences],
        "dates": [{**_span(d.span), "text": d.text, "value": d.value, "precision": d.precision,
                   "resolution": d.resolution} for d in annotated.dates],
        "citations": [{**_span(c.span), "source": c.source, "sentence": _span(c.sentence), "kind": c.kind}
                      for c in annotated.citations],
        "mention_count": len(annotated.mentions),
    }


def _mentions(corpus: Corpus, annotated: AnnotatedArticle) -> list[dict]:
    seed = annotated.article.seed
    order = {s: i for i, s in enumerate(annotated.sentences)}
    return [{
        "article": corpus.article_slugs[seed], "seed": seed, **_span(m.span),
        "sentence": order.get(sentence_of(m.span, annotated.sentences)),
        "text": m.text, "name": m.name, "actor": corpus.actor_of.get((seed, m.name)), "type": m.type,
        "role": m.role,
    } for m in sorted(annotated.mentions, key=lambda m: m.span)]


def _span(span: Span) -> dict:
    return {"block": span.block, "start": span.start, "end": span.end}


def network(corpus: Corpus, pairs: list[str] | None = None) -> list[dict]:
    """Who is named with whom: one link per pair of actors named in the same sentence, weighted by sentences.

    `pairs`: each article's `_sentence_pairs`, in the order of corpus.articles, when they are made already."""
    weight: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    for text in pairs if pairs is not None else (_sentence_pairs(corpus, a) for a in corpus.articles):
        lines = text.split("\n")[:-1]   # each line ends with one (slugs hold no newline)
        weight.update(lines)
        articles.update(set(lines))
    return [{"source": a, "target": b, "weight": n, "articles": articles[line]}
            for (a, b), n, line in sorted((tuple(line.split("\t")), n, line) for line, n in weight.items())]


def _sentence_pairs(corpus: Corpus, annotated: AnnotatedArticle) -> str:
    """One line "slug<tab>slug" for each pair of actors one sentence of the article names (as often as sentences
    name them): text, so that it is kept with the article's other texts (`_article_texts`)."""
    seed = annotated.article.seed
    in_sentence: dict[Span, set[str]] = {}
    for m in annotated.mentions:
        slug = corpus.actor_of.get((seed, m.name))
        if slug:
            in_sentence.setdefault(sentence_of(m.span, annotated.sentences), set()).add(slug)
    return "".join(f"{a}\t{b}\n" for slugs in in_sentence.values() for a, b in combinations(sorted(slugs), 2))


def interval(value: str | None) -> tuple[str | None, str | None]:
    """The days [start, end) an ISO value at any precision covers; (None, None) when unknown."""
    span = covered_days(value)
    if span is None:
        return None, None
    first, last, _ = span
    return first.isoformat(), (last + timedelta(days=1)).isoformat()


def page_url(path: str) -> str:
    """The served URL of a generated page, relative to the site's root (MkDocs directory URLs)."""
    if path.endswith("index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"


def _actor_path(slug: str, kind: str) -> str:
    return f"{_folder('place' if kind in PLACE_TYPES else 'actor')}/{slug}.md"


def _folder(kind: str) -> str:
    """The docs/ folder of a kind of page, as render.py names it."""
    # Imported here: render_site calls export_files, and either module may be imported first.
    from .render import FOLDERS
    return FOLDERS[kind]


# --- CSV --------------------------------------------------------------------------------------

def to_csv(columns: list[str], rows: list[dict]) -> str:
    """A CSV table with a header; lists joined by " | ", None empty, formula-like cells defused."""
    return _csv_header(columns) + _csv_rows(columns, rows)


def _csv_header(columns: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL).writerow(columns)
    return out.getvalue()


def _csv_rows(columns: list[str], rows: list[dict]) -> str:
    """The rows of `to_csv` without its header (each row is written on its own: rows can be joined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    start = _FORMULA_START
    # Most cells are plain text: csv_cell() would give them back as they are (about 550,000 cells at 1,000 articles).
    writer.writerows([value if type(value) is str and not value.startswith(start)
                      else str(value) if type(value) is int and value >= 0 else csv_cell(value)
                      for value in map(row.get, columns)] for row in rows)
    return out.getvalue()


def csv_cell(value) -> str:
    """One cell as text; a leading apostrophe keeps a spreadsheet from running it as a formula."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = " | ".join(str(v) for v in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


# --- Atom -------------------------------------------------------------------------------------

def atom_feed(corpus: Corpus, title: str = "Articles du dossier") -> str:
    """An Atom 1.0 feed of the articles, newest first; links are relative to the feed (donnees/flux.xml)."""
    def published(a: AnnotatedArticle) -> str:
        return a.published.value or ""

    articles = sorted(corpus.articles, key=lambda a: (published(a), a.article.seed), reverse=True)
    actors = {a.slug: a for a in corpus.actors}
    known = [_atom_time(published(a)) for a in articles if _atom_time(published(a))]
    # Atom requires <updated>; without a clock, the newest publication date stands for it.
    newest = max(known, default="1970-01-01T00:00:00Z")
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    _sub(feed, "id", _urn("feed"))
    _sub(feed, "title", title)
    _sub(feed, "updated", newest)
    _sub(_sub(feed, "author"), "name", "Dossier de presse")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "href": "flux.xml", "type": "application/atom+xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "href": "../articles/", "type": "text/html"})
    for annotated in articles:
        article, seed = annotated.article, annotated.article.seed
        slug = corpus.article_slugs[seed]
        entry = _sub(feed, "entry")
        _sub(entry, "id", _urn(f"article:{slug}"))
        _sub(entry, "title", article.title)
        _sub(entry, "updated", _atom_time(published(annotated)) or newest)
        if _atom_time(published(annotated)):
            _sub(entry, "published", _atom_time(published(annotated)))
        if article.sidecar.outlet:
            _sub(_sub(entry, "author"), "name", article.sidecar.outlet)
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                                 "href": "../" + page_url(f"{_folder('article')}/{slug}.md")})
        if url := safe_url(article.sidecar.url):
            ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "via", "type": "text/html", "href": url})
        lead = next((b.text for b in article.blocks if b.kind == "paragraph"), "")
        if lead:
            _sub(entry, "summary", " ".join(lead.split()))
        for name in sorted({actors[slug].name for m in annotated.mentions
                            if (slug := corpus.actor_of.get((seed, m.name))) in actors
                            and actors[slug].type not in PLACE_TYPES}):
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": name})
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def _sub(parent: ET.Element, tag: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    if text is not None:
        element.text = _xml_text(text)
    return element


def _xml_text(text: str) -> str:
    """Drop characters XML 1.0 cannot hold at all (ElementTree would write them and break the feed)."""
    return re.sub(r"[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "", text)


def _atom_time(value: str) -> str | None:
    """An RFC 3339 time for an ISO date; only full days qualify (a month is not a moment)."""
    return f"{value[:10]}T00:00:00Z" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10] or "") else None


def _urn(name: str) -> str:
    """A stable Atom id: the site has no fixed address (no site_url), so a name-based UUID."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"dossier:{name}").urn


# --- JSON-LD ----------------------------------------------------------------------------------

def jsonld(kind: str, meta: dict, types: Mapping[str, str | None] | Corpus) -> dict:
    """schema.org description of one page from its front matter: NewsArticle, Person/Organization/Place, Event.

    `types` gives the entity type of the names an event page lists (or take them from a Corpus).
    Front-matter titles are HTML-escaped for the theme; here they are plain text again, and the
    template's `tojson` escapes < > & so no value can close the <script> that holds them.
    """
    text = {key: html.unescape(meta[key]) for key in ("title", "description") if meta.get(key)}
    if isinstance(types, Corpus):
        types = {a.name: a.type for a in types.actors}
    if kind == "article":
        data = {"@type": "NewsArticle", "headline": text.get("title"), "description": text.get("description"),
                "inLanguage": meta.get("language") or "fr",
                "datePublished": _schema_date(meta.get("published")),
                "publisher": {"@type": "Organization", "name": meta["outlet"]} if meta.get("outlet") else None,
                "isBasedOn": meta.get("url"),
                "mentions": [_thing(a["name"], a["type"]) for a in meta.get("actors", [])]
                + [_thing(name, "country") for name in meta.get("countries", [])]
                + [_thing(name, "place") for name in meta.get("places", [])] or None}
    elif kind in ("actor", "place"):
        entity = meta.get("type") or ("place" if kind == "place" else "organisation")
        data = {**_thing(meta.get("name") or text.get("title", ""), entity),
                "alternateName": meta.get("aliases") or None, "description": text.get("description"),
                "jobTitle": (meta.get("roles") or None) if entity == "person" else None,
                "sameAs": f"https://www.wikidata.org/wiki/{meta['wikidata']}" if meta.get("wikidata") else None}
    elif kind == "event":
        places = [_thing(name, types.get(name, "place")) for name in meta.get("places", [])]
        data = {"@type": "Event", "name": text.get("title"), "description": text.get("description"),
                "startDate": _schema_date(meta.get("date")),
                "location": places or None,
                "attendee": [_thing(name, types.get(name, "organisation")) for name in meta.get("actors", [])
                             if types.get(name) not in PLACE_TYPES] or None}
    else:
        data = {"@type": "CollectionPage", "name": text.get("title"), "description": text.get("description")}
    return {"@context": "https://schema.org", **{k: v for k, v in data.items() if v is not None}}


def _thing(name: str, entity: str) -> dict:
    return {"@type": SCHEMA_TYPES.get(entity, "Thing"), "name": name}


def _schema_date(value: str | None) -> str | None:
    if not value:
        return None
    return value if _SCHEMA_DATE.match(value) else value[:4]
