"""Compiled regular expressions kept on disk (generator/patterns.py): same Patterns, bad files ignored."""
from __future__ import annotations

import pickle
import re
from re import _compiler

import pytest

from generator import patterns
from generator.patterns import FILE, kept_patterns

CASES = [
    (r"(?i)\b(?:kim jong[- ]un|choe son hui)\b", 0),
    (r"(?P<day>\d{1,2}) (?P<month>[a-zéû]+)", re.IGNORECASE),
    (r"[\w'’-]+", 0),
    (rb"\x00+", 0),
    (r"^\s*#.*$", re.MULTILINE | re.VERBOSE),
]


def compile_fresh(pattern, flags):
    return _compiler.compile(pattern, flags)


@pytest.mark.parametrize("pattern, flags", CASES)
def test_patterns_give_the_same_pattern_stored_and_read_back(tmp_path, pattern, flags):
    for _ in range(2):   # the first time compiles and stores, the second reads the stored code
        with kept_patterns(tmp_path):
            kept = _compiler.compile(pattern, flags)
        assert kept == compile_fresh(pattern, flags)   # equal pattern, flags and code
        assert kept.groupindex == compile_fresh(pattern, flags).groupindex
    assert (tmp_path / FILE).is_file()


def test_patterns_read_back_without_parsing(tmp_path, monkeypatch):
    with kept_patterns(tmp_path):
        _compiler.compile(CASES[0][0], CASES[0][1])
    monkeypatch.setattr(patterns, "_parts", lambda *args: pytest.fail("parsed again"))
    with kept_patterns(tmp_path):
        assert _compiler.compile(*CASES[0]) == compile_fresh(*CASES[0])


def test_patterns_leave_re_as_it_was(tmp_path):
    original = _compiler.compile
    with pytest.raises(ValueError):
        with kept_patterns(tmp_path):
            raise ValueError("a failure inside")
    assert _compiler.compile is original


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(("stamp", "digest", b"payload")),
                                     pickle.dumps(["a list"])])
def test_patterns_corrupt_or_foreign_file_is_rebuilt(tmp_path, content):
    (tmp_path / FILE).write_bytes(content)
    with kept_patterns(tmp_path):
        assert _compiler.compile(*CASES[1]) == compile_fresh(*CASES[1])
    assert patterns.load(tmp_path / FILE, patterns._stamp(patterns._engine()))   # stored again, readable


def test_patterns_another_python_is_a_miss(tmp_path):
    with kept_patterns(tmp_path):
        _compiler.compile(*CASES[2])
    assert patterns.load(tmp_path / FILE, "another python") == {}


def test_patterns_stored_code_tampered_with_is_not_used(tmp_path):
    with kept_patterns(tmp_path):
        _compiler.compile(*CASES[2])
    stamp, digest, payload = pickle.loads((tmp_path / FILE).read_bytes())
    memo = pickle.loads(payload)
    memo = {key: (parts[0], parts[1][:-1] + [0], *parts[2:]) for key, parts in memo.items()}
    (tmp_path / FILE).write_bytes(pickle.dumps((stamp, digest, pickle.dumps(memo))))
    assert patterns.load(tmp_path / FILE, stamp) == {}


def test_patterns_no_folder_changes_nothing():
    original = _compiler.compile
    with kept_patterns(None):
        assert _compiler.compile is original


def test_patterns_keep_only_those_compiled_last_time(tmp_path):
    """Another generator or spaCy compiles other patterns: the file holds those of the last load only."""
    stamp = patterns._stamp(patterns._engine())
    with kept_patterns(tmp_path):
        _compiler.compile(*CASES[0])
        _compiler.compile(*CASES[1])
    with kept_patterns(tmp_path):
        _compiler.compile(*CASES[1])
        _compiler.compile(*CASES[2])
    assert sorted(key[1] for key in patterns.load(tmp_path / FILE, stamp)) == sorted([CASES[1][0], CASES[2][0]])


def test_patterns_a_rebuild_that_compiles_a_few_known_ones_leaves_the_file(tmp_path):
    """Under `mkdocs serve` the model is loaded once: the next builds compile none of its patterns, or a few."""
    stamp = patterns._stamp(patterns._engine())
    with kept_patterns(tmp_path):
        _compiler.compile(*CASES[0])
        _compiler.compile(*CASES[1])
    for compiled in ([CASES[1]], []):
        with kept_patterns(tmp_path):
            for case in compiled:
                _compiler.compile(*case)
        assert sorted(key[1] for key in patterns.load(tmp_path / FILE, stamp)) == sorted([CASES[0][0], CASES[1][0]])



def test_patterns_inside_another_each_keeps_its_own(tmp_path):
    """The command line keeps the rules' patterns around its build, and the model's load inside it keeps the
    model's in their own file: one thread, no deadlock, each file the patterns compiled while it was innermost."""
    stamp = patterns._stamp(patterns._engine())
    with kept_patterns(tmp_path, patterns.RULES_FILE):
        _compiler.compile(*CASES[0])
        with kept_patterns(tmp_path):
            assert _compiler.compile(*CASES[1]) == compile_fresh(*CASES[1])
        _compiler.compile(*CASES[2])
    assert sorted(key[1] for key in patterns.load(tmp_path / FILE, stamp)) == [CASES[1][0]]
    assert (sorted(key[1] for key in patterns.load(tmp_path / patterns.RULES_FILE, stamp))
            == sorted([CASES[0][0], CASES[2][0]]))


# The text of the rules' patterns, as a digest: their alternations are joined from sets of words.
RULES_TEXT = """
import hashlib, re
from generator import event_lexicon, lexicon, org_names, sources
texts = []
def add(value):
    if isinstance(value, re.Pattern):
        texts.append(value.pattern)
    elif isinstance(value, lexicon.NameUnion):
        texts.extend([value.pattern, value._starts.pattern])
        texts.extend(p.pattern for p in map(value._for, "abcdeéÉfghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'") if p)
events = event_lexicon.lexicon()
for kind in events.kinds:
    for value in (kind.pattern, kind.exclude, kind.before_organisation):
        add(value)
for value in vars(events).values():
    add(value)
lex = lexicon.lexicon()
for value in vars(lex).values():
    add(value)
for value in sources._patterns().values():
    add(value)
add(org_names._bare_pattern(lex.bare_heads))
print(len(texts), hashlib.sha256("\\n".join(texts).encode()).hexdigest())
"""


def test_patterns_the_rules_text_is_the_same_in_every_process():
    """Kept by their text, the rules' patterns are served to a new process only if it writes them alike:
    string hashing, which orders a set, changes from one process to the next."""
    import os
    import subprocess
    import sys

    outputs = {subprocess.run([sys.executable, "-c", RULES_TEXT], capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and int(outputs.pop().split()[0]) > 100
