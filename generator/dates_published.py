"""The publication date of an article -> `Published`: a sidecar, a dateline, or what the text's
own dates let a careful reader infer.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Sequence

from .dates_grammar import (AP, COUNT_WORDS, MONTH_FULL, NUM, NUMBERS, SEASON_START, UNIT, WD, WEEKDAYS, YEAR_RAW, Cand, day_of,
                            match, month_of, number_of, rx, select, unit_of)
from .dates_anchor import Context, safe_date
from .dates_resolve import Tagged, analyse, resolve
from .dates_tense import tense_cues
from .model import Article, Block, Published, Span
from .text import MONTHS, PRESS_RELEASE, strip_accents

# A dateline: optional "Publié le", a place, a weekday, then the date, then nothing or a separator.
_DATELINE_CUE = rx(r"(?<!\w)(?P<cue>publi[ée]e?|parue?|(?:premi[èe]re\s+)?publication|édition\s+du|mis\s+en\s+ligne|"
                   r"(?:newsletter|lettre(?:\s+d[’']information)?|bulletin|numéro)\s+du|diffus[ée]e?|"
                   r"date\s+de\s+publication|"
                   # An official text signs off with its place and day: "Fait à Bamako, le 22 septembre 2025".
                   r"fait\s+à\s+[^\W\d_][^,\d]{0,40},|"
                   r"mis\s+à\s+jour|mise\s+à\s+jour|modifi[ée]e?|actualis[ée]e?|post[ée]e?(?!\w)|"
                   # English-language publishing systems: "Published: September 3, 2025", "Posted on ..."
                   r"published|posted(?:\s+on)?|(?:last\s+)?updated)\s*"
                   r"(?:à\s+\d{1,2}\s*[h:]\s*\d{2}\s*)?(?:le|:)?\s*")
# What may stand before "publié" on a dateline: nothing, a separator, a word naming the piece
# ("Ce contenu a été publié le 12 mars 2025 - 08:15") or its reading time ("Lecture 3 min. Publié le").
_CUE_LEAD = rx(r"(?:^|[|·•,;\-–—(]|(?<!\w)(?:votre|notre)|(?<!\w)(?:article|texte|dépêche|contenu|vidéo|podcast|chronique|tribune)"
               r"(?:\s+a\s+été)?|(?<!\w)lecture\s*:?\s*\d{1,2}\s*min(?:utes?)?\.?)\s*$")
# "Par Jean Dupont - 5 février 2026", "PARIS (AFP) | 5 février 2026", "OLJ / AFP / le 5 février 2026":
# a date after a separator.
_SEPARATOR = re.compile(r"\s[-–—|•·/]\s")
_SHORT_WEEKDAY = rx(r"^(?:lun|mar|mer|jeu|ven|sam|dim)\.?\s+(?=\d)")
# "LYON, France, 14 mars": a wire's place may name its country after it.
_DATELINE_PLACE = re.compile(r"^[A-ZÀ-Þ][^\W\d_]*(?:[ '’.\-]+[^\W\d_]+){0,4}(?:\s*\([^)]{1,20}\))?"
                             r"(?:\s*,\s*[A-ZÀ-Þ][^\W\d_]+(?:[ '’\-]+[^\W\d_]+){0,2}(?=\s*,\s*\d))?\s*[,:]\s*")
# A label before a date that is still to come: "Prochain match : samedi 14 mars à 18 h".
_AGENDA_LABEL = rx(r"^(?:prochain|prochaine|prochains|prochaines|rendez-vous|agenda|à\s+venir|coup\s+d['’]envoi|"
                   r"date\s+limite|inscriptions?|billetterie|échéance|clôture|ouverture|réservations?)\b")
# What may follow the date on a dateline: nothing, a separator, a time ("T14:32:00Z" too), the update
# (", modifié à 10h02"), the reading time ("Lecture : 3 minutes") or the author ("Jean Dupont").
_DATELINE_AFTER = re.compile(r"^\s*(?:\.?\s*$|\.?\s*[-–—|(/•·)]|(?:à|at)\s+\d|by\s|"
                             r"dans\s+(?:l['’]\s*édition|notre\s+édition|le\s+numéro|notre\s+numéro)|,\s*\d{1,2}\s*[:h]|\d{1,2}\s*[:h]\d{2}|\d{1,2}\s*h\b|"
                             r"T\d{2}:\d{2}|"
                             r",?\s*(?:modifi|mis\s+à\s+jour|mise\s+à\s+jour|actualis|màj)|"
                             r"(?:temps\s+de\s+)?lecture\b|\d{1,2}\s*min\b|"
                             r"(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ'’]+){1,2}\s*$))",
                             re.IGNORECASE)
# What opens a dateline before its date: a dash or bullet ("— 12 mars 2025"), or the time
# ("08h15, le 12 mars 2025").
_DATELINE_OPENING = rx(r"^(?:[-–—•·|]\s*)?(?:(?:à\s+)?\d{1,2}\s*[h:]\s*\d{2}\s*,?\s*(?:le\s+)?(?=\d))?")
# "12 sept 2025", "12 déc 2024": a month cut short without its dot, before a year.
# ("LOMÉ, 12 fév (Agence) -": a wire's month cut short before its agency.)
_UNDOTTED_MONTH = rx(r"(?<=\d\s)(janv?|f[ée]vr?|avr|juil|sept|oct|nov|d[ée]c)(?=\s+\d{4}|\s*\()")
# "March 12, 2025", "Mar 12, 2025 8:15 AM", "12 March 2025": a page saved from an English-language template.
_ENGLISH_DATE = rx(r"^(?:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>[0-3]?\d)"
                   r"(?:st|nd|rd|th)?,|(?P<day2>[0-3]?\d)\s+(?P<month2>january|february|march|april|may|june|july|"
                   r"august|september|october|november|december))\s*(?P<year>(?:19|20)\d\d)\b")
_ENGLISH_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# "novembre 12, 2024": a French month in an English-language template's order.
_FRENCH_MONTH_FIRST = rx(rf"^(?P<month>{MONTH_FULL})\s+(?P<day>[0-3]?\d),\s*(?P<year>(?:19|20)\d\d)\b")
# Pages saved as text glue or reorder what a page lays out: "2025.07.24", "202510:12 UTC".
_YEAR_FIRST_DOTS = re.compile(r"^((?:19|20)\d\d)\.([01]\d)\.([0-3]\d)(?!\d)")
_GLUED_TIME = re.compile(r"^([^\n]{0,30}?(?:19|20)\d\d)(\d{1,2}:\d{2})")


def _dateline_date(text: str) -> tuple[str, Cand, str | None] | None:
    """The body of a dateline-like line, the date it starts with (when nothing but a time or a
    separator follows that date) and the weekday said before it."""
    body = _DATELINE_OPENING.sub("", re.sub(r"^©\s*", "", text.strip()), count=1)
    body = _YEAR_FIRST_DOTS.sub(r"\1-\2-\3", body, count=1)      # "2025.07.24 10:12"
    body = _GLUED_TIME.sub(r"\1 \2", body, count=1)                # "18 février 202510:12 UTC"
    body = _UNDOTTED_MONTH.sub(lambda m: ("janv" if m.group(1).lower() == "jan" else m.group(1)) + ".", body)
    if _AGENDA_LABEL.match(body):
        return None
    if not re.match(r"^\d", body):
        placed = _DATELINE_PLACE.sub("", body, count=1)
        # "Lyon, le 12 mars 2025": a place, then "le" before the day.
        body = re.sub(r"^le\s+(?=\d)", "", placed, flags=re.IGNORECASE) if placed != body else placed
    weekday = re.match(rf"^{WD}\s*,?\s+(?:le\s+)?", body, flags=re.IGNORECASE)
    body = body[weekday.end():] if weekday else body
    body = _SHORT_WEEKDAY.sub("", body, count=1)
    cands = [c for c in select(match(0, body)) if c.start == 0 and c.kind in ("numeric", "iso", "dmy")]
    if not cands or not _DATELINE_AFTER.match(body[cands[0].end:]):
        return None
    return body, cands[0], weekday.group("wd") if weekday else cands[0].data.get("wd")


def _dateline_value(text: str) -> str | None:
    """The full date a dateline-like line starts with."""
    found = _dateline_date(text)
    if found is None:
        return _english_dateline_value(text)
    body, c, _ = found
    if not c.data.get("year") and c.kind == "dmy":
        return None
    if c.kind == "numeric" and len(c.data["y"]) == 2:
        # "12.03.25 - 08:15": on a dateline two figures after the month are the year, whatever the separator.
        day = safe_date(2000 + int(c.data["y"]), int(c.data["m"]), int(c.data["d"]))
        return day.isoformat() if day else None
    art = Article("", ())
    value = resolve(c, body, Context(art, None, {}))
    return value.value if value else None


def _english_dateline_value(text: str) -> str | None:
    """"March 12, 2025 8:15 AM" -> 2025-03-12, when nothing but a time or a separator follows."""
    french = _FRENCH_MONTH_FIRST.match(text.strip())
    if french and _DATELINE_AFTER.match(text.strip()[french.end():]):
        day = safe_date(int(french.group("year")), month_of(french.group("month")), int(french.group("day")))
        return day.isoformat() if day else None
    m = _ENGLISH_DATE.match(text.strip())
    if not m or not _DATELINE_AFTER.match(text.strip()[m.end():]):
        return None
    month = _ENGLISH_MONTHS.index((m.group("month") or m.group("month2"))[:3].lower()) + 1
    day = safe_date(int(m.group("year")), month, int(m.group("day") or m.group("day2")))
    return day.isoformat() if day else None


# Words a byline or credit holds besides names: "Par Jean Dupont", "Ouest-France avec AFP",
# "Jean Dupont, envoyé spécial à Kiev".
_BYLINE_WORDS = {"par", "de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "avec", "et", "à",
                 "au", "en", "envoyé", "envoyée", "spécial", "spéciale", "correspondant", "correspondante",
                 "rédaction", "rédigé", "rédigée", "article", "texte", "propos", "recueillis", "service", "agence",
                 "communiqué", "presse"}   # "Communiqué de presse – Lyon, le 12 mars 2025"
# Words that head a link or a rubric, not a byline: "Archives - 3 mars 2025 - La réforme".
# A link to another article, with its own date.
_LINK_LINE = rx(r"^(?:[àa]\s+lire\s+aussi|lire\s+aussi|lire\s+également|voir\s+aussi|à\s+voir\s+aussi|sur\s+le\s+même\s+sujet"
                r"|notre\s+article|relire|(?:à\s+)?(?:lire|voir|écouter|regarder))\s*[:|–—>»-]")
_LINK_WORDS = {"archives", "archive", "lire", "relire", "voir", "revoir", "aussi", "dossier", "replay", "sommaire"}


def _byline_like(part: str) -> bool:
    """What stands before "- 12 mars 2025" on a dateline: an author, an outlet or an agency, not a
    caption ("Le ministre à l'Élysée - 3 mars 2025") or a link ("À lire aussi - 3 mars 2025")."""
    words = re.findall(r"[^\W\d_][\w.-]*", part.replace("’", "'").replace("'", " "))
    if any(w.lower() in _LINK_WORDS for w in words):
        return False
    return len(words) <= 1 or all(w[0].isupper() or w.lower() in _BYLINE_WORDS for w in words)


def _chronology_entry(text: str) -> bool:
    """"12 mars 2025 - Le conseil adopte la réforme.": a date opening a line, then a dash and a
    sentence, is an entry of a chronology, not the day the piece appeared (a wire's "PARIS, 12 mars
    2025 (AFP) - Le conseil..." opens with its place)."""
    found = _dateline_date(text) if not _DATELINE_PLACE.match(text.strip()) else None
    if found is None:
        return False
    body, c, _ = found
    after = re.match(r"\s*[-–—]\s+(?P<rest>.+)$", body[c.end:])
    if after is None:
        return False
    rest = after.group("rest")
    return len(rest.split()) >= 5 and not _DATELINE_CUE.search(rest) and not re.match(r"(?i)par\s", rest)


def _opening_date(block: Block, text: str) -> str | None:
    """The date a head line opens with, or gives after its byline: "12 mars 2025 à 08h15",
    "Par Jean Dupont - 12 mars 2025", "Par AFP le 12/03/2025 à 08h15"."""
    value = _dateline_value(text)
    if not value and block.kind != "title" and len(text) <= 120:
        value = _separated_dateline_value(text) or _after_byline_value(text)
    return value


_UPDATE_CUE = rx(r"(?<!\w)(?:mis|mise)\s+à\s+jour|modifi[ée]|actualis[ée]|màj(?!\w)")


def _after_byline_value(text: str) -> str | None:
    """"Par AFP le 12/03/2025 à 08h15", "(Publié) par Jean Dupont le 12 mars 2025": a byline, "le" and
    the date; "Jean Dupont et Marie Martin le 3 mars 2025." ends like a caption's sentence."""
    m = re.search(r"\s*,?\s+le\s+(?=\d)", text) or _BYLINE_THEN_DATE.search(text)
    if m is None or text.endswith(".") or not text[:m.start()].strip() or not _byline_like(text[:m.start()]):
        return None
    return _dateline_value(text[m.end():])


# "The Associated Press lun. 10 mars 2025 à 21:33": an author or an agency, then the date, on one line.
_BYLINE_THEN_DATE = rx(r"\s+(?=(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?\s+)?\d{1,2}(?:er)?\s+[^\W\d_]{3,}\.?\s+\d{4})")


def _chronology_headings(article: Article) -> set[int]:
    """"12 mars 2025" / a paragraph / "3 avril 2025" / a paragraph: lines that hold only a date head the
    entries of a chronology or a live page; none of them dates the piece (a date above the text and another
    below it are the page's own)."""
    return {index for index, _ in day_headings(article, None)}


def day_headings(article: Article, reference: dt.date | None) -> list[tuple[int, dt.date]]:
    """The lines that hold only a day and head the entries of a chronology or a live page ("Mardi 18 mars" /
    "21h15" / an entry / "Lundi 17 mars" / ...), each with its day, when two or more days head entries and
    one of them stands amid the text. A heading without its year takes the one that puts it nearest the
    `reference` (within half a year) on its weekday; with no reference it is left out."""
    found = []
    for index, block in enumerate(article.blocks):
        if block.kind != "dateline" or _DATELINE_CUE.search(block.text):
            continue
        value = _dateline_value(block.text)
        day = dt.date.fromisoformat(value) if value and len(value) == 10 else _yearless_heading(block.text, reference)
        if day is not None:
            found.append((index, day))
    paragraphs = [i for i, block in enumerate(article.blocks) if block.kind == "paragraph"]
    amid = [i for i, _ in found if paragraphs and paragraphs[0] < i < paragraphs[-1]]
    return found if len({day for _, day in found}) >= 2 and amid else []


def _yearless_heading(text: str, reference: dt.date | None) -> dt.date | None:
    """"Mardi 18 mars" near `reference`: the year that puts the day within half a year of it, on its weekday."""
    found = _dateline_date(text)
    if reference is None or found is None or found[1].kind != "dmy" or found[1].data.get("year"):
        return None
    month, day, weekday = month_of(found[1].data["month"]), day_of(found[1].data["day"]), found[2]
    near = [d for d in (safe_date(y, month, day) for y in range(reference.year - 1, reference.year + 2))
            if d and abs((d - reference).days) <= 183]
    fits = [d for d in near if weekday is None or d.weekday() == WEEKDAYS.index(weekday.lower())]
    return fits[0] if len(fits) == 1 else None


def _separated_dateline_value(text: str) -> str | None:
    """"Par Marie Durand - 9 avril 2025 à 18h02", "LILLE (AFP) | 9 avril 2025": a date after a
    separator, when what stands before it is a byline."""
    parts = _SEPARATOR.split(text)
    for index, part in enumerate(parts[1:], 1):
        value = _dateline_value(part)
        if value:
            return value if all(map(_byline_like, parts[:index])) else None
    return None


_HEAD_KINDS = ("title", "kicker", "byline", "dateline", "section")


def _label_in_head_line(block: Block, m: re.Match) -> bool:
    """"Par Jean Dupont Publié le 12 mars 2025": a page's header flattened into one line keeps the
    capital of its "Publié" label; in a paragraph, "publié le" is a verb of the story."""
    return block.kind in _HEAD_KINDS and m.group("cue")[0].isupper()


def _from_datelines(article: Article) -> Published | None:
    """A publication line anywhere in a short block ("Publié le ..."), or a date opening the dateline
    block or one of the first lines; "Publié" beats a dateline, which beats "Mis à jour"."""
    found: list[tuple[int, str, str]] = []   # (rank, value, evidence)
    headings = _chronology_headings(article)
    for index, block in enumerate(article.blocks):
        text = block.text.strip()
        if _LINK_LINE.match(text):
            continue   # "Lire aussi : ... (publié le 10 mars 2025)": another article's date
        if len(text) <= 200:
            for m in _DATELINE_CUE.finditer(text):
                if not _CUE_LEAD.search(text[:m.start()]) and not _label_in_head_line(block, m):
                    continue
                value = _dateline_value(text[m.end():]) or _after_byline_value(text[m.end():])
                if value:
                    first = ("publi", "premi", "par", "edition", "mis en", "date", "post", "newsletter", "lettre",
                             "bulletin", "numero", "diffus")
                    rank = 0 if strip_accents(m.group("cue")).startswith(first) else 2
                    found.append((rank, value, f'dateline "{text}"'))
        # A photo's caption tells when the photo was taken; a credit line "© Le Quotidien, 9 avril 2025"
        # may date the piece.
        caption = block.kind == "caption" and not text.lstrip("(").startswith("©")
        if (block.kind == "dateline" or index < 10) and not caption and index not in headings \
                and not _chronology_entry(text):
            value = _opening_date(block, text)
            if value:
                shown = text if len(text) <= 80 else text[:80] + "…"
                # "12.03.2025 à 08h15 • Mis à jour le 13.03.2025": the date before the update is the published one.
                rank = 1 if block.kind == "dateline" or _UPDATE_CUE.search(text) else 3
                found.append((rank, value, f'dateline "{shown}"'))
    if not found:
        return None
    _, value, evidence = min(found, key=lambda f: f[0])
    return Published(value, "given", evidence)


def releases(article: Article) -> list[tuple[int, str]]:
    """Press releases gathered in one text ("COMMUNIQUÉ DE PRESSE / Bruxelles, le 10 juin 2024 ... COMMUNIQUÉ DE
    PRESSE / Bruxelles, le 12 juin 2024"): the block each starts on (its label) and its dateline's day, when
    there are two or more."""
    dated = [(n, value) for n, (before, block) in enumerate(zip(article.blocks, article.blocks[1:]))
             if block.kind == "dateline" and PRESS_RELEASE.fullmatch(before.text)
             for value in [_opening_date(block, block.text.strip())] if value]
    return dated if len(dated) >= 2 else []


def _from_releases(article: Article) -> Published | None:
    """Releases gathered in one text: each dateline dates its release, the whole dates from the latest."""
    dated = [value for _, value in releases(article)]
    if not dated:
        return None
    return Published(max(dated), "inferred", f"le dernier des {len(dated)} communiqués réunis est daté du {max(dated)}")


def _from_yearless_dateline(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"PARIS, 21 février (Reuters) -": a dateline without its year takes the latest year the text
    tells of, when the dateline's own paragraph or the title names it and no date of the text comes
    after the day it makes; otherwise the year stays unknown."""
    found = next(_yearless_datelines(article), None)
    if found is None:
        return None
    index, month, dd, weekday = found
    block = article.blocks[index]
    lead = _lead_of(article, index)
    tagged = [t for t in analyse(article, sentences, None) if t.mention.span.block != index or t.mention.span.start > 0]
    told = [t for t in tagged if t.mention.resolution == "absolute" and (t.mention.value or "")[:4].isdigit()
            and t.tense != "future"]
    years = [t for t in told if not _not_this_year(t, article)] or told   # "depuis 2024": now is 2024 or later
    # "Publié le 12 mars ... Ce mercredi, le conseil ...": "ce mardi" is the day of writing, so the year
    # is the one, next to the latest the text or its title tells of, where that day is a Wednesday.
    this = next((WEEKDAYS.index(t.data["wd"].lower()) for t in tagged if t.kind == "weekday"
                 and t.mention.span.block in lead and t.tense != "future" and not t.data.get("mod")
                 and strip_accents(t.data.get("pre", "")).lower() == "ce"), None)
    if this is not None:
        base = [int(t.mention.value[:4]) for t in years] or _title_years(article)
        if not base:
            return None
        fits = [d for d in (safe_date(y, month, dd) for y in (max(base) - 1, max(base), max(base) + 1))
                if d and d.weekday() == this]
        if len(fits) != 1 or _told_after(tagged, fits[0], article):
            return None
        return Published(fits[0].isoformat(), "inferred",
                         f'dateline "{block.text[:60].strip()}…" sans année ; « ce {WEEKDAYS[this]} » : '
                         f'le {dd} tombe un {WEEKDAYS[this]} en {fits[0].year}')
    if not years:
        return None
    latest = max(int(t.mention.value[:4]) for t in years)
    said = next((t for t in years if int(t.mention.value[:4]) == latest and not _not_this_year(t, article) and (
        t.mention.span.block in lead or article.blocks[t.mention.span.block].kind in ("title", "kicker"))), None)
    ago = _year_from_years_ago(article)
    if ago is not None and ago[0] < latest:
        return None   # "il y a dix ans" and a later year told: one of them is not now
    day = safe_date(ago[0] if ago else latest, month, dd)

    def told_later(day: dt.date) -> bool:
        # A later time told as still to come ("d'ici à la fin de 2030") is no sign of a later writing.
        return any(_period_start(t.mention.value) > day for t in tagged
                   if t.mention.value and t.mention.resolution == "absolute" and t.tense != "future")

    if ago is not None and day is not None:
        evidence = (f'dateline "{block.text[:60].strip()}…" sans année ; "{ago[1]}" : '
                    f'nous sommes en {ago[0]}')
    elif said is not None and day is not None and not told_later(day):
        evidence = (f'dateline "{block.text[:60].strip()}…" sans année ; '
                    f'"{said.mention.text}" est l\'année la plus récente du texte')
    else:
        # (In the latest year the dateline's day would come before "décembre 2029": the weekday decides.)
        # "SÉOUL, 4 septembre (Reuters) - ... a estimé jeudi": a lead tells of the dateline's day or the
        # day before. Of the latest year the text tells of and the next, the one year where the weekday
        # it gives can be either is the year (in the other, that weekday would be days off).
        told = weekday or next((t.data["wd"] for t in tagged if t.kind == "weekday" and t.mention.span.block in lead
                                and t.tense != "future" and not t.data.get("mod")), None)
        if told is None:
            return None
        wd = WEEKDAYS.index(told.lower())
        # "trois ans après le texte de mai 2022": the year the text counts to may be the one too.
        after = {y for y in _years_after(article) if y > latest + 1}
        fits = [d for d in (safe_date(y, month, dd) for y in (latest, latest + 1, *sorted(after)))
                if d and (d.weekday() - wd) % 7 <= 1]
        if len(fits) > 1 and any(not _not_this_year(t, article) for t in years):
            # The latest year the text tells of as a time past ("au premier trimestre 2030", not "depuis
            # 2030") puts the dateline's own day in it, rather than the day after it a year later.
            fits = [d for d in fits if d.year == latest and d.weekday() == wd]
        if len(fits) != 1 or fits[0].weekday() != wd:
            return None
        day = fits[0]
        evidence = (f'dateline "{block.text[:60].strip()}…" sans année ; le texte dit « {told} » de ce jour, '
                    f'qui tombe un {told.lower()} en {day.year}')
    if (weekday and WEEKDAYS.index(weekday.lower()) != day.weekday()) or told_later(day):
        return None
    return Published(day.isoformat(), "inferred", evidence)


# "BRUXELLES 12/03 (BELGA)", "GENÈVE, 12.03 (ATS) -": a wire's place, day and month in figures, agency.
_NUMERIC_WIRE_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ'’ .\-]*[A-ZÀ-Þ],?\s+"
                                    r"(?P<day>[0-3]?\d)[/.](?P<month>[01]?\d)"
                                    r"\s*\(\s*[A-Za-z][A-Za-z-]{1,14}\s*\)")


def _title_years(article: Article) -> list[int]:
    """Years the title or kicker names ("Budget 2030 : ...", "Fête du lac 2030")."""
    return [int(m.group(0)) for b in article.blocks[:4] if b.kind in ("title", "kicker")
            for m in re.finditer(r"(?<![\d,.])(?:19|20)\d\d(?![\d,.])", b.text)]


def _lead_of(article: Article, index: int) -> set[int]:
    """The dateline's block and, for a line of its own, the line and the first paragraph after it
    (past an update line: "Publié le 12 mars" / "Mis à jour le 12 mars" / the lead)."""
    if len(article.blocks[index].text) > 200:
        return {index}
    first = next((i for i in range(index + 1, len(article.blocks)) if article.blocks[i].kind == "paragraph"), index + 1)
    return {index, index + 1, first}


def _yearless_datelines(article: Article):
    """(block, month, day, weekday) of the first lines that give a day and month but no year: a
    dateline, a wire's "BRUXELLES 12/03 (BELGA)", or a short "Publié le 21 février à 10h" line."""
    for index, block in enumerate(article.blocks[:10]):
        if block.kind not in ("dateline", "paragraph", "kicker", "byline"):
            continue
        wire = _NUMERIC_WIRE_DATELINE.match(block.text)
        if wire and 1 <= int(wire.group("month")) <= 12:
            yield index, int(wire.group("month")), int(wire.group("day")), None
        texts = [block.text]
        if len(block.text) <= 200:
            texts += [block.text[m.end():] for m in _DATELINE_CUE.finditer(block.text)
                      if _CUE_LEAD.search(block.text[:m.start()])]
        for text in texts:
            found = _dateline_date(text)
            if found and found[1].kind == "dmy" and not found[1].data.get("year"):
                yield index, month_of(found[1].data["month"]), day_of(found[1].data["day"]), found[2]


# "en 1990, il y a 35 ans", "il y a dix ans, en 2015", "l'an dernier, en 2024": the year of writing,
# counted by the writer.
_LAST_YEAR = rf"l{AP}\s*(?:an|année)\s+(?:derni[eè]re?|pass[ée]e?)"
_YEARS_AGO = (rx(rf"(?<!\w)(?:en|depuis)\s+(?P<year>{YEAR_RAW})\s*,?\s*(?:soit\s+)?il\s+y\s+a\s+{NUM}\s+ans(?!\w)"),
              rx(rf"(?<!\w)il\s+y\s+a\s+{NUM}\s+ans\s*,?\s*(?:en|depuis)\s+(?P<year>{YEAR_RAW})(?!\d)"),
              rx(rf"(?<!\w){_LAST_YEAR}\s*,?\s*\(?(?:en\s+)?(?P<year>{YEAR_RAW})(?![\d'’])"),
              rx(rf"(?<!\w)en\s+(?P<year>{YEAR_RAW})\s*,?\s*{_LAST_YEAR}(?!\w)"))


_YEARS_AFTER = rx(rf"(?<!\w){NUM}\s+ans\s+après\b[^.;!?]{{0,100}}?\ben\s+(?:(?:{MONTH_FULL})\s+)?(?P<year>{YEAR_RAW})(?!\d)")


def _years_after(article: Article) -> list[int]:
    """"trois ans après un premier texte, en mai 2022": the year counted to (2025), a time the story reaches."""
    return [int(m.group("year")) + n for block in article.blocks for m in _YEARS_AFTER.finditer(block.text)
            for n in [number_of(m.group("n"))] if n]


def _year_from_years_ago(article: Article) -> tuple[int, str] | None:
    """The year a writer stands in when saying "en 1990, il y a 35 ans" (1990 + 35) or "l'an dernier,
    en 2024" (2024 + 1), with the words; None when the text says none, or two that disagree."""
    found = {}
    for block in article.blocks:
        for pattern in _YEARS_AGO:
            for m in pattern.finditer(block.text):
                n = number_of(m.group("n")) if "n" in pattern.groupindex else 1
                if n:
                    found.setdefault(int(m.group("year")) + n, m.group(0))
    return next(iter(found.items())) if len(found) == 1 else None


_NOT_THIS_YEAR = ("depuis", "jusqu", "d'ici", "d’ici", "avant", "apres", "a partir", "pour")
# "son record de 2019", "au niveau de 2008", "contre 450 en 2024": a year the story measures itself against.
_MEASURE = rx(r"(?:\b(?:record|niveau|pic|sommet|plus\s+haut|plus\s+bas)(?:\s+historique)?\s+(?:de\s+|d['’]\s*)?"
              r"|\bcontre\s+[\d\s.,]*(?:[^\W\d_]+\s+)?|\bpar\s+rapport\s+(?:à|aux?)\s+)$")


def _not_this_year(t: Tagged, article: Article) -> bool:
    """"depuis 2007", "d'ici 2030", "le record de 2019": years that by their very words are not now."""
    if strip_accents(t.data.get("pre", "")).startswith(_NOT_THIS_YEAR):
        return True
    text = article.blocks[t.mention.span.block].text
    return bool(_MEASURE.search(text[max(0, t.mention.span.start - 40):t.mention.span.start]))


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
    D's sentence or paragraph, or is D's own weekday (then it is D). D may be counted from a full day
    in the past ("Le 12 mars ... Deux jours plus tard, vendredi, ...")."""
    tagged = analyse(article, sentences, None)
    dated = [t.mention for t in tagged if t.mention.value and t.mention.resolution != "unresolved"]
    days = [(t, dt.date.fromisoformat(t.mention.value)) for t in tagged
            if (t.mention.resolution == "absolute" or (t.mention.resolution == "anchored" and t.tense == "past"))
            and t.mention.precision == "day" and article.blocks[t.mention.span.block].kind != "dateline"
            and not _quoted_future(article, t) and t.tense != "future"]   # "s'ouvrira le 12 janvier": not yet
    days += _weekday_days(tagged)
    if not days:
        return None
    d_tag, d = max(days, key=lambda found: found[1])
    if _months_counted(article, d_tag):
        return None   # "huit mois après les élections du 9 juin": the story is months past D
    # A later time the text tells is doubt (not one it only places in D's year: "à l'automne").
    for t in tagged:
        if t.mention in dated and _period_start(t.mention.value) > d and not (
                t.mention.resolution == "anchored" and t.tense != "past"):
            return None
    weekdays = [t for t in tagged if t.kind == "weekday"]
    if any(t.data.get("mod") for t in weekdays):
        return None
    # "Ce mardi, ils sont là": today's weekday, told in the present or the past, is a link of the chain too.
    this = [t for t in weekdays if strip_accents(t.data.get("pre", "")) == "ce"]
    if any(t.tense == "future" for t in this):
        return None
    past = [t for t in weekdays if t.tense == "past" or t in this]
    if not past:
        return None
    # D's own weekday ("le 14 mars, jour du glissement ... vendredi") is D itself, not a week later:
    # it ties D to the story the other weekdays tell.
    own = [t for t in past if WEEKDAYS.index(t.data["wd"].lower()) == d.weekday()]
    past = [t for t in past if t not in own]
    if not past or any(t in this for t in own):
        return None   # "ce dimanche 16 mars": D is the day of writing, which `_from_this_weekday` reads
    wds = [WEEKDAYS.index(t.data["wd"].lower()) for t in past]
    # "dans la nuit de lundi à mardi" opening on D's weekday ties D to the story too.
    own += [t for t in tagged if t.kind == "night" and (t.data.get("wd") or "").lower() == WEEKDAYS[d.weekday()]]
    # A weekday in D's paragraph; "ce mardi", which counts from the day of writing, also in the next one, or
    # in the one before when D is told in the past ("Ce samedi, X reçoit Y. Y était arrivé la veille, vendredi").
    near = (1, -1) if d_tag.tense == "past" else (1,)
    if not own and not any(t.mention.span.block == d_tag.mention.span.block
                           or (t in this and t.mention.span.block - d_tag.mention.span.block in near) for t in past):
        return None
    resolved = [d + dt.timedelta(days=(wd - d.weekday()) % 7) for wd in wds]
    # "a rapporté ce dimanche" names the day of writing: a bare weekday that would fall after it
    # ("Parti vendredi, il avait auparavant ...") was told before D, not after.
    todays = {day for t, day in zip(past, resolved) if t in this}
    if len(todays) > 1:
        return None
    latest, which = (min(todays), "le jour où il est écrit") if todays else (max(resolved), "le dernier")
    last = next(t for t, day in zip(past, resolved) if day == latest and (t in this or not todays))
    said = ", ".join(dict.fromkeys(f'"{t.mention.text}"' for t in past))
    evidence = (f'"{d_tag.mention.text}" est un {WEEKDAYS[d.weekday()]} ; au passé, {said} suivent ce jour ; '
                f'{which}, "{last.mention.text}", est le {latest.isoformat()}')
    return Published(latest.isoformat(), "inferred", evidence)


_MONTHS_AFTER = rx(rf"(?<![\w-])(?P<about>près\s+de\s+|plus\s+de\s+)?{NUM}\s+(?P<unit>mois|ans)"
                   rf"(?:\s+(?P<sign>moins|et)\s+(?P<days>\d{{1,2}}|{'|'.join(NUMBERS)})\s+jours?)?"
                   rf"\s+(?:après|plus\s+tard)(?![\w-])")


def _months_counted(article: Article, t: Tagged) -> re.Match | None:
    """"(Près de) huit mois après les élections du 9 juin 2024", "Deux mois moins un jour après le passage du
    cyclone, qui a frappé l'île le 14 décembre 2024": a count of months or years from the day to the time of
    writing, in the words just before it."""
    text = article.blocks[t.mention.span.block].text
    found = list(_MONTHS_AFTER.finditer(text, max(0, t.mention.span.start - 120), t.mention.span.start))
    return found[-1] if found and not re.search(r"[.;!?]", text[found[-1].end():t.mention.span.start]) else None


def _from_months_after(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Près de huit mois après les élections du 9 juin 2024 [...] ce vendredi [...] la date butoir du 31
    janvier": the day of writing is the one day and month the text gives without a year that falls on the
    weekday the lead names today, where the count leads (within a month; before it with "près de", after
    it with "plus de")."""
    tagged = analyse(article, sentences, None)
    today = {WEEKDAYS.index(t.data["wd"].lower()) for t in tagged
             if t.kind == "weekday" and t.mention.span.block < 6 and t.tense != "future"
             and strip_accents(t.data.get("pre", "")).lower() == "ce"}
    if len(today) != 1:
        return None
    for t in tagged:
        count = _months_counted(article, t) if t.mention.resolution == "absolute" and t.mention.precision == "day" else None
        n = number_of(count.group("n").lower()) if count else None
        if not n:
            continue
        start = dt.date.fromisoformat(t.mention.value)
        months = n * (12 if count.group("unit") == "ans" else 1)
        year, month = divmod(start.month - 1 + months, 12)
        target = safe_date(start.year + year, month + 1, min(start.day, 28))
        if count.group("days") and start.day <= 28:
            # "deux mois moins un jour après": the very day, if it falls on the weekday the lead calls today.
            sign = -1 if count.group("sign").lower() == "moins" else 1
            exact = target + dt.timedelta(sign * number_of(count.group("days")))
            if exact.weekday() in today:
                return Published(exact.isoformat(), "inferred",
                                 f'"{count.group(0).strip()}" "{t.mention.text}" : le {exact.isoformat()}, '
                                 f"un {WEEKDAYS[exact.weekday()]}, jour que le texte dit aujourd'hui")
        about = (count.group("about") or "").split()[:1]
        low = target - dt.timedelta(0 if about == ["plus"] else 31)
        high = target + dt.timedelta(0 if about == ["près"] else 31)
        days = {day for u in tagged if u.kind == "dmy" and "year" not in u.data and u.data.get("month") in MONTHS
                for y in (target.year - 1, target.year, target.year + 1)
                for day in [safe_date(y, MONTHS.index(u.data["month"]) + 1, int(u.data["day"]))]
                if day and low <= day <= high and day.weekday() in today}
        if len(days) == 1:
            day = days.pop()
            return Published(day.isoformat(), "inferred",
                             f'"{count.group(0).strip()}" "{t.mention.text}" mène vers le {target.isoformat()} ; '
                             f'le seul jour du texte sans année qui tombe alors un {WEEKDAYS[day.weekday()]}, '
                             f"jour que le texte dit aujourd'hui, est le {day.isoformat()}")
    return None


def _from_lead_offset(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Le 3 septembre 2025, X défilait à Pékin. Trois jours plus tard, le chercheur décrypte pour nous":
    a day counted from a full date, told in the present in the lead, is the day the piece appeared (when no
    date of the text comes after it)."""
    tagged = analyse(article, sentences, None)
    lead = [t for t in tagged if t.kind in ("later", "deictic") and t.mention.resolution == "anchored"
            and t.mention.precision == "day" and t.tense is None and t.mention.span.block < 6
            and article.blocks[t.mention.span.block].kind in ("paragraph", "kicker")]
    if not lead:
        return None
    found = lead[0]
    if _sentence_tells_the_past(article, sentences, found):
        return None   # "Deux jours plus tard, c'est le maire qui démissionnait": a step of the story
    day = dt.date.fromisoformat(found.mention.value)
    if _told_after(tagged, day, article):
        return None
    return Published(day.isoformat(), "inferred",
                     f'"{found.mention.text}", au présent dans le chapeau, compte depuis une date du texte : {day.isoformat()}')


# "Un an jour pour jour après l'attaque du 12 mars 2024": a count from a day of the story to today.
_TO_THE_DAY = rx(rf"(?<!\w){NUM}\s+{UNIT}\s+jour\s+pour\s+jour\s+(?:après|plus\s+tard)(?!\w)")


def _from_to_the_day(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Un an jour pour jour après l'attaque du 12 mars 2024, les survivants se souviennent": told in
    the present in the lead, the count from the day its sentence names ends on the day of writing."""
    tagged = analyse(article, sentences, None)
    for index, block in enumerate(article.blocks[:6]):
        if block.kind not in ("paragraph", "kicker"):
            continue
        for m in _TO_THE_DAY.finditer(block.text):
            sentence = next((s for s in sentences if s.block == index and s.start <= m.start() < s.end), None)
            days = [t for t in tagged if sentence and t.mention.span.block == index
                    and sentence.start <= t.mention.span.start < sentence.end
                    and t.mention.resolution == "absolute" and t.mention.precision == "day"]
            if len(days) != 1 or _sentence_tells_the_past(article, sentences, days[0]):
                continue
            day = _counted_from(dt.date.fromisoformat(days[0].mention.value), number_of(m.group("n")),
                                unit_of(m.group("unit")))
            if day is None or _told_after(tagged, day, article):
                return None
            return Published(day.isoformat(), "inferred",
                             f'"{m.group(0)}" "{days[0].mention.text}", au présent dans le chapeau : '
                             f'{day.isoformat()}')
    return None


# A count from a full day of the same sentence to the day of writing: "trois jours après sa défaite,
# dimanche 8 juin 2025", "la réunion du 30 octobre, qui se tiendra dans une semaine jour pour jour",
# "dans quarante-huit heures, le vendredi 14 mars", "à la veille du scrutin du mardi 5 novembre".
_COUNT = rf"(?:\d{{1,3}}|{COUNT_WORDS})"
_COUNT_TO_TODAY = rx(rf"(?<![\w-])(?:(?P<ahead>dans)\s+(?P<n>{_COUNT})\s+(?P<unit>jours?|semaines?|heures)(?![\w-])"
                     rf"|(?P<n2>{_COUNT})\s+(?P<unit2>jours?|semaines?|heures)(?:\s+jour\s+pour\s+jour)?"
                     rf"\s+(?:après|plus\s+tard)(?![\w-])"
                     rf"|(?:à\s+la\s+|la\s+|l{AP})?(?P<eve>veille|avant-veille)\s+(?:du|de|des|d{AP})"
                     rf"|(?:au\s+|le\s+)?(?P<next>lendemain|surlendemain)\s+(?:du|de|des|d{AP}))")
_HOURS = {"24": 1, "vingt-quatre": 1, "48": 2, "quarante-huit": 2, "72": 3, "soixante-douze": 3}
_EVE = {"veille": -1, "avant-veille": -2, "lendemain": 1, "surlendemain": 2}
_COMMA = re.compile(r"\s*,?\s*")


def _days_counted(m: re.Match) -> int | None:
    """Days from the sentence's full day to the day of writing; None for a count that is no number of days."""
    word = (m.group("eve") or m.group("next") or "").lower()
    if word:
        return _EVE[word]
    n, unit = (m.group("n"), m.group("unit")) if m.group("ahead") else (m.group("n2"), m.group("unit2"))
    n, unit = n.lower(), unit.lower()
    days = _HOURS.get(n) if unit == "heures" else (number_of(n) or 0) * (7 if unit.startswith("semaine") else 1)
    if not days:
        return None
    return -days if m.group("ahead") else days


def _from_count_to_today(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Ce mercredi, [...] trois jours après sa défaite, dimanche 8 juin 2025": counted from the one full day
    of its sentence, a day the lead names as today ("aujourd'hui", or its weekday: "ce mercredi") is the day
    of writing. The weekday must fall on the day counted; "aujourd'hui" alone is taken at its word."""
    tagged = analyse(article, sentences, None)
    lead = [t for t in tagged if t.mention.span.block < 6 and article.blocks[t.mention.span.block].kind
            in ("paragraph", "kicker") and not _quoted(article, t)]
    weekdays = {WEEKDAYS.index(t.data["wd"].lower()) for t in lead if t.kind == "weekday" and t.tense != "future"
                and not strip_accents(t.data.get("pre", "")).lower().startswith(_NOT_NOW)}
    today = any(t.kind == "deictic" and strip_accents(t.data.get("word", "")).lower() in ("aujourd'hui", "aujourd’hui")
                for t in lead)
    if not weekdays and not today:
        return None
    for sentence in sentences:
        if sentence.block >= 6 or article.blocks[sentence.block].kind not in ("paragraph", "kicker"):
            continue
        days = [t for t in tagged if t.mention.span.block == sentence.block
                and sentence.start <= t.mention.span.start < sentence.end and t.kind == "dmy"]
        counts = list(_COUNT_TO_TODAY.finditer(article.blocks[sentence.block].text, sentence.start, sentence.end))
        if not days and len(counts) == 1 and counts[0].group("ahead"):
            # "X sera incarcéré mardi 21 octobre. [...] interviendra donc dans huit jours": the day just told.
            days = [t for t in tagged if t.mention.span.block == sentence.block and t.kind == "dmy"
                    and t.mention.span.start < sentence.start][-1:]
        if len(days) != 1 or len(counts) != 1:
            continue
        n = _days_counted(counts[0])
        when = _day_told(article, tagged, days[0]) or _yearless_counted(tagged, days[0], n, weekdays)
        # The day counted from follows the count ("trois jours après sa défaite, dimanche 8 juin"); one that
        # opens the sentence is the day of its own verb ("Le 3 mars, trois jours après la finale, il a dit").
        opens = days[0].mention.span.start < counts[0].start() and not counts[0].group("ahead")
        if when is None or n is None or opens:
            continue
        day = when + dt.timedelta(days=n)
        if (weekdays and day.weekday() not in weekdays) or _told_after(tagged, day, article, but=days[0]):
            continue
        return Published(day.isoformat(), "inferred",
                         f'"{counts[0].group(0).strip()}" compte depuis "{days[0].mention.text}" '
                         f"jusqu'au jour où le texte est écrit : {day.isoformat()}")
    return _from_eve_of_a_day_told(article, tagged, lead, weekdays)


def _yearless_counted(tagged: Sequence[Tagged], t: Tagged, n: int | None, weekdays: set[int]) -> dt.date | None:
    """"Huit jours après les élections du 28 avril, [...] rencontre ce mardi": a day told with no year, in the
    one year the text names where the count from it falls on the weekday the lead names."""
    if n is None or not weekdays or t.data.get("year") or t.data.get("wd") or not t.data.get("month"):
        return None
    years = {int(y.mention.value[:4]) for y in tagged if y.mention.resolution == "absolute"
             and (y.mention.value or "")[:4].isdigit()}
    fits = [d for d in (safe_date(y, month_of(t.data["month"]), day_of(t.data["day"])) for y in sorted(years))
            if d and (d + dt.timedelta(days=n)).weekday() in weekdays]
    return fits[0] if len(fits) == 1 else None


def _from_eve_of_a_day_told(article: Article, tagged: Sequence[Tagged], lead: Sequence[Tagged],
                            weekdays: set[int]) -> Published | None:
    """"Ce lundi, à la veille de l'élection [...] Le scrutin du mardi 5 novembre 2024": the eve the lead names
    today is the eve of the one full day of the text whose weekday makes it so (a weekday is needed here)."""
    if not weekdays:
        return None
    eves = []
    for t in lead:
        text = article.blocks[t.mention.span.block].text
        m = _COUNT_TO_TODAY.match(text, _COMMA.match(text, t.mention.span.end).end())
        if m and (m.group("eve") or m.group("next")):
            eves.append(m)
    if len(eves) != 1:
        return None
    n = _days_counted(eves[0])
    found = [(when + dt.timedelta(days=n), t) for t in tagged if t.kind == "dmy" and t.tense != "past"
             for when in [_day_told(article, tagged, t)] if when and (when + dt.timedelta(days=n)).weekday() in weekdays]
    if len({day for day, _ in found}) != 1:
        return None
    day, told = found[0]
    if _told_after(tagged, day, article, but=told):
        return None
    return Published(day.isoformat(), "inferred",
                     f'"{eves[0].group(0).strip()}" du jour que le texte donne en entier : {day.isoformat()}')


def _told_after(tagged: Sequence[Tagged], day: dt.date, article: Article, but: Tagged | None = None) -> bool:
    """Whether the text tells, in the past or present, a time after `day`: then it was not written that day.
    ("l'édition 2030", "le budget 2030" name a year; they tell no time. A month with no year of its own,
    "au mois de juillet", takes its year from the story around it: it tells no year either.)"""
    return any(_period_start(t.mention.value) > day for t in tagged if t is not but and t.mention.value
               and t.tense != "future" and t.kind != "named_year" and not _not_this_year(t, article)
               and not (t.kind == "month" and t.mention.resolution == "anchored"))


def _counted_from(day: dt.date, n: int | None, unit: str) -> dt.date | None:
    """The day n days, weeks, months or years after `day` (None when that day does not exist)."""
    if not n:
        return None
    if unit in ("day", "week"):
        return day + dt.timedelta(days=n * (7 if unit == "week" else 1))
    months = day.month - 1 + n * (12 if unit == "year" else 1)
    return safe_date(day.year + months // 12, months % 12 + 1, day.day)


# Days from the deictic to the day of writing.
_DEICTIC_DAYS = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "aujourd’hui": 0, "ce matin": 0, "ce soir": 0,
                 "cet après-midi": 0, "demain": 1, "après-demain": 2}


def _from_apposed_day(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Hier, mardi 11 mars 2025, le conseil a voté", "il y a trois jours, le 9 mars 2025": a day named
    beside a word counted from the day of writing gives that day (a day without its year only when
    its weekday falls on it in the latest year its paragraph or the title names)."""
    tagged = analyse(article, sentences, None)
    for first, second in zip(tagged, tagged[1:]):
        for count, day in ((first, second), (second, first)):
            offset = _days_before_writing(count)
            months = _months_to_the_day(article, count) if offset is None else None
            if (offset is None and months is None) or day.kind != "dmy" or not _apposed(article, first, second) \
                    or _quoted(article, count):
                continue
            when = _day_told(article, tagged, day)
            if when is None:
                continue
            published = when + dt.timedelta(days=offset) if offset is not None else _counted_from(when, *months)
            if published is None or _told_after(tagged, published, article, but=day):
                return None
            return Published(published.isoformat(), "inferred",
                             f'"{count.mention.text}" et "{day.mention.text}" côte à côte : '
                             f'écrit le {published.isoformat()}')
    return None


def _days_before_writing(t: Tagged) -> int | None:
    """How many days the expression lies before the day of writing: "hier" 1, "il y a trois jours" 3,
    "demain" -1; None for any other expression."""
    if t.kind == "deictic":
        word = t.data.get("word", "").lower()
        return -_DEICTIC_DAYS[word] if word in _DEICTIC_DAYS else None
    if t.kind == "ago" and strip_accents(t.data.get("pre", "")).lower() == "il y a" and not t.data.get("half"):
        n, unit = number_of(t.data.get("n", "")), unit_of(t.data.get("unit", ""))
        return n * (7 if unit == "week" else 1) if n and unit in ("day", "week") else None
    return None


def _months_to_the_day(article: Article, t: Tagged) -> tuple[int, str] | None:
    """"il y a deux mois jour pour jour": months and years count to the very day only when the text says
    so; "il y a deux mois" alone is a round figure."""
    if t.kind != "ago" or strip_accents(t.data.get("pre", "")).lower() != "il y a" or t.data.get("half"):
        return None
    n, unit = number_of(t.data.get("n", "")), unit_of(t.data.get("unit", ""))
    return (n, unit) if n and unit in ("month", "year") and t.data.get("exact") else None


def _quoted(article: Article, t: Tagged) -> bool:
    """Inside a quotation: « Nous voterons demain, jeudi 13 mars », said some day before the writing."""
    before = article.blocks[t.mention.span.block].text[:t.mention.span.start]
    return (before.count("«") > before.count("»") or before.count("“") > before.count("”")
            or before.count('"') % 2 == 1)


def _quoted_future(article: Article, t: Tagged) -> bool:
    """« Nous voterons jeudi 13 mars »: a day a quotation looks ahead to, from the day it was said."""
    if not _quoted(article, t):
        return False
    text = article.blocks[t.mention.span.block].text
    start = max(text.rfind(q, 0, t.mention.span.start) for q in "«“\"")
    ends = [i for i in (text.find(q, t.mention.span.end) for q in "»”\"") if i >= 0]
    quote = text[start + 1:min(ends, default=len(text))]
    return any(tense == "future" for _, _, tense in tense_cues(quote))


def _apposed(article: Article, a: Tagged, b: Tagged) -> bool:
    """Two expressions side by side, at most a comma between them: "Hier, mardi 11 mars"."""
    if a.mention.span.block != b.mention.span.block:
        return False
    between = article.blocks[a.mention.span.block].text[a.mention.span.end:b.mention.span.start]
    return bool(re.fullmatch(r"\s*(?:jour\s+pour\s+jour)?\s*,?\s*", between))


def _day_told(article: Article, tagged: Sequence[Tagged], t: Tagged) -> dt.date | None:
    """The day "mardi 11 mars 2025" denotes; "mardi 11 mars" only in the latest year its paragraph or
    the title names, when it falls on a Tuesday then (or, none named there, in the one year of the latest
    the text names and the next where it does)."""
    if t.data.get("year"):
        return dt.date.fromisoformat(t.mention.value) if t.mention.value else None
    if not t.data.get("wd"):
        return None
    told = [y for y in tagged if y.mention.resolution == "absolute" and (y.mention.value or "")[:4].isdigit()
            and y.tense != "future" and not _not_this_year(y, article)]
    years = [int(y.mention.value[:4]) for y in told if y.mention.span.block == t.mention.span.block
             or article.blocks[y.mention.span.block].kind in ("title", "kicker")]
    weekday = WEEKDAYS.index(t.data["wd"].lower())
    if years:
        found = safe_date(max(years), month_of(t.data["month"]), day_of(t.data["day"]))
        return found if found and found.weekday() == weekday else None
    # Elsewhere in the text: of the latest year it tells of and the next, the one year where the day falls on
    # its weekday ("lundi 23 décembre" and "le 15 janvier 2030" told further on).
    if not told:
        return None
    latest = max(int(y.mention.value[:4]) for y in told)
    fits = [d for d in (safe_date(y, month_of(t.data["month"]), day_of(t.data["day"])) for y in (latest, latest + 1))
            if d and d.weekday() == weekday]
    return fits[0] if len(fits) == 1 else None


def _sentence_tells_the_past(article: Article, sentences: Sequence[Span], t: Tagged) -> bool:
    """Whether any verb of the expression's sentence is in a past tense, a relative clause's too."""
    span = t.mention.span
    sentence = next((s for s in sentences if s.block == span.block and s.start <= span.start < s.end), None)
    if sentence is None:
        return False
    text = article.blocks[span.block].text[sentence.start:sentence.end]
    return any(tense == "past" for _, _, tense in tense_cues(text))


# "Hier, soit sept jours après cet examen": today's neighbour, counted by the writer from the
# day of an event just told.
_COUNTED_DEICTIC = rx(rf"(?<![\w-])(?P<word>avant-hier|hier|aujourd{AP}hui)\s*,?\s*(?:soit|c{AP}est-à-dire)\s+"
                      rf"{NUM}\s+(?P<unit>jours?|semaines?)\s+(?:après|plus\s+tard)(?!\w)")


def _from_counted_deictic(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"Le Sénat l'a examiné le 4 mars 2025. [...] Hier, soit sept jours après cet examen, les députés
    l'ont adopté": the day before the piece is seven days after 4 March. The day
    counted from is the last full day told before, in the same or the previous paragraph; without
    its year, the year of the latest day told before it, when that puts it after that day."""
    found = next(((i, m) for i, block in enumerate(article.blocks) if block.kind == "paragraph"
                  for m in _COUNTED_DEICTIC.finditer(block.text)), None)
    if found is None:
        return None
    index, m = found
    tagged = analyse(article, sentences, None)
    before = sorted((t for t in tagged if (t.mention.span.block, t.mention.span.start) < (index, m.start())
                     and t.kind in ("dmy", "numeric", "iso") and t.tense != "future"),
                    key=lambda t: (t.mention.span.block, t.mention.span.start))
    if not before or before[-1].mention.span.block < index - 1:
        return None
    anchor = _day_of_story(before[-1], before)
    n = number_of(m.group("n"))
    if anchor is None or not n:
        return None
    counted = anchor + dt.timedelta(days=n * (7 if m.group("unit").lower().startswith("semaine") else 1))
    day = counted - dt.timedelta(days=_DEICTIC_DAYS[m.group("word").lower()])
    if _told_after(tagged, day, article):
        return None
    return Published(day.isoformat(), "inferred",
                     f'"{m.group(0)}" compte depuis "{before[-1].mention.text}" ({anchor.isoformat()}) : '
                     f'{m.group("word").lower()} est le {counted.isoformat()}')


def _day_of_story(t: Tagged, before: Sequence[Tagged]) -> dt.date | None:
    """The day a date of the story denotes: its own value, or for "le 4 mars" without a year the
    latest year told before it, if that puts it after every day told before it."""
    if t.mention.value and t.mention.precision == "day":
        return dt.date.fromisoformat(t.mention.value)
    if t.kind != "dmy" or t.data.get("year") or t.mention.value:
        return None
    days = [dt.date.fromisoformat(b.mention.value) for b in before if b is not t and b.mention.value
            and b.mention.precision == "day"]
    if not days:
        return None
    found = safe_date(max(days).year, month_of(t.data["month"]), day_of(t.data["day"]))
    return found if found and found >= max(days) else None


def _weekday_days(tagged: Sequence[Tagged]) -> list[tuple[Tagged, dt.date]]:
    """"samedi 14 mars" without a year: that day in the latest year the text tells of, or the year after
    (a piece looks back on last year's events), whichever makes it a Saturday: one year at most does."""
    years = [int(t.mention.value[:4]) for t in tagged if t.mention.resolution == "absolute"
             and (t.mention.value or "")[:4].isdigit() and t.tense != "future"]
    if not years:
        return []
    out = []
    for t in tagged:
        if t.kind == "dmy" and t.data.get("wd") and not t.data.get("year") and t.mention.value is None \
                and t.tense != "future":   # "sera incarcéré mardi 21 octobre": a day ahead ends no chain of the past
            days = [day for year in (max(years), max(years) + 1)
                    for day in [safe_date(year, month_of(t.data["month"]), day_of(t.data["day"]))]
                    if day and day.weekday() == WEEKDAYS.index(t.data["wd"].lower())]
            out += [(t, day) for day in days[:1]]
    return out


def _from_this_weekday(article: Article, sentences: Sequence[Span]) -> Published | None:
    """"ce samedi 14 mars", told in the present or the past: the article appeared that day. Without
    a year, only when the latest year the text tells of, named in the same paragraph or the title,
    puts that weekday on that date."""
    tagged = [t for t in analyse(article, sentences, None)
              if article.blocks[t.mention.span.block].kind != "dateline"]
    this = next((t for t in tagged if t.kind == "dmy" and t.data.get("wd") and t.tense != "future"
                 and strip_accents(t.data.get("pre", "")) == "ce"), None)
    if this is None:
        return None
    wd, month, day = WEEKDAYS.index(this.data["wd"].lower()), month_of(this.data["month"]), day_of(this.data["day"])
    if this.data.get("year"):
        found = safe_date(int(this.data["year"]), month, day)
        if found is None or found.weekday() != wd:
            return None   # "ce lundi 17 mars 2026", a Tuesday: the weekday or the date is wrong, no one can say which
        return Published(found.isoformat(), "inferred", f'"{this.mention.text}" au présent ou au passé : ce jour même')
    # "depuis 2007", "le record de 2019", "d'ici 2030": years that by their very preposition are not now.
    years = [t for t in tagged if t.mention.resolution == "absolute" and (t.mention.value or "")[:4].isdigit()
             and t.tense != "future" and not strip_accents(t.data.get("pre", "")).startswith(_NOT_NOW)]
    if not years:
        # "Carnaval de Nice 2025 : ... ce jeudi 6 mars": a year the title names, if that day is a Thursday then.
        fits = [d for d in (safe_date(y, month, day) for y in sorted(set(_title_years(article)))) if d and d.weekday() == wd]
        if len(fits) != 1 or _told_after(tagged, fits[0], article):
            return None
        return Published(fits[0].isoformat(), "inferred", f'"{this.mention.text}" au présent ou au passé, et le titre : '
                         f'le {day} {this.data["month"]} {fits[0].year} est bien un {WEEKDAYS[wd]}')
    latest = max(int(t.mention.value[:4]) for t in years)
    near = [t for t in years if int(t.mention.value[:4]) == latest
            and (t.mention.span.block == this.mention.span.block
                 or article.blocks[t.mention.span.block].kind in ("title", "kicker"))]
    found = safe_date(latest, month, day)
    if near and found is not None and found.weekday() == wd:
        evidence = (f'"{this.mention.text}" au présent ou au passé, et "{near[0].mention.text}" : '
                    f'le {day} {this.data["month"]} {latest} est bien un {WEEKDAYS[wd]}')
        return Published(found.isoformat(), "inferred", evidence)
    # The latest year the text tells of, in another paragraph, is the story's: "ce dimanche 14 juin"
    # is in the next year only when that day is a Sunday then and not in the latest year, and the text
    # tells of no later time.
    fits = [d for d in (safe_date(y, month, day) for y in (latest, latest + 1)) if d and d.weekday() == wd]
    if len(fits) != 1 or fits[0].year != latest + 1 or _told_after(tagged, fits[0], article):
        return None
    evidence = (f'"{this.mention.text}" au présent ou au passé, le texte parle de {latest} : '
                f'le {day} {this.data["month"]} {fits[0].year} est un {WEEKDAYS[wd]}')
    return Published(fits[0].isoformat(), "inferred", evidence)


_NOT_NOW = ("depuis", "des", "de", "d'", "d’", "jusqu", "d'ici", "d’ici", "avant", "apres", "a partir")


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
    """The publication date: sidecar, else a dateline, else a weekday chain or a "ce samedi 14 mars"
    a reader cannot doubt."""
    return (_from_sidecar(article) or _from_releases(article) or _from_datelines(article)
            or _from_yearless_dateline(article, sentences)
            or _from_count_to_today(article, sentences)
            or _from_chain(article, sentences) or _from_months_after(article, sentences)
            or _from_this_weekday(article, sentences) or _from_apposed_day(article, sentences)
            or _from_counted_deictic(article, sentences) or _from_to_the_day(article, sentences)
            or _from_lead_offset(article, sentences)
            or Published(None, "unknown", ""))
