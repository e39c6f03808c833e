"""The whole build on the seed corpus: golden tree, contract, idempotence, isolation, strict MkDocs."""
from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.site import build_site
from generator.write import MANIFEST

from .conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
KIND_KEYS = {
    "article": {"kind", "seed", "title", "published", "published_status", "actors", "countries", "places",
                "sources", "dates", "events"},
    "actor": {"kind", "title", "name", "type", "aliases", "roles", "articles", "events"},
    "place": {"kind", "title", "name", "type", "aliases", "articles"},
    "event": {"kind", "title", "date", "actors", "places", "articles"},
    "source": {"kind", "title", "description", "name", "articles"},
    "index": {"kind", "title", "description", "jsonld"},
}


def pages(docs: Path) -> dict[str, str]:
    return {str(p.relative_to(docs)): p.read_text(encoding="utf-8")
            for p in sorted(docs.rglob("*")) if p.is_file() and p.name != MANIFEST}


def front(text: str) -> dict:
    assert text.startswith("---\n")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def test_site_builds_every_seed(seed_build):
    docs, report = seed_build
    assert report.problems == []
    assert len(report.built) == len(list(SEEDS.glob("*.txt"))) == 4
    assert len(list((docs / "articles").glob("*.md"))) == 5  # four articles and the index


def test_site_matches_the_golden_tree(seed_build, request):
    docs, _ = seed_build
    built = pages(docs)
    if request.config.getoption("--update-golden"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for relative, text in built.items():
            (GOLDEN / relative).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / relative).write_text(text, encoding="utf-8")
    golden = pages(GOLDEN)
    diff = []
    for relative in sorted(set(built) | set(golden)):
        diff += difflib.unified_diff(golden.get(relative, "").splitlines(), built.get(relative, "").splitlines(),
                                     f"golden/{relative}", f"built/{relative}", lineterm="", n=1)
    assert not diff, "build differs from tests/golden (run pytest --update-golden and review):\n" + \
        "\n".join(diff[:80])


def test_site_front_matter_contract(seed_build):
    docs, _ = seed_build
    for relative, text in pages(docs).items():
        if not relative.endswith(".md"):
            continue
        meta = front(text)
        assert meta["kind"] in KIND_KEYS, relative
        missing = KIND_KEYS[meta["kind"]] - set(meta)
        assert not missing, f"{relative}: missing {missing}"
        if meta["kind"] == "article":
            for date in meta["dates"]:
                assert {"text", "value", "precision", "resolution"} <= set(date)
            for actor in meta["actors"]:
                assert actor["type"] in ("person", "organisation")


def test_site_second_build_writes_nothing(seed_build):
    docs, _ = seed_build
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*")}
    report = build_site(SEEDS, docs, ROOT / "dossier.yml")
    assert report.written == [] and report.removed == []
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*")} == before


def test_site_same_input_gives_byte_identical_docs(seed_build, tmp_path):
    docs, _ = seed_build
    build_site(SEEDS, tmp_path / "docs", ROOT / "dossier.yml")
    assert pages(tmp_path / "docs") == pages(docs)


def test_site_one_bad_seed_is_one_problem_and_the_rest_builds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (seeds / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 10)
    report = build_site(seeds, tmp_path / "docs", tmp_path / "dossier.yml")
    assert len(report.problems) == 1 and "broken.txt" in str(report.problems[0])
    assert len(report.built) == 4


def test_site_command_line_exit_codes(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Un titre\n\nUn paragraphe qui dit quelque chose.\n", encoding="utf-8")
    (seeds / "vide.txt").write_text("  \n", encoding="utf-8")
    run = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs")]
    result = subprocess.run(run, capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1, result.stderr
    problems = [line for line in result.stderr.splitlines() if "vide.txt" in line]
    assert len(problems) == 1 and "Traceback" not in result.stderr
    usage = subprocess.run([sys.executable, "-m", "generator", "build", "--bogus"], capture_output=True, cwd=ROOT)
    assert usage.returncode == 2


def test_site_mkdocs_build_strict(project_copy):
    result = subprocess.run([str(Path(sys.executable).with_name("mkdocs")), "build", "--strict"],
                            cwd=project_copy, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    site = project_copy / "site"
    assert (site / "index.html").exists()
    assert len(list((site / "articles").glob("*/index.html"))) == 4
    assert len(list((site / "acteurs").glob("*/index.html"))) > 5


def test_site_refuses_symbolic_links_in_docs(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "secret.md").write_text("secret", encoding="utf-8")
    (docs / "lien.md").symlink_to(tmp_path / "secret.md")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Un titre\n\nUn paragraphe.\n", encoding="utf-8")
    report = build_site(seeds, docs, tmp_path / "dossier.yml")
    assert [p.message.split(";")[0] for p in report.problems] == ["is a symbolic link"]
    assert "lien.md" in report.problems[0].file


@pytest.fixture
def cached_project(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A copy of the seeds and dossier.yml with a cache of its own: the seeds folder and where the docs go."""
    from generator import cache

    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copy(ROOT / "dossier.yml", tmp_path / "dossier.yml")
    monkeypatch.setattr(cache, "RACY_NS", 0)   # trust records of files written a moment ago: a test is quick
    monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
    return seeds, tmp_path / "docs"


def _docs_tree(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


# Edits of one article that reach other pages: a new sentence naming actors and a date, then a new headline.
EDITS = [
    lambda text: text + "\nLe 12 janvier 2026, Kim Jong Un a reçu à Pyongyang une délégation de Moscou, selon KCNA.\n",
    lambda text: "Un nouveau titre pour un article déjà lu\n" + text,
]


def test_site_incremental_build_is_byte_identical_to_a_fresh_one(cached_project, tmp_path, monkeypatch):
    from generator import cache, render

    seeds, docs = cached_project
    assert build_site(seeds, docs).ok
    rendered = []
    real = render.Page.render
    monkeypatch.setattr(render.Page, "render", lambda page: rendered.append(page) or real(page))
    edited = sorted(seeds.glob("*.txt"))[1]
    for number, edit in enumerate(EDITS):
        edited.write_text(edit(edited.read_text(encoding="utf-8")), encoding="utf-8")
        rendered.clear()
        report = build_site(seeds, docs)
        assert report.ok and report.written
        pages = len([p for p in report.written + report.unchanged if not p.startswith("donnees/")])
        assert 0 < len(rendered) < pages / 2   # only the pages whose inputs changed were rendered
        monkeypatch.setenv(cache.ENV, str(tmp_path / f"fresh-cache-{number}"))
        fresh = build_site(seeds, tmp_path / f"fresh-{number}")
        monkeypatch.setenv(cache.ENV, str(tmp_path / "cache"))
        assert fresh.ok and _docs_tree(docs) == _docs_tree(tmp_path / f"fresh-{number}")


def test_site_rebuilds_in_one_process_equal_a_fresh_build_in_another(cached_project, tmp_path, monkeypatch):
    """As under `mkdocs serve`: edits rebuilt in one process, with all it keeps in memory from one build to the next
    (articles, candidates, pairs, cosines, names found, refs), give the docs a new process builds without a cache."""
    from generator import cache

    seeds, docs = cached_project
    assert build_site(seeds, docs).ok
    edited = sorted(seeds.glob("*.txt"))[1]
    for edit in EDITS:
        edited.write_text(edit(edited.read_text(encoding="utf-8")), encoding="utf-8")
        assert build_site(seeds, docs).ok
    fresh = tmp_path / "fresh"
    subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--docs", str(fresh), "--quiet"],
                   cwd=ROOT, env={**os.environ, cache.ENV: "off"}, check=True)
    assert _docs_tree(docs) == _docs_tree(fresh)


def test_site_serving_reads_the_unchanged_corpus_so_the_first_edit_starts_from_it(cached_project, tmp_path, monkeypatch):
    """`mkdocs serve` after a command-line build: its first build finds nothing changed and writes nothing, but
    holds the corpus as a build of its own would, so the first edit reads nothing from the cache but the edit's."""
    import pickle

    from generator import cache, patterns
    from generator import site as site_module
    from generator.nlp import load_nlp

    seeds, docs = cached_project
    command = [sys.executable, "-m", "generator", "build", "--seeds", str(seeds), "--quiet"]
    subprocess.run([*command, "--docs", str(docs)], cwd=ROOT, env=os.environ, check=True)
    before = _docs_tree(docs)
    load_nlp.cache_clear()
    report = build_site(seeds, docs, serving=True)
    assert report.ok and report.corpus is None and not report.written and _docs_tree(docs) == before
    assert load_nlp.cache_info().currsize == 1   # the first edit needs the model: loaded meanwhile
    loads = []
    real_load = pickle.load
    monkeypatch.setattr(pickle, "load", lambda file: loads.append(file.name) or real_load(file))
    edited = sorted(seeds.glob("*.txt"))[1]
    for edit in EDITS:
        edited.write_text(edit(edited.read_text(encoding="utf-8")), encoding="utf-8")
        assert build_site(seeds, docs, serving=True).ok
        # The articles, candidates, pairs and fragments of the last build were in memory (the edited article's
        # annotation loads the model's patterns).
        assert [name for name in loads if Path(name).name != patterns.FILE] == []
    # The pages it wrote make MkDocs build again: nothing changed, and what the process holds is that build's.
    linked = []
    monkeypatch.setattr(site_module, "link", lambda *args, **kwargs: linked.append(1))
    report = build_site(seeds, docs, serving=True)
    assert report.ok and report.corpus is None and not report.written and linked == []
    fresh = tmp_path / "fresh"
    subprocess.run([*command, "--docs", str(fresh)], cwd=ROOT, env={**os.environ, cache.ENV: "off"}, check=True)
    assert _docs_tree(docs) == _docs_tree(fresh)


def test_site_serving_build_that_finds_nothing_changed_does_not_fail_for_what_it_reads_ahead(cached_project, tmp_path, monkeypatch):
    from generator import cache
    from generator import site as site_module

    seeds, docs = cached_project
    assert build_site(seeds, docs).ok
    monkeypatch.setattr(site_module, "_held", None)   # as a new process
    monkeypatch.setattr(site_module, "link", lambda *args, **kwargs: 1 / 0)
    report = build_site(seeds, docs, serving=True)
    assert report.ok and report.corpus is None and not report.written and site_module._held is None


@pytest.mark.parametrize("command, serving", [("serve", True), ("build", False), ("gh-deploy", False)])
def test_site_hook_reads_the_corpus_on_a_skipped_build_only_under_serve(tmp_path, monkeypatch, command, serving):
    from types import SimpleNamespace

    from generator import hooks
    from generator.site import Report

    calls = []
    monkeypatch.setattr(hooks, "build_site", lambda *args, **kwargs: calls.append(kwargs) or Report())
    hooks.on_startup(command)
    try:
        hooks.on_pre_build(SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"), docs_dir=str(tmp_path)))
    finally:
        hooks.on_startup("build")
    assert [call["serving"] for call in calls] == [serving]
