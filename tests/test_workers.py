"""A build whose worker processes also make the event candidates and render the pages gives the same site."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import cache as cache_module
from generator import site as site_module
from generator.site import build_site

from .conftest import ROOT

CORPUS = ROOT / "tests" / "tuning2"


def tree(docs: Path) -> dict[str, bytes]:
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.fixture
def fresh_process():
    cache_module._MEMORY.clear()
    cache_module._CANDIDATE_MEMORY.clear()


def test_workers_make_the_same_site_as_one_process(tmp_path, monkeypatch, fresh_process):
    monkeypatch.setenv(cache_module.ENV, str(tmp_path / "alone"))
    monkeypatch.setattr(site_module, "PARALLEL_MIN", 10 ** 6)
    monkeypatch.setattr(site_module, "PARALLEL_MIN_LOADED", 10 ** 6)
    alone = build_site(CORPUS / "seeds", tmp_path / "alone-docs", ROOT / "dossier.yml")

    cache_module._MEMORY.clear()
    cache_module._CANDIDATE_MEMORY.clear()
    monkeypatch.setenv(cache_module.ENV, str(tmp_path / "workers"))
    for name, value in (("PARALLEL_MIN", 1), ("PARALLEL_MIN_LOADED", 1), ("CHUNK", 4), ("PARALLEL_PAGES", 1)):
        monkeypatch.setattr(site_module, name, value)
    sent = []
    map_ = site_module._Workers.map
    monkeypatch.setattr(site_module._Workers, "map",
                        lambda self, items, function, chunk: sent.append((function.__name__, len(items), self.started))
                        or map_(self, items, function, chunk))
    together = build_site(CORPUS / "seeds", tmp_path / "workers-docs", ROOT / "dossier.yml")

    assert {name for name, count, started in sent if count and started} == {"make_candidates", "_render"}
    assert alone.problems == together.problems and alone.built == together.built
    assert tree(tmp_path / "alone-docs") == tree(tmp_path / "workers-docs")
    # The candidates made by the workers were stored: a new process reads them back, makes none.
    cache_module._CANDIDATE_MEMORY.clear()
    stored = list((tmp_path / "workers").rglob("*.candidates"))
    assert len(stored) == len(together.built)


def test_workers_collector_freezes_what_lived_before_and_restores_it():
    """Switched on inside a build (collector off), the collector leaves the objects alive before it alone."""
    import gc

    was = gc.isenabled()
    gc.disable()
    try:
        before = gc.get_freeze_count()
        with site_module._collector(enabled=True):
            assert gc.isenabled() and gc.get_freeze_count() > before
        assert not gc.isenabled() and gc.get_freeze_count() == before
        gc.enable()
        with site_module._collector(enabled=True):   # already on (a worker): nothing frozen
            assert gc.get_freeze_count() == before
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
