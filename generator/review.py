"""Review stage: Corpus -> what the dossier's owner should look at, most useful first.

Each finding comes with the YAML to paste into dossier.yml or a sidecar, so a
correction takes a copy and a paste, and holds across rebuilds.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher

import yaml

from .knowledge import Knowledge
from .model import Actor, Corpus
from .text import fold

PLACE_TYPES = ("country", "place")
SIMILAR = 0.85  # name similarity above which two actors may be one
DOUBTFUL = 0.8  # date readings below this confidence are best guesses


@dataclass(frozen=True)
class Finding:
    priority: int      # 1 is the most useful
    topic: str         # the section it belongs to
    text: str          # one line for the owner
    snippet: str = ""  # YAML to paste


def review(corpus: Corpus, knowledge: Knowledge) -> list[Finding]:
    findings = [*_undated_articles(corpus), *_maybe_same(corpus), *_uncertain_dates(corpus),
                *_new_actors(corpus, knowledge), *_seen_once(corpus), *_thin_events(corpus)]
    return sorted(findings, key=lambda f: (f.priority, f.topic, f.text))


def format_review(findings: Iterable[Finding]) -> str:
    lines, topic = [], None
    for finding in findings:
        if finding.topic != topic:
            topic = finding.topic
            lines += ["", f"== {topic}"]
        lines.append(f"- {finding.text}")
        lines += [f"    {line}" for line in finding.snippet.splitlines()]
    return "\n".join(lines).lstrip("\n") + "\n" if lines else "Nothing to review.\n"


def _yaml(data: dict) -> str:
    """Compact YAML as a person writes it in dossier.yml: one flow mapping per item."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_flow_style=None, width=100).rstrip()


def _undated_articles(corpus: Corpus) -> list[Finding]:
    return [Finding(1, "Articles without a publication date (relative dates stay unresolved)",
                    f"seeds/{a.article.seed}: « {a.article.title} »",
                    f"# seeds/{a.article.seed.rsplit('.', 1)[0]}.yml\npublished: AAAA-MM-JJ")
            for a in corpus.articles if a.published.value is None]


def _maybe_same(corpus: Corpus) -> list[Finding]:
    """Pairs of actors whose names are alike or who hold the same role; blocked so it stays near-linear."""
    blocks: dict[tuple[str, str], list[Actor]] = defaultdict(list)
    for actor in corpus.actors:
        if actor.type in PLACE_TYPES:
            continue
        name = fold(actor.name)
        blocks[("alike", name[:4])].append(actor)          # compared by similarity below
        if actor.type == "person" and len(name.split()) > 1:
            blocks[("surname", name.split()[-1])].append(actor)
        for role in actor.roles:
            blocks[("role", fold(role))].append(actor)
    pairs: set[tuple[str, str]] = set()
    for (reason, _), actors in blocks.items():
        if len(actors) > 20:  # a common surname or role says nothing
            continue
        for i, a in enumerate(actors):
            for b in actors[i + 1:]:
                alike = SequenceMatcher(None, fold(a.name), fold(b.name)).ratio() >= SIMILAR
                if a.type == b.type and (reason != "alike" or alike):
                    pairs.add(tuple(sorted((a.slug, b.slug))))
    by_slug = {a.slug: a for a in corpus.actors}
    findings = []
    for first, second in sorted(pairs):
        a, b = by_slug[first], by_slug[second]
        keep, other = sorted((a, b), key=lambda x: (-len(x.refs), x.name))
        findings.append(Finding(2, "Actors that may be the same", f"« {a.name} » and « {b.name} »",
                                _yaml({"actors": [{"name": keep.name, "type": keep.type,
                                                   "aliases": [other.name]}]})))
    return findings


def _uncertain_dates(corpus: Corpus) -> list[Finding]:
    findings = []
    for annotated in corpus.articles:
        for d in annotated.dates:
            if d.value is None:
                text = f"seeds/{annotated.article.seed}: « {d.text} » left unresolved"
            elif d.confidence < DOUBTFUL:
                text = f"seeds/{annotated.article.seed}: « {d.text} » read as {d.value} (confidence {d.confidence:.1f})"
            else:
                continue
            findings.append(Finding(3, "Dates to check", text))
    return findings


def _new_actors(corpus: Corpus, knowledge: Knowledge) -> list[Finding]:
    known = {fold(n) for k in knowledge.actors for n in (k.name, *k.aliases)}
    return [Finding(4, "Actors not in dossier.yml", f"« {a.name} » ({a.type}), {len({r.seed for r in a.refs})} article(s)",
                    _yaml({"actors": [{"name": a.name, "type": a.type, **({"aliases": list(a.aliases)} if a.aliases else {})}]}))
            for a in corpus.actors if a.type not in PLACE_TYPES and fold(a.name) not in known]


def _seen_once(corpus: Corpus) -> list[Finding]:
    return [Finding(5, "Names seen once (a misreading?)", f"« {a.name} » in seeds/{a.refs[0].seed}: « {a.refs[0].text} »",
                    _yaml({"ignore": [a.name]}))
            for a in corpus.actors if len(a.refs) == 1]


def _thin_events(corpus: Corpus) -> list[Finding]:
    return [Finding(6, "Events resting on one sentence", f"{e.slug}: « {e.reports[0].refs[0].text} »",
                    _yaml({"events": {"rename": {e.slug: e.title}}}))
            for e in corpus.events if sum(len(r.refs) for r in e.reports) == 1 and e.reports and e.reports[0].refs]
