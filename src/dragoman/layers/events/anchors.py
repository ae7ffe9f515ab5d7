"""When and where an event happened: the time expression and place its predicate governs.

Issue 4: "an event takes the time expression attached to its predicate (a temporal
modifier in its clause), else none in the sentence governs it and it takes the document
date". A time or place *governs* a predicate when the dependency path from the
expression climbs to the predicate through modifier links only ("on February 1" hangs on
"sent"); an event noun also looks at the light verb that carries it ("sent a message …
on February 1"), and a reported event at the verb that reports it ("last December,
Russia announced that it had submitted proposals"). Nothing is taken from another
clause, and never "the first date of the article".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from dragoman.document import EventDate, Place, TimeExpr

#: Links through which a modifier hangs on the word it modifies.
_MODIFIER_LINKS = frozenset(
    {
        "prep",
        "pobj",
        "npadvmod",
        "tmod",
        "advmod",
        "nummod",
        "compound",
        "amod",
        "det",
        "case",
        "quantmod",
        "appos",
        "nmod",
        "poss",
        "punct",
        "obl",
        "conj",
        "cc",
        "dobj",
    }
)
#: Links from an embedded predicate to the one whose time it shares.
_SHARED_TIME_LINKS = frozenset(
    {
        "xcomp",
        "ccomp",
        "conj",
        "advcl",
        "dobj",
        "pobj",
        "prep",
        "acl",
        "relcl",
        "nsubj",
        "nsubjpass",
        "attr",
    }
)
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_YEAR = re.compile(r"^\d{4}$")
_YEAR_PART = re.compile(r"^(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])$")
#: Events this long before the publication date are background, not news (PLOVER
#: "historical").
HISTORICAL_DAYS = 180


@dataclass(frozen=True, slots=True)
class Anchor:
    """A time expression or place with the token that governs it."""

    governor: int  # token index
    item: TimeExpr | Place


def event_date_value(value: str | None) -> str | None:
    """A TIMEX3 value as the contract's event date: YYYY-MM-DD, YYYY-MM or YYYY; None
    for durations, sets and vague references (PAST_REF)."""
    if not value:
        return None
    if _DAY.match(value):
        return value[:10]
    if _MONTH.match(value) or _YEAR.match(value):
        return value
    week = _WEEK.match(value)
    if week:
        thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        return thursday.strftime("%Y-%m")
    part = _YEAR_PART.match(value)
    if part:
        return part.group(1)
    return None


def governor_of(parsed: Doc, start: int, end: int) -> int | None:
    """The word outside a span that the span's phrase modifies."""
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    inside = {t.i for t in span}
    node = span.root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return None
        if head.i not in inside and head.pos_ in {"VERB", "AUX", "NOUN", "PROPN", "ADJ"}:
            return head.i
        if node.dep_ not in _MODIFIER_LINKS and head.i not in inside:
            return head.i
        node = head
    return None


def anchors(parsed: Doc, items: Sequence[TimeExpr | Place]) -> dict[int, list]:
    """Items by the index of the token they modify."""
    out: dict[int, list] = {}
    for item in items:
        gov = governor_of(parsed, item.start, item.end)
        if gov is not None:
            out.setdefault(gov, []).append(item)
    return out


def _climb(token: Token, light_verbs: frozenset[str]) -> list[Token]:
    """The predicate and the words whose time or place it shares, nearest first."""
    chain = [token]
    node = token
    for _ in range(5):
        head = node.head
        if head.i == node.i or node.dep_ not in _SHARED_TIME_LINKS:
            break
        if (
            node.pos_ in {"NOUN", "PROPN"}
            and node.dep_ in {"pobj", "prep"}
            and not (head.pos_ == "ADP" or head.lemma_.lower() in light_verbs)
        ):
            break
        chain.append(head)
        node = head
    return chain


def date_for(
    trigger: Token,
    by_governor: dict[int, list[TimeExpr]],
    doc_date: str | None,
    light_verbs: frozenset[str],
) -> tuple[EventDate, str]:
    """The event's date and how it was found."""
    for token in _climb(trigger, light_verbs):
        for expr in by_governor.get(token.i, ()):
            if expr.type not in {"DATE", "TIME"}:
                continue
            value = event_date_value(expr.value)
            how = "its own" if token.i == trigger.i else f"that of '{token.text}'"
            return EventDate(value, expr.text, expr.start, expr.end), (
                f"date: {how} time expression '{expr.text}' = {expr.value}"
            )
    return EventDate(doc_date), "date: no time expression governs it; the document date"


def place_for(
    trigger: Token,
    by_governor: dict[int, list[Place]],
    light_verbs: frozenset[str],
    recipients: Sequence = (),
) -> tuple[Place | None, str | None]:
    """The literal place the event's predicate (or its recipient phrase) governs."""
    for token in _climb(trigger, light_verbs)[:3]:
        for place in by_governor.get(token.i, ()):
            if getattr(place, "use", "literal") == "literal":
                return place, f"place: '{place.text}' hangs on '{token.text}'"
    return None, None


def is_historical(value: str | None, doc_date: str | None) -> bool:
    """An event dated well before the publication date is reported as background."""
    if not value or not doc_date:
        return False
    try:
        padded = value + "-01" * ((10 - len(value)) // 3)
        when = dt.date.fromisoformat(padded[:10])
        published = dt.date.fromisoformat(doc_date)
    except ValueError:
        return False
    if len(value) == 4:
        when = dt.date(when.year, 12, 31)
    elif len(value) == 7:
        when = (when.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return (published - when).days > HISTORICAL_DAYS
