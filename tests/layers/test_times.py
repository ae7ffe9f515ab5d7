"""The times layer: TimeML TIMEX3 expressions, their extents, types and values.

Every sentence here was written for these tests. The document date (DCT) is Thursday
2022-02-17 unless a case says otherwise.
"""

from __future__ import annotations

import time

import pytest
from spacy.language import Language

from dragoman.document import Document, TimeExpr
from dragoman.layers.times import find_times
from dragoman.parse import load_pipeline

DCT = "2022-02-17"  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def times(nlp: Language, text: str, date: str | None = DCT) -> list[TimeExpr]:
    """The expressions found in ``text``, after checking every offset."""
    found = find_times(Document("t", text, date), nlp(text))
    for t in found:
        assert text[t.start : t.end] == t.text, t
        assert t.rule, t
    return found


def one(nlp: Language, text: str, expr: str, date: str | None = DCT) -> TimeExpr:
    """The expression whose text is exactly ``expr``."""
    found = times(nlp, text, date)
    match = [t for t in found if t.text == expr]
    assert match, f"{expr!r} not found; got {[(t.text, t.value) for t in found]}"
    return match[0]


def check(nlp: Language, text: str, expr: str, kind: str, value: str | None) -> None:
    t = one(nlp, text, expr)
    assert (t.type, t.value) == (kind, value), (t.text, t.type, t.value, t.rule)


@pytest.mark.parametrize(
    ("text", "expr", "kind", "value"),
    [
        ("The ceasefire began on February 1 along the line.", "February 1", "DATE", "2022-02-01"),
        ("The accord was signed Feb. 1, 2022, in Minsk.", "Feb. 1, 2022", "DATE", "2022-02-01"),
        ("Envoys met on 1 February in Vienna.", "1 February", "DATE", "2022-02-01"),
        ("The communique is dated 2022-02-01.", "2022-02-01", "DATE", "2022-02-01"),
        ("Ballots were counted on 02/01/2022.", "02/01/2022", "DATE", "2022-02-01"),
        ("He returned home on the 1st of February.", "the 1st of February", "DATE", "2022-02-01"),
        ("The party was founded in 1998 by farmers.", "1998", "DATE", "1998"),
        ("The army seized power in 2003.", "2003", "DATE", "2003"),
        ("Inflation soared in the 1990s.", "the 1990s", "DATE", "199"),
        ("The border was drawn in the 20th century.", "the 20th century", "DATE", "19"),
        ("Exports fell in the third quarter.", "the third quarter", "DATE", "2021-Q3"),
        ("Exports will recover in the third quarter.", "the third quarter", "DATE", "2022-Q3"),
        ("Its budget for fiscal 1999 was cut.", "fiscal 1999", "DATE", "1999"),
        ("Growth slowed in March 2021.", "March 2021", "DATE", "2021-03"),
        ("Polls open on Sunday, March 6, 2022.", "Sunday, March 6, 2022", "DATE", "2022-03-06"),
        ("The siege ended in late November.", "late November", "DATE", "2021-11"),
        ("Riots broke out in the summer of 2019.", "the summer of 2019", "DATE", "2019-SU"),
        ("The ban ends on Christmas Day.", "Christmas Day", "DATE", "2022-12-25"),
        ("Sales slumped in the first half of 2021.", "the first half of 2021", "DATE", "2021-H1"),
        ("The decree is dated 24/02/2022.", "24/02/2022", "DATE", "2022-02-24"),
        ("The decree is dated 24.02.2022.", "24.02.2022", "DATE", "2022-02-24"),
    ],
)
def test_absolute_dates(nlp: Language, text: str, expr: str, kind: str, value: str) -> None:
    check(nlp, text, expr, kind, value)


@pytest.mark.parametrize(
    ("text", "expr", "kind", "value"),
    [
        ("The shelling resumed today near the border.", "today", "DATE", "2022-02-17"),
        ("Two villages were shelled yesterday.", "yesterday", "DATE", "2022-02-16"),
        ("The council votes tomorrow.", "tomorrow", "DATE", "2022-02-18"),
        ("Last December, the ministry sent its proposals.", "Last December", "DATE", "2021-12"),
        ("The envoy travels to Paris next week.", "next week", "DATE", "2022-W08"),
        ("The convoy left two days ago.", "two days ago", "DATE", "2022-02-15"),
        ("Protests spread earlier this month.", "earlier this month", "DATE", "2022-02"),
        ("The drought began last summer.", "last summer", "DATE", "2021-SU"),
        ("Prices rose sharply over the past week.", "the past week", "DATE", "2022-W07"),
        ("Attacks have grown in recent months.", "recent months", "DATE", "PAST_REF"),
        ("The rebels now control the road.", "now", "DATE", "PRESENT_REF"),
        ("The port is currently closed.", "currently", "DATE", "PRESENT_REF"),
        ("The talks recently stalled.", "recently", "DATE", "PAST_REF"),
        ("Nobody can predict the future of the talks.", "the future", "DATE", "FUTURE_REF"),
        ("Output will fall this year.", "this year", "DATE", "2022"),
        ("Output fell last year.", "last year", "DATE", "2021"),
        ("The plant closed a year ago.", "a year ago", "DATE", "2021"),
        (
            "Troops arrived on February 10; clashes had erupted the previous day.",
            "the previous day",
            "DATE",
            "2022-02-09",
        ),
        (
            "A truce was agreed in 2014, and fighting resumed the following year.",
            "the following year",
            "DATE",
            "2015",
        ),
        ("The mayor resigned last Friday.", "last Friday", "DATE", "2022-02-11"),
        ("The vote is next Tuesday.", "next Tuesday", "DATE", "2022-02-22"),
    ],
)
def test_relative_expressions(nlp: Language, text: str, expr: str, kind: str, value: str) -> None:
    check(nlp, text, expr, kind, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Past tense: the latest such day on or before the DCT (a Thursday).
        ("The minister said Monday that the talks had failed.", "2022-02-14"),
        ("Russia said Thursday that it had sent its reply.", "2022-02-17"),
        ("Gunmen attacked a checkpoint on Saturday.", "2022-02-12"),
        # Future (will, going to, scheduled): the next one.
        ("The minister will travel to Kyiv on Monday.", "2022-02-21"),
        ("The president is going to speak on Saturday.", "2022-02-19"),
        ("The summit has been scheduled for Tuesday.", "2022-02-22"),
        # Same day with a future tense: wire copy names the day even for today.
        ("The council will meet Thursday to discuss the plan.", "2022-02-17"),
        # No verb (a headline): the nearest, preferring the past.
        ("Talks on Friday", "2022-02-18"),
        ("Markets on Monday", "2022-02-14"),
    ],
)
def test_weekday_follows_tense(nlp: Language, text: str, value: str) -> None:
    found = [t for t in times(nlp, text) if t.rule == "weekday"]
    assert len(found) == 1, found
    assert found[0].type == "DATE"
    assert found[0].value == value, (text, found[0])


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("He served three years in prison.", "three years", "P3Y"),
        ("The minister began a two-day visit.", "two-day", "P2D"),
        ("The siege lasted 10 months.", "10 months", "P10M"),
        ("Talks could take several weeks.", "several weeks", "PXW"),
        ("Twelve people died in the past 24 hours.", "the past 24 hours", "PT24H"),
        ("He spent 2 1/2 years in exile.", "2 1/2 years", "P2Y6M"),
        ("The meeting lasted half an hour.", "half an hour", "PT30M"),
        ("Fighting has raged for nearly two years.", "nearly two years", "P2Y"),
        ("Casualties doubled over the last three years.", "the last three years", "P3Y"),
        ("The blockade lasted for decades.", "decades", "PXE"),
    ],
)
def test_durations(nlp: Language, text: str, expr: str, value: str) -> None:
    check(nlp, text, expr, "DURATION", value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Opposition supporters rally every Monday.", "every Monday", "XXXX-WXX-1"),
        ("The council meets weekly.", "weekly", "P1W"),
        ("The report is published annually.", "annually", "P1Y"),
        ("Inspectors visit the site twice a year.", "twice a year", "P1Y"),
        ("Pilgrims gather here each July.", "each July", "XXXX-07"),
        ("The council has met every year since the war.", "every year", "P1Y"),
    ],
)
def test_sets(nlp: Language, text: str, expr: str, value: str) -> None:
    check(nlp, text, expr, "SET", value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The curfew starts at 3 p.m. across the city.", "3 p.m.", "2022-02-17T15:00"),
        ("Shots were heard Thursday morning.", "Thursday morning", "2022-02-17TMO"),
        ("The president addresses the nation tonight.", "tonight", "2022-02-17TNI"),
        ("The deadline expires at noon.", "noon", "2022-02-17T12:00"),
        ("The vote closes at 10:30 a.m. Friday.", "10:30 a.m. Friday", "2022-02-18T10:30"),
        ("Sirens sounded last night in the capital.", "last night", "2022-02-16TNI"),
        ("Artillery shelled the city overnight.", "overnight", "2022-02-16TNI"),
        # A weekday after the clock time anchors it, though it is marked on its own.
        ("The polls will close at 3 p.m. on Tuesday.", "3 p.m.", "2022-02-22T15:00"),
    ],
)
def test_times_of_day(nlp: Language, text: str, expr: str, value: str) -> None:
    check(nlp, text, expr, "TIME", value)


@pytest.mark.parametrize(
    ("text", "extent"),
    [
        # Determiners and modifiers are inside, prepositions outside (TimeML).
        ("Prices rose over the past two months.", "the past two months"),
        ("The strike ended on Friday.", "Friday"),
        ("The army seized power in 2003.", "2003"),
        ("Fighting has raged for nearly two years.", "nearly two years"),
        ("The results came late yesterday.", "late yesterday"),
        ("Sales rose in the latest quarter.", "the latest quarter"),
        # "three days later": TimeBank marks the duration and leaves "later" as signal.
        ("Three days later, the rebels withdrew.", "Three days"),
    ],
)
def test_extents(nlp: Language, text: str, extent: str) -> None:
    assert [t.text for t in times(nlp, text)] == [extent]


def test_second_day_of_a_range(nlp: Language) -> None:
    """TimeML marks each date of "Feb. 24-25" and "April 24 and 25"."""
    found = [(t.text, t.value) for t in times(nlp, "Leaders meet on March 24-25 in Brussels.")]
    assert found == [("March 24", "2022-03-24"), ("25", "2022-03-25")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Protests erupted over the weekend.", "2022-W06-WE"),
        ("Talks will resume over the weekend.", "2022-W07-WE"),
        ("Talks resume over the weekend.", "2022-W07-WE"),  # no tense says: the nearer one
    ],
)
def test_weekend(nlp: Language, text: str, value: str) -> None:
    check(nlp, text, "the weekend", "DATE", value)


def test_offsets_index_the_text_exactly(nlp: Language) -> None:
    text = (
        "KYIV, Feb. 17 (Reuters) —  On Thursday,\nshelling hit two villages;  three days ago "
        "a convoy left.\n\nThe talks resume next week, officials said at 3 p.m."
    )
    found = times(nlp, text)
    assert [t.text for t in found] == [
        "Feb. 17",
        "Thursday",
        "three days ago",
        "next week",
        "3 p.m.",
    ]


def test_no_document_date(nlp: Language) -> None:
    """Relative expressions are still found but get value None; absolute ones resolve."""
    text = "He left yesterday, returns on Monday, and the war began in 2014."
    found = {t.text: t for t in times(nlp, text, date=None)}
    assert (found["yesterday"].type, found["yesterday"].value) == ("DATE", None)
    assert (found["Monday"].type, found["Monday"].value) == ("DATE", None)
    assert found["2014"].value == "2014"


@pytest.mark.parametrize(
    "text",
    [
        "Prices may rise again.",
        "May I ask one more question?",
        "Protesters will march on the capital.",
        "Thousands march through the city.",
        "Theresa May said the vote would go ahead.",
        "He writes for the Sunday Times.",
        "The army sent 2,000 troops to the border.",
        "The army sent 2000 troops to the border.",
        "The fall of the regime surprised nobody.",
        "He was elected to a second term.",
        "The soldier, 37 years old, was wounded.",
        # Rates are measures, not times (TIDES/TimeML leave them unmarked).
        "The deal will save $500 million a year.",
        "Sales should rise 8.5% annually.",
        "The chip runs 15 million instructions per second.",
        "Two airlines run four flights a week.",
    ],
)
def test_not_times(nlp: Language, text: str) -> None:
    assert times(nlp, text) == []


def test_black_friday_is_a_holiday_not_a_weekday(nlp: Language) -> None:
    """Decided: "Black Friday" is the Friday after US Thanksgiving, resolved as a holiday
    (the last one before the DCT in a past-tense sentence), not the nearest Friday."""
    t = one(nlp, "Shoppers crowded the malls on Black Friday.", "Black Friday")
    assert (t.value, t.rule) == ("2021-11-26", "holiday")


def test_rule_names_are_recorded(nlp: Language) -> None:
    rules = {t.text: t.rule for t in times(nlp, "Talks ended Friday after two days.")}
    assert rules == {"Friday": "weekday", "two days": "duration"}


def test_earnings_comparisons_follow_the_quarter(nlp: Language) -> None:
    """In a quarterly report "a year earlier" is the same quarter a year back."""
    text = "Profit rose 8% in the third quarter from $2 million a year earlier."
    found = {t.text: t.value for t in times(nlp, text, date="2021-10-20")}
    assert found == {"the third quarter": "2021-Q3", "a year earlier": "2020-Q3"}


def test_long_document_is_fast(nlp: Language) -> None:
    """The layer runs on every document: a long one costs milliseconds, not seconds."""
    paragraph = (
        "On Tuesday the ministry said 2,000 troops had left in the past two weeks, "
        "and talks would resume next month. Exports fell 3% in the third quarter. "
    )
    text = paragraph * 200
    parsed = nlp.make_doc(text)  # tokens only: the cost measured is the layer's own
    start = time.perf_counter()
    found = find_times(Document("long", text, DCT), parsed)
    elapsed = time.perf_counter() - start
    assert len(found) >= 800
    assert elapsed < 1.0
