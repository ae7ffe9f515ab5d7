"""The TSV tables: countries (names, demonyms, seats of government) and agent words."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dragoman.lexicon.actors import DictionaryError
from dragoman.lexicon.codes import SECTORS


@dataclass(frozen=True, slots=True)
class Country:
    """A state or territory and the words that name it."""

    iso3: str
    iso2: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Agent:
    """A word or phrase that gives an actor its sector (CAMEO's agent dictionaries).

    ``kind`` is ``noun`` (heads a mention: "police"), ``title`` (goes with a name:
    "President"), ``modifier`` (changes the noun it modifies: "former") or ``role`` (a
    member noun that takes the sector of the body it belongs to: "official").
    """

    phrase: str
    sector: str | None
    kind: str
    note: str = ""


def read_tsv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a TSV file with ``#`` comment lines before the header, with line numbers."""
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError) as exc:
        raise DictionaryError(f"{path}: cannot read ({exc})") from None
    numbered = [
        (n, line) for n, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")
    ]
    if not numbered:
        return
    header = [h.strip() for h in numbered[0][1].rstrip("\r").split("\t")]
    reader = csv.reader(
        (line.rstrip("\r") for _, line in numbered[1:]), delimiter="\t", quoting=csv.QUOTE_NONE
    )
    for (n, _), cells in zip(numbered[1:], reader, strict=True):
        if len(cells) < len(header):
            cells = cells + [""] * (len(header) - len(cells))
        yield n, {k: v.strip() for k, v in zip(header, cells, strict=False)}


def _alternatives(cell: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in cell.split("|") if x.strip())


def load_countries(path: Path) -> list[Country]:
    out = []
    for n, row in read_tsv(path):
        iso3 = row.get("iso3", "").upper()
        if len(iso3) != 3 or not iso3.isalpha():
            raise DictionaryError(f"{path.name}:{n}: iso3 {iso3!r} is not a three-letter code")
        out.append(
            Country(
                iso3=iso3,
                iso2=row.get("iso2", "").upper(),
                name=row.get("name") or iso3,
                names=_alternatives(row.get("names", "")),
                demonyms=_alternatives(row.get("demonyms", "")),
                seats=_alternatives(row.get("seats", "")),
            )
        )
    return out


def load_agents(path: Path) -> list[Agent]:
    out = []
    for n, row in read_tsv(path):
        phrase = " ".join(row.get("phrase", "").lower().split())
        sector = row.get("sector", "").upper() or None
        kind = row.get("kind", "noun").lower() or "noun"
        if not phrase:
            continue
        if sector is None and kind != "role":
            raise DictionaryError(f"{path.name}:{n}: only a role noun may have no sector")
        if sector is not None and sector not in SECTORS:
            raise DictionaryError(f"{path.name}:{n}: sector {sector!r} is not a CAMEO role code")
        if kind not in {"noun", "title", "modifier", "role"}:
            raise DictionaryError(
                f"{path.name}:{n}: kind {kind!r} is not noun, title, modifier or role"
            )
        out.append(Agent(phrase, sector, kind, row.get("note", "")))
    return out
