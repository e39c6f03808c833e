"""Small text utilities shared by the stages: sentence splitting and name folding."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# A line that heads a press release: "COMMUNIQUÉ DE PRESSE", "Communiqué conjoint".
PRESS_RELEASE = re.compile(r"\s*COMMUNIQU[ÉE]S?(?:\s+(?:DE\s+PRESSE|OFFICIEL|CONJOINT))?\s*", re.I)
# An official text signs off with its place and day ("Fait à Bamako, le 22 septembre 2025"): the day its act is made.
SIGN_OFF = re.compile(r"fait\s+à\s+[^\W\d_][^,\d]{0,40},\s*le\s+\S+(?:\s+\S+){0,3}\s*\.?", re.I)

# Words after which a full stop does not end a sentence ("M. Martin", "av. J.-C.").
_ABBREVIATIONS = {
    "m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "st", "ste", "gén", "gen",
    "col", "cdt", "lt", "sgt", "av", "apr", "j.-c", "etc", "cf", "p", "pp", "vol", "no",
    "n°", "art", "env", "min", "max", "ex", "jr", "sr", "prof", "ing", "inc", "ltd", "co",
}
# A sentence ends after . ! ? or … (optionally followed by closing quotes or brackets, French spacing allowed)
# when white space and then a capital, a digit or an opening quote follow.
_BOUNDARY = re.compile(r"""([.!?…]+)((?:[ \u00a0\u202f]?["»”’)\]])*)(\s+)(?=[«"“(\[]?\s*[A-ZÀ-ÖØ-Þ0-9])""")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Offsets [start, end) of the sentences of one block of French text."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1) == "." and _is_abbreviation(text, match.start()):
            continue
        if _inside_quote(text, start, match.end(2)):   # «... en nombre.» Ce mardi: the quote closed
            continue
        end = match.end(2)
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = match.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.°-]+)$", text[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    # Single capital initials ("J. Dupont") and known abbreviations do not end sentences.
    return token in _ABBREVIATIONS or (len(token) == 1 and text[dot - 1].isupper())


def _inside_quote(text: str, start: int, pos: int) -> bool:
    """A « … » quotation that is still open does not end the sentence."""
    chunk = text[start:pos]
    return chunk.count("«") > chunk.count("»")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@lru_cache(maxsize=1 << 16)
def strip_accents(text: str) -> str:
    """Lower case without accents, punctuation kept."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """A key under which spellings of one name meet: no case, accents or punctuation."""
    return re.sub(r"[\W_]+", " ", strip_accents(name)).strip()


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
SEASONS = {"SP": "printemps", "SU": "été", "FA": "automne", "AU": "automne", "WI": "hiver"}


def french_date(value: str | None) -> str:
    """An ISO value as a French reader says it, at its own precision: never an invented day."""
    if not value:
        return "date inconnue"
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2}).*", value):
        day = int(m[3])
        return f"{'1er' if day == 1 else day} {MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        return f"{MONTHS[int(m[2]) - 1]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return f"semaine {int(m[2])} de {m[1]}"
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value):
        return f"{SEASONS[m[2]]} {m[1]}"
    if m := re.fullmatch(r"(\d{4})-([QH])(\d)", value):
        part = "trimestre" if m[2] == "Q" else "semestre"
        return f"{m[3]}{'er' if m[3] == '1' else 'e'} {part} {m[1]}"
    return value
