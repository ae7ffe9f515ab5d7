"""PLOVER/POLECAT JSON records: one JSON object per event, one per line (JSONL).

Field names are those of the PLOVER 1.3 manual, chapter 6 "Data Fields" (Table 6.1 for
the event record, 6.2 for entity objects, 6.3 text info, 6.5 citation info, 6.6 location
objects); the manual asks that a data set use these names for the information they
name, and allows further fields. Required fields (``id``, ``date``, ``actor``,
``event``) are always present.

- ``event``, ``mode`` and ``context`` are lists, as the manual specifies (one category
  per record here: a compound sentence gives several records).
- ``date`` is the event date as precise as the text allows (``YYYY-MM-DD``, or
  ``YYYY-MM``/``YYYY``), or null when nothing dates the event.
- ``quad_code`` is the PLOVER quad of the category, ``event_scale`` its PLOVER score.
- Entity objects carry ``code`` (the 3-character entity code: the country, or IGO, NGO,
  ... for non-state actors, as PLOVER's rule 1), ``sector``, ``entity_text`` and
  ``identifier_text`` (canonical name); ``identifier_id`` (a Wikidata id) is null since
  our dictionaries do not carry one. Added: ``country_code`` and ``cameo_code``.
- ``event_loc`` uses the location object's names (``extracted_place``,
  ``resolved_place``, ``geonameid``, ``lat``, ``lon``, ``country_code``, ``resolution``).
- Added beyond the manual, under names it does not use: ``doc_id``, ``modality``,
  ``cameo``, ``evidence``, ``attribution``, ``num_mentions``, ``num_sources``,
  ``num_articles``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from dragoman import __version__

CODEBOOK = "plover-base-1.3"
#: Table 6.6 ``resolution``: 5 sub-city, 4 city, 3 district, 2 province, 1 country.
_RESOLUTION = {"country": 1, "region": 2, "admin": 2, "city": 4, "site": 5}
_NON_STATE = ("IGO", "NGO", "IMG", "MNC", "ISM", "UNO", "EUR")


def entity_object(entity: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER entity object (Table 6.2) for one of our entities."""
    code = entity.get("code") or ""
    country = entity.get("country")
    top = next((c for c in _NON_STATE if code.startswith(c)), None) or country or None
    return {
        "code": top,
        "sector": entity.get("sector"),
        "entity_text": entity.get("text"),
        "identifier_id": None,
        "identifier_text": entity.get("name"),
        "country_code": country,
        "cameo_code": entity.get("code"),
    }


def location_object(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if not place:
        return None
    return {
        "extracted_place": place.get("text"),
        "resolved_place": place.get("name"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "country_code": place.get("country"),
        "resolution": _RESOLUTION.get(place.get("feature") or ""),
    }


def plover_record(record: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER record of one stored event record (see ``query.event_records``)."""
    from dragoman.ontology import plover_types

    event = json.loads(record["event"])
    ptype = event["plover"]["type"]
    info = plover_types().get(ptype)
    added = record.get("doc_ingested_at")
    trigger = event["trigger"]
    return {
        "id": event["event_id"],
        "has_event": True,
        "date": event["date"]["value"],
        "actor": [entity_object(e) for e in event["actor"]],
        "recipient": [entity_object(e) for e in event["recipient"]],
        "event": [ptype],
        "mode": [event["plover"]["mode"]] if event["plover"]["mode"] else [],
        "context": list(event["plover"].get("context") or []),
        "event_loc": location_object(event.get("location")),
        "event_text": [trigger["text"]],
        "quad_code": info.quad if info else None,
        "event_scale": event["plover"].get("score"),
        "text": event["text"],
        "text_info": {
            "sequence": event["sentence"],
            "start": record.get("sentence_start"),
            "end": record.get("sentence_end"),
        },
        "cite_info": {
            "citation": event["doc_id"],
            "url": record.get("doc_url"),
            "title": record.get("doc_title"),
            "publication": record.get("doc_source"),
            "language": "en",
            "coder": f"dragoman {__version__}",
            "codebook": CODEBOOK,
        },
        "coder": f"dragoman {__version__}",
        "coded_date": added.date().isoformat() if added else None,
        "coded_time": added.time().isoformat() if added else None,
        "doc_id": event["doc_id"],
        "modality": event["modality"],
        "cameo": event["cameo"],
        "evidence": event["evidence"],
        "attribution": event.get("attribution"),
        "num_mentions": record.get("num_mentions", 1),
        "num_sources": record.get("num_sources", 1),
        "num_articles": record.get("num_articles", 1),
    }


def write_plover(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """Write records as PLOVER JSONL; returns records written."""
    count = 0
    for record in records:
        stream.write(json.dumps(plover_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count
