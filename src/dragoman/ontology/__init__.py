"""PLOVER 1.3 and CAMEO 1.1b3: categories, modes, codes, quad classes and scores.

The facts are data (``data/ontology/plover.tsv`` and ``cameo.tsv``); this module loads
them once and answers questions about codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dragoman.lexicon import data_dir
from dragoman.lexicon.tables import read_tsv

#: PLOVER 1.3 categories in the manual's order.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_COOPERATION = frozenset({"COOPERATE", "AID"})
VERBAL_CONFLICT = frozenset({"REQUEST", "ACCUSE", "REJECT", "THREATEN"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})


@dataclass(frozen=True, slots=True)
class PloverType:
    name: str
    quad: int
    score: float
    recipient_required: bool
    modes: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def quad_class(self) -> int:
        return cameo_quad(self.code)


def cameo_quad(code: str) -> int:
    """CAMEO quad class: 1 verbal cooperation (01-05), 2 material cooperation (06-08),
    3 verbal conflict (09-13), 4 material conflict (14-20)."""
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    out = {}
    for _, row in read_tsv(data_dir() / "ontology" / "plover.tsv"):
        out[row["type"]] = PloverType(
            name=row["type"],
            quad=int(row["quad"]),
            score=float(row["score"]),
            recipient_required=row["recipient_required"] == "yes",
            modes=tuple(m for m in row["modes"].split("|") if m),
            description=row["description"],
        )
    return out


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    return {
        row["code"]: CameoCode(row["code"], row["name"], float(row["goldstein"]))
        for _, row in read_tsv(data_dir() / "ontology" / "cameo.tsv")
    }


def goldstein(code: str) -> float:
    """The Goldstein weight of a CAMEO code (its parent's when the code is not listed)."""
    codes = cameo_codes()
    for candidate in (code, code[:3], code[:2] + "0"):
        if candidate in codes:
            return codes[candidate].goldstein
    raise KeyError(f"unknown CAMEO code {code!r}")
