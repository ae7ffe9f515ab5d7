"""What a normaliser knows besides the expression: the document date, the tense of the
governing verb and the times mentioned before (the reference time).

Deictic expressions ("yesterday", "last week") count from the document creation time
(DCT); anaphoric ones ("the previous day", "a year earlier") from the last concrete date
mentioned, falling back to the DCT, which is how TimeML annotators read news.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from dragoman.layers.times.calendar import Point, valid_date
from dragoman.layers.times.grammar import Candidate
from dragoman.layers.times.lexicon import squash

#: How far back (in characters) a quarter still governs "a year ago", and a reference
#: time "the year": about a paragraph, and about a sentence.
QUARTER_REACH = 1200
NEAR_REACH = 250
#: Kinds that name a day within a week or so of their verb's time, and so keep its
#: tense through a noun ("attacked a checkpoint on Saturday").
SHORT_RANGE = frozenset(("weekday", "clock", "weekend", "holiday", "deictic"))
#: What a normaliser returns: TIMEX3 type and value (None when nothing resolves it).
Result = tuple[str, str | None]


@dataclass(slots=True)
class Context:
    """What a normaliser may read besides the candidate itself."""

    dct: date | None
    text: str = ""
    ref: Point | None = None
    ref_end: int = -1
    quarter: Point | None = None
    quarter_end: int = -1
    tense_of: Callable[[int, int], tuple[str | None, bool]] = lambda start, end: (None, False)
    _tense: dict[tuple[int, int], tuple[str | None, bool]] = field(default_factory=dict)

    def tense(self, c: Candidate) -> str | None:
        """The tense governing a candidate. Weekdays and holidays keep it through a
        noun ("will attend a meeting on Friday"); months and dates keep only a future
        through a noun ("was notified of a cutback in September" need not be past), as a
        month reaches further than the verb's own time."""
        key = (c.start, c.end)
        if key not in self._tense:
            self._tense[key] = self.tense_of(c.start, c.end)
        tense, via_noun = self._tense[key]
        if via_noun and tense != "future" and c.rule.kind not in SHORT_RANGE:
            return None
        return tense

    def recent_quarter(self, c: Candidate) -> Point | None:
        """The quarter mentioned shortly before ``c``: in an earnings report "a year
        ago" and "the year-earlier period" compare with that quarter."""
        if self.quarter is not None and 0 <= c.start - self.quarter_end <= QUARTER_REACH:
            return self.quarter
        return None

    def near_ref(self, c: Candidate) -> Point | None:
        """The reference time when it was mentioned close before ``c`` (for "the year",
        "the week", which otherwise mean the current one)."""
        if self.ref is not None and 0 <= c.start - self.ref_end <= NEAR_REACH:
            return self.ref
        return None

    def anchor(self) -> Point | None:
        """Where an anaphoric expression counts from: the last date mentioned, else the
        DCT."""
        if self.ref is not None:
            return self.ref
        return Point(self.dct, "D") if self.dct else None


# ---------------------------------------------------------------- resolving years
def infer_year(
    month: int, day: int | None, ctx: Context, c: Candidate, weekday: int | None = None
) -> int | None:
    """The year of a date written without one: the year its weekday fits, else the one
    nearest the DCT. The verb's tense rules out a month on the wrong side of the DCT
    ("said in December" in February is last December). For a full date a wrong side
    only weighs three months, because reported speech keeps a future tense for a day
    already past ("would leave by February 1") and deadlines take a past one ("extended
    to Nov. 20"). With no tense the past is preferred (days ahead count half again), as
    news mostly reports what has happened."""
    dct = ctx.dct
    if dct is None:
        return None
    years = (dct.year, dct.year - 1, dct.year + 1)
    if weekday and day:
        for year in years:
            d = valid_date(year, month, day)
            if d and d.isoweekday() == weekday:
                return year
    tense = ctx.tense(c)
    best, best_gap = dct.year, None
    for year in years:
        d = valid_date(year, month, day or 1)
        if d is None:
            continue
        # Months compare by month (counted as 30 days), dates by day.
        months = (year - dct.year) * 12 + month - dct.month
        diff = 30 * months if day is None else (d - dct).days
        gap = abs(diff)
        if (tense == "past" and diff > 0) or (tense == "future" and diff < 0):
            if day is None:
                continue
            gap += 90
        elif tense not in ("past", "future") and diff > 0:
            gap = gap * 3 // 2
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def dct_point(ctx: Context, gran: str) -> Point | None:
    """The DCT at a granularity, or None without a DCT."""
    return Point(ctx.dct, gran) if ctx.dct else None


def direction(rel: str | None) -> str | None:
    """How a relative word points: ``last``/``next``/``this``, ``previous``/
    ``following``/``same`` (anaphoric), or None."""
    if not rel:
        return None
    key = squash(rel)
    if key in ("last", "past", "this past", "the past", "the last", "the latest"):
        return "last"
    if key in ("next", "coming", "this coming", "the coming", "the upcoming", "upcoming"):
        return "next"
    if key in ("this", "current", "the current", "the present"):
        return "this"
    if key in ("previous", "the previous", "the prior", "the preceding", "prior"):
        return "previous"
    if key in ("following", "the following", "the next", "the ensuing"):
        return "following"
    if key in ("that", "the same", "that same", "the very same"):
        return "same"
    return None


def tense_direction(tense: str | None) -> str:
    """How a bare weekday is resolved for a tense (see ``weekday_from``)."""
    return {"past": "past", "future": "future"}.get(tense or "", "nearest")
