"""The times layer: temporal expressions normalised to TimeML TIMEX3.

A rule system in four steps, each in its own module:

1. ``grammar``: named regexes over the raw text propose candidate expressions;
2. ``filters``: the words around a candidate and its spaCy tags drop false readings
   ("May" the modal, "2000 troops");
3. ``grammar.select``: of overlapping candidates the longest is kept;
4. ``normalise``: each expression gets its TIMEX3 type and value, resolved against the
   document date and the last date mentioned before it (``cues`` gives the tense).

Word lists live in ``data/times/lexicon.yaml``. Every :class:`TimeExpr` carries the name
of the rule that found it, so a wrong expression leads back to one pattern.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from dragoman.document import Document, TimeExpr
from dragoman.layers.times.calendar import Point, parse_value
from dragoman.layers.times.cues import ParseCues
from dragoman.layers.times.filters import plausible
from dragoman.layers.times.grammar import Candidate, scan, select
from dragoman.layers.times.normalise import Context, normalise

__all__ = ["find_times"]

#: Rule kinds whose value becomes the reference for anaphoric expressions that follow.
#: Values computed from the reference itself ("a year earlier", "the year-ago quarter")
#: do not move it, so a run of comparisons keeps pointing at the period reported on.
ANCHORING_KINDS = frozenset(
    (
        "clock",
        "date",
        "month",
        "year",
        "quarter",
        "half",
        "holiday",
        "season",
        "deictic",
        "weekday",
        "weekend",
        "relative",
    )
)
#: Words that make a quarter reference a comparison period rather than the one reported.
LOOKS_BACK = re.compile(
    r"(?i)ago|earlier|before|previous|prior|comparable|corresponding|last|\d{4}"
)


def find_times(doc: Document, parsed: Doc) -> list[TimeExpr]:
    """The time expressions of a document, in text order, with TIMEX3 type and value."""
    text = doc.text
    cues = ParseCues(parsed)
    candidates = [c for c in scan(text) if plausible(c, text, cues)]
    ctx = Context(dct=document_date(doc.date), text=text, tense_of=cues.tense)
    out: list[TimeExpr] = []
    for cand in select(candidates):
        result = normalise(cand, ctx)
        if result is None:
            continue
        kind, value = result
        out.append(TimeExpr(cand.text, cand.start, cand.end, kind, value, cand.rule.name))
        if cand.rule.name == "month_day":
            out.extend(second_day(text, cand.end, value))
        point = reference(cand, kind, value)
        if point is not None:
            ctx.ref, ctx.ref_end = point, cand.end
        elif cand.rule.kind == "quarter_ref" and not LOOKS_BACK.search(cand.text):
            point = parse_value(value)  # "the latest quarter" is the one reported on
        if point is not None and point.gran == "Q":
            ctx.quarter, ctx.quarter_end = point, cand.end
    return out


#: "April 24 and 25", "Feb. 24-25": a second day number joined to a date.
SECOND_DAY = re.compile(
    r"(?:\s+(?:and|or|&|to|through)\s+|\s*[-–]\s*)(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    r"(?![\d%:.,]\d|\w)"
)


def second_day(text: str, end: int, value: str | None) -> list[TimeExpr]:
    """The second day of "April 24 and 25" or "Feb. 24-25" as an expression of its own
    (TimeML marks each date), in the month and year of the first."""
    m = SECOND_DAY.match(text, end)
    if m is None or (value is not None and len(value) != 10):
        return []
    day = int(m.group(1))
    point = parse_value(value)
    if point is not None:
        try:
            value = point.day.replace(day=day).isoformat()
        except ValueError:
            return []
    start = m.start(1)
    return [TimeExpr(text[start : m.end()], start, m.end(), "DATE", value, "month_day_and")]


def reference(cand: Candidate, kind: str, value: str | None) -> Point | None:
    """The point a found expression makes the new reference time, if any."""
    if kind not in ("DATE", "TIME") or cand.rule.kind not in ANCHORING_KINDS:
        return None
    if (cand.get("word") or "").lower() == "overnight":
        return None  # too loose a time to count others from
    return parse_value(value)


def document_date(value: str | None) -> date | None:
    """The document creation time from ``YYYY-MM-DD`` (a longer timestamp is cut)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
