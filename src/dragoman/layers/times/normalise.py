"""TIMEX3 type and value of a found expression, resolved against the document date.

Each rule kind of the grammar has one normaliser: calendar-named expressions in
``absolute.py``, expressions counted from another time in ``relative.py``, and amounts
(durations, sets, vague references) here. With no document date, relative expressions
get value None but keep their type.
"""

from __future__ import annotations

from collections.abc import Callable

from dragoman.layers.times import absolute, relative
from dragoman.layers.times.context import Context, Result
from dragoman.layers.times.grammar import Candidate
from dragoman.layers.times.lexicon import lexicon, squash
from dragoman.layers.times.numbers import duration_value, number

LX = lexicon()


def norm_vague(c: Candidate, ctx: Context) -> Result | None:
    """ "now", "currently", "recently", "the future": PRESENT_REF, PAST_REF or
    FUTURE_REF from the lexicon; "at the time" is PAST_REF."""
    if c.rule.name == "at_the_time":
        return "DATE", "PAST_REF"  # "said at the time": when it happened, before now
    value = LX.vague_references.get(squash(c.get("word") or ""))
    return ("DATE", value) if value else None


def norm_vague_units(c: Candidate, ctx: Context) -> Result | None:
    """ "in recent months", "the coming weeks", "the years ahead": PAST_REF or
    FUTURE_REF, the vague past or future they point to (TimeBank sometimes marks them
    as durations, PXM)."""
    which = squash(c.get("which") or "")
    future = which in ("coming", "upcoming", "future", "later", "ahead", "to come")
    return "DATE", "FUTURE_REF" if future else "PAST_REF"


def norm_duration(c: Candidate, ctx: Context) -> Result | None:
    """ "three years" P3Y, "a two-day visit" P2D, "several weeks" PXW, "2 1/2
    years" P2Y6M, "half an hour" PT30M, "for years" PXY, "decades-long" PXE."""
    unit = LX.unit(c.get("unit") or "")
    if unit is None:
        return None
    if c.get("halfpre"):
        return "DURATION", duration_value(0.5, unit)
    if c.rule.name in ("unit_long", "vague_plural_units", "plural_units_of"):
        plural = squash(c.get("unit") or "") not in LX.units
        return "DURATION", duration_value(None if plural else 1, unit)
    amount = None if c.get("num2") else number(c.get("num"))
    if amount is not None and c.get("half"):
        amount += 0.5
    return "DURATION", duration_value(amount, unit)


def norm_set(c: Candidate, ctx: Context) -> Result | None:
    """ "every Monday" XXXX-WXX-1, "each July" XXXX-07, "weekly" P1W, "twice a
    year" P1Y, "Tuesday nights" XXXX-WXX-2TNI."""
    if c.get("freq"):
        return "SET", LX.frequencies.get(squash(c.get("freq") or ""))
    if c.get("wd") or c.get("wd2"):
        weekday = LX.weekday(c.get("wd") or c.get("wd2") or "")
        pod = LX.parts_of_day.get(squash(c.get("pod") or c.get("pod2") or "").rstrip("s"))
        return "SET", f"XXXX-WXX-{weekday}" + (f"T{pod}" if pod else "")
    target = c.get("unit") or ""
    key = squash(target)
    weekday = LX.weekdays.get(key)
    if weekday:
        return "SET", f"XXXX-WXX-{weekday}"
    month = LX.months.get(key)
    if month:
        return "SET", f"XXXX-{month:02d}"
    if key in LX.seasons:
        return "SET", f"XXXX-{LX.seasons[key]}"
    if key in LX.parts_of_day:
        return "SET", f"XXXX-XX-XXT{LX.parts_of_day[key]}"
    if key in ("weekend", "week end"):
        return "SET", "XXXX-WXX-WE"
    unit = LX.unit(target)
    if unit is None:
        return None
    amount = number(c.get("num")) if c.get("num") else 1
    if c.get("other"):
        amount = 2
    return "SET", duration_value(amount, unit)


NORMALISERS: dict[str, Callable[[Candidate, Context], Result | None]] = {
    "clock": absolute.norm_clock,
    "date": absolute.norm_date,
    "month": absolute.norm_month,
    "year": absolute.norm_year,
    "decade": absolute.norm_decade,
    "century": absolute.norm_century,
    "quarter": absolute.norm_quarter,
    "half": absolute.norm_half,
    "quarter_ref": relative.norm_quarter_ref,
    "holiday": absolute.norm_holiday,
    "season": absolute.norm_season,
    "deictic": relative.norm_deictic,
    "weekday": relative.norm_weekday,
    "weekend": relative.norm_weekend,
    "relative": relative.norm_relative,
    "offset": relative.norm_offset,
    "vague": norm_vague,
    "vague_units": norm_vague_units,
    "duration": norm_duration,
    "set": norm_set,
    "year_end": absolute.norm_year_end,
    "week_of": absolute.norm_week_of,
}


def normalise(c: Candidate, ctx: Context) -> Result | None:
    """The (type, value) of a candidate, or None when it turns out not to be a time."""
    return NORMALISERS[c.rule.kind](c, ctx)
