"""What the explore page asks of the store, beyond what ``dragoman.dataset`` offers.

The selection is always ``dataset.query.event_query`` (the export filters, then
de-duplication), so a page of events, the network and the series of one selection agree
with each other and with ``dragoman export``. Each function takes an open ``Store`` and
returns plain JSON-ready values.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from dragoman.dataset.exports import jsonl_record
from dragoman.dataset.query import EventFilter, event_query
from dragoman.dataset.store import Store


def _rows(store: Store, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def stored_event(record: dict[str, Any]) -> dict[str, Any]:
    """An event row as the export's JSON, plus where its sentence lies in its document
    (so the page can show the sentence in place)."""
    return jsonl_record(record) | {
        "sentence_start": record.get("sentence_start"),
        "sentence_end": record.get("sentence_end"),
    }


def events_page(
    store: Store, f: EventFilter, dedup: str, limit: int, offset: int
) -> dict[str, Any]:
    """``limit`` events of the selection from ``offset`` on, and the selection's size."""
    sql, params = event_query(f, dedup)
    total = int(store.scalar(f"SELECT count(*) FROM ({sql})", params))
    rows = _rows(store, f"{sql} LIMIT ? OFFSET ?", [*params, limit, offset])
    return {
        "total": total,
        "offset": offset,
        "limit": limit,
        "events": [stored_event(r) for r in rows],
    }


def network(store: Store, f: EventFilter, dedup: str, max_edges: int) -> dict[str, Any]:
    """Directed edges actor code -> recipient code over the selection, heaviest first.

    A compound side (PLOVER's "Russia and Belarus") gives an edge per pair. Events with
    no recipient, or an uncoded party, draw no edge: there is no node to draw it to.
    """
    sql, params = event_query(f, dedup)
    pairs = f"""
        SELECT actor, unnest(recipient_codes) AS recipient, quad_class, goldstein
        FROM (SELECT unnest(actor_codes) AS actor, recipient_codes, quad_class, goldstein
              FROM ({sql}))
    """
    edges = _rows(
        store,
        f"""
        SELECT actor, recipient, count(*) AS events,
               count(*) FILTER (WHERE quad_class <= 2) AS cooperation,
               count(*) FILTER (WHERE quad_class >= 3) AS conflict,
               round(coalesce(sum(goldstein), 0), 2) AS goldstein
        FROM ({pairs})
        WHERE actor IS NOT NULL AND recipient IS NOT NULL
        GROUP BY ALL ORDER BY events DESC, actor, recipient
        LIMIT ?
        """,
        [*params, max_edges + 1],
    )
    truncated = len(edges) > max_edges
    edges = edges[:max_edges]
    weight: dict[str, int] = {}
    for edge in edges:
        for side in ("actor", "recipient"):
            weight[edge[side]] = weight.get(edge[side], 0) + edge["events"]
    names = _names(store, list(weight))
    nodes = [
        {"code": code, "name": names.get(code), "events": n}
        for code, n in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
    for edge in edges:
        edge["goldstein"] = float(edge["goldstein"])
    return {"nodes": nodes, "edges": edges, "truncated": truncated}


def _names(store: Store, codes: list[str]) -> dict[str, str]:
    """The most frequent canonical name of each code's mentions (for labels and tips)."""
    if not codes:
        return {}
    rows = store.con.execute(
        """
        SELECT code, mode(name) FROM entities
        WHERE name IS NOT NULL AND code IN (SELECT unnest(?::VARCHAR[]))
        GROUP BY code
        """,
        [codes],
    ).fetchall()
    return {code: name for code, name in rows}


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def stored_document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A stored document with every layer, in the shape of ``dragoman annotate``; None
    when the store has no such document."""
    docs = _rows(
        store,
        "SELECT id, text, date, title, source, url, sentences, times, places, quotes "
        "FROM documents WHERE id = ?",
        [doc_id],
    )
    if not docs:
        return None
    doc = docs[0]
    date = doc["date"]
    out: dict[str, Any] = {
        "doc_id": doc["id"],
        "text": doc["text"],
        "date": date.isoformat() if isinstance(date, dt.date) else date,
    }
    for key in ("title", "source", "url"):
        if doc[key] is not None:
            out[key] = doc[key]
    for key in ("sentences",):
        out[key] = _loads(doc[key]) or []
    entities = _rows(
        store,
        "SELECT text, start_char AS start, end_char AS end, code, country, sector, name, "
        "kind, entry, rule, antecedent FROM entities WHERE doc_id = ? ORDER BY idx",
        [doc_id],
    )
    for entity in entities:
        antecedent = entity.pop("antecedent")
        if antecedent is not None:
            entity["antecedent"] = _loads(antecedent)
    out["entities"] = entities
    for key in ("times", "places", "quotes"):
        out[key] = _loads(doc[key]) or []
    events = store.con.execute(
        "SELECT event FROM events WHERE doc_id = ? ORDER BY sentence, trigger_start, event_id",
        [doc_id],
    ).fetchall()
    out["events"] = [_loads(row[0]) for row in events]
    return out
