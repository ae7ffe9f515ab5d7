"""Normalisers for expressions named on the calendar: dates, months, years, decades,
centuries, quarters, halves, seasons, holidays and clock times.

A date written without a year takes the year its weekday fits, else the one nearest the
document date that the verb's tense allows ("said in December" in February is last
December). Calendar arithmetic is in ``calendar.py``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dragoman.layers.times.calendar import (
    SEASON_START,
    holiday_date,
    parse_value,
    quarter_of,
    season_of,
    season_point,
    valid_date,
    weekday_from,
)
from dragoman.layers.times.context import (
    Context,
    Result,
    direction,
    infer_year,
    tense_direction,
)
from dragoman.layers.times.grammar import Candidate
from dragoman.layers.times.lexicon import lexicon, squash
from dragoman.layers.times.numbers import number, ordinal, year_of

LX = lexicon()
SINCE = re.compile(r"(?i)\bsince\s+$")
#: A weekday just after a clock time that the grammar keeps as its own expression.
ON_WEEKDAY = re.compile(r",?\s+on\s+(" + "|".join(w.title() for w in LX.weekdays) + r")\b")


# ---------------------------------------------------------------- normalisers by kind
def norm_clock(c: Candidate, ctx: Context) -> Result | None:
    """ "3 p.m.", "noon Thursday", "5 p.m. EST Nov. 9": type TIME, value the day the
    clock time hangs on (its anchor, a weekday after it, the reference day or the DCT)
    with the hour."""
    hour_text = c.get("hour") or c.get("hourword")
    if c.get("word"):
        hhmm = LX.clock_words[squash(c.get("word") or "")]
        hour, minute = (int(x) for x in hhmm.split(":"))
    else:
        hour_num = number(hour_text)
        if hour_num is None:
            return None
        hour, minute = int(hour_num), int(c.get("minute") or 0)
        ampm = (c.get("ampm") or "").lower()
        pod = (c.get("pod") or "").lower()
        if ampm.startswith("p") or pod in ("afternoon", "evening"):
            hour = hour + 12 if hour < 12 else hour
        elif ampm.startswith("a") and hour == 12:
            hour = 0
    day = anchor_day(c, ctx)
    return "TIME", f"{day.isoformat() if day else 'XXXX-XX-XX'}T{hour:02d}:{minute:02d}"


def anchor_day(c: Candidate, ctx: Context) -> date | None:
    """The day a clock time is attached to ("5 p.m. EST Nov. 9", "noon Thursday")."""
    dct = ctx.dct
    if c.get("adeictic"):
        word = squash(c.get("adeictic") or "")
        offset = LX.deictic_days.get(word, 0)
        return dct + timedelta(days=offset) if dct else None
    month_text, day_text = c.get("amonth") or c.get("amonth2"), c.get("aday") or c.get("aday2")
    weekday = LX.weekday(c.get("awd") or "") if c.get("awd") else None
    if month_text and day_text:
        month, day = LX.month(month_text), int(day_text)
        if month is None:
            return None
        year = infer_year(month, day, ctx, c, weekday)
        return valid_date(year, month, day) if year else None
    if not weekday:
        following = ON_WEEKDAY.match(ctx.text, c.end)  # "at 3 p.m. on Tuesday"
        weekday = LX.weekday(following.group(1)) if following else None
    if weekday and dct:
        return weekday_from(dct, weekday, tense_direction(ctx.tense(c)))
    if ctx.ref is not None and ctx.ref.gran == "D":
        return ctx.ref.day
    return dct


def norm_date(c: Candidate, ctx: Context) -> Result | None:
    """Dates with a month: "Feb. 1, 2022", "1 February", "02/01/2022", "March 2021",
    "June last year". A missing year is inferred (``infer_year``)."""
    month = int(c.get("mnum") or c.get("mnum2") or 0) or (LX.month(c.get("month") or "") or 0)
    if not month:
        return None
    day = ordinal(c.get("day") or c.get("day2") or c.get("dayword"))
    year = year_of(c.get("year") or c.get("year2"), ctx.dct)
    if c.get("relyear"):
        offset = {"last": -1, "next": 1}.get(squash(c.get("relyear") or ""), 0)
        year = ctx.dct.year + offset if ctx.dct else None
    weekday = LX.weekday(c.get("wd") or "") if c.get("wd") else None
    if year is None and not c.get("relyear"):
        year = infer_year(month, day, ctx, c, weekday)
    if day is not None:
        if year is None:
            return "DATE", None
        d = valid_date(year, month, day)
        if d is None:
            return None
        if c.get("hour"):
            return "TIME", f"{d.isoformat()}T{c.get('hour')}:{c.get('minute')}"
        return "DATE", d.isoformat()
    return "DATE", f"{year:04d}-{month:02d}" if year else None


def norm_month(c: Candidate, ctx: Context) -> Result | None:
    """ "December", "last December", "early March": the month, in the year the
    relative word or the tense gives."""
    month = LX.month(c.get("month") or "")
    if month is None:
        return None
    dct = ctx.dct
    if dct is None:
        return "DATE", None
    way = direction(c.get("rel"))
    if way == "last" and squash(c.get("rel") or "") == "this past":
        year = dct.year if month < dct.month else dct.year - 1
    elif way == "last":
        # "last June" is this year's June only if it is not last month (which would be
        # called "last month"): "last February" in March is a year back.
        year = dct.year if month < dct.month - 1 else dct.year - 1
    elif way == "next":
        year = dct.year if month > dct.month else dct.year + 1
    elif way == "this":
        year = dct.year
    else:
        year = infer_year(month, None, ctx, c) or dct.year
    return "DATE", f"{year:04d}-{month:02d}"


def norm_year(c: Candidate, ctx: Context) -> Result | None:
    """ "1998", "fiscal 1999", "mid-2021", "nineteen ninety-six"."""
    text = c.get("year") or c.get("spyear") or c.get("spyear2000")
    year = year_of(text, ctx.dct)
    if year is None:
        return None
    return "DATE", f"{year:04d}"


def norm_decade(c: Candidate, ctx: Context) -> Result | None:
    """ "the 1990s" -> 199, "the '80s" and "the eighties" -> the decade of the DCT's
    century that is not in the future."""
    if c.get("decade"):
        return "DATE", (c.get("decade") or "")[:3]
    tens = (
        int((c.get("dd") or "0")[0])
        if c.get("dd")
        else LX.decades.get(squash(c.get("dword") or ""))
    )
    if tens is None:
        return None
    century = ctx.dct.year // 100 if ctx.dct else 19
    if ctx.dct and century * 10 + tens > ctx.dct.year // 10:
        century -= 1
    return "DATE", f"{century * 10 + tens:03d}"


def norm_century(c: Candidate, ctx: Context) -> Result | None:
    """ "the 20th century" -> 19 (TIMEX3 writes the century by its first two digits)."""
    n = ordinal(c.get("ord"))
    if not n or n > 30:
        return None
    return "DATE", f"{n - 1:02d}"


def norm_quarter(c: Candidate, ctx: Context) -> Result | None:
    """ "the third quarter", "third-quarter", "Q3 2021", "this year's second
    quarter". A quarter not yet begun is only talked about in the future tense; otherwise
    it is last year's ("profits for the fourth quarter" in January)."""
    q = ordinal(c.get("q")) or int((c.get("qcode") or "Q0")[1])
    if not 1 <= q <= 4:
        return None
    dct = ctx.dct
    year = year_of(c.get("year2"), dct)
    yref = squash(c.get("yref") or "")
    rel2 = squash(c.get("rel2") or "")
    if year is None and re.match(r"\d{4}", yref):
        year = int(yref[:4])
    if year is None and dct is not None:
        offsets = {
            "last year's": -1,
            "next year's": 1,
            "this year's": 0,
            "year ago": -1,
            "year earlier": -1,
            "last": -1,
            "next": 1,
            "this": 0,
            "the current": 0,
            "the previous": -1,
        }
        key = yref if yref else rel2
        if key in offsets:
            year = dct.year + offsets[key]
        else:
            # A quarter not yet begun is only talked about in the future tense;
            # otherwise it is last year's ("profits for the fourth quarter" in January).
            year = dct.year
            if q > quarter_of(dct) and ctx.tense(c) != "future":
                year -= 1
    if year is None:
        return "DATE", None
    return "DATE", f"{year:04d}-Q{q}"


def norm_half(c: Candidate, ctx: Context) -> Result | None:
    """ "the first half of 2021", "the second half of this year" -> YYYY-H1/H2."""
    h = 1 if squash(c.get("h") or "") == "first" else 2
    year = year_of(c.get("year"), ctx.dct)
    if year is None and ctx.dct is not None:
        rel = squash(c.get("relyear") or "")
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
    return "DATE", f"{year:04d}-H{h}" if year else None


def norm_holiday(c: Candidate, ctx: Context) -> Result | None:
    """ "Christmas Day", "last Thanksgiving", "Easter 2021": the holiday's date in the
    year given, or the one the relative word or tense points to."""
    holiday = LX.holidays.get(squash(c.get("holiday") or ""))
    if holiday is None:
        return None
    year = year_of(c.get("year"), ctx.dct)
    dct = ctx.dct
    if year is None:
        if dct is None:
            return "DATE", None
        way = direction(c.get("rel"))
        tense = ctx.tense(c)
        this = holiday_date(holiday, dct.year)
        if way == "last" or (way is None and tense == "past"):
            year = dct.year if this <= dct else dct.year - 1
            if way == "last" and this == dct:
                year -= 1
        elif way == "next" or (way is None and tense == "future"):
            year = dct.year if this >= dct else dct.year + 1
        else:
            year = dct.year
    return "DATE", holiday_date(holiday, year).isoformat()


def norm_season(c: Candidate, ctx: Context) -> Result | None:
    """ "last summer", "the summer of 2019", "this fall": YYYY-SU etc. "last spring"
    is last year's spring; "this past spring" and a past tense mean the latest one."""
    season = LX.seasons.get(squash(c.get("season") or ""))
    if season is None:
        return None
    year = year_of(c.get("year"), ctx.dct)
    if year is not None:
        return "DATE", f"{year:04d}-{season}"
    dct = ctx.dct
    if dct is None:
        return "DATE", None
    way = direction(c.get("rel"))
    if way == "same" and ctx.ref is not None:
        return "DATE", f"{ctx.ref.day.year:04d}-{season}"
    if way is None:
        way = {"past": "last", "future": "next"}.get(ctx.tense(c) or "", "this")
        if season_of(dct) == season:
            way = "this"
    current = season_of(dct)
    start = SEASON_START[season]
    month = 1 if dct.month == 12 else dct.month
    if way == "last" and squash(c.get("rel") or "") != "last":
        year = dct.year if (start <= month and season != current) else dct.year - 1
    elif way == "last":
        # "last spring" is last year's spring; "this past spring" the latest one.
        year = dct.year - 1
    elif way == "next":
        year = dct.year if start > month else dct.year + 1
    else:
        year = dct.year
    return "DATE", season_point(year, season).value


def norm_week_of(c: Candidate, ctx: Context) -> Result | None:
    """ "the week of March 6": the ISO week of that day."""
    found = norm_date(c, ctx)
    if found is None or found[1] is None:
        return found
    point = parse_value(found[1])
    return "DATE", point.at("W").value if point else None


def norm_year_end(c: Candidate, ctx: Context) -> Result | None:
    """ "year-end": December 31 of the current year, or of the last one when the verb is
    past or the expression follows "since"."""
    if ctx.dct is None:
        return "DATE", None
    year = ctx.dct.year
    if ctx.tense(c) == "past" or SINCE.search(ctx.text, max(0, c.start - 8), c.start):
        year -= 1
    return "DATE", f"{year:04d}-12-31"
