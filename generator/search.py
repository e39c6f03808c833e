"""Search index post-processing: readers type without accents, so the index learns both spellings.

Material's lunr index matches words as written: "Choigou" misses "Choïgou". For every
accented word of a page we add its folded form to that page's text; a query with or
without accents then finds it, and the result preview (the start of the text) is unchanged.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from .text import strip_accents

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def add_folded_words(index: dict) -> dict:
    """The index with, on each document, the unaccented forms of its accented words."""
    docs = []
    for doc in index.get("docs", []):
        words = {w for w in _WORD.findall(_strip_tags(doc.get("title", "") + " " + doc.get("text", "")))}
        folded = sorted({strip_accents(w) for w in words if strip_accents(w) != w.casefold()})
        if folded:
            doc = {**doc, "text": f"{doc.get('text', '')} <p hidden>{' '.join(folded)}</p>"}
        docs.append(doc)
    return {**index, "docs": docs}


def fold_search_index(site_dir: Path) -> None:
    path = site_dir / "search" / "search_index.json"
    if path.is_file():
        index = json.loads(path.read_text(encoding="utf-8"))
        path.write_text(json.dumps(add_folded_words(index), ensure_ascii=False, separators=(",", ":")),
                        encoding="utf-8")


def _strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)
