"""Write stage: generated pages -> files under docs/, touching only what the generator owns.

A manifest records every file written and its hash. A file is replaced only when its
content changed (otherwise `mkdocs serve` rebuilds forever), always atomically, and
never when a person wrote or edited it; stale pages are removed only if still ours.
"""
from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .model import Problem

MANIFEST = ".generated.json"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    digests: dict[str, str] = field(default_factory=dict)   # sha256 of each page now on disk, written or unchanged


@dataclass(frozen=True)
class Kept:
    """A page whose content is known without rendering it: what an earlier build wrote, if its file is untouched.

    `digest`, `size` and `mtime_ns` are the content's sha256 and the file's size and modification time as
    that build left it; when the file or the manifest says otherwise, `render()` gives the content.
    """
    digest: str
    size: int
    mtime_ns: int
    render: Callable[[], str]


def write_pages(docs: Path, pages: Mapping[str, str | Kept], owned: tuple[str, ...]) -> WriteResult:
    """Make docs/ hold `pages`; `owned` are the top folders the generator may write in.

    A Kept page whose file still has the size and time recorded, and whose hash the manifest holds,
    is left as it is without being read or rendered.
    """
    result = WriteResult()
    manifest_path = docs / MANIFEST
    manifest = _load_manifest(manifest_path)
    texts: dict[str, bytes] = {rel: page.encode("utf-8") for rel, page in pages.items() if isinstance(page, str)}
    digests = {rel: page.digest if isinstance(page, Kept) else _digest(texts[rel]) for rel, page in pages.items()}
    # Record the new hashes before writing, so a build interrupted half-way still
    # recognises every file it wrote, old content or new.
    pending = {rel: sorted(set(manifest.get(rel, [])) | ({digests[rel]} if rel in pages else set()))
               for rel in set(manifest) | set(pages)}
    _save_manifest(manifest_path, pending)
    new_manifest: dict[str, list[str]] = {}
    linked: dict[Path, bool] = {}   # folder -> whether it or a folder above it (up to docs/) is a symbolic link
    resolved: dict[tuple[str, ...], tuple] = {}
    for relative in sorted(pages):
        page = pages[relative]
        target = _target(docs, relative, owned, resolved)
        if target is None:
            result.problems.append(Problem(relative, "refusing to write outside the generator's folders"))
            continue
        info = _lstat(target)   # once: whether it is a link, and whether a Kept page's file is untouched
        if (info is not None and stat.S_ISLNK(info.st_mode)) or _in_link(target.parent, docs, linked):
            result.problems.append(Problem(str(target), "is (inside) a symbolic link; not written"))
            continue
        if isinstance(page, Kept):
            if _untouched(info, page) and page.digest in manifest.get(relative, []):
                result.unchanged.append(relative)
                result.digests[relative] = page.digest
                new_manifest[relative] = [page.digest]
                continue
            texts[relative] = page.render().encode("utf-8")
            digests[relative] = _digest(texts[relative])
            if digests[relative] not in pending[relative]:   # never, if the renderer keeps its word
                pending[relative].append(digests[relative])
                _save_manifest(manifest_path, pending)
        content, digest = texts[relative], digests[relative]
        if target.exists():
            on_disk = _digest(target.read_bytes())
            if on_disk == digest:
                result.unchanged.append(relative)
                new_manifest[relative] = [digest]
                result.digests[relative] = digest
                continue
            if on_disk not in manifest.get(relative, []):
                result.problems.append(Problem(str(target), "exists and was not written by the generator "
                                                            "(or was edited since); left as it is"))
                continue
        _atomic_write(target, content)
        result.written.append(relative)
        new_manifest[relative] = [digest]
        result.digests[relative] = digest
    for relative in sorted(set(manifest) - set(pages)):
        target = _target(docs, relative, owned)
        if target is None or not target.is_file() or target.is_symlink():
            continue
        if _digest(target.read_bytes()) in manifest[relative]:
            target.unlink()
            result.removed.append(relative)
        else:
            result.problems.append(Problem(str(target), "generated earlier but edited since; not removed"))
    _save_manifest(manifest_path, new_manifest)
    return result


def _lstat(target: Path) -> os.stat_result | None:
    try:
        return os.lstat(target)
    except OSError:
        return None


def _untouched(info: os.stat_result | None, page: Kept) -> bool:
    """The file (`info`: its lstat) is a regular file with the size and modification time recorded when it was
    written."""
    return info is not None and stat.S_ISREG(info.st_mode) and (info.st_size, info.st_mtime_ns) == (page.size,
                                                                                                 page.mtime_ns)


def _in_link(folder: Path, docs: Path, seen: dict[Path, bool]) -> bool:
    """Whether `folder` or one of its parents up to docs/ is a symbolic link (memoised per build)."""
    if folder not in seen:
        inside = folder == docs or docs in folder.parents
        seen[folder] = inside and (folder.is_symlink() or (folder != docs and _in_link(folder.parent, docs, seen)))
    return seen[folder]


def _target(docs: Path, relative: str, owned: tuple[str, ...], resolved: dict | None = None) -> Path | None:
    """docs/relative when it lies inside one of the owned folders, else None. `resolved` memoises folders."""
    parts = PurePosixPath(relative).parts
    if len(parts) < 2 or parts[0] not in owned or any(p in ("", ".", "..") for p in parts):
        return None
    memo = resolved if resolved is not None else {}
    folder, name = parts[:-1], parts[-1]
    if folder not in memo:   # once per folder: 5,000 pages lie in six (pathlib costs more than the system calls)
        path = docs.joinpath(*folder)
        real, root = path.resolve(), (docs / parts[0]).resolve()
        memo[folder] = (path, real, root, real.is_relative_to(root))
    path, real, root, inside = memo[folder]
    target = path / name
    # The file's real path is its folder's real path and its name, unless the file itself is a link.
    if target.is_symlink():
        return target if target.resolve().is_relative_to(root) else None
    return target if inside or (real / name).is_relative_to(root) else None


def _load_manifest(path: Path) -> dict[str, list[str]]:
    """path -> the hashes of content the generator wrote there."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): [str(h) for h in (v if isinstance(v, list) else [v])] for k, v in data.items()}


def _save_manifest(path: Path, manifest: dict[str, list[str]]) -> None:
    content = (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode()
    if not path.exists() or path.read_bytes() != content:
        _atomic_write(path, content)


def _digest(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _atomic_write(target: Path, content: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
