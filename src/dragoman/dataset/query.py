"""Selecting events from the store: the filters every export and statistic shares.

``EventFilter`` holds ``--from``, ``--to``, ``--actor``, ``--recipient``, ``--type`` and
``--country``; ``event_query`` turns it (and a de-duplication mode) into one SQL query
whose rows are the ``events`` columns, the document's ``doc_date``, ``doc_source``,
``doc_url``, ``doc_title``, ``doc_ingested_at``, and ``num_mentions``, ``num_sources``,
``num_articles``.

Matching rules, so that a filter means the same everywhere:

- an actor or recipient ``X`` matches a side when one of its entities has a code that
  starts with ``X`` (``RUS`` matches ``RUSGOV`` and ``RUSMIL``; ``IGO`` matches every
  intergovernmental organisation) or has country ``X``; several values match any of them;
- a type is a PLOVER category (``ACCUSE``) or a CAMEO code prefix (``11``, ``112``);
- a country is the ISO 3166 alpha-3 code of the event's location;
- ``--from``/``--to`` compare the first day of the event's date (``2022-02`` is
  2022-02-01), both ends included; events with no date are left out by either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from dragoman.dataset.dedup import dedup_sql
from dragoman.dataset.store import Store

ORDER = "ORDER BY date_start NULLS LAST, doc_id, sentence, trigger_start, event_id"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to select; empty fields select everything."""

    start: str | None = None
    end: str | None = None
    actors: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


def side_condition(side: str, codes: tuple[str, ...], alias: str = "e.") -> tuple[str, list[Any]]:
    """SQL matching any of ``codes`` on one side (``actor`` or ``recipient``) of an event."""
    parts, params = [], []
    for code in codes:
        parts.append(
            f"(contains({alias}{side}_key, ?) OR list_contains({alias}{side}_countries, ?))"
        )
        params += [";" + code, code]
    return "(" + " OR ".join(parts) + ")", params


def where_clause(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause (or "") and its parameters for a filter."""
    conditions: list[str] = []
    params: list[Any] = []
    if f.start:
        conditions.append("e.date_start >= CAST(? AS DATE)")
        params.append(f.start)
    if f.end:
        conditions.append("e.date_start <= CAST(? AS DATE)")
        params.append(f.end)
    for side, codes in (("actor", f.actors), ("recipient", f.recipients)):
        if codes:
            sql, more = side_condition(side, codes)
            conditions.append(sql)
            params += more
    if f.types:
        parts = []
        for t in f.types:
            if t.isdigit():
                parts.append("starts_with(e.cameo_code, ?)")
            else:
                parts.append("e.plover_type = ?")
            params.append(t.upper())
        conditions.append("(" + " OR ".join(parts) + ")")
    if f.countries:
        conditions.append("list_contains(?::VARCHAR[], e.location_country)")
        params.append([c.upper() for c in f.countries])
    return ("WHERE " + " AND ".join(conditions)) if conditions else "", params


def event_query(f: EventFilter, dedup: str = "none") -> tuple[str, list[Any]]:
    """The SQL (ordered by date, document, sentence, position) and its parameters."""
    where, params = where_clause(f)
    base = f"""
        SELECT e.rowid AS row_id, e.*, d.date AS doc_date, d.source AS doc_source,
               d.url AS doc_url, d.title AS doc_title, d.ingested_at AS doc_ingested_at
        FROM events e JOIN documents d ON d.id = e.doc_id
        {where}
    """
    return f"SELECT * FROM ({dedup_sql(base, dedup)}) {ORDER}", params


def event_records(
    store: Store, f: EventFilter, dedup: str = "none", chunk: int = 2000
) -> Iterator[dict[str, Any]]:
    """The selected events as dicts (column -> value), streamed in order."""
    sql, params = event_query(f, dedup)
    cursor = store.con.cursor()
    try:
        cursor.execute(sql, params)
        names = [d[0] for d in cursor.description]
        while rows := cursor.fetchmany(chunk):
            for row in rows:
                yield dict(zip(names, row, strict=True))
    finally:
        cursor.close()
