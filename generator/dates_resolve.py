"""Stage 2 of date tagging: candidates normalised to ISO 8601 / TIMEX3 values and anchored
on the narrative or on the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Sequence

from .dates_grammar import (ORDINALS, SEASON_START, SEASONS, WEEKDAYS, Cand, match, month_of, number_of,
                            season_of, select, unit_of, day_of)
from .dates_tense import background_clause
from .dates_anchor import Anchor, Context, Value, day_value, iso_week, safe_date, shift_month
from .model import Article, DateMention, Span
from .text import strip_accents

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
    # No tense: the nearer day, the past one on a near tie, as news tells mostly what happened.
    return (ref - dt.timedelta(days=back) if back <= ahead + 1 else ref + dt.timedelta(days=ahead)), 0.6


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


def resolve(c: Cand, text: str, ctx: Context) -> Value | None:
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
        day = safe_date(y, int(d["m"]), int(d["d"]))
        return day_value(day, "absolute", 1.0, durative) if day else None

    if c.kind in ("dmy", "range_day", "range_dm", "night_dm"):
        month = month_of(d.get("month") or d["m2"])
        dd = day_of(d["day"])
        year = d.get("year") or d.get("y2")
        if year:
            day = safe_date(int(year), month, dd)
            return day_value(day, "absolute", 1.0, durative) if day else None
        return _resolve_partial(c, ctx, month, dd, durative)

    if c.kind == "day_only":
        # Only the month its own paragraph just gave: elsewhere a bare "le 16" is no date a reader can tell.
        anchor = ctx.anchor(c, near=0)
        if anchor is None or anchor.month is None or anchor.block != c.block:
            return None
        return day_value(safe_date(anchor.year, anchor.month, day_of(d["day"])), "anchored", 0.8, durative)

    if c.kind in ("ym", "range_ym"):
        year = int(d.get("year") or d["y2"])
        month = month_of(d["month"])
        anchor = None if durative else Anchor(-1, -1, year, month, None, "month")
        return Value(f"{year}-{month:02d}", "month", "absolute", 1.0, anchor)

    if c.kind == "season_year":
        year, season = int(d["year"]), season_of(d["season"])
        return Value(f"{year}-{season}", "season", "absolute", 1.0,
                      None if durative else Anchor(-1, -1, year, None, None, "season", first_month=SEASON_START[season]))

    if c.kind == "quarter":
        n = ORDINALS[strip_accents(d["ord"])]
        half = strip_accents(d["qunit"]).startswith("sem")
        if half and n > 2:
            n = 2
        label = f"H{n}" if half else f"Q{n}"
        if "year" in d:
            return Value(f"{d['year']}-{label}", "quarter", "absolute", 1.0,
                          Anchor(-1, -1, int(d["year"]), None, None, "quarter", first_month=(n - 1) * (6 if half else 3) + 1))
        per = 2 if half else 4
        ref = ctx.reference
        tense = ctx.tense(c) if ref else None
        anchor = ctx.anchor(c)
        if anchor and not (ref and ((tense == "future" and anchor.year < ref.year)
                                    or (tense == "past" and anchor.year > ref.year))):
            return Value(f"{anchor.year}-{label}", "quarter", "anchored", 0.8)
        if ref:
            current = (ref.month - 1) * per // 12 + 1
            if tense == "future":
                year = ref.year if n >= current else ref.year + 1
            else:
                year = ref.year if n <= current else ref.year - 1
            return Value(f"{year}-{label}", "quarter", "relative", 0.8 if tense else 0.6)
        return Value(None, "quarter", "unresolved")

    if c.kind == "decade":
        digits = d["dec"]
        prefix = digits[:3] if len(digits) == 4 else ("19" + digits[0] if digits != "00" else "200")
        return Value(prefix, "year", "absolute", 1.0)

    if c.kind == "year":
        year = int(d["year"])
        # "un budget pour 2026", "les perspectives pour 2030": a year aimed at, not the story's.
        aim = pre == "pour"
        return Value(str(year), "year", "absolute", 1.0,
                      None if durative or aim else Anchor(-1, -1, year, None, None, "year"))

    if c.kind == "weekday":
        return _resolve_weekday(c, ctx, durative)

    if c.kind == "deictic":
        return _resolve_deictic(c, text, ctx)

    if c.kind == "unit":
        return _resolve_unit(c, ctx)

    if c.kind == "season":
        return _resolve_season(c, ctx, season_of(d["season"]), d.get("mod"))

    if c.kind in ("ago", "later"):
        return _resolve_offset(c, ctx)

    if c.kind == "month":
        return _resolve_partial(c, ctx, month_of(d["month"]), None, durative)

    if c.kind == "month_rel":
        return _resolve_month_rel(c, ctx, durative)

    if c.kind == "period_part":
        return _resolve_unit(c, ctx)

    if c.kind == "named_year":   # names an edition: it does not move the story to its year
        return Value(d["year"], "year", "absolute", 1.0)

    if c.kind == "daypart":
        return _resolve_daypart(c, ctx)

    if c.kind == "night":
        return _resolve_weekday(c, ctx, False)
    return None


def _step(mod: str) -> int:
    """-1, 0 or +1 period from "dernier", "en cours", "prochain" and their forms."""
    mod = strip_accents(mod)
    if mod.startswith(("dernier", "derniere", "passe", "precedent")):
        return -1
    return 1 if mod.startswith(("prochain", "suivant")) else 0


def _resolve_month_rel(c: Cand, ctx: Context, durative: bool) -> Value:
    """"en janvier de l'an dernier", "le 3 mai de l'année suivante": the year is said relatively,
    to the publication date or (précédente, suivante) to the narrative."""
    d = c.data
    mod = d.get("ry") or "cette"
    month, dd = month_of(d["month"]), (day_of(d["day"]) if d.get("day") else None)
    precision = "day" if dd else "month"
    if strip_accents(mod).startswith(("precedent", "suivant")):
        anchor = ctx.anchor(c)
        if anchor is None:
            return Value(None, precision, "unresolved")
        year, resolution, conf = anchor.year + _step(mod), "anchored", 0.9
    elif ctx.reference is None:
        return Value(None, precision, "unresolved")
    else:
        year, resolution, conf = ctx.reference.year + _step(mod), "relative", 1.0
    if dd:
        return day_value(safe_date(year, month, dd), resolution, conf, durative)
    anchor = None if durative else Anchor(-1, -1, year, month, None, "month")
    return Value(f"{year}-{month:02d}", "month", resolution, conf, anchor)


def _resolve_daypart(c: Cand, ctx: Context) -> Value:
    """"plus tôt dans l'après-midi": the day the narrative is on, else the publication day. A plain
    "Dans l'après-midi" looks no further than its paragraph: opening one, it goes on with the day of
    the news, not with a backstory's last day ("Il était arrivé mardi ...")."""
    anchor = ctx.anchor(c, need_day=True, near=1 if c.data.get("when") else 0)
    if anchor:
        return day_value(dt.date(anchor.year, anchor.month, anchor.day), "anchored", 0.8)
    if ctx.reference:
        return day_value(ctx.reference, "relative", 0.6)
    return Value(None, "day", "unresolved")


def _resolve_partial(c: Cand, ctx: Context, month: int, dd: int | None, durative: bool) -> Value:
    """A day or month without a year: the narrative's year if it just set one, else the publication
    date's, else nothing (a year told paragraphs back would be a guess)."""
    precision = "day" if dd else "month"
    mod = (c.data.get("mod") or "").lower().rstrip("s") or None   # "les 12 et 13 février derniers"
    tense = None
    wd = WEEKDAYS.index(c.data["wd"].lower()) if c.data.get("wd") else None

    def value(year: int, resolution: str, conf: float) -> Value:
        if wd is not None and dd:   # "mardi 3 mars": the weekday fixes the year
            for y in sorted((year - 1, year, year + 1), key=lambda y: abs(y - year)):
                day = safe_date(y, month, dd)
                if day and day.weekday() == wd:
                    year = y
                    break
        if dd:
            day = safe_date(year, month, dd)
            if day is None:
                return Value(None, precision, "unresolved")
            anchor = None if durative else Anchor(-1, -1, year, month, dd, "day")
            return Value(day.isoformat(), "day", resolution, conf, anchor, tense)
        anchor = None if durative else Anchor(-1, -1, year, month, None, "month")
        return Value(f"{year}-{month:02d}", "month", resolution, conf, anchor, tense)

    # In a piece no one can date, the story's own years are all there is, past its intertitles too.
    anchor = ctx.anchor(c, frames_only=dd is None, across=ctx.undated) if mod is None else None
    begins = anchor and (anchor.month or anchor.first_month)   # "l'automne 2024 ... fin avril": April 2025
    if anchor and ctx.reference and begins and (month, dd or 1) < (begins, anchor.day or 1) \
            and not (begins >= 11 and month <= 2):
        # A narrative moves forward: "juin 2024 ... qu'en avril" is not April 2024. With a
        # publication date, the month reads from it instead.
        anchor = None
    if anchor:
        year = anchor.year
        # A story that moves from November or December into January or February crosses a year.
        if anchor.month and anchor.month >= 11 and month <= 2:
            year += 1
        # ...unless the verb contradicts it: a future verb cannot tell a month before publication.
        if not _contradicts(ctx, c, dt.date(year, month, dd or 1), precision):
            return value(year, "anchored", 0.9)
    if ctx.reference:
        if dd and mod is None and _names_a_day(c, ctx):
            # "un accord avant les élections du 13 octobre": the clause's verb does not date the elections;
            # without its year the day is the nearer 13 October, the past one on a tie.
            ref = ctx.reference
            year = min((ref.year - 1, ref.year, ref.year + 1),
                       key=lambda y: (abs(((safe_date(y, month, dd) or ref) - ref).days), -(y <= ref.year)))
            return value(year, "relative", 0.7)
        tense = ctx.tense(c)
        if tense not in ("past", "future") and mod is None and _aimed_at(c, ctx):
            # "des grèves sont évoquées pour le mois de mai": a month aimed at, untensed, is the nearer one.
            ref = ctx.reference
            year = min((ref.year - 1, ref.year, ref.year + 1),
                       key=lambda y: abs(((safe_date(y, month, dd or 1) or ref) - ref).days))
            return value(year, "relative", 0.7)
        year, conf = _year_for(month, dd, ctx.reference, tense, mod)
        return value(year, "relative", conf)
    return Value(None, precision, "unresolved")


def _aimed_at(c: Cand, ctx: Context) -> bool:
    """"pour le mois de mai", "pour la fin avril": a time a plan or a figure is for."""
    before = ctx.article.blocks[c.block].text[max(0, c.start - 12):c.start]
    return strip_accents(c.data.get("pre", "")).lower() == "pour" or \
        re.search(r"(?<!\w)pour\s+(?:la\s+|le\s+)?$", before, re.IGNORECASE) is not None


def _names_a_day(c: Cand, ctx: Context) -> bool:
    """A day written as the complement of a noun a preposition looks toward ("un accord avant les élections
    du 13 octobre"): the clause's verb acts on something else. Not a span ("du 3 au 5"), nor a text cited by
    its date ("le décret du 29 novembre"), nor what has held since ("depuis l'offensive du 6 août")."""
    text = ctx.article.blocks[c.block].text
    before = re.findall(r"\w+", text[max(0, c.start - 60):c.start].lower())[-6:]
    return strip_accents(c.data.get("pre", "")).strip().lower() == "du" \
        and re.match(r"\s*(?:au|à|a|jusqu)\b", text[c.end:]) is None \
        and bool(_TOWARD & set(before)) and not (_WRITTEN | {"depuis"}) & set(before)


_TOWARD = {"avant", "ici", "approche", "vue", "veille"}
# Texts cited by their date ("le décret du 29 novembre"): written before they are told of, as their verb says.
_WRITTEN = {"décret", "arrêté", "loi", "ordonnance", "communiqué", "lettre", "rapport", "courrier", "circulaire",
            "jugement", "arrêt", "message", "discours", "note", "avis", "texte", "délibération"}


def _contradicts(ctx: Context, c: Cand, first: dt.date, precision: str) -> bool:
    """A future verb on a period over before publication, or a past verb on one not yet begun."""
    ref = ctx.reference
    if ref is None:
        return False
    last = first if precision == "day" else dt.date(*shift_month(first.year, first.month, 1), 1) - dt.timedelta(1)
    tense = ctx.tense(c)
    return (tense == "future" and last < ref) or (tense == "past" and first > ref)


def _resolve_weekday(c: Cand, ctx: Context, durative: bool) -> Value:
    wd = WEEKDAYS.index(c.data["wd"].lower())
    mod = strip_accents(c.data.get("mod", "")) or None
    mod = {"passe": "passé", "precedent": "précédent"}.get(mod, mod)
    if mod in ("précédent", "suivant"):
        anchor = ctx.anchor(c, need_day=True)
        if not anchor:
            return Value(None, "day", "unresolved")
        base = dt.date(anchor.year, anchor.month, anchor.day)
        if mod == "suivant":
            day = base + dt.timedelta(days=(wd - base.weekday()) % 7 or 7)
        else:
            day = base - dt.timedelta(days=(base.weekday() - wd) % 7 or 7)
        return day_value(day, "anchored", 0.9, durative)
    tense = "future" if _deadline(c, ctx) else ctx.tense(c)
    if ctx.reference is None:
        return Value(None, "day", "unresolved", tense=tense)
    day, conf = _weekday_near(ctx.reference, wd, tense, mod)
    return day_value(day, "relative", conf, durative, tense)


def _deadline(c: Cand, ctx: Context) -> bool:
    """"la reconduction pour mercredi", "un préavis jusqu'à lundi", "d'ici vendredi": a target or a bound
    set on a plan lies ahead, whatever the tense of the decision; "a duré jusqu'à lundi" keeps its verb's."""
    pre = strip_accents(c.data.get("pre", "")).lower()
    if pre in ("pour", "d'ici", "d’ici"):
        return True
    if not pre.startswith("jusqu"):
        return False
    text = ctx.article.blocks[c.block].text
    before = re.search(r"(\w+)\s+$", text[:c.start])
    return not (before and ctx.tense_ends_at(c, before.end(1)))


_DEICTIC_OFFSETS = {"avant-hier": -2, "apres-demain": 2, "aujourd'hui": 0, "aujourd’hui": 0, "hier": -1,
                    "demain": 1, "ce matin": 0, "ce soir": 0, "cet apres-midi": 0, "cette nuit": 0,
                    "la nuit derniere": -1}
_NARRATIVE_OFFSETS = {"l'avant-veille": -2, "l’avant-veille": -2, "la veille": -1, "le lendemain": 1,
                      "le surlendemain": 2, "ce jour-la": 0, "le meme jour": 0, "ce meme jour": 0}


def _resolve_deictic(c: Cand, text: str, ctx: Context) -> Value:
    word = strip_accents(c.data["word"])
    if word in _DEICTIC_OFFSETS:
        if ctx.reference is None:
            return Value(None, "day", "unresolved")
        return day_value(ctx.reference + dt.timedelta(days=_DEICTIC_OFFSETS[word]), "relative", 1.0)
    offset = _NARRATIVE_OFFSETS[word]
    # "la veille du 14 juillet", "la veille de l'élection": relative to what follows, not to the story; to
    # the day the article gave that event, if it did ("le 12 mai, l'élection ... la veille de l'élection").
    if re.match(r"\s+(?:de|du|des|d['’])", text[c.end:]):
        named = re.match(r"\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*([^\W\d_][\w-]{3,})", text[c.end:])
        day = _day_told_of(named.group(1), c, ctx) if named else None
        if day is None:
            return Value(None, "day", "unresolved")
        return day_value(day + dt.timedelta(days=offset), "anchored", 0.8)
    # "Le lendemain" tells the day after the story's last one, even past an intertitle.
    anchor = ctx.anchor(c, need_day=True, near=1) or ctx.anchor(c, need_day=True, near=2, across=True)
    if anchor:
        base = dt.date(anchor.year, anchor.month, anchor.day)
        return day_value(base + dt.timedelta(days=offset), "anchored", 0.9)
    if ctx.reference and offset != 0:
        return day_value(ctx.reference + dt.timedelta(days=offset), "relative", 0.6)
    return Value(None, "day", "unresolved")


def _day_told_of(noun: str, c: Cand, ctx: Context) -> dt.date | None:
    """The one day an earlier sentence gives the event `noun` names ("l'élection du dimanche 12 mai"), by any
    word of its kind ("le lendemain du scrutin" after "l'élection du 12 octobre")."""
    stems = _event_stems(strip_accents(noun.lower()))
    days, near = set(), set()
    for a in ctx.anchors:
        if a.day is None or not a.known or (a.block, a.start) >= (c.block, c.start):
            continue
        block = ctx.article.blocks[a.block].text
        sent = next(((s, e) for s, e in ctx.sentences.get(a.block, []) if s <= a.start < e), (0, len(block)))
        found = [m for m in re.finditer(r"[^\W\d_][\w-]*", block[sent[0]:sent[1]])
                 if strip_accents(m.group(0).lower())[:6] in stems]
        if found:
            days.add(dt.date(a.year, a.month, a.day))
        # "l'élection présidentielle du 12 octobre": the day right after the word is that event's own.
        if any(0 <= a.start - (sent[0] + m.end()) <= 30 for m in found):
            near.add(dt.date(a.year, a.month, a.day))
    for told in (near, days):
        if len(told) == 1:
            return told.pop()
    return None


@lru_cache(maxsize=256)
def _event_stems(noun: str) -> frozenset[str]:
    """The stems of the words one kind of event goes by (generator/data/events.yml): "scrutin", "élection",
    "référendum" name one vote; a noun of no kind is only itself."""
    from .event_lexicon import lexicon   # the event words are data the dates share, not a stage they follow
    words = next((k.triggers for k in lexicon().kinds if noun in k.triggers), frozenset({noun}))
    return frozenset(w[:6] for w in words if len(w) > 3)


def _resolve_unit(c: Cand, ctx: Context) -> Value:
    d = c.data
    unit = strip_accents(d["unit"])
    mod = strip_accents(d.get("mod", ""))
    narrative = d.get("la", "").lower() == "là" or mod.startswith(("precedent", "suivant"))
    step = _step(mod)
    if d.get("same"):
        return _resolve_same(c, ctx, unit)
    if unit in SEASONS:
        return _resolve_season(c, ctx, SEASONS[unit], {-1: "dernier", 1: "prochain"}.get(step, "ce"))
    if narrative:
        # "cette semaine-là" needs a day, and any day of the story will do, even one told relatively.
        anchor = ctx.anchor(c, need_day=unit in ("semaine", "week-end", "weekend"))
        if anchor is None and step and ctx.reference:
            base, resolution, conf = ctx.reference, "relative", 0.6
        elif anchor is None:
            return Value(None, "year" if unit in ("an", "annee") else "month", "unresolved")
        else:
            base = dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
            resolution, conf = "anchored", 0.9
            if unit in ("semaine", "week-end", "weekend") and anchor.day is None:
                return Value(None, "week", "unresolved")
            if unit == "mois" and anchor.month is None:
                return Value(None, "month", "unresolved")
    else:
        if ctx.reference is None:
            return Value(None, "year" if unit in ("an", "annee") else "month", "unresolved")
        base, resolution, conf = ctx.reference, "relative", 1.0
        if d.get("part") and not step:
            step = _part_step(c, ctx, unit, strip_accents(d["part"]))
    if unit == "semaine":
        return Value(iso_week(base + dt.timedelta(weeks=step)), "week", resolution, conf)
    if unit in ("week-end", "weekend"):
        return _weekend(c, ctx, base, step, resolution)
    if unit == "mois":
        y, m = shift_month(base.year, base.month, step)
        return Value(f"{y}-{m:02d}", "month", resolution, conf, Anchor(-1, -1, y, m, None, "month"))
    if unit in ("trimestre", "semestre"):
        q = (base.month - 1) // 3 + step if unit == "trimestre" else (base.month - 1) // 6 + step
        per = 4 if unit == "trimestre" else 2
        y = base.year + q // per
        label = ("Q" if unit == "trimestre" else "H") + str(q % per + 1)
        return Value(f"{y}-{label}", "quarter", resolution, conf)
    y = base.year + step
    return Value(str(y), "year", resolution, conf, Anchor(-1, -1, y, None, None, "year"))


def _resolve_same(c: Cand, ctx: Context, unit: str) -> Value:
    """"le même week-end", "la même année": the period of the day the story has just told."""
    precision = {"semaine": "week", "week-end": "week", "weekend": "week", "mois": "month"}.get(
        unit, "season" if unit in SEASONS else "year")
    anchor = ctx.anchor(c, need_day=True, near=1) or (None if precision == "week" else ctx.anchor(c))
    if anchor is None:
        return Value(None, precision, "unresolved")
    if precision == "year":
        return Value(str(anchor.year), "year", "anchored", 0.9)
    if precision == "season":
        return Value(f"{anchor.year}-{SEASONS[unit]}", "season", "anchored", 0.8)
    if precision == "month":
        return Value(None, "month", "unresolved") if anchor.month is None else \
            Value(f"{anchor.year}-{anchor.month:02d}", "month", "anchored", 0.9)
    base = dt.date(anchor.year, anchor.month, anchor.day)
    if unit == "semaine":
        return Value(iso_week(base), "week", "anchored", 0.9)
    return Value(iso_week(base + dt.timedelta(days=5 - base.weekday())) + "-WE", "week", "anchored", 0.8)


def _part_step(c: Cand, ctx: Context, unit: str, part: str) -> int:
    """"fin de semaine" told in the past on a Monday is last week's end; "début d'année" told in the
    future in November is next year's start."""
    ref, tense = ctx.reference, ctx.tense(c)
    early = {"semaine": ref.weekday() <= 1, "mois": ref.day <= 7, "annee": ref.month <= 2, "an": ref.month <= 2}
    late = {"semaine": ref.weekday() >= 4, "mois": ref.day >= 22, "annee": ref.month >= 11, "an": ref.month >= 11}
    if part == "fin" and tense == "past" and early.get(unit):
        return -1
    if part == "debut" and tense == "future" and late.get(unit):
        return 1
    return 0


def _weekend(c: Cand, ctx: Context, base: dt.date, step: int, resolution: str) -> Value:
    saturday = base + dt.timedelta(days=5 - base.weekday())   # Saturday of base's ISO week
    if step == 0 and base.weekday() < 5:
        tense = ctx.tense(c)
        if tense == "past" or (tense is None and base.weekday() <= 1):
            saturday -= dt.timedelta(weeks=1)
    elif step < 0:
        saturday -= dt.timedelta(weeks=1)
    elif step > 0 and base.weekday() >= 5:
        saturday += dt.timedelta(weeks=1)
    return Value(iso_week(saturday) + "-WE", "week", resolution, 0.8)


def _resolve_season(c: Cand, ctx: Context, season: str, mod: str | None) -> Value:
    """A season without a year; a season of year y starts in month `start` of y (winter runs into y+1)."""
    start = SEASON_START[season]
    pre = strip_accents(c.data.get("pre", "")).lower()
    # "d'ici l'automne" counts from the day of writing, whatever year the paragraph before told of.
    anchor = ctx.anchor(c) if not mod and not (pre.startswith(("d'ici", "d’ici")) and ctx.reference) else None
    if anchor:
        return Value(f"{anchor.year}-{season}", "season", "anchored", 0.8)
    ref = ctx.reference
    if ref is None:
        return Value(None, "season", "unresolved")
    last_started = ref.year if ref.month >= start else ref.year - 1
    containing = last_started if ref < _season_end(last_started, start) else None
    tense = ctx.tense(c)
    pre = strip_accents(c.data.get("pre", "")).lower()
    if mod == "dernier":
        year = last_started - 1 if containing is not None else last_started
    elif mod == "prochain":
        year = last_started + 1
    elif _season_deadline(pre):
        # "avant l'été": the coming one (or the one under way), even told in the past ("il avait
        # promis ... avant l'été"), unless a past verb speaks of this year's, already over.
        year = containing if containing is not None else last_started + 1
        if tense == "past" and containing is None and last_started == ref.year:
            year = last_started
    elif containing is not None:
        year = containing
    elif pre.startswith("depuis") or _after_since(c, ctx) or tense == "past":
        year = last_started
    elif tense == "future":
        year = last_started + 1
    elif mod == "ce":
        year = ref.year   # "cet été" said in October, no verb to say which: this year's
    else:
        # No tense ("un retour aux urnes au printemps"): the nearer of the last and the next one.
        since = (ref - _season_end(last_started, start)).days
        until = (dt.date(last_started + 1, start, 1) - ref).days
        year = last_started + 1 if until < since else last_started
    return Value(f"{year}-{season}", "season", "relative", 0.8 if mod or tense else 0.7)


def _after_since(c: Cand, ctx: Context) -> bool:
    """"depuis cet été": a time since which something holds has begun."""
    return re.search(r"(?<!\w)depuis\s+$", ctx.article.blocks[c.block].text[max(0, c.start - 12):c.start],
                     re.IGNORECASE) is not None


def _season_end(year: int, start: int) -> dt.date:
    """The first day after the season of `year` that starts in month `start`."""
    return dt.date(*shift_month(year, start, 3), 1)


def _season_deadline(pre: str) -> bool:
    return pre.startswith(("avant", "d'ici", "d’ici", "pour", "jusqu"))


def _resolve_offset(c: Cand, ctx: Context) -> Value:
    d = c.data
    n = number_of(d["n"])
    unit = unit_of(d["unit"])
    if unit == "day" and d["n"].lower() in ("huit", "quinze"):
        n -= 1   # "dans huit jours", "dans quinze jours": a week, a fortnight
    if c.kind == "later":
        sign = 1 if strip_accents(d["post"]) == "plus tard" else -1
        # "dérobée en 1911 ... et retrouvée deux ans plus tard": from the date its own sentence gave, aside or not.
        sentence = ctx.sentence(c)
        own = [a for a in ctx.anchors if a.block == c.block and sentence[0] <= a.start < c.start and a.known
               and (a.day is not None or unit not in ("day", "week"))]
        anchor = own[-1] if own else ctx.anchor(c, need_day=unit in ("day", "week"))
        if anchor is None or n is None:
            return Value(None, unit, "unresolved")
        base = dt.date(anchor.year, anchor.month or 1, anchor.day or 1)
        resolution, conf = "anchored", 0.8
    else:
        sign = -1 if strip_accents(d["pre"]) in ("il y a", "voici") else 1
        if ctx.reference is None or n is None:
            return Value(None, unit, "unresolved")
        base, resolution, conf = ctx.reference, "relative", 0.9
    delta = sign * n
    if d.get("exact") and unit in ("year", "month"):
        # "il y a quatre ans jour pour jour": the very day, that many years or months back.
        y, m = shift_month(base.year, base.month, delta * (12 if unit == "year" else 1))
        day = safe_date(y, m, base.day)
        if day is not None:
            return day_value(day, resolution, conf)
    if d.get("exact") and unit in ("day", "week"):
        return day_value(base + dt.timedelta(days=delta * (7 if unit == "week" else 1)), resolution, conf)
    if d.get("half") and unit in ("year", "month"):
        # "il y a un an et demi" is eighteen months back, "un mois et demi" six weeks: told to the month.
        if unit == "month":
            return _month_value(base + dt.timedelta(days=sign * (30 * n + 15)), resolution, conf)
        y, m = shift_month(base.year, base.month, sign * (12 * n + 6))
        return Value(f"{y}-{m:02d}", "month", resolution, conf, Anchor(-1, -1, y, m, None, "month"))
    if d.get("half") and unit == "week":
        return Value(iso_week(base + dt.timedelta(days=sign * (7 * n + 3))), "week", resolution, conf)
    if unit == "day":
        return day_value(base + dt.timedelta(days=delta), resolution, conf)
    if unit == "week":
        return Value(iso_week(base + dt.timedelta(weeks=delta)), "week", resolution, conf)
    if unit == "month":
        y, m = shift_month(base.year, base.month, delta)
        return Value(f"{y}-{m:02d}", "month", resolution, conf, Anchor(-1, -1, y, m, None, "month"))
    return Value(str(base.year + delta), "year", resolution, conf,
                  Anchor(-1, -1, base.year + delta, None, None, "year"))


def _month_value(day: dt.date, resolution: str, conf: float) -> Value:
    return Value(f"{day.year}-{day.month:02d}", "month", resolution, conf,
                 Anchor(-1, -1, day.year, day.month, None, "month"))


# "contre 766 un an plus tôt", "par rapport à 2019", "comme en 2023": the base of a comparison,
# not a time of the story.
_COMPARISON = re.compile(r"(?:(?:\bcontre|\bpar\s+rapport\s+(?:à|aux?)|\bcomparée?s?\s+(?:à|aux?))\s+"
                         r"(?:[\d\s.,%]+(?:[^\W\d_]+\s+)?)?|\bcomme\s+)$", re.IGNORECASE)


def _comparison(text: str, start: int) -> bool:
    return bool(_COMPARISON.search(text[max(0, start - 60):start]))


def _complement(c: Cand) -> bool:
    """"le record de 2019", "le coup d'État de juillet 2023": a date that qualifies a noun names
    that thing; it does not move the story to its year."""
    return strip_accents(c.data.get("pre", "")).strip() in ("de", "d'", "d’")


@dataclass(frozen=True)
class Tagged:
    mention: DateMention
    kind: str
    data: dict
    tense: str | None


def analyse(article: Article, sentences: Sequence[Span], reference: dt.date | None,
            undated: bool = False) -> tuple[Tagged, ...]:
    """Every date expression of the article, resolved against `reference` (`undated`: the piece is known to
    have no publication date); the publication-date rules ask for the same reading several times, so the
    last few are kept (articles are immutable)."""
    return _analyse(article, tuple(sentences), reference, undated)


@lru_cache(maxsize=4)
def _analyse(article: Article, sentences: tuple[Span, ...], reference: dt.date | None,
             undated: bool) -> tuple[Tagged, ...]:
    by_block: dict[int, list[tuple[int, int]]] = {}
    for s in sorted(sentences):
        by_block.setdefault(s.block, []).append((s.start, s.end))
    ctx = Context(article, reference, by_block, undated=undated)
    # With no day of writing, what the head tells of ("revient sur le casse d'octobre 2025") is the story's time.
    head = next((i for i, b in enumerate(article.blocks) if b.kind == "paragraph"), -1) if reference is None else -1
    out: list[Tagged] = []
    for index, block in enumerate(article.blocks):
        for c in select(match(index, block.text)):
            value = resolve(c, block.text, ctx)
            if value is None:
                continue
            if value.anchor is not None and block.kind != "dateline" and not _comparison(block.text, c.start):
                a = value.anchor
                aside = background_clause(block.text, ctx.sentence(c), c.start)
                story = (not _complement(c) or index <= head) and not aside
                opening = block.text[ctx.sentence(c)[0]:c.start]
                ctx.anchors.append(Anchor(index, c.start, a.year, a.month, a.day, a.precision,
                                          value.resolution != "relative" and story,
                                          frame=len(opening.split()) <= 1 and "," not in opening,
                                          first_month=a.first_month, background=aside))
            elif value.value is None and value.precision == "day" and block.kind != "dateline":
                ctx.anchors.append(Anchor(index, c.start, 0, None, None, "day", False, known=False))
            mention = DateMention(Span(index, c.start, c.end), block.text[c.start:c.end], value.value,
                                  value.precision, value.resolution, value.confidence)  # type: ignore[arg-type]
            out.append(Tagged(mention, c.kind, c.data, value.tense or ctx.tense(c)))
    return tuple(out)
