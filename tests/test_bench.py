"""The benchmark: synthetic articles by general transformations, and a smoke run on 5 articles."""
from __future__ import annotations

import random

import pytest

from generator import bench

TEXT = """Le sommet de Lisbonne s'ouvre sous tension
Par Jeanne Morel
Publié le 4 mars 2021 à 10h12
La ministre Hélène Carrère a rencontré mardi Paul Vasseur, le 3 mars 2021, pour parler du budget de l'année suivante.
Selon Le Monde, Paul Vasseur a quitté la réunion avant la fin, ce que la ministre a regretté devant la presse.
Une troisième phrase, assez longue elle aussi pour compter comme un paragraphe du corps de l'article de presse.
"""


def test_bench_transform_is_deterministic():
    assert bench.transform(TEXT, random.Random(7)) == bench.transform(TEXT, random.Random(7))


@pytest.mark.parametrize("salt", range(5))
def test_bench_transform_renames_people_and_moves_dates(salt):
    out = bench.transform(TEXT, random.Random(salt))
    assert "Hélène Carrère" not in out and "Paul Vasseur" not in out
    assert "Selon Le Monde" in out                       # a sentence-initial preposition is no name
    years = {int(y) for y in bench._YEAR.findall(out)}
    assert len(years) == 1 and 2018 <= years.pop() <= 2024  # every year moves by the same shift
    assert out.splitlines()[0] == TEXT.splitlines()[0]      # the head stays in place
    assert len(out.splitlines()) == len(TEXT.splitlines())  # paragraphs move, none is lost


def test_bench_transform_keeps_one_name_per_person_within_an_article():
    out = bench.transform(TEXT, random.Random(3))
    renamed = [line for line in out.splitlines() if "a quitté la réunion" in line][0]
    first = [line for line in out.splitlines() if "a rencontré mardi" in line][0]
    guest = first.split("mardi ")[1].split(",")[0]
    assert guest in renamed


@pytest.mark.parametrize("config, gone, kept", [
    ("site_name: X\nhooks:\n  - generator/hooks.py\nwatch:\n  - seeds\nnav:\n  - a.md\n", ["hooks", "watch"], ["nav", "site_name"]),
    ("plugins:\n  - search\n", [], ["plugins", "search"]),
])
def test_bench_config_without_hook(config, gone, kept):
    out = bench._without_hook(config)
    assert all(word not in out for word in gone) and all(word in out for word in kept)


def test_bench_synthesize_writes_distinct_articles(tmp_path):
    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "x.txt").write_text(TEXT, encoding="utf-8")
    paths = bench.synthesize(seeds, tmp_path / "out", 6)
    assert len(paths) == 6 and len({p.read_text(encoding="utf-8") for p in paths}) == 6


def test_bench_smoke_prints_its_table(capsys):
    assert bench.main(["--sizes", "5"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    head = [c.strip() for c in lines[0].strip("|").split("|")]
    cells = dict(zip(head, (c.strip() for c in lines[2].strip("|").split("|"))))
    assert cells["articles"] == "5" and float(cells["cold s"]) > 0 and int(cells["pages"]) > 5
    assert float(cells["serve cpu s"]) > 0 and float(cells["next serve cpu s"]) > 0   # both edits rebuilt
    assert 0 < float(cells["first result KB"]) < float(cells["search MB"]) * 1000   # Pagefind indexed the site


def test_bench_generated_folders_are_those_a_build_writes():
    from generator.render import FOLDERS
    from generator.write import MANIFEST

    assert set(bench.GENERATED) == {*FOLDERS.values(), MANIFEST}
