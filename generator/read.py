"""The reader: a seed file (bytes) and its optional sidecar `NAME.yml` -> `Article`.

Decoding, cleaning and structure are separate steps; `structure` is pure and
recognises titles, kickers, bylines, datelines, captions and intertitles by
French news conventions only, never by file name.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .knowledge import load_yaml
from .model import Article, Block, BlockKind, Problem, Sidecar
from .text import PRESS_RELEASE, SIGN_OFF

MAX_SEED_BYTES = 2 * 1024 * 1024
MAX_BLOCK_CHARS = 5000   # Python-Markdown slows quadratically on longer paragraphs


class ReadError(ValueError):
    """Why a seed cannot be read as text; `line` when a place in the file is to blame."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line


# --------------------------------------------------------------------------- reading

def read_seed(path: Path) -> tuple[Article | None, list[Problem]]:
    """Read, decode and structure one seed plus its sidecar; problems instead of exceptions."""
    name = str(path)
    try:
        data = _read_bytes(path)
        text = decode(data)
    except ReadError as error:
        return None, [Problem(name, error.message, error.line)]
    sidecar, problems = Sidecar(), []
    side = path.with_suffix(".yml")
    if side != path and (side.exists() or side.is_symlink()):
        sidecar, problems = read_sidecar(side)
    return structure(path.name, text, sidecar), problems


def _read_bytes(path: Path) -> bytes:
    if path.is_symlink():
        raise ReadError("is a symbolic link; refusing to read it (copy the file itself into seeds/)")
    try:
        # O_NOFOLLOW closes the gap between the check above and the open.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ReadError(f"cannot be read: {error.strerror}") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_SEED_BYTES:
        os.close(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError("is not a regular file")
        raise ReadError(f"is {info.st_size} bytes; a seed may hold at most {MAX_SEED_BYTES} bytes (2 MiB)")
    with os.fdopen(fd, "rb") as handle:
        data = handle.read(MAX_SEED_BYTES + 1)
    if len(data) > MAX_SEED_BYTES:   # it grew after the check
        raise ReadError(f"holds more than {MAX_SEED_BYTES} bytes (2 MiB), the most a seed may hold")
    return data


# --------------------------------------------------------------------------- decoding

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"), (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16"), (b"\xfe\xff", "utf-16-be", "UTF-16"),
)
_SIGNATURES = (
    (b"%PDF-", "is a PDF document, not plain text; copy the article's text into a .txt file"),
    (b"PK\x03\x04", "is a ZIP archive (a .docx or .odt document?), not plain text; save the article as .txt"),
    (b"\xd0\xcf\x11\xe0", "is a Word or Office document, not plain text; save the article as .txt"),
    (b"{\\rtf", "is an RTF document, not plain text; save the article as .txt"),
    (b"\x89PNG", "is a PNG image, not text"), (b"\xff\xd8\xff", "is a JPEG image, not text"),
    (b"GIF8", "is a GIF image, not text"),
)
# Characters that are not text: controls, format characters (zero-width, bidi, soft
# hyphen, BOM), surrogates. Tab and line ends are handled separately.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891"
    "\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\ud800-\udfff\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# Every space separator (no-break, narrow no-break, figure, thin...) and the odd line
# or page separators read as an ordinary space.
_SPACES = re.compile("[\t\x0b\x0c\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
# What a Windows-1252 French text holds beyond ASCII.
_FRENCH_EXTRA = set("àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°\u00a0ºª²³½¼¾×·•")
# UTF-8 read as Windows-1252 and saved again ("Ã©" for "é", "â€™" for "’").
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2013-\u203a\u20ac\u2122]|â€")


def decode(data: bytes) -> str:
    """Bytes -> text: BOM, else strict UTF-8, else Windows-1252 if it reads as French; else ReadError."""
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(message)
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                text = body.decode(codec)
            except UnicodeDecodeError as error:
                line = body[:error.start].count(b"\n") + 1 if codec == "utf-8" else None
                raise ReadError(f"starts with a {label} byte-order mark but is not valid {label} "
                                f"({error.reason} at byte {error.start + len(bom)})", line) from None
            return _checked(text)
    if b"\x00" in data:
        return _checked(_decode_utf16_without_bom(data))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = _decode_single_byte(data, error)
    else:
        text = _repair_mojibake(text)
    return _checked(text)


def _decode_utf16_without_bom(data: bytes) -> str:
    """NUL bytes mean binary, unless they sit on every other byte like UTF-16 Latin text."""
    half = len(data) // 2
    if len(data) % 2 == 0 and half:
        even, odd = data[0::2].count(0), data[1::2].count(0)
        codec = "utf-16-le" if even == 0 and odd >= half * 0.5 else "utf-16-be" if odd == 0 and even >= half * 0.5 else None
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                pass
    raise ReadError("is a binary file (it contains NUL bytes), not text")


def _decode_single_byte(data: bytes, error: UnicodeDecodeError) -> str:
    """Windows-1252 (a superset of Latin-1's printable range), kept only if it reads as French."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")   # the five bytes cp1252 leaves undefined
    extra = [c for c in text if ord(c) > 127]
    letters = sum(c.isalpha() for c in text) or 1
    french = sum(c in _FRENCH_EXTRA for c in extra)
    if extra and french >= 0.8 * len(extra) and len(extra) <= 0.3 * letters:
        return text
    line = data[:error.start].count(b"\n") + 1
    raise ReadError(f"is not UTF-8 ({error.reason} at byte {error.start}) and does not read as "
                    "Windows-1252 French text either; save it as UTF-8", line)


def _repair_mojibake(text: str) -> str:
    """Undo one round of UTF-8 read as Windows-1252, when that is clearly what happened."""
    if len(_MOJIBAKE.findall(text)) < 2:
        return text
    for codec in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
        if len(_MOJIBAKE.findall(fixed)) < len(_MOJIBAKE.findall(text)):
            return fixed
    return text


def _checked(text: str) -> str:
    if not text:
        raise ReadError("is empty")
    controls = len(_CONTROLS.findall(text))
    if controls > 0.1 * len(text):
        raise ReadError(f"looks like a binary file ({controls} of its {len(text)} characters are control codes), not text")
    if not _SPACES.sub(" ", _INVISIBLE.sub("", text)).strip():
        raise ReadError("is empty (it holds only white space)")
    return text


# --------------------------------------------------------------------------- cleaning lines

@dataclass(frozen=True)
class _Line:
    text: str        # cleaned: NFC, no invisible characters, single spaces, stripped
    number: int      # 1-based line of the file where it starts
    indented: bool   # began with white space (seed 003 style: no-break-space indents)


def _clean(raw: str) -> tuple[str, bool]:
    text = _SPACES.sub(" ", _INVISIBLE.sub("", raw))
    indented = text[:1] == " " and bool(text.strip())
    text = unicodedata.normalize("NFC", text)
    return re.sub(r" {2,}", " ", text).strip(), indented


_OPEN_END = re.compile(r"[^.!?…:;»\"”)\]]$")


def _lines(text: str) -> list[_Line]:
    """Non-blank cleaned lines; a hard-wrapped line continued in lower case joins the one before."""
    lines: list[_Line] = []
    previous_blank = True
    for number, raw in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        clean, indented = _clean(raw)
        if not clean:
            previous_blank = True
            continue
        last = lines[-1] if lines and not previous_blank else None
        if (last and not indented and clean[0].islower() and _OPEN_END.search(last.text)
                and not _meta_kind(clean) and not _meta_kind(last.text) and not _is_acronym_line(last.text)):
            glue = "" if last.text.endswith("-") else " "
            lines[-1] = _Line(last.text + glue + clean, last.number, last.indented)
        else:
            lines.append(_Line(clean, number, indented))
        previous_blank = False
    return lines


# --------------------------------------------------------------------------- patterns

_MONTHS = (r"janv(?:ier|\.)?|f[ée]vr(?:ier|\.)?|f[ée]v\.|mars|avr(?:il|\.)?|mai|juin|juil(?:let|\.)?|"
           r"ao[ûu]t|sept(?:embre|\.)?|oct(?:obre|\.)?|nov(?:embre|\.)?|d[ée]c(?:embre|\.)?")
_WEEKDAYS = r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_NUMERIC_DATE = re.compile(r"\b(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-][\d:]+)?)?)\b")
_TEXT_DATE = re.compile(rf"\b(?:1er|\d{{1,2}})\s+(?:{_MONTHS})(?:\s*,?\s*(?P<year>\d{{4}}))?(?!\w)", re.I)
_TIME = re.compile(r"\b\d{1,2}\s?(?:h|:)\s?\d{2}(?:\s?min)?\b|\b\d{1,2}\s?h\b|\b(?:HEC|HAEC|CET|CEST|UTC|GMT|HNE|HAE)\b", re.I)
_DATELINE_WORDS = re.compile(
    rf"\b(?:{_WEEKDAYS}|publi[ée]e?|mis(?:e)? à jour|modifi[ée]e?|actualis[ée]e?|derni[èe]re|màj|maj|"
    r"post[ée]e?|paru|aujourd['’]hui|hier|updated?|le|à|et|il y a|on|at)\b", re.I)
_PUBLISH_WORD = re.compile(rf"\b(?:{_WEEKDAYS}|publi|mis à jour|mise à jour|modifi|actualis)", re.I)
_PLACE = re.compile(r"[A-ZÀ-Þ][\w'’.-]*(?: [A-ZÀ-Þa-zà-ÿ][\w'’.-]*){0,2}")

_AGENCIES = (r"afp|ats|sda|ap|apa|ansa|efe|dpa|belga|reuters|keystone(?:-ats|-sda)?|xinhua|yonhap|kyodo|"
             r"tass|ria novosti|sputnik|anadolu|bloomberg|kcna|agences?|associated press|"
             r"agence france[- ]presse|r[ée]daction")
_AGENCY = rf"(?:(?i:{_AGENCIES})|[A-Z]{{2,6}}(?:-[A-Z]{{2,6}})?)"
_AGENCY_LINE = re.compile(
    rf"^\(?\s*(?:(?i:avec)\s+(?:(?i:l)['’]\s*)?)?{_AGENCY}(?:\s*[/,&+-]\s*{_AGENCY}|\s+(?i:et|avec)\s+(?:(?i:l)['’]\s*)?{_AGENCY}){{0,4}}\s*\)?\.?$")
_AGENCY_NAMED = re.compile(rf"^\(?\s*(?:(?i:avec)\s+(?:(?i:l)['’]\s*)?)?(?i:{_AGENCIES})\b")
_BY = re.compile(r"^(?:par|texte|propos recueillis par|reportage de|un article de|de notre (?:envoy[ée]e? sp[ée]cial(?:e)?|correspondante?)(?: (?:à|en|au) [\w'’ -]+)?)\s+(?P<rest>.+)$", re.I)
# Reuters' closing credit: "(Reportage Jean Roux; version française Marc Blanc)".
_CREDIT_LINE = re.compile(r"^\((?:reportage|r[ée]dig[ée] par|[ée]dit[ée] par|avec|version fran[cç]aise)\b[^()]*\)$", re.I)
_READ_ALSO = re.compile(r"^(?:[àa] )?(?:lire|voir) aussi\b|^à lire\b", re.I)
_NAME = r"[A-ZÀ-Þ][\w'’.-]+(?: (?:de|du|des|d['’]|van|von|der|le|la|ben|bin|al|el|[A-ZÀ-Þ][\w'’.-]*)){1,3}"
_NAME_LINE = re.compile(rf"^{_NAME}$")
_NAME_AGENCY_LINE = re.compile(rf"^{_NAME}\s*(?:,|/|-|–|\()\s*{_AGENCY}\s*\)?$")
_OUTLET_WITH_AGENCY = re.compile(rf"^[\w'’ .-]{{1,40}}\s+(?i:avec)\s+(?:(?i:l)['’]\s*)?{_AGENCY}$")

_CREDIT = re.compile(
    r"(?i:\bphotos?\s?:|\(\s*photos?\b|©|\bcr[ée]dits?\s*(?:photos?)?\s*:|\bafp\s+photo\b|\bap\s+photo\b|"
    r"\bkeystone(?:-sda|-ats)?(?:\.ch)?\s*(?:/|\)|$)|\bgetty\s+images\b|\bimages?\s?:|\billustration\s?:|"
    r"\bvid[ée]o\s?:|\(archives?\)|\bdr\s*$)|"
    r"\b(?:REUTERS|AFP|EPA|AP|KEYSTONE|KCNA|XINHUA|YONHAP)\s*/\s*[A-Z]")

_RUBRICS = {  # common rubric (section) names of French news sites
    "accueil", "actualite", "actualites", "monde", "international", "france", "suisse", "belgique", "europe",
    "asie", "asie pacifique", "afrique", "ameriques", "moyen orient", "politique", "economie", "societe",
    "culture", "sport", "sports", "sciences", "sante", "planete", "environnement", "faits divers",
    "idees", "debats", "opinions", "opinion", "editorial", "analyse", "decryptage", "reportage", "enquete",
    "entretien", "interview", "portrait", "chronique", "tribune", "diplomatie", "defense", "geopolitique",
    "regions", "conflits", "guerre en ukraine", "tech", "medias", "en direct", "direct",
}
_RUBRIC_SEPARATORS = re.compile(r"\s+(?:-|–|—|/|\||>|›|»)\s+")

_DETERMINERS = {
    "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "ce", "cet", "cette", "ces", "son", "sa",
    "ses", "leur", "leurs", "mon", "ma", "mes", "notre", "nos", "votre", "vos", "il", "elle", "ils", "elles",
    "on", "nous", "vous", "je", "tu", "qui", "que", "quand", "comment", "pourquoi", "où",
}
_FUNCTION_WORDS = _DETERMINERS | {
    "à", "au", "aux", "en", "et", "ou", "pour", "par", "sur", "sous", "dans", "avec", "sans", "contre",
    "entre", "chez", "vers", "après", "avant", "selon", "depuis", "pendant", "malgré", "face", "dont",
    "ne", "n", "se", "s", "y", "pas", "plus", "très", "déjà", "encore",
}
# Word endings of French adjectives and participles, which a verbless kicker may hold.
_ADJECTIVE = re.compile(r"(?:ique|aire|al|ale|el|elle|ien|ienne|éen|éenne|ais|aise|ois|oise|if|ive|eux|euse|"
                        r"ain|aine|ée|é|ant|ante)s?$|aux$")
# Finite verbs that open a headline clause after its subject ("X réconforte", "Y a signé").
_PLACE_ARTICLES = {"la", "le", "les", "l", "en", "au", "aux", "du", "des"}
_COMMON_VERBS = {
    "a", "ont", "est", "sont", "va", "vont", "doit", "doivent", "veut", "veulent", "peut", "peuvent",
    "fait", "font", "dit", "disent", "met", "prend", "rend", "vient", "tient", "reçoit", "promet",
    "était", "sera", "serait", "aurait", "avait",
}
_VERB_ENDING = re.compile(r"(?:e|ent|it|ît|t|d|ont|ait|aient|era|ra|rait|ut)$")


def _words(text: str) -> list[str]:
    return text.split()


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^\w]+", " ", text).strip()


def _is_dateline(text: str) -> bool:
    """A line that only dates the article: '30.8.2025 - 08:22', 'Publié le 3 septembre 2025 à 14h36'."""
    if len(text) > 160:
        return False
    numeric = _NUMERIC_DATE.search(text)
    textual = [m for m in _TEXT_DATE.finditer(text)]
    dated = bool(numeric) or any(m.group("year") for m in textual) or (
        bool(textual) and bool(_TIME.search(text) or _PUBLISH_WORD.search(text)))
    if not dated:
        return False
    rest = _NUMERIC_DATE.sub(" ", text)
    rest = _TEXT_DATE.sub(" ", rest)
    rest = _TIME.sub(" ", rest)
    rest = _DATELINE_WORDS.sub(" ", rest)
    rest = re.sub(r"\([^()]{1,30}\)", " ", rest)   # agency in brackets: "(WAM)"
    rest = re.sub(r"[\s,;:.()\-–—/|]+", " ", rest).strip()
    if not rest:
        return True
    # A place may open the line: "PARIS, 28 juillet 2025", "Séoul, le 3 septembre 2025".
    return bool(_PLACE.fullmatch(rest)) and text.startswith(rest) and text[len(rest):].lstrip()[:1] in (",", "-", "–", "(")


def _is_strong_byline(text: str) -> bool:
    """An author or agency line that cannot be anything else, wherever it stands."""
    if len(text) > 100 or text.endswith((".", "!", "?")) and not text.endswith(("AFP.", "ATS.")):
        return False
    if _AGENCY_LINE.match(text) and _AGENCY_NAMED.match(text):
        return True
    if _CREDIT_LINE.match(text) and len(_words(text)) <= 20:
        return True
    if _NAME_AGENCY_LINE.match(text) or (_OUTLET_WITH_AGENCY.match(text) and len(_words(text)) <= 6):
        return True
    by = _BY.match(text)
    if by and len(_words(text)) <= 12:
        rest = by.group("rest")
        return rest[:1].isupper() or _fold(rest).startswith(("la redaction", "notre ", "nos "))
    return False


def _is_acronym_line(text: str) -> bool:
    """'AFP', 'ATS/DPA', '(WAM)': an agency credit, when it stands in the head or the tail."""
    return len(text) <= 40 and bool(_AGENCY_LINE.match(text))


def _is_caption(text: str) -> bool:
    match = _CREDIT.search(text)
    return bool(match) and (len(text) <= 300 or match.start() >= len(text) - 80)


def _is_strong_section(text: str) -> bool:
    """'/ Monde - Asie', 'Accueil > Monde > Asie': a rubric line by its form alone."""
    if len(_words(text)) > 12 or text.endswith("."):
        return False
    if text.startswith("/") and len(text) > 1:
        return True
    parts = re.split(r"\s+(?:>|›|\|)\s+", text)
    return len(parts) >= 2 and all(0 < len(_words(p)) <= 4 for p in parts)


def _is_rubric(text: str) -> bool:
    """'Monde', 'International - Asie', 'Analyse': rubric names of news sites."""
    parts = _RUBRIC_SEPARATORS.split(text)
    return all(_fold(p) in _RUBRICS for p in parts)


def _is_rubric_shaped(text: str) -> bool:
    """'Le monde et la Corée - Solidarité': 'Rubrique - Sous-rubrique' (only meaningful before a title)."""
    parts = _RUBRIC_SEPARATORS.split(text)
    return (len(parts) >= 2 and len(_words(text)) <= 10 and not _ends_sentence(text)
            and all(0 < len(_words(p)) <= 5 and p[0].isupper() for p in parts))


def _ends_sentence(text: str) -> bool:
    return bool(re.search(r"[.,;:…]$", text))


def _sentence_count(text: str) -> int:
    # A full stop followed by a capital inside the line, except after an initial ("M. Martin").
    inner = re.findall(r"(?<![\s.][A-Z])(?<!\bM)[.!?…][»”\"’)]*\s+[«“\"(]?[A-ZÀ-Þ0-9]", text)
    return 1 + len(inner)


def _starts_like_a_title(text: str) -> bool:
    return text[:1].isupper() or text[:1].isdigit() or text[:1] in "«“\"'"


# A label in capitals heading a headline: "DIRECT. Cyclone ...", "VIDÉO. ...", "INFO LE JOURNAL. ...".
_HEADLINE_LABEL = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’ -]{1,30}\.\s+(?=\S)")


def _title_like(text: str) -> bool:
    """Short, one clause, no final full stop: a headline or an intertitle (after its label in capitals)."""
    text = _HEADLINE_LABEL.sub("", text)
    return (len(text) <= 200 and len(_words(text)) <= 25 and not _ends_sentence(text)
            and _starts_like_a_title(text) and _sentence_count(text) == 1)


def _heading_like(line: _Line, indent_signal: bool) -> bool:
    """An intertitle: title-like and short, or not indented in a file whose paragraphs are."""
    if not _title_like(line.text) or line.text.endswith("!") or _READ_ALSO.match(line.text):
        return False
    if indent_signal:
        return not line.indented
    return len(_words(line.text)) <= 15 and len(line.text) <= 120


# --------------------------------------------------------------------------- the run-in kicker

def _split_run_in(text: str) -> tuple[str, str] | None:
    """'Soutien à l’Ukraine Jean Martin promet des armes' -> kicker, headline.

    The kicker is a bare noun phrase (no determiner first, no verb, ends on a noun);
    the headline opens with a capitalised subject followed at once by a finite verb.
    """
    words = _words(text)
    for cut in range(2, min(7, len(words) - 2)):
        if _kicker_phrase(words[:cut]) and _clause_start(words[cut:]):
            return " ".join(words[:cut]), " ".join(words[cut:])
    return None


def _kicker_phrase(words: list[str]) -> bool:
    first, last = words[0], words[-1]
    if not first[:1].isupper() or _bare(first) in _DETERMINERS or re.search(r"[,:;.!?]$", last):
        return False
    if _bare(last) in _FUNCTION_WORDS:
        return False
    # A capital that ends the phrase must be a place named with its article ("à la Russie",
    # "en Ukraine", "du Nord"): after "de" or "à" it may be a first name whose surname follows.
    if last[:1].isupper() and (len(words) < 2 or _bare(words[-2]) not in _PLACE_ARTICLES):
        return False
    if last[:1].islower() and not re.match(r"^l['’][A-ZÀ-Þ]", last) and not _ADJECTIVE.search(last):
        return False
    lower = [w for w in words if w[:1].islower()]
    # A preposition or article is what shows a phrase ("Soutien à la Russie"); capitals
    # only would be a name, and "Berlin menace" a subject and its verb.
    if not any(_bare(w) in _FUNCTION_WORDS for w in lower) or any(_bare(w) in _COMMON_VERBS for w in lower):
        return False
    # Its first small word is a preposition or an adjective, never a verb ("Martin arrive en Espagne").
    head = _bare(lower[0])
    return (head in _FUNCTION_WORDS and head not in {"ne", "n", "se", "s", "y"}) or bool(_ADJECTIVE.search(head))


def _clause_start(words: list[str]) -> bool:
    """A capitalised subject of one to four words, then a finite verb."""
    subject = 0
    while subject < min(4, len(words)) and not words[subject].endswith((",", ":")) and (
            words[subject][:1].isupper()
            or (words[subject] == "et" and subject and words[subject + 1:subject + 2] and words[subject + 1][:1].isupper())):
        subject += 1
    if subject == 0 or subject >= len(words):
        return False
    verb = words[subject]
    if re.match(r"^[sn]['’]\w", verb, re.I) or _bare(verb) in {"se", "ne"}:
        return True
    bare = _bare(verb)
    return verb[:1].islower() and (bare in _COMMON_VERBS or (
        bare not in _FUNCTION_WORDS and len(bare) > 2 and bool(_VERB_ENDING.search(bare))))


def _bare(word: str) -> str:
    return re.sub(r"^[«“\"(]+|[»”\"),;:.!?]+$", "", word).casefold().rstrip("'’")


# --------------------------------------------------------------------------- structure

def structure(seed: str, text: str, sidecar: Sidecar = Sidecar()) -> Article:
    """Text of a seed -> Article: every line one block, kinds told by French news conventions."""
    lines = _lines(text)
    kinds = _classify(lines)
    pieces: list[tuple[BlockKind, str, int]] = []
    for line, kind in zip(lines, kinds):
        if kind == "title" and "kicker" not in kinds[:kinds.index("title")]:
            run_in = _split_run_in(line.text)
            if run_in:
                pieces += [("kicker", run_in[0], line.number), ("title", run_in[1], line.number)]
                continue
        for index, chunk in enumerate(_chunks(line.text)):
            pieces.append((kind if index == 0 else "paragraph", chunk, line.number))
    blocks = tuple(Block(kind, chunk, number, f"p{i}") for i, (kind, chunk, number) in enumerate(pieces, 1))
    return Article(seed=seed, blocks=blocks, sidecar=sidecar)


def _classify(lines: list[_Line]) -> list[BlockKind]:
    kinds: list[BlockKind | None] = [_meta_kind(line.text) for line in lines]
    # Paragraphs: content lines that cannot be titles. The head comes before the first one.
    paragraph_at = [i for i, line in enumerate(lines) if kinds[i] is None and not _title_like(line.text)]
    first_para = paragraph_at[0] if paragraph_at else len(lines)
    last_para = paragraph_at[-1] if paragraph_at else -1
    for i, line in enumerate(lines):
        # "MONDE" on its own line is a rubric, though shaped like an agency's signature ("ATS").
        if kinds[i] is None and i < first_para and _is_rubric(line.text):
            kinds[i] = "section"
        elif kinds[i] is None and (i < first_para or i > last_para) and _is_acronym_line(line.text):
            kinds[i] = "byline"
    content = [i for i in range(len(lines)) if kinds[i] is None]
    if not content:
        return [k or "paragraph" for k in kinds]
    title = _after_letterhead(lines, kinds, content, _choose_title(lines, content))
    kinds[title] = "title"
    for i in content:
        if i < title:
            kinds[i] = "section" if _is_rubric_shaped(lines[i].text) else "kicker"
    indent_signal = _indent_signal(lines, kinds)
    after = [i for i in content if i > title]
    in_head = True
    signed = next((i for i in after if SIGN_OFF.fullmatch(lines[i].text)), None)
    for position, i in enumerate(after):
        text = lines[i].text
        if signed is not None and i >= signed:
            # The sign-off and the signatory's lines after it: no intertitles.
            kinds[i] = "dateline" if i == signed else "paragraph"
            continue
        if in_head and _title_like(text) and len(_words(text)) <= 25:
            kinds[i] = "kicker"          # a subtitle between the headline and the body
            continue
        in_head = False
        last = position == len(after) - 1
        kinds[i] = "heading" if not last and _heading_like(lines[i], indent_signal) else "paragraph"
    _names_beside_bylines(lines, kinds)
    if kinds[-1] in ("paragraph", None) and _is_signature(lines[-1].text):
        kinds[-1] = "dateline"
    return [k or "paragraph" for k in kinds]


def _is_signature(text: str) -> bool:
    """A wire's signature closing the text: "Agence Nord, 24 novembre 2024, 17h48", "(ANP, le 3.2.2025)"."""
    if len(text) > 80 or not (_NUMERIC_DATE.search(text) or any(m.group("year") for m in _TEXT_DATE.finditer(text))):
        return False
    rest = _TIME.sub(" ", _TEXT_DATE.sub(" ", _NUMERIC_DATE.sub(" ", text)))
    words = re.sub(r"\ble\b", " ", rest)
    words = re.sub(r"[\s,;:.()\-–—/|]+", " ", words).split()
    return 1 <= len(words) <= 4 and all(w[0].isupper() for w in words)


def _meta_kind(text: str) -> BlockKind | None:
    if _is_dateline(text):
        return "dateline"
    if _is_strong_byline(text):
        return "byline"
    if _is_caption(text):
        return "caption"
    if _is_strong_section(text):
        return "section"
    return None


def _choose_title(lines: list[_Line], content: list[int]) -> int:
    """The first title-like of the first two content lines, else the first content line."""
    first = content[0]
    # A rubric shouted on a line of its own ("ÉCONOMIE") between a masthead and the headline is neither.
    second = next((i for i in content[1:] if not _shouted_rubric(lines[i].text)), None)
    first_text = lines[first].text
    if second is None:
        return first
    second_text = lines[second].text
    if _title_like(first_text):
        if _title_like(second_text) and (
                _is_rubric_shaped(first_text)
                or (len(_words(first_text)) <= 5 and len(_words(second_text)) > len(_words(first_text))
                    and not _clause_start(_words(first_text)))):
            return second   # a rubric or a short kicker above the headline
        return first
    if _title_like(second_text) and len(_words(second_text)) >= 2:
        return second       # a standfirst above the headline
    return first


def _after_letterhead(lines: list[_Line], kinds: list[BlockKind | None], content: list[int], title: int) -> int:
    """A press release's letterhead in capitals ("PRÉFET DE MAYOTTE"), then "COMMUNIQUÉ DE PRESSE" and its
    dateline: the headline is the first line after them."""
    if not lines[title].text.isupper():
        return title
    release = next((i for i in range(title + 1, min(len(lines), title + 10)) if PRESS_RELEASE.fullmatch(lines[i].text)), None)
    if release is None:
        return title
    head_end = release
    while head_end + 1 < len(lines) and kinds[head_end + 1] is not None:
        head_end += 1   # the dateline, a reference line
    after = next((i for i in content if i > head_end), None)
    return after if after is not None and _title_like(lines[after].text) else title


def _shouted_rubric(text: str) -> bool:
    return text.isupper() and len(_words(text)) <= 2 and not _ends_sentence(text)


def _indent_signal(lines: list[_Line], kinds: list[BlockKind | None]) -> bool:
    """Paragraphs indented (often with no-break spaces): then unindented short lines are intertitles."""
    body = [line for line, kind in zip(lines, kinds) if kind is None and not _title_like(line.text)]
    indented = sum(line.indented for line in body)
    return indented >= 2 and indented * 2 >= len(body)


def _names_beside_bylines(lines: list[_Line], kinds: list[BlockKind | None]) -> None:
    """'Jean Dupont' alone on a line next to a dateline or an agency line is the author."""
    for i, line in enumerate(lines):
        if kinds[i] in ("kicker", "heading", "paragraph", None) and _NAME_LINE.match(line.text):
            beside = {kinds[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)}
            if beside & {"byline", "dateline"}:
                kinds[i] = "byline"


_BOUNDARY = re.compile(r"""(?<!\b[A-Z])(?<!\bM)[.!?…]+["»”’)\]]*(\s+)(?=[«"“(\[]?\s*[A-ZÀ-Þ0-9])""")


def _chunks(text: str) -> list[str]:
    """A paragraph cut at sentence ends into pieces of at most MAX_BLOCK_CHARS characters."""
    chunks = []
    while len(text) > MAX_BLOCK_CHARS:
        window = text[:MAX_BLOCK_CHARS + 1]
        ends = [m.start(1) for m in _BOUNDARY.finditer(window) if m.start(1) <= MAX_BLOCK_CHARS]
        cut = ends[-1] if ends and ends[-1] > MAX_BLOCK_CHARS // 4 else window.rfind(" ")
        if cut <= 0:
            cut = MAX_BLOCK_CHARS   # one word longer than a block: cut it
        chunks.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


# --------------------------------------------------------------------------- sidecar

_SIDECAR_KEYS = ("title", "published", "url", "outlet", "language", "actors", "ignore")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")


def read_sidecar(path: Path) -> tuple[Sidecar, list[Problem]]:
    """`NAME.yml` -> Sidecar; a missing file is an empty sidecar; bad fields are dropped with a Problem."""
    name = str(path)
    if not path.exists() and not path.is_symlink():
        return Sidecar(), []
    data, problems = load_yaml(path)
    if problems or data is None:
        return Sidecar(), problems
    lines = _key_lines(path)
    if not isinstance(data, dict):
        return Sidecar(), [Problem(name, f"must be a mapping with keys {', '.join(_SIDECAR_KEYS)}", 1)]
    problems = []
    for key in data:
        if key not in _SIDECAR_KEYS:
            problems.append(Problem(name, f"unknown key {key!r} (expected {', '.join(_SIDECAR_KEYS)})",
                                    lines.get(str(key))))
    values: dict[str, object] = {}
    for key in ("title", "outlet"):
        values[key] = _text_field(data, key, name, lines, problems)
    values["published"] = _published(data, name, lines, problems)
    values["url"] = _url(data, name, lines, problems)
    language = _text_field(data, "language", name, lines, problems)
    if language and not _LANGUAGE_TAG.match(language):
        problems.append(Problem(name, f"'language' must be a language tag such as fr or fr-CH, not {language!r}",
                                lines.get("language")))
        language = None
    values["language"] = language
    for key in ("actors", "ignore"):
        values[key] = _names(data, key, name, lines, problems)
    return Sidecar(**values), problems


def _key_lines(path: Path) -> dict[str, int]:
    """Line of each top-level key, from the YAML node marks (the file already loaded safely)."""
    try:
        node = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeError, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def _text_field(data: dict, key: str, name: str, lines: dict[str, int], problems: list[Problem]) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(Problem(name, f"{key!r} must be text (put it in quotes), not {type(value).__name__}",
                                lines.get(key)))
        return None
    return _clean(" ".join(value.splitlines()))[0] or None


def _published(data: dict, name: str, lines: dict[str, int], problems: list[Problem]) -> str | None:
    value = data.get("published")
    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):   # YAML reads unquoted ISO dates itself
        return value.isoformat()
    if isinstance(value, str):
        for parse in (dt.date.fromisoformat, dt.datetime.fromisoformat):
            try:
                return parse(value.strip()).isoformat()
            except ValueError:
                pass
    problems.append(Problem(name, f"'published' must be an ISO date or date-time such as 2025-08-30, not {value!r}",
                            lines.get("published")))
    return None


def _url(data: dict, name: str, lines: dict[str, int], problems: list[Problem]) -> str | None:
    value = data.get("url")
    if value is None:
        return None
    if isinstance(value, str) and not re.search(r"[\s\x00-\x1f\x7f]", value.strip()):
        try:
            parts = urlsplit(value.strip())
        except ValueError:
            parts = None
        if parts and parts.scheme.lower() in ("http", "https") and parts.hostname:
            return value.strip()
    problems.append(Problem(name, f"'url' must be an http:// or https:// address, not {str(value)[:80]!r}",
                            lines.get("url")))
    return None


def _names(data: dict, key: str, name: str, lines: dict[str, int], problems: list[Problem]) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.append(Problem(name, f"{key!r} must be a list of names", lines.get(key)))
        return ()
    return tuple(dict.fromkeys(_clean(v)[0] for v in value if _clean(v)[0]))
