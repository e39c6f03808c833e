"""The typed records that flow through the pipeline: dataclasses only, no behaviour.

Annotations are stand-off: a `Span` points into one block's text by offsets and
never copies it, so every fact can be traced back to the sentence it came from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# What a line of a saved article is, as the reader understood it.
BlockKind = Literal[
    "title",      # the headline
    "kicker",     # a kicker or standfirst around the headline
    "section",    # a rubric line such as "/ Le monde et la Corée - Solidarité"
    "byline",     # an agency or author line ("ATS", "Par Jean Dupont")
    "dateline",   # "30.8.2025 - 08:22", "Publié le 3 septembre 2025 à 14h36"
    "heading",    # an intertitle inside the body
    "caption",    # a photo caption or credit
    "paragraph",
]

ActorType = Literal["person", "organisation"]
PlaceType = Literal["country", "place"]
EntityType = Literal["person", "organisation", "country", "place"]

# ISO 8601 / TIMEX3 precision of a normalised date value.
Precision = Literal["day", "week", "month", "season", "quarter", "year"]
# How a date expression got its value.
Resolution = Literal[
    "absolute",    # the text gives the full date ("le 6 décembre 2025")
    "relative",    # from the publication date ("mercredi", "l'an dernier")
    "anchored",    # from a date given earlier in the narrative ("Le 19 juin" after "juin 2024")
    "unresolved",  # a reader cannot tell: value is None
]
PublishedStatus = Literal["given", "inferred", "unknown"]


@dataclass(frozen=True)
class Block:
    """One structural unit of an article: a line or a paragraph of the seed."""
    kind: BlockKind
    text: str
    line: int     # 1-based line of the seed file where the block starts
    anchor: str   # stable HTML id of the block on the article page ("p3")


@dataclass(frozen=True)
class Sidecar:
    """What the article's owner states in `seeds/NAME.yml`; it overrides the reader."""
    title: str | None = None
    published: str | None = None   # ISO date or date-time, as given
    url: str | None = None
    outlet: str | None = None
    language: str | None = None
    actors: tuple[str, ...] = ()   # names to add as actors of this article only
    ignore: tuple[str, ...] = ()   # names never to list as actors of this article


@dataclass(frozen=True)
class Article:
    """A seed as the reader structured it; `blocks` hold every line of text."""
    seed: str                      # file name inside seeds/, e.g. "000_x.txt"
    blocks: tuple[Block, ...]
    sidecar: Sidecar = field(default_factory=Sidecar)

    def first(self, kind: BlockKind) -> Block | None:
        return next((b for b in self.blocks if b.kind == kind), None)

    @property
    def title(self) -> str:
        if self.sidecar.title:
            return self.sidecar.title
        block = self.first("title")
        return block.text if block else self.seed


@dataclass(frozen=True, order=True)
class Span:
    """Characters [start, end) of `Article.blocks[block].text`."""
    block: int
    start: int
    end: int


@dataclass(frozen=True)
class DateMention:
    span: Span
    text: str
    value: str | None          # "2025-12-10", "2025-W34", "2025-SP", "2024-Q4", "2025"; None if unresolvable
    precision: Precision
    resolution: Resolution
    confidence: float = 1.0    # below 1 when the reading is a best guess (review lists these)


@dataclass(frozen=True)
class Published:
    value: str | None          # ISO date of publication
    status: PublishedStatus
    evidence: str = ""         # what it rests on, for the reader: 'dateline "30.8.2025 - 08:22"'


@dataclass(frozen=True)
class Mention:
    """A person, organisation, country or place named in the text."""
    span: Span
    text: str                  # as written ("M. Martin", "le ministre français")
    name: str                  # the name it refers to within the article ("Jean Martin")
    type: EntityType
    role: str | None = None    # title or apposition the text gives ("président russe")
    country: str | None = None  # the country that role belongs to ("Russie")


@dataclass(frozen=True)
class RolePhrase:
    """A role written without a name ("le dirigeant turc") that the article alone does not resolve:
    the corpus may know who holds it."""
    span: Span
    text: str
    role: str                  # its head ("dirigeant")
    country: str | None        # the country it qualifies (none for a monarch: "le Roi")


@dataclass(frozen=True)
class Citation:
    """The article credits `source` for what `sentence` says (or publishes it)."""
    span: Span                 # where the source is named
    source: str                # the source's name ("AFP", "Berlin")
    sentence: Span             # the sentence that rests on it
    kind: Literal["attribution", "publisher"] = "attribution"


@dataclass(frozen=True)
class AnnotatedArticle:
    article: Article
    sentences: tuple[Span, ...]
    published: Published
    dates: tuple[DateMention, ...] = ()
    mentions: tuple[Mention, ...] = ()
    citations: tuple[Citation, ...] = ()
    roles: tuple[RolePhrase, ...] = ()


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, reported as one line."""
    file: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


# --- Across the corpus: what the link stage makes of all the articles together.

@dataclass(frozen=True)
class Ref:
    """A traceable pointer to one sentence of one article."""
    seed: str
    sentence: Span
    text: str                  # the sentence, for display


@dataclass(frozen=True)
class Actor:
    """One person, organisation, country or place, across all articles."""
    slug: str
    name: str                  # canonical, shown everywhere
    type: EntityType
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()  # every sentence that mentions it
    description: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class EventReport:
    """How one article tells an event: its sentences, its date, whom it credits."""
    seed: str
    refs: tuple[Ref, ...]
    date_text: str | None = None
    date: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    """One real-world event, however many articles report it."""
    slug: str
    title: str
    kind: str                  # "signature", "visite", "rencontre", "décès", "déploiement", ...
    date: str | None           # ISO at the precision the sources give
    precision: Precision | None
    actors: tuple[str, ...]    # actor slugs
    places: tuple[str, ...]    # actor slugs of type country/place
    reports: tuple[EventReport, ...]

    @property
    def seeds(self) -> tuple[str, ...]:
        return tuple(sorted({r.seed for r in self.reports}))


@dataclass(frozen=True)
class Corpus:
    articles: tuple[AnnotatedArticle, ...]
    article_slugs: dict[str, str]          # seed -> slug of its page
    actors: tuple[Actor, ...]              # all entity types, places included
    events: tuple[Event, ...] = ()
    actor_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (seed, mention name) -> actor slug
    event_failure: str | None = None       # why events could not be found, if they could not
