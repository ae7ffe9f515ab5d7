"""Exports of the stored events: JSONL, CSV, Parquet, GDELT, PLOVER, or a table to read.

Every format is made from the same selection (``query.event_records``: filters, then
de-duplication), so the formats of one selection always agree on what is in it.

- ``jsonl``: the event JSON of CONTRACT.md, one per line, plus ``doc_date``, ``source``,
  ``url`` and the ``num_mentions``/``num_sources``/``num_articles`` counts.
- ``csv``: the columns of ``dragoman code --format csv``, then those six; a header row.
- ``parquet``: the ``events`` columns (lists as lists, the event JSON as a string
  column) plus the document and count columns, written by DuckDB itself so no Arrow
  library is needed; DuckDB, pandas and Arrow read it.
- ``gdelt``: ``gdelt.py``; ``plover``: ``plover_format.py``.
- ``table``: a fixed-width table for people (what ``make demo`` prints).

Files are written whole or not at all: text formats through ``output_stream``, Parquet to
a temporary file beside the target that replaces it when complete.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from dragoman.dataset.gdelt import write_gdelt
from dragoman.dataset.plover_format import write_plover
from dragoman.dataset.query import EventFilter, event_query, event_records
from dragoman.dataset.store import Store
from dragoman.io.atomic import atomic_path
from dragoman.io.writers import CSV_COLUMNS, _table, output_stream

EXPORT_FORMATS = ("jsonl", "csv", "parquet", "gdelt", "plover", "table")
TEXT_FORMATS = tuple(f for f in EXPORT_FORMATS if f != "parquet")
EXTRA_COLUMNS = ["doc_date", "source", "url", "num_mentions", "num_sources", "num_articles"]


def _extras(record: dict[str, Any]) -> dict[str, Any]:
    date = record.get("doc_date")
    return {
        "doc_date": date.isoformat() if date else None,
        "source": record.get("doc_source"),
        "url": record.get("doc_url"),
        "num_mentions": record["num_mentions"],
        "num_sources": record["num_sources"],
        "num_articles": record["num_articles"],
    }


def jsonl_record(record: dict[str, Any]) -> dict[str, Any]:
    """The contract's event JSON with the document and count fields added."""
    return json.loads(record["event"]) | _extras(record)


def _joined(entities: list[dict], key: str) -> str:
    return ";".join(e.get(key) or "" for e in entities)


def csv_row(record: dict[str, Any]) -> dict[str, Any]:
    """A stored event as the CSV row ``dragoman code --format csv`` gives, plus extras."""
    ev = json.loads(record["event"])
    loc = ev.get("location") or None
    speaker = (ev.get("attribution") or {}).get("speaker") or {}
    row = {
        "event_id": ev["event_id"],
        "doc_id": ev["doc_id"],
        "sentence": ev["sentence"],
        "actor_code": _joined(ev["actor"], "code"),
        "actor_text": _joined(ev["actor"], "text"),
        "recipient_code": _joined(ev["recipient"], "code"),
        "recipient_text": _joined(ev["recipient"], "text"),
        "plover_type": ev["plover"]["type"],
        "plover_mode": ev["plover"]["mode"] or "",
        "plover_context": ";".join(ev["plover"].get("context") or []),
        "cameo_code": ev["cameo"]["code"],
        "cameo_root": ev["cameo"]["root"],
        "quad_class": ev["cameo"]["quad_class"],
        "goldstein": ev["cameo"]["goldstein"],
        "modality": ev["modality"],
        "date": ev["date"]["value"] or "",
        "location": (loc.get("name") or loc.get("text")) if loc else "",
        "location_lat": "" if not loc or loc.get("lat") is None else loc["lat"],
        "location_lon": "" if not loc or loc.get("lon") is None else loc["lon"],
        "trigger": ev["trigger"]["text"],
        "trigger_start": ev["trigger"]["start"],
        "trigger_end": ev["trigger"]["end"],
        "speaker": speaker.get("text") or "",
        "rule": ev["evidence"]["rule"],
        "score": ev["evidence"]["score"],
        "text": ev["text"],
    }
    return row | {k: ("" if v is None else v) for k, v in _extras(record).items()}


def write_jsonl(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(jsonl_record(record), ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS + EXTRA_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(csv_row(record))
        count += 1
    return count


def _who(entities: list[dict]) -> str:
    return ", ".join(f"{e['text']} [{e.get('code') or '?'}]" for e in entities) or "-"


def write_table(records: Iterable[dict[str, Any]], stream: IO[str]) -> int:
    """A table for people: one line per event, in date order."""
    rows = []
    for record in records:
        ev = json.loads(record["event"])
        plover = ev["plover"]["type"] + (f"/{ev['plover']['mode']}" if ev["plover"]["mode"] else "")
        rows.append(
            [
                ev["date"]["value"] or "",
                ev["doc_id"],
                _who(ev["actor"]),
                plover,
                ev["cameo"]["code"],
                _who(ev["recipient"]),
                ev["modality"],
                ev["trigger"]["text"],
                str(record["num_mentions"]),
            ]
        )
    headers = ["date", "doc", "actor", "plover", "cameo", "recipient", "modality", "trigger", "n"]
    stream.write(_table(headers, rows, [10, 26, 40, 20, 5, 40, 12, 14, 4]))
    stream.write(f"{len(rows)} events\n")
    return len(rows)


_WRITERS = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "gdelt": write_gdelt,
    "plover": write_plover,
    "table": write_table,
}


def write_parquet(store: Store, f: EventFilter, dedup: str, out: str) -> int:
    """Write the selection as Parquet with DuckDB, atomically; returns rows written."""
    sql, params = event_query(f, dedup)
    target = Path(out)
    with atomic_path(target) as tmp:
        relation = store.con.sql(f"SELECT * EXCLUDE (row_id) FROM ({sql})", params=params)
        relation.write_parquet(tmp)
    return int(store.scalar("SELECT count(*) FROM read_parquet(?)", [str(target)]))


def export(
    store: Store,
    fmt: str,
    out: str | None = None,
    f: EventFilter | None = None,
    dedup: str = "none",
) -> int:
    """Export the selected events in ``fmt`` to ``out`` (standard output when None; Parquet
    needs a file). Returns the number of rows (events; GDELT rows are dyads)."""
    f = f or EventFilter()
    if fmt == "parquet":
        if not out or out == "-":
            raise ValueError("parquet is written to a file: give --out FILE.parquet")
        return write_parquet(store, f, dedup, out)
    if fmt not in _WRITERS:
        raise ValueError(f"unknown format {fmt!r} (choose from {', '.join(EXPORT_FORMATS)})")
    with output_stream(out) as stream:
        return _WRITERS[fmt](event_records(store, f, dedup), stream)
