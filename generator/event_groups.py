"""Event groups after clustering: which groups tell one event, and which stand alone.

Unnamed reports join the named event they retell, statements join the meeting of their day,
and an article with no date of its own borrows the story's years.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .event_candidates import SAYING, STATEMENT, TYPE_WEIGHT, WORD, Candidate
from .event_lexicon import Lexicon, lexicon, strip_article
from .text import MONTHS, fold

# Content words an unnamed report must share with a named one of another article to be told as it.
SHARED_WORDS = 2

# Families of the occasions where statements are made.
MEETINGS = frozenset({"rencontre", "visite", "congres"})

# --- Dates as intervals ----------------------------------------------------------------------

@lru_cache(maxsize=4096)
def interval(value: str | None) -> tuple[dt.date, dt.date, bool] | None:
    """First and last day an ISO/TIMEX value covers, and whether it may straddle others (week, season)."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?", value)
    try:
        if m:
            year = int(m.group(1))
            if m.group(3):
                day = dt.date(year, int(m.group(2)), int(m.group(3)))
                return day, day, False
            if m.group(2):
                month = int(m.group(2))
                return dt.date(year, month, 1), _month_end(year, month), False
            return dt.date(year, 1, 1), dt.date(year, 12, 31), False
        m = re.fullmatch(r"(\d{4})-W(\d{2})", value)
        if m:
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6), True
        m = re.fullmatch(r"(\d{4})-(SP|SU|FA|AU|WI)", value)
        if m:
            year, first = int(m.group(1)), {"SP": 3, "SU": 6, "FA": 9, "AU": 9, "WI": 12}[m.group(2)]
            last_year, last = (year + 1, 2) if first == 12 else (year, first + 2)
            return dt.date(year, first, 1), _month_end(last_year, last), True
        m = re.fullmatch(r"(\d{4})-([QH])(\d)", value)
        if m:
            year, size, n = int(m.group(1)), 3 if m.group(2) == "Q" else 6, int(m.group(3))
            first = (n - 1) * size + 1
            return dt.date(year, first, 1), _month_end(year, first + size - 1), False
    except ValueError:
        return None
    return None


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def compatible(a: str | None, b: str | None) -> bool:
    """Two values can date one event: one holds the other (a day in its month in its year)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return True
    (a0, a1, loose_a), (b0, b1, loose_b) = ia, ib
    if loose_a or loose_b:
        return a0 <= b1 and b0 <= a1
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def date_width(value: str | None) -> int:
    span = interval(value)
    return (span[1] - span[0]).days if span else 10 ** 6


def told(c: Candidate, lex: Lexicon) -> bool:
    """Whether the sentence tells an event a reader can place: a name, or a date for an event word
    ("Découverte en 2011, la comète ..."); a dated fact no event word names needs a name."""
    if c.actors or c.places:
        return True
    if lex.generic is not None and c.kind == lex.generic.name:
        return False
    return bool(c.date)


def _near(a: str | None, b: str | None, scattered: bool) -> bool:
    """Dates that may tell one event: compatible, or a day apart (an evening told as the next morning)."""
    if scattered or compatible(a, b):
        return compatible(a, b)
    ia, ib = interval(a), interval(b)
    return abs((ia[0] - ib[0]).days) <= 1 and ia[0] == ia[1] and ib[0] == ib[1]


def adopt(groups: list[list[Candidate]], lex: Lexicon) -> list[list[Candidate]]:
    """A group naming no one joins the one named group of its family that an article of it also tells
    at the same day or the next (an article does not tell one kind of event twice in two days), or,
    failing that, the one named group of the corpus of its family and date that shares its words."""
    named = [n for n, g in enumerate(groups) if any(c.actors or c.places for c in g)]
    local: dict[tuple[str, str], set[int]] = defaultdict(set)
    wide: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n in named:
        for c in groups[n]:
            for family in c.families:
                local[(c.seed, family)].add(n)
                if c.date:
                    wide[(family, c.date[:4])].add(n)
    merged = {n: list(groups[n]) for n in named}
    dates = {n: consensus_date(groups[n]) for n in named}
    alone = []
    for n, group in enumerate(groups):
        if n in merged:
            continue
        fits = {m for c in group for family in c.families for m in local.get((c.seed, family), ())
                if any(_near(c.date, d.date, family in lex.scattered) for d in groups[m]
                       if d.seed == c.seed and d.date and c.date)}   # the article's own telling, not another's vaguer one
        if not fits:
            # The named group's own date, not any vague member's ("l'an dernier" holds every day of a year).
            fits = {m for c in group if c.date for family in c.families for m in wide.get((family, c.date[:4]), ())
                    if compatible(c.date, dates[m]) and any(len(c.words & d.words) >= SHARED_WORDS
                                                            for d in groups[m] if d.date)}
        if len(fits) == 1:
            merged[fits.pop()].extend(group)
        else:
            alone.append(group)
    return [merged[n] for n in named] + alone


def absorb(groups: list[list[Candidate]], facts: Sequence[Sequence[Candidate]]) -> list[list[Candidate]]:
    """Dated facts no event word names join a named event rather than repeat it: the one of their
    article and date, else one another article dates to their day with a participant in common."""
    local: dict[tuple[str, str], set[int]] = defaultdict(set)
    named: dict[str, list[tuple[int, Candidate]]] = defaultdict(list)
    for n, group in enumerate(groups):
        for c in group:
            if c.date:
                local[(c.seed, c.date)].add(n)
                for key in _named_keys(c):
                    named[key].append((n, c))
    joined: dict[int, list[Candidate]] = defaultdict(list)
    alone = []
    dates = [consensus_date(g) for g in groups]

    def sharing(facts_group: Sequence[Candidate], fits: set[int]) -> dict[int, int]:
        """How many of each fitting event's reports share a named participant with the facts."""
        return {n: sum(1 for c in facts_group for d in groups[n] if set(_named_keys(c)) & set(_named_keys(d)))
                for n in fits}

    for facts_group in facts:
        fits = {n for c in facts_group for n in local.get((c.seed, c.date), ())}
        if fits and not any(sharing(facts_group, fits).values()):
            # Nothing in common with its article's event of that date ("Il y a deux ans, à Vostotchny, ..."):
            # the one event of another article at a date that holds it, with a person or a place it names.
            elsewhere = {n for c in facts_group for key in _named_keys(c) for n, d in named.get(key, ())
                         if d.seed != c.seed and compatible(c.date, d.date) and compatible(c.date, dates[n])}
            if len(elsewhere) == 1:
                fits = elsewhere
        if not fits:
            # Told elsewhere with an event word: the one event of someone they share (a person or a body:
            # a city is the story's backdrop) whose own date holds theirs.
            near = {(n, d.date == c.date) for c in facts_group for key in _party_keys(c) for n, d in named.get(key, ())
                    if d.seed != c.seed and compatible(c.date, d.date) and compatible(c.date, dates[n])}
            fits = {n for n, _ in near}
            if len(fits) > 1:
                fits = {n for n, same in near if same}
            if len(fits) > 1:
                fits = set()
        if fits:
            shared = sharing(facts_group, fits)
            joined[max(sorted(fits), key=shared.__getitem__)].extend(facts_group)
        else:
            alone.append(list(facts_group))
    return [group + joined.get(n, []) for n, group in enumerate(groups)] + alone


def _party_keys(c: Candidate) -> list[str]:
    """Named participants that are not places."""
    places = {strip_article(fold(slug.replace("-", " "))) for slug in c.places} | set(c.where)
    return [k for k in _named_keys(c) if k not in places]


def consensus_date(members: Sequence[Candidate]) -> str | None:
    """The most precise date that at least half the members agree with.

    A vague value agrees with everything ("2024" holds every day of 2024), so the most agreed one
    is the vaguest: "2024, 2024, juin 2024, le 19 juin 2024" is the 19th of June."""
    values = Counter(c.date for c in members if c.date and interval(c.date))
    if not values:
        return None
    agree = {v: sum(n for w, n in values.items() if compatible(v, w)) for v in values}
    enough = [v for v in values if 2 * agree[v] >= max(agree.values())]
    return min(enough, key=lambda v: (date_width(v), -agree[v], v))


def _named_keys(c: Candidate) -> list[str]:
    """Participants that tell events apart: persons, organisations, places (not countries)."""
    return [k for k, w in c.keys.items() if w >= 2]


def statements_join(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """What was said on the day of a meeting, in an article that tells that meeting, was said there
    (on leaving it, at its press conference): a statement joins the one meeting of its day and article."""
    meetings: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, group in enumerate(groups):
        day = _group_day(group)
        if day and any(c.families & MEETINGS for c in group):
            for c in group:
                meetings[(c.seed, day)].add(n)
    into: dict[int, int] = {}
    for n, group in enumerate(groups):
        day = _group_day(group)
        if day and all(c.families == {STATEMENT} for c in group):
            found = {m for c in group for m in meetings.get((c.seed, day), ())}
            speakers = _persons(group)
            # Someone who took no part in the meeting said it elsewhere: a reaction, an event of its own.
            if len(found) == 1 and not (speakers and not speakers & _persons(groups[next(iter(found))])):
                into[n] = found.pop()
    return _moved(groups, into)


def announcements_join(groups: list[list[Candidate]], lex: Lexicon) -> list[list[Candidate]]:
    """What someone announced on a day, and the one act of that day by the same person another
    report tells ("X a annoncé samedi la reprise de Y", "X a repris Y samedi"), are one event."""
    acts: dict[tuple[str, str], set[int]] = defaultdict(set)
    sayings = []
    for n, group in enumerate(groups):
        day = _group_day(group)
        if not day:
            continue
        # A dated fact no event word names ("Le 3 mai, X a dit à Oslo ...") says no more than the announcement.
        if _saying(group, lex):
            sayings.append((n, day))
        else:
            for person in _persons(group):
                acts[(person, day)].add(n)
    into: dict[int, int] = {}
    for n, day in sayings:
        seeds = {c.seed for c in groups[n]}
        found = {m for person in _persons(groups[n]) for m in acts.get((person, day), ())
                 if {c.seed for c in groups[m]} - seeds}
        if len(found) == 1:
            into[n] = found.pop()
    return _moved(groups, into)


def admissions_join(groups: list[list[Candidate]], lex: Lexicon) -> list[list[Candidate]]:
    """What a country admitted ("Valbourg reconnaît avoir envoyé ...", on a day or in its month) and the
    statement of that day by which it did ("l'agence officielle a confirmé lundi que ...") are one event,
    when another article tells each and the admission fits one statement only."""
    days = {n: _group_day(g) for n, g in enumerate(groups)}
    sayings = [m for m, g in enumerate(groups) if days[m] and _saying(g, lex)]
    into: dict[int, int] = {}
    for n, group in enumerate(groups):
        if not all(c.family == "reconnaissance" for c in group):
            continue
        when = days[n] or consensus_date(group)
        seeds, keys = {c.seed for c in group}, _keys(group)
        said = [m for m in sayings if when and m not in into and compatible(when, days[m])
                and keys & _keys(groups[m]) and {c.seed for c in groups[m]} - seeds]
        if len(said) == 1:
            into[n] = said[0]
    return _moved(groups, into)


def _moved(groups: list[list[Candidate]], into: dict[int, int]) -> list[list[Candidate]]:
    """The groups, each one `into` names joined to the group it points at."""
    out = {n: list(g) for n, g in enumerate(groups) if n not in into}
    for n, m in into.items():
        out[m].extend(groups[n])
    return list(out.values())


def _keys(group: Sequence[Candidate]) -> set[str]:
    return {k for c in group for k in c.keys}


def _saying(group: Sequence[Candidate], lex: Lexicon) -> bool:
    """Every member says something, or is a dated fact no event word names."""
    return all(c.families <= SAYING or (lex.generic is not None and c.kind == lex.generic.name) for c in group)


def _persons(group: Sequence[Candidate]) -> set[str]:
    return {k for c in group for k, w in c.keys.items() if w == TYPE_WEIGHT["person"]}


def _group_day(group: Sequence[Candidate]) -> str | None:
    """The day most members give, when they give one."""
    days = Counter(c.date for c in group if _day(c.date))
    return max(sorted(days), key=days.__getitem__) if days else None


def _day(value: str | None) -> bool:
    return bool(value) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) is not None


_DAY_MONTH = re.compile(r"\b(1er|\d{1,2}) (" + "|".join(MONTHS) + r")\b(?! \d{4})", re.IGNORECASE)


def story_years(cands: Sequence[Candidate]) -> list[Candidate]:
    """An article with no date of its own ("le 12 février") tells the story's days: a day and month
    no one dated takes the one year other articles give that same day."""
    years: dict[str, set[str]] = defaultdict(set)
    for c in cands:
        if _day(c.date):
            years[c.date[5:]].add(c.date[:4])
    out = []
    for c in cands:
        m = _DAY_MONTH.search(c.date_text or "") if c.date is None else None
        if m:
            day = 1 if m[1].lower() == "1er" else int(m[1])
            key = f"{MONTHS.index(m[2].lower()) + 1:02d}-{day:02d}"
            if len(years.get(key, ())) == 1:
                c = replace(c, date=f"{next(iter(years[key]))}-{key}", precision="day")
        out.append(c)
    return out




_LEG = re.compile(r"\b(?:aller|retour)\b")


def return_legs(cands: Sequence[Candidate], teams: frozenset[str]) -> list[Candidate]:
    """"Le match aller", "le derby retour": the other leg of the match just told, between the same teams."""
    out, last = [], {}
    for c in cands:
        if c.family in teams:
            if c.actors:
                last[c.seed] = c
            elif c.seed in last and _LEG.search(fold(c.text)):
                c = replace(c, actors=last[c.seed].actors, keys={**last[c.seed].keys, **c.keys})
        out.append(c)
    return out


# --- Retold events: one article's event and another's, told in other words ---------------------

# Families a meeting's reports spread over: one visit is told as a visit, a meeting, its treaty or what was said.
OCCASIONS = frozenset({"accord", "rencontre", "visite", "declaration", "annonce"})
# A participant shared by more groups than this is compared only with its neighbours in time.
BUSY = 40
NEIGHBOURS = 12
# How much two events must share to be one.
RETOLD = 3.0


@dataclass(frozen=True)
class _Told:
    """What a group of reports says of its event, for comparing it with another article's."""
    seeds: frozenset[str]
    date: str | None
    families: frozenset[str]
    parties: dict[str, float]    # person and organisation keys -> weight
    words: frozenset[str]
    rare: frozenset[str] = frozenset()      # kinds of rank 1 it tells ("entrée en vigueur"): one a story has once
    countries: frozenset[str] = frozenset()
    kinds: frozenset[str] = frozenset()     # the kinds of word that name it (not the generic fact)


def _told(group: Sequence[Candidate]) -> _Told:
    generic = getattr(lexicon().generic, "name", None)
    parties: dict[str, float] = {}
    for c in group:
        for key in _party_keys(c):
            parties[key] = max(parties.get(key, 0.0), c.keys[key])
    return _Told(frozenset(c.seed for c in group), consensus_date(group),
                 frozenset(f for c in group for f in c.families), parties,
                 frozenset(w for c in group for w in c.words), frozenset(c.kind for c in group if c.rank <= 1),
                 frozenset(k for c in group for k, w in c.keys.items() if w < 2),
                 frozenset(c.kind for c in group if c.kind != generic))


def _retold_score(a: _Told, b: _Told) -> float:
    """How surely two groups of other articles tell one event; 0 when they cannot."""
    if a.seeds & b.seeds or a.date is None or b.date is None or not compatible(a.date, b.date):
        return 0.0
    if not (a.families & b.families or (a.families <= OCCASIONS and b.families <= OCCASIONS)):
        return 0.0
    if _day(a.date) and _day(b.date) and a.date != b.date:
        return 0.0
    shared = sum(min(w, b.parties[k]) for k, w in a.parties.items() if k in b.parties)
    # A treaty's entry into force between the same two countries is told once, however named; so is an event
    # one kind of word names on one day in one country, with no one else named (a visit told in its month may
    # be another of that month).
    if shared < 2 and ((a.rare & b.rare and len(a.countries & b.countries) >= 2)
                       or (a.kinds & b.kinds and a.countries & b.countries and _day(a.date) and a.date == b.date)) \
            and not _rivals(a, b):
        shared = 2.0
    if shared < 2:   # an organisation or a person in common, at least
        return 0.0
    words = len(a.words & b.words) / ((len(a.words) * len(b.words)) ** 0.5 or 1)
    return min(shared, 6.0) + 4 * words + (a.date == b.date) + 0.5 * bool(a.families & b.families)


def _rivals(a: _Told, b: _Told) -> bool:
    """Both name people and none in common: two events, not one."""
    pa, pb = ({k for k, w in t.parties.items() if w >= 3} for t in (a, b))
    return bool(pa and pb and not pa & pb)


def merge_retold(groups: list[list[Candidate]]) -> list[list[Candidate]]:
    """Groups of different articles that tell one event with the same people at compatible dates become one.

    Greedy, best pairs first; a group that fits two others about as well (a June visit, and two
    visits of that June) joins neither, and merged groups must still agree on a date."""
    told = [_told(g) for g in groups]
    by_party: dict[str, list[int]] = defaultdict(list)
    for n, t in enumerate(told):
        day = (f"{k}:{t.date}" for k in t.kinds) if _day(t.date) else ()
        for key in (*t.parties, *(f"kind:{k}" for k in t.rare), *day):
            by_party[key].append(n)
    pairs: dict[tuple[int, int], float] = {}
    for members in by_party.values():
        members = sorted(members, key=lambda n: _start(told[n].date))
        reach = len(members) if len(members) <= BUSY else NEIGHBOURS
        for i, x in enumerate(members):
            for y in members[i + 1:i + 1 + reach]:
                key = (min(x, y), max(x, y))
                if key not in pairs:
                    pairs[key] = _retold_score(told[x], told[y])
    best: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (x, y), score in pairs.items():
        if score >= RETOLD:
            best[x].append((score, y))
            best[y].append((score, x))

    def clear(x: int, y: int, score: float) -> bool:
        """No rival of y's for x (or of x's for y) at another date scores nearly as well."""
        for a, b in ((x, y), (y, x)):
            if any(s >= score - 1.0 and z != b and not compatible(told[z].date, told[b].date) for s, z in best[a]):
                return False
        return True

    parent = list(range(len(groups)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    merged = list(told)
    for (x, y), score in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < RETOLD or not clear(x, y, score):
            continue
        rx, ry = find(x), find(y)
        a, b = merged[rx], merged[ry]
        if rx == ry or a.seeds & b.seeds or not compatible(a.date, b.date) \
                or (_day(a.date) and _day(b.date) and a.date != b.date):
            continue
        parent[ry] = rx
        merged[rx] = _Told(a.seeds | b.seeds, min((a.date, b.date), key=date_width), a.families | b.families,
                           {**b.parties, **a.parties}, a.words | b.words, a.rare | b.rare, a.countries | b.countries,
                           a.kinds | b.kinds)
    out: dict[int, list[Candidate]] = defaultdict(list)
    for n, group in enumerate(groups):
        out[find(n)].extend(group)
    return list(out.values())


def _start(value: str | None) -> dt.date:
    span = interval(value)
    return span[0] if span else dt.date.max
