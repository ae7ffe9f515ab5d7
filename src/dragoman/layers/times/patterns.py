"""The building blocks of the time grammar: regex fragments built from the lexicon.

A rule in ``rules.py`` writes ``{MONTH}``, ``{NUM}``, ``{UNIT}``...; these are the
fragments they stand for. Names of months, weekdays and holidays match capitalised only
(so "may" and "march" do not); other words in any case. Fragments carry no capturing
groups of their own except ``ANCHOR`` (the day a clock time is attached to), so a rule
names exactly the parts its normaliser reads.
"""

from __future__ import annotations

import re

from dragoman.layers.times.lexicon import Lexicon, alternation


def macros(lx: Lexicon) -> dict[str, str]:
    """The building blocks of the rules, as regex fragments."""
    ones = "one|two|three|four|five|six|seven|eight|nine"
    teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    compound = rf"(?:{tens})(?:[\s-]+(?:{ones}))?"
    number_word = rf"(?:(?i:{compound})|{alternation(lx.numbers)})"
    month_full = alternation(lx.months, capitalised=True)
    month_abbr = alternation(lx.month_abbreviations, capitalised=True)
    weekday = alternation(lx.weekdays, capitalised=True)
    weekday_abbr = alternation(lx.weekday_abbreviations, capitalised=True)
    day_words = [w for w, n in lx.ordinals.items() if n <= 31]
    spelled_1900 = (
        rf"(?i:(?:nineteen|eighteen|twenty)[\s-]+(?:hundred|{compound}|{teens}|oh[\s-]+(?:{ones})))"
    )
    spelled_2000 = rf"(?i:two\s+thousand(?:(?:\s+and)?[\s-]+(?:{compound}|{teens}|{ones}))?)"
    units_sg = alternation(lx.units)
    units_pl = alternation(lx.unit_plural_forms())
    return {
        "MONTH_FULL": rf"\b{month_full}\b",
        "MONTH_ABBR": rf"\b{month_abbr}\.",
        "MONTH": rf"\b(?:{month_full}\b|{month_abbr}\.|{month_abbr}(?=\s+\d))",
        "WEEKDAY": rf"\b{weekday}\b",
        "WEEKDAY_STEM": rf"\b{weekday}",
        "WEEKDAYX": rf"\b(?:{weekday}\b|{weekday_abbr}\.)",
        "DAY": r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d|\.\d)",
        "DAYWORD": rf"{alternation(day_words, hyphen=True)}\b",
        "ORDWORD": rf"{alternation(lx.ordinals, hyphen=True)}\b",
        "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?![\w%]|[.,/-]\d)",
        "SPYEAR": rf"(?:{spelled_1900}|{spelled_2000})",
        "SPYEAR19": spelled_1900,
        "NUMWORD": number_word,
        "NUM": (
            rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?(?:\s+\d/\d|½)?|{number_word}"
            rf"(?:\s+(?:and\s+a\s+)?half)?)"
        ),
        "VAGUEQ": alternation(lx.vague_quantities),
        "UNIT_SG": rf"{units_sg}\b",
        "UNIT": rf"(?:{units_pl}|{units_sg})\b",
        "UNIT_PL": rf"{units_pl}\b",
        "FILLER": alternation(lx.unit_fillers),
        "APPROX": alternation(lx.approximators),
        "APPROX_CLOCK": r"(?i:about|around|approximately|roughly|shortly\s+(?:before|after)"
        r"|just\s+(?:before|after)|at\s+about|at\s+around)",
        "POD": rf"{alternation(lx.parts_of_day, hyphen=True)}\b",
        "SEASON": rf"{alternation(lx.seasons)}\b",
        "HOLIDAY": rf"\b{alternation(lx.holidays, capitalised=True)}(?!\w)",
        "FREQ": rf"\b{alternation(lx.frequencies, hyphen=True)}\b",
        "VAGUE": rf"{alternation(lx.vague_references)}\b",
        "DEICTIC": rf"{alternation(lx.deictic_days)}\b",
        "DECADE_WORD": rf"{alternation(lx.decades)}\b",
        "TZ": r"\b(?:" + "|".join(re.escape(z) for z in lx.time_zones) + r")\b",
        "AMPM": r"(?i:[ap]\.\s?m\.|[ap]\.m\b|[ap]m\b)",
        "MOD": r"(?i:early|late|mid|the\s+(?:end|beginning|start|middle|close|turn|"
        r"rest|remainder)\s+of)",
        "ANCHOR": (
            rf"(?:(?P<awd>{weekday})(?:,?\s+(?P<amonth>{month_full}|{month_abbr}\.)"
            rf"\s+(?P<aday>(?:3[01]|[12]\d|0?[1-9])(?!\d)))?"
            rf"|(?P<amonth2>{month_full}|{month_abbr}\.)\s+(?P<aday2>(?:3[01]|[12]\d|0?[1-9])(?!\d))"
            rf"|(?P<adeictic>(?i:today|yesterday|tomorrow|tonight))\b)"
        ),
    }
