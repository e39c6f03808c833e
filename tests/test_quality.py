"""Extraction quality on the seeds, measured by the project's scorer against the gold annotations."""
from __future__ import annotations

import importlib.util

import pytest
import yaml

from .conftest import ROOT

EVAL = ROOT.parent / "shared" / "eval"
SEED_TARGETS = {
    "actors_f1": 0.95, "places_f1": 0.95, "sources_f1": 0.90, "dates_f1": 0.95, "published_accuracy": 1.0,
    "events_recall": 0.9, "events_merged": 0.8,
}


def scorer():
    path = EVAL / "score.py"
    if not path.exists():
        pytest.skip(f"the scorer is not beside the checkout ({path})")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def seed_scores(seed_build):
    docs, _ = seed_build
    gold = yaml.safe_load((EVAL / "gold" / "seeds.yml").read_text(encoding="utf-8"))
    return scorer().score(gold, docs)


@pytest.mark.parametrize("figure, minimum", sorted(SEED_TARGETS.items()))
def test_quality_seed_targets(seed_scores, figure, minimum):
    assert seed_scores[figure] >= minimum, {k: v for k, v in seed_scores.items() if k in ("articles", figure)}


def test_quality_no_duplicate_event_pages(seed_scores):
    assert seed_scores["event_duplicates"] == 0


def test_quality_every_gold_actor_has_a_page(seed_build):
    docs, _ = seed_build
    gold = yaml.safe_load((EVAL / "gold" / "seeds.yml").read_text(encoding="utf-8"))
    fold = scorer().fold
    pages = set()
    for path in (docs / "acteurs").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text[4:text.index("\n---\n", 4)])
        if meta.get("kind") == "actor":
            pages |= {fold(meta["name"]), *map(fold, meta.get("aliases") or [])}
    missing = {a["name"] for article in gold["articles"] for a in article["actors"]
               if not ({fold(a["name"]), *map(fold, a.get("aliases") or [])} & pages)}
    assert not missing
