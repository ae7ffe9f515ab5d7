"""Calendar arithmetic and TIMEX3 value strings.

A resolved time is a :class:`Point`: a day inside it and its granularity (day, week,
month, quarter, half, season, year, decade, century). Keeping the granularity lets "a year
earlier" after "the third quarter" give the year-before quarter, and lets a week be
written as an ISO week. Only the standard library's ``datetime`` is used.
"""

from __future__ import annotations

import calendar as _calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from dragoman.layers.times.lexicon import Holiday

#: Granularities, finest first. ``S`` is a season, ``E`` a decade, ``C`` a century.
GRANULARITIES = ("D", "W", "M", "Q", "H", "S", "Y", "E", "C")
#: The month each season starts in, for ordering (winter is counted from January).
SEASON_START = {"WI": 1, "SP": 3, "SU": 6, "FA": 9}


@dataclass(frozen=True, slots=True)
class Point:
    """A time at some granularity: ``day`` is a day inside it; ``season`` is the season
    code when ``gran`` is ``S``."""

    day: date
    gran: str
    season: str | None = None

    @property
    def value(self) -> str:
        """The TIMEX3 value string."""
        d = self.day
        match self.gran:
            case "D":
                return d.isoformat()
            case "W":
                year, week, _ = d.isocalendar()
                return f"{year:04d}-W{week:02d}"
            case "M":
                return f"{d.year:04d}-{d.month:02d}"
            case "Q":
                return f"{d.year:04d}-Q{quarter_of(d)}"
            case "H":
                return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
            case "S":
                return f"{d.year:04d}-{self.season}"
            case "Y":
                return f"{d.year:04d}"
            case "E":
                return f"{d.year // 10:03d}"
            case _:
                return f"{d.year // 100:02d}"

    def shift(self, amount: int, letter: str) -> Point:
        """This point moved by ``amount`` units (TIMEX3 letters D W M Q Y, E decade,
        C century), keeping its granularity."""
        return Point(shift(self.day, amount, letter), self.gran, self.season)

    def at(self, gran: str) -> Point:
        """The same time at a coarser or finer granularity."""
        return Point(self.day, gran, self.season if gran == "S" else None)


def quarter_of(d: date) -> int:
    """The quarter (1-4) a day falls in."""
    return (d.month - 1) // 3 + 1


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole months, clamping the day (Jan 31 + 1 month = Feb 28/29)."""
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    last = _calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(d.day, last))


def shift(d: date, amount: int, letter: str) -> date:
    """``d`` moved by ``amount`` calendar units named by TIMEX3 duration letters."""
    match letter:
        case "D":
            return d + timedelta(days=amount)
        case "W":
            return d + timedelta(weeks=amount)
        case "M":
            return add_months(d, amount)
        case "Q":
            return add_months(d, 3 * amount)
        case "H":
            return add_months(d, 6 * amount)
        case "Y":
            return add_months(d, 12 * amount)
        case "E":
            return add_months(d, 120 * amount)
        case "C":
            return add_months(d, 1200 * amount)
    raise ValueError(f"unknown unit letter {letter!r}")


def season_of(d: date) -> str:
    """The season a day falls in (northern hemisphere, by whole months)."""
    return {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(
        d.month, "FA"
    )


def season_point(year: int, season: str) -> Point:
    """The point for a season of a year."""
    return Point(date(year, SEASON_START[season], 1), "S", season)


def weekday_from(anchor: date, weekday: int, direction: str) -> date:
    """The day with ISO ``weekday`` near ``anchor``.

    ``past``: the latest on or before the anchor; ``future``: the earliest on or after it
    (wire copy names the day even for the same day); ``before``/``after``: strictly
    before or after (for "last Friday", "next Friday"); ``nearest``: the closer of the
    two, counting days ahead half again, as news mostly reports what has happened.
    """
    back = (anchor.isoweekday() - weekday) % 7
    ahead = (weekday - anchor.isoweekday()) % 7
    match direction:
        case "past":
            return anchor - timedelta(days=back)
        case "future":
            return anchor + timedelta(days=ahead)
        case "before":
            return anchor - timedelta(days=back or 7)
        case "after":
            return anchor + timedelta(days=ahead or 7)
    return anchor - timedelta(days=back) if back <= 1.5 * ahead else anchor + timedelta(days=ahead)


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=offset + 7 * (n - 1))
    last = date(year, month, _calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def holiday_date(holiday: Holiday, year: int) -> date:
    """The date of a holiday in a year."""
    if holiday.month_day is not None:
        day = date(year, *holiday.month_day)
    elif holiday.nth is not None:
        n, weekday, month = holiday.nth
        day = nth_weekday(year, month, weekday, n)
    else:
        day = easter(year) + timedelta(days=holiday.easter or 0)
    return day + timedelta(days=holiday.plus_days)


def valid_date(year: int, month: int, day: int) -> date | None:
    """The date, or None for an impossible one ("Feb. 30")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?:(?P<m>\d\d)(?:-(?P<d>\d\d))?|W(?P<w>\d\d?)|Q(?P<q>[1-4])"
    r"|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?:T.*)?$"
)


def parse_value(value: str | None) -> Point | None:
    """The point a concrete TIMEX3 date value names (None for vague or partial ones)."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    year = int(m["y"])
    if m["d"]:
        day = valid_date(year, int(m["m"]), int(m["d"]))
        return Point(day, "D") if day else None
    if m["m"]:
        return Point(date(year, int(m["m"]), 1), "M") if 1 <= int(m["m"]) <= 12 else None
    if m["w"]:
        try:
            return Point(date.fromisocalendar(year, int(m["w"]), 1), "W")
        except ValueError:
            return None
    if m["q"]:
        return Point(date(year, 3 * int(m["q"]) - 2, 1), "Q")
    if m["h"]:
        return Point(date(year, 1 if m["h"] == "1" else 7, 1), "H")
    if m["s"]:
        return season_point(year, m["s"])
    return Point(date(year, 1, 1), "Y")
