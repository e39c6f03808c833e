"""What the dossier's owner knows, from `dossier.yml`: canonical names, aliases, types, ignores, event fixes.

Read with `yaml.safe_load` semantics only (no tags, no aliases), validated key by key;
every mistake comes back as a `Problem` naming the file and the line.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .model import Problem

MAX_BYTES = 1 << 20
ACTOR_TYPES = ("person", "organisation", "country", "place")


@dataclass(frozen=True)
class KnownActor:
    name: str
    type: str = "person"
    aliases: tuple[str, ...] = ()
    description: str | None = None
    wikidata: str | None = None


@dataclass(frozen=True)
class Knowledge:
    actors: tuple[KnownActor, ...] = ()
    ignore: tuple[str, ...] = ()
    merge_events: tuple[tuple[str, ...], ...] = ()   # lists of event slugs that are one event
    rename_events: tuple[tuple[str, str], ...] = ()  # (slug, new title)
    split_events: tuple[str, ...] = ()               # event slugs to split back into one per article


class _Loader(yaml.SafeLoader):
    """safe_load that also refuses YAML aliases (a few hundred bytes can expand to gigabytes)."""

    def compose_node(self, parent, index):  # noqa: D401 - PyYAML hook
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "aliases (*name) are not allowed", event.start_mark)
        return super().compose_node(parent, index)


def load_yaml(path: Path) -> tuple[object, list[Problem]]:
    """Parse a small YAML file safely; problems name the file and the line."""
    name = str(path)
    try:
        if path.is_symlink():
            return None, [Problem(name, "is a symbolic link; refusing to read it")]
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(name, f"is {size} bytes; a YAML file may hold at most {MAX_BYTES}")]
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return None, [Problem(name, f"is not UTF-8 ({error.reason} at byte {error.start})")]
    except OSError as error:
        return None, [Problem(name, f"cannot be read: {error.strerror}")]
    try:
        node = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        return None, [Problem(name, f"malformed YAML: {error.problem or error.context}", line)]
    except yaml.YAMLError as error:
        return None, [Problem(name, f"malformed YAML: {error}")]
    return data, []


def load_knowledge(path: Path) -> tuple[Knowledge, list[Problem]]:
    """dossier.yml -> Knowledge; a missing file is an empty dossier, not an error."""
    if not path.exists() and not path.is_symlink():
        return Knowledge(), []
    data, problems = load_yaml(path)
    if problems:
        return Knowledge(), problems
    if data is None:
        return Knowledge(), []
    lines = _key_lines(path)
    return _validate(data, str(path), lines)


def _key_lines(path: Path) -> dict[str, int]:
    """Line of each top-level key, so problems can point at it."""
    lines: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8-sig").splitlines(), 1):
        if line and not line[0].isspace() and ":" in line and not line.startswith("#"):
            lines.setdefault(line.split(":", 1)[0].strip(), number)
    return lines


def _validate(data: object, name: str, lines: dict[str, int]) -> tuple[Knowledge, list[Problem]]:
    problems: list[Problem] = []
    if not isinstance(data, dict):
        return Knowledge(), [Problem(name, "must be a mapping with keys actors, ignore, events", 1)]
    for key in data:
        if key not in ("actors", "ignore", "events"):
            problems.append(Problem(name, f"unknown key {key!r} (expected actors, ignore, events)", lines.get(str(key))))
    actors = []
    for index, item in enumerate(_list(data.get("actors"), "actors", name, lines, problems)):
        actor = _actor(item, index, name, lines.get("actors"), problems)
        if actor:
            actors.append(actor)
    ignore = tuple(_strings(data.get("ignore"), "ignore", name, lines, problems))
    merge, rename, split = _events(data.get("events"), name, lines, problems)
    return Knowledge(tuple(actors), ignore, merge, rename, split), problems


def _list(value: object, key: str, name: str, lines: dict[str, int], problems: list[Problem]) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(Problem(name, f"{key!r} must be a list", lines.get(key)))
        return []
    return value


def _strings(value: object, key: str, name: str, lines: dict[str, int], problems: list[Problem]) -> list[str]:
    items = _list(value, key, name, lines, problems)
    good = [i for i in items if isinstance(i, str) and i.strip()]
    if len(good) != len(items):
        problems.append(Problem(name, f"{key!r} must be a list of names", lines.get(key)))
    return [g.strip() for g in good]


def _actor(item: object, index: int, name: str, line: int | None, problems: list[Problem]) -> KnownActor | None:
    where = f"actors[{index}]"
    if not isinstance(item, dict):
        problems.append(Problem(name, f"{where} must be a mapping with at least a name", line))
        return None
    unknown = set(item) - {"name", "type", "aliases", "description", "wikidata"}
    if unknown:
        problems.append(Problem(name, f"{where}: unknown key {sorted(map(str, unknown))[0]!r}", line))
    actor_name = item.get("name")
    if not isinstance(actor_name, str) or not actor_name.strip():
        problems.append(Problem(name, f"{where}: 'name' must be a non-empty string", line))
        return None
    kind = item.get("type", "person")
    if kind not in ACTOR_TYPES:
        problems.append(Problem(name, f"{where}: 'type' must be one of {', '.join(ACTOR_TYPES)}", line))
        kind = "person"
    aliases = item.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        problems.append(Problem(name, f"{where}: 'aliases' must be a list of names", line))
        aliases = []
    text = {k: item.get(k) for k in ("description", "wikidata")}
    for key, value in text.items():
        if value is not None and not isinstance(value, str):
            problems.append(Problem(name, f"{where}: {key!r} must be a string", line))
            text[key] = None
    return KnownActor(actor_name.strip(), kind, tuple(a.strip() for a in aliases if a.strip()),
                      text["description"], text["wikidata"])


def _events(value: object, name: str, lines: dict[str, int], problems: list[Problem]):
    line = lines.get("events")
    if value is None:
        return (), (), ()
    if not isinstance(value, dict):
        problems.append(Problem(name, "'events' must be a mapping with merge, rename, split", line))
        return (), (), ()
    for key in value:
        if key not in ("merge", "rename", "split"):
            problems.append(Problem(name, f"events: unknown key {key!r} (expected merge, rename, split)", line))
    merge = []
    for group in value.get("merge") or []:
        if isinstance(group, list) and len(group) >= 2 and all(isinstance(s, str) for s in group):
            merge.append(tuple(group))
        else:
            problems.append(Problem(name, "events.merge must be a list of lists of two or more event slugs", line))
    rename = value.get("rename") or {}
    if not isinstance(rename, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in rename.items()):
        problems.append(Problem(name, "events.rename must map event slugs to new titles", line))
        rename = {}
    split = value.get("split") or []
    if not isinstance(split, list) or not all(isinstance(s, str) for s in split):
        problems.append(Problem(name, "events.split must be a list of event slugs", line))
        split = []
    return tuple(merge), tuple(sorted(rename.items())), tuple(split)
