"""Numbers, ordinals, spelled-out years and duration values.

Time expressions write amounts in figures ("10 months", "2 1/2 years") and in words
("twenty-four hours", "a couple of years", "nineteen ninety-six"); these helpers turn
them into numbers and TIMEX3 duration strings, reading the word lists of the lexicon.
"""

from __future__ import annotations

import re
from datetime import date

from dragoman.layers.times.lexicon import Unit, lexicon, squash

LX = lexicon()


# ---------------------------------------------------------------- numbers and words
_FRACTION = re.compile(r"(\d+)\s+(\d)/(\d)|(\d+)½")


def number(text: str | None) -> float | None:
    """The value of a number written in digits or words; None for vague amounts
    ("several") or nothing."""
    if not text:
        return None
    raw = text.strip()
    m = _FRACTION.fullmatch(raw)
    if m:
        if m.group(4):
            return int(m.group(4)) + 0.5
        return int(m.group(1)) + int(m.group(2)) / int(m.group(3))
    digits = raw.replace(",", "")
    try:
        return float(digits)
    except ValueError:
        pass
    key = squash(raw)
    half = 0.0
    for suffix in (" and a half", " half"):
        if key.endswith(suffix):
            key, half = key[: -len(suffix)], 0.5
    if key in LX.numbers:
        return LX.numbers[key] + half
    total = 0
    for word in key.split():
        if word not in LX.numbers:
            return None
        total += LX.numbers[word]
    return total + half if total else None


def ordinal(text: str | None) -> int | None:
    """The value of "3rd", "third" or "twenty-first"."""
    if not text:
        return None
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    return LX.ordinals.get(squash(text))


def spelled_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001."""
    words = squash(text).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = number(" ".join(words[2:])) if words[2:] else 0
        return None if rest is None else 2000 + int(rest)
    century = LX.numbers.get(words[0])
    if century is None:
        return None
    rest_words = words[1:]
    if rest_words == ["hundred"]:
        return century * 100
    if rest_words[:1] == ["oh"]:
        rest_words = rest_words[1:]
    rest = number(" ".join(rest_words))
    return None if rest is None else century * 100 + int(rest)


def year_of(text: str | None, dct: date | None) -> int | None:
    """A year written as digits ("1998", "'98", "98") or words."""
    if not text:
        return None
    text = text.strip().lstrip("'")
    if text.isdigit():
        value = int(text)
        if len(text) == 2:
            century = (dct.year // 100 * 100) if dct else 1900
            value += century
            if dct and value > dct.year + 10:
                value -= 100
        return value
    return spelled_year(text)


def duration_value(amount: float | None, unit: Unit) -> str:
    """A TIMEX3 duration: ``P3D``, ``PT24H``, ``P2Y6M``; X for a vague amount."""
    prefix = "PT" if unit.time else "P"
    if amount is None:
        return f"{prefix}X{unit.vague or unit.letter}"
    amount *= unit.size
    whole = int(amount)
    rest = amount - whole
    if not rest:
        return f"{prefix}{whole}{unit.letter}"
    factor, letter, is_time = SMALLER[(unit.letter, unit.time)]
    part = round(rest * factor)
    head = f"{whole}{unit.letter}" if whole else ""
    if is_time and not unit.time:
        return f"P{head}T{part}{letter}"
    return f"{prefix}{head}{part}{letter}"


#: The next smaller unit for the fraction of a duration ("2 1/2 years" = P2Y6M):
#: (letter, is a time unit) -> (how many, letter, is a time unit).
SMALLER = {
    ("Y", False): (12, "M", False),
    ("Q", False): (3, "M", False),
    ("M", False): (4, "W", False),
    ("W", False): (7, "D", False),
    ("D", False): (24, "H", True),
    ("H", True): (60, "M", True),
    ("M", True): (60, "S", True),
    ("S", True): (1, "S", True),
}
