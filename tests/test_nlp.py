"""Loading the model: the character-class memo compiles the same regular expressions."""
from __future__ import annotations

from re import _compiler, _parser

import pytest

from generator.nlp import _charset_memo

ALPHA = "a-zA-ZÀ-ÖØ-öø-ÿĀ-ſƀ-ɏͰ-ϿЀ-ӿ"
PATTERNS = [
    (f"(?iu)^(?:[{ALPHA}]+-[{ALPHA}]+|aujourd['’]hui|[{ALPHA}]+['’][{ALPHA}]+)$", 0),   # as spaCy's TOKEN_MATCH
    (f"[{ALPHA}0-9]+(?:-[{ALPHA}0-9]+)*", 0),
    (r"[^\W\d_]+|[\u0100-\U0001F600]", 0),
    ("[é-ü]|[^a-c]|\\w", 2),   # re.IGNORECASE as a flag
    (b"[a-z\\xe9]+", 2),
]


def _code(pattern, flags):
    parsed = _parser.parse(pattern, flags)
    return _compiler._code(parsed, parsed.state.flags)


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_nlp_charset_memo_compiles_the_same_code(pattern, flags):
    plain = _code(pattern, flags)
    with _charset_memo():
        assert _code(pattern, flags) == plain
        assert _code(pattern, flags) == plain   # from the memo
    assert _compiler._optimize_charset.__module__ == "re._compiler"   # put back
