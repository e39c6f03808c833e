"""What resolving a date needs around it: the narrative dates met so far (`Anchor`), the
publication date and the sentences (`Context`), and the resolved `Value`.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from .dates_grammar import Cand
from .dates_tense import clause_tense, tense_cues
from .model import Article

# "la présidence annonçait la date du 24 mars": a day named as a date, whatever the tense of its naming.
_NAMED_DATE = re.compile(r"(?<!\w)(?:la|une|nouvelle)\s+date\s+(?:du|de)\s+$", re.IGNORECASE)
# "la loi repoussant au 15 décembre l'élection", "il a reporté le vote au 3 mars", "des élections fixées au
# 30 juin": a day something is moved or set to lies after the move, which the article tells as recent.
_MOVED_TO = re.compile(r"(?<!\w)(?:repouss|report|décal|ajourn|renvoy|prolong|fix|avanc)\w*(?:\s+[^\s,;:.!?«»()]+){0,6}?"
                       r"\s+(?:au|à|jusqu['’]au)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Anchor:
    """A resolved date of the narrative, usable to complete later expressions."""
    block: int
    start: int
    year: int
    month: int | None
    day: int | None
    precision: str
    explicit: bool = True   # set by the text itself; relative dates only anchor "la veille" and the like
    known: bool = True      # False: a day the text tells but no one can date ("le 7 juillet", no year known)
    frame: bool = True      # opens its sentence ("En 2019, ..."): it may date the next paragraph too
    first_month: int | None = None   # where a season or a quarter begins: a later month of its year comes after it
    background: bool = False  # in an aside ("le traité, entré en vigueur le 4 décembre, ..."), not the story's day


# "depuis son incursion du 6 août", "depuis l'attaque de lundi": the date of what something has held since is past.
_SINCE_WHAT = re.compile(r"(?<!\w)depuis\s+(?:l['’]\s*|(?:la|le|les|son|sa|ses|leur|leurs|cette|ce|cet)\s+)"
                         r"[^,;:.!?«»()\d]{0,60}$", re.IGNORECASE)


@dataclass
class Context:
    article: Article
    reference: dt.date | None
    sentences: dict[int, list[tuple[int, int]]]   # sorted by start, per block
    anchors: list[Anchor] = field(default_factory=list)
    cues: dict[tuple[int, int], list[tuple[int, int, str]]] = field(default_factory=dict)
    undated: bool = False   # the piece has no publication date: only its narrative dates it

    def sentence(self, c: Cand) -> tuple[int, int]:
        spans = self.sentences.get(c.block, [])
        i = bisect.bisect_right(spans, (c.start, float("inf"))) - 1
        if i >= 0 and spans[i][0] <= c.start < spans[i][1]:
            return spans[i]
        return 0, len(self.article.blocks[c.block].text)

    def tense(self, c: Cand) -> str | None:
        text = self.article.blocks[c.block].text
        # "depuis le 18 décembre", "depuis le rejet de son pourvoi le 18 décembre": a time since which, now or before.
        if _SINCE_WHAT.search(text, max(0, c.start - 80), c.start) or re.match(r"(?i)depuis\s", text[c.start:c.end]):
            return "past"
        before = text[max(0, c.start - 80):c.start] + re.match(r"(?:(?:au|à|jusqu['’]au|du|de)\s+)?", text[c.start:c.end]).group(0)
        moved = _MOVED_TO.search(before)
        if moved:
            # (a move told in the pluperfect lies further back: the day it set may be past too)
            return None if re.search(r"(?i)\bavai(?:t|ent)\s+(?:\w+\s+)?$", before[:moved.start()]) else "future"
        if _NAMED_DATE.search(before):
            return None
        sent = self.sentence(c)
        key = (c.block, sent[0])
        if key not in self.cues:
            self.cues[key] = tense_cues(text[sent[0]:sent[1]])
        return clause_tense(text, sent, c.start, c.end, self.cues[key])

    def tense_ends_at(self, c: Cand, pos: int) -> bool:
        """Whether a verb form of `c`'s sentence ends at block offset `pos`."""
        self.tense(c)   # fills the cache
        sent = self.sentence(c)
        return any(sent[0] + e == pos for _, e, _ in self.cues[(c.block, sent[0])])

    def window(self, c: Cand, near: int = 3, across: bool = False) -> set[int]:
        """The blocks whose dates `c` may take as its narrative: its own and up to `near` before it,
        not across a heading (unless `across`); dateline dates are the publication's, not the story's."""
        blocks = {c.block}
        counted = 0
        b = c.block - 1
        while b >= 0 and counted < near:
            block = self.article.blocks[b]
            if block.kind in ("heading", "section") and not across:
                break
            if block.kind not in ("dateline", "byline", "caption"):
                blocks.add(b)
                # An interviewer's question goes on with the answer before it: it takes no room in the window.
                counted += not block.text.rstrip().endswith("?")
            b -= 1
        return blocks

    def anchor(self, c: Cand, need_day: bool = False, near: int = 3, frames_only: bool = False,
               across: bool = False) -> Anchor | None:
        """The last date set by the narrative just before `c`, inside its window. When the
        publication date is known, a year-less month or quarter deep inside a paragraph reads
        from it; only its own paragraph, or a paragraph it opens, continues an earlier story."""
        if not need_day and self.reference is not None and self.sentence(c)[0] > self._first_sentence(c.block):
            near = 0
        return self._last(c, need_day, self.window(c, near, across), frames_only and self.reference is not None)

    def _first_sentence(self, block: int) -> int:
        spans = self.sentences.get(block)
        return spans[0][0] if spans else 0

    def _last(self, c: Cand, need_day: bool, blocks: set[int] | None, frames_only: bool = False) -> Anchor | None:
        """`frames_only`: from an earlier paragraph, only a date that opened its sentence ("En 2019, ...");
        "..., à l'automne 2024." does not date the month a later paragraph opens on."""
        low = min(blocks) if blocks else -1
        aside = None   # "La veille" counts from the story's last day, not from a date told in an aside
        for a in reversed(self.anchors):   # appended in text order
            if a.block < low:
                if aside is None:
                    return None
                # Past the window, only the story's own day of an earlier paragraph, else the aside's.
                if a.day is not None and a.known and not a.background:
                    return a
                continue
            if (a.block, a.start) < (c.block, c.start) and (blocks is None or a.block in blocks) \
                    and (a.frame or a.block == c.block or not frames_only):
                if need_day and not a.known:
                    return aside   # "le 7 juillet ... Le lendemain": the day before is not known, nor this one
                if need_day and a.day is not None and a.background and a.block != c.block:
                    aside = aside or a
                    continue
                if a.day is not None if need_day else a.explicit:
                    return a
        return aside


@dataclass(frozen=True)
class Value:
    value: str | None
    precision: str
    resolution: str
    confidence: float = 1.0
    anchor: Anchor | None = None   # what this expression sets for the narrative, if anything
    tense: str | None = None


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    total = y * 12 + (m - 1) + delta
    return total // 12, total % 12 + 1


def day_value(day: dt.date | None, resolution: str, conf: float, durative: bool = False,
               tense: str | None = None) -> Value:
    if day is None:
        return Value(None, "day", "unresolved", tense=tense)
    anchor = None if durative else Anchor(-1, -1, day.year, day.month, day.day, "day")
    return Value(day.isoformat(), "day", resolution, conf, anchor, tense)
