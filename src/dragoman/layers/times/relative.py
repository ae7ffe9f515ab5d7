"""Normalisers for expressions that count from another time: "yesterday", "Thursday",
"last week", "the previous day", "two days ago", "a year earlier", "the latest quarter".

Deictic ones count from the document date; anaphoric ones from the reference time (the
last date mentioned). In an earnings report "a year ago" and "the year-earlier period"
compare with the quarter just reported, so they count from the last quarter mentioned.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dragoman.layers.times.calendar import (
    GRANULARITIES,
    Point,
    valid_date,
    weekday_from,
)
from dragoman.layers.times.context import (
    Context,
    Result,
    dct_point,
    direction,
    infer_year,
    tense_direction,
)
from dragoman.layers.times.grammar import Candidate
from dragoman.layers.times.lexicon import lexicon, squash
from dragoman.layers.times.numbers import number

LX = lexicon()
COMPARED = re.compile(r"\bcompared\s+with\b[^.;]*$")


QUARTER_ENDED = re.compile(r"\s+(?:ended|ending)\s+([A-Z][a-z]+\.?)\s+(\d{1,2})\b")


ENDED = re.compile(r"\s+(?:ended|ending|to\s+date|through)\b")


def norm_quarter_ref(c: Candidate, ctx: Context) -> Result | None:
    """ "the quarter", "the latest period", "the year-ago quarter", "year-earlier": the
    quarter last mentioned (or the last one completed before the DCT), moved back a
    year when the words say so."""
    det = squash(c.get("det") or "")
    adj = squash(c.get("adj") or "")
    ago = bool(c.get("ago")) or "year ago" in adj or "year earlier" in adj or det == "last year's"
    ago = ago or any(
        w in adj for w in ("comparable", "corresponding", "year before", "year previous")
    )
    if c.rule.name == "year_ago_adjective":
        base = ctx.recent_quarter(c) or dct_point(ctx, "Y")
        return "DATE", base.shift(-1, "Y").value if base else None
    dct = ctx.dct
    if dct is None:
        return "DATE", None
    here = Point(dct, "Q")
    if det in ("last", "next", "this") and not adj:
        return "DATE", here.shift({"last": -1, "next": 1}.get(det, 0), "Q").value
    if "current" in adj:
        return "DATE", here.value
    ended = QUARTER_ENDED.match(ctx.text, c.end)
    if ended and not ago:
        month = LX.month(ended.group(1))
        year = infer_year(month, int(ended.group(2)), ctx, c) if month else None
        end_day = valid_date(year, month, int(ended.group(2))) if year and month else None
        if end_day:
            # "the quarter ended Sept. 30": the three months up to that day.
            return "DATE", Point(end_day - timedelta(days=45), "Q").value
    completed = here.shift(-1, "Q")
    base = ctx.recent_quarter(c) or completed
    if "latest" in adj and base.day > completed.day:
        base = completed  # "the latest quarter" has ended
    if ago:
        base = base.shift(-1, "Y")
    if "previous" in adj or "prior" in adj:
        base = base.shift(-1, "Q")
    year = re.search(r"\d{4}", adj)
    if year:
        base = Point(date(int(year.group()), base.day.month, 1), "Q")
    return "DATE", base.value


def norm_deictic(c: Candidate, ctx: Context) -> Result | None:
    """ "yesterday", "late yesterday", "tonight", "this morning", "last night": a day
    counted from the DCT, with its part of the day when named (type TIME then)."""
    word = squash(c.get("word") or "")
    pod_word = squash(c.get("pod") or "")
    mod = squash(c.get("mod") or "")
    if mod in LX.parts_of_day:
        pod_word = pod_word or mod  # "mid-afternoon yesterday"
    if word in ("this", "last"):
        offset = -1 if word == "last" else 0
    else:
        offset = LX.deictic_days.get(word, 0)
        if word in LX.parts_of_day:
            pod_word = pod_word or word  # "tonight", "overnight"
    pod = LX.parts_of_day.get(pod_word)
    if ctx.dct is None:
        return ("TIME" if pod else "DATE"), None
    day = (ctx.dct + timedelta(days=offset)).isoformat()
    if pod:
        return "TIME", f"{day}T{pod}"
    return "DATE", day


def norm_weekday(c: Candidate, ctx: Context) -> Result | None:
    """ "Thursday", "last Friday", "the following Monday", "Sunday night". A bare
    weekday takes the tense of its verb (``cues.tense``); "the previous/following"
    count from the reference day."""
    weekday = LX.weekday(c.get("wd") or "")
    if weekday is None:
        return None
    pod = LX.parts_of_day.get(squash(c.get("pod") or ""))
    kind = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return kind, None
    way = direction(c.get("rel"))
    if way in ("previous", "following", "same") and ctx.ref is not None and ctx.ref.gran == "D":
        anchor = ctx.ref.day
        how = {"previous": "before", "following": "after"}.get(way, "nearest")
    else:
        anchor = ctx.dct
        how = {"last": "before", "next": "after", "previous": "before", "following": "after"}.get(
            way or "", tense_direction(ctx.tense(c))
        )
    day = weekday_from(anchor, weekday, how).isoformat()
    return kind, f"{day}T{pod}" if pod else day


def norm_weekend(c: Candidate, ctx: Context) -> Result | None:
    """ "the weekend", "last weekend": the Saturday-Sunday of an ISO week. With no word
    to say which, the tense decides, else the nearer one."""
    if ctx.dct is None:
        return "DATE", None
    way = direction(c.get("rel"))
    dct = ctx.dct
    tense = ctx.tense(c)
    if way in ("previous", "following", "same") and ctx.ref is not None:
        saturday = weekday_from(ctx.ref.day, 6, "before" if way == "previous" else "after")
    elif way == "next" or (way is None and tense == "future"):
        saturday = weekday_from(dct, 6, "future")
    elif way == "last" or (way is None and tense == "past"):
        saturday = weekday_from(dct, 6, "past" if dct.isoweekday() >= 6 else "before")
    else:
        saturday = weekday_from(dct, 6, "nearest")
    return "DATE", f"{Point(saturday, 'W').value}-WE"


UNIT_GRAN = {
    "day": "D",
    "night": "D",
    "morning": "D",
    "afternoon": "D",
    "evening": "D",
    "week": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "century": "C",
}


def norm_relative(c: Candidate, ctx: Context) -> Result | None:
    """ "last week", "this year", "the previous day", "earlier this month", "the year".

    "last"/"next"/"this" count from the DCT; "the previous"/"the following"/"that" from
    the reference time (the DCT when that is coarser than the unit: "the next day"
    after "in 2014" cannot be placed). "the past week" is the week holding most of the
    seven days before the DCT. Bare "the year" is the year of a date just mentioned,
    else the DCT's, and a span ("the year ended Sept. 30") when "ended" follows."""
    unit = squash(c.get("unit") or "")
    gran = UNIT_GRAN.get(unit)
    if gran is None:
        return None
    pod = LX.parts_of_day.get(unit) if unit != "day" else None
    kind = "TIME" if pod else "DATE"
    rel = squash(c.get("rel") or "")
    if c.get("dir"):
        rel = (
            "the previous"
            if squash(c.get("dir") or "") in ("before", "earlier")
            else "the following"
        )
    way = direction(rel)
    if rel in ("the", "the full"):
        way = "same"
        if unit == "year" and ENDED.match(ctx.text, c.end):
            return "DURATION", "P1Y"
    if ctx.dct is None:
        return kind, None
    if way in ("previous", "following", "same"):
        if rel == "the":
            base = ctx.near_ref(c) or Point(ctx.dct, "D")
        elif rel == "the full":
            base = Point(ctx.dct, "D")
        else:
            base = ctx.anchor()
        if base is None:
            return kind, None
        if GRANULARITIES.index(base.gran) > GRANULARITIES.index(gran):
            base = Point(ctx.dct, "D")
        point = Point(base.day, gran) if gran != "Q" or base.gran != "Q" else base
        step = {"previous": -1, "following": 1}.get(way, 0)
    else:
        point = Point(ctx.dct, gran)
        step = {"last": -1, "next": 1}.get(way or "", 0)
        if gran == "W" and rel in ("the past", "the last", "this past"):
            point, step = Point(ctx.dct - timedelta(days=3), "W"), 0
    point = point.shift(step, gran)
    quarter = ctx.recent_quarter(c)
    if (
        way == "last"
        and gran == "Y"
        and quarter is not None
        and COMPARED.search(ctx.text, max(0, c.start - 60), c.start)
    ):
        # "compared with $3 million last year" in a quarterly report: that quarter.
        return kind, quarter.shift(-1, "Y").value
    if pod:
        return kind, f"{point.day.isoformat()}T{pod}"
    return kind, point.value


def norm_offset(c: Candidate, ctx: Context) -> Result | None:
    """ "two days ago" (from the DCT), "a year earlier", "two weeks before" (from the
    last date mentioned, at that date's granularity: a year before a quarter is a
    quarter). A vague amount ("several years ago") is PAST_REF or FUTURE_REF."""
    unit = LX.unit(c.get("unit") or "")
    if unit is None:
        return None
    amount = number(c.get("num"))
    word = squash(c.get("dir") or "")
    sign = 1 if word in ("later", "from now", "hence", "after") else -1
    if amount is None:
        return "DATE", "FUTURE_REF" if sign > 0 else "PAST_REF"
    steps = sign * max(int(amount), 1) * unit.size
    if word in ("ago", "back", "from now", "hence"):
        if ctx.dct is None:
            return "DATE", None
        anchor = Point(ctx.dct, "D" if unit.time else unit.letter)
        if unit.letter == "Y":
            anchor = ctx.recent_quarter(c) or anchor
    else:
        base = (ctx.recent_quarter(c) if unit.letter == "Y" else None) or ctx.anchor()
        if base is None:
            return "DATE", None
        anchor = base
    if unit.time:
        return "DATE", anchor.day.isoformat()
    return "DATE", anchor.shift(steps, unit.letter).value
