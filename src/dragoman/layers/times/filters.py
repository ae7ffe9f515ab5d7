"""Which candidates are really time expressions.

The grammar over-generates on purpose: a regex cannot tell "May" the month from "may"
the modal at the start of a sentence, a year from a count ("2000 troops"), "the fall" the
season from "the fall of the Wall", or "a year" the frequency ("$5 million a year") from
the duration. These checks look at the words around a candidate and at its spaCy tags,
and run before overlapping candidates are resolved, so a rejected long reading leaves
room for a shorter one.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from dragoman.layers.times.cues import ParseCues
from dragoman.layers.times.grammar import Candidate
from dragoman.layers.times.lexicon import lexicon, squash

LX = lexicon()
FUNCTION_WORDS = LX.context["function_words"]
SEASON_PREPOSITIONS = LX.context["season_prepositions"]
NOT_RATE = LX.context["rate_blockers"]
YEAR_BLOCKERS = LX.context["year_blockers"]
DETERMINERS = LX.context["determiners"]
#: "... for Life", "... on Washington": a preposition and a capitalised word after a
#: month name make it the head of a name.
TITLE_TAIL = re.compile(r"\s+(?:for|of|on|to)\s+[A-Z]")
PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'.-]*)[\s,]*$")
NEXT_WORD = re.compile(r"\s*([A-Za-z][\w'-]*)")


def _previous_word(text: str, start: int) -> tuple[str, int] | None:
    """The word before ``start`` (skipping spaces and a comma) and its offset."""
    m = PREVIOUS_WORD.search(text, max(0, start - 40), start)
    return (m.group(1), m.start(1)) if m else None


def _next_word(text: str, end: int) -> str:
    """The word right after ``end``, or ""."""
    m = NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def _inside_name(text: str, start: int, cues: ParseCues) -> bool:
    """A capitalised word right before the name that is not a function word makes it
    part of a proper name ("Theresa May", "Brian May")."""
    if cues.in_name(start):
        return True
    prev = _previous_word(text, start)
    if prev is None:
        return False
    word, at = prev
    gap = text[at + len(word) : start]
    if not word[:1].isupper() or word.lower() in FUNCTION_WORDS or "," in gap or "\n" in gap:
        return False
    if LX.weekday(word) or LX.month(word) or word.isupper():
        return False
    # First in its sentence, the word is capitalised anyway: a name only if tagged one.
    return not cues.sentence_start(at) or cues.tag(at) in ("NNP", "NNPS")


def check_month(c: Candidate, text: str, cues: ParseCues) -> bool:
    """A bare month name is not a date when tagged a verb ("May I", "march"), inside a
    name ("Theresa May"), or heading a name of its own ("the annual March for Life")."""
    if c.get("rel") or c.get("mod"):
        return True
    start = c.start
    if cues.is_verb(start) or _inside_name(text, start, cues):
        return False
    word = c.get("month") or ""
    if word in ("May", "March") and cues.tag(start) not in ("NNP", "NNPS"):
        return False
    prev = _previous_word(text, start)
    return not (
        prev is not None
        and prev[0].lower() in ("the", "a", "an", "annual")
        and TITLE_TAIL.match(text, c.end)
    )


def check_weekday(c: Candidate, text: str, cues: ParseCues) -> bool:
    """A weekday is not a date inside a name the parser knows ("the Sunday Times"). A
    capital word before it is no sign: wire copy puts the day after the subject ("the
    World Court Friday rejected"), and "his Sunday Mass" is still a Sunday."""
    return bool(c.get("rel")) or not cues.in_name(c.start)


def check_year(c: Candidate, text: str, cues: ParseCues) -> bool:
    """A bare four-digit number is a year unless it counts something. News writes
    counts of a thousand or more with a comma, so only a round number ("2000 troops")
    before a plural noun with no determiner before it is taken for a count."""
    if c.get("prefix") or c.get("mod") or c.rule.name != "year":
        return True
    year = int(c.get("year") or 0)
    if not 1800 <= year <= 2099:
        return False
    prev = _previous_word(text, c.start)
    if (
        prev
        and prev[0].lower().rstrip(".") in YEAR_BLOCKERS
        and prev[1] + len(prev[0]) >= c.start - 2
    ):
        return False
    following = _next_word(text, c.end).lower()
    if following in ("percent", "per"):
        return False
    named = prev is not None and not prev[0].endswith(("'s", "s'"))
    if named and prev[1] + len(prev[0]) == c.start - 1 and _inside_name(text, c.start, cues):
        return False  # a name with a number: "a joint venture called Orion 1980"
    if year % 50:
        return True
    after = c.end + 1
    plural_after = (
        after < len(text) and cues.tag(after) in ("NNS", "NNPS") and not LX.unit(following)
    )
    determiner = prev is not None and prev[0].lower() in DETERMINERS
    return not plural_after or determiner


def check_vague(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "as soon as", "shortly after", "the past decade" (adjectival "the past") and
    "current" as a noun are not the vague times the lexicon lists."""
    word = squash(c.get("word") or "")
    before = text[max(0, c.start - 4) : c.start].lower()
    following = _next_word(text, c.end).lower()
    if word == "soon":
        return not before.endswith("as ") and following not in ("after", "afterward", "as")
    if word == "shortly":
        return following not in ("after", "before", "afterward", "thereafter")
    if word == "the moment":
        return before.endswith("at ")
    if word == "current":
        return cues.tag(c.start) == "JJ"
    if word in ("the present", "the past", "the future", "the long term", "the short term"):
        after = c.end + 1
        return not (after < len(text) and cues.tag(after).startswith("NN") and following != "and")
    return True


def check_season(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "the fall" is a season only after a preposition ("in the fall"), with a year
    or a modifier; "the fall of the Wall" and "prices fall" are not."""
    if c.get("year") or c.get("rel") or c.get("mod"):
        return True
    following = _next_word(text, c.end).lower()
    if following == "of":
        return False
    prev = _previous_word(text, c.start)
    return prev is not None and prev[0].lower() in SEASON_PREPOSITIONS


def check_decade(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "the eighties" is a decade; "in his eighties" is an age."""
    return not c.get("dword") or bool(c.get("the"))


def check_frequency(c: Candidate, text: str, cues: ParseCues) -> bool:
    """A capitalised frequency word inside a sentence is a title ("the Daily Mail"); a
    frequency after a quantity is a rate ("8.5% annually", "15 million instructions
    per second"), which is a measure, not a time."""
    if c.get("freq"):
        if c.text[:1].isupper() and not cues.sentence_start(c.start):
            return False
        return not cues.is_rate(c.start, NOT_RATE)
    if squash(c.get("q") or "") == "per":
        return not cues.is_rate(c.start, NOT_RATE)
    return True


def check_quarter_ref(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "the period" alone is not a time; "the year-ago period" is."""
    if squash(c.get("pu") or "") == "period":
        return bool((c.get("adj") or "").strip()) or squash(c.get("det") or "") == "last year's"
    return True


def check_relative(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "the day", "the morning" alone are too vague to mark, and "the last day" is
    an ordinal; "the year", "the week" and "the month" are marked (TimeBank does)."""
    unit = squash(c.get("unit") or "")
    rel = squash(c.get("rel") or "")
    if c.text[:1].isupper() and c.start > 0 and text[c.start - 1] in "\"“'`‘":
        return False  # a quoted title: ABC's "This Week"
    if c.rule.name == "unit_before_after":
        return True
    if rel == "the" and not c.get("mod"):
        return unit in ("year", "week", "month")
    if unit == "day" and rel in ("last", "past", "the last", "the past", "this", "the latest"):
        return False
    return not (rel in ("the latest", "the present", "the prior") and unit != "year")


def check_duration(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "a second" is nearly always the ordinal ("a second term")."""
    unit = squash(c.get("unit") or "")
    amount = squash(c.get("num") or "")
    if unit == "second" and amount in ("a", "an", "one"):
        return False
    if amount in ("a", "an") and not c.get("pre") and cues.is_rate(c.start, NOT_RATE):
        return False  # "$500 million a year" is a rate, not a year
    if unit.startswith("quarter"):
        # "three-quarters of its food", "a quarter of the market" are fractions.
        amount = squash(c.get("num") or "")
        of = _next_word(text, c.end).lower() == "of"
        if "-" in c.text or (of and amount in ("a", "one", "two", "three", "1", "2", "3")):
            return False
    return True


def check_clock(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "noon" in a title ("High Noon") or the idiom "high noon" is not a time."""
    if c.get("word") and not c.get("approx"):
        prev = _previous_word(text, c.start)
        if prev is not None and prev[0].lower() == "high":
            return False
        return not _inside_name(text, c.start, cues)
    return True


def check_deictic(c: Candidate, text: str, cues: ParseCues) -> bool:
    """ "Today" capitalised inside a sentence is a title ("This is VOA Today")."""
    return not (
        c.text[:1].isupper()
        and not cues.sentence_start(c.start)
        and c.start > 0
        and not text[max(0, c.start - 4) : c.start].rstrip().endswith(("\n", ":", '"', "`"))
    )


CHECKS: dict[str, Callable[[Candidate, str, ParseCues], bool]] = {
    "month": check_month,
    "weekday": check_weekday,
    "year": check_year,
    "vague": check_vague,
    "season": check_season,
    "decade": check_decade,
    "set": check_frequency,
    "quarter_ref": check_quarter_ref,
    "relative": check_relative,
    "duration": check_duration,
    "clock": check_clock,
    "deictic": check_deictic,
}


def plausible(c: Candidate, text: str, cues: ParseCues) -> bool:
    """Whether a candidate is a time expression in its context."""
    check = CHECKS.get(c.rule.kind)
    return check is None or check(c, text, cues)
