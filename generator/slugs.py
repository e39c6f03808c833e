"""Safe, stable, unique file names for pages, whatever the title."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

MAX_BYTES = 80
# Names Windows refuses whatever the extension, and names our own folders use.
_RESERVED = {"con", "prn", "aux", "nul", "index", "tags", "search", "assets"} | {
    f"{p}{n}" for p in ("com", "lpt") for n in range(10)}


# Letters NFKD does not decompose into ASCII ("cœur" must not become "cur").
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o", "Ø": "O",
                            "đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "ı": "i"})


# Each build slugs again every title, name and source (about 5,000 at 1,000 articles), nearly all as the last.
@lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """ASCII, lowercase, hyphen-separated; empty when the text holds no letter or digit."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LIGATURES))
                      if not unicodedata.combining(c))
    words = re.sub(r"[\W_]+", " ", letters)
    ascii_text = words.encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_BYTES:
        slug = slug[:MAX_BYTES].rsplit("-", 1)[0] or slug[:MAX_BYTES]
    return slug


class SlugRegistry:
    """Hands out slugs unique without regard to case, in the order asked, so output is stable."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def claim(self, text: str, fallback_key: str, prefix: str = "") -> str:
        base = slugify(text)
        if not base or base in _RESERVED:
            digest = hashlib.sha256(fallback_key.encode("utf-8")).hexdigest()[:10]
            base = f"{prefix or 'page'}-{base + '-' if base else ''}{digest}"
        slug, n = base, 2
        while slug.casefold() in self._taken:
            slug = f"{base}-{n}"
            n += 1
        self._taken.add(slug.casefold())
        return slug
