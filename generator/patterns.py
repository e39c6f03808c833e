"""Compiled regular expressions kept on disk, so that loading the model does not compile them again.

Loading spaCy's French model compiles about 170 patterns (its tokenizer's), 0.6 CPU-s in every process
that annotates. `re` parses a pattern and generates its code in pure Python; that code is a function of the
pattern, its flags and the `re` of this Python only, so it is stored by pattern and handed back to
`_sre.compile`, which makes the very same Pattern (Patterns compare equal by pattern, flags and code).
The command line keeps the rules' own patterns (lexicons, alternations of their words) the same way, in a file of
their own (RULES_FILE): their text is the same in every process, since words joined from a set are sorted.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FILE = "patterns.pickle"
RULES_FILE = "rule_patterns.pkl"   # the command line's build: kept_patterns(folder, RULES_FILE)
FORMAT = 1
_LOCK = threading.RLock()   # one thread may keep the model's patterns inside a build that keeps the rules'

# pattern's (type name, text, flags) -> what _sre.compile takes after the text: (flags, code, groups,
# groupindex, indexgroup)
Parts = tuple[int, list[int], int, dict, tuple]


def _engine():
    """The `re` compiler and engine of this Python, or None when they do not have the shape this module knows."""
    try:
        import _sre
        from re import _compiler, _parser
    except ImportError:
        return None
    if not all(hasattr(module, name) for module, name in ((_compiler, "compile"), (_compiler, "_code"),
                                                         (_parser, "parse"), (_sre, "compile"), (_sre, "MAGIC"))):
        return None
    return _sre, _compiler, _parser


@contextmanager
def kept_patterns(folder: Path | None, name: str = FILE) -> Iterator[None]:
    """While inside, `re` takes the code of each pattern from `folder / name` when it was stored there; new
    patterns are stored on leaving. None (no cache folder), or a `re` of another shape: nothing changes. Inside
    another `kept_patterns` of the same thread, the inner one keeps the patterns compiled while it is open."""
    engine = _engine()
    if folder is None or engine is None:
        yield
        return
    _sre, _compiler, _parser = engine
    stamp = _stamp(engine)
    memo = load(folder / name, stamp)
    used: dict[tuple, Parts] = {}
    original = _compiler.compile

    def compile(p, flags=0):
        if not isinstance(p, (str, bytes)) or flags & _compiler.SRE_FLAG_DEBUG:
            return original(p, flags)
        key = (type(p).__name__, p, int(flags))
        parts = used.get(key) or memo.get(key) or _parts(_compiler, _parser, p, flags)
        used[key] = parts
        return _sre.compile(p, *parts)

    with _LOCK:
        _compiler.compile = compile
        try:
            yield
        finally:
            _compiler.compile = original
    # New patterns (another spaCy): the file then holds this load's. None: under `mkdocs serve` the model is loaded
    # once, the next builds compile nothing here, and the file stays whole.
    if used.keys() - memo.keys():
        save(folder / name, stamp, used)


def _parts(_compiler, _parser, pattern: str | bytes, flags: int) -> Parts:
    """What re._compiler.compile hands to _sre.compile for this pattern (the same steps, in the same order)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # The code holds re's named opcodes (int subclasses that do not pickle): plain ints are the same code.
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, dict(groupindex),
            tuple(indexgroup))


def _stamp(engine) -> str:
    """What the stored code depends on: this Python, its engine's version, the source of its compiler."""
    _sre, _compiler, _parser = engine
    digest = hashlib.sha256(f"{FORMAT} {sys.version} {sys.implementation.cache_tag} {_sre.MAGIC} "
                            f"{getattr(_sre, 'CODESIZE', '')}".encode())
    for module in (_compiler, _parser):
        try:
            digest.update(Path(module.__file__).read_bytes())
        except (OSError, TypeError, AttributeError):
            digest.update(b"?")
    return digest.hexdigest()


def load(path: Path, stamp: str) -> dict:
    """The stored parts by pattern; {} when the file is missing, corrupt or made by another Python."""
    try:
        with open(path, "rb") as file:
            stored_stamp, digest, payload = pickle.load(file)
        if stored_stamp != stamp or hashlib.sha256(payload).hexdigest() != digest:
            return {}
        memo = pickle.loads(payload)
    except Exception:  # missing, truncated or foreign: compile as usual
        return {}
    return memo if isinstance(memo, dict) and all(_well_formed(k, v) for k, v in memo.items()) else {}


def _well_formed(key, parts) -> bool:
    return (type(key) is tuple and len(key) == 3 and type(parts) is tuple and len(parts) == 5
            and type(parts[1]) is list and all(type(c) is int for c in parts[1]))


def save(path: Path, stamp: str, memo: dict) -> None:
    """Store atomically (temporary file, then rename); a cache that cannot be written is skipped."""
    try:
        payload = pickle.dumps(memo, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".", suffix=".tmp", delete=False) as file:
            pickle.dump((stamp, hashlib.sha256(payload).hexdigest(), payload), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(file.name, path)
    except (OSError, pickle.PicklingError, TypeError):
        try:
            os.unlink(file.name)
        except (OSError, NameError):
            pass
