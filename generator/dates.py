"""French temporal expressions -> `DateMention`s, and the publication date -> `Published`.

In the spirit of HeidelTime: match candidates with rules, normalise them to ISO 8601 / TIMEX3,
then anchor what lacks a year or a day on the narrative or on the publication date.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Sequence

from .model import Article, DateMention, Published, Span
from .text import strip_accents

# --- Lexicon -----------------------------------------------------------------------------------

AP = r"['’]"
WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_MONTH_KEYS = (("jan", 1), ("fev", 2), ("mar", 3), ("avr", 4), ("mai", 5), ("juin", 6),
               ("juil", 7), ("aou", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12))
SEASONS = {"printemps": "SP", "ete": "SU", "automne": "FA", "hiver": "WI"}
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
NUMBERS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
           "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
           "quinze": 15, "seize": 16, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50,
           "soixante": 60, "cent": 100}
ORDINALS = {"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "2eme": 2, "second": 2, "troisieme": 3,
            "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "dernier": 4}

MONTH_FULL = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
MONTH_ABBR = r"janv\.|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\."
MONTH = rf"(?P<month>(?:{MONTH_FULL})(?!\w)|{MONTH_ABBR})"
DAY = r"(?P<day>1er|1ᵉʳ|1re|premier|3[01]|[12]\d|0?[1-9])(?!\d)"
WD = r"(?P<wd>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
YEAR_RAW = r"(?:1[0-9]\d\d|20\d\d)"
YEAR = rf"(?P<year>{YEAR_RAW})(?![\d'’])"
NUM = r"(?P<n>\d{1,3}|" + "|".join(NUMBERS) + r")"
UNIT = r"(?P<unit>jours?|semaines?|mois|ans|années?|an)"

# Words after which a cue + year is still a date ("en 2024 dans", "de 2019 à"), not a count ("de 2000 soldats").
_CONNECTORS = set("""et ou à au aux dans en par pour avec contre lors sous sur selon puis mais alors quand
lorsque où qui que qu le la les l un une des du de d il elle ils elles on ce cette ces son sa ses leur leurs
après avant depuis déjà encore pas ne n se s y jusqu vers chez entre sans malgré notamment également aussi
même plus dont car comme si afin ainsi était a ont est sont avait avaient fut sera seront""".split())

# --- Candidates (match) ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cand:
    """A matched expression before normalisation; `data` holds its parsed parts."""
    block: int
    start: int
    end: int
    kind: str
    priority: int
    data: dict = field(default_factory=dict, compare=False, hash=False)


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


_DATE_PRE = rf"(?P<pre>le|du|au|ce|dès le|depuis le|jusqu{AP}au|à partir du|avant le|après le|d{AP}ici le)"
_PATTERNS: list[tuple[str, int, re.Pattern]] = [
    ("numeric", 9, _rx(rf"(?<![\w./'’-])(?:(?:le\s+)?{WD}\s+)?(?:le\s+)?(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})"
                       rf"(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/-]|[.,]\d)")),
    ("iso", 9, _rx(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    ("dmy", 8, _rx(rf"(?<!\w)(?:{_DATE_PRE}\s+)?(?:{WD}\s*,?\s+)?{DAY}\s+{MONTH}(?:\s*,?\s+{YEAR})?"
                   rf"(?:\s+(?P<mod>dernier|prochain))?")),
    # First day of a range takes month and year from the second: "du 3 au 5 juin 2025".
    ("range_day", 7, _rx(rf"(?<!\w)(?P<pre>du|les|entre le|entre les)\s+{DAY}\s+(?=(?:au|et|à|-)\s+(?:le\s+)?"
                         rf"(?:{WD}\s+)?(?:1er|\d{{1,2}})\s+(?P<m2>{MONTH_FULL})(?:\s+(?P<y2>{YEAR_RAW}))?)")),
    ("range_dm", 9, _rx(rf"(?<!\w)(?:(?P<pre>du|entre le)\s+)?{DAY}\s+{MONTH}(?=\s+(?:au|et|à|-)\s+(?:le\s+|du\s+)?"
                        rf"(?:1er|\d{{1,2}})\s+(?:{MONTH_FULL})\s+(?P<y2>{YEAR_RAW}))")),
    ("ym", 7, _rx(rf"(?<!\w)(?P<pre>(?:au|le|du|courant du|dans le) mois d(?:e\s+|{AP})|(?:depuis|dès|en|jusqu{AP}en|"
                  rf"d{AP}ici|avant|après|à partir de|courant|vers|entre|pour|de)\s+|d{AP}|"
                  rf"(?:(?:à la |en |depuis |dès )?(?:fin|mi)|(?:au |en |depuis |dès )?début)[\s-]+)?"
                  rf"(?P<month>{MONTH_FULL})\s+{YEAR}")),
    ("range_ym", 7, _rx(rf"(?<!\w)(?P<pre>de\s+|d{AP}|entre\s+)(?P<month>{MONTH_FULL})(?=\s+(?:à|au|et|-)\s+"
                        rf"(?:{MONTH_FULL})\s+(?P<y2>{YEAR_RAW}))")),
    ("season_year", 7, _rx(rf"(?<!\w)(?P<pre>(?:au|du|le|cet|en|depuis le|dès le|fin du|début du|à la fin du)\s+|"
                           rf"(?:à |depuis |dès |fin de |début de )?l{AP}\s*)?"
                           rf"(?P<season>printemps|[ée]t[ée]|automne|hiver)\s+(?:de\s+l{AP}année\s+|de\s+)?{YEAR}"
                           rf"(?:\s*[-/]\s*(?:{YEAR_RAW}|\d\d)(?!\d))?")),
    ("quarter", 7, _rx(rf"(?<!\w)(?:(?:au|du|le|ce|pour le|dès le|depuis le)\s+)?(?P<ord>premier|1er|deuxi[èe]me|2e|2[èe]me|"
                       rf"second|troisi[èe]me|3e|3[èe]me|quatri[èe]me|4e|4[èe]me|dernier)\s+(?P<qunit>trimestre|semestre)"
                       rf"(?:\s+(?:de\s+l{AP}année\s+|de\s+)?{YEAR})?")),
    ("decade", 7, _rx(r"(?<!\w)(?:(?:dans|depuis|durant|pendant|dès|au cours des|à la fin des|au début des|"
                      r"fin des|début des)\s+)?(?:les\s+|des\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?![\d\w])")),
    ("year", 6, _rx(rf"(?<!\w)(?P<pre>depuis|dès|en|jusqu{AP}en|jusqu{AP}à|d{AP}ici(?:\s+à)?|avant|après|à partir de|"
                    rf"courant|vers|entre|pour|l{AP}an|l{AP}année|année|fin|début|mi|à la mi|à la fin de|au début de|"
                    rf"au cours de|de|à)[\s-]+{YEAR}(?:\s*(?:[-–/]|et|à|au)\s*(?P<y2>{YEAR_RAW})(?![\d'’]))?")),
    ("weekday", 5, _rx(rf"(?<![\w-])(?:(?P<pre>ce|dès|depuis|jusqu{AP}à|d{AP}ici|avant|après|le)\s+)?{WD}(?![\w-])"
                       rf"(?!\s+(?:saint|gras|noir)\b)(?:\s+(?P<mod>dernier|passé|prochain|précédent|suivant)(?!\w))?")),
    ("deictic", 5, _rx(rf"(?<![\w-])(?P<word>avant-hier|après-demain|aujourd{AP}hui|hier|demain|l{AP}avant-veille|"
                       rf"la veille|le lendemain|le surlendemain|ce matin|ce soir|cet après-midi|cette nuit|"
                       rf"la nuit dernière|ce jour-là|le même jour|ce même jour)(?:\s+(?P<part>matin|soir|après-midi)"
                       rf"(?!\w))?(?![\w-])")),
    ("unit", 5, _rx(rf"(?<!\w)(?P<det>la|le|l{AP}|cette|ce|cet)\s*(?P<unit>semaine|mois|année|an|week-end|weekend|"
                    rf"trimestre|semestre|printemps|[ée]t[ée]|automne|hiver)(?:\s*-\s*(?P<la>ci|là)|\s+(?P<mod>dernier|"
                    rf"dernière|passé|passée|prochain|prochaine|précédent|précédente|suivant|suivante|en cours))?(?![\w-])")),
    ("season", 4, _rx(rf"(?<!\w)(?P<pre>au|à l{AP}|en|dès l{AP}|depuis l{AP}|dès le|depuis le)\s*(?P<season>printemps|"
                      rf"[ée]t[ée]|automne|hiver)(?!\s*\d)(?:\s+(?P<mod>dernier|prochain)(?!\w))?(?![\w-])")),
    ("ago", 5, _rx(rf"(?<!\w)(?P<pre>il y a|voici|dans|d{AP}ici)\s+{NUM}\s+{UNIT}(?![\w-])")),
    ("later", 5, _rx(rf"(?<!\w){NUM}\s+{UNIT}\s+(?P<post>plus tard|auparavant|plus tôt)(?!\w)")),
    ("month", 4, _rx(rf"(?<!\w)(?P<pre>(?:au|le|du|courant du|dans le) mois d(?:e\s+|{AP})|(?:depuis|dès|en|jusqu{AP}en|"
                     rf"d{AP}ici|à partir de|courant)\s+|d{AP}ici\s+|"
                     rf"(?:(?:à la |en |depuis |dès )?(?:fin|mi)|(?:au |en |depuis |dès )?début)[\s-]+)"
                     rf"(?P<month>{MONTH_FULL})(?![\w-])(?:\s+(?P<mod>dernier|prochain)(?!\w))?(?!\s*\d)")),
    ("month", 4, _rx(rf"(?<!\w)(?P<month>{MONTH_FULL})\s+(?P<mod>dernier|prochain)(?!\w)")),
]


def _month(word: str) -> int:
    key = strip_accents(word).rstrip(".")
    return next(n for prefix, n in _MONTH_KEYS if key.startswith(prefix))


def _day(word: str) -> int:
    return int(word) if word.isdigit() else 1   # "1er", "1re", "premier"


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _unit(word: str) -> str:
    word = strip_accents(word)
    if word.startswith("jour"):
        return "day"
    if word.startswith("semaine"):
        return "week"
    if word == "mois":
        return "month"
    return "year"


def _season(word: str) -> str:
    return SEASONS[strip_accents(word)]


def _follows_as_count(text: str, end: int) -> bool:
    """A year-looking number followed by a noun is a count ("plus de 2000 soldats")."""
    nxt = re.match(r"\s*([^\W\d_]+)", text[end:])
    return bool(nxt) and nxt.group(1).islower() and nxt.group(1) not in _CONNECTORS


_WEAK_YEAR_CUES = {"de", "avant", "après", "vers", "entre", "pour", "à"}


def _match(block: int, text: str) -> list[_Cand]:
    found: list[_Cand] = []
    for kind, priority, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            data = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.start(), m.end()
            if kind == "year":
                cue = strip_accents(data["pre"]).strip()
                after = text[end:]
                if _follows_as_count(text, end) and (cue in _WEAK_YEAR_CUES or "y2" in data
                                                     or re.match(r"\s*[^\W\d_]+[sx]\b", after)):
                    continue
                # "de 2000 à 3000", "entre 1500 et 2000 manifestants": counts, not years.
                if "y2" not in data and cue in _WEAK_YEAR_CUES and re.match(r"\s*(?:à|et|-|–)\s*\d", after):
                    continue
                if "y2" in data:
                    found.append(_Cand(block, m.start("y2"), m.end("y2"), "year", priority, {"year": data["y2"]}))
                    end = m.end("year")
            if kind == "range_day":
                end = m.end("day")
            if kind in ("unit",) and strip_accents(data["det"]).strip() in ("la", "le", "l'", "l’") \
                    and "mod" not in data and "la" not in data:
                continue
            found.append(_Cand(block, start, end, kind, priority, data))
    return found


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Keep the longest of overlapping candidates (then the more specific rule); one block's worth."""
    starts: list[int] = []
    kept: list[_Cand] = []      # sorted by start, never overlapping
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i > 0 and kept[i - 1].end > c.start) or (i < len(kept) and kept[i].start < c.end):
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept


# --- Tense of the clause around an expression -------------------------------------------------

_AVOIR = {"a", "ont", "avait", "avaient", "eut", "eurent", "ai", "avons", "avez", "as",
          "aurait", "auraient", "aura", "auront"}
_ETRE = {"est", "sont", "était", "étaient", "fut", "furent", "sera", "seront", "serait", "seraient"}
_SKIP = {"pas", "plus", "jamais", "déjà", "également", "aussi", "encore", "notamment", "bien", "toujours",
         "ensuite", "alors", "enfin", "finalement", "récemment", "d", "ailleurs", "en", "effet", "y", "ne",
         "n", "donc", "pourtant", "tout", "ainsi", "même", "cependant", "lui", "leur", "s", "se"}
_PARTICIPLE = re.compile(r"\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ert|erte|erts|ertes|ort|orte|orts"
                         r"|ortes|int|inte|ints|intes|fait|faite|faits|faites)$")
_NOT_PARTICIPLE = {"lieu", "plus", "tous", "nous", "vous", "lui", "ici", "aussi", "parmi", "depuis", "si", "ni",
                   "qui", "aujourd", "début", "but", "droit", "trait", "peu", "beaucoup", "lit", "nuit", "bruit",
                   "fruit", "esprit", "crédit", "conflit", "souci", "mardi", "lundi", "mercredi", "jeudi",
                   "vendredi", "samedi", "dimanche", "midi", "pays", "prix", "fois", "mois", "ans", "sous",
                   "dessus", "besoin", "raison", "tort", "peur", "envie", "lui"}
# Participles that form the passé composé with être ("est mort"): others after "est" are passive present.
_ETRE_VERBS = {"allé", "venu", "arrivé", "parti", "mort", "né", "rentré", "revenu", "devenu", "tombé", "resté",
               "entré", "sorti", "monté", "descendu", "décédé", "passé", "retourné", "intervenu", "parvenu",
               "survenu", "apparu", "disparu", "redevenu", "reparti", "ressorti"}
_IMPARFAIT_STOP = {"fait", "lait", "trait", "souhait", "portrait", "attrait", "extrait", "parfait", "retrait",
                   "bienfait", "forfait", "méfait", "distrait", "abstrait", "minerait", "jamais", "mais",
                   "palais", "anglais", "français", "japonais", "taïwanais", "polonais", "irlandais", "délais"}
_FUTURE_STOP = {"front", "affront", "caméra", "opéra", "extra", "ultra", "mantra", "tantra", "sutra", "cobra",
                "choléra", "agora", "sierra", "hydra", "flora", "contra", "tiara", "vrai", "environs", "patrons",
                "escadrons", "citrons", "marrons", "barons", "hérons", "chevrons", "larrons", "potirons",
                "éperons", "rez", "suprématie", "mira", "intra", "extra", "nostra", "terra", "zebra"}
_PLAN_VERBS = {"va", "vont", "doit", "doivent", "devra", "devront", "devrait", "devraient", "compte", "comptent",
               "prévoit", "prévoient", "entend", "entendent", "apprête", "apprêtent", "pourrait", "pourraient",
               "allait", "allaient", "devait", "devaient", "souhaite", "souhaitent", "veut", "veulent"}
_PLANNED = {"attendu", "attendue", "attendus", "attendues", "prévu", "prévue", "prévus", "prévues",
            "programmé", "programmée", "programmés", "programmées", "prochain", "prochaine", "prochains"}
_PASSE_SIMPLE = {"fut", "eut", "fit", "vint", "prit", "mourut", "naquit", "devint", "revint", "tint"}
_SEGMENT = re.compile(r"[,;:()«»“”\"—–]|\s-\s")


def _is_participle(word: str) -> bool:
    return word not in _NOT_PARTICIPLE and len(word) > 1 and bool(_PARTICIPLE.match(word))


def _is_infinitive(word: str) -> bool:
    return len(word) > 3 and word not in {"hier", "leur", "premier", "dernier", "cher", "mer", "fer"} \
        and word.endswith(("er", "ir", "re", "oir"))


def _tense_cues(text: str) -> list[tuple[int, int, str]]:
    """(start, end, tense) of the verb forms of one sentence that show past or future."""
    toks = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"\w+", text)]
    cues: list[tuple[int, int, str]] = []
    for i, (s, e, w) in enumerate(toks):
        if w in _AVOIR or w in _ETRE:
            j = i + 1
            while j < len(toks) and j - i <= 4 and toks[j][2] in _SKIP:
                j += 1
            if j < len(toks) and _is_participle(toks[j][2]):
                pp = toks[j][2]
                reflexive = i > 0 and toks[i - 1][2] in ("s", "se", "me", "m", "te", "t", "nous", "vous")
                if w in _ETRE and not reflexive and w not in ("était", "étaient", "fut", "furent") \
                        and pp.rstrip("s").rstrip("e") not in _ETRE_VERBS and pp not in _ETRE_VERBS:
                    # A passive: "sera inhumé" is still ahead, "est organisé" says nothing.
                    if pp in _PLANNED or w in ("sera", "seront"):
                        cues.append((s, toks[j][1], "future"))
                    continue
                tense = "future" if w in ("aura", "auront", "sera", "seront") else "past"
                cues.append((s, toks[j][1], tense))
                continue
            if w in ("avait", "avaient", "était", "étaient", "fut", "furent", "eut", "eurent"):
                cues.append((s, e, "past"))
            elif w in ("sera", "seront", "aura", "auront"):
                cues.append((s, e, "future"))
            continue
        if w in _PLAN_VERBS:
            j = i + 1
            while j < len(toks) and j - i <= 3 and toks[j][2] in _SKIP | {"le", "la", "les", "l", "de", "à"}:
                j += 1
            if j < len(toks) and _is_infinitive(toks[j][2]):
                cues.append((s, toks[j][1], "future"))
            continue
        if w in _PLANNED:
            cues.append((s, e, "future"))
        elif w in _PASSE_SIMPLE or (len(w) > 5 and w.endswith(("èrent", "irent", "urent"))):
            cues.append((s, e, "past"))
        elif len(w) > 4 and w.endswith(("ait", "aient")) and not w.endswith(("rait", "raient")) \
                and w not in _IMPARFAIT_STOP:
            cues.append((s, e, "past"))
        elif len(w) > 4 and w.endswith(("ra", "ront", "rons", "rez", "rai")) and w not in _FUTURE_STOP \
                and text[s].islower():
            cues.append((s, e, "future"))
    return cues


def _adjectival_participle(word: str, prev: str) -> bool:
    """"des images diffusées vendredi", "l'accord conclu en décembre": a participle without auxiliary."""
    if prev in _AVOIR | _ETRE | {"être", "été", "avoir"} or word in _NOT_PARTICIPLE:
        return False
    return word.endswith(("é", "ée", "és", "ées", "u", "ue", "us", "ues")) and len(word) > 3 \
        or word in _IRREGULAR_PARTICIPLES


_IRREGULAR_PARTICIPLES = {"pris", "prise", "prises", "mis", "mise", "mises", "dit", "dite", "dites", "fait", "faite",
                          "faites", "écrit", "écrite", "mort", "morte", "morts", "mortes", "ouvert", "ouverte",
                          "construit", "construite", "produit", "produite", "détruit", "détruite"}


def _tense(text: str, sent: tuple[int, int], start: int, end: int,
           sentence_cues: list[tuple[int, int, str]] | None = None) -> str | None:
    """Past or future of the clause around an expression: a verb of its own clause first, then a
    participle just before it, then the nearest verb of its sentence."""
    before = re.search(r"(?:(\w+)\s+)?(\w+)\s+$", text[sent[0]:start])
    word = prev = ""
    if before:
        word, prev = before.group(2).lower(), (before.group(1) or "").lower()
        if word in _PLANNED:
            return "future"
    if sentence_cues is None:
        sentence_cues = _tense_cues(text[sent[0]:sent[1]])
    cues = [(s + sent[0], e + sent[0], t) for s, e, t in sentence_cues]
    bounds = [sent[0]] + [m.end() + sent[0] for m in _SEGMENT.finditer(text[sent[0]:sent[1]])] + [sent[1]]
    seg_start = max(b for b in bounds if b <= start)
    seg_end = min((b for b in bounds if b >= end), default=sent[1])

    def distance(cue: tuple[int, int, str]) -> int:
        return start - cue[1] if cue[1] <= start else max(0, cue[0] - end)

    inside = [c for c in cues if seg_start <= c[0] and c[1] <= seg_end]
    if inside:
        return min(inside, key=distance)[2]
    if word and _adjectival_participle(word, prev):
        return "past"
    return min(cues, key=distance)[2] if cues else None


# --- Normalisation and anchoring ---------------------------------------------------------------


@dataclass(frozen=True)
class _Anchor:
    """A resolved date of the narrative, usable to complete later expressions."""
    block: int
    start: int
    year: int
    month: int | None
    day: int | None
    precision: str
    explicit: bool = True   # set by the text itself; relative dates only anchor "la veille" and the like


@dataclass
class _Context:
    article: Article
    reference: dt.date | None
    sentences: dict[int, list[tuple[int, int]]]   # sorted by start, per block
    anchors: list[_Anchor] = field(default_factory=list)
    cues: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)

    def sentence(self, c: _Cand) -> tuple[int, int]:
        spans = self.sentences.get(c.block, [])
        i = bisect.bisect_right(spans, (c.start, float("inf"))) - 1
        if i >= 0 and spans[i][0] <= c.start < spans[i][1]:
            return spans[i]
        return 0, len(self.article.blocks[c.block].text)

    def tense(self, c: _Cand) -> str | None:
        text = self.article.blocks[c.block].text
        sent = self.sentence(c)
        key = (c.block, sent[0])
        if key not in self.cues:
            self.cues[key] = _tense_cues(text[sent[0]:sent[1]])
        return _tense(text, sent, c.start, c.end, self.cues[key])

    def window(self, c: _Cand, near: int = 3) -> set[int]:
        """The blocks whose dates `c` may take as its narrative: its own and up to `near` before it,
        not across a heading; dateline dates are the publication's, not the story's."""
        blocks = {c.block}
        b = c.block - 1
        while b >= 0 and len(blocks) <= near:
            kind = self.article.blocks[b].kind
            if kind in ("heading", "section"):
                break
            if kind not in ("dateline", "byline", "caption"):
                blocks.add(b)
            b -= 1
        return blocks

    def anchor(self, c: _Cand, need_day: bool = False, near: int = 3) -> _Anchor | None:
        """The last date set by the narrative just before `c`, inside its window."""
        return self._last(c, need_day, self.window(c, near))

    def far_anchor(self, c: _Cand, need_day: bool = False) -> _Anchor | None:
        return self._last(c, need_day, None)

    def _last(self, c: _Cand, need_day: bool, blocks: set[int] | None) -> _Anchor | None:
        low = min(blocks) if blocks else -1
        for a in reversed(self.anchors):   # appended in text order
            if a.block < low:
                return None
            if (a.block, a.start) < (c.block, c.start) and (blocks is None or a.block in blocks) \
                    and (a.day is not None if need_day else a.explicit):
                return a
        return None


@dataclass(frozen=True)
class _Value:
    value: str | None
    precision: str
    resolution: str
    confidence: float = 1.0
    anchor: _Anchor | None = None   # what this expression sets for the narrative, if anything
    tense: str | None = None


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def _day_value(day: dt.date | None, resolution: str, conf: float, durative: bool = False,
               tense: str | None = None) -> _Value:
    if day is None:
        return _Value(None, "day", "unresolved", tense=tense)
    anchor = None if durative else _Anchor(-1, -1, day.year, day.month, day.day, "day")
    return _Value(day.isoformat(), "day", resolution, conf, anchor, tense)


def _weekday_near(ref: dt.date, wd: int, tense: str | None, mod: str | None) -> tuple[dt.date, float]:
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if mod in ("dernier", "passé"):
        return ref - dt.timedelta(days=back or 7), 0.9
    if mod == "prochain":
        return ref + dt.timedelta(days=ahead or 7), 0.9
    if tense == "past":
        return ref - dt.timedelta(days=back), 0.9
    if tense == "future":
        return ref + dt.timedelta(days=ahead), 0.9
    return (ref - dt.timedelta(days=back) if back <= ahead else ref + dt.timedelta(days=ahead)), 0.6


def _year_for(month: int, day: int | None, ref: dt.date, tense: str | None, mod: str | None) -> tuple[int, float]:
    """The year of a month (or day of a month) said without one, seen from the publication date."""
    key = (month, day or 1)
    now = (ref.month, ref.day if day else 1)
    if mod == "dernier":
        return (ref.year if key < now else ref.year - 1), 0.9
    if mod == "prochain":
        return (ref.year if key > now else ref.year + 1), 0.9
    if tense == "future":
        return (ref.year if key >= now else ref.year + 1), 0.9
    if tense == "past":
        return (ref.year if key <= now else ref.year - 1), 0.9
    # No tense: news tells mostly the past, but allow a little of the near future.
    return (ref.year if month <= ref.month + 1 else ref.year - 1), 0.7


def _resolve(c: _Cand, text: str, ctx: _Context) -> _Value | None:
    d = c.data
    ref = ctx.reference
    pre = strip_accents(d.get("pre", "")).strip()
    durative = pre.startswith(("depuis", "des ", "jusqu", "d'ici", "d’ici", "a partir", "avant", "apres"))
    durative = durative or pre in ("des", "avant", "apres")

    if c.kind in ("numeric", "iso"):
        y = int(d["y"])
        if len(d["y"]) == 2:
            if d.get("sep") != "/":
                return None
            y += 2000
        day = _safe_date(y, int(d["m"]), int(d["d"]))
        return _day_value(day, "absolute", 1.0, durative) if day else None

    if c.kind in ("dmy", "range_day", "range_dm"):
        month = _month(d.get("month") or d["m2"])
        dd = _day(d["day"])
        year = d.get("year") or d.get("y2")
        if year:
            day = _safe_date(int(year), month, dd)
            return _day_value(day, "absolute", 1.0, durative) if day else None
        return _resolve_partial(c, ctx, month, dd, durative)

    if c.kind in ("ym", "range_ym"):
        year = int(d.get("year") or d["y2"])
        month = _month(d["month"])
        anchor = None if durative else _Anchor(-1, -1, year, month, None, "month")
        return _Value(f"{year}-{month:02d}", "month", "absolute", 1.0, anchor)

    if c.kind == "season_year":
        year, season = int(d["year"]), _season(d["season"])
        return _Value(f"{year}-{season}", "season", "absolute", 1.0,
                      None if durative else _Anchor(-1, -1, year, None, None, "season"))

    if c.kind == "quarter":
        n = ORDINALS[strip_accents(d["ord"])]
        half = strip_accents(d["qunit"]).startswith("sem")
        if half and n > 2:
            n = 2
        label = f"H{n}" if half else f"Q{n}"
        if "year" in d:
            return _Value(f"{d['year']}-{label}", "quarter", "absolute", 1.0,
                          _Anchor(-1, -1, int(d["year"]), None, None, "quarter"))
        per = 2 if half else 4
        ref = ctx.reference
        tense = ctx.tense(c) if ref else None
        anchor = ctx.anchor(c)
        if anchor and not (ref and ((tense == "future" and anchor.year < ref.year)
                                    or (tense == "past" and anchor.year > ref.year))):
            return _Value(f"{anchor.year}-{label}", "quarter", "anchored", 0.8)
        if ref:
            current = (ref.month - 1) * per // 12 + 1
            if tense == "future":
                year = ref.year if n >= current else ref.year + 1
            else:
                year = ref.year if n <= current else ref.year - 1
            return _Value(f"{year}-{label}", "quarter", "relative", 0.8 if tense else 0.6)
        return _Value(None, "quarter", "unresolved")

    if c.kind == "decade":
        digits = d["dec"]
        prefix = digits[:3] if len(digits) == 4 else ("19" + digits[0] if digits != "00" else "200")
        return _Value(prefix, "year", "absolute", 1.0)

    if c.kind == "year":
        year = int(d["year"])
        return _Value(str(year), "year", "absolute", 1.0,
                      None if durative else _Anchor(-1, -1, year, None, None, "year"))

    if c.kind == "weekday":
        return _resolve_weekday(c, ctx, durative)

    if c.kind == "deictic":
        return _resolve_deictic(c, text, ctx)

    if c.kind == "unit":
        return _resolve_unit(c, ctx)

    if c.kind == "season":
        return _resolve_season(c, ctx, _season(d["season"]), d.get("mod"))

    if c.kind in ("ago", "later"):
        return _resolve_offset(c, ctx)

    if c.kind == "month":
        return _resolve_partial(c, ctx, _month(d["month"]), None, durative)
    return None


def _resolve_partial(c: _Cand, ctx: _Context, month: int, dd: int | None, durative: bool) -> _Value:
    """A day or month without a year: the narrative's year if it just set one, else the publication
    date's, else (no publication date) the last year the text gave anywhere before."""
    precision = "day" if dd else "month"
    mod = (c.data.get("mod") or "").lower() or None
    tense = None
    wd = WEEKDAYS.index(c.data["wd"].lower()) if c.data.get("wd") else None

    def value(year: int, resolution: str, conf: float) -> _Value:
        if wd is not None and dd:   # "mardi 3 mars": the weekday fixes the year
            for y in sorted((year - 1, year, year + 1), key=lambda y: abs(y - year)):
                day = _safe_date(y, month, dd)
                if day and day.weekday() == wd:
                    year = y
                    break
        if dd:
            day = _safe_date(year, month, dd)
            if day is None:
                return _Value(None, precision, "unresolved")
            anchor = None if durative else _Anchor(-1, -1, year, month, dd, "day")
            return _Value(day.isoformat(), "day", resolution, conf, anchor, tense)
        anchor = None if durative else _Anchor(-1, -1, year, month, None, "month")
        return _Value(f"{year}-{month:02d}", "month", resolution, conf, anchor, tense)

    anchor = ctx.anchor(c) if mod is None else None
    if anchor:
        year = anchor.year
        # A story that moves from November or December into January or February crosses a year.
        if anchor.month and anchor.month >= 11 and month <= 2:
            year += 1
        # ...unless the verb contradicts it: a future verb cannot tell a month before publication.
        if not _contradicts(ctx, c, dt.date(year, month, dd or 1), precision):
            return value(year, "anchored", 0.9)
    if ctx.reference:
        tense = ctx.tense(c)
        year, conf = _year_for(month, dd, ctx.reference, tense, mod)
        return value(year, "relative", conf)
    anchor = ctx.far_anchor(c)
    if anchor and mod is None:
        return value(anchor.year, "anchored", 0.7)
    return _Value(None, precision, "unresolved")


def _contradicts(ctx: _Context, c: _Cand, first: dt.date, precision: str) -> bool:
    """A future verb on a period over before publication, or a past verb on one not yet begun."""
    ref = ctx.reference
    if ref is None:
        return False
    last = first if precision == "day" else dt.date(*_shift_month(first.year, first.month, 1), 1) - dt.timedelta(1)
    tense = ctx.tense(c)
    return (tense == "future" and last < ref) or (tense == "past" and first > ref)


def _resolve_weekday(c: _Cand, ctx: _Context, durative: bool) -> _Value:
    wd = WEEKDAYS.index(c.data["wd"].lower())
    mod = strip_accents(c.data.get("mod", "")) or None
    mod = {"passe": "passé", "precedent": "précédent"}.get(mod, mod)
    if mod in ("précédent", "suivant"):
        anchor = ctx.anchor(c, need_day=True)
        if not anchor:
            return _Value(None, "day", "unresolved")
        base = dt.date(anchor.year, anchor.month, anchor.day)
        if mod == "suivant":
            day = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
        else:
            day = base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7)
        return _day_value(day, "anchored", 0.9, durative)
    tense = ctx.tense(c)
    if ctx.reference is None:
        return _Value(None, "day", "unresolved", tense=tense)
    day, conf = _weekday_near(ctx.reference, wd, tense, mod)
    return _day_value(day, "relative", conf, durative, tense)


_DEICTIC_OFFSETS = {"avant-hier": -2, "apres-demain": 2, "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1,
                    "demain": 1, "ce matin": 0, "ce soir": 0, "cet apres-midi": 0, "cette nuit": 0,
                    "la nuit derniere": -1}
_NARRATIVE_OFFSETS = {"l'avant-veille": -2, "l’avant-veille": -2, "la veille": -1, "le lendemain": 1,
                      "le surlendemain": 2, "ce jour-la": 0, "le meme jour": 0, "ce meme jour": 0}


def _resolve_deictic(c: _Cand, text: str, ctx: _Context) -> _Value:
    word = strip_accents(c.data["word"])
    if word in _DEICTIC_OFFSETS:
        if ctx.reference is None:
            return _Value(None, "day", "unresolved")
        return _day_value(ctx.reference + dt.timedelta(days=_DEICTIC_OFFSETS[word]), "relative", 1.0)
    offset = _NARRATIVE_OFFSETS[word]
    # "la veille du 14 juillet", "la veille de l'élection": relative to what follows, not to the story.
    if re.match(r"\s+(?:de|du|des|d['’])", text[c.end:]):
        return _Value(None, "day", "unresolved")
    anchor = ctx.anchor(c, need_day=True, near=1)
    if anchor:
        base = dt.date(anchor.year, anchor.month, anchor.day)
        return _day_value(base + dt.timedelta(days=offset), "anchored", 0.9)
    if ctx.reference and offset != 0:
        return _day_value(ctx.reference + dt.timedelta(days=offset), "relative", 0.6)
    return _Value(None, "day", "unresolved")


def _resolve_unit(c: _Cand, ctx: _Context) -> _Value:
    d = c.data
    unit = strip_accents(d["unit"])
    mod = strip_accents(d.get("mod", ""))
    narrative = d.get("la", "").lower() == "là" or mod.startswith(("precedent", "suivant"))
    step = -1 if mod.startswith(("dernier", "derniere", "passe", "precedent")) else \
        1 if mod.startswith(("prochain", "suivant")) else 0
    if unit in SEASONS:
        return _resolve_season(c, ctx, SEASONS[unit], {-1: "dernier", 1: "prochain"}.get(step, "ce"))
    if narrative:
        anchor = ctx.anchor(c)
        if anchor is None and step and ctx.reference:
            base, resolution, conf = ctx.reference, "relative", 0.6
        elif anchor is None:
            return _Value(None, "year" if unit in ("an", "annee") else "month", "unresolved")
        else:
            base = dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
            resolution, conf = "anchored", 0.9
            if unit in ("semaine", "week-end", "weekend") and anchor.day is None:
                return _Value(None, "week", "unresolved")
            if unit == "mois" and anchor.month is None:
                return _Value(None, "month", "unresolved")
    else:
        if ctx.reference is None:
            return _Value(None, "year" if unit in ("an", "annee") else "month", "unresolved")
        base, resolution, conf = ctx.reference, "relative", 1.0
    if unit == "semaine":
        return _Value(_iso_week(base + dt.timedelta(weeks=step)), "week", resolution, conf)
    if unit in ("week-end", "weekend"):
        return _weekend(c, ctx, base, step, resolution)
    if unit == "mois":
        y, m = _shift_month(base.year, base.month, step)
        return _Value(f"{y}-{m:02d}", "month", resolution, conf, _Anchor(-1, -1, y, m, None, "month"))
    if unit in ("trimestre", "semestre"):
        q = (base.month - 1) // 3 + step if unit == "trimestre" else (base.month - 1) // 6 + step
        per = 4 if unit == "trimestre" else 2
        y = base.year + q // per
        label = ("Q" if unit == "trimestre" else "H") + str(q % per + 1)
        return _Value(f"{y}-{label}", "quarter", resolution, conf)
    y = base.year + step
    return _Value(str(y), "year", resolution, conf, _Anchor(-1, -1, y, None, None, "year"))


def _weekend(c: _Cand, ctx: _Context, base: dt.date, step: int, resolution: str) -> _Value:
    saturday = base + dt.timedelta(days=5 - base.weekday())   # Saturday of base's ISO week
    if step == 0 and base.weekday() < 5:
        tense = ctx.tense(c)
        if tense == "past" or (tense is None and base.weekday() <= 1):
            saturday -= dt.timedelta(weeks=1)
    elif step < 0:
        saturday -= dt.timedelta(weeks=1)
    elif step > 0 and base.weekday() >= 5:
        saturday += dt.timedelta(weeks=1)
    return _Value(_iso_week(saturday) + "-WE", "week", resolution, 0.8)


def _resolve_season(c: _Cand, ctx: _Context, season: str, mod: str | None) -> _Value:
    """A season without a year; a season of year y starts in month `start` of y (winter runs into y+1)."""
    start = SEASON_START[season]
    anchor = ctx.anchor(c) if not mod else None
    if anchor:
        return _Value(f"{anchor.year}-{season}", "season", "anchored", 0.8)
    ref = ctx.reference
    if ref is None:
        return _Value(None, "season", "unresolved")
    last_started = ref.year if ref.month >= start else ref.year - 1
    containing = last_started if ref < dt.date(*_shift_month(last_started, start, 3), 1) else None
    tense = ctx.tense(c)
    if mod == "dernier":
        year = last_started - 1 if containing is not None else last_started
    elif mod == "prochain":
        year = last_started + 1
    elif containing is not None:
        year = containing
    elif tense == "past" or (mod != "ce" and tense is None):
        year = last_started
    else:
        year = last_started + 1
    return _Value(f"{year}-{season}", "season", "relative", 0.8 if mod or tense else 0.7)


def _resolve_offset(c: _Cand, ctx: _Context) -> _Value:
    d = c.data
    n = _number(d["n"])
    unit = _unit(d["unit"])
    if c.kind == "later":
        sign = 1 if strip_accents(d["post"]) == "plus tard" else -1
        anchor = ctx.anchor(c, need_day=unit in ("day", "week"))
        if anchor is None or n is None:
            return _Value(None, unit, "unresolved")
        base = dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
        resolution, conf = "anchored", 0.8
    else:
        sign = -1 if strip_accents(d["pre"]) in ("il y a", "voici") else 1
        if ctx.reference is None or n is None:
            return _Value(None, unit, "unresolved")
        base, resolution, conf = ctx.reference, "relative", 0.9
    delta = sign * n
    if unit == "day":
        return _day_value(base + dt.timedelta(days=delta), resolution, conf)
    if unit == "week":
        return _Value(_iso_week(base + dt.timedelta(weeks=delta)), "week", resolution, conf)
    if unit == "month":
        y, m = _shift_month(base.year, base.month, delta)
        return _Value(f"{y}-{m:02d}", "month", resolution, conf, _Anchor(-1, -1, y, m, None, "month"))
    return _Value(str(base.year + delta), "year", resolution, conf,
                  _Anchor(-1, -1, base.year + delta, None, None, "year"))


# --- Public API --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Tagged:
    mention: DateMention
    kind: str
    data: dict
    tense: str | None


def _analyse(article: Article, sentences: Sequence[Span], reference: dt.date | None) -> list[_Tagged]:
    by_block: dict[int, list[tuple[int, int]]] = {}
    for s in sorted(sentences):
        by_block.setdefault(s.block, []).append((s.start, s.end))
    ctx = _Context(article, reference, by_block)
    out: list[_Tagged] = []
    for index, block in enumerate(article.blocks):
        for c in _select(_match(index, block.text)):
            value = _resolve(c, block.text, ctx)
            if value is None:
                continue
            if value.anchor is not None and block.kind != "dateline":
                a = value.anchor
                ctx.anchors.append(_Anchor(index, c.start, a.year, a.month, a.day, a.precision,
                                           value.resolution != "relative"))
            mention = DateMention(Span(index, c.start, c.end), block.text[c.start:c.end], value.value,
                                  value.precision, value.resolution, value.confidence)  # type: ignore[arg-type]
            out.append(_Tagged(mention, c.kind, c.data, value.tense))
    return out


def tag_dates(article: Article, sentences: Sequence[Span],
              reference: dt.date | None) -> tuple[DateMention, ...]:
    """Every temporal expression of every block, normalised and anchored, sorted by span."""
    return tuple(sorted((t.mention for t in _analyse(article, sentences, reference)),
                        key=lambda m: m.span))


# A dateline: optional "Publié le", a place, a weekday, then the date, then nothing or a separator.
_DATELINE_CUE = _rx(r"(?<!\w)(?P<cue>publi[ée]e?|mis\s+en\s+ligne|date\s+de\s+publication|mis\s+à\s+jour|"
                    r"mise\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|post[ée]e?)\s*(?:le|:)?\s*")
_DATELINE_PLACE = re.compile(r"^[A-ZÀ-Þ][^\W\d_]*(?:[ '’.\-]+[^\W\d_]+){0,4}(?:\s*\([^)]{1,20}\))?\s*[,:]\s*")
_DATELINE_AFTER = re.compile(r"^\s*(?:$|[-–—|(/•·]|à\s+\d|,\s*\d{1,2}\s*[:h]|\d{1,2}\s*[:h]\d{2}|\d{1,2}\s*h\b)", re.IGNORECASE)


def _dateline_value(text: str) -> str | None:
    """The date a dateline-like line starts with, when nothing but a time or a separator follows it."""
    body = text.strip()
    body = _DATELINE_PLACE.sub("", body, count=1) if not re.match(r"^\d", body) else body
    body = re.sub(rf"^{WD}\s*,?\s+(?:le\s+)?", "", body, flags=re.IGNORECASE)
    cands = [c for c in _select(_match(0, body)) if c.start == 0 and c.kind in ("numeric", "iso", "dmy")]
    if not cands:
        return None
    c = cands[0]
    if not c.data.get("year") and c.kind == "dmy":
        return None
    if not _DATELINE_AFTER.match(body[c.end:]):
        return None
    art = Article("", ())
    value = _resolve(c, body, _Context(art, None, {}))
    return value.value if value else None


def _from_datelines(article: Article) -> Published | None:
    """A publication line anywhere in a short block ("Publié le ..."), or a date opening the dateline
    block or one of the first lines; "Publié" beats a dateline, which beats "Mis à jour"."""
    found: list[tuple[int, str, str]] = []   # (rank, value, evidence)
    for index, block in enumerate(article.blocks):
        text = block.text.strip()
        if len(text) <= 200:
            for m in _DATELINE_CUE.finditer(text):
                if m.start() and not re.search(r"[|·•,;\-–—(]\s*$", text[:m.start()]):
                    continue
                value = _dateline_value(text[m.end():])
                if value:
                    rank = 0 if strip_accents(m.group("cue")).startswith(("publi", "mis en", "date")) else 2
                    found.append((rank, value, f'dateline "{text}"'))
        if block.kind == "dateline" or index < 6:
            value = _dateline_value(text)
            if value:
                shown = text if len(text) <= 80 else text[:80] + "…"
                found.append((1 if block.kind == "dateline" else 3, value, f'dateline "{shown}"'))
    if not found:
        return None
    _, value, evidence = min(found, key=lambda f: f[0])
    return Published(value, "given", evidence)


def _from_sidecar(article: Article) -> Published | None:
    raw = (article.sidecar.published or "").strip()
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00")).date() if "T" in raw or " " in raw \
            else dt.date.fromisoformat(raw[:10])
    except ValueError:
        return None
    return Published(value.isoformat(), "given", f'sidecar published "{raw}"')


def _from_chain(article: Article, sentences: Sequence[Span]) -> Published | None:
    """A full day D, then past-tense bare weekdays: each is the first such weekday after D, and the
    article appeared on the latest. Only when D is the latest date of the text and a weekday shares
    D's sentence or paragraph; a weekday equal to D's own is ambiguous, so nothing is inferred."""
    tagged = _analyse(article, sentences, None)
    dated = [t.mention for t in tagged if t.mention.value and t.mention.resolution != "unresolved"]
    days = [t for t in tagged if t.mention.resolution == "absolute" and t.mention.precision == "day"
            and article.blocks[t.mention.span.block].kind != "dateline"]
    if not days:
        return None
    d_tag = max(days, key=lambda t: t.mention.value or "")
    d = dt.date.fromisoformat(d_tag.mention.value)
    for m in dated:
        if _period_start(m.value) > d:
            return None
    weekdays = [t for t in tagged if t.kind == "weekday"]
    if any(t.data.get("mod") or strip_accents(t.data.get("pre", "")) in ("ce",) for t in weekdays):
        return None
    past = [t for t in weekdays if t.tense == "past"]
    if not past:
        return None
    wds = [WEEKDAYS.index(t.data["wd"].lower()) for t in past]
    if d.weekday() in wds:
        return None
    if not any(t.mention.span.block == d_tag.mention.span.block for t in past):
        return None
    resolved = [d + dt.timedelta(days=(wd - d.weekday()) % 7) for wd in wds]
    latest = max(resolved)
    last = past[resolved.index(latest)]
    said = ", ".join(dict.fromkeys(f'"{t.mention.text}"' for t in past))
    evidence = (f'"{d_tag.mention.text}" est un {WEEKDAYS[d.weekday()]} ; au passé, {said} suivent ce jour ; '
                f'le dernier, "{last.mention.text}", est le {latest.isoformat()}')
    return Published(latest.isoformat(), "inferred", evidence)


def _period_start(value: str) -> dt.date:
    """The first day a normalised value can denote (for "nothing later than D" checks)."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$", value)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    m = re.match(r"^(\d{4})-W(\d{2})", value)
    if m:
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    m = re.match(r"^(\d{4})-(Q|H)(\d)", value)
    if m:
        return dt.date(int(m.group(1)), (int(m.group(3)) - 1) * (3 if m.group(2) == "Q" else 6) + 1, 1)
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        return dt.date(int(m.group(1)), SEASON_START[m.group(2)], 1)
    m = re.match(r"^(\d{3})$", value)
    if m:
        return dt.date(int(m.group(1)) * 10, 1, 1)
    return dt.date.min


def publication_date(article: Article, sentences: Sequence[Span]) -> Published:
    """The publication date: sidecar, else a dateline, else a weekday chain a reader cannot doubt."""
    return (_from_sidecar(article) or _from_datelines(article) or _from_chain(article, sentences)
            or Published(None, "unknown", ""))
