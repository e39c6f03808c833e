"""Stage 1 of date tagging: French temporal expressions matched as candidates (`Cand`).

The lexicon and the patterns only; normalising and anchoring are in `dates_resolve`.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

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
_TENS = ("vingt", "trente", "quarante", "cinquante", "soixante")
# A number of days or weeks in words: "deux", "quarante-cinq", "vingt et un".
COUNT_WORDS = (rf"(?:{'|'.join(_TENS)})(?:[-\s](?:et[-\s])?(?:{'|'.join(n for n, v in NUMBERS.items() if v < 20)}))?"
               rf"|{'|'.join(n for n in NUMBERS if n not in _TENS)}")
ORDINALS = {"premier": 1, "1er": 1, "deuxieme": 2, "2e": 2, "2eme": 2, "second": 2, "troisieme": 3,
            "3e": 3, "3eme": 3, "quatrieme": 4, "4e": 4, "4eme": 4, "dernier": 4}

MONTH_FULL = r"janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre"
MONTH_ABBR = r"janv\.|jan\.?(?=\s+\d{4})|f[ée]vr?\.|avr\.|juil\.|sept\.|oct\.|nov\.|d[ée]c\."
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
class Cand:
    """A matched expression before normalisation; `data` holds its parsed parts."""
    block: int
    start: int
    end: int
    kind: str
    priority: int
    data: dict = field(default_factory=dict, compare=False, hash=False)



_YEAR_LIST = re.compile(r"\s*(?:,\s*et|,|et|puis)\s*(?:en\s+)?((?:1[89]|20)\d{2})(?![\d'’\w])")

def rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


# "au mois de", "au début du mois de", "à la fin du mois d'".
_MONTH_OF = (rf"(?:(?:au |à la |en |dès le |depuis le )?(?:début|fin|milieu) du|au|le|du|courant du|dans le)"
             rf" mois d(?:e\s+|{AP})")
_REL_MOD = r"dernier|dernière|passé|passée|précédent|précédente|prochain|prochaine|suivant|suivante|en cours"
_MONTH_PRE = (rf"(?P<pre>{_MONTH_OF}|(?:depuis|dès|en|jusqu{AP}en|d{AP}ici|"
              rf"à partir de|courant|dès le|depuis le|jusqu{AP}au|à partir du|avant le|après le|le|du|au)\s+|"
              rf"(?:(?:à la |en |depuis |dès )?(?:fin|mi)|(?:au |en |depuis |dès )?début)[\s-]+)")
# Nouns that name an edition, a season or a plan by its year ("la saison 2024", "le budget 2026").
_YEAR_HEADS = (r"édition|saison|exercice|millésime|cuvée|promotion|budget|campagne|session|législature|"
               r"rentrée|présidentielles?|législatives|municipales|européennes|régionales|sénatoriales|élections?|"
               r"scrutin|recensement|classement|palmarès|bilan|rapport|coupe\s+du\s+monde|coupe|grand\s+prix|mondial|"
               r"jeux\s+olympiques|jeux|tournoi|championnat|festival|salon|biennale|loi\s+de\s+finances|horizon|"
               r"modèle|version|cop|expo|euro|jo")
WEEKDAY_NAMES = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DATE_PRE = rf"(?P<pre>le|du|au|ce|dès le|depuis le|jusqu{AP}au|à partir du|avant le|après le|d{AP}ici le)"
_PATTERNS: list[tuple[str, int, re.Pattern]] = [
    ("numeric", 9, rx(rf"(?<![\w./'’-])(?:(?:le\s+)?{WD}\s+)?(?:le\s+)?(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})"
                      rf"(?P=sep)(?P<y>\d{{4}}|\d{{2}})(?![\w/-]|[.,]\d)")),
    ("iso", 9, rx(r"(?<![\w.-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")),
    # "Octobre 2024 : le 16, onze pays ... Le 18, le ministère ...": a day opening its clause, in a month just told.
    ("day_only", 3, rx(r"(?:^|(?<=[.:;]\s)|(?<=[.:;]))(?P<pre>[Ll]e)\s+(?P<day>1er|\d{1,2})(?=\s*,)")),
    ("dmy", 8, rx(rf"(?<!\w)(?:{_DATE_PRE}\s+)?(?:{WD}\s*,?\s+)?{DAY}\s+{MONTH}(?:\s*,?\s+{YEAR})?"
                  rf"(?:\s+(?P<mod>derniers?|prochains?)(?!\w))?")),
    # First day of a range takes month and year from the second: "du 3 au 5 juin 2025".
    # ...and so do the days of a list: "les 12, 13 et 14 novembre", "le 5 puis le 19 mai".
    # "les 26 et 28 avril 2025"; at the head of a block (a chronology's heading), "26 et 28 avril 2025".
    ("range_day", 7, rx(rf"(?:(?<!\w)(?P<pre>du|les|des|entre le|entre les|le)\s+|^){DAY}(?=(?P<list>(?:\s*,\s*(?:le\s+)?(?:1er|\d{{1,2}})(?!\d))*)"
                        rf"\s*,?\s+(?:au|et|à|ou|puis|-)\s+(?:le\s+)?"
                        rf"(?:{WD}\s+)?(?:1er|\d{{1,2}})\s+(?P<m2>{MONTH_FULL})(?:\s+(?P<y2>{YEAR_RAW}))?)")),
    ("range_dm", 9, rx(rf"(?<!\w)(?:(?P<pre>du|entre le)\s+)?{DAY}\s+{MONTH}(?=\s+(?:au|et|à|-)\s+(?:le\s+|du\s+)?"
                       rf"(?:1er|\d{{1,2}})\s+(?:{MONTH_FULL})\s+(?P<y2>{YEAR_RAW}))")),
    ("ym", 7, rx(rf"(?<!\w)(?P<pre>{_MONTH_OF}|(?:depuis|dès|en|jusqu{AP}en|"
                 rf"d{AP}ici|avant|après|à partir de|courant|vers|entre|pour|de)\s+|d{AP}|"
                 rf"(?:(?:à la |en |depuis |dès )?(?:fin|mi)|(?:au |en |depuis |dès )?début)[\s-]+)?"
                 rf"(?P<month>{MONTH_FULL})\s+{YEAR}")),
    # Two months without a year: "entre février et mai" (each its own month; "la saison court de novembre à
    # avril" is every year's).
    ("range_month", 5, rx(rf"(?<!\w)(?P<pre>entre)\s+(?P<month>{MONTH_FULL})\s+(?P<and>et\s+(?P<m2>{MONTH_FULL}))"
                          rf"(?![\w-])(?!\s*(?:\d|de\s+l{AP}|de\s+cette))")),
    ("range_ym", 7, rx(rf"(?<!\w)(?P<pre>de\s+|d{AP}|entre\s+)(?P<month>{MONTH_FULL})(?=\s+(?:à|au|et|-)\s+"
                       rf"(?:{MONTH_FULL})\s+(?P<y2>{YEAR_RAW}))")),
    ("season_year", 7, rx(rf"(?<!\w)(?P<pre>(?:au|du|le|cet|en|depuis le|dès le|fin du|début du|à la fin du)\s+|"
                          rf"(?:à |depuis |dès |fin de |début de )?l{AP}\s*)?"
                          rf"(?P<season>printemps|[ée]t[ée]|automne|hiver)\s+(?:de\s+l{AP}année\s+|de\s+)?{YEAR}"
                          rf"(?:\s*[-/]\s*(?:{YEAR_RAW}|\d\d)(?!\d))?")),
    ("quarter", 7, rx(rf"(?<!\w)(?:(?:au|du|le|ce|pour le|dès le|depuis le)\s+)?(?P<ord>premier|1er|deuxi[èe]me|2e|2[èe]me|"
                      rf"second|troisi[èe]me|3e|3[èe]me|quatri[èe]me|4e|4[èe]me|dernier)\s+(?P<qunit>trimestre|semestre)"
                      rf"(?:\s+(?:de\s+l{AP}année\s+|de\s+)?{YEAR})?")),
    ("decade", 7, rx(r"(?<!\w)(?:(?:dans|depuis|durant|pendant|dès|au cours des|à la fin des|au début des|"
                     r"fin des|début des)\s+)?(?:les\s+|des\s+)?années\s+(?P<dec>(?:19|20)?\d0)(?![\d\w])")),
    ("year", 6, rx(rf"(?<!\w)(?P<pre>depuis|dès|en|jusqu{AP}en|jusqu{AP}à|d{AP}ici(?:\s+à)?|avant|après|à partir de|"
                   rf"(?:(?:à la |en |dès la |depuis la |jusqu{AP}à la )?fin|(?:au |en |dès le |depuis le )?début|au cours|"
                   rf"(?:dans le )?courant) de l{AP}année|"
                   rf"courant|vers|entre|pour|l{AP}an|l{AP}année|année|fin|début|mi|à la mi|à la fin de|au début de|"
                   rf"au cours de|de|à)[\s-]+{YEAR}(?:\s*(?:[-–/]|et|à|au)\s*(?P<y2>{YEAR_RAW})(?![\d'’]))?")),
    ("weekday", 5, rx(rf"(?<![\w-])(?:(?P<pre>ce|dès|depuis|jusqu{AP}à|d{AP}ici|avant|après|pour|le)\s+)?{WD}(?![\w-])"
                      rf"(?!\s+(?:saint|gras|noir)\b)(?:\s+(?P<mod>dernier|passé|prochain|précédent|suivant)(?!\w))?")),
    ("deictic", 5, rx(rf"(?<![\w-])(?P<word>avant-hier|après-demain|aujourd{AP}hui|hier|demain|l{AP}avant-veille|"
                      rf"la veille|le lendemain|le surlendemain|ce matin|ce soir|cet après-midi|cette nuit|"
                      rf"la nuit dernière|ce jour-là|le même jour|ce même jour)(?:\s+(?P<part>matin|soir|après-midi)"
                      rf"(?!\w))?(?![\w-])")),
    ("unit", 5, rx(rf"(?<!\w)(?P<det>la|le|l{AP}|cette|ce|cet)\s*(?:(?P<same>même)\s+)?(?P<unit>semaine|mois|année|an|"
                   rf"week-end|weekend|trimestre|semestre|printemps|[ée]t[ée]|automne|hiver)(?:\s*-\s*(?P<la>ci|là)|\s+(?P<mod>dernier|"
                   rf"dernière|passé|passée|prochain|prochaine|précédent|précédente|suivant|suivante|en cours))?(?![\w-])")),
    # "avant l'été", "d'ici l'automne", "pour le printemps": a deadline set on a season.
    ("season", 4, rx(rf"(?<!\w)(?P<pre>au|à l{AP}|en|dès l{AP}|depuis l{AP}|dès le|depuis le|"
                     rf"(?:avant|après|d{AP}ici|pour|jusqu{AP}à|à partir de|au cours de|pendant|durant) l{AP}|"
                     rf"(?:avant|après|d{AP}ici|pour|pendant|durant) le|à partir du|au cours du|jusqu{AP}au|"
                     rf"(?:(?:à la |dès la |depuis la |jusqu{AP}à la )?fin|(?:au |dès le |depuis le )?début|"
                     rf"(?:au )?milieu|courant) (?:de l{AP}|du))\s*(?P<season>printemps|"
                     rf"[ée]t[ée]|automne|hiver)(?!\s*\d)(?:\s+(?P<mod>dernier|prochain)(?!\w))?(?![\w-])")),
    # "il y a un an et demi": half a unit more.
    # "il y a deux ans", "il y a un peu plus d'un an", "il y a quatre ans jour pour jour" (to the very day).
    ("ago", 5, rx(rf"(?<!\w)(?P<pre>il y a|voici|dans|d{AP}ici)\s+(?:(?:un peu |bien |encore |déjà |à peine |tout juste )?"
                  rf"(?:plus |moins )?(?:de |d{AP}\s*)?(?=\w))?{NUM}\s+{UNIT}(?:\s+(?P<half>et\s+demie?))?"
                  rf"(?:\s+(?P<exact>jour\s+pour\s+jour))?(?![\w-])")),
    ("later", 5, rx(rf"(?<!\w){NUM}\s+{UNIT}\s+(?P<post>plus tard|auparavant|plus tôt)(?!\w)")),
    ("month", 4, rx(rf"(?<!\w)(?P<pre>{_MONTH_OF}|(?:depuis|dès|en|jusqu{AP}en|"
                    rf"d{AP}ici|à partir de|courant)\s+|d{AP}ici\s+|"
                    rf"(?:(?:à la |en |depuis |dès )?(?:fin|mi)|(?:au |en |depuis |dès )?début)[\s-]+)"
                    rf"(?P<month>{MONTH_FULL})(?![\w-])(?:\s+(?P<mod>dernier|prochain)(?!\w))?(?!\s*\d)")),
    ("month", 4, rx(rf"(?<!\w)(?P<month>{MONTH_FULL})\s+(?P<mod>dernier|prochain)(?!\w)")),
    # "les ventes de février": a month as a noun complement, in lower case (not the planet Mars).
    ("month", 3, rx(rf"(?<!\w)(?P<pre>de\s+|d{AP})(?-i:(?P<month>{MONTH_FULL}))(?![\w-])(?!\s*\d)")),
    # A day or month whose year is said relatively: "en janvier de l'an dernier", "le 3 mai de cette année".
    ("month_rel", 8, rx(rf"(?<!\w)(?:{_MONTH_PRE})?(?:{WD}\s+)?(?:{DAY}\s+)?(?P<month>{MONTH_FULL})\s+"
                        rf"(?:de\s+l{AP}\s*(?:an|année)\s+(?P<ry>{_REL_MOD})|de\s+(?P<ry_this>cette)\s+année)(?![\w-])")),
    # A part of the current period: "en début de semaine", "au début du mois", "depuis le début de l'année".
    ("period_part", 6, rx(rf"(?<!\w)(?:(?P<pre>en|au|à la|dès le|dès la|depuis le|depuis la|jusqu{AP}au|jusqu{AP}à la|"
                          rf"d{AP}ici(?:\s+à)?\s+la|d{AP}ici\s+le|pour la|pour le|vers la|vers le|avant la|avant le|"
                          rf"à partir du|à partir de la|dans la|ce|cette)\s+)?(?P<part>début|fin|milieu|mi)[\s-]+"
                          rf"(?:de\s+(?:la\s+|l{AP}\s*)?|du\s+|d{AP}\s*)(?P<unit>semaine|mois|année|an|trimestre|semestre)"
                          rf"(?:\s+(?P<mod>{_REL_MOD}))?(?![\w-])(?!\s+(?:de\s+|d{AP}\s*)?(?:{MONTH_FULL}|\d))")),
    # A name that carries its year: "l'édition 2026", "la Coupe du monde 2023", "l'Euro 2024".
    ("named_year", 6, rx(rf"(?<![\w-])(?P<head>{_YEAR_HEADS})\s+{YEAR}(?:\s*[-/]\s*(?:{YEAR_RAW}|\d\d))?(?![\d-])")),
    # Earlier or later the same day as the narrative: "plus tôt dans l'après-midi".
    ("daypart", 5, rx(rf"(?<!\w)(?P<when>(?:un peu\s+)?plus\s+(?:tôt|tard))\s+dans\s+(?P<part>la\s+journée|la\s+matinée|"
                      rf"la\s+soirée|la\s+nuit|l{AP}\s*après-midi)(?![\w-])")),
    # A part of the day the narrative is on: "Dans l'après-midi, il s'est entretenu ...", "le soir même".
    ("daypart", 5, rx(rf"(?<!\w)(?:(?:dans|durant|pendant)\s+(?:la\s+matinée|la\s+soirée|l{AP}\s*après-midi)"
                      rf"|en\s+(?:début|fin|milieu)\s+(?:de\s+|d{AP}\s*)(?:matinée|soirée|journée|après-midi)"
                      rf"|le\s+(?:soir|matin)\s+même)(?![\w-])(?!\s+(?:de|du|d{AP})\s)")),
    # A night across two days counts for the first ("dans la nuit de mardi à mercredi", TIMEX3 "TNI").
    ("night", 7, rx(rf"(?<!\w)(?:dans\s+)?la\s+nuit\s+de\s+{WD}\s+(?:à|au)\s+(?P<wd2>{WEEKDAY_NAMES})(?![\w-])")),
    ("night_dm", 9, rx(rf"(?<!\w)(?:dans\s+)?la\s+nuit\s+du\s+(?:(?:{WEEKDAY_NAMES})\s+)?{DAY}\s+au\s+"
                       rf"(?:(?:{WEEKDAY_NAMES})\s+)?(?:1er|\d{{1,2}})\s+{MONTH}"
                       rf"(?:\s+{YEAR})?")),
]

# What each kind of expression cannot be written without, as a piece of its own patterns (so a cue is
# found wherever its patterns match, case-insensitively like them): a block without the cue is not
# searched for that kind. Most blocks hold few dates, and every pattern run over every block was a
# fifth of the rules' time.
_DIGIT = re.compile(r"\d")
_MONTH_WORD = rx(rf"{MONTH_FULL}|{MONTH_ABBR}")
_SEASON_WORD = rx(r"printemps|[ée]t[ée]|automne|hiver")
_CUES: dict[str, tuple[re.Pattern, ...]] = {
    "numeric": (_DIGIT,), "iso": (_DIGIT,), "day_only": (_DIGIT,), "year": (_DIGIT,), "named_year": (_DIGIT,),
    "dmy": (_MONTH_WORD,), "month": (_MONTH_WORD,), "month_rel": (_MONTH_WORD,),
    "range_day": (_DIGIT, _MONTH_WORD), "range_dm": (_DIGIT, _MONTH_WORD), "ym": (_DIGIT, _MONTH_WORD),
    "range_ym": (_DIGIT, _MONTH_WORD), "range_month": (_MONTH_WORD,), "season_year": (_DIGIT, _SEASON_WORD),
    "season": (_SEASON_WORD,),
    "quarter": (rx(r"trimestre|semestre"),), "decade": (_DIGIT, rx(r"années")), "weekday": (rx(WEEKDAY_NAMES),),
    # hier, avant-hier; demain, après-demain; aujourd'hui, ce jour-là, le même jour; la veille, l'avant-veille;
    # le (sur)lendemain; ce matin, ce soir, cet après-midi; cette nuit, la nuit dernière.
    "deictic": (rx(r"hier|demain|jour|veille|lendemain|matin|soir|midi|nuit"),),
    "ago": (rx(rf"il y a|voici|dans|d{AP}ici"),), "later": (rx(r"plus tard|auparavant|plus tôt"),),
    "period_part": (rx(rf"(?:début|fin|milieu|mi)[\s-]+(?:de\s+(?:la\s+|l{AP}\s*)?|du\s+|d{AP}\s*)"
                       rf"(?:semaine|mois|année|an|trimestre|semestre)"),),
    "daypart": (rx(r"matinée|soirée|après-midi|journée|soir\s+même|matin\s+même"),),
    "night": (rx(r"la\s+nuit\s+de"),), "night_dm": (_DIGIT, rx(r"la\s+nuit\s+du")),
}


def month_of(word: str) -> int:
    key = strip_accents(word).rstrip(".")
    return next(n for prefix, n in _MONTH_KEYS if key.startswith(prefix))


def day_of(word: str) -> int:
    return int(word) if word.isdigit() else 1   # "1er", "1re", "premier"


def number_of(word: str) -> int | None:
    """"45", "cinq", and the tens with their units: "quarante-cinq", "vingt et un", "soixante-dix"."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    parts = [p for p in re.split(r"[-\s]+", word) if p != "et"]
    if len(parts) == 2 and parts[0] in _TENS and NUMBERS.get(parts[1], 99) < 20:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    return NUMBERS.get(word)


def unit_of(word: str) -> str:
    word = strip_accents(word)
    if word.startswith("jour"):
        return "day"
    if word.startswith("semaine"):
        return "week"
    if word == "mois":
        return "month"
    return "year"


def season_of(word: str) -> str:
    return SEASONS[strip_accents(word)]


def _follows_as_count(text: str, end: int) -> bool:
    """A year-looking number followed by a noun is a count ("plus de 2000 soldats")."""
    nxt = re.match(r"\s*([^\W\d_]+)", text[end:])
    return bool(nxt) and nxt.group(1).islower() and nxt.group(1) not in _CONNECTORS


def _counted_noun(text: str, end: int) -> bool:
    """What follows a count of two or more is plural ("2000 soldats") or a unit ("2000 m");
    "la réforme de 2023 reste" is a year followed by a verb."""
    nxt = re.match(r"\s*([^\W\d_]+)", text[end:])
    return bool(nxt) and (nxt.group(1).endswith(("s", "x")) or len(nxt.group(1)) <= 2)


_WEAK_YEAR_CUES = {"de", "avant", "après", "vers", "entre", "pour", "à"}


def match(block: int, text: str) -> list[Cand]:
    found: list[Cand] = []
    present: dict[re.Pattern, bool] = {}
    for kind, priority, pattern in _PATTERNS:
        cues = _CUES.get(kind, ())
        if cues and not all(present[c] if c in present else present.setdefault(c, bool(c.search(text)))
                            for c in cues):
            continue
        for m in pattern.finditer(text):
            data = {k: v for k, v in m.groupdict().items() if v is not None}
            start, end = m.start(), m.end()
            if kind == "year":
                cue = strip_accents(data["pre"]).strip()
                after = text[end:]
                if _follows_as_count(text, end) and (_counted_noun(text, end) or "y2" in data):
                    continue
                # "de 2000 à 3000", "entre 1500 et 2000 manifestants": counts, not years.
                if "y2" not in data and cue in _WEAK_YEAR_CUES and re.match(r"\s*(?:à|et|-|–)\s*\d", after):
                    continue
                if "y2" in data:
                    found.append(Cand(block, m.start("y2"), m.end("y2"), "year", priority, {"year": data["y2"]}))
                    end = m.end("year")
                # "en 2018, 2020 et 2021": the years of a list are dates as much as its first.
                pos = m.end()
                while cue == "en" and (more := _YEAR_LIST.match(text, pos)) \
                        and not (_follows_as_count(text, more.end()) and _counted_noun(text, more.end())):
                    found.append(Cand(block, more.start(1), more.end(1), "year", priority, {"year": more.group(1)}))
                    pos = more.end()
            # "le bilan 2000 morts": a count after all.
            if kind == "named_year" and _follows_as_count(text, end) and _counted_noun(text, end):
                continue
            if kind == "range_day":
                end = m.end("day")
                base = {k: v for k, v in data.items() if k in ("m2", "y2")}
                for day in re.finditer(r"1er|\d{1,2}", data.get("list", "")):
                    at = m.start("list") + day.start()
                    found.append(Cand(block, at, at + len(day.group(0)), kind, priority, {**base, "day": day.group(0)}))
            if kind == "range_month":
                for at, upto, month in ((start, m.end("month"), data["month"]), (m.start("and"), end, data["m2"])):
                    found.append(Cand(block, at, upto, "month", priority, {"pre": data["pre"], "month": month}))
                continue
            if kind in ("unit",) and strip_accents(data["det"]).strip() in ("la", "le", "l'", "l’") \
                    and "mod" not in data and "la" not in data and "same" not in data:
                continue
            found.append(Cand(block, start, end, kind, priority, data))
    return found


def select(cands: list[Cand]) -> list[Cand]:
    """Keep the longest of overlapping candidates (then the more specific rule); one block's worth."""
    starts: list[int] = []
    kept: list[Cand] = []      # sorted by start, never overlapping
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start)):
        i = bisect.bisect_left(starts, c.start)
        if (i > 0 and kept[i - 1].end > c.start) or (i < len(kept) and kept[i].start < c.end):
            continue
        starts.insert(i, c.start)
        kept.insert(i, c)
    return kept

