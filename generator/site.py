"""build_site(): seeds/ -> docs/, the one entry point the command line and the MkDocs hook share.

Read everything, then link, then render, then write: every page can link to every
other, and a problem with one seed is reported without stopping the others.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import link
from .knowledge import load_knowledge
from .model import AnnotatedArticle, Article, Corpus, Problem
from .read import read_seed
from .render import FOLDERS, render_site
from .write import write_pages

Progress = Callable[[str], None]


@dataclass
class Report:
    seeds: int = 0
    built: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def find_seeds(seeds: Path) -> list[Path]:
    """The articles of the dossier: every visible .txt file of the folder, in name order."""
    return sorted(p for p in seeds.iterdir() if p.suffix.lower() == ".txt" and not p.name.startswith("."))


def build_site(seeds: Path, docs: Path, dossier: Path | None = None, progress: Progress | None = None) -> Report:
    report = Report()
    corpus = read_corpus(seeds, dossier, report, progress)
    if corpus is None:
        return report
    result = write_pages(docs, render_site(corpus), tuple(FOLDERS.values()))
    report.problems += result.problems
    report.written, report.unchanged, report.removed = result.written, result.unchanged, result.removed
    return report


def read_corpus(seeds: Path, dossier: Path | None, report: Report, progress: Progress | None = None) -> Corpus | None:
    """Read, annotate and link every seed; problems go into `report`. None when there is no folder."""
    say = progress or (lambda message: None)
    knowledge, problems = load_knowledge(dossier if dossier is not None else seeds.parent / "dossier.yml")
    report.problems += problems
    if not seeds.is_dir():
        report.problems.append(Problem(str(seeds), "is not a folder of articles"))
        return None
    articles: list[Article] = []
    paths = find_seeds(seeds)
    report.seeds = len(paths)
    for path in paths:
        article, problems = read_seed(path)
        report.problems += problems
        if article is not None:
            articles.append(article)
    annotated = _annotate(articles, knowledge, report, say)
    corpus = link(annotated, knowledge)
    report.built = [a.article.seed for a in corpus.articles]
    return corpus


def _annotate(articles: list[Article], knowledge, report: Report, say: Progress) -> list[AnnotatedArticle]:
    if not articles:
        return []
    from .nlp import load_nlp  # loading the model takes seconds: only when there is something to read
    from .pipeline import annotate

    nlp = load_nlp()
    texts = [block.text for article in articles for block in article.blocks]
    docs = iter(nlp.pipe(texts, batch_size=64))
    annotated = []
    for number, article in enumerate(articles, 1):
        article_docs = [next(docs) for _ in article.blocks]
        try:
            annotated.append(annotate(article, article_docs, knowledge))
        except Exception as error:  # one article's failure must not stop the dossier
            report.problems.append(Problem(article.seed, f"could not be annotated: {type(error).__name__}: {error}"))
        if number % 50 == 0 or number == len(articles):
            say(f"{number}/{len(articles)} articles read")
    return annotated
