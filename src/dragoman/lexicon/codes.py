"""CAMEO-style actor codes: what the three-letter groups mean.

CAMEO 1.1b3 chapter 3: a domestic actor's code is its country code followed by role
codes (``RUSGOV``, ``USAGOVMIL``); an international actor's starts with a type such as
``IGO`` or ``NGO`` (``IGOWSTNAT``). ``split_code`` reads ``country`` and ``sector`` off a
code so the two never disagree with it.
"""

from __future__ import annotations

#: Role (sector) codes: CAMEO Table 3.1 primary, secondary and tertiary roles, plus the
#: international types that double as a sector for IGOs and NGOs.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "REB",
        "INS",
        "SEP",
        "SPY",
        "UAF",
        "AGR",
        "BUS",
        "CRM",
        "CVL",
        "DEV",
        "EDU",
        "ELI",
        "ENV",
        "HLH",
        "HRI",
        "LAB",
        "MED",
        "REF",
        "REL",
        "MOD",
        "RAD",
        "NGO",
        "IGO",
    ]
)

#: International actor types (CAMEO 3.1.1); they open a code in place of a country.
INTERNATIONAL = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM", "UIS", "INT"})


def split_code(code: str | None, countries: frozenset[str]) -> tuple[str | None, str | None]:
    """(country, sector) of an actor code; either may be None.

    The country is the first group when it is a known ISO 3166 alpha-3 code; the sector is
    the first role code after it (for international actors, the type itself when it is
    IGO or NGO: "IGOWSTNAT" has sector IGO).
    """
    if not code:
        return None, None
    groups = [code[i : i + 3] for i in range(0, len(code), 3)]
    country = groups[0] if groups[0] in countries else None
    rest = groups[1:] if country else groups
    sector = next((g for g in rest if g in SECTORS), None)
    return country, sector


def join_code(country: str | None, sector: str | None) -> str | None:
    """A code from a country and a sector; None when both are unknown."""
    if country and sector:
        return country + sector
    return country or sector
