"""dossier.yml: validated, safe, every mistake named with its file and line."""
import pytest
import yaml

from generator.knowledge import load_knowledge
from generator.lexicon import DATA, load_data


def write(tmp_path, text):
    path = tmp_path / "dossier.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_knowledge_missing_file_is_an_empty_dossier(tmp_path):
    knowledge, problems = load_knowledge(tmp_path / "dossier.yml")
    assert knowledge.actors == () and problems == []


def test_knowledge_reads_actors_ignore_and_events(tmp_path):
    path = write(tmp_path, """
actors:
  - {name: Jean Dupont, type: person, aliases: [J. Dupont, M. Dupont], wikidata: Q1}
ignore: [Etat]
events:
  merge: [[visite-a, visite-b]]
  rename: {visite-a: Visite officielle}
  split: [rencontre-x]
""")
    knowledge, problems = load_knowledge(path)
    assert problems == []
    assert knowledge.actors[0].aliases == ("J. Dupont", "M. Dupont")
    assert knowledge.ignore == ("Etat",)
    assert knowledge.merge_events == (("visite-a", "visite-b"),)
    assert knowledge.rename_events == (("visite-a", "Visite officielle"),)
    assert knowledge.split_events == ("rencontre-x",)


@pytest.mark.parametrize("text, message, line", [
    ("actors: [\n  {name: x\n", "malformed YAML", 3),
    ("acteurs: []\n", "unknown key 'acteurs'", 1),
    ("ignore: Etat\n", "'ignore' must be a list", 1),
    ("actors:\n  - {name: X, type: robot}\n", "'type' must be one of", 1),
    ("actors:\n  - {nom: X}\n", "unknown key 'nom'", 1),
    ("a: &x [1]\nb: *x\n", "aliases", 2),
    ("x: !!python/object/apply:os.system [echo hi]\n", "malformed YAML", 1),
    ("- just\n- a list\n", "must be a mapping", 1),
])
def test_knowledge_errors_name_file_and_line(tmp_path, text, message, line):
    _, problems = load_knowledge(write(tmp_path, text))
    assert problems, text
    assert message in problems[0].message
    assert problems[0].line == line
    assert problems[0].file.endswith("dossier.yml")


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("*.yml")))
def test_knowledge_data_files_read_as_safe_load_does(name):
    """The data files are read with libyaml's parser when PyYAML has it: the same values as yaml.safe_load."""
    text = (DATA / name).read_text(encoding="utf-8")
    assert repr(load_data(text)) == repr(yaml.safe_load(text))
