"""Pagefind over a built site: the command, its summary, and a real index of hand-written French pages."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from generator import search
from generator.search import BUNDLE, SearchIndexError, index_site, pagefind_command, parse_summary

PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav>Accueil Articles Acteurs</nav>{body}<footer>Pied de page</footer></body></html>"""


def write_site(root: Path, pages: dict[str, tuple[str, str]], marked: bool = True) -> Path:
    """A built site of hand-written pages: {path: (title, text)}, the text in data-pagefind-body or not."""
    for path, (title, text) in pages.items():
        body = f"<h1>{title}</h1><p>{text}</p>"
        body = f"<div data-pagefind-body>{body}</div>" if marked else body
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(PAGE.format(title=title, body=body), encoding="utf-8")
    return root


PAGES = {
    "index.html": ("Accueil du dossier", "Un dossier de presse sur la péninsule."),
    "articles/essai/index.html": ("Les négociations reprennent à Séoul", "Les délégués ont signé un accord."),
    "acteurs/ministre/index.html": ("Ministre de la Défense", "Elle dirige la délégation."),
}


@pytest.mark.parametrize("log, expected", [
    ("Total: \n  Indexed 1 language\n  Indexed 3 pages\n  Indexed 57 words\n", (3, 57)),
    ("  Indexed 1 page\n  Indexed 1 word\n", (1, 1)),
    ("Error: Pagefind was not able to build an index.", (0, 0)),
    ("", (0, 0)),
])
def test_search_parse_summary_reads_pages_and_words(log, expected):
    assert parse_summary(log) == expected


def test_search_command_indexes_the_site_in_place(tmp_path):
    command = pagefind_command(Path("/bin/pagefind"), tmp_path / "site")
    assert command[0] == "/bin/pagefind"
    assert command[command.index("--site") + 1] == str(tmp_path / "site")
    assert command[command.index("--output-subdir") + 1] == BUNDLE == "pagefind"


def test_search_index_site_writes_a_french_index_of_marked_text(tmp_path):
    site = write_site(tmp_path, PAGES)
    report = index_site(site)
    assert report.pages == len(PAGES) and report.words > 10
    entry = json.loads((site / BUNDLE / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["fr"]          # <html lang="fr">: French stemming
    assert entry["languages"]["fr"]["page_count"] == len(PAGES)
    assert (site / BUNDLE / "pagefind.js").is_file() and (site / BUNDLE / "wasm.fr.pagefind").is_file()
    assert any((site / BUNDLE / "fragment").iterdir())


@pytest.mark.parametrize("pages, marked", [
    ({}, True),                 # nothing built: no index at all
    (PAGES, False),             # the theme lost data-pagefind-body: navigation and footer would be indexed
])
def test_search_index_site_refuses_an_empty_or_unmarked_site(tmp_path, pages, marked):
    with pytest.raises(SearchIndexError):
        index_site(write_site(tmp_path, pages, marked))


def test_search_missing_pagefind_is_a_search_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)  # import fails as if the wheel were absent
    with pytest.raises(SearchIndexError, match="pagefind"):
        search.pagefind_executable()


def test_search_hook_warns_instead_of_failing(tmp_path, caplog):
    from types import SimpleNamespace

    from generator import hooks

    with caplog.at_level("WARNING", logger="mkdocs.plugins.generator"):
        hooks.on_post_build(SimpleNamespace(site_dir=str(tmp_path)))
    assert any("search:" in record.getMessage() for record in caplog.records)


def test_search_first_result_bytes_counts_what_a_query_loads(tmp_path):
    from generator.search import first_result_bytes
    bundle = index_site(write_site(tmp_path, PAGES)).bundle
    total = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file())
    needed = first_result_bytes(bundle)
    script = (bundle / "pagefind.js").stat().st_size + (bundle / "wasm.fr.pagefind").stat().st_size
    assert script < needed < total      # the UI bundles and the other languages' WebAssembly are not loaded
    assert first_result_bytes(bundle, shown=1) < needed
