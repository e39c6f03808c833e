"""The owner corrects the machine: dossier.yml and sidecars hold across rebuilds."""
from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
import yaml

from generator.site import build_site

from .conftest import ROOT, SEEDS


def front(path):
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text[4:text.index("\n---\n", 4)])


def metas(docs, folder):
    return {p.name: front(p) for p in (docs / folder).glob("*.md") if p.name != "index.md"}


@pytest.fixture
def dossier(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)

    def build(knowledge: str = "", sidecars: dict[str, str] | None = None):
        (tmp_path / "dossier.yml").write_text(knowledge, encoding="utf-8")
        for name, text in (sidecars or {}).items():
            (seeds / name).write_text(text, encoding="utf-8")
        report = build_site(seeds, tmp_path / "docs", tmp_path / "dossier.yml")
        assert report.problems == []
        return tmp_path / "docs"
    return build


def test_curation_alias_renames_the_actor_everywhere(dossier):
    dossier()  # first build under the machine's names
    docs = dossier("actors:\n  - {name: Kim Jong-un, type: person, aliases: [Kim Jong Un, Kim Jong UN]}\n")
    names = {m["name"] for m in metas(docs, "acteurs").values()}
    assert "Kim Jong-un" in names and "Kim Jong Un" not in names
    for meta in metas(docs, "articles").values():
        listed = {a["name"] for a in meta["actors"]}
        assert "Kim Jong Un" not in listed and "Kim Jong-un" in listed
    for meta in metas(docs, "evenements").values():
        assert "Kim Jong Un" not in meta["actors"]


def test_curation_ignore_removes_an_actor_but_keeps_the_source(dossier):
    docs = dossier("ignore: [KCNA]\n")
    assert not any(m["name"] == "KCNA" for m in metas(docs, "acteurs").values())
    articles = metas(docs, "articles").values()
    assert all("KCNA" not in {a["name"] for a in m["actors"]} for m in articles)
    assert any("KCNA" in {s["name"] for s in m["sources"]} for m in articles)


def test_curation_sidecar_date_resolves_relative_dates(dossier):
    docs = dossier(sidecars={"002_cd2189cb35fbd03a.yml": "published: 2025-08-23\nurl: https://example.org/a\n"})
    meta = next(m for m in metas(docs, "articles").values() if m["seed"] == "002_cd2189cb35fbd03a.txt")
    assert meta["published"] == "2025-08-23" and meta["published_status"] == "given"
    assert meta["url"] == "https://example.org/a"
    values = {d["text"]: d["value"] for d in meta["dates"]}
    assert values["vendredi"] == "2025-08-22"
    assert values["En avril"] == "2025-04"


def test_curation_merge_makes_one_event_page(dossier):
    docs = dossier()
    events = metas(docs, "evenements")
    (a, meta_a), (b, meta_b) = sorted(events.items())[:2]

    def quotes(name):  # the sentences an event page rests on
        return {line for line in (docs / "evenements" / name).read_text(encoding="utf-8").splitlines()
                if line.startswith("> ")}
    before = quotes(a) | quotes(b)
    docs = dossier(f"events:\n  merge: [[{a.removesuffix('.md')}, {b.removesuffix('.md')}]]\n")
    merged = metas(docs, "evenements")
    assert len(merged) == len(events) - 1
    kept = a if a in merged else b
    assert set(merged[kept]["articles"]) == set(meta_a["articles"]) | set(meta_b["articles"])
    assert before <= quotes(kept)


def test_curation_bad_dossier_names_file_and_line(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    (tmp_path / "dossier.yml").write_text("actors:\n  - {name: X, type: robot}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "build", "--seeds", str(seeds),
                             "--docs", str(tmp_path / "docs")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert "dossier.yml:1: actors[0]: 'type' must be one of" in result.stderr
    assert "Traceback" not in result.stderr


def test_curation_review_lists_findings_with_snippets(tmp_path):
    result = subprocess.run([sys.executable, "-m", "generator", "review", "--seeds", str(SEEDS),
                             "--dossier", str(tmp_path / "none.yml")], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.index("Articles without a publication date") < out.index("Actors not in dossier.yml")
    assert "published: AAAA-MM-JJ" in out
    assert "- {name: " in out and "type: person" in out
