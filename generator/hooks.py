"""MkDocs hook: `mkdocs build|serve|gh-deploy` regenerate the pages from seeds/ first.

Problems become MkDocs warnings, so `mkdocs build --strict` fails on them. The hook
module stays loaded during `mkdocs serve`, and so does the language model.
"""
from __future__ import annotations

import logging
from pathlib import Path

from generator.search import SearchIndexError, index_site
from generator.site import build_site

log = logging.getLogger("mkdocs.plugins.generator")
_command = "build"
_home = None   # the home page's figures from the last build (kept even when the build was skipped)


def on_startup(command, **kwargs) -> None:
    global _command
    _command = command


def on_config(config, **kwargs):
    # The theme leaves out the Content-Security-Policy in local preview only (overrides/main.html).
    config.extra["serving"] = _command == "serve"
    return config


def on_pre_build(config, **kwargs) -> None:
    root = Path(config.config_file_path).parent
    global _home
    report = build_site(root / "seeds", Path(config.docs_dir), root / "dossier.yml", progress=log.info,
                        serving=_command == "serve")
    _home = report.home
    for problem in report.problems:
        log.warning("%s", problem)
    log.info("generator: %d/%d articles built, %d pages written, %d removed",
             len(report.built), report.seeds, len(report.written), len(report.removed))


def on_page_markdown(markdown: str, page, **kwargs) -> str:
    """The home page is written by hand; its figures are added here, never written into the file."""
    if page.file.src_uri == "index.md" and _home is not None:
        return markdown.rstrip("\n") + "\n" + _home
    return markdown


def on_post_build(config, **kwargs) -> None:
    """Pagefind indexes the built pages (under `mkdocs serve` too: its temporary site gets an index)."""
    try:
        report = index_site(Path(config.site_dir))
    except SearchIndexError as error:
        log.warning("search: %s", error)
        return
    log.info("search: Pagefind indexed %d pages, %d words", report.pages, report.words)
