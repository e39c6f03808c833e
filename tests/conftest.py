"""Shared fixtures: one build of the seed corpus per test session."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.render import FOLDERS
from generator.write import MANIFEST

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GENERATED = (*FOLDERS.values(), MANIFEST)  # what the build writes under docs/


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden from the current build (review the diff before committing)")


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """(docs folder, report) of a build of seeds/ with the project's dossier.yml."""
    from generator.site import build_site

    docs = tmp_path_factory.mktemp("build") / "docs"
    report = build_site(SEEDS, docs, ROOT / "dossier.yml")
    return docs, report


@pytest.fixture
def project_copy(tmp_path):
    """A throw-away copy of the project's site sources (config, docs, seeds, dossier)."""
    for name in ("mkdocs.yml", "dossier.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds", ignore=shutil.ignore_patterns(".*"))
    shutil.copytree(ROOT / "docs", tmp_path / "docs",
                    ignore=shutil.ignore_patterns(*GENERATED))
    for folder in ("generator", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path
