"""The published site depends on its sources and SOURCE_DATE_EPOCH only, never on the day it is built.

The Pages workflow sets SOURCE_DATE_EPOCH to the last commit's time; here the same commit is built
on two simulated days (libfaketime shifts every clock the build reads) and the trees must be equal.
"""
from __future__ import annotations

import shutil

import pytest

from .browser.project import copy_project, mkdocs_build, tree_digest

FAKETIME = shutil.which("faketime")
SOURCE_DATE_EPOCH = "1764547200"  # 2025-12-01T00:00:00Z, a fixed "last commit" time
DAYS = ("2026-11-21 09:00:00", "2027-03-02 23:30:00")


@pytest.mark.skipif(FAKETIME is None, reason="faketime is not installed (apt-get install faketime)")
def test_reproducible_site_is_identical_on_two_days(tmp_path):
    trees = []
    for number, day in enumerate(DAYS):
        project = copy_project(tmp_path / f"day{number}")
        # The monotonic clock stays real: faking it can stall thread pools.
        site = mkdocs_build(project, env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH,
                                          "FAKETIME_DONT_FAKE_MONOTONIC": "1"},
                            prefix=(FAKETIME, day))
        trees.append(tree_digest(site))
    first, second = trees
    differing = sorted(path for path in set(first) | set(second) if first.get(path) != second.get(path))
    assert differing == [], f"the site changes with the day it is built: {differing[:20]}"
    assert "sitemap.xml.gz" in first and len(first) > 50


def test_reproducible_tree_digest_sees_content_and_names(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.html").write_text("un", encoding="utf-8")
    before = tree_digest(tmp_path)
    (tmp_path / "a" / "x.html").write_text("deux", encoding="utf-8")
    changed = tree_digest(tmp_path)
    (tmp_path / "a" / "x.html").rename(tmp_path / "a" / "y.html")
    renamed = tree_digest(tmp_path)
    assert len({tuple(before.items()), tuple(changed.items()), tuple(renamed.items())}) == 3
