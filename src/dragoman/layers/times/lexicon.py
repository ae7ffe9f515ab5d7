"""The words of time expressions, read once from ``data/times/lexicon.yaml``.

The grammar builds its regular expressions from these lists and the normaliser reads the
values, so the vocabulary lives in one documented data file a user can extend, not in code.
This module only loads the file, checks its shape and turns word lists into regex
alternations and lookups.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from dragoman.lexicon import data_dir

LEXICON_FILE = "times/lexicon.yaml"


@dataclass(frozen=True, slots=True)
class Unit:
    """A calendar unit: its TIMEX3 duration letter, how many letters one unit is, whether
    the letter belongs after ``T`` (hours, minutes, seconds) and the letter for a vague
    amount of it (``PXE`` for "decades")."""

    name: str
    letter: str
    size: int
    time: bool = False
    vague: str | None = None


@dataclass(frozen=True, slots=True)
class Holiday:
    """How a holiday's date is found in a given year (see the lexicon file's header)."""

    name: str
    month_day: tuple[int, int] | None = None
    nth: tuple[int, int, int] | None = None
    easter: int | None = None
    plus_days: int = 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every section of the lexicon file, keyed by lower-case word or phrase."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbreviations: dict[str, int]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    decades: dict[str, int]
    vague_quantities: tuple[str, ...]
    units: dict[str, Unit]
    unit_plurals: dict[str, str]
    unit_fillers: tuple[str, ...]
    parts_of_day: dict[str, str]
    clock_words: dict[str, str]
    seasons: dict[str, str]
    frequencies: dict[str, str]
    vague_references: dict[str, str]
    deictic_days: dict[str, int]
    time_zones: tuple[str, ...]
    approximators: tuple[str, ...]
    holidays: dict[str, Holiday]
    future_verbs: frozenset[str]
    future_prepositions: frozenset[str]
    context: dict[str, frozenset[str]]

    def month(self, word: str) -> int | None:
        """The month number of a name or abbreviation ("Sept." -> 9)."""
        key = word.lower().rstrip(".")
        return self.months.get(key) or self.month_abbreviations.get(key)

    def weekday(self, word: str) -> int | None:
        """The ISO weekday of a name, abbreviation or plural ("Thurs." -> 4)."""
        key = word.lower().rstrip(".")
        found = self.weekdays.get(key) or self.weekday_abbreviations.get(key)
        if found is None and key.endswith("s"):
            found = self.weekdays.get(key[:-1])
        return found

    def unit(self, word: str) -> Unit | None:
        """The unit a singular, plural or hyphenated unit word names ("centuries")."""
        key = squash(word)
        if key in self.units:
            return self.units[key]
        if key in self.unit_plurals:
            return self.units[self.unit_plurals[key]]
        if key.endswith("s") and key[:-1] in self.units:
            return self.units[key[:-1]]
        return None

    def unit_plural_forms(self) -> list[str]:
        """Every plural unit word, for the grammar."""
        return [*(f"{u}s" for u in self.units if u != "century"), *self.unit_plurals]


def squash(text: str) -> str:
    """Lower case with runs of spaces and hyphens made one space: the lookup key of a
    phrase however the text spaces it."""
    return re.sub(r"[\s\-]+", " ", text.strip().lower())


def alternation(words: Iterable[str], *, capitalised: bool = False, hyphen: bool = False) -> str:
    """A non-capturing regex group matching any of ``words``, longest first so that the
    regex engine prefers "Christmas Day" to "Christmas".

    With ``capitalised`` only the Title-case and upper-case forms match (month, weekday
    and holiday names); otherwise the group matches in any case. With ``hyphen`` a space
    in a phrase may also be written as a hyphen.
    """
    gap = r"[\s\-]+" if hyphen else r"\s+"
    forms: set[str] = set()
    for word in words:
        if capitalised:
            forms.update({_title(word), word.upper()})
        else:
            forms.add(word)
    ordered = sorted(forms, key=lambda w: (-len(w), w))
    body = "|".join(gap.join(re.escape(part) for part in w.split()) for w in ordered)
    return f"(?:{body})" if capitalised else f"(?i:{body})"


def _title(phrase: str) -> str:
    """Capitalise every word that is not a short function word ("New Year's Day",
    "the Fourth of July")."""
    small = {"of", "the", "and"}
    words = phrase.split()
    out = []
    for i, word in enumerate(words):
        if i > 0 and word in small:
            out.append(word)
        else:
            out.append(word[:1].upper() + word[1:])
    return " ".join(out)


def _holiday(name: str, spec: dict[str, Any]) -> Holiday:
    """A holiday entry of the lexicon file, checked."""
    if "date" in spec:
        month, day = (int(x) for x in str(spec["date"]).split("-"))
        return Holiday(name, month_day=(month, day), plus_days=int(spec.get("plus_days", 0)))
    if "nth" in spec:
        n, weekday, month = (int(x) for x in spec["nth"])
        return Holiday(name, nth=(n, weekday, month), plus_days=int(spec.get("plus_days", 0)))
    if "easter" in spec:
        return Holiday(name, easter=int(spec["easter"]), plus_days=int(spec.get("plus_days", 0)))
    raise ValueError(f"{LEXICON_FILE}: holiday {name!r} has no date, nth or easter")


def _words(raw: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list section of the lexicon file, squashed."""
    return tuple(squash(str(w)) for w in raw.get(key) or ())


def _mapping(raw: dict[str, Any], key: str) -> dict[str, Any]:
    """A mapping section of the lexicon file, with squashed keys."""
    return {squash(str(k)): v for k, v in (raw.get(key) or {}).items()}


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read and check the lexicon file (the bundled one unless ``path`` is given)."""
    path = path or data_dir() / LEXICON_FILE
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when built
    with open(path, encoding="utf-8") as handle:
        raw = yaml.load(handle, Loader=loader)
    units = {
        squash(name): Unit(
            squash(name),
            str(spec["letter"]),
            int(spec.get("size", 1)),
            bool(spec.get("time", False)),
            spec.get("vague"),
        )
        for name, spec in (raw.get("units") or {}).items()
    }
    return Lexicon(
        months=_mapping(raw, "months"),
        month_abbreviations=_mapping(raw, "month_abbreviations"),
        weekdays=_mapping(raw, "weekdays"),
        weekday_abbreviations=_mapping(raw, "weekday_abbreviations"),
        numbers=_mapping(raw, "numbers"),
        ordinals=_mapping(raw, "ordinals"),
        decades=_mapping(raw, "decades"),
        vague_quantities=_words(raw, "vague_quantities"),
        units=units,
        unit_plurals=_mapping(raw, "unit_plurals"),
        unit_fillers=_words(raw, "unit_fillers"),
        parts_of_day=_mapping(raw, "parts_of_day"),
        clock_words={k: str(v) for k, v in _mapping(raw, "clock_words").items()},
        seasons=_mapping(raw, "seasons"),
        frequencies=_mapping(raw, "frequencies"),
        vague_references=_mapping(raw, "vague_references"),
        deictic_days=_mapping(raw, "deictic_days"),
        time_zones=tuple(str(w) for w in raw.get("time_zones") or ()),
        approximators=_words(raw, "approximators"),
        holidays={
            squash(name): _holiday(squash(name), spec)
            for name, spec in (raw.get("holidays") or {}).items()
        },
        future_verbs=frozenset(_words(raw, "future_verbs")),
        future_prepositions=frozenset(_words(raw, "future_prepositions")),
        context={
            name: frozenset(str(w).lower() for w in words or ())
            for name, words in (raw.get("context") or {}).items()
        },
    )


@cache
def lexicon() -> Lexicon:
    """The bundled lexicon, loaded once per process."""
    return load_lexicon()
