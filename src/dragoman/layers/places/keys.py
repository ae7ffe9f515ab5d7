"""The lookup key of a place name: one spelling for the ways news writes the same name.

Names in the gazetteer and spans of text are compared by key, so "U.S." and "US",
"St. Louis" and "Saint Louis", "Nagorno-Karabakh" and "Nagorno Karabakh", "Zürich" and
"Zurich" find the same entries. Case is folded here; the few names that must match as
written (abbreviations such as "US" or "Ore.") are checked by ``exact_surface_ok``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        "-": " ",
        ".": "",
        ",": " ",
        "/": " ",
        "&": " and ",
    }
)
#: Words with a usual short form: both forms get the same key.
_WORD_FORMS = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def place_key(text: str) -> str:
    """Lower case, no accents, no periods, hyphens and commas as spaces, a leading "the"
    dropped, "Saint" as "St"."""
    if not text.isascii():
        text = "".join(
            c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
        )
    words = _SPACES.split(text.translate(_PUNCT).lower().strip())
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(_WORD_FORMS.get(w, w) for w in words if w)


def is_latin(text: str) -> bool:
    """True when the name is written in Latin letters (accents allowed)."""
    return all(
        c.isascii() or unicodedata.name(c, "").startswith("LATIN") or not c.isalpha() for c in text
    )


def needs_exact_case(name: str) -> bool:
    """Short names in capitals ("US", "UAE", "DC") and abbreviations with periods
    ("N.M.", "Ore.") match only as written, so "us" and "ore" stay words."""
    letters = [c for c in name if c.isalpha()]
    if not letters:
        return False
    capitals = all(c.isupper() for c in letters) and len(letters) <= 5
    return capitals or name.endswith(".")


def exact_surface_ok(stored: str, surface: str) -> bool:
    """Whether text written ``surface`` may stand for the case-sensitive name ``stored``:
    as written, or in a line set in capitals ("CALIF." for "Calif.")."""
    squeeze = surface.replace(" ", "")
    if squeeze == stored.replace(" ", ""):
        return True
    letters = [c for c in surface if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and squeeze == stored.upper()
