"""A throw-away copy of the project, built with `mkdocs build --strict` as the Pages workflow does.

Shared by the browser tests and tests/test_csp.py: one build per test session.
"""
from __future__ import annotations

import hashlib
import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.render import FOLDERS
from generator.write import MANIFEST

ROOT = Path(__file__).resolve().parents[2]
# Folders the generator owns: the MkDocs hook writes them again in the copy.
GENERATED = (*FOLDERS.values(), MANIFEST)

# A page made on purpose with script payloads, as if an article's text reached the HTML raw.
# It sits under a folder that mkdocs.yml keeps out of the navigation (no --strict warning).
HOSTILE_PAGE = "articles/zz-essai-injection.md"
HOSTILE_TEXT = """\
# Essai d'injection

Cette page est fabriquée par les tests : rien de ce qui suit ne doit s'exécuter.

<script>window.__pwned=1</script>

<img src="x" onerror="window.__pwned=2">

<svg onload="window.__pwned=3"></svg>

<base href="http://10.255.255.1/">

<a id="lien-piege" href="javascript:window.__pwned=4">un lien piégé</a>
"""

_BUILDS: dict[str, Path] = {}


def copy_project(destination: Path) -> Path:
    """The site's sources without generated pages: config, dossier, docs, seeds, overrides, generator."""
    destination.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "dossier.yml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, destination / name)
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=shutil.ignore_patterns(*GENERATED))
    shutil.copytree(ROOT / "seeds", destination / "seeds", ignore=shutil.ignore_patterns(".*"))
    for folder in ("overrides", "generator"):
        shutil.copytree(ROOT / folder, destination / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return destination


def mkdocs_build(project: Path, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()) -> Path:
    """Run `mkdocs build --strict` in project (prefix: e.g. a faketime command); returns its site/."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    command = [*prefix, sys.executable, "-m", "mkdocs", "build", "--strict"]
    done = subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError(f"mkdocs build --strict failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return project / "site"


def hostile_site(tmp_path_factory) -> Path:
    """The seed site plus HOSTILE_PAGE, built once per session."""
    if "hostile" not in _BUILDS:
        project = copy_project(tmp_path_factory.mktemp("site") / "project")
        (project / "docs" / HOSTILE_PAGE).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / HOSTILE_PAGE).write_text(HOSTILE_TEXT, encoding="utf-8")
        _BUILDS["hostile"] = mkdocs_build(project)
    return _BUILDS["hostile"]


def generated_pages(site_dir: Path, folder: str, kind: str) -> list[dict]:
    """Front matter of the generated pages of one kind in docs/<folder>/, read back from the Markdown the
    build wrote; each with its served `url` and its title as the reader sees it (`shown`)."""
    metas = []
    for path in sorted((site_dir.parent / "docs" / folder).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        if not text.startswith("---\n"):
            continue  # HOSTILE_PAGE, written by the tests
        meta = yaml.safe_load(text[4:text.index("\n---\n", 4)])
        if meta.get("kind") == kind:
            metas.append({**meta, "url": f"{folder}/{path.stem}/", "shown": html.unescape(meta["title"])})
    return metas


def hostile_url() -> str:
    """The served path of HOSTILE_PAGE (directory URLs)."""
    return HOSTILE_PAGE.removesuffix(".md") + "/"


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under folder, by relative path, with the sha256 of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}
