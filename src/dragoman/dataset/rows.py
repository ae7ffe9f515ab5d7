"""Coded documents as table rows: the flattening the store keeps, done where the coding is.

This module is what a worker process runs after the Coder: it turns one annotated
``Document`` into plain tuples for the ``documents``, ``entities`` and ``events`` tables
(``store.py`` documents them), so the parent process only has to write them. It imports
neither DuckDB nor spaCy, so it is cheap to import anywhere.

The column lists below are the single source of the schema: ``store.py`` builds its
``CREATE TABLE`` statements from them, so a row and its table cannot disagree.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from dragoman.document import Document, Entity, Event

#: (column, DuckDB type) of each table, in row order.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "VARCHAR"),
    ("text", "VARCHAR"),
    ("date", "DATE"),
    ("title", "VARCHAR"),
    ("source", "VARCHAR"),
    ("url", "VARCHAR"),
    ("sentences", "JSON"),
    ("times", "JSON"),
    ("places", "JSON"),
    ("quotes", "JSON"),
    ("n_entities", "INTEGER"),
    ("n_events", "INTEGER"),
    ("coder", "VARCHAR"),
    ("ingested_at", "TIMESTAMP"),
)
ENTITY_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "VARCHAR"),
    ("idx", "INTEGER"),
    ("text", "VARCHAR"),
    ("start_char", "INTEGER"),
    ("end_char", "INTEGER"),
    ("code", "VARCHAR"),
    ("country", "VARCHAR"),
    ("sector", "VARCHAR"),
    ("name", "VARCHAR"),
    ("kind", "VARCHAR"),
    ("entry", "VARCHAR"),
    ("rule", "VARCHAR"),
    ("antecedent", "JSON"),
)
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR"),
    ("doc_id", "VARCHAR"),
    ("sentence", "INTEGER"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("date", "VARCHAR"),
    ("date_start", "DATE"),
    ("date_precision", "VARCHAR"),
    ("actor_codes", "VARCHAR[]"),
    ("actor_countries", "VARCHAR[]"),
    ("recipient_codes", "VARCHAR[]"),
    ("recipient_countries", "VARCHAR[]"),
    ("actor_key", "VARCHAR"),
    ("recipient_key", "VARCHAR"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("plover_context", "VARCHAR[]"),
    ("plover_score", "DOUBLE"),
    ("cameo_code", "VARCHAR"),
    ("cameo_root", "VARCHAR"),
    ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"),
    ("modality", "VARCHAR"),
    ("trigger", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("location_geonameid", "BIGINT"),
    ("location_feature", "VARCHAR"),
    ("rule", "VARCHAR"),
    ("score", "DOUBLE"),
    ("text", "VARCHAR"),
    ("event", "JSON"),
)

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(slots=True)
class DocumentRows:
    """One coded document as rows of the three tables (pickled from worker to parent)."""

    document: tuple
    entities: list[tuple] = field(default_factory=list)
    events: list[tuple] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.document[0]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def date_parts(value: str | None) -> tuple[str | None, str | None]:
    """(first day, precision) of a TIMEX3 date value: ``2022-02`` -> (``2022-02-01``, month).

    Values that are not plain calendar dates (``2013-W11``, ``PRESENT_REF``) give
    (None, None): they are kept in ``date`` but take no part in date filters or series.
    """
    match = _DATE.match(value or "")
    if not match:
        return None, None
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}", "day"
    if month:
        return f"{year}-{month}-01", "month"
    return f"{year}-01-01", "year"


def party_key(entities: tuple[Entity, ...]) -> str:
    """A side of an event as one comparable string: ``;RUSGOV;UKRMIL;`` (sorted codes).

    An uncoded mention counts by its lower-cased text, so two uncoded actors are not
    taken for the same one. The leading and trailing ``;`` let a filter match a code
    prefix at any position with ``LIKE '%;RUS%'``.
    """
    parts = sorted(e.code or "~" + " ".join(e.text.lower().split()) for e in entities)
    return ";" + ";".join(parts) + ";" if parts else ""


def event_row(event: Event, document: Document) -> tuple:
    sent = (
        document.sentences[event.sentence]
        if 0 <= event.sentence < len(document.sentences)
        else None
    )
    start, precision = date_parts(event.date.value)
    loc = event.location
    return (
        event.event_id,
        document.doc_id,
        event.sentence,
        sent.start if sent else None,
        sent.end if sent else None,
        event.date.value,
        start,
        precision,
        [e.code for e in event.actor],
        [e.country for e in event.actor],
        [e.code for e in event.recipient],
        [e.country for e in event.recipient],
        party_key(event.actor),
        party_key(event.recipient),
        event.plover_type,
        event.plover_mode,
        list(event.plover_context),
        event.plover_score,
        event.cameo_code,
        event.cameo_code[:2],
        event.quad_class,
        event.goldstein,
        event.modality,
        event.trigger.text,
        event.trigger.start,
        event.trigger.end,
        (loc.name or loc.text) if loc else None,
        loc.country if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        loc.geonameid if loc else None,
        loc.feature if loc else None,
        event.rule,
        round(event.score, 4),
        event.text,
        _json(event.to_json()),
    )


def entity_row(doc_id: str, idx: int, e: Entity) -> tuple:
    antecedent = _json(e.antecedent.to_json()) if e.antecedent is not None else None
    return (doc_id, idx, e.text, e.start, e.end, e.code, e.country, e.sector, e.name, e.kind,
            e.entry, e.rule, antecedent)  # fmt: skip


def document_rows(document: Document, coder: str, ingested_at: Any) -> DocumentRows:
    """The rows of one annotated document. ``coder`` names what coded it (for provenance)."""
    doc = (
        document.doc_id,
        document.text,
        document.date,
        document.title,
        document.source,
        document.url,
        _json([s.to_json() for s in document.sentences]),
        _json([t.to_json() for t in document.times]),
        _json([p.to_json() for p in document.places]),
        _json([q.to_json() for q in document.quotes]),
        len(document.entities),
        len(document.events),
        coder,
        ingested_at,
    )
    return DocumentRows(
        document=doc,
        entities=[entity_row(document.doc_id, i, e) for i, e in enumerate(document.entities)],
        events=[event_row(ev, document) for ev in document.events],
    )
