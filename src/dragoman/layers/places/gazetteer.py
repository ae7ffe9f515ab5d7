"""The gazetteer: place names to candidate places, read from a compiled SQLite file.

The file is built on first use (``build.py``) into dragoman's disk cache, under a key
that covers every source file, and is only opened afterwards: start-up costs a file
open, and each lookup a few indexed reads. With the cache switched off
(``DRAGOMAN_CACHE=off``) it is built into a temporary folder once per process.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dragoman.layers.places.build import (
    ABBREV,
    ADJECTIVE,
    ALTERNATE,
    GazetteerUnavailable,
    build_database,
    source_files,
)
from dragoman.layers.places.keys import exact_surface_ok, place_key
from dragoman.lexicon import data_dir
from dragoman.lexicon.cache import cache_dir, cache_key

__all__ = [
    "ABBREV",
    "ADJECTIVE",
    "ALTERNATE",
    "Candidate",
    "Gazetteer",
    "GazetteerUnavailable",
    "gazetteer",
]

#: Bump when the schema or the build rules change.
BUILD_VERSION = "places-4"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One place a name may stand for.

    ``kind`` says how the name matched: 0 the place's own name, 1 a curated alias, 2 a
    GeoNames alternate name, 3 an adjective or demonym ("Russian"), 4 an abbreviation
    ("Calif."). ``admin1`` is the GeoNames code of its first-level area ("US.TX").
    """

    pid: int
    geonameid: int | None
    name: str
    country: str | None
    lat: float
    lon: float
    feature: str
    population: int
    admin1: str | None
    admin2: str | None
    code: str | None
    capital: int
    kind: int


class Gazetteer:
    """Lookups by name key against the compiled file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    @property
    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.con = con
        return con

    @property
    def inner_words(self) -> frozenset[str]:
        """Lower-case words that occur inside curated names ("states" in "Baltic
        states"): recognition extends a name over a lower-case word only if it is one."""
        words = getattr(self, "_inner", None)
        if words is None:
            row = self._con.execute("SELECT v FROM meta WHERE k = 'inner_words'").fetchone()
            words = self._inner = frozenset((row[0] if row else "").split("|")) - {""}
        return words

    def lookup_keys(self, keys: Iterable[str]) -> dict[str, list[tuple[Candidate, str | None]]]:
        """Candidates for each key, each with the exact spelling it requires (or None)."""
        wanted = sorted({k for k in keys if k})
        out: dict[str, list[tuple[Candidate, str | None]]] = {}
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self._con.execute(
                "SELECT n.key, n.kind, n.surface, p.pid, p.geonameid, p.name, p.country, p.lat,"
                " p.lon, p.feature, p.population, p.admin1, p.admin2, p.code, p.capital"
                " FROM name n JOIN place p ON p.pid = n.pid"
                f" WHERE n.key IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            for key, kind, surface, *place in rows:
                out.setdefault(key, []).append((Candidate(*place, kind=kind), surface))
        return out

    def candidates(self, surface: str) -> list[Candidate]:
        """Places the text ``surface`` may name, best kind of match first per place."""
        key = place_key(surface)
        found = self.lookup_keys([key]).get(key, [])
        return select(found, surface)

    def by_code(self, code: str) -> Candidate | None:
        """An admin area by GeoNames code ("US.TX") or a country by ISO3 code."""
        row = self._con.execute(
            "SELECT pid, geonameid, name, country, lat, lon, feature, population, admin1,"
            " admin2, code, capital FROM place WHERE code = ? LIMIT 1",
            (code,),
        ).fetchone()
        return Candidate(*row, kind=0) if row else None


def select(found: list[tuple[Candidate, str | None]], surface: str) -> list[Candidate]:
    """Keep the candidates whose spelling rule the surface meets, one per place (its
    best kind of match)."""
    best: dict[int, Candidate] = {}
    letters = [c for c in surface if c.isalpha()]
    initials = len(letters) <= 3 and all(c.isupper() for c in letters)
    for cand, exact in found:
        if exact is not None and not exact_surface_ok(exact, surface):
            continue
        if exact is None and initials:
            continue  # "P.A." or "IN" is not the town of Pa or In
        old = best.get(cand.pid)
        if old is None or _kind_rank(cand.kind) < _kind_rank(old.kind):
            best[cand.pid] = cand
    return list(best.values())


def _kind_rank(kind: int) -> int:
    return (0, 1, 3, 2, 4)[kind]


def _database_path() -> Path:
    data = data_dir()
    files = source_files(data)
    key = cache_key("places", files, [BUILD_VERSION])
    folder = cache_dir()
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="dragoman-places-"))
    path = folder / f"places-{key}.sqlite"
    if not path.exists():
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK):
            folder = Path(tempfile.mkdtemp(prefix="dragoman-places-"))
            path = folder / path.name
        build_database(path, data)
        for old in folder.glob("places-*.sqlite"):  # 50 MB each: keep only the current one
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
    return path


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared gazetteer, built into the cache on first use."""
    return Gazetteer(_database_path())
